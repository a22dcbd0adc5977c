"""The links between items of the library in its spreadsheet: a decision's lower decisions
(`lower_decisions`, the ids of the earlier decisions of the same proceedings, separated by
semicolons) and the text that replaced a document (`replaced_by`, one id). Export writes the ids
it writes in `id`; import takes an item of the site or a row of the same file, and refuses an
id it does not know, row and column named in French, with nothing written."""

import io
import json
import uuid
import zipfile

import pytest

from django.core.management import CommandError, call_command

from library.interchange import DECISIONS, DOCUMENTS, write_zip
from library.models import DecisionPage, DocumentPage

from .library_fixtures import *  # noqa: F403 (fixtures)
from .library_fixtures import DAY, decision, document
from .test_library_import_export import _write, run, sheet

pytestmark = pytest.mark.django_db


def relations():
    """{decision's number: its lower decisions' numbers}, {document's reference: the
    reference of the text that replaced it}, as the site holds them (published or draft)."""
    decisions = {
        page.number: sorted(lower.number for lower in page.lower_decisions.all())
        for page in DecisionPage.objects.all()
    }
    documents = {
        page.reference: page.replaced_by.reference if page.replaced_by else None
        for page in DocumentPage.objects.select_related("replaced_by")
    }
    return decisions, documents


def proceedings(sections, court):
    """A judgment of first instance, its appeal, and the Conseil d’État's decision on both."""
    first = decision(sections, court, number="21/01234", decision_date=DAY)
    appeal = decision(sections, court, number="22/00042", lower_decisions=[first])
    top = decision(sections, court, number="469352", lower_decisions=[appeal, first])
    return first, appeal, top


def texts(sections):
    """A circular replaced by a later one, itself still in force."""
    new = document(sections, kind="circular", reference="JUSF2400001C", title_fr="Nouvelle")
    old = document(
        sections,
        kind="circular",
        reference="JUSF1602101C",
        title_fr="Circulaire « mineurs isolés »",
        in_force=False,
        replaced_by=new,
    )
    return old, new


@pytest.mark.parametrize("export_format", ["csv", "excel", "json"])
def test_export_then_import_keeps_the_links(sections, conseil_etat, export_format):
    proceedings(sections, conseil_etat)
    texts(sections)
    before = relations()
    assert before[0]["469352"] == ["21/01234", "22/00042"]
    assert before[1] == {"JUSF1602101C": "JUSF2400001C", "JUSF2400001C": None}
    exports = {}
    for section in (DECISIONS, DOCUMENTS):
        out = io.BytesIO()
        write_zip(section, out, export_format)
        exports[section.name] = out.getvalue()
        plan = run(section, exports[section.name])
        assert not plan.created and not plan.updated, plan.summary()
    assert relations() == before

    # Into an empty site: every item comes back, with its links, whatever the rows' order.
    DecisionPage.objects.all().delete()
    DocumentPage.objects.all().delete()
    for section in (DECISIONS, DOCUMENTS):
        plan = run(section, exports[section.name])
        assert len(plan.created) == section.model.objects.count() > 0
    assert relations() == before


def test_the_export_writes_the_ids(sections, conseil_etat):
    first, appeal, top = proceedings(sections, conseil_etat)
    old, new = texts(sections)
    out = io.BytesIO()
    write_zip(DECISIONS, out, "json")
    records = json.loads(zipfile.ZipFile(io.BytesIO(out.getvalue())).read("decisions.json"))
    by_id = {record["id"]: record for record in records["decisions"]}
    assert by_id[str(top.translation_key)]["lower_decisions"] in (
        f"{first.translation_key};{appeal.translation_key}",
        f"{appeal.translation_key};{first.translation_key}",
    )
    assert by_id[str(first.translation_key)]["lower_decisions"] == ""
    out = io.BytesIO()
    write_zip(DOCUMENTS, out, "csv")
    sheet_text = zipfile.ZipFile(io.BytesIO(out.getvalue())).read("documents.csv").decode()
    assert f"non,{new.translation_key}," in sheet_text


def test_a_changed_link_updates_the_item(sections, conseil_etat):
    first, appeal, top = proceedings(sections, conseil_etat)
    header = ["id", "status", "court", "kind", "number", "decision_date", "lower_decisions"]
    row = [str(top.translation_key), "live", "Conseil d’État", "arret", "469352", "15/12/2022"]
    plan = run(DECISIONS, sheet(header, [[*row, str(appeal.translation_key)]]), name="d.csv")
    assert plan.actions == {2: "updated"}
    assert relations()[0]["469352"] == ["22/00042"]
    plan = run(DECISIONS, sheet(header, [[*row, ""]]), name="d.csv")
    assert plan.actions == {2: "updated"}
    assert relations()[0]["469352"] == []


def test_unknown_ids_are_refused_by_row_and_column(sections, conseil_etat):
    old, new = texts(sections)
    first, _appeal, _top = proceedings(sections, conseil_etat)
    stranger = uuid.uuid4()
    header = ["id", "kind", "title_fr", "document_date", "replaced_by"]
    rows = [
        ["", "circulaire", "Circulaire « bis »", "01/02/2024", str(stranger)],
        ["", "circulaire", "Circulaire « ter »", "01/03/2024", "pas-un-id"],
        ["", "circulaire", "Circulaire « quater »", "01/04/2024", str(first.translation_key)],
        [
            str(old.translation_key),
            "circulaire",
            "Circulaire « mineurs isolés »",
            "25/01/2016",
            f"{new.translation_key}; {new.translation_key}",
        ],
        [
            str(new.translation_key),
            "circulaire",
            "Nouvelle",
            "2024-01-01",
            str(new.translation_key),
        ],
    ]
    with pytest.raises(CommandError) as error:
        call_command("import_library", "documents", _write(sheet(header, rows), "documents.csv"))
    message = str(error.value)
    assert f"Ligne 2, replaced_by : aucun document n’a l’id « {stranger} »" in message
    assert "Ligne 3, replaced_by : aucun document n’a l’id « pas-un-id »" in message
    # a decision's id is not a document's
    assert f"Ligne 4, replaced_by : aucun document n’a l’id « {first.translation_key} »" in message
    assert "Ligne 5, replaced_by : un seul id ici" in message
    assert "Ligne 6, replaced_by : la ligne se désigne elle-même" in message
    assert DocumentPage.objects.count() == 2
    assert relations()[1] == {"JUSF1602101C": "JUSF2400001C", "JUSF2400001C": None}

    header = ["id", "court", "kind", "decision_date", "lower_decisions"]
    bad = ["", "Conseil d’État", "arret", "2023-01-01", f"{first.translation_key};{stranger}"]
    with pytest.raises(CommandError) as error:
        call_command("import_library", "decisions", _write(sheet(header, [bad]), "d.csv"))
    assert (
        f"Ligne 2, lower_decisions : aucune décision n’a l’id « {stranger} », "
        "ni sur le site ni dans le fichier"
    ) in str(error.value)
    assert DecisionPage.objects.count() == 3


def test_a_row_links_to_a_row_further_down(sections, conseil_etat):
    """Two new decisions of one proceedings, the appeal before the judgment it reviews: the
    ids are the editor's own (new uuids), and a dry run writes nothing."""
    appeal_key, first_key = uuid.uuid4(), uuid.uuid4()
    header = ["id", "status", "court", "kind", "number", "decision_date", "lower_decisions"]
    rows = [
        [appeal_key, "live", "Conseil d’État", "arret", "22/00042", "2023-01-01", first_key],
        [first_key, "draft", "Conseil d’État", "jugement", "21/01234", "2021-06-01", ""],
    ]
    data = sheet(header, rows)
    plan = run(DECISIONS, data, name="d.csv", dry_run=True)
    assert plan.actions == {2: "created", 3: "created"}
    assert not DecisionPage.objects.exists()
    run(DECISIONS, data, name="d.csv")
    appeal = DecisionPage.objects.get(translation_key=appeal_key)
    assert appeal.live and [page.translation_key for page in appeal.lower_decisions.all()] == [
        first_key
    ]
    plan = run(DECISIONS, data, name="d.csv")
    assert plan.actions == {2: "unchanged", 3: "unchanged"}
