"""The page cache and the notices: a page is never served with a stale banner or suspension,
whether the notice was switched in the admin or turns itself on and off at its dates."""

import datetime

import pytest

from django.utils import timezone

from notices import live
from notices.factories import NoticeFactory
from notices.models import NoticeLevel

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def fetch(client, url="/fr/actualites/", **extra):
    response = client.get(url, **extra)
    return response.get("X-Cache"), response.status_code, response.content.decode()


def test_switching_a_banner_on_and_off_purges_cached_pages(client, news_index):
    assert fetch(client)[0] == "MISS"
    assert fetch(client)[0] == "HIT"
    notice = NoticeFactory(name="Grève", message_fr="<p>Fermeture exceptionnelle.</p>")
    state, _status, html = fetch(client)
    assert state == "MISS" and "Fermeture exceptionnelle." in html
    state, _status, html = fetch(client)
    assert state == "HIT" and "Fermeture exceptionnelle." in html  # banners are cached too
    notice.enabled = False
    notice.save()
    state, _status, html = fetch(client)
    assert state == "MISS" and "Fermeture exceptionnelle." not in html


def test_a_dismissed_banner_is_cached_apart(client, news_index):
    notice = NoticeFactory(message_fr="<p>Avis important.</p>")
    fetch(client)
    client.cookies[live.DISMISSED_COOKIE] = str(notice.pk)
    state, _status, html = fetch(client)
    assert state == "MISS" and "Avis important." not in html
    assert fetch(client)[0] == "HIT"
    del client.cookies[live.DISMISSED_COOKIE]
    state, _status, html = fetch(client)
    assert state == "HIT" and "Avis important." in html


def test_a_scheduled_notice_shows_at_its_start_without_a_purge(client, news_index, monkeypatch):
    start = timezone.now() + datetime.timedelta(hours=1)
    NoticeFactory(message_fr="<p>Maintenance prévue.</p>", starts_at=start)
    fetch(client)
    state, _status, html = fetch(client)
    assert state == "HIT" and "Maintenance prévue." not in html
    monkeypatch.setattr(live, "now", lambda: start + datetime.timedelta(seconds=1))
    state, _status, html = fetch(client)
    assert state == "MISS" and "Maintenance prévue." in html


def test_a_cached_page_is_never_served_during_a_suspension(client, news_index):
    fetch(client)
    assert fetch(client)[0] == "HIT"
    suspension = NoticeFactory(level=NoticeLevel.SUSPENSION)
    state, status, _html = fetch(client)
    assert status == 503 and state != "HIT"
    assert fetch(client)[1] == 503
    suspension.delete()
    state, status, _html = fetch(client)
    assert status == 200
