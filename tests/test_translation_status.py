"""The coordinator sees at a glance what still needs translating."""

import re

import pytest

from django.urls import reverse

from articles.factories import ArticlePageFactory
from editorial.translation_status import incomplete_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(news_index):
    make = ArticlePageFactory
    return {
        "complete": make(parent=news_index, title_fr="Complet", title_en="Complete"),
        "french_only": make(
            parent=news_index, title_fr="Seulement en français", title_en=None, lead_en=None
        ),
        "no_english_body": make(
            parent=news_index, title_fr="Sans corps anglais", title_en="No body", body_en=[]
        ),
        "no_english_lead": make(
            parent=news_index, title_fr="Sans chapeau anglais", title_en="No lead", lead_en=""
        ),
        "no_french_body": make(
            parent=news_index,
            title_fr="Sans corps français",
            title_en="No French body",
            body_fr=[],
        ),
    }


def test_lists_exactly_the_incomplete_articles(articles):
    statuses = {status.article.pk: status for status in incomplete_articles()}
    expected = {
        articles[key].pk
        for key in ("french_only", "no_english_body", "no_english_lead", "no_french_body")
    }
    assert set(statuses) == expected
    assert [str(f) for f in statuses[articles["french_only"].pk].missing_en] == [
        "titre",
        "chapô",
        "corps",
    ]
    assert statuses[articles["french_only"].pk].french_only
    assert [str(f) for f in statuses[articles["no_english_body"].pk].missing_en] == ["corps"]
    assert [str(f) for f in statuses[articles["no_english_lead"].pk].missing_en] == ["chapô"]
    assert [str(f) for f in statuses[articles["no_french_body"].pk].missing_fr] == ["corps"]
    assert not statuses[articles["no_french_body"].pk].missing_en


def test_filter_by_missing_language(articles):
    missing_french = {status.article.pk for status in incomplete_articles("fr")}
    assert missing_french == {articles["no_french_body"].pk}


def test_the_admin_view_links_to_each_incomplete_article(client, admin_user, articles):
    client.force_login(admin_user)
    response = client.get(reverse("editorial_translation_status"))
    assert response.status_code == 200
    html = response.content.decode()
    listed = {int(pk) for pk in re.findall(r'data-article-id="(\d+)"', html)}
    assert listed == {
        articles[key].pk
        for key in ("french_only", "no_english_body", "no_english_lead", "no_french_body")
    }
    for key in ("french_only", "no_french_body"):
        assert reverse("wagtailadmin_pages:edit", args=(articles[key].pk,)) in html
    assert "Seulement en français" in html and "Complet</a>" not in html


def test_writers_see_it_too(client, django_user_model, articles):
    from django.contrib.auth.models import Group

    writer = django_user_model.objects.create_user("redacteur", password="pw")
    writer.groups.add(Group.objects.get(name="Rédacteurs"))
    client.force_login(writer)
    assert client.get(reverse("editorial_translation_status")).status_code == 200


def test_article_listing_shows_the_french_only_articles(client, admin_user, articles):
    client.force_login(admin_user)
    url = reverse("articles:index")
    html = client.get(url).content.decode()
    assert "Français seulement" in html
    assert "Français et anglais" in html

    html = client.get(url, {"translation": "fr-only"}).content.decode()
    assert "Seulement en français" in html
    assert "Complet" not in html
