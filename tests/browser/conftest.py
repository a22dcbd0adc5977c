"""Browser tests: a real headless Chromium (Debian's package) driven by Playwright, against
the site served by pytest-django's live server, with axe-core for accessibility."""

import os
import shutil
import time
from pathlib import Path

import pytest

from django.db import connection

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Playwright's assertions wait 5 s by default: a loaded 2-core machine can miss that window.
EXPECT_TIMEOUT_MS = 20_000


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' (.ci/run does)")
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=EXPECT_TIMEOUT_MS)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1024, "height": 800})
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def axe():
    """Run axe-core on the current page; return its violations (list of dicts)."""
    if not AXE_JS.exists():
        pytest.fail(f"{AXE_JS} is missing: run `npm install` (make test does)")

    def run(page, context_selector=None):
        # Evaluated through the DevTools protocol: the site's CSP forbids inline scripts,
        # which is what add_script_tag would insert.
        page.evaluate(AXE_JS.read_text())
        result = page.evaluate(
            """async (selector) => {
                const r = await axe.run(selector || document, {
                    runOnly: {type: 'tag', values: [
                        'wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']},
                });
                return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}));
            }""",
            context_selector,
        )
        return result

    return run


@pytest.fixture
def transactional_db(transactional_db):
    """pytest-django's, then, before its flush, a wait until the live server has answered
    every request the browser sent: a closed admin page still sends one (the editing
    session's release, by `sendBeacon`), and a request running during the flush can deadlock
    with it (seen in CI). Idle means every other connection to the test database has done
    nothing for a second: a server process started by a test keeps its connections open, idle,
    and waiting for them to close cost 20 s per test."""
    yield
    if connection.vendor != "postgresql":
        return
    quiet_since, deadline = None, time.monotonic() + 20
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " AND (state <> 'idle' OR state_change > clock_timestamp() - interval '1 second')"
            )
            busy = cursor.fetchone()[0]
        now = time.monotonic()
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= 0.5:  # a request sent as the page closed has arrived by now
            return
        time.sleep(0.05)


@pytest.fixture
def demo_site(transactional_db, live_server, demo_content):
    """The demo content (tests/conftest.py), served by the live server."""
    return live_server
