"""What search engines and link previews read: canonical URL, description, Open Graph and
Twitter tags in the page's language, JSON-LD for articles; and the bilingual error pages."""

import datetime
import json
import re

import pytest

from django.test import Client

from articles.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Royaume-Uni : des enfants disparus </script><script>alert(1)</script>",
        title_en="UK: children missing from care",
        lead_fr="Un rapport recense les disparitions.",
        lead_en="A report counts the disappearances.",
        source_name="The Guardian",
        source_url_fr="https://www.theguardian.com/a",
        authors_fr="Annie Kelly, Kate Hodal",
        authors_en="Annie Kelly, Kate Hodal",
        original_date=datetime.date(2016, 11, 14),
        original_language="en",
        published_date=datetime.date(2016, 11, 16),
        themes=[
            ThemeFactory(name_fr="Traite des êtres humains", name_en="Human trafficking"),
            ThemeFactory(name_fr="Disparitions", name_en="Missing children"),
        ],
    )


def meta(html, attribute, name):
    found = re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)
    return found


def link(html, rel):
    return re.findall(rf'<link rel="{rel}" href="([^"]*)">', html)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_article_metadata(client, article, lang):
    html = client.get(article.get_url_in(lang)).content.decode()
    url = f"http://testserver{article.get_url_in(lang)}"
    lead = {
        "fr": "Un rapport recense les disparitions.",
        "en": "A report counts the disappearances.",
    }
    assert link(html, "canonical") == [url]
    assert meta(html, "name", "description") == [lead[lang]]
    assert meta(html, "property", "og:type") == ["article"]
    assert meta(html, "property", "og:url") == [url]
    assert meta(html, "property", "og:description") == [lead[lang]]
    assert meta(html, "property", "og:locale") == [{"fr": "fr_FR", "en": "en_GB"}[lang]]
    assert meta(html, "name", "twitter:card") == ["summary_large_image"]
    image = f"http://testserver/static/img/social-{lang}.png"
    assert meta(html, "property", "og:image") == [image]
    assert meta(html, "name", "twitter:image") == [image]
    assert meta(html, "name", "twitter:description") == [lead[lang]]
    if lang == "en":
        assert meta(html, "property", "og:title") == ["UK: children missing from care"]
        assert meta(html, "property", "article:tag") == ["Human trafficking", "Missing children"]
    else:
        # Alphabetical in each language, whatever order the database returns them in.
        assert meta(html, "property", "article:tag") == ["Disparitions", "Traite des êtres humains"]

    data = json_ld(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["inLanguage"] == lang
    assert data["datePublished"] == "2016-11-16"
    assert data["url"] == url
    names = {
        "fr": {"Traite des êtres humains", "Disparitions"},
        "en": {"Human trafficking", "Missing children"},
    }
    assert {theme["name"] for theme in data["about"]} == names[lang]
    original = data["isBasedOn"]
    assert original["publisher"] == {"@type": "Organization", "name": "The Guardian"}
    assert original["author"] == [
        {"@type": "Person", "name": "Annie Kelly"},
        {"@type": "Person", "name": "Kate Hodal"},
    ]
    assert original["datePublished"] == "2016-11-14"
    assert original["url"] == "https://www.theguardian.com/a"
    assert original["inLanguage"] == "en"
    assert data["image"] == image


@pytest.mark.parametrize(
    ("url", "lang", "alt"),
    [
        ("/fr/", "fr", "InfoMIE · Centre de ressources sur les mineurs isolés étrangers"),
        ("/en/news/", "en", "InfoMIE · Resource centre on unaccompanied foreign minors"),
        ("/fr/actualites/themes/", "fr", None),
        ("/fr/nexiste-pas/", "fr", None),
    ],
)
def test_every_page_has_a_link_preview_image(client, article, settings, url, lang, alt):
    """An absolute URL to the site's image in the page's language, 1200x630, on the host
    and scheme the visitor used (behind the TLS proxy: https)."""
    from pathlib import Path

    from PIL import Image

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # as in production
    html = client.get(
        url, HTTP_HOST="infomie.example", HTTP_X_FORWARDED_PROTO="https"
    ).content.decode()
    image = f"https://infomie.example/static/img/social-{lang}.png"
    assert meta(html, "property", "og:image") == [image]
    assert meta(html, "property", "og:image:width") == ["1200"]
    assert meta(html, "property", "og:image:height") == ["630"]
    assert meta(html, "name", "twitter:image") == [image]
    if alt:
        assert meta(html, "property", "og:image:alt") == [alt]
        assert meta(html, "name", "twitter:image:alt") == [alt]
    with Image.open(Path(settings.BASE_DIR) / "static" / "img" / f"social-{lang}.png") as png:
        assert png.size == (1200, 630) and png.format == "PNG"


def test_the_preview_image_is_served(client):
    from django.contrib.staticfiles import finders

    for lang in ("fr", "en"):
        assert finders.find(f"img/social-{lang}.png")


def test_json_ld_cannot_close_its_script(client, article):
    html = client.get(article.get_url_in("fr")).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "</script" not in block and "<script" not in block
    assert json_ld(html)["headline"].startswith("Royaume-Uni : des enfants disparus </script>")


def test_french_only_article_points_to_its_french_address(client, news_index):
    article = ArticlePageFactory(parent=news_index, title_en=None, lead_en=None)
    html = client.get(article.get_url_in("en")).content.decode()
    assert link(html, "canonical") == [f"http://testserver{article.get_url_in('fr')}"]
    assert json_ld(html)["inLanguage"] == "fr"


@pytest.mark.parametrize(
    "url,canonical",
    [
        ("/fr/", "/fr/"),
        ("/en/news/", "/en/news/"),
        ("/en/news/?page=1&utm_source=x", "/en/news/"),
        ("/fr/actualites/?year=2016", "/fr/actualites/?year=2016"),
        ("/fr/actualites/themes/", "/fr/actualites/themes/"),
    ],
)
def test_listing_canonical_urls(client, article, url, canonical):
    html = client.get(url).content.decode()
    assert link(html, "canonical") == [f"http://testserver{canonical}"]
    assert len(meta(html, "name", "description")) == 1
    assert meta(html, "property", "og:type") == ["website"]
    assert "application/ld+json" not in html


def test_filtered_news_points_to_the_theme_page(client, article, news_index):
    theme = article.themes.first()
    html = client.get("/en/news/", {"theme": theme.slug_en}).content.decode()
    assert link(html, "canonical") == [f"http://testserver{news_index.theme_url(theme, 'en')}"]


def test_theme_page_description_is_the_theme_description(client, news_index):
    theme = ThemeFactory(description_fr="Ce que dit ce thème.", description_en="What it says.")
    html = client.get(news_index.theme_url(theme, "en")).content.decode()
    assert meta(html, "name", "description") == ["What it says."]
    assert f"<title>{theme.name_en} · InfoMIE</title>" in html


@pytest.mark.parametrize(
    "url,lang,heading,other",
    [
        ("/fr/nexiste-pas/", "fr", "Page introuvable", "Page not found"),
        ("/en/does-not-exist/", "en", "Page not found", "Page introuvable"),
    ],
)
def test_404_page_is_bilingual_and_looks_like_the_site(
    client, home_page, url, lang, heading, other
):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert other in html  # the other language, marked with its lang
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert 'role="search"' in html
    assert "noindex" in html


@pytest.mark.parametrize("url,lang", [("/fr/actualites/", "fr"), ("/en/news/", "en")])
def test_500_page_is_bilingual_and_looks_like_the_site(news_index, monkeypatch, url, lang):
    from articles.models import ArticleIndexPage

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(ArticleIndexPage, "get_context", broken)
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert "Something went wrong" in html
    assert "Une erreur est survenue" in html
    assert "site.css" in html and 'class="site-header"' in html and 'class="site-footer"' in html
    assert "boom" not in html and "Traceback" not in html


def test_untranslated_theme_points_to_its_french_page(client, news_index):
    theme = ThemeFactory(name_en=None, description_en=None)
    html = client.get(news_index.theme_url(theme, "en")).content.decode()
    assert link(html, "canonical") == [f"http://testserver{news_index.theme_url(theme, 'fr')}"]
    assert 'hreflang="en"' not in html.split("</head>")[0]
