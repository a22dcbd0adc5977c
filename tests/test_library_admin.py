"""An editor adds a decision and a document from the admin, in French, with a PDF."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.test.utils.form_data import nested_form_data, rich_text

from library.models import DecisionPage, DocumentPage
from library.pdf_writer import text_pdf

from .library_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db

EMPTY_COMMENTS = {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("coordinatrice", "c@example.org", "x")
    client.force_login(user)
    return client


def _add(editor, model, parent, data):
    url = reverse("wagtailadmin_pages:add", args=("library", model, parent.pk))
    assert editor.get(url).status_code == 200
    return editor.post(url, data)


def test_an_editor_adds_a_decision_with_its_pdf(editor, sections, conseil_etat, age_theme):
    upload = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "CE ord. 469352",
            "file": SimpleUploadedFile("469352.pdf", text_pdf(["Ordonnance du juge des référés"])),
            "collection": 1,
        },
    )
    assert upload.status_code == 302
    pdf = get_document_model().objects.get(title="CE ord. 469352")
    data = nested_form_data(
        {
            "court": conseil_etat.pk,
            "city": "",
            "kind": "ordonnance",
            "decision_date": "15/12/2022",
            "number": "469352",
            "ecli": "",
            "custom_title_fr": "",
            "custom_title_en": "",
            "facts_fr": rich_text("<p>Un jeune « se déclarant mineur » est laissé à la rue.</p>"),
            "facts_en": rich_text("<p>A young person is left on the street.</p>"),
            "ruling_fr": rich_text("<p>Injonction d’hébergement.</p>"),
            "ruling_en": rich_text(""),
            "extracts_fr": rich_text(""),
            "extracts_en": rich_text(""),
            "decision_file": pdf.pk,
            "source_url": "https://www.conseil-etat.fr/fr/arianeweb/CE/decision/2022-12-15/469352",
            "slug_fr": "",
            "slug_en": "",
            "seo_title_fr": "",
            "seo_title_en": "",
            "search_description_fr": "",
            "search_description_en": "",
            "comments": EMPTY_COMMENTS,
            "action-publish": "action-publish",
        }
    )
    data["themes"] = [str(age_theme.pk)]
    response = _add(editor, "decisionpage", sections[0], data)
    assert response.status_code == 302, response.context["form"].errors
    page = DecisionPage.objects.get(number="469352")
    assert page.live
    assert page.title_fr == "Conseil d’État, ordonnance n° 469352 du 15 décembre 2022"
    assert page.url == "/fr/jurisprudence/conseil-detat-2022-12-15-469352/"
    assert list(page.themes.all()) == [age_theme]


def test_an_editor_adds_a_document(editor, sections):
    data = nested_form_data(
        {
            "title_fr": "Rapport « Mineurs à la rue »",
            "title_en": "",
            "kind": "report",
            "document_date": "02/10/2023",
            "authors_fr": "Défenseure des droits",
            "authors_en": "",
            "publisher": "",
            "summary_fr": rich_text("<p>Un bilan.</p>"),
            "summary_en": rich_text(""),
            "external_url_fr": "https://www.example.org/rapport.pdf",
            "external_url_en": "",
            "page_count": "120",
            "reference": "",
            "in_force": "on",
            "slug_fr": "",
            "slug_en": "",
            "seo_title_fr": "",
            "seo_title_en": "",
            "search_description_fr": "",
            "search_description_en": "",
            "comments": EMPTY_COMMENTS,
            "action-publish": "action-publish",
        }
    )
    data["file_languages"] = ["fr", "en"]
    response = _add(editor, "documentpage", sections[1], data)
    assert response.status_code == 302, response.context["form"].errors
    page = DocumentPage.objects.get(title_fr="Rapport « Mineurs à la rue »")
    assert page.file_languages == ["fr", "en"]
    assert page.slug_fr == "rapport-mineurs-a-la-rue"
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert edit.status_code == 200
    assert edit.context["form"]["file_languages"].value() == ["fr", "en"]


def test_the_court_list_is_managed_in_the_admin(editor, conseil_etat):
    listing = editor.get(reverse("wagtailsnippets_library_court:list"))
    assert listing.status_code == 200
    assert "Conseil d’État" in listing.content.decode()
    assert "Ajouter une juridiction" in listing.content.decode()
