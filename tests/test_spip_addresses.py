"""The old SPIP addresses through a real server process, with the page cache in front: each
answers one 301 to a page (or file) that answers 200, first request and later ones; an unknown
or hostile old address is the site's bilingual 404, never a 500. PostgreSQL only (the server
process must reach the test database)."""

import os

import pytest

from wagtail.contrib.redirects.models import Redirect

from home.site_tree import ensure_agenda, ensure_guides_section, ensure_library_sections
from spip.models import MigratedObject
from spip.run import run_import

from .servers import Server, empty_redis_database
from .spip_fixtures import *  # noqa: F403 (fixtures)

pytestmark = [pytest.mark.processes, pytest.mark.postgres, pytest.mark.redis]

# Redis database 11: this module's own.
REDIS_URL = os.environ.get("SPIP_REDIS_TEST_URL", "redis://127.0.0.1:6379/11")
HOSTILE = [
    "/spip.php?article=abc",
    "/spip.php?article99999999999999999999",
    "/spip.php?id_article=-3",
    "/spip.php?page=article&id_article=1%27%20OR%201=1",
    "/article99999999.html",
    "/breve0.html",
    "/spip.php?mot=%00",
    "/IMG/pdf/../../etc/passwd",
    "/Une-adresse-qui-n-a-jamais-existe",
    "/%C3%A9t%C3%A9-2014",
]


@pytest.fixture
def redis_url():
    yield from empty_redis_database(REDIS_URL)


@pytest.fixture
def imported(transactional_db, site_tree, spip_sample):
    home, _news = site_tree
    ensure_library_sections(home)
    ensure_guides_section(home)
    ensure_agenda(home)
    url, img, counts = spip_sample
    report = run_import(url, img)
    assert report.succeeded, report.lines()
    return counts


def test_old_addresses_through_a_server_with_the_page_cache(imported, database_url, redis_url):
    env = {"DATABASE_URL": database_url, "REDIS_URL": redis_url, "PAGE_CACHE_ENABLED": "1"}
    live = {
        (o.kind, o.spip_id)
        for o in MigratedObject.objects.select_related("page")
        if o.page is None or o.page.live
    }
    addresses = [a for a in imported.addresses if (a[1], a[2]) in live]
    english = [a for a in addresses if a[0].endswith("lang=en")]
    assert english and len(addresses) > 500
    with Server(**env) as server:
        targets = {}
        for path, kind, _spip_id, _lang in addresses[::3] + english:
            status, headers, _html = server.request(path)
            assert status == 301, (path, status, server.output()[-2000:])
            location = headers["Location"]
            assert location.startswith(("/fr/", "/en/", "/documents/")), (path, location)
            if path.endswith("lang=en") and kind == "article":
                assert location.startswith("/en/"), (path, location)
            targets[location] = path
        for location, path in targets.items():
            status, headers, body = server.raw_get(location)
            assert status == 200, (path, location)
            if location.startswith("/documents/"):
                assert body.startswith("%PDF-"), location
        # Later requests: the same redirect; the page served from the cache.
        location, path = next((loc, p) for loc, p in targets.items() if loc.startswith("/fr/"))
        assert server.request(path)[:2][0] == 301
        status, headers, _html = server.raw_get(location)
        assert (status, headers["x-cache"]) == (200, "HIT")
        # An editor's redirect for an old address wins over the import's.
        path = addresses[0][0]
        Redirect.add_redirect(path, redirect_to="/fr/actualites/")
        status, headers, _html = server.request(path)
        assert (status, headers["Location"]) == (301, "/fr/actualites/"), path
        for path in HOSTILE:
            status, headers, html = server.raw_get(path)
            if status == 302:  # the site's own: an address without a language prefix
                assert headers["location"].startswith("/fr/"), path
                status, headers, html = server.raw_get(headers["location"])
            assert status == 404, (path, status, server.output()[-2000:])
            assert "Page introuvable" in html and "Page not found" in html, path
