"""The access suspension: 503 and its headers on every public page, what stays reachable,
what editors see, and everything back as it was once it is lifted."""

import datetime
import email.utils

import pytest

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import escape

from articles.factories import ArticlePageFactory
from notices import live
from notices.factories import NoticeFactory
from notices.models import Notice, NoticeLevel


@pytest.fixture
def articles(news_index):
    return [ArticlePageFactory(parent=news_index) for _ in range(3)]


@pytest.fixture
def public_urls(home_page, news_index, articles):
    # Search and feeds included, whatever their view: everything under /fr/ and /en/ is covered.
    urls = ["/", "/fr/cette-page-n-existe-pas/", "/fr/recherche/?q=enfants", "/en/news/rss/"]
    for lang in ("fr", "en"):
        urls += [home_page.get_url_in(lang), news_index.get_url_in(lang)]
        urls += [f"{news_index.get_url_in(lang)}?page=2"]
        urls += [article.get_url_in(lang) for article in articles]
    return urls


def suspend(**kwargs):
    defaults = {
        "name": "Suspension",
        "level": NoticeLevel.SUSPENSION,
        "message_fr": "<p>Nous suspendons l’accès au centre de ressources.</p>",
        "message_en": "<p>We are suspending access to the resource centre.</p>",
    }
    return NoticeFactory(**{**defaults, **kwargs})


@pytest.mark.django_db
def test_every_public_page_answers_503_then_comes_back(client, public_urls, articles):
    before = {url: client.get(url) for url in public_urls}
    notice = suspend()
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"] == str(live.DEFAULT_RETRY_AFTER)
        assert "no-store" in response["Cache-Control"]
    notice.enabled = False
    notice.save()
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == before[url].status_code, url
    for article in articles:
        html = client.get(article.get_url_in("fr")).content.decode()
        assert escape(article.title_fr) in html


@pytest.mark.django_db
def test_suspension_page_in_the_visitors_language(client, home_page):
    suspend()
    french = client.get("/fr/").content.decode()
    assert "<title>Contenu inaccessible · InfoMIE</title>" in french
    assert "Nous suspendons l’accès" in french
    assert 'class="donate"' in french and "Partager cette page" in french
    english = client.get("/en/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<title>Content unavailable · InfoMIE</title>" in english
    assert "We are suspending access" in english
    assert '<html lang="en">' in english
    # "/" answers in the browser's language.
    assert "Content unavailable" in client.get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


@pytest.mark.django_db
def test_message_falls_back_to_french(client, home_page):
    suspend(message_en="")
    html = client.get("/en/").content.decode()
    assert '<div class="suspension__message" lang="fr"><p>Nous suspendons' in html


@pytest.mark.django_db
def test_retry_after_is_the_end_date(client, home_page):
    end = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    suspend(ends_at=end)
    response = client.get("/fr/")
    assert response.status_code == 503
    assert email.utils.parsedate_to_datetime(response["Retry-After"]) == end
    assert "L’accès devrait être rétabli le" in response.content.decode()


@pytest.mark.django_db
def test_scheduled_suspension_starts_and_ends_by_itself(client, home_page, monkeypatch):
    start = timezone.now() + datetime.timedelta(days=1)
    suspend(starts_at=start, ends_at=start + datetime.timedelta(days=1))
    assert client.get("/fr/").status_code == 200
    monkeypatch.setattr(live, "now", lambda: start)
    assert client.get("/fr/").status_code == 503
    monkeypatch.setattr(live, "now", lambda: start + datetime.timedelta(days=1))
    assert client.get("/fr/").status_code == 200


@pytest.mark.django_db
def test_what_keeps_working(client, home_page):
    suspend()
    assert client.get("/robots.txt").status_code == 200
    assert client.get("/admin/login/").status_code == 200
    # Static files are served before any page (WhiteNoise); without collectstatic the test
    # server has none, so only "not suspended" is checked.
    assert client.get("/static/css/site.css").status_code != 503
    assert client.get("/media/original_images/none.jpg").status_code != 503
    assert client.get("/sitemap.xml").status_code != 503
    assert client.get("/fr/jsi18n/").status_code == 200
    assert client.get("/fr/_util/login/").status_code == 200
    # The footer's contact address stays reachable from the suspension page.
    assert client.post("/fr/contact/courriel/").status_code == 200


@pytest.mark.django_db
def test_editor_sees_the_site_with_a_ribbon(client, home_page):
    suspend()
    editor = get_user_model().objects.create_superuser("editor", "", "pass")
    client.force_login(editor)
    response = client.get("/fr/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "L’accès est suspendu : les visiteurs voient « Contenu inaccessible »" in html
    assert "private" in response["Cache-Control"]
    # A logged-in user who is not an editor is a visitor like any other.
    reader = get_user_model().objects.create_user("reader", "", "pass")
    client.force_login(reader)
    assert client.get("/fr/").status_code == 503


@pytest.mark.django_db
def test_banners_do_not_suspend(client, home_page):
    NoticeFactory(level=NoticeLevel.WARNING)
    NoticeFactory(level=NoticeLevel.INFO)
    assert client.get("/fr/").status_code == 200


@pytest.mark.django_db
def test_nothing_is_unpublished(client, articles):
    notice = suspend()
    live_before = sorted(a.pk for a in type(articles[0]).objects.live())
    notice.delete()
    assert sorted(a.pk for a in type(articles[0]).objects.live()) == live_before
    assert not Notice.objects.exists()
