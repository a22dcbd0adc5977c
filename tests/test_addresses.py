"""Every address routes the same way through every server (`make run`'s runserver, granian
and gunicorn as `make serve` runs them) and through the page cache, on the first request and
the next: accented and non-Latin addresses, sent encoded or as raw UTF-8, invalid UTF-8, odd
bytes in the query; for visitors without cookies, with cookies and logged in. And the
embedded default (no Redis) shares its cache between processes. PostgreSQL only: the server
processes must reach the test database."""

import html
import re
from urllib.parse import quote

import pytest

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client, override_settings

from articles.factories import ArticlePageFactory, ThemeFactory

from .servers import SERVERS, Server

pytestmark = [pytest.mark.processes, pytest.mark.postgres]

TITLE_FR = "Été : « Les mineurs isolés » à Marseille, l’accueil s’améliore"
TITLE_EN = "Summer: “lone minors” in Marseille, care improves"
TITLE_AR = "حقوق الأطفال غير المصحوبين"
TITLE_TI = "ትግርኛ ዜና : l’été"
NOT_FOUND = ("Page introuvable", "Page not found")


@pytest.fixture
def database_url():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the server processes must reach the test database")
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def publish(news_index, **fields):
    article = ArticlePageFactory(parent=news_index, **fields)
    article.themes.set([ThemeFactory()])
    article.save_revision().publish()
    return article


@pytest.fixture
def articles(transactional_db, site_tree):
    _home, news_index = site_tree
    accented = publish(news_index, title_fr=TITLE_FR, title_en=TITLE_EN)
    # Pages whose slugs kept their letters (saved while Unicode slugs were allowed).
    with override_settings(WAGTAIL_ALLOW_UNICODE_SLUGS=True):
        arabic = publish(news_index, title_fr=TITLE_AR, title_en="Rights of lone children")
        tigrinya = publish(news_index, title_fr=TITLE_TI, title_en="")
    return accented, arabic, tigrinya


@pytest.fixture
def session_cookie(transactional_db):
    user = get_user_model().objects.create_superuser("coord", "c@example.org", "pw-tests")
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def twice(server, target, cookie):
    """The first and the next answer to `target`: (status, headers, body) each. [] when
    the server's HTTP parser refused raw bytes that are not ASCII (RFC 9112 allows none in
    the request line; browsers send them encoded) before our code could see them: gunicorn
    refuses them all, granian invalid UTF-8."""
    responses = [server.raw_get(target, cookie) for _ in range(2)]
    raw = target if isinstance(target, bytes) else target.encode()
    refused = all(status == 400 for status, _headers, _body in responses)
    if not raw.isascii() and refused and server.name != "runserver":
        return []
    return responses


def assert_not_found(responses, target):
    for status, headers, body in responses:
        assert status == 404, (target, status, body[-2000:])
        assert all(text in body for text in NOT_FOUND), target
        assert "text/html" in headers["content-type"]


@pytest.mark.parametrize("server_name", ["runserver", "granian", "gunicorn"])
def test_every_address_routes_the_same_way_on_every_server(
    articles, session_cookie, database_url, server_name, tmp_path
):
    accented, arabic, tigrinya = articles
    french_url, english_url = accented.get_url_in("fr"), accented.get_url_in("en")
    assert french_url.isascii() and "ete-les-mineurs-isoles" in french_url
    env = {"DATABASE_URL": database_url, "PAGE_CACHE_ENABLED": "1", "CACHE_DIR": str(tmp_path)}
    cookies = [None, "django_language=en; _pk_id=1.2.3", session_cookie]
    with SERVERS[server_name](**env) as server:
        for cookie in cookies:
            anonymous = cookie != session_cookie
            pages = [
                (french_url, TITLE_FR),
                (english_url, TITLE_EN),
                # Sent encoded, as browsers do (runserver refuses raw UTF-8 whose bytes
                # include what Python takes for spaces, 0x85 or 0xA0: a 400 of http.server).
                (arabic.get_url_in("fr"), TITLE_AR),
                (tigrinya.get_url_in("fr"), TITLE_TI),
                (arabic.get_url_in("en"), "Rights of lone children"),
            ]
            for target, title in pages:
                (status, headers, body), (status2, headers2, body2) = twice(server, target, cookie)
                assert status == status2 == 200, (target, cookie, body[-2000:])
                assert title in html.unescape(body) and title in html.unescape(body2)
                if anonymous:
                    assert headers2.get("x-cache") == "HIT", (target, cookie)
                else:
                    assert "x-cache" not in headers2  # never cached for an editor

            # The language switcher of the English page leads to the French one.
            _status, _headers, body = server.raw_get(english_url, cookie)
            switch = re.search(r'<a href="([^"]+)" hreflang="fr"', body).group(1)
            for status, _headers, body in twice(server, html.unescape(switch), cookie):
                assert status == 200 and TITLE_FR in html.unescape(body)

            # Typed with accents: sent on to the ASCII address.
            typed = "/fr/actualites/été-les-mineurs-isolés-à-marseille-laccueil-saméliore/"
            # Encoded, and raw (without "à", whose 0xA0 byte runserver refuses, see above).
            for target in (quote(typed), typed.replace("à", "a")):
                for status, headers, _body in twice(server, target, cookie):
                    assert status == 301, (target, status)
                    assert headers["location"].endswith(french_url)

            for target in (
                "/fr/%E2%9C%93x/",  # beyond Latin-1
                "/fr/✓x/",
                "/en/news/%D8%AD%D9%82/",  # Arabic, nothing there
                b"/fr/%FF/",  # invalid UTF-8
                b"/fr/actualites/\xff\xfe/",
                "/en/news/caf%E9/",  # Latin-1, not UTF-8
            ):
                assert_not_found(twice(server, target, cookie), target)

            # The query's bytes as they came: decoded once, odd bytes never a 500.
            for query, shown in (
                ("q=%C3%A9t%C3%A9+%C2%AB", "été «"),
                ("q=été", "été"),
                ("q=%FF&page=%FE", None),
                ("page=1&q=caf%E9", None),
            ):
                for status, _headers, body in twice(server, f"/fr/recherche/?{query}", cookie):
                    assert status == 200, (query, body[-2000:])
                    if shown:
                        assert f'value="{shown}"' in html.unescape(body), query
        assert "Traceback" not in server.output(), server.output()[-3000:]


def test_a_change_by_another_process_is_seen_at_once_without_redis(
    articles, database_url, tmp_path
):
    """`make run` without Redis: two server processes, and a command run beside them, share
    one cache (files); an editor's change in any of them is seen at the next request."""
    accented = articles[0]
    url = accented.get_url_in("fr")
    env = {"DATABASE_URL": database_url, "PAGE_CACHE_ENABLED": "1", "CACHE_DIR": str(tmp_path)}
    with Server(**env) as one, Server(**env) as two:
        for server in (one, two):
            server.raw_get(url)
            status, headers, body = server.raw_get(url)
            assert (status, headers["x-cache"]) == (200, "HIT")
            assert TITLE_FR in html.unescape(body)

        from .test_processes import run_in_another_process

        run_in_another_process(
            "from articles.models import ArticlePage; "
            f"page = ArticlePage.objects.get(pk={accented.pk}); "
            "page.title_fr = 'Été : l’accueil à Marseille, titre corrigé'; "
            "page.save_revision().publish()",
            **env,
        )
        for server in (one, two):
            status, _headers, body = server.raw_get(url)
            assert status == 200
            assert "l’accueil à Marseille, titre corrigé" in html.unescape(body)
