import os

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from articles.factories import ArticlePageFactory, ThemeFactory
from home.site_tree import ensure_site_tree
from pagecache import cache as page_cache

from . import database_template
from .database_state import restore, snapshot


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, request):
    """Several test processes on PostgreSQL: their databases made from one migrated template
    (tests/database_template.py)."""
    workerinput = getattr(request.config, "workerinput", None)
    if workerinput and connection.vendor == "postgresql":
        database_template.use_template(workerinput["testrunuid"])


def pytest_sessionfinish(session):
    # The run's last step, in the process that started the others.
    is_controller = not hasattr(session.config, "workerinput")
    if is_controller and session.config.getoption("numprocesses", None):
        if connection.vendor == "postgresql":
            database_template.drop_template()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # On a fresh database the root page's url_path_fr/_en are NULL until this runs, and every
    # stored path would lose its leading slash.
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)
        # The home page, the news section and the agenda, built once: every test's transaction
        # starts with them (building them took each test a second, four on a loaded machine).
        ensure_site_tree()
        # What every test starts from; put back after a test that flushes the database (below).
        BASELINE["blocker"] = django_db_blocker
        BASELINE["data"] = snapshot()


BASELINE = {}
IN_TRANSACTION = page_cache.in_transaction


def _flushes_the_database(item):
    marker = item.get_closest_marker("django_db")
    return (
        "transactional_db" in item.fixturenames
        or "live_server" in item.fixturenames
        or bool(marker and marker.kwargs.get("transaction"))
    )


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test ends with the database flushed (Wagtail's root page and collection,
    the editorial groups, the site tree: all gone). Put back what the other tests start from,
    once every fixture is torn down, so the order tests run in (one process or several with
    pytest-xdist) does not matter."""
    try:
        return (yield)
    finally:  # a teardown that failed too: the next tests still start from the baseline
        # nextitem None: the session ends, and the test database with it (already dropped).
        if nextitem is not None and "data" in BASELINE and _flushes_the_database(item):
            with BASELINE["blocker"].unblock():
                restore(BASELINE["data"])


DEMO = {}


@pytest.fixture
def demo_content():
    """The demo content (`load_demo`) in this test's database, for tests that read it (the
    test asks for a database too). The first test of the process to ask runs `load_demo` on
    the baseline; the others get a copy of what it wrote, in a fraction of its time (it took
    15 to 50 s a test). `load_demo` itself is tested in tests/test_commands.py. The demo's
    files stay in the media folder."""
    if "data" not in DEMO:
        restore(BASELINE["data"])  # whatever the test's other fixtures made: not in the copy
        call_command("load_demo", verbosity=0)
        DEMO["data"] = snapshot()
    else:
        restore(DEMO["data"])


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
    (tests of the once-per-transaction purge ask for `purges_at_commit`)."""
    monkeypatch.setattr(page_cache, "in_transaction", lambda: False)


@pytest.fixture
def purges_at_commit(monkeypatch):
    """As in production: changes inside a transaction purge once, when it commits (for tests
    whose transactions do commit: transactional_db, live_server)."""
    monkeypatch.setattr(page_cache, "in_transaction", IN_TRANSACTION)


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
