"""The whole-page cache seen through the WSGI application as production runs it
(infomie/wsgi.py, with the edge's headers): a hit is what Django would have answered to that
request, per host, language and dismissed banner."""

import hypothesis
import pytest
from hypothesis import strategies as st

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import override_settings

from pagecache import purge_page_cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


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
