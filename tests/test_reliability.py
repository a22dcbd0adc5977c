"""No visitor ever gets a traceback: a database outage is a bilingual 503, and no address or
query string makes a public page fail (hypothesis tries many)."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import OperationalError, connections
from django.test import Client, RequestFactory, override_settings

from articles.factories import ArticlePageFactory, ThemeFactory
from core.views import server_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(news_index):
    article = ArticlePageFactory(parent=news_index, title_fr="Un article", title_en="An article")
    article.themes.set([ThemeFactory(name_fr="Asile", name_en="Asylum")])
    article.save_revision().publish()
    return article


@pytest.fixture
def database_down(monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    connection = connections["default"]
    monkeypatch.setattr(connection, "cursor", refuse)
    monkeypatch.setattr(connection, "chunked_cursor", refuse)
    return monkeypatch


@pytest.mark.parametrize(
    ("url", "first"), [("/fr/actualites/", "fr"), ("/en/news/", "en"), ("/en/", "en")]
)
def test_database_outage_answers_a_bilingual_503(article, database_down, url, first):
    client = Client(raise_request_exception=False)
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert f'<html lang="{first}">' in html
    assert "Momentanément indisponible" in html and "Temporarily unavailable" in html
    assert "OperationalError" not in html


def test_the_site_recovers_when_the_database_comes_back(article, database_down, settings):
    """For DEPENDENCY_RETRY_SECONDS after a failure, the 503 is answered without asking the
    database (a hung one would make each visitor wait its timeout); then it is asked again."""
    import time

    from infomie import reliability

    client = Client(raise_request_exception=False)
    assert client.get("/fr/").status_code == 503
    database_down.undo()
    assert client.get("/fr/").status_code == 503
    assert client.get("/robots.txt").status_code == 200  # never needs the database

    later = time.monotonic() + settings.DEPENDENCY_RETRY_SECONDS + 1
    database_down.setattr(reliability.time, "monotonic", lambda: later)
    assert client.get("/fr/").status_code == 200


def test_an_outage_met_by_a_middleware_is_a_503_too(article, database_down):
    """Not only in the view: middleware below ours reading the database (a session, a
    notice) goes through the 500 handler, which answers 503 for a database error."""
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        response = server_error(RequestFactory().get("/fr/"))
    assert response.status_code == 503


SEGMENT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=12
)
QUERY_KEYS = st.sampled_from(["page", "theme", "q", "utm_source", "lang", "p", "page[]", ""])
QUERY_VALUES = st.one_of(
    st.text(max_size=15),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["0", "-1", "1e9", "NaN", "last", "asile", "asylum", "%00", "../"]),
)


@st.composite
def public_urls(draw):
    from urllib.parse import quote, urlencode

    base = draw(st.sampled_from(["/", "/fr/", "/en/", "/fr/actualites/", "/en/news/", "ARTICLE"]))
    segments = draw(st.lists(SEGMENT, max_size=3))
    path = base + "".join(quote(s, safe="") + "/" for s in segments if s)
    params = draw(st.lists(st.tuples(QUERY_KEYS, QUERY_VALUES), max_size=4))
    return path, urlencode(params)


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(url=public_urls(), cached=st.booleans())
def test_no_public_address_or_query_string_fails(article, url, cached):
    path, query = url
    if path.startswith("ARTICLE"):
        path = article.get_url_in("fr") + path[len("ARTICLE") :]
    with override_settings(PAGE_CACHE_ENABLED=cached):
        response = Client().get(path, QUERY_STRING=query)
    assert response.status_code in (200, 301, 302, 404), (path, query, response.status_code)


DEAD_REDIS = {
    "default": {
        "BACKEND": "infomie.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        "KEY_PREFIX": "infomie-tests",
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 0.5},
    }
}


def test_pages_are_served_uncached_while_redis_is_down(article, settings):
    """Production's cache (infomie/cache.py): reads that fail are misses, so visitors get the
    pages from the database; a purge that fails raises, so no change goes unpurged."""
    from redis.exceptions import RedisError

    from pagecache import purge_page_cache

    settings.PAGE_CACHE_ENABLED = True
    with override_settings(CACHES=DEAD_REDIS):
        client = Client()
        for url in ("/fr/", "/en/news/", article.get_url_in("en"), "/fr/recherche/?q=x"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "X-Cache" not in response, url
        with pytest.raises(RedisError):
            purge_page_cache()
