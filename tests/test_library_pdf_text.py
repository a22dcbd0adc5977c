"""The text of uploaded PDFs: read on upload, searched with the rest; a file that cannot be read
(damaged, encrypted) is kept, flagged in the admin, and never fails the upload."""

import io
import time

import pytest
from pypdf import PdfReader, PdfWriter

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

from library.models import DocumentText
from library.pdf_writer import text_pdf

from .library_fixtures import *  # noqa: F403 (fixtures)
from .library_fixtures import document, pdf_document

pytestmark = pytest.mark.django_db

ACCENTED = "L’évaluation de la minorité d’un « mineur non accompagné » à Créteil"


def test_the_text_of_a_pdf_is_kept_with_its_accents():
    doc = pdf_document("Circulaire", [ACCENTED])
    row = DocumentText.objects.get(document=doc)
    assert row.status == "ok"
    assert ACCENTED in row.text
    assert row.page_count == 1
    assert row.language == "fr"


def test_a_200_page_pdf_is_read_in_seconds():
    pages = [
        [f"Page {n} : l’accueil provisoire d’urgence, ligne {line}" for line in range(40)]
        for n in range(200)
    ]
    started = time.monotonic()
    doc = pdf_document("Rapport long", pages)
    elapsed = time.monotonic() - started
    row = DocumentText.objects.get(document=doc)
    assert row.status == "ok"
    assert row.page_count == 200
    assert "Page 199 :" in row.text
    assert elapsed < 20  # a loaded 2-core machine; about 2 s alone


def test_a_damaged_pdf_is_kept_and_flagged():
    data = text_pdf(["Un texte"] * 3)
    doc = pdf_document("Tronqué", data=data[: len(data) // 3])
    assert get_document_model().objects.filter(pk=doc.pk).exists()
    row = DocumentText.objects.get(document=doc)
    assert row.is_flagged or row.status in ("ok", "empty")  # pypdf may recover a part
    garbage = pdf_document("Illisible", data=b"%PDF-1.4\n" + b"\x00\xff garbage " * 500)
    assert DocumentText.objects.get(document=garbage).status in ("broken", "empty")


def test_an_encrypted_pdf_is_kept_and_flagged():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf(["Secret défense"]))))
    writer.encrypt("mot-de-passe", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    doc = pdf_document("Chiffré", data=out.getvalue())
    row = DocumentText.objects.get(document=doc)
    assert row.status == "encrypted"
    assert row.is_flagged


def test_an_office_document_is_kept_without_text():
    doc = pdf_document("Tableur", data=b"PK\x03\x04 not a pdf")
    assert DocumentText.objects.get(document=doc).status == "not_pdf"


def test_a_title_edit_does_not_read_the_file_again():
    doc = pdf_document("Note", ["Première version"])
    DocumentText.objects.filter(document=doc).update(text="kept")
    doc.title = "Note renommée"
    doc.save()
    assert DocumentText.objects.get(document=doc).text == "kept"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("coordinatrice", "c@example.org", "x")
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", ["damaged", "encrypted"])
def test_uploading_an_unreadable_pdf_in_the_admin_keeps_it_and_shows_the_flag(editor_client, name):
    data = text_pdf(["Texte"])
    if name == "damaged":
        data = data[:200]
    else:
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt("x", algorithm="RC4-128")
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": f"Décision {name}",
            "file": SimpleUploadedFile(f"{name}.pdf", data),
            "collection": 1,
        },
    )
    assert response.status_code == 302
    doc = get_document_model().objects.get(title=f"Décision {name}")
    row = DocumentText.objects.get(document=doc)
    assert row.is_flagged
    listing = editor_client.get(reverse("wagtailsnippets_library_documenttext:list"))
    assert listing.status_code == 200
    assert f"Décision {name}" in listing.content.decode()
    assert str(row.get_status_display()) in listing.content.decode()


def test_a_phrase_only_inside_a_pdf_finds_its_document(client, sections):
    file = pdf_document("Circulaire du 25 janvier 2016", ["Le faisceau d’indices concordants"])
    page = document(sections, kind="circular", title_fr="Circulaire MNA", document_file=file)
    response = client.get("/fr/recherche/", {"q": "faisceau"})
    assert response.status_code == 200
    html = response.content.decode()
    assert page.title in html
    assert "Documents" in html


def test_documents_uploaded_before_the_app_are_read_by_the_command():
    from io import StringIO

    from django.core.management import call_command

    doc = pdf_document("Ancien rapport", ["Un texte « ancien »"])
    DocumentText.objects.filter(document=doc).delete()
    out = StringIO()
    call_command("update_library_search", stdout=out)
    assert "1 document(s) read, 0 flagged" in out.getvalue()
    assert "« ancien »" in DocumentText.objects.get(document=doc).text
