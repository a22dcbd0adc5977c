"""An article may have a lead image: served as renditions in AVIF, WebP and JPEG with srcset,
sizes, width and height; its alternative text required in each language the article is written
in; its own link-preview image; pictures in listings at no extra query once warm."""

import json
import re

import pytest

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import wagtail_factories
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db

ALT_FR = "Un éducateur et deux adolescents devant la gare de Calais, à l’aube"
ALT_EN = "A youth worker and two teenagers outside Calais station at dawn"
CREDIT_FR = "InfoMIE, illustration générée"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_image(width=1600, height=900):
    return wagtail_factories.ImageFactory(
        title="Gare de Calais", file__width=width, file__height=height, file__color="#2a6f97"
    )


@pytest.fixture
def illustrated(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="« Mineurs » à Calais",
        title_en="“Minors” in Calais",
        lead_image=make_image(),
        lead_image_alt_fr=ALT_FR,
        lead_image_alt_en=ALT_EN,
        lead_image_credit_fr=CREDIT_FR,
    )


def meta(html, attribute, name):
    return re.findall(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', html)


def test_the_lead_image_is_a_picture_in_modern_formats(client, illustrated):
    html = client.get(illustrated.get_url_in("fr")).content.decode()
    figure = re.search(r'<figure class="article__image">.*?</figure>', html, re.S)[0]
    sources = dict(re.findall(r'<source type="(image/\w+)" srcset="([^"]+)"', figure))
    assert list(sources) == ["image/webp"]
    for kind, srcset in sources.items():
        widths = re.findall(rf"/media/images/[^ ]+\.{kind[6:]} (\d+)w", srcset)
        assert widths == ["400", "800", "1200"], (kind, srcset)
    img = re.search(r"<img [^>]+>", figure)[0]
    assert re.search(r'src="/media/images/[^"]+\.jpg"', img)
    assert re.findall(r"\.jpg (\d+)w", img) == ["400", "800", "1200"]
    assert 'width="800" height="450"' in img
    assert f'alt="{ALT_FR}"' in img.replace("&#x27;", "’")
    assert 'fetchpriority="high"' in img and "loading=" not in img
    assert 'sizes="(min-width: 48em) 48rem, calc(100vw - 2rem)"' in img
    assert f"<span>{CREDIT_FR}</span></figcaption>" in figure
    head = html.split("</head>", 1)[0]
    preload = re.search(
        r'<link rel="preload" as="image" type="image/webp" imagesrcset="([^"]+)"', head
    )
    assert preload and preload[1] == sources["image/webp"]


def test_the_article_image_is_its_link_preview(client, illustrated):
    html = client.get(illustrated.get_url_in("en")).content.decode()
    (og_image,) = meta(html, "property", "og:image")
    assert og_image.startswith("http://testserver/media/images/")
    assert "fill-1200x630" in og_image and og_image.endswith(".jpg")
    assert meta(html, "property", "og:image:width") == ["1200"]
    assert meta(html, "property", "og:image:height") == ["630"]
    assert meta(html, "property", "og:image:alt") == [ALT_EN]
    assert meta(html, "name", "twitter:image") == [og_image]
    assert meta(html, "name", "twitter:card") == ["summary_large_image"]
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    )
    assert data["image"] == og_image


def test_without_english_alt_text_the_french_one_is_marked(client, news_index):
    article = ArticlePageFactory(
        parent=news_index, lead_image=make_image(), lead_image_alt_fr=ALT_FR, title_en=None
    )
    html = client.get(article.get_url_in("en")).content.decode()
    img = re.search(r'<figure class="article__image">.*?(<img [^>]+>)', html, re.S)[1]
    assert 'lang="fr"' in img
    assert "Un éducateur" in img


def test_alt_text_is_required_in_each_written_language_when_an_image_is_set(news_index):
    article = ArticlePageFactory(parent=news_index, title_en="Written in English")
    article.lead_image = make_image()
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    messages = error.value.message_dict
    assert "le texte alternatif en français est obligatoire" in " ".join(
        messages["lead_image_alt_fr"]
    )
    assert "le texte alternatif en anglais est obligatoire" in " ".join(
        messages["lead_image_alt_en"]
    )
    article.lead_image_alt_fr = ALT_FR
    article.lead_image_alt_en = ALT_EN
    article.full_clean()
    article.title_en = ""
    article.lead_image_alt_en = ""
    article.full_clean()  # not written in English: the French text serves, marked


def test_no_image_no_picture_and_the_site_image(client, news_index):
    article = ArticlePageFactory(parent=news_index)
    html = client.get(article.get_url_in("fr")).content.decode()
    assert "<picture" not in html and 'rel="preload"' not in html
    assert meta(html, "property", "og:image") == ["http://testserver/static/img/social-fr.png"]


def test_a_small_original_is_never_listed_twice(client, news_index):
    article = ArticlePageFactory(
        parent=news_index,
        lead_image=make_image(600, 400),
        lead_image_alt_fr=ALT_FR,
        lead_image_alt_en=ALT_EN,
    )
    html = client.get(article.get_url_in("fr")).content.decode()
    srcset = re.search(r'<source type="image/webp" srcset="([^"]+)"', html)[1]
    widths = re.findall(r" (\d+)w", srcset)
    assert widths == sorted(set(widths), key=int) and widths[-1] == "600"


def queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_pictures_in_listings_cost_no_query_once_warm(client, news_index):
    theme = ThemeFactory()

    def add(count):
        for _ in range(count):
            ArticlePageFactory(
                parent=news_index, themes=[theme], lead_image=make_image(320, 200),
                lead_image_alt_fr=ALT_FR, lead_image_alt_en=ALT_EN,
            )  # fmt: skip

    add(2)
    small = {url: queries(client, url)[0] for url in ("/fr/", "/fr/actualites/")}
    plain = ArticlePageFactory(parent=news_index, themes=[theme])
    small[plain.get_url_in("fr")] = queries(client, plain.get_url_in("fr"))[0]
    add(14)
    for url, count in small.items():
        large, html = queries(client, url)
        assert large == count, url
    listing = queries(client, "/fr/actualites/")[1]
    pictures = re.findall(r'<picture class="card__picture">.*?</picture>', listing, re.S)
    assert len(pictures) == 16  # all pictured articles, on the first page of 20
    assert all('loading="lazy"' in picture and 'width="' in picture for picture in pictures)


def test_the_editor_sees_in_french_which_alt_text_is_missing(client, admin_user, news_index):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(admin_user)
    article = ArticlePageFactory(parent=news_index, title_fr="Été à Marseille")
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    image = make_image()
    data = article_form_data(
        slug_fr="ete-a-marseille",
        slug_en="summer-in-marseille",
        lead_image=image.pk,
        lead_image_alt_fr="",
        lead_image_alt_en="",
        lead_image_credit_fr=CREDIT_FR,
        lead_image_credit_en="",
        themes=[ThemeFactory().pk],
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["lead_image_alt_fr"] == [
        "Décrivez l’image pour qui ne la voit pas : le texte alternatif en français est "
        "obligatoire quand une image est choisie."
    ]
    assert "en anglais" in errors["lead_image_alt_en"][0]
    page = response.content.decode()
    assert "texte alternatif de l’image" in page.lower()

    data["lead_image_alt_fr"], data["lead_image_alt_en"] = ALT_FR, ALT_EN
    assert client.post(url, data).status_code == 302
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert saved.lead_image_id == image.pk and saved.lead_image_credit_fr == CREDIT_FR
