"""Shared set-up of the resource centre's tests: the sections, courts, a few themes."""

import datetime

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from articles.factories import ThemeFactory
from home.site_tree import ensure_library_sections
from library.factories import CourtFactory, DecisionPageFactory, DocumentPageFactory
from library.pdf_writer import text_pdf


@pytest.fixture
def sections(site_tree):
    home, _news = site_tree
    return ensure_library_sections(home)


@pytest.fixture
def conseil_etat(db):
    return CourtFactory(
        name_fr="Conseil d’État", name_en="Council of State", jurisdiction="france", sort_order=1
    )


@pytest.fixture
def echr(db):
    return CourtFactory(
        name_fr="Cour européenne des droits de l’homme",
        name_en="European Court of Human Rights",
        jurisdiction="europe",
    )


@pytest.fixture
def age_theme(db):
    return ThemeFactory(name_fr="Évaluation de l’âge", name_en="Age assessment")


def decision(sections, court, **kwargs):
    kwargs.setdefault("parent", sections[0])
    return DecisionPageFactory(court=court, **kwargs)


def document(sections, **kwargs):
    kwargs.setdefault("parent", sections[1])
    return DocumentPageFactory(**kwargs)


def pdf_document(title, pages=None, data=None):
    data = data if data is not None else text_pdf(pages or ["Texte"], title=title)
    doc = get_document_model()(title=title)
    doc.file.save(f"{title.replace(' ', '-')}.pdf", ContentFile(data), save=False)
    doc.save()
    return doc


DAY = datetime.date(2022, 12, 15)
