"""Notices: scheduling, banners in both languages, dismissal, and the cache that keeps them
free of queries and fresh in every process."""

import datetime
import zoneinfo

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from notices import live
from notices.factories import NoticeFactory
from notices.models import Notice, NoticeLevel, NoticeStatus

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
UTC = datetime.UTC


def at(*args, tz=PARIS):
    return datetime.datetime(*args, tzinfo=tz)


# Scheduling ---------------------------------------------------------------------------------


def test_start_is_included_and_end_excluded():
    notice = Notice(enabled=True, starts_at=at(2026, 3, 1, 9), ends_at=at(2026, 3, 8, 9))
    assert not notice.is_live(at(2026, 3, 1, 8, 59, 59))
    assert notice.is_live(at(2026, 3, 1, 9))
    assert notice.is_live(at(2026, 3, 8, 8, 59, 59, 999999))
    assert not notice.is_live(at(2026, 3, 8, 9))


def test_open_ended_notices():
    assert Notice(enabled=True).is_live(at(2030, 1, 1))
    assert Notice(enabled=True, starts_at=at(2026, 1, 1)).is_live(at(2030, 1, 1))
    assert Notice(enabled=True, ends_at=at(2026, 1, 1)).is_live(at(2025, 12, 31, 23))


def test_switched_off_is_never_live():
    notice = Notice(enabled=False, starts_at=at(2026, 1, 1), ends_at=at(2027, 1, 1))
    assert not notice.is_live(at(2026, 6, 1))
    assert notice.status(at(2026, 6, 1)) == NoticeStatus.OFF


def test_time_zones_compare_instants_not_wall_clocks():
    # 9:00 in Paris is 8:00 UTC in winter and 7:00 UTC in summer.
    winter = Notice(enabled=True, starts_at=at(2026, 1, 15, 9))
    assert not winter.is_live(at(2026, 1, 15, 7, 59, tz=UTC))
    assert winter.is_live(at(2026, 1, 15, 8, 0, tz=UTC))
    summer = Notice(enabled=True, starts_at=at(2026, 7, 15, 9))
    assert not summer.is_live(at(2026, 7, 15, 6, 59, tz=UTC))
    assert summer.is_live(at(2026, 7, 15, 7, 0, tz=UTC))


def test_across_the_change_to_summer_time():
    # Paris skips from 2:00 to 3:00 on 29 March 2026: one real hour after 1:30 is 3:30.
    start = at(2026, 3, 29, 1, 30)
    notice = Notice(
        enabled=True,
        starts_at=start,
        ends_at=start.astimezone(UTC) + datetime.timedelta(hours=1),
    )
    assert notice.ends_at.astimezone(PARIS).strftime("%H:%M") == "03:30"
    assert notice.is_live(at(2026, 3, 29, 0, 45, tz=UTC))
    assert not notice.is_live(at(2026, 3, 29, 1, 30, tz=UTC))


def test_status_for_the_admin():
    now = at(2026, 5, 1, 12)
    assert Notice(enabled=True).status(now) == NoticeStatus.LIVE
    assert Notice(enabled=True, starts_at=at(2026, 5, 2)).status(now) == NoticeStatus.SCHEDULED
    assert Notice(enabled=True, ends_at=at(2026, 5, 1)).status(now) == NoticeStatus.ENDED


def test_end_must_follow_start():
    from django.core.exceptions import ValidationError

    notice = Notice(name="x", starts_at=at(2026, 5, 2), ends_at=at(2026, 5, 1))
    with pytest.raises(ValidationError) as error:
        notice.clean()
    assert "ends_at" in error.value.message_dict


@pytest.mark.django_db
def test_scheduled_notice_turns_on_and_off_by_itself(client, home_page, monkeypatch):
    start = timezone.now() + datetime.timedelta(hours=1)
    NoticeFactory(name="Fermeture", starts_at=start, ends_at=start + datetime.timedelta(days=1))
    assert "Fermeture" not in client.get("/fr/").content.decode()

    # An hour later, with nobody touching it and the list still cached, it shows...
    monkeypatch.setattr(live, "now", lambda: start)
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/fr/").content.decode()
    assert "Message en français : Fermeture" in html
    assert not [q for q in queries.captured_queries if "notices_notice" in q["sql"]]
    # ...and a day later it is gone.
    monkeypatch.setattr(live, "now", lambda: start + datetime.timedelta(days=1))
    assert "Fermeture" not in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_next_change_for_a_page_cache():
    now = timezone.now()
    assert live.next_change(now) is None
    soon = now + datetime.timedelta(hours=2)
    later = now + datetime.timedelta(days=2)
    NoticeFactory(starts_at=soon, ends_at=later)
    NoticeFactory(ends_at=later - datetime.timedelta(hours=1))
    NoticeFactory(enabled=False, starts_at=now + datetime.timedelta(minutes=5))
    assert live.next_change(now) == soon
    assert live.next_change(soon) == later - datetime.timedelta(hours=1)


# Banners ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_banner_in_each_language_with_fallback_to_french(client, home_page):
    NoticeFactory(name="Bilingue", level=NoticeLevel.WARNING)
    NoticeFactory(name="Seulement FR", message_en="")
    french = client.get("/fr/").content.decode()
    assert "Message en français : Bilingue" in french
    assert "Message en français : Seulement FR" in french
    english = client.get("/en/").content.decode()
    assert "Message in English: Bilingue" in english
    # Not translated: shown in French, and marked as French for screen readers.
    assert '<div class="notice-banner__text" lang="fr">' in english
    assert "Message en français : Seulement FR" in english


@pytest.mark.django_db
def test_banner_is_a_labelled_landmark_kept_out_of_snippets(client, home_page):
    NoticeFactory(level=NoticeLevel.WARNING)
    html = client.get("/fr/").content.decode()
    assert '<section class="notice-banners" aria-label="Avis du site" data-nosnippet>' in html
    assert "notice-banner--warning" in html
    # At the top of the page, before the header.
    assert html.index("notice-banners") < html.index('<header class="site-header"')


@pytest.mark.django_db
def test_no_banner_markup_without_a_live_notice(client, home_page):
    NoticeFactory(enabled=False)
    response = client.get("/fr/")
    assert "notice-banner" not in response.content.decode()
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
def test_dismissing_a_banner_without_javascript(client, news_index):
    first = NoticeFactory(name="Premier")
    response = client.post(f"/fr/avis/{first.pk}/masquer/", {"next": "/fr/actualites/?theme=x"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/actualites/?theme=x"
    assert response.cookies[live.DISMISSED_COOKIE].value == str(first.pk)
    html = client.get("/fr/").content.decode()
    assert "Premier" not in html
    # The next notice shows, even to a visitor who dismissed the previous one.
    NoticeFactory(name="Second")
    html = client.get("/en/").content.decode()
    assert "Second" in html and "Premier" not in html
    assert "Cookie" in client.get("/fr/")["Vary"]


@pytest.mark.django_db
def test_dismiss_never_redirects_elsewhere(client, home_page):
    notice = NoticeFactory()
    response = client.post(f"/en/notices/{notice.pk}/dismiss/", {"next": "https://evil.example/"})
    assert response["Location"] == "/en/"


# Cache --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_switching_a_notice_is_seen_at_once(client, home_page):
    notice = NoticeFactory(name="Bascule", enabled=False)
    assert "Bascule" not in client.get("/fr/").content.decode()  # the empty list is cached
    notice.enabled = True
    notice.save()
    assert "Bascule" in client.get("/fr/").content.decode()
    notice.delete()
    assert "Bascule" not in client.get("/fr/").content.decode()


REDIS_TEST_URL = "redis://127.0.0.1:6379/3"


@pytest.fixture
def redis_cache(settings):
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_TEST_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis is not running on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": "infomie-tests",
        }
    }
    from django.core.cache import cache

    cache.clear()
    yield client
    cache.clear()


@pytest.mark.django_db(transaction=True)
def test_purge_reaches_every_process_through_redis(redis_cache):
    """Another process reads the same Redis: it sees the purge as soon as the notice is saved."""
    NoticeFactory(name="Partagé", enabled=False)
    assert live.current_notices() == []
    keys = redis_cache.keys("infomie-tests:*notices:current")
    assert len(keys) == 1  # cached, where every other process reads it

    notice = Notice.objects.get()
    notice.enabled = True
    notice.save()
    assert redis_cache.keys("infomie-tests:*notices:current") == []
    assert [n.name for n in live.current_notices()] == ["Partagé"]
