"""The library's import and export in the admin (editorial/library_interchange_views.py): a
moderator sends a ZIP of decisions with their PDF, sees what would be done with nothing written,
confirms, and gets the same file's export back; problems are named by row and column in
French; writers see none of it."""

import io
import zipfile

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial import roles
from library.models import DecisionPage
from library.pdf_writer import text_pdf

from .library_fixtures import *  # noqa: F403 (fixtures)
from .test_admin_import_export import _private_folder, member_of  # noqa: F401 (fixture)
from .test_library_import_export import DECISION_HEADER, decision_rows, sheet, zipped

pytestmark = pytest.mark.django_db


def upload(client, data, name="décisions.zip"):
    url = reverse("editorial_library_import", args=["decisions"])
    return client.post(url, {"file": SimpleUploadedFile(name, data)}, follow=True)


def test_a_moderator_previews_then_confirms_a_zip(client, sections, conseil_etat, age_theme):
    client.force_login(member_of(roles.MODERATORS, "coordinatrice"))
    pdf = text_pdf(["Ordonnance « référé-liberté »"])
    data = zipped(sheet(DECISION_HEADER, decision_rows()), files={"pdf/ce-469352.pdf": pdf})
    response = upload(client, data)
    assert response.status_code == 200
    assert "2 à créer" in response.text and "pdf/ce-469352.pdf" in response.text
    assert "Conseil d’État, ordonnance n° 469352 du 15 décembre 2022" in response.text
    assert not DecisionPage.objects.exists()  # nothing before the confirmation

    url = reverse("editorial_library_import_confirm", args=["decisions"])
    response = client.post(url, {"token": response.context["token"]}, follow=True)
    assert "importé : 2 créés" in response.text
    assert DecisionPage.objects.count() == 2
    assert DecisionPage.objects.live().count() == 1  # the draft row stays a draft

    export = client.get(reverse("editorial_library_export", args=["decisions"]), {"format": "csv"})
    assert export["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        assert "decisions.csv" in archive.namelist()
        assert any(name.startswith("fichiers/") for name in archive.namelist())
    response = upload(client, export.content, "export.zip")
    assert "déjà sur le site" in response.text  # nothing to do


def test_problems_by_row_and_column_in_french(client, sections, conseil_etat, age_theme):
    client.force_login(member_of(roles.MODERATORS, "coordinatrice"))
    rows = decision_rows()
    rows[1][2] = "Cour « imaginaire »"
    response = upload(client, zipped(sheet(DECISION_HEADER, rows)))
    assert response.status_code == 200
    text = response.text.replace("&#x27;", "’").replace("&laquo;", "«").replace("&raquo;", "»")
    assert "Ligne 2, file" in text and "Ligne 3, court" in text
    assert "Rien n’a été importé" in text
    assert not DecisionPage.objects.exists()


def test_a_broken_zip_is_a_sentence_not_a_500(client, sections):
    client.force_login(member_of(roles.MODERATORS, "coordinatrice"))
    response = upload(client, "PK\x03\x04 abîmé".encode())
    assert response.status_code == 200
    assert "abîmée" in response.text


def test_writers_are_refused(client, sections):
    client.force_login(member_of(roles.WRITERS, "volontaire"))
    for name in ("editorial_library_import", "editorial_library_export"):
        response = client.get(reverse(name, args=["documents"]))
        assert response.status_code == 302
