"""The whole-page cache: anonymous pages come from the cache at no query, and every change
that a page shows purges it."""

import pytest

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory

from articles.factories import ArticlePageFactory
from core import caching
from core import release as release_module
from core.caching import (
    GENERATION_KEY,
    current_generation,
    kept,
    register_cache_key_part,
    unregister_cache_key_part,
)
from pagecache import cache as page_cache
from pagecache import purge_page_cache
from pagecache.middleware import response_is_cacheable

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.content.decode()


def test_a_hit_costs_no_query(client, article, django_assert_num_queries):
    for url in ("/fr/", "/fr/actualites/", article.get_url_in("fr"), article.get_url_in("en")):
        first = client.get(url)
        assert first.status_code == 200 and first["X-Cache"] == "MISS", url
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Cache"] == "HIT", url
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]


def test_pages_are_cached_per_language(client, article):
    client.get("/fr/actualites/")
    english, html = get(client, "/en/news/")
    assert english["X-Cache"] == "MISS"
    assert '<html lang="en">' in html and "An English title" in html
    french, html = get(client, "/fr/actualites/")
    assert french["X-Cache"] == "HIT" and "Un titre français" in html


def test_query_strings_are_normalised(client, article, theme):
    client.get(f"/fr/actualites/?theme={theme.slug_fr}&page=1")
    response = client.get(f"/fr/actualites/?page=1&theme={theme.slug_fr}")
    assert response["X-Cache"] == "HIT"
    assert client.get("/fr/actualites/?page=2")["X-Cache"] == "MISS"


def test_unknown_parameters_share_one_entry(client, article):
    """Tracking parameters and anything pages do not read make no entry of their own: a
    visit carrying them is served the page stored without them, and its own rendering (its
    links may repeat them) is never stored."""
    from pathlib import Path

    from django.conf import settings

    def stored_pages():  # the tests' cache is files (infomie/settings/test.py)
        return len(list(Path(settings.CACHES["default"]["LOCATION"]).glob("*.djcache")))

    first, _html = get(client, "/fr/actualites/?utm_source=newsletter&fbclid=abc")
    assert "X-Cache" not in first
    client.get("/fr/actualites/")
    before = stored_pages()
    for number in range(20):
        response, html = get(client, f"/fr/actualites/?utm_source=n{number}&x={number}")
        assert response["X-Cache"] == "HIT" and f"n{number}" not in html
    assert stored_pages() == before
    too_long = client.get("/fr/actualites/?page=" + "9" * 200)
    assert too_long.status_code == 200 and "X-Cache" not in too_long
    assert stored_pages() == before


@pytest.mark.parametrize(
    "slug_fr", ["ete-a-marseille", "été-à-marseille", "москва", "北京"], ids=repr
)
def test_accented_and_non_latin_addresses_cached_and_not(client, news_index, settings, slug_fr):
    """An address with accents or in another script finds its page the same way, from the
    cache or not (the slug is stored in ASCII; the typed address redirects to it)."""
    article = ArticlePageFactory(parent=news_index, title_fr="Été", slug_fr=slug_fr)
    article.save_revision().publish()
    url = article.get_url_in("fr")
    for typed in {url, f"/fr/actualites/{slug_fr}/"}:
        answers = []
        for enabled in (False, True, True):
            settings.PAGE_CACHE_ENABLED = enabled
            response = client.get(typed)
            answers.append((response.status_code, response.get("Location"), response.content))
        assert answers[0] == answers[1] == answers[2], typed
        assert answers[0][0] in (200, 301)


def test_publishing_purges(client, article):
    url = article.get_url_in("fr")
    client.get(url)
    article.title_fr = "Un titre corrigé"
    article.save_revision().publish()
    response, html = get(client, url)
    assert response["X-Cache"] == "MISS" and "Un titre corrigé" in html
    response, html = get(client, "/fr/actualites/")
    assert "Un titre corrigé" in html


def test_unpublishing_and_deleting_purge(client, article, news_index):
    url = article.get_url_in("fr")
    client.get(url)
    client.get("/fr/actualites/")
    article.unpublish()
    assert client.get(url).status_code == 404
    assert "Un titre français" not in get(client, "/fr/actualites/")[1]

    other = ArticlePageFactory(parent=news_index, title_fr="Un autre article")
    other.save_revision().publish()
    other_url = other.get_url_in("fr")
    assert client.get(other_url).status_code == 200
    client.get("/fr/")
    other.delete()
    assert client.get(other_url).status_code == 404
    assert "Un autre article" not in get(client, "/fr/")[1]


def test_moving_purges(client, article, home_page, news_index):
    client.get("/fr/actualites/")
    assert client.get("/fr/actualites/")["X-Cache"] == "HIT"
    page_cache_generation = current_generation()
    from wagtail.signals import post_page_move

    post_page_move.send(
        sender=type(article),
        instance=article,
        parent_page_before=news_index,
        parent_page_after=news_index,
        url_path_before=article.url_path,
        url_path_after=article.url_path,
    )
    assert current_generation() > page_cache_generation
    assert client.get("/fr/actualites/")["X-Cache"] == "MISS"


def test_a_theme_edit_purges(client, article, theme):
    client.get(article.get_url_in("en"))
    theme.name_en = "Trafficking of children"
    theme.save()
    response, html = get(client, article.get_url_in("en"))
    assert response["X-Cache"] == "MISS" and "Trafficking of children" in html
    theme.delete()
    response, html = get(client, article.get_url_in("en"))
    assert "Trafficking of children" not in html


def test_a_purge_during_rendering_is_not_undone(client, article):
    """A page rendered from the old rows while an editor published keeps the generation
    read before rendering: it is stored, but never served."""
    key = "pagecache:page:test"
    generation = current_generation()
    assert page_cache.read(key, generation) is None
    purge_page_cache()  # the editor publishes while the page renders
    page_cache.store(key, generation, 200, [], b"old page", 60)
    assert page_cache.read(key, current_generation()) is None


def test_editors_are_never_served_or_stored(client, article):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.get("/fr/")
    client.force_login(user)
    response = client.get("/fr/")
    assert "X-Cache" not in response
    client.logout()
    assert client.get("/fr/")["X-Cache"] == "HIT"


def test_admin_posts_and_messages_are_never_cached(client, article):
    assert "X-Cache" not in client.get("/admin/login/")
    assert "X-Cache" not in client.post("/fr/", {})
    client.cookies["messages"] = "something"
    assert "X-Cache" not in client.get("/fr/")


def test_responses_that_depend_on_the_visitor_are_not_stored():
    request = RequestFactory().get("/fr/")
    assert response_is_cacheable(request, HttpResponse("ok"))
    with_cookie = HttpResponse("ok")
    with_cookie.set_cookie("choice", "1")
    private = HttpResponse("ok", headers={"Cache-Control": "private"})
    varies = HttpResponse("ok", headers={"Vary": "Accept-Language, Cookie"})
    error = HttpResponse("oops", status=500)
    for response in (with_cookie, private, varies, error):
        assert not response_is_cacheable(request, response)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not response_is_cacheable(request, HttpResponse("ok"))


def test_key_parts_split_the_cache(client, article):
    state = {"value": "a"}

    def notices_signature(request):
        return state["value"]

    register_cache_key_part(notices_signature)
    try:
        client.get("/fr/")
        assert client.get("/fr/")["X-Cache"] == "HIT"
        state["value"] = "b"  # e.g. a scheduled notice went live: no purge needed
        assert client.get("/fr/")["X-Cache"] == "MISS"
    finally:
        unregister_cache_key_part(notices_signature)


def test_a_lost_generation_never_revives_old_pages(client, article):
    from django.core.cache import cache

    client.get("/fr/")
    cache.delete(GENERATION_KEY)  # Redis restarted or evicted the key
    assert client.get("/fr/")["X-Cache"] == "MISS"


def test_a_new_deployment_never_serves_the_pages_of_the_previous_one(client, article, monkeypatch):
    client.get("/fr/")
    assert client.get("/fr/")["X-Cache"] == "HIT"
    monkeypatch.setattr(page_cache, "release", lambda: "the-next-release")
    assert client.get("/fr/")["X-Cache"] == "MISS"


def test_the_release_follows_the_files_that_render_pages(tmp_path):
    (tmp_path / "templates").mkdir()
    page = tmp_path / "templates" / "page.html"
    page.write_text("<p>{{ title }}</p>")
    (tmp_path / "notes.md").write_text("not rendered")
    before = release_module.fingerprint([tmp_path])
    assert release_module.fingerprint([tmp_path]) == before
    (tmp_path / "notes.md").write_text("still not rendered")
    assert release_module.fingerprint([tmp_path]) == before
    page.write_text("<p class=title>{{ title }}</p>")
    assert release_module.fingerprint([tmp_path]) != before
    assert release_module.fingerprint(
        [tmp_path], text="wagtail==8.0.2"
    ) != release_module.fingerprint([tmp_path], text="wagtail==8.0.1")
    assert release_module.release() == release_module.release()  # once per process


def test_the_cache_can_be_switched_off(client, article, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/fr/")
    assert "X-Cache" not in client.get("/fr/")


def test_the_cdn_is_off_unless_the_environment_says_so(settings):
    assert settings.WAGTAILFRONTENDCACHE == {}


def test_making_a_page_private_purges(client, article):
    from wagtail.models import PageViewRestriction

    url = article.get_url_in("fr")
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"
    PageViewRestriction.objects.create(page=article, restriction_type="password", password="x")
    response, html = get(client, url)
    assert "X-Cache" not in response or response["X-Cache"] == "MISS"
    assert "Un titre français" not in html  # the password form, not the article
    assert article.title_fr not in get(client, "/fr/actualites/")[1]  # nor in the listing


def test_kept_values_last_until_the_next_purge():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert kept("test:value", compute) == 1
    assert kept("test:value", compute) == 1  # kept, in every process
    purge_page_cache()
    assert kept("test:value", compute) == 2


class RecordingCache:
    """The real shared cache, with the keys each `get_many` asked for."""

    def __init__(self, real):
        self.real, self.asked = real, []

    def get_many(self, keys, *args, **kwargs):
        self.asked.append(list(keys))
        return self.real.get_many(keys, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_a_request_asks_at_once_only_for_what_the_previous_one_used(client, article, monkeypatch):
    """The first read of a request fetches, in one round trip, the keys the previous request
    used: after a publication, the values of the older generation are not fetched again and
    again."""
    recording = RecordingCache(caching.cache)
    monkeypatch.setattr(caching, "cache", recording)
    url = article.get_url_in("fr")
    assert client.get(url)["X-Cache"] == "MISS"
    older = current_generation()
    article.title_fr = "« Évaluation » : le titre d’après"
    article.save_revision().publish()
    assert client.get(url)["X-Cache"] == "MISS"  # asks for the older values once, unused
    assert any(f":{older}:" in key for key in recording.asked[-1])
    assert client.get(url)["X-Cache"] == "HIT"
    assert not [key for key in recording.asked[-1] if f":{older}:" in key], recording.asked[-1]
