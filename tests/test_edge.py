"""The edge cache (Varnish with deploy/varnish/default.vcl) in front of a real app server,
sharing the test database: what visitors get through it when an editor publishes, when the
application stops, when a suspension is switched on; what it keeps and for whom.
PostgreSQL only for the server processes; skipped when varnishd is not installed (.ci/run
installs Debian's `varnish`)."""

import datetime
import io
import os
import time

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage
from infomie.edge import is_public_request, surrogate_control
from notices.models import Notice, NoticeLevel
from pagecache import purge_page_cache
from scripts.benchmark_import import write_csv

from .admin_forms import article_form_data
from .servers import VARNISHD, GranianServer, Varnish

needs_varnish = pytest.mark.skipif(
    not os.access(VARNISHD, os.X_OK),
    reason="needs varnishd (Debian: apt-get install varnish; .ci/run does)",
)


# What the application marks for the edge -------------------------------------------------


def test_only_anonymous_gets_of_public_pages_are_for_the_edge(settings):
    def environ(path="/fr/", method="GET", cookie=None, **extra):
        env = {"REQUEST_METHOD": method, "PATH_INFO": path, **extra}
        if cookie is not None:
            env["HTTP_COOKIE"] = cookie
        return env

    assert is_public_request(environ())
    assert is_public_request(environ("/en/news/", "HEAD", cookie="infomie_dismissed=3.4"))
    assert not is_public_request(environ("/"))  # redirects by Accept-Language
    assert not is_public_request(environ("/admin/pages/3/edit/preview/"))
    assert not is_public_request(environ(method="POST"))
    assert not is_public_request(environ(cookie="sessionid=abc"))
    assert not is_public_request(environ(cookie="csrftoken=abc"))
    assert not is_public_request(environ(HTTP_AUTHORIZATION="Basic eDp5"))


@pytest.mark.django_db
def test_surrogate_control_never_outlives_the_next_notice_change(settings):
    settings.EDGE_CACHE_SECONDS, settings.EDGE_STALE_SECONDS = 300, 86400
    ok = [("Content-Type", "text/html; charset=utf-8")]
    assert surrogate_control("200 OK", ok) == "max-age=300, stale-if-error=86400"
    assert surrogate_control("404 Not Found", ok) == "max-age=300, stale-if-error=86400"
    assert surrogate_control("200 OK", [*ok, ("Vary", "Cookie")])  # the dismissal cookie
    assert surrogate_control("200 OK", [*ok, ("Set-Cookie", "a=b")]) is None
    assert surrogate_control("200 OK", [*ok, ("Cache-Control", "private")]) is None
    assert surrogate_control("302 Found", ok) is None
    # A failure is not kept; the deliberate suspension is.
    assert surrogate_control("503 Service Unavailable", [("Cache-Control", "no-store")]) is None
    suspended = [("Cache-Control", "no-store"), ("X-Suspension", "1")]
    assert surrogate_control("503 Service Unavailable", suspended)

    now = timezone.now()
    Notice.objects.create(
        name="planned", level=NoticeLevel.SUSPENSION, enabled=True, message_fr="<p>x</p>",
        starts_at=now + datetime.timedelta(seconds=100),
    )  # fmt: skip
    control = surrogate_control("200 OK", ok, now=now)
    assert control == "max-age=100, stale-if-error=0"


# One BAN per transaction, with the real engine -----------------------------------------------


@pytest.fixture
def edge_backend(settings):
    def configure(varnish):
        settings.WAGTAILFRONTENDCACHE = {
            "edge": {"BACKEND": "infomie.edge.EdgeBanBackend", "LOCATION": varnish.url}
        }

    return configure


@needs_varnish
def test_many_changes_in_one_transaction_send_one_ban(
    transactional_db, site_tree, edge_backend, purges_at_commit
):
    """An import writes thousands of rows in one transaction (articles.interchange.writing):
    the edge hears of it once, at commit."""
    _home, news_index = site_tree
    with Varnish(backend_port=9) as varnish:
        edge_backend(varnish)
        before = varnish.counter("MAIN.bans_added")
        with transaction.atomic():
            theme = ThemeFactory()
            for _ in range(30):
                article = ArticlePageFactory(parent=news_index)
                article.themes.set([theme])
                article.save_revision().publish()
            for _ in range(5000):
                purge_page_cache()
            assert varnish.counter("MAIN.bans_added") == before  # nothing before commit
        assert varnish.counter("MAIN.bans_added") == before + 1

        purge_page_cache()  # outside a transaction: at once
        assert varnish.counter("MAIN.bans_added") == before + 2


@needs_varnish
def test_an_import_sends_one_ban(
    transactional_db, site_tree, edge_backend, purges_at_commit, tmp_path
):
    """The spreadsheet import, 300 rows (scripts/benchmark_import.py's file: themes, drafts
    and published articles): one request to the edge, whatever the number of rows."""
    path = tmp_path / "articles.csv"
    write_csv(path, 300)
    with Varnish(backend_port=9) as varnish:
        edge_backend(varnish)
        before = varnish.counter("MAIN.bans_added")
        call_command("import_articles", str(path), stdout=io.StringIO())
        assert ArticlePage.objects.count() == 300
        assert varnish.counter("MAIN.bans_added") == before + 1


@needs_varnish
def test_the_edge_is_purged_by_a_ban_from_this_host_only(transactional_db):
    with Varnish(backend_port=9) as varnish:
        before = varnish.counter("MAIN.bans_added")
        assert varnish.raw_get("/", method="BAN")[0] == 200
        assert varnish.raw_get("/fr/", method="PURGE")[0] == 405
        assert varnish.counter("MAIN.bans_added") == before + 1
    # Other hosts: the `purgers` ACL of deploy/varnish/default.vcl (loopback only).


# Through the edge, in front of a real app server -------------------------------------------


@pytest.fixture
def published(transactional_db, site_tree):
    _home, news_index = site_tree
    article = ArticlePageFactory(
        parent=news_index, title_fr="Titre avant la correction", title_en="Title before"
    )
    article.themes.set([ThemeFactory()])
    article.save_revision().publish()
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    return article


def pages(article):
    """The article, the news listing and the home page, in both languages."""
    return [
        article.get_url_in("fr"), "/fr/actualites/", "/fr/",
        article.get_url_in("en"), "/en/news/", "/en/",
    ]  # fmt: skip


class Edge:
    """An app server (granian, as `make serve`) and Varnish in front of it."""

    def __init__(self, database_url, edge_backend, **env):
        self.database_url = database_url
        self.edge_backend = edge_backend
        self.env = env

    def __enter__(self):
        self.app = GranianServer(DATABASE_URL=self.database_url, PAGE_CACHE_ENABLED="1")
        self.varnish = Varnish(self.app.port)
        self.edge_backend(self.varnish)  # this process's changes ban it too
        self.app.env.update(EDGE_CACHE_URL=self.varnish.url, **self.env)
        self.app.__enter__()
        self.varnish.__enter__()  # after the app: its health probe finds it up
        return self

    def __exit__(self, *exc):
        self.stop_app()
        self.varnish.__exit__(*exc)

    def stop_app(self):
        if self.app.process.poll() is None:
            self.app.__exit__(None, None, None)

    def get(self, path, cookie=None, headers=()):
        return self.varnish.raw_get(path, cookie=cookie, headers=headers)


@needs_varnish
@pytest.mark.processes
@pytest.mark.postgres
def test_a_publish_in_the_admin_is_seen_through_the_edge_at_once(
    published, database_url, edge_backend
):
    with Edge(database_url, edge_backend) as edge:
        for path in pages(published):
            status, headers, html = edge.get(path)
            assert status == 200, (path, html[-2000:], edge.app.output()[-2000:])
            status, headers, html = edge.get(path)
            # The second anonymous request is answered by the edge.
            assert headers["x-edge"] == "hit", (path, headers)
            assert len(headers["x-varnish"].split()) == 2 and int(headers["age"]) >= 0
            assert "cache-control" in headers and "surrogate-control" not in headers
            assert "avant la correction" in html or "Title before" in html, path
            # Marked for the edge by the application, also when its page cache answers early.
            for _ in range(2):  # its own host: a page of its own in the page cache
                status, headers, _html = edge.app.raw_get(path)
            assert headers["x-cache"] == "HIT" and "max-age=300" in headers["surrogate-control"]

        # "/" redirects by Accept-Language: never kept, so each visitor gets their language.
        for language in ("en", "fr", "en"):
            status, headers, _html = edge.get("/", headers=[("Accept-Language", language)])
            assert (status, headers["location"]) == (302, f"/{language}/")
            assert headers["x-edge"] == "pass"

        # An editor logs in through the edge: never cached, always the application.
        edge.varnish.log_in("editor", "pw-for-tests")
        status, headers, _html = edge.varnish.request(published.get_url_in("fr"))
        assert (status, headers["X-Edge"]) == (200, "pass")

        edit = f"/admin/pages/{published.pk}/edit/"
        data = article_form_data(
            title_fr="Titre après la correction",
            title_en="Title after the correction",
            slug_fr=published.slug_fr,
            slug_en=published.slug_en,
            themes=[theme.pk for theme in published.themes.all()],
        )
        data["csrfmiddlewaretoken"] = edge.varnish.csrf_token(edit)
        data["action-publish"] = "action-publish"
        status, _headers, html = edge.varnish.request(edit, data)
        assert status == 302, html[-3000:]

        # Visitors see it at once, in both languages, on every page that shows it.
        for path in pages(published):
            status, headers, html = edge.get(path)
            assert status == 200 and headers["x-edge"] == "miss", (path, headers)
            assert "avant la correction" not in html and "Title before" not in html, path
            expected = "Titre après la correction" if path.startswith("/fr/") else "Title after"
            assert expected in html, path


@needs_varnish
@pytest.mark.processes
@pytest.mark.postgres
def test_the_banner_dismissal_cookie_makes_a_few_variants_and_no_more(
    published, database_url, edge_backend
):
    with Edge(database_url, edge_backend) as edge:
        banner = Notice.objects.create(
            name="strike", level=NoticeLevel.WARNING, enabled=True,
            message_fr="<p>Grève des transports</p>", message_en="<p>Transport strike</p>",
        )  # fmt: skip
        url = published.get_url_in("fr")
        dismissed = f"infomie_dismissed={banner.pk}"
        for cookie, shown in (
            (None, True),
            (dismissed, False),
            (f"_ga=GA1.2.3; {dismissed}; csrftoken=abc", False),  # other cookies dropped
            ("infomie_dismissed=" + "9" * 5000, True),  # not a list of ids: no variant
            ("_ga=GA1.2.3", True),
        ):
            first = edge.get(url, cookie=cookie)
            second = edge.get(url, cookie=cookie)
            for status, _headers, html in (first, second):
                assert status == 200, (cookie, html[-1000:])
                assert ("Grève des transports" in html) is shown, cookie
            assert second[1]["x-edge"] == "hit", cookie
        # Three requests above carried no usable dismissal: one object for the three.
        status, headers, html = edge.get(url, cookie="infomie_dismissed=" + "1" * 5000)
        assert status == 200 and headers["x-edge"] == "hit"


@needs_varnish
@pytest.mark.processes
@pytest.mark.postgres
def test_when_the_application_stops_the_edge_serves_its_last_copy(
    published, database_url, edge_backend
):
    with Edge(database_url, edge_backend, EDGE_CACHE_SECONDS="2") as edge:
        url = published.get_url_in("en")
        assert edge.get(url)[0] == 200
        edge.stop_app()
        time.sleep(3)  # past the copy's max-age: only its stale-if-error keeps it
        for _ in range(2):
            status, headers, html = edge.get(url)
            assert (status, headers["x-edge"]) == (200, "stale")
            assert "Title before" in html
        # A page it never had: a plain bilingual 503, not a traceback.
        status, headers, html = edge.get("/en/news/?page=2")
        assert status == 503 and "Temporarily unavailable" in html
        assert "Momentanément indisponible" in html


@needs_varnish
@pytest.mark.processes
@pytest.mark.postgres
def test_a_deliberate_503_is_never_replaced_by_a_stale_copy(published, database_url):
    """Even when the edge still holds a stale copy (here: the suspension's purge did not reach
    it), the suspension page the application answers is what visitors get."""
    with Edge(database_url, lambda varnish: None, EDGE_CACHE_SECONDS="2") as edge:
        url = published.get_url_in("fr")
        assert edge.get(url)[0] == 200
        Notice.objects.create(
            name="closed", level=NoticeLevel.SUSPENSION, enabled=True,
            message_fr="<p>Site suspendu</p>", message_en="<p>Site suspended</p>",
        )  # fmt: skip
        time.sleep(3)  # the copy is past its max-age, within its stale-if-error
        status, headers, html = edge.get(url)
        assert status == 503 and "Site suspendu" in html, headers
        assert "avant la correction" not in html


@needs_varnish
@pytest.mark.processes
@pytest.mark.postgres
def test_a_suspension_is_seen_through_the_edge_at_once_and_never_hidden(
    published, database_url, edge_backend
):
    with Edge(database_url, edge_backend) as edge:
        for path in pages(published):
            edge.get(path)
            assert edge.get(path)[1]["x-edge"] == "hit"

        Notice.objects.create(
            name="closed", level=NoticeLevel.SUSPENSION, enabled=True,
            message_fr="<p>Site suspendu</p>", message_en="<p>Site suspended</p>",
        )  # fmt: skip
        french, english = published.get_url_in("fr"), published.get_url_in("en")
        status, headers, html = edge.get(french)
        assert status == 503 and "Contenu inaccessible" in html and "Site suspendu" in html
        assert headers["x-suspension"] == "1"
        assert edge.get(french)[1]["x-edge"] == "hit"  # the edge keeps the suspension too

        edge.stop_app()
        status, _headers, html = edge.get(french)
        assert status == 503 and "Site suspendu" in html
        # The pages it had before the suspension are gone, stale copies included.
        for path in pages(published)[1:]:
            status, _headers, html = edge.get(path)
            assert status == 503, path
            assert "Title before" not in html and "avant la correction" not in html
        assert edge.get(english)[0] == 503
