"""The SPIP import as a moderator runs it from the admin: the form takes only a MySQL/MariaDB
database on an allowed server and a folder under the one set aside (clear French errors
otherwise); the dry run and the import go on in a process of their own, outside the request,
whose progress and report the moderator reads by reloading the run's page; a second import
cannot start while one runs; a run whose process died does not block the next one.

The background runs are real `manage.py import_spip --run N` processes against the test
database: PostgreSQL only."""

import datetime
import os
import re
import socket
import subprocess
import sys
import time

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from articles.models import ArticlePage
from editorial import roles
from home.site_tree import ensure_agenda, ensure_guides_section, ensure_library_sections
from spip.models import ImportRun, MigratedObject

from .spip_fixtures import *  # noqa: F403 (fixtures)

BAD_MAPPING = "[rubriques]\npress_review = [1, 777]\n[themes]\ngroups = [1]\n"
RUN_PAGE = re.compile(r"/spip-import/(\d+)/$")


def make_moderator(client):
    roles.apply_roles()
    user = get_user_model().objects.create_user("coordinatrice", password="pw")
    user.groups.add(Group.objects.get(name=roles.MODERATORS))
    client.force_login(user)
    return client


@pytest.fixture
def moderator(client, site_tree):
    return make_moderator(client)


@pytest.fixture
def spip_root(settings, tmp_path):
    settings.SPIP_IMPORT_ROOT = tmp_path / "spip"
    (tmp_path / "spip" / "IMG").mkdir(parents=True)
    return tmp_path / "spip"


def post_form(client, database, img):
    return client.post(reverse("spip_import"), {"database": database, "img": str(img)})


# The form's limits ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("database", "error"),
    [
        ("postgres://root@127.0.0.1/spip", "Seule une base MySQL ou MariaDB est acceptée"),
        ("sqlite:///etc/passwd", "Seule une base MySQL ou MariaDB est acceptée"),
        ("mysql://root@10.1.2.3:3306/spip", "La base doit se trouver sur l’un de ces serveurs"),
        ("mysql://root@127.0.0.1.exemple.org/spip", "l’un de ces serveurs : 127.0.0.1, localhost"),
        ("mysql:///spip", "La base doit se trouver sur l’un de ces serveurs"),
        ("mysql://root@127.0.0.1:3306/", "Indiquez le nom de la base"),
        ("mysql://root@127.0.0.1:notaport/spip", "Cette adresse de base de données est illisible"),
    ],
)
def test_the_form_refuses_other_databases(moderator, spip_root, database, error):
    response = post_form(moderator, database, spip_root / "IMG")
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
def test_the_form_refuses_folders_outside_its_root(moderator, spip_root, tmp_path):
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (spip_root / "lien").symlink_to(outside)
    expected = f"Le dossier doit se trouver dans {spip_root.resolve()} sur le serveur"
    for folder in ["/etc", outside, spip_root / ".." / "ailleurs", spip_root / "lien", "IMG"]:
        response = post_form(moderator, "mysql://root@127.0.0.1:3306/spip", folder)
        assert expected in response.content.decode(), folder
    response = post_form(moderator, "mysql://root@127.0.0.1:3306/spip", spip_root / "absent")
    assert "Ce dossier n’existe pas sur le serveur" in response.content.decode()
    assert not ImportRun.objects.exists()


@pytest.mark.django_db
def test_the_allowed_servers_come_from_the_settings(moderator, spip_root, settings):
    settings.SPIP_IMPORT_HOSTS = ["mariadb.association.example"]
    refused = post_form(moderator, "mysql://root@127.0.0.1:3306/spip", spip_root / "IMG")
    assert "mariadb.association.example" in refused.content.decode()
    response = post_form(moderator, "mariadb://root@MariaDB.association.example/spip", spip_root)
    assert response.status_code == 302  # accepted: a dry run is queued
    run = ImportRun.objects.get()
    assert run.dry_run and run.active and run.status == ImportRun.QUEUED


# Runs in the background -------------------------------------------------------------------


def follow(client, response, until, timeout=240):
    """Reloads the run's page, as the moderator does, until `until` is in it."""
    match = RUN_PAGE.search(response["Location"])
    assert match, response["Location"]
    url = reverse("spip_import_run", args=[int(match.group(1))])
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        html = client.get(url).content.decode()
        if until in html:
            return int(match.group(1)), html, seen
        seen.append(html)
        time.sleep(0.5)
    raise AssertionError(f"« {until} » never shown; last page: {html[-3000:]}")


@pytest.fixture
def background(transactional_db, site_tree, database_url, monkeypatch, settings, spip_sample):
    """The sample SPIP site, the sections it goes into, and the test database given to the
    import's processes."""
    home, _news = site_tree
    ensure_library_sections(home)
    ensure_guides_section(home)
    ensure_agenda(home)
    monkeypatch.setenv("DATABASE_URL", database_url)
    url, img, _counts = spip_sample
    settings.SPIP_IMPORT_ROOT = img.parent
    return url, img


def test_a_moderator_checks_then_imports_in_the_background(client, background):
    url, img = background
    moderator = make_moderator(client)
    response = post_form(moderator, url, img)
    assert response.status_code == 302
    run_id, html, seen = follow(moderator, response, "Essai à blanc : ce que ferait l’import")
    assert "Créés : " in html and "articles (revue de presse)" in html
    assert "Confirmer l’import" in html
    assert not ArticlePage.objects.exists() and not MigratedObject.objects.exists()
    # While it ran, its page said where it was.
    assert any("L’import est en cours" in page or "L’import va commencer" in page for page in seen)

    response = moderator.post(reverse("spip_import_confirm", args=[run_id]))
    assert response.status_code == 302
    # One at a time: neither another dry run nor a second confirmation starts meanwhile.
    refused = post_form(moderator, url, img)
    assert "Un import est déjà en cours : attendez qu’il soit terminé" in refused.content.decode()
    again = moderator.post(reverse("spip_import_confirm", args=[run_id]), follow=True)
    assert "Cet essai à blanc ne peut plus être confirmé" in again.content.decode()
    assert ImportRun.objects.filter(dry_run=False).count() == 1
    assert "Un import est en cours" in moderator.get(reverse("spip_import")).content.decode()

    _pk, html, seen_too = follow(moderator, response, "Le site SPIP a été importé")
    assert "Pages : " in html and "Anciennes adresses" in html
    # Notes written from inside the import's transaction were seen meanwhile.
    inside = ("Thèmes et fichiers", "Pages : ", "Écriture de ", "Liens entre les pages")
    assert any(note in page for page in seen + seen_too for note in inside)
    assert ArticlePage.objects.exists()
    run = ImportRun.objects.get(dry_run=False)
    assert run.succeeded and not run.active and run.status == ImportRun.FINISHED
    assert run.user.get_username() == "coordinatrice"

    # Run again, it updates nothing and duplicates nothing.
    articles = ArticlePage.objects.count()
    response = post_form(moderator, url, img)
    _pk, html, _seen = follow(moderator, response, "Essai à blanc : ce que ferait l’import")
    assert "Inchangés : " in html and "Créés : " not in html
    assert ArticlePage.objects.count() == articles


def test_a_wrong_mapping_is_reported_on_the_run_page(client, background):
    url, img = background
    moderator = make_moderator(client)
    mapping = SimpleUploadedFile("correspondance.toml", BAD_MAPPING.encode())
    response = moderator.post(
        reverse("spip_import"), {"database": url, "img": str(img), "mapping_file": mapping}
    )
    _pk, html, _seen = follow(moderator, response, "Rien n’a été importé")
    assert "la rubrique 777" in html
    assert "Confirmer l’import" not in html
    assert not MigratedObject.objects.exists()
    assert not ImportRun.objects.filter(active=True).exists()


@pytest.mark.django_db
def test_a_run_whose_process_died_does_not_block_the_next(moderator, spip_root):
    ended = subprocess.run(  # noqa: S603 (a process that has ended: its number is free)
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = ImportRun.objects.create(
        status=ImportRun.RUNNING,
        active=True,
        database="mysql://root@127.0.0.1/spip",
        img=str(spip_root / "IMG"),
        pid=int(ended.stdout),
        host=socket.gethostname(),
        heartbeat_at=timezone.now(),
    )
    html = moderator.get(reverse("spip_import_run", args=[dead.pk])).content.decode()
    assert "L’import s’est arrêté avant la fin : rien n’a été écrit" in html
    dead.refresh_from_db()
    assert dead.status == ImportRun.FAILED and not dead.active
    response = post_form(moderator, "mysql://root@127.0.0.1:3306/spip", spip_root / "IMG")
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_long_run_still_going_here_is_not_taken_for_dead(moderator, spip_root):
    """On SQLite a run notes nothing while it writes: twenty minutes without a word from a
    process still alive on this machine is a long import, not a dead one."""
    going = ImportRun.objects.create(
        status=ImportRun.RUNNING,
        active=True,
        database="mysql://root@127.0.0.1/spip",
        img=str(spip_root / "IMG"),
        pid=os.getpid(),
        host=socket.gethostname(),
        heartbeat_at=timezone.now() - datetime.timedelta(minutes=20),
    )
    html = moderator.get(reverse("spip_import_run", args=[going.pk])).content.decode()
    assert "rien n’a été écrit" not in html
    going.refresh_from_db()
    assert going.active and going.status == ImportRun.RUNNING
    refused = post_form(moderator, "mysql://root@127.0.0.1:3306/spip", spip_root / "IMG")
    assert "Un import est déjà en cours" in refused.content.decode()


@pytest.mark.django_db
def test_a_confirmed_dry_run_forgets_the_password(moderator, spip_root):
    dry_run = ImportRun.objects.create(
        status=ImportRun.FINISHED,
        dry_run=True,
        succeeded=True,
        database="mysql://spip:mot-de-passe-été@127.0.0.1:3306/spip",
        img=str(spip_root / "IMG"),
    )
    response = moderator.post(reverse("spip_import_confirm", args=[dry_run.pk]))
    assert response.status_code == 302
    run = ImportRun.objects.get(dry_run=False)
    assert run.database == "mysql://spip:mot-de-passe-été@127.0.0.1:3306/spip"  # to connect
    dry_run.refresh_from_db()
    assert dry_run.database == "mysql://spip:***@127.0.0.1:3306/spip"
