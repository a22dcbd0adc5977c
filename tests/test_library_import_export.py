"""Import and export of decisions and documents (library/interchange, `import_library`,
`export_library`): a ZIP holding the spreadsheet and its PDFs, rows naming a file by its path
in the ZIP or linking elsewhere, every problem named by row and column in French with nothing
written, nothing published that a row does not ask for, and the export imported back changing
nothing."""

import csv
import io
import json
import tempfile
import zipfile
from pathlib import Path

import pytest

from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.template.defaultfilters import filesizeformat
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.documents import get_document_model

from core.interchange import without_block_keys
from library.interchange import DECISIONS, DOCUMENTS, import_rows, read_upload, validate, write_zip
from library.models import DecisionPage, DocumentPage, DocumentText
from library.pdf_writer import text_pdf

from .library_fixtures import *  # noqa: F403 (fixtures)
from .library_fixtures import DAY, decision, document

pytestmark = pytest.mark.django_db

PHRASE = "l’évaluation de la minorité « au bénéfice du doute »"
DECISION_HEADER = [
    "id",
    "status",
    "court",
    "kind",
    "number",
    "decision_date",
    "facts_fr",
    "ruling_fr",
    "file",
    "themes",
]


def sheet(header, rows, delimiter=";"):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def zipped(spreadsheet, name="decisions.csv", files=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(name, spreadsheet)
        for path, data in (files or {}).items():
            archive.writestr(path, data)
    return out.getvalue()


def run(section, data, name="import.zip", dry_run=False):
    upload = read_upload(data, section, name=name)
    rows = validate(section, upload.content.rows, upload.archive)
    return import_rows(section, rows, upload.archive, dry_run=dry_run)


def decision_rows():
    return [
        [
            "",
            "live",
            "Conseil d’État",
            "ordonnance",
            "469352",
            "15/12/2022",
            "Un jeune homme se déclarant mineur, « isolé », sans hébergement.",
            "Le juge des référés enjoint au département de l’héberger.",
            "pdf/ce-469352.pdf",
            "Évaluation de l’âge",
        ],
        [
            "",
            "draft",
            "Council of State",
            "arrêt",
            "470001",
            "2023-02-01",
            "Les faits.",
            "",
            "https://www.legifrance.gouv.fr/ceta/id/CETATEXT000047",
            "",
        ],
    ]


def test_a_zip_of_decisions_with_their_pdf(client, sections, conseil_etat, age_theme):
    pdf = text_pdf([f"Ordonnance du Conseil d’État sur {PHRASE}."], title="CE 469352")
    data = zipped(sheet(DECISION_HEADER, decision_rows()), files={"pdf/ce-469352.pdf": pdf})

    plan = run(DECISIONS, data, dry_run=True)
    assert plan.actions == {2: "created", 3: "created"}
    assert plan.new_files == ["pdf/ce-469352.pdf"]
    assert not DecisionPage.objects.exists()
    assert not get_document_model().objects.exists()

    run(DECISIONS, data)
    order = DecisionPage.objects.get(number="469352")
    assert order.live and order.court == conseil_etat and order.kind == "ordonnance"
    assert order.title_fr == "Conseil d’État, ordonnance n° 469352 du 15 décembre 2022"
    assert list(order.themes.all()) == [age_theme]
    assert "« isolé »" in order.facts_fr
    text = DocumentText.objects.get(document=order.decision_file)
    assert PHRASE in text.text  # read as on upload
    page = client.get(order.get_url_in("fr")).text
    with translation.override("fr"):
        size = filesizeformat(order.decision_file.file_size)
    assert f"La décision (PDF, {size})" in page  # the link says how large the file is
    judgment = DecisionPage.objects.get(number="470001")
    assert not judgment.live  # a draft stays a draft: nothing unreviewed is published
    assert judgment.kind == "arret"
    assert judgment.source_url == "https://www.legifrance.gouv.fr/ceta/id/CETATEXT000047"
    assert judgment.decision_file is None


def test_one_wrong_row_and_nothing_is_written(sections, conseil_etat, age_theme):
    rows = decision_rows()
    rows[1][2] = "Tribunal de Gotham"
    rows[1][5] = "31/02/2023"
    rows[0][8] = "pdf/absent.pdf"
    bad = ["", "publié", "Conseil d’État", "verdict", "", "", "", "", "", "Thème « inconnu »"]
    data = zipped(sheet(DECISION_HEADER, [*rows, bad]))
    with pytest.raises(CommandError) as error:
        call_command("import_library", "decisions", _write(data), stdout=io.StringIO())
    message = str(error.value)
    assert "Ligne 2, file : « pdf/absent.pdf » n’est pas dans le ZIP" in message
    assert "Ligne 3, court : juridiction inconnue « Tribunal de Gotham »" in message
    assert "Ligne 3, decision_date : date invalide « 31/02/2023 »" in message
    assert "Ligne 4, status : statut inconnu « publié »" in message
    assert "Ligne 4, kind : type inconnu « verdict »" in message
    assert "Ligne 4, decision_date : manquant (obligatoire)" in message
    assert "Ligne 4, themes : thème inconnu « Thème « inconnu » »" in message
    assert not DecisionPage.objects.exists()
    assert not get_document_model().objects.exists()


def test_a_file_path_needs_a_zip(sections, conseil_etat, age_theme):
    data = sheet(DECISION_HEADER, decision_rows()[:1])
    with pytest.raises(Exception) as error:
        run(DECISIONS, data, name="décisions.csv")
    assert "envoyez un ZIP" in str(error.value)


def test_documents_by_french_label_with_their_file(sections, age_theme):
    header = [
        "kind",
        "title_fr",
        "title_en",
        "authors_fr",
        "document_date",
        "page_count",
        "file_languages",
        "summary_fr",
        "file",
        "reference",
        "in_force",
        "themes",
    ]
    circular = text_pdf([f"Circulaire relative à {PHRASE}."], title="Circulaire")
    rows = [
        [
            "circulaire",
            "Circulaire du 25 janvier 2016 « mineurs isolés »",
            "",
            "Ministère de la Justice",
            "25/01/2016",
            "12",
            "fr",
            "Premier paragraphe.\n\nSecond.",
            "textes/circulaire.pdf",
            "JUSF1602101C",
            "non",
            "Age assessment",
        ],
        [
            "report",
            "Rapport « Ὀδύσσεια » et mineurs",
            "Report on minors",
            "Défenseur des droits",
            "2024-03-01",
            "",
            "fr;en",
            "<p>Un <b>rapport</b><script>alert(1)</script></p>",
            "https://www.defenseurdesdroits.fr/rapport.pdf",
            "",
            "",
            "",
        ],
    ]
    files = {"textes/circulaire.pdf": circular}
    run(DOCUMENTS, zipped(sheet(header, rows), "documents.csv", files))
    found = DocumentPage.objects.get(reference="JUSF1602101C")
    assert found.kind == "circular" and found.in_force is False and found.page_count == 12
    assert without_block_keys(found.summary_fr) == "<p>Premier paragraphe.</p><p>Second.</p>"
    assert found.title_en is None and list(found.themes.all()) == [age_theme]
    assert PHRASE in found.document_file.extracted_text.text
    report = DocumentPage.objects.get(kind="report")
    assert report.file_languages == ["fr", "en"]
    assert "script" not in report.summary_fr and "<b>rapport</b>" in report.summary_fr
    assert report.external_url_fr == "https://www.defenseurdesdroits.fr/rapport.pdf"


@pytest.mark.parametrize("export_format", ["csv", "excel", "json"])
def test_export_then_import_changes_nothing(
    tmp_path, sections, conseil_etat, echr, age_theme, export_format
):
    pdf = text_pdf([PHRASE])
    doc = get_document_model()(title="Décision")
    doc.file.save("decision-cedh.pdf", ContentFile(pdf), save=False)
    doc._set_document_file_metadata()
    doc.save()
    decision(
        sections,
        echr,
        decision_date=DAY,
        themes=[age_theme],
        decision_file=doc,
        city="Strasbourg",
        facts_fr="<p>« Faits » en français</p>",
    )
    decision(sections, conseil_etat, decision_date=DAY, live=False, themes=[age_theme])
    document(
        sections,
        themes=[age_theme],
        file_languages=["fr", "ar"],
        in_force=False,
        kind="decree",
        reference="NOR 2024-01",
    )
    before = {
        model: sorted(model.objects.values_list("translation_key", "live", "title_fr", "title_en"))
        for model in (DecisionPage, DocumentPage)
    }
    for section in (DECISIONS, DOCUMENTS):
        out = io.BytesIO()
        write_zip(section, out, export_format)
        plan = run(section, out.getvalue())
        assert not plan.created and not plan.updated and not plan.new_files, plan.summary()
        assert len(plan.unchanged) == section.model.objects.count()
        path = tmp_path / f"{section.name}.zip"
        call_command(
            "export_library",
            section.name,
            str(path),
            "--format",
            export_format,
            stderr=io.StringIO(),
        )
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
        assert names[0] == f"{section.name}.{'json' if export_format == 'json' else 'csv'}"
    assert "fichiers/" in " ".join(names) or section is DOCUMENTS
    after = {
        model: sorted(model.objects.values_list("translation_key", "live", "title_fr", "title_en"))
        for model in (DecisionPage, DocumentPage)
    }
    assert after == before
    assert get_document_model().objects.count() == 1


def test_export_imports_into_an_empty_site(sections, conseil_etat, age_theme):
    original = decision(
        sections,
        conseil_etat,
        decision_date=DAY,
        themes=[age_theme],
        number="469352",
        facts_fr="<p>« Faits »</p>",
    )
    out = io.BytesIO()
    write_zip(DECISIONS, out, "json")
    records = json.loads(zipfile.ZipFile(io.BytesIO(out.getvalue())).read("decisions.json"))
    assert records["decisions"][0]["court"] == "Conseil d’État"
    key = original.translation_key
    original.delete()
    plan = run(DECISIONS, out.getvalue())
    assert len(plan.created) == 1
    again = DecisionPage.objects.get(translation_key=key)
    assert again.live and without_block_keys(again.facts_fr) == "<p>« Faits »</p>"
    assert again.title_fr == "Conseil d’État, arrêt n° 469352 du 15 décembre 2022"


def test_a_changed_row_of_a_published_decision_waits_in_review_if_one_is_running(
    sections, conseil_etat
):
    page = decision(sections, conseil_etat, decision_date=DAY)
    page.facts_fr = "<p>Brouillon d’une rédactrice</p>"
    page.save_revision()  # changes not yet published
    header = ["id", "status", "court", "kind", "decision_date", "facts_fr"]
    row = [str(page.translation_key), "live", "Conseil d’État", "arret", "2022-12-15", "Autre"]
    plan = run(DECISIONS, sheet(header, [row]), name="décisions.csv")
    assert plan.actions == {2: "left_alone"}
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().facts_fr == "<p>Brouillon d’une rédactrice</p>"


def test_a_damaged_zip_gets_a_french_sentence(sections):
    with pytest.raises(CommandError) as error:
        call_command("import_library", "documents", _write("PK\x03\x04 abîmé".encode(), "x.zip"))
    assert "archive ZIP est abîmée" in str(error.value)


def _write(data, name="import.zip"):
    path = Path(tempfile.mkdtemp()) / name
    path.write_bytes(data)
    return str(path)


def test_checking_an_export_again_asks_the_same_queries_for_3_or_12_rows(
    sections, conseil_etat, echr, age_theme
):
    """A moderator checks the export of the whole library before importing it back: each row
    is compared with its page (court, themes, links), read for all of them at once."""

    def checked(section):
        out = io.BytesIO()
        write_zip(section, out, "csv")
        with CaptureQueriesContext(connection) as queries:
            plan = run(section, out.getvalue(), dry_run=True)
        assert len(plan.unchanged) == section.model.objects.count()
        return len(queries)

    counts = []
    for total in (3, 12):
        while DecisionPage.objects.count() < total:
            n = DecisionPage.objects.count()
            lower = decision(sections, echr, decision_date=DAY, number=f"« {n} » – Ā", themes=[])
            upper = decision(sections, conseil_etat, decision_date=DAY, themes=[age_theme])
            upper.lower_decisions.set([lower])
            upper.save_revision().publish()
            document(sections, themes=[age_theme], kind="decree", reference=f"NOR {n}")
            document(sections, themes=[age_theme], kind="report")
        counts.append((checked(DECISIONS), checked(DOCUMENTS)))
    assert counts[0] == counts[1], counts
