"""A whole guide as a PDF made on the server (WeasyPrint) from its printable page: one address
per language, the last review in the file's name, made once until the guide changes, and a
link on the guide's pages, with its size once it is made."""

import datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from guides.factories import GuidePageFactory, GuideSectionPageFactory, paragraph
from guides.review import mark_guide_reviewed
from home.site_tree import ensure_guides_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(home_page):
    index = ensure_guides_section(home_page)
    guide = GuidePageFactory(
        parent=index,
        title_fr="Minorité et état civil",
        title_en="Minority and civil status",
        body_fr=paragraph("Le doute profite à l’intéressé « mineur »."),
        body_en=paragraph("The benefit of the doubt goes to the young person."),
    )
    chapter = GuideSectionPageFactory(
        parent=guide,
        title_fr="Détermination de la minorité",
        title_en="",
        body_fr=paragraph("L’évaluation repose sur un faisceau d’indices."),
        body_en=[],
    )
    for page in (guide, chapter):
        page.save_revision().publish()
    mark_guide_reviewed(guide, day=datetime.date(2026, 11, 2))
    return {"guide": guide, "chapter": chapter}


def pdf_text(response):
    reader = PdfReader(BytesIO(response.content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_guide_as_a_pdf_in_each_language(client, guide):
    response = client.get(guide["guide"].get_url_in("fr") + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'inline; filename="minorite-et-etat-civil-2026-11-02.pdf"'
    )
    text = pdf_text(response)
    assert "Minorité et état civil" in text
    assert "faisceau d’indices" in text  # the chapter, in the same file

    english = client.get(guide["guide"].get_url_in("en") + "pdf/")
    assert english["Content-Disposition"] == (
        'inline; filename="minority-and-civil-status-2026-11-02.pdf"'
    )
    text = pdf_text(english)
    assert "The benefit of the doubt" in text
    assert "Détermination de la minorité" in text  # French where not translated


def test_a_link_on_every_page_and_a_change_makes_a_new_file(client, guide):
    chapter_url = guide["chapter"].get_url_in("fr")
    pdf_url = guide["guide"].get_url_in("fr") + "pdf/"
    html = client.get(chapter_url).content.decode()
    assert f'<a href="{pdf_url}" type="application/pdf">Télécharger le dossier en PDF</a>' in html
    first = client.get(pdf_url).content
    assert client.get(pdf_url).content == first  # kept, not made again
    size = -(-len(first) // 1024)
    html = client.get(chapter_url).content.decode()
    assert f">Télécharger le dossier en PDF ({size} Ko)</a>" in html

    chapter = guide["chapter"].specific
    chapter.body_fr = paragraph("Un nouveau paragraphe « contrôlé » par le juge.")
    chapter.save_revision().publish()
    again = client.get(pdf_url)
    assert "contrôlé" in pdf_text(again)
    assert "faisceau" not in pdf_text(again)
    size = -(-len(again.content) // 1024)
    html = client.get(guide["guide"].get_url_in("en")).content.decode()
    assert ">Download the guide as a PDF</a>" in html  # not made in English yet
    assert (
        f">Télécharger le dossier en PDF ({size} Ko)</a>"
        in client.get(chapter_url).content.decode()
    )


def test_no_pdf_for_a_guide_with_nothing_published(client, home_page):
    index = ensure_guides_section(home_page)
    draft = GuidePageFactory(parent=index, title_fr="Brouillon", live=False)
    assert client.get(draft.get_url_in("fr") + "pdf/").status_code == 404


def test_a_section_taken_down_leaves_the_file(client, guide):
    """Unpublishing a section changes no publication date of what stays: the file is made
    again all the same, without it, and the link gives the new file's size."""
    guide["guide"].save_revision().publish()  # the guide, not the section, published last
    guide_url = guide["guide"].get_url_in("fr")
    pdf_url = guide_url + "pdf/"
    assert "faisceau d’indices" in pdf_text(client.get(pdf_url))
    guide["chapter"].unpublish()
    again = client.get(pdf_url)
    assert "faisceau d’indices" not in pdf_text(again)
    assert "Minorité et état civil" in pdf_text(again)
    size = -(-len(again.content) // 1024)
    html = client.get(guide_url).content.decode()
    assert f">Télécharger le dossier en PDF ({size} Ko)</a>" in html
