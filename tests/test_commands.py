"""The setup commands `make run` relies on."""

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

from wagtail.models import Page

from articles import demo_data
from articles.models import ArticlePage, Theme
from home.models import HomePage

pytestmark = pytest.mark.django_db


def run(*args, **env):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_load_demo_is_idempotent():
    """`load_demo` itself (other tests read a copy of what it writes: demo_content)."""
    run("load_demo")
    counts = (HomePage.objects.count(), ArticlePage.objects.count(), Theme.objects.count())
    assert counts == (1, len(demo_data.ARTICLES), len(demo_data.THEMES))
    pages = Page.objects.count()
    if connection.vendor == "postgresql":  # the visitors' search reads them
        assert not ArticlePage.objects.filter(search_vector_fr=None).exists()
        assert not ArticlePage.objects.filter(search_vector_en=None).exists()
    again = run("load_demo")
    assert "0 article(s) added" in again
    assert "0 decision(s) and document(s) added" in again
    assert (HomePage.objects.count(), ArticlePage.objects.count(), Theme.objects.count()) == counts
    assert Page.objects.count() == pages


def test_demo_content_matches_the_brief(client, demo_content):
    articles = ArticlePage.objects.live()
    assert articles.count() >= 8
    french_only = [a for a in articles if not a.title_en]
    assert len(french_only) == 2
    quoting_english = [
        a
        for a in articles
        if any(b.block_type == "quote" and b.value["language"] == "en" for b in a.body_fr)
    ]
    assert quoting_english
    guardian = articles.get(source_name="The Guardian")
    assert guardian.original_date.isoformat() == "2016-11-14"
    assert guardian.authors_fr == "Annie Kelly, Kate Hodal"
    for article in articles:
        for lang in ("fr", "en"):
            assert client.get(article.get_url_in(lang)).status_code == 200


def test_ensure_admin_creates_a_random_password_once(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    first = run("ensure_admin")
    assert "admin" in first and "password" in first
    password = first.split("password ")[1].split()[0]
    user = get_user_model().objects.get(username="admin")
    assert user.check_password(password) and user.is_superuser
    assert run("ensure_admin") == ""  # nothing printed, nothing changed the second time


def test_ensure_admin_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "coordinatrice")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "une phrase de passe assez longue")
    run("ensure_admin")
    user = get_user_model().objects.get(username="coordinatrice")
    assert user.check_password("une phrase de passe assez longue")
    assert not get_user_model().objects.filter(username="admin").exists()


NAMED = re.compile(r"%\((\w+)\)")
MAY_BE_LEFT_OUT = {"model_name"}


def test_every_french_interface_string_is_translated():
    catalog = polib.pofile(str(Path(settings.BASE_DIR) / "locale/fr/LC_MESSAGES/django.po"))
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []
    for entry in catalog.translated_entries():
        # A plural entry has its translations in msgstr_plural, one per form.
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for msgstr in translations:
            # Every placeholder kept, none invented; except Wagtail's model name, which the
            # French leaves out where it would need a gender ("Modifiable par tous"): Python's
            # % ignores a key the text does not use.
            named, kept = NAMED.findall(entry.msgid), NAMED.findall(msgstr)
            assert set(kept) <= set(named), entry.msgid
            assert set(named) - set(kept) <= MAY_BE_LEFT_OUT, entry.msgid
            assert entry.msgid.count("{") == msgstr.count("{"), entry.msgid


@pytest.mark.postgres
@pytest.mark.processes
def test_ensure_database_creates_the_database_make_serve_needs(tmp_path):
    """`make serve` on a fresh machine: the database DATABASE_URL names does not exist yet."""
    import os
    import subprocess
    import sys
    import uuid

    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    s = connection.settings_dict
    name = f"infomie_ensure_{uuid.uuid4().hex[:8]}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    url = f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"
    env = {**os.environ, "DATABASE_URL": url, "INFOMIE_VAR_DIR": str(tmp_path)}

    def ensure():
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "ensure_database"],
            cwd=Path(__file__).resolve().parents[1],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def exists():
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            return cursor.fetchone() is not None

    try:
        assert f"Created the database {name}" in ensure() and exists()
        assert ensure() == ""  # already there: nothing to do
    finally:
        import psycopg

        params = {**connection.get_connection_params(), "dbname": "postgres"}
        with psycopg.connect(**params, autocommit=True) as admin:
            # The server's statement limit is not for this: dropping a database waits for a
            # checkpoint, long on a busy machine.
            admin.execute("SET statement_timeout = 0")
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def test_a_process_starts_without_the_pdf_libraries():
    """WeasyPrint (a guide's PDF) and pypdf (an uploaded PDF's text) are imported when a PDF is
    made or read, not by every process at start-up: together they took about a second of
    each server worker's and each command's start."""
    code = (
        "import sys, django; django.setup(); import infomie.urls;"
        "print(sorted(m for m in ('weasyprint', 'pypdf') if m in sys.modules))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "infomie.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"
