"""The resource centre's demo: a dozen decisions across five courts and more, a dozen documents
across the kinds, each with a PDF our code wrote and whose text was read."""

import pytest

from library.demo import PDF_ONLY_PHRASE
from library.models import DecisionPage, DocumentPage, DocumentText

pytestmark = pytest.mark.django_db


def test_demo_decisions_and_documents(client, demo_content):
    decisions = DecisionPage.objects.live()
    assert decisions.count() >= 12
    assert len({d.court_id for d in decisions}) >= 5
    documents = DocumentPage.objects.live()
    assert documents.count() >= 12
    assert len({d.kind for d in documents}) >= 8
    assert all(d.decision_file_id for d in decisions)
    assert set(DocumentText.objects.values_list("status", flat=True)) == {"ok"}
    # A lawyer: the Conseil d'État's orders of 2022 on age assessment, in three choices.
    listing = client.get(
        "/fr/jurisprudence/", {"court": "conseil-detat", "year": "2022", "kind": "ordonnance"}
    )
    assert listing.context["items_page"].paginator.count == 2
    # A social worker: a circular by a phrase only inside its PDF.
    found = client.get("/fr/recherche/", {"q": PDF_ONLY_PHRASE.split()[1]})
    assert "Circulaire de démonstration (2019)" in found.content.decode()
