"""The association is recognisable: its logo (or its name) in the header and footer, in link
previews and feeds, and favicons drawn from it; SVG logos are stored cleaned."""

import io
import json
import re

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError

from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from articles.factories import ArticlePageFactory
from association.models import AssociationSettings
from core.images import UnsafeSVG, sanitise_svg

pytestmark = pytest.mark.django_db

SVG_LOGO = """<?xml version="1.0"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 200 50" width="200" height="50" onload="alert(1)">
  <script>alert("volé")</script>
  <style>@import url(https://evil.example/x.css);</style>
  <foreignObject><iframe src="https://evil.example/"/></foreignObject>
  <a href="javascript:alert(2)"><rect width="10" height="10"/></a>
  <rect width="200" height="50" fill="#0b5563" onclick="alert(3)"/>
  <use xlink:href="https://evil.example/sprite.svg#a"/>
  <use href="#logo-mark"/>
  <circle id="logo-mark" cx="25" cy="25" r="20" fill="url(#grad)" style="fill: url(https://evil.example/)"/>
  <text x="60" y="32" font-size="20" fill="#fff">Association « MIE »</text>
</svg>""".encode()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def png_bytes(size=(400, 100), colour="#c0392b"):
    output = io.BytesIO()
    PILImage.new("RGB", size, colour).save(output, format="PNG")
    return output.getvalue()


def make_image(title, data, name):
    image_model = get_image_model()
    image = image_model(title=title, file=SimpleUploadedFile(name, data))
    image.save()
    return image


def set_logo(image):
    settings_row = AssociationSettings.objects.first() or AssociationSettings()
    settings_row.logo = image
    settings_row.name_fr = "Association InfoMIE"
    settings_row.save()


def test_without_logo_the_name_is_the_brand_and_favicons_answer(client, home_page):
    html = client.get("/fr/").content.decode()
    brand = re.search(r'<p class="site-brand">.*?</p>', html, re.S)[0]
    assert '<span class="site-brand__name">InfoMIE</span>' in brand
    assert "<img" not in brand
    assert '<link rel="icon" href="/favicon.ico"' in html
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html

    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    with PILImage.open(io.BytesIO(response.content)) as ico:
        assert ico.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48)} <= set(ico.info["sizes"])
    for url, size in (("/apple-touch-icon.png", 180), ("/feed-icon.png", 144)):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == "image/png"
        with PILImage.open(io.BytesIO(response.content)) as png:
            assert png.size == (size, size) and png.mode == "RGB"


def test_a_raster_logo_is_shown_everywhere_and_makes_the_favicons(client, news_index):
    default_icon = client.get("/apple-touch-icon.png").content
    set_logo(make_image("Logo", png_bytes(), "logo.png"))
    article = ArticlePageFactory(parent=news_index)

    html = client.get(article.get_url_in("fr")).content.decode()
    logo = re.search(
        r'<img class="site-brand__logo" src="([^"]+)" width="(\d+)" height="(\d+)"', html
    )
    assert logo, "the header shows the logo"
    assert logo[1].startswith("/media/images/") and (logo[2], logo[3]) == ("192", "48")
    assert 'alt="Association InfoMIE"' in html
    assert re.search(
        r'<img class="site-footer__logo" src="[^"]+" width="192" height="48" alt=""', html
    )
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["publisher"]["name"] == "Association InfoMIE"
    assert data["publisher"]["logo"]["url"] == f"http://testserver{logo[1]}"
    assert 'type="image/svg+xml"' not in html  # the default mark is no longer announced

    icon = client.get("/apple-touch-icon.png").content
    assert icon != default_icon
    with PILImage.open(io.BytesIO(icon)) as png:
        assert png.getpixel((90, 90))[:3] == (0xC0, 0x39, 0x2B)  # the logo's colour

    feed = client.get("/fr/actualites/rss/").content.decode()
    assert re.search(
        r"<image><url>http://testserver/feed-icon.png</url><title>[^<]+</title>"
        r"<link>http://testserver/fr/actualites/</link><width>144</width><height>144</height></image>",
        feed,
    )


def test_changing_the_logo_changes_the_header_at_once(client, home_page):
    set_logo(make_image("Logo", png_bytes(), "logo.png"))
    assert "site-brand__logo" in client.get("/fr/").content.decode()
    set_logo(None)
    assert "site-brand__logo" not in client.get("/fr/").content.decode()


def test_svg_is_cleaned_of_scripts_links_and_styles():
    cleaned = sanitise_svg(SVG_LOGO).decode()
    for unsafe in ("script", "alert", "onload", "onclick", "foreignObject", "iframe", "evil",
                   "javascript", "<style", "@import"):  # fmt: skip
        assert unsafe not in cleaned, unsafe
    assert 'href="#logo-mark"' in cleaned
    assert 'fill="url(#grad)"' in cleaned
    assert "Association « MIE »" in cleaned
    assert cleaned.count("<rect") == 1  # the one inside the link went with it
    with pytest.raises(UnsafeSVG):
        sanitise_svg(b'<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg"/>')
    with pytest.raises(UnsafeSVG):
        sanitise_svg(b"<html><script>alert(1)</script></html>")


def test_an_uploaded_svg_logo_is_stored_cleaned_and_shown_as_an_image(client, home_page):
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": "Logo SVG", "collection": 1},
        files={"file": SimpleUploadedFile("logo.svg", SVG_LOGO, content_type="image/svg+xml")},
    )
    assert form.is_valid(), form.errors
    image = form.save()
    with image.open_file() as file:
        stored = file.read().decode()
    assert "script" not in stored and "onload" not in stored and "<rect" in stored
    set_logo(image)
    html = client.get("/fr/").content.decode()
    logo = re.search(
        r'<img class="site-brand__logo" src="([^"]+\.svg)" width="(\d+)" height="48"', html
    )
    assert logo and logo[2] == "192"  # 200×50 drawn 48 px high
    assert "<svg" not in html.split("<main", 1)[0].split("<body", 1)[1]  # never inlined
    assert client.get("/favicon.ico").status_code == 200  # the default mark


def test_a_hostile_svg_is_refused_with_a_french_message():
    form_class = get_image_form(get_image_model())
    form = form_class(
        data={"title": "Pas un SVG", "collection": 1},
        files={"file": SimpleUploadedFile("logo.svg", b"<html><body>hello</body></html>")},
    )
    assert not form.is_valid()
    assert "file" in form.errors


def test_icons_answer_while_the_database_does_not(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(AssociationSettings, "cached", classmethod(unreachable))
    for url, content_type in (
        ("/favicon.ico", "image/x-icon"),
        ("/apple-touch-icon.png", "image/png"),
        ("/feed-icon.png", "image/png"),
    ):
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"] == content_type
        assert "max-age=60" in response["Cache-Control"]
