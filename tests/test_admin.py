"""Editors work in the admin: both languages' fields on one form, one publish for both."""

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_edit_view_shows_both_languages_fields(admin_client, news_index):
    article = ArticlePageFactory(parent=news_index)
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    for field in (
        "title_fr",
        "title_en",
        "slug_fr",
        "slug_en",
        "lead_fr",
        "lead_en",
        "body_fr",
        "body_en",
        "source_url_fr",
        "source_url_en",
        "authors_fr",
        "authors_en",
        "source_name",
        "published_date",
        "original_date",
        "original_language",
        "themes",
    ):
        assert f'"{field}"' in html, field


def test_creating_an_article_from_the_admin_publishes_both_languages(
    admin_client, client, news_index
):
    first, second = ThemeFactory(), ThemeFactory()
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_index.pk])
    # The admin's JavaScript fills the French slug from the title; the English one is left
    # empty and filled from the English title on save.
    data = article_form_data(
        themes=[first.pk, second.pk], slug_fr="des-enfants-disparus-des-foyers"
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors

    article = ArticlePage.objects.get(title_fr="Des enfants disparus des foyers")
    assert article.live
    assert article.slug_fr == "des-enfants-disparus-des-foyers"
    assert article.slug_en == "children-missing-from-care-homes"
    assert set(article.themes.all()) == {first, second}
    admin_client.logout()
    fr = client.get("/fr/actualites/des-enfants-disparus-des-foyers/")
    en = client.get("/en/news/children-missing-from-care-homes/")
    assert fr.status_code == en.status_code == 200
    assert "Texte français." in fr.content.decode()
    assert "English text." in en.content.decode()
    assert "Des enfants disparus des foyers" in client.get("/fr/actualites/").content.decode()
    assert "Children missing from care homes" in client.get("/en/news/").content.decode()


def test_invalid_article_form_tells_the_editor_what_to_fix(admin_client, news_index):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", news_index.pk])
    data = article_form_data(title_fr="", lead_fr="x" * 301, source_url_fr="not a url")
    data["action-publish"] = "action-publish"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"title_fr", "lead_fr", "source_url_fr", "themes"} <= set(errors)
    assert not ArticlePage.objects.filter(source_name="The Guardian").exists()


def test_theme_snippet_slugs_are_filled_and_unique(admin_client):
    ThemeFactory(name_fr="Asile", name_en="Asylum")
    url = reverse("wagtailsnippets_articles_theme:add")
    response = admin_client.post(
        url,
        {
            "name_fr": "Asile",
            "name_en": "Asylum",
            "slug_fr": "",
            "slug_en": "",
            "description_fr": "",
            "description_en": "",
        },
    )
    assert response.status_code == 200
    assert "slug_fr" in response.context["form"].errors
