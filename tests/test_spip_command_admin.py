"""The SPIP import as an association runs it: `manage.py import_spip` (a dry run prints the
report and writes nothing); writers do not reach the moderators' admin screens
(tests/test_spip_admin_runs.py runs those)."""

import io
import os
import socket

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticlePage
from editorial import roles
from spip.models import ImportRun, MigratedObject

from .spip_fixtures import *  # noqa: F403 (fixtures)

BAD_MAPPING = "[rubriques]\npress_review = [1, 777]\n[themes]\ngroups = [1]\n"


@pytest.fixture
def moderator(client, sections):
    roles.apply_roles()
    user = get_user_model().objects.create_user("coordinatrice", password="pw")
    user.groups.add(Group.objects.get(name=roles.MODERATORS))
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_command_dry_run_prints_the_report_and_writes_nothing(spip_sample, sections):
    url, img, _counts = spip_sample
    out = io.StringIO()
    call_command("import_spip", "--database", url, "--img", str(img), "--dry-run", stdout=out)
    text = out.getvalue()
    assert "Essai à blanc : rien n’a été écrit" in text
    assert "Créés : " in text and "articles (revue de presse)" in text
    assert "Non importés" in text and "statut « poubelle »" in text
    assert not ArticlePage.objects.exists() and not MigratedObject.objects.exists()
    assert ImportRun.objects.get().dry_run


@pytest.mark.django_db
def test_command_refuses_an_unreachable_database(sections, tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "import_spip", "--database", "mysql://root@127.0.0.1:1/spip", "--img", str(tmp_path)
        )
    run = ImportRun.objects.get()
    assert not run.succeeded and "injoignable" in str(run.report["problems"])


@pytest.mark.django_db
def test_command_waits_for_the_run_started_in_the_admin(spip_sample, sections):
    """A moderator's import is running (started in the admin, this process stands for its
    worker): the command run on the server at the same time refuses, and writes nothing."""
    url, img, _counts = spip_sample
    running = ImportRun.objects.create(
        status=ImportRun.RUNNING,
        active=True,
        pid=os.getpid(),
        host=socket.gethostname(),
        heartbeat_at=timezone.now(),
        progress="Écriture des pages : 200 sur 1 200",
    )
    with pytest.raises(CommandError, match="déjà en cours : rien n’a été écrit"):
        call_command("import_spip", "--database", url, "--img", str(img), stdout=io.StringIO())
    assert not ArticlePage.objects.exists() and not MigratedObject.objects.exists()
    assert list(ImportRun.objects.all()) == [running]
    running.refresh_from_db()
    assert running.active and running.status == ImportRun.RUNNING

    ImportRun.objects.filter(pk=running.pk).update(active=False, status=ImportRun.FINISHED)
    call_command("import_spip", "--database", url, "--img", str(img), stdout=io.StringIO())
    assert ArticlePage.objects.exists()
    assert not ImportRun.objects.filter(active=True).exists()


def test_writers_do_not_see_the_screen(client, db):
    roles.apply_roles()
    user = get_user_model().objects.create_user("redacteur", password="pw")
    user.groups.add(Group.objects.get(name=roles.WRITERS))
    client.force_login(user)
    assert client.get(reverse("spip_import")).status_code in (302, 403)
    run = ImportRun.objects.create(database="mysql://root@127.0.0.1/spip", img="/srv/IMG")
    assert client.get(reverse("spip_import_run", args=[run.pk])).status_code in (302, 403)
    confirm = client.post(reverse("spip_import_confirm", args=[run.pk]))
    assert confirm.status_code in (302, 403)
