import os

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from articles.factories import ArticlePageFactory, ThemeFactory
from home.site_tree import ensure_site_tree


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # On a fresh database the root page's url_path_fr/_en are NULL until this runs, and every
    # stored path would lose its leading slash.
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    # The database is rolled back after each test; the cache must not outlive it.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _changes_purge_at_once(monkeypatch):
    """Each test runs in a transaction that is rolled back, never committed: a purge would
    wait for a commit that never comes. In tests, a change purges at once, as if committed
    (tests of the once-per-transaction purge put `pagecache.cache.in_transaction` back)."""
    from pagecache import cache as page_cache

    monkeypatch.setattr(page_cache, "in_transaction", lambda: False)


@pytest.fixture(autouse=True)
def _dependencies_asked_again():
    # A circuit opened by one test's outage (infomie/reliability.py) must not answer the next.
    from infomie import cache as resilient_cache
    from infomie.reliability import database_circuit

    yield
    database_circuit.close()
    for circuit in resilient_cache._circuits.values():
        circuit.close()


@pytest.fixture(autouse=True)
def _french_by_default():
    with translation.override("fr"):
        yield


@pytest.fixture
def database_url():
    """The test database's address, for server processes that must reach it (PostgreSQL only:
    an SQLite test database in memory cannot be shared)."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the server processes must reach the test database")
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.fixture
def theme(db):
    return ThemeFactory(name_fr="Traite des êtres humains", name_en="Human trafficking")


@pytest.fixture
def article(news_index, theme):
    """A published article, titled in both languages, with one theme."""
    article = ArticlePageFactory(
        parent=news_index, title_fr="Un titre français", title_en="An English title"
    )
    article.themes.set([theme])
    article.save_revision().publish()
    return article


@pytest.fixture
def site_tree(db):
    home, index = ensure_site_tree()
    return home, index


@pytest.fixture
def home_page(site_tree):
    return site_tree[0]


@pytest.fixture
def news_index(site_tree):
    return site_tree[1]


def pytest_collection_modifyitems(items):
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://…)")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


def pytest_report_header(config):
    url = os.environ.get("DATABASE_URL", "")
    engine = url.split(":", 1)[0] if url else "sqlite (DATABASE_URL unset)"
    return f"InfoMIE database: {engine}"
