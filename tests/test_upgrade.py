"""A site running the code from before the association app (its settings and donation page
were home's) upgraded by this tree's `migrate`: every page, revision, log entry, setting and
notice is still there, the donation page is still a donation page with its revisions, the
content types name `association`, and the site and its admin serve them.

The old database is built by the old code itself (`git archive` of OLD_COMMIT in a temporary
folder, run with the same virtualenv) on a PostgreSQL database of its own, and it shares its
cache folder with the new code, as a server upgraded in place does."""

import io
import json
import os
import subprocess
import sys
import tarfile

import psycopg
import pytest

from django.db import connection

from .servers import ROOT, Server

# The last commit whose `home` app held AssociationSettings, DonationSettings and DonationPage.
OLD_COMMIT = "aabf175"
PASSWORD = "pw-for-the-upgrade"  # noqa: S105
NAME_FR = "« Association InfoMIE — Marseille »"
HEADING_FR = "Soutenez-nous dès aujourd’hui"
INTRODUCTION_FR = "<p>Chaque don compte : un grand merci à vous, où que vous soyez.</p>"
DRAFT_TITLE_EN = "Support us — draft"

pytestmark = [pytest.mark.processes, pytest.mark.postgres]

# Run by the old code: an editor's work on top of the demo content.
EDIT = f"""
from django.contrib.auth import get_user_model
from django.test import Client
from home.models import AssociationSettings, DonationPage, DonationSettings
from notices.models import Notice

admin = get_user_model().objects.create_superuser(
    "admin", "admin@example.org", {PASSWORD!r}, first_name="Élise", last_name="Étienne"
)
page = DonationPage.objects.get()
page.introduction_fr = {INTRODUCTION_FR!r}
page.save_revision(user=admin, log_action=True).publish(user=admin)
page.title_en = {DRAFT_TITLE_EN!r}
page.save_revision(user=admin, log_action=True)  # a draft, not published

association = AssociationSettings.objects.get()
association.name_fr = {NAME_FR!r}
association.tagline_en = "Resource centre on unaccompanied minors, in Marseille"
association.save()
donation = DonationSettings.objects.get()
donation.heading_fr = {HEADING_FR!r}
donation.save()
Notice.objects.create(
    name="grève", level="warning", enabled=True,
    message_fr="<p>Grève : l’accueil est fermé jeudi.</p>",
    message_en="<p>Strike: closed on Thursday.</p>",
)
# Pages read once: the cache now holds what the old code stored in it.
for url in ("/fr/", "/en/", page.get_url_in("fr")):
    assert Client().get(url).status_code == 200, url
"""

# Run by both: what must survive, as JSON on the last line. APP names the settings' app.
SNAPSHOT = """
import importlib, json
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PageLogEntry, Revision
from notices.models import Notice

models = importlib.import_module(APP + ".models")

def row(obj):
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}

pages = []
for page in Page.objects.order_by("path"):
    specific = page.specific
    entry = {
        **row(page),
        "class": type(specific).__name__,
        "revisions": list(page.revisions.order_by("id").values_list("id", flat=True)),
    }
    if isinstance(specific, models.DonationPage):
        entry["introduction_fr"] = specific.introduction_fr
        entry["latest_revision_title_en"] = specific.get_latest_revision_as_object().title_en
        entry["urls"] = {code: specific.get_url_in(code) for code in ("fr", "en")}
    pages.append(entry)
moved = ("associationsettings", "donationsettings", "donationpage", "homepage")
moderators = Group.objects.get(name="Modérateurs")
print(json.dumps({
    "code": models.__file__,
    "pages": pages,
    "revisions": [
        {**row(r), "model": r.content_type.model, "base_model": r.base_content_type.model}
        for r in Revision.objects.order_by("id")
    ],
    "log_entries": [row(e) for e in PageLogEntry.objects.order_by("id")],
    "association": [row(s) for s in models.AssociationSettings.objects.all()],
    "donation": [row(s) for s in models.DonationSettings.objects.all()],
    "notices": [row(n) for n in Notice.objects.order_by("id")],
    "labels": sorted(
        f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.filter(model__in=moved)
    ),
    "unknown_content_types": [
        f"{ct.app_label}.{ct.model}" for ct in ContentType.objects.all()
        if ct.model_class() is None
    ],
    "moderators_may_change_settings": moderators.permissions.filter(
        codename="change_associationsettings"
    ).values_list("content_type__app_label", flat=True).first(),
}, default=str))
"""


@pytest.fixture
def upgrade_database():
    """A PostgreSQL database of its own, on the server the tests use, dropped afterwards."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: the upgrade is that of a production database")
    s = connection.settings_dict
    host, port = s["HOST"] or "127.0.0.1", s["PORT"] or 5432
    name = f"{s['NAME']}_upgrade"
    try:
        admin = psycopg.connect(
            host=host,
            port=port,
            user=s["USER"],
            password=s["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
            connect_timeout=3,
        )
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL unreachable at {host}:{port}: {error}")
    with admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
        yield f"postgres://{auth}@{host}:{port}/{name}"
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def old_tree(tmp_path):
    """The project as it was at OLD_COMMIT, in a temporary folder."""
    archive = subprocess.run(  # noqa: S603
        ["git", "archive", OLD_COMMIT],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        pytest.skip(f"needs the git history up to {OLD_COMMIT}: {archive.stderr.decode()}")
    tree = tmp_path / "old"
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(tree, filter="data")
    return tree


# `manage.py` with only `tree`'s own code: the project's editable install maps its packages
# to this checkout, so an app or template library the old release lacks (spip, article_tags)
# would otherwise be imported from the new code into the old.
ONLY_THIS_TREE = (
    "import runpy, sys\n"
    "sys.meta_path[:] = [f for f in sys.meta_path if '__editable__' not in f.__module__]\n"
    "sys.path_hooks[:] = [h for h in sys.path_hooks if '__editable__' not in h.__module__]\n"
    "sys.path_importer_cache.clear()\n"
    "sys.argv[0] = 'manage.py'\n"
    "runpy.run_path('manage.py', run_name='__main__')\n"
)


def manage(tree, *args, env):
    """`manage.py *args` run from `tree` (old or new code) with `env`; its output."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", ONLY_THIS_TREE, *args],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, f"{args} in {tree}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def snapshot(tree, app, env):
    output = manage(tree, "shell", "--no-imports", "-c", f"APP = {app!r}\n{SNAPSHOT}", env=env)
    return json.loads(output.strip().splitlines()[-1])


def test_an_old_site_upgrades_with_every_page_revision_and_setting(
    upgrade_database, old_tree, tmp_path
):
    env = {
        **os.environ,
        "REDIS_URL": "",
        "EDGE_CACHE_URL": "",
        "DJANGO_SETTINGS_MODULE": "infomie.settings.test",
        "DATABASE_URL": upgrade_database,
        "INFOMIE_VAR_DIR": str(tmp_path / "var"),
        # One cache folder for both, as on a server upgraded in place.
        "CACHE_DIR": str(tmp_path / "cache"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PAGE_CACHE_ENABLED": "0",
    }
    # The old code builds its site and an editor works on it.
    manage(old_tree, "migrate", "--noinput", env=env)
    manage(old_tree, "update_translation_fields", "--verbosity", "0", env=env)
    manage(old_tree, "load_demo", env=env)
    manage(old_tree, "shell", "--no-imports", "-c", EDIT, env=env)
    before = snapshot(old_tree, "home", env)
    assert before["code"].startswith(str(old_tree))  # the old code, not this tree's
    assert "home.donationpage" in before["labels"]
    assert [p["class"] for p in before["pages"]].count("DonationPage") == 1

    # This tree's migrations, then the same reading through this tree's models.
    manage(ROOT, "migrate", "--noinput", env=env)
    after = snapshot(ROOT, "association", env)
    assert after["code"].startswith(str(ROOT / "association"))

    assert after["labels"] == [
        "association.associationsettings",
        "association.donationpage",
        "association.donationsettings",
        "home.homepage",
    ]
    assert after["unknown_content_types"] == []
    assert after["moderators_may_change_settings"] == "association"
    for key in ("pages", "revisions", "log_entries", "association", "donation", "notices"):
        # What was there is intact; fields added since (the logo) start empty.
        assert len(after[key]) == len(before[key]), key
        pairs = zip(after[key], before[key], strict=True)
        assert [{name: row[name] for name in old} for row, old in pairs] == before[key], key
        added = {name for row in after[key] for name in row} - {n for r in before[key] for n in r}
        assert all(row[name] in (None, "", []) for row in after[key] for name in added), key

    (donation_page,) = [p for p in after["pages"] if p["class"] == "DonationPage"]
    assert donation_page["introduction_fr"] == INTRODUCTION_FR
    assert donation_page["latest_revision_title_en"] == DRAFT_TITLE_EN
    assert len(donation_page["revisions"]) == 3  # load_demo's, the published edit, the draft
    assert after["association"][0]["name_fr"] == NAME_FR
    assert after["notices"][0]["name"] == "grève"

    # The new code serves them, from a cache the old code filled.
    with Server(**env) as server:
        for path, expected in (
            (donation_page["urls"]["fr"], INTRODUCTION_FR),
            ("/fr/", NAME_FR),
            ("/fr/", "l’accueil est fermé jeudi"),
            ("/en/", "in Marseille"),
        ):
            status, _headers, html = server.request(path)
            assert status == 200, f"{path}: {status}\n{server.output()[-3000:]}"
            assert expected in html, path
        status, _headers, html = server.request(donation_page["urls"]["en"])
        assert status == 200 and HEADING_FR not in html  # the English side has its own

        server.log_in("admin", PASSWORD)
        for path, expected in (
            (f"/admin/pages/{donation_page['id']}/edit/", DRAFT_TITLE_EN),
            (f"/admin/pages/{donation_page['id']}/history/", "Élise Étienne"),
            ("/admin/settings/association/associationsettings/", NAME_FR),
            ("/admin/settings/association/donationsettings/", HEADING_FR),
        ):
            status, headers, html = server.request(path)
            if status == 302:
                status, headers, html = server.request(headers["Location"])
            assert status == 200, f"{path}: {status}\n{server.output()[-3000:]}"
            assert expected in html, path
