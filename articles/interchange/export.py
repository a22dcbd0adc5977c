"""Export: every article in the import's columns, so that what the site holds imports back
unchanged into it, and whole into an empty site."""

import csv
import datetime
import json
import re

from django.utils import translation

from core.i18n import LANGUAGE_CODES
from core.page_imports import working_copy

from ..models import ArticlePage
from .columns import COLUMNS, MODEL_FIELDS, THEME_FIELDS, stream_data


def export_records(queryset=None):
    """One dict per article, with the import columns, oldest first. A published article is
    written as visitors see it (`live`), even when an editor has a draft of changes on it: the
    import compares such a row with the published version, and leaves the draft alone. An
    unpublished article is written as its latest draft (`draft`). Its `id` is its
    translation_key; its themes carry all their languages."""
    if queryset is None:
        queryset = ArticlePage.objects.all()
    queryset = queryset.order_by("published_date", "pk").prefetch_related("themes")
    with translation.override("fr"):
        for article in queryset.iterator(chunk_size=500):
            version = article if article.live else working_copy(article)
            record = {"id": str(article.translation_key)}
            for column in COLUMNS:
                if column in MODEL_FIELDS:
                    value = getattr(version, MODEL_FIELDS[column])
                    if isinstance(value, datetime.date):
                        value = value.isoformat()
                    record[column] = value or ""
            for code in LANGUAGE_CODES:
                record[f"body_{code}"] = stream_data(getattr(version, f"body_{code}"))
            record["themes"] = [
                {name: getattr(theme, name, None) or "" for name in THEME_FIELDS}
                for theme in version.themes.all()
            ]
            record["status"] = "live" if article.live else "draft"
            yield {column: record[column] for column in COLUMNS}


def write_json(records, out):
    json.dump({"articles": list(records)}, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(records, out, delimiter=","):
    """One line per article. Themes as a JSON list of objects (every language travels),
    bodies as HTML paragraphs or, when richer, JSON blocks."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", delimiter=delimiter)
    writer.writeheader()
    for record in records:
        record = dict(record)
        record["themes"] = json.dumps(record["themes"], ensure_ascii=False)
        for code in LANGUAGE_CODES:
            record[f"body_{code}"] = _body_cell(record[f"body_{code}"])
        writer.writerow(record)


def write_excel_csv(records, out):
    """CSV as French Excel opens it with a double click: UTF-8 announced by a byte-order mark
    (without it Excel reads Windows-1252, and accents come out garbled) and semicolons (its
    list separator in French). The import reads it back as it is."""
    out.write("\ufeff")
    write_csv(records, out, delimiter=";")


def _body_cell(blocks):
    """Paragraph-only bodies as HTML paragraphs separated by blank lines (readable in a
    spreadsheet); anything richer as the JSON list of blocks."""
    if not blocks:
        return ""
    if all(
        block["type"] == "paragraph"
        and block["value"].startswith("<")
        and not re.search(r"\n\s*\n", block["value"])
        for block in blocks
    ):
        return "\n\n".join(block["value"] for block in blocks)
    return json.dumps(blocks, ensure_ascii=False)
