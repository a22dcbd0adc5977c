"""What the editors need to work in two languages: a preview per language, old addresses that
keep working when a slug changes, and scheduled publishing."""

import datetime
import re
from unittest import mock

import pytest

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory, ThemeFactory

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db


def html_lang(response):
    return re.search(r'<html[^>]* lang="([a-z-]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize("admin_language", ["fr", "en"])
@pytest.mark.parametrize(
    ("mode", "title", "other_title"),
    [
        ("fr", "Des enfants disparus des foyers", "Children missing from care homes"),
        ("en", "Children missing from care homes", "Des enfants disparus des foyers"),
    ],
)
def test_preview_in_each_language(
    client, admin_user, news_index, admin_language, mode, title, other_title
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = admin_language
    profile.save()
    article = ArticlePageFactory(parent=news_index)
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    data = article_form_data(slug_fr="enfants-disparus", slug_en="children-missing")
    data["themes"] = [ThemeFactory().pk]
    response = client.post(url, data)
    assert response.json()["is_valid"], response.json()

    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    assert html_lang(response) == mode
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1)
    assert title in h1 and other_title not in h1


def test_article_offers_a_preview_mode_per_language(news_index):
    article = ArticlePageFactory(parent=news_index)
    with translation.override("fr"):
        assert [(code, str(label)) for code, label in article.preview_modes] == [
            ("fr", "Français"),
            ("en", "Anglais"),
        ]
    assert article.default_preview_mode == "fr"


def publish_with_slugs(article, **slugs):
    for field, value in slugs.items():
        setattr(article, field, value)
    article.save_revision().publish()
    return Page.objects.get(pk=article.pk).specific


def test_english_slug_change_redirects_the_old_english_url(client, news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="Titre un", title_en="Title one")
    article.save_revision().publish()
    assert client.get("/en/news/title-one/").status_code == 200

    publish_with_slugs(article, slug_en="title-two")
    response = client.get("/en/news/title-one/")
    assert response.status_code == 301
    assert response["Location"] == "/en/news/title-two/"
    assert client.get("/en/news/title-two/").status_code == 200
    # The French address did not change and does not redirect.
    assert client.get("/fr/actualites/titre-un/").status_code == 200


@pytest.mark.parametrize("active", ["fr", "en"])
def test_french_slug_change_redirects_too_whatever_the_admin_language(client, news_index, active):
    article = ArticlePageFactory(parent=news_index, title_fr="Titre un", title_en="Title one")
    article.save_revision().publish()
    with translation.override(active):
        publish_with_slugs(article, slug_fr="titre-deux", slug_en="title-two")
    for old, new in [
        ("/fr/actualites/titre-un/", "/fr/actualites/titre-deux/"),
        ("/en/news/title-one/", "/en/news/title-two/"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new)


def test_news_index_slug_change_keeps_article_urls(client, news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="Titre un", title_en="Title one")
    article.save_revision().publish()
    publish_with_slugs(news_index, slug_en="press-review")
    response = client.get("/en/news/title-one/")
    assert (response.status_code, response["Location"]) == (301, "/en/press-review/title-one/")
    assert client.get("/en/press-review/title-one/").status_code == 200


def test_slug_changed_back_does_not_loop(client, news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="Titre un", title_en="Title one")
    article.save_revision().publish()
    publish_with_slugs(article, slug_en="title-two")
    publish_with_slugs(article, slug_en="title-one")
    assert client.get("/en/news/title-one/").status_code == 200
    assert client.get("/en/news/title-two/")["Location"] == "/en/news/title-one/"
    assert not Redirect.objects.filter(old_path="/en/news/title-one").exists()


def test_draft_slug_change_creates_no_redirect(news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="Titre un", title_en="Title one")
    article.save_revision().publish()
    article.slug_en = "title-two"
    article.save_revision()
    assert not Redirect.objects.exists()


def test_scheduled_publishing_and_expiry(client, news_index):
    """`publish_scheduled` (run every minute in production) publishes at the go-live date and
    unpublishes at the expiry date."""
    article = ArticlePageFactory(parent=news_index, title_fr="Programmé", title_en="Scheduled")
    article.unpublish()
    now = timezone.now()
    article.go_live_at = now + datetime.timedelta(hours=1)
    article.expire_at = now + datetime.timedelta(days=2)
    article.save_revision().publish()  # a future go-live date: scheduled, not live yet
    article.refresh_from_db()
    assert not article.live
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert not article.live
    assert client.get("/en/news/scheduled/").status_code == 404

    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(hours=2)):
        call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert article.live
    assert client.get("/en/news/scheduled/").status_code == 200
    assert client.get("/fr/actualites/programme/").status_code == 200

    with mock.patch("django.utils.timezone.now", return_value=now + datetime.timedelta(days=3)):
        call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert not article.live and article.expired
    assert client.get("/en/news/scheduled/").status_code == 404
