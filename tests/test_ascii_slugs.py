"""Slugs are plain ASCII, as editors coming from SPIP or WordPress expect: « Été à Marseille »
gives `ete-a-marseille`, titles in Arabic, Pashto or Tigrinya are spelled in Latin letters; an
address typed or linked with accents, or an old one, still leads to the page."""

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.utils.encoding import uri_to_iri

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage
from core.slug_migration import transliterate_unicode_slugs

from .admin_forms import article_form_data

TITLE_FR = "Été à Marseille : « l’accueil des mineurs isolés » s’améliore"


def published_article(news_index, **fields):
    article = ArticlePageFactory(parent=news_index, **fields)
    article.save_revision().publish()
    return article


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("coord", "coord@example.org", "pw")
    client.force_login(user)
    return client


def test_an_article_written_in_the_admin_gets_ascii_addresses(editor_client, news_index):
    theme = ThemeFactory()
    data = article_form_data(
        title_fr=TITLE_FR,
        title_en="Summer in Marseille: “care for lone minors” improves",
        # What Wagtail's admin sent before: the title with its accents kept.
        slug_fr="été-à-marseille-laccueil-des-mineurs-isolés-saméliore",
        slug_en="",
        themes=[theme.pk],
    )
    data["action-publish"] = "action-publish"
    response = editor_client.post(f"/admin/pages/add/articles/articlepage/{news_index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]

    article = ArticlePage.objects.get(title_fr=TITLE_FR)
    assert article.get_url_in("fr") == (
        "/fr/actualites/ete-a-marseille-laccueil-des-mineurs-isoles-sameliore/"
    )
    assert article.get_url_in("en") == (
        "/en/news/summer-in-marseille-care-for-lone-minors-improves/"
    )
    editor_client.logout()
    for lang, text in (("fr", "« l’accueil des mineurs isolés »"), ("en", "“care for lone")):
        response = editor_client.get(article.get_url_in(lang))
        assert response.status_code == 200
        assert text in response.content.decode()


def test_the_admin_slug_field_transliterates_as_the_editor_types(editor_client, news_index):
    """Wagtail's slug script fills the slug from the title in ASCII, transliterated: its
    Unicode mode (an attribute of the field) is off."""
    response = editor_client.get(f"/admin/pages/add/articles/articlepage/{news_index.pk}/")
    html = response.content.decode()
    assert 'name="slug_fr"' in html
    assert 'data-controller="w-slug"' in html
    assert "data-w-slug-allow-unicode-value" not in html


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("« Été » : l’ASE à Mayotte", "ete-lase-a-mayotte"),
        ("حقوق الأطفال غير المصحوبين", "hqwq-ltfl-ghyr-lmshwbyn"),  # Arabic
        ("د ماشومانو حقونه", "d-mshwmnw-hqwnh"),  # Pashto
        ("ትግርኛ ዜና", "tgrnya-zena"),  # Tigrinya
    ],
)
def test_titles_in_any_script_give_readable_ascii_addresses(client, news_index, title, expected):
    article = published_article(news_index, title_fr=title, title_en="")
    assert article.slug_fr == expected
    response = client.get(article.get_url_in("fr"))
    assert response.status_code == 200
    assert title in response.content.decode()


def test_an_address_typed_with_accents_redirects_to_the_page(client, news_index):
    article = published_article(news_index, title_fr="Été à Marseille", title_en="")
    assert article.slug_fr == "ete-a-marseille"

    for address in ("/fr/actualites/été-à-marseille/", "/fr/actualités/été-à-marseille/"):
        response = client.get(address + "?utm_source=lettre")
        assert response.status_code == 301, address
        assert response["Location"] == "/fr/actualites/ete-a-marseille/?utm_source=lettre"
    assert client.get("/fr/actualites/été-à-lyon/").status_code == 404


@override_settings(WAGTAIL_ALLOW_UNICODE_SLUGS=True)
def _saved_with_unicode_slugs(news_index):
    """An article and the news section as they were saved before slugs were ASCII."""
    news_index.slug_fr = "actualités"
    news_index.save()
    return published_article(
        news_index, title_fr="Été à Marseille", slug_fr="été-à-marseille", title_en="Summer"
    )


def test_pages_saved_with_accented_slugs_get_ascii_ones_and_keep_their_addresses(
    client, news_index
):
    article = _saved_with_unicode_slugs(news_index)
    assert uri_to_iri(article.get_url_in("fr")) == "/fr/actualités/été-à-marseille/"

    transliterate_unicode_slugs(sender=apps.get_app_config("wagtailcore"))
    transliterate_unicode_slugs(sender=apps.get_app_config("wagtailcore"))  # nothing to do

    article.refresh_from_db()
    assert article.slug_fr == "ete-a-marseille"
    assert article.get_url_in("fr") == "/fr/actualites/ete-a-marseille/"
    assert client.get("/fr/actualites/ete-a-marseille/").status_code == 200
    # The old addresses: Wagtail's redirects, as for any slug change.
    for old in ("/fr/actualités/été-à-marseille/", "/fr/actualités/"):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] in article.get_url_in("fr")
    assert Redirect.objects.filter(old_path="/fr/actualités/été-à-marseille").exists()
    assert not Page.objects.filter(slug_fr__regex=r"[^-_a-z0-9]").exists()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="one database is enough")
def test_unicode_slugs_stay_when_the_settings_allow_them(client, news_index):
    with override_settings(WAGTAIL_ALLOW_UNICODE_SLUGS=True):
        article = published_article(news_index, title_fr="Été à Marseille", title_en="")
        assert article.slug_fr == "été-à-marseille"
        assert client.get("/fr/actualites/été-à-marseille/").status_code == 200
