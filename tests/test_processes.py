"""Several real server processes against the test database: the page cache shared through
Redis is never stale across processes, and a database outage is a 503 the site recovers
from by itself. PostgreSQL only (SQLite's test database lives in this process's memory)."""

import os
import subprocess
import sys
import time

import pytest

from django.contrib.auth import get_user_model
from django.db import connection

from articles.factories import ArticlePageFactory, ThemeFactory

from .admin_forms import article_form_data
from .servers import ROOT, Relay, Server, empty_redis_database

REDIS_TEST_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/6")

pytestmark = [pytest.mark.processes, pytest.mark.postgres]


@pytest.fixture
def redis_url():
    yield from empty_redis_database(REDIS_TEST_URL)


@pytest.fixture
def published(transactional_db, site_tree):
    home, news_index = site_tree
    article = ArticlePageFactory(
        parent=news_index, title_fr="Titre avant la correction", title_en="Title before"
    )
    article.themes.set([ThemeFactory()])
    article.save_revision().publish()
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-for-tests")
    return article


@pytest.mark.redis
def test_a_change_through_one_process_is_seen_through_the_other(published, database_url, redis_url):
    env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "PAGE_CACHE_ENABLED": "1"}
    url = published.get_url_in("fr")
    with Server(**env) as editor_side, Server(**env) as visitor_side:
        for path in (url, "/fr/actualites/"):
            visitor_side.request(path)
            status, headers, html = visitor_side.request(path)
            assert (status, headers["X-Cache"]) == (200, "HIT"), visitor_side.output()[-3000:]
            assert "Titre avant la correction" in html

        # An editor corrects the title in the admin of the other process and publishes.
        editor_side.log_in("editor", "pw-for-tests")
        edit = f"/admin/pages/{published.pk}/edit/"
        data = article_form_data(
            title_fr="Titre après la correction",
            title_en="Title after",
            slug_fr=published.slug_fr,
            slug_en=published.slug_en,
            themes=[theme.pk for theme in published.themes.all()],
        )
        data["csrfmiddlewaretoken"] = editor_side.csrf_token(edit)
        data["action-publish"] = "action-publish"
        status, _headers, html = editor_side.request(edit, data)
        assert status == 302, html[-3000:]

        for path in (url, "/fr/actualites/"):
            status, headers, html = visitor_side.request(path)
            assert status == 200 and headers["X-Cache"] == "MISS", path
            assert "Titre après la correction" in html and "avant la correction" not in html


def test_a_database_outage_is_a_bilingual_503_and_the_site_recovers(published, database_url):
    settings_dict = connection.settings_dict
    relay = Relay((settings_dict["HOST"] or "127.0.0.1", int(settings_dict["PORT"] or 5432)))
    relay.restore()
    relayed_url = database_url.replace(f":{settings_dict['PORT'] or 5432}/", f":{relay.port}/")
    env = {"DATABASE_URL": relayed_url, "PAGE_CACHE_ENABLED": "0", "CONN_MAX_AGE": "60"}
    url = published.get_url_in("en")
    with Server(**env) as server:
        assert server.request(url)[0] == 200

        relay.cut()  # PostgreSQL goes away
        for path in (url, "/fr/", "/en/news/?page=2"):
            status, headers, html = server.request(path)
            assert status == 503, path
            assert headers["Retry-After"] == "30"
            assert "Temporarily unavailable" in html and "Momentanément indisponible" in html
            assert "Traceback" not in html and "OperationalError" not in html

        relay.restore()  # and comes back: no restart needed, once the circuit's pause is over
        deadline = time.monotonic() + 60
        while (status := server.request(url)[0]) == 503 and time.monotonic() < deadline:
            time.sleep(0.5)
        status, _headers, html = server.request(url)
        assert status == 200 and "Title before" in html
        relay.cut()


def run_in_another_process(code, **env):
    """`code` run by `manage.py shell` in a process of its own, with `env` (the database and
    Redis of the servers): its signals purge the shared cache as an editor's save would."""
    import subprocess
    import sys

    from .servers import ROOT

    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "infomie.settings.test", **env},
        check=True,
        capture_output=True,
    )


@pytest.mark.redis
def test_notices_and_settings_kept_in_a_process_are_never_stale(published, database_url, redis_url):
    """Each process keeps the live notices, the settings, the site and the cached pages in
    memory while the shared generation stays the same: a change saved by any other process
    is seen at the very next request."""
    env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "PAGE_CACHE_ENABLED": "1"}
    url = published.get_url_in("fr")
    with Server(**env) as visitor_side:
        for _ in range(3):
            status, headers, html = visitor_side.request(url)
        assert (status, headers["X-Cache"]) == (200, "HIT")
        assert "Grève des transports" not in html

        run_in_another_process(
            "from notices.models import Notice; "
            "Notice.objects.create(name='strike', level='warning', enabled=True, "
            "message_fr='<p>Grève des transports</p>', message_en='<p>Transport strike</p>')",
            **env,
        )
        status, headers, html = visitor_side.request(url)
        assert headers["X-Cache"] == "MISS" and "Grève des transports" in html

        run_in_another_process(
            "from association.models import AssociationSettings as S; "
            "s = S.load(); s.name = 'Association renommée'; s.save()",
            **env,
        )
        status, headers, html = visitor_side.request(url)
        assert headers["X-Cache"] == "MISS" and "Association renommée" in html

        run_in_another_process(
            "from notices.models import Notice; Notice.objects.all().delete()", **env
        )
        status, headers, html = visitor_side.request(url)
        assert "Grève des transports" not in html


def test_commands_may_run_long_statements_servers_may_not(transactional_db, database_url):
    """The maintainer's commands (migrate on a large table, an import, an index rebuild) run
    without the statement limit; the application served to visitors keeps it."""
    show = (
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('SHOW statement_timeout')\n"
        "    print(cursor.fetchone()[0])\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")},
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "infomie.settings.test",
    }

    def run(*args):
        done = subprocess.run(  # noqa: S603
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout.strip().splitlines()[-1]

    assert run("manage.py", "shell", "-c", show) == "0"
    served = "import infomie.wsgi\n" + show  # what granian and gunicorn load
    assert run("-c", served) == "15s"
