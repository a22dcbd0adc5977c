"""Demo courts, decisions and documents (library/demo_content.json), used by `manage.py
load_demo`: our own short summaries, marked as demonstration content (numbers "DEMO-…"), each
with a small PDF our code writes (library/pdf_writer.py). Only adds what is missing."""

import datetime
import json
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils.html import format_html
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection

from articles.models import Theme

from .models import Court, DecisionPage, DocumentPage
from .pdf_writer import text_pdf

CONTENT = json.loads(Path(__file__).with_name("demo_content.json").read_text(encoding="utf-8"))
# A phrase only the PDF of a circular contains: the search finds the circular by it.
PDF_ONLY_PHRASE = "entretien pluridisciplinaire en langue maternelle"


def ensure_library_demo(case_law, library, theme_slugs):
    """Add the demo under the two sections; `theme_slugs` maps the demo's theme keys to the
    themes' French slugs. Returns the number of pages added."""
    if Collection.get_first_root_node() is None:  # a flushed database (transactional tests)
        Collection.add_root(name="Root")
    themes = {key: Theme.objects.filter(slug_fr=slug).first() for key, slug in theme_slugs.items()}
    courts = _ensure_courts()
    return _ensure_decisions(case_law, courts, themes) + _ensure_documents(library, themes)


def _ensure_courts():
    courts = {}
    for data in CONTENT["courts"]:
        fields = {k: v for k, v in data.items() if k != "key"}
        court = Court.objects.filter(name_fr=data["name_fr"]).first()
        if court is None:
            court = Court.objects.create(**fields)
        courts[data["key"]] = court
    return courts


def _pdf(title, paragraphs):
    lines = [title, ""]
    for paragraph in paragraphs:
        words, line = paragraph.split(), ""
        for word in words:
            if len(line) + len(word) > 85:
                lines.append(line)
                line = ""
            line = f"{line} {word}".strip()
        lines += [line, ""]
    doc = get_document_model()(title=title[:255])
    # Named after the document, as an editor's upload would be: the admin's list and a
    # visitor's download folder show which one it is.
    doc.file.save(
        f"{slugify(title)[:60].strip('-')}.pdf",
        ContentFile(text_pdf([lines], title=title)),
        save=False,
    )
    doc.save()
    return doc


def _ensure_decisions(index, courts, themes):
    existing = set(DecisionPage.objects.values_list("number", flat=True))
    created = 0
    for data in CONTENT["decisions"]:
        if data["number"] in existing:
            continue
        fields = {k: v for k, v in data.items() if k not in ("court", "themes")}
        for name in ("facts_fr", "ruling_fr", "facts_en", "ruling_en"):
            fields[name] = format_html("<p>{}</p>", fields[name]) if fields[name] else ""
        fields["decision_date"] = datetime.date.fromisoformat(data["decision_date"])
        page = DecisionPage(court=courts[data["court"]], **fields)
        page.fill_titles()
        page.decision_file = _pdf(page.title_fr, [data["facts_fr"], data["ruling_fr"]])
        page.themes.set([themes[key] for key in data["themes"] if themes.get(key)])
        index.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return created


def _ensure_documents(index, themes):
    existing = set(DocumentPage.objects.values_list("title_fr", flat=True))
    by_title = {}
    created = 0
    for data in CONTENT["documents"]:
        if data["title_fr"] in existing:
            continue
        fields = {k: v for k, v in data.items() if k not in ("themes", "replaced_by", "pages")}
        for name in ("summary_fr", "summary_en"):
            fields[name] = format_html("<p>{}</p>", fields[name]) if fields[name] else ""
        fields["document_date"] = datetime.date.fromisoformat(data["document_date"])
        if not data["summary_en"]:
            fields["title_en"] = None
        paragraphs = [data["summary_fr"]]
        if "(2019)" in data["title_fr"]:
            paragraphs.append(f"L’évaluation comprend un {PDF_ONLY_PHRASE}.")
        page = DocumentPage(page_count=data["pages"], **fields)
        page.document_file = _pdf(data["title_fr"], paragraphs * data["pages"])
        page.themes.set([themes[key] for key in data["themes"] if themes.get(key)])
        index.add_child(instance=page)
        page.save_revision().publish()
        by_title[data["title_fr"]] = page
        created += 1
    for data in CONTENT["documents"]:
        replaced, replacement = by_title.get(data["title_fr"]), by_title.get(data["replaced_by"])
        if replaced is not None and replacement is not None:
            replaced.replaced_by = replacement
            replaced.save_revision().publish()
    return created
