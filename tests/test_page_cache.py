"""The whole-page cache: anonymous pages come from the cache at no query, and every change
that a page shows purges it."""

import hypothesis
import pytest
from hypothesis import strategies as st

from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend

from articles.factories import ArticlePageFactory, ThemeFactory
from pagecache import cache as page_cache
from pagecache import purge_page_cache, register_cache_key_part
from pagecache.middleware import response_is_cacheable

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def theme():
    return ThemeFactory(name_fr="Traite des êtres humains", name_en="Human trafficking")


@pytest.fixture
def article(news_index, theme):
    article = ArticlePageFactory(
        parent=news_index, title_fr="Un titre français", title_en="An English title"
    )
    article.themes.set([theme])
    article.save_revision().publish()
    return article


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
    page_cache_generation = page_cache.current_generation()
    from wagtail.signals import post_page_move

    post_page_move.send(
        sender=type(article),
        instance=article,
        parent_page_before=news_index,
        parent_page_after=news_index,
        url_path_before=article.url_path,
        url_path_after=article.url_path,
    )
    assert page_cache.current_generation() > page_cache_generation
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
    generation = page_cache.current_generation()
    assert page_cache.read(key, generation) is None
    purge_page_cache()  # the editor publishes while the page renders
    page_cache.store(key, generation, 200, [], b"old page", 60)
    assert page_cache.read(key, page_cache.current_generation()) is None


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
        page_cache.unregister_cache_key_part(notices_signature)


def test_a_lost_generation_never_revives_old_pages(client, article):
    from django.core.cache import cache

    client.get("/fr/")
    cache.delete(page_cache.GENERATION_KEY)  # Redis restarted or evicted the key
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
    before = page_cache.fingerprint([tmp_path])
    assert page_cache.fingerprint([tmp_path]) == before
    (tmp_path / "notes.md").write_text("still not rendered")
    assert page_cache.fingerprint([tmp_path]) == before
    page.write_text("<p class=title>{{ title }}</p>")
    assert page_cache.fingerprint([tmp_path]) != before
    assert page_cache.fingerprint([tmp_path], text="wagtail==8.0.2") != page_cache.fingerprint(
        [tmp_path], text="wagtail==8.0.1"
    )
    assert page_cache.release() == page_cache.release()  # once per process


def test_the_cache_can_be_switched_off(client, article, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/fr/")
    assert "X-Cache" not in client.get("/fr/")


def wsgi_get(application, path, query="", **environ):
    from wsgiref.util import setup_testing_defaults

    environ = {"PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": "testserver", **environ}
    setup_testing_defaults(environ)
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return seen["status"], seen["headers"], body


@pytest.fixture
def fast_path():
    """The WSGI application as production runs it (infomie/wsgi.py)."""
    from django.core.wsgi import get_wsgi_application

    # As Django's test client does: the test's transaction must survive the requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield get_wsgi_application()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def test_hits_have_the_same_headers_through_wsgi(fast_path, article):
    check_the_fast_path(fast_path, article)


def test_the_cache_keeps_apart_hosts_and_dismissed_banners(fast_path, article, settings):
    """Never across hosts or visitors' dismissals."""
    from notices import live
    from notices.factories import NoticeFactory

    url = article.get_url_in("fr")
    wsgi_get(fast_path, url)
    assert wsgi_get(fast_path, url)[1]["X-Cache"] == "HIT"
    assert wsgi_get(fast_path, url, HTTP_HOST="other.example")[1]["X-Cache"] == "MISS"
    settings.ALLOWED_HOSTS = ["testserver"]
    status, headers, _body = wsgi_get(fast_path, url, HTTP_HOST="other.example")
    assert status.startswith("400") and "X-Cache" not in headers

    notice = NoticeFactory(message_fr="<p>Avis important.</p>")
    _status, headers, body = wsgi_get(fast_path, url)
    assert headers["X-Cache"] == "MISS" and "Avis important." in body.decode()
    dismissed = f"{live.DISMISSED_COOKIE}={notice.pk}"
    _status, headers, body = wsgi_get(fast_path, url, HTTP_COOKIE=dismissed)
    assert headers["X-Cache"] == "MISS" and "Avis important." not in body.decode()
    _status, headers, body = wsgi_get(fast_path, url, HTTP_COOKIE=dismissed)
    assert headers["X-Cache"] == "HIT" and "Avis important." not in body.decode()
    _status, headers, body = wsgi_get(fast_path, url)
    assert headers["X-Cache"] == "HIT" and "Avis important." in body.decode()


REQUEST_VARIANTS = st.fixed_dictionaries(
    {
        "path": st.sampled_from(
            ["/fr/", "/en/", "/fr/actualites/", "/en/news/", "ARTICLE", "/fr/x/"]
        ),
        "query": st.sampled_from(
            ["", "page=2", "page=1&theme=t", "theme=t&page=1", "q=%C3%A9", "page="]
        ),
        "host": st.sampled_from(["testserver", "TestServer", "testserver:80", "other.example"]),
        "cookie": st.sampled_from([None, "", "a=1", "sessionid=x", "infomie_dismissed=1"]),
        "proto": st.sampled_from([None, "https", "http"]),
    }
)


def environ_of(variant, article):
    path = variant["path"]
    if path == "ARTICLE":
        path = article.get_url_in("fr")
    environ = {"HTTP_HOST": variant["host"]}
    if variant["cookie"] is not None:
        environ["HTTP_COOKIE"] = variant["cookie"]
    if variant["proto"] is not None:
        environ["HTTP_X_FORWARDED_PROTO"] = variant["proto"]
    return path, variant["query"], environ


@hypothesis.settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[
        hypothesis.HealthCheck.function_scoped_fixture,
        hypothesis.HealthCheck.too_slow,
    ],
)
@hypothesis.given(first=REQUEST_VARIANTS, second=REQUEST_VARIANTS)
def test_a_hit_is_what_django_would_answer_to_that_request(fast_path, article, first, second):
    """Whatever was cached before, through whichever address, host, scheme or cookies: a
    request answered from the cache gets what Django renders for it, its query's parameters
    in either order."""
    a_path, a_query, a_environ = environ_of(first, article)
    b_path, b_query, b_environ = environ_of(second, article)
    wsgi_get(fast_path, a_path, a_query, **a_environ)
    status, headers, body = wsgi_get(fast_path, b_path, b_query, **b_environ)
    if headers.get("X-Cache") != "HIT":
        return
    with override_settings(PAGE_CACHE_ENABLED=False):
        fresh_status, _headers, fresh_body = wsgi_get(fast_path, b_path, b_query, **b_environ)
    assert (status, body) == (fresh_status, fresh_body), (first, second)


def check_the_fast_path(application, article):
    url = article.get_url_in("en")
    status, miss, body = wsgi_get(application, url)
    assert status == "200 OK" and miss["X-Cache"] == "MISS"
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        status, hit, cached_body = wsgi_get(application, url)
    assert len(queries) == 0
    assert status == "200 OK" and hit["X-Cache"] == "HIT" and cached_body == body
    for header in (
        "Content-Type",
        "Content-Security-Policy",
        "X-Frame-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "X-Content-Type-Options",
    ):
        assert hit[header] == miss[header], header
    assert int(hit["Content-Length"]) == len(body)
    # HEAD: the same page's headers (the server leaves out the body).
    status, head, _head_body = wsgi_get(application, url, REQUEST_METHOD="HEAD")
    assert status == "200 OK" and head["X-Cache"] == "HIT"
    # A session cookie: never cached.
    status, headers, _ = wsgi_get(application, url, HTTP_COOKIE="sessionid=abc")
    assert "X-Cache" not in headers
    # A purge is seen at once.
    purge_page_cache()
    status, headers, _ = wsgi_get(application, url)
    assert headers["X-Cache"] == "MISS"


PURGED = []


class RecordingBackend(BaseBackend):
    """A stand-in CDN for Wagtail's frontend cache: it records what it is asked to purge."""

    def purge(self, url):
        PURGED.append(url)


def test_a_cdn_is_purged_in_both_languages_when_configured(article, settings, monkeypatch):
    """A publish may change any page (listings, themes, feeds, home): the CDN is asked to
    purge the site, in both languages, once (infomie.edge.EdgeBanBackend bans it all)."""
    from django.db import connection

    monkeypatch.setattr(page_cache, "in_transaction", lambda: connection.in_atomic_block)
    PURGED.clear()
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    article.save_revision().publish()
    for _savepoints, func, _robust in connection.run_on_commit:  # the commit
        func()
    paths = [url.split("localhost", 1)[-1] for url in PURGED]
    assert sorted(paths) == ["/en/", "/fr/"]


def test_changes_in_one_transaction_ask_the_cdn_once(news_index, settings, monkeypatch):
    """An import saves hundreds of articles in one transaction: one purge request for the
    site's home pages at commit, not one per article."""
    from django.db import connection

    monkeypatch.setattr(page_cache, "in_transaction", lambda: connection.in_atomic_block)
    generation = page_cache.current_generation()

    PURGED.clear()
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    for _ in range(3):
        purge_page_cache()
    before_commit = page_cache.current_generation()
    assert before_commit > generation  # once, at the first change: the cache can be written
    purge_page_cache()
    assert page_cache.current_generation() == before_commit
    due = [entry[1] for entry in connection.run_on_commit]
    assert due.count(page_cache._purge_everywhere) == 1
    for func in due:  # the commit
        func()
    assert page_cache.current_generation() > before_commit
    assert len([url for url in PURGED if url.endswith("/fr/")]) == 1


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

    assert page_cache.kept("test:value", compute) == 1
    assert page_cache.kept("test:value", compute) == 1  # kept, in every process
    purge_page_cache()
    assert page_cache.kept("test:value", compute) == 2
