"""The sample SPIP site loaded into MariaDB (127.0.0.1:3306, root) in a database of the test
run's own, dropped at the end; skipped, with the reason, when MariaDB is not reachable. And the
site's `sections` the import fills, for the import's tests."""

import os

import pymysql
import pytest

from home.site_tree import ensure_agenda, ensure_guides_section, ensure_library_sections
from spip.sample import create_database, create_sample, drop_database

MARIADB = os.environ.get("SPIP_TEST_MARIADB", "mysql://root@127.0.0.1:3306")


def mariadb_reachable():
    try:
        pymysql.connect(host="127.0.0.1", port=3306, user="root", connect_timeout=3).close()
    except pymysql.MySQLError as error:
        return str(error)
    return None


@pytest.fixture(scope="session")
def spip_sample(tmp_path_factory):
    """(database URL, IMG folder, SampleCounts) of the sample SPIP site."""
    reason = mariadb_reachable()
    if reason:
        pytest.skip(f"MariaDB is not reachable at 127.0.0.1:3306 ({reason})")
    url = f"{MARIADB}/infomie_spip_test_{os.getpid()}"
    img = tmp_path_factory.mktemp("spip") / "IMG"
    create_database(url, replace=True)
    try:
        counts = create_sample(url, img)
        yield url, img, counts
    finally:
        drop_database(url)


@pytest.fixture
def sections(site_tree):
    """The home page with every section the import fills (news, case law, library, guides,
    agenda)."""
    home, _news = site_tree
    ensure_library_sections(home)
    ensure_guides_section(home)
    ensure_agenda(home)
    return home


def spip_query(url, sql, *args):
    """Rows of a query on the sample database (the tests' own count of what it holds), or a
    change to it, committed."""
    connection = pymysql.connect(
        host="127.0.0.1", user="root", database=url.rsplit("/", 1)[1], charset="utf8mb4"
    )
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, args)
            rows = cursor.fetchall()
        connection.commit()
        return rows
    finally:
        connection.close()
