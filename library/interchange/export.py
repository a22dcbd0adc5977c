"""Export of a library section: a ZIP holding the spreadsheet (CSV, CSV for French Excel, or
JSON) and the files, each row naming its file by its path in the ZIP, so that importing the
ZIP gives back the same items (into the same site, or an empty one with the same courts and
themes)."""

import csv
import datetime
import io
import json
import posixpath
import zipfile

from django.utils import translation

from .columns import FILES_FOLDER, LIST_SEPARATOR


def export_records(section, queryset=None, files=None):
    """One dict per page of `section`, with its columns, oldest first: a published page as
    visitors see it, an unpublished one as its latest draft. `files` (a dict), when given,
    receives {path in the ZIP: Wagtail document} for the files the rows name."""
    if queryset is None:
        queryset = section.model.objects.all()
    queryset = queryset.order_by(section.model.date_field, "pk").prefetch_related("themes")
    for column, many in section.relations.items():
        queryset = queryset.prefetch_related(column) if many else queryset.select_related(column)
    queryset = queryset.select_related(section.file_field)
    rich = set(section.rich_text)
    with translation.override("fr"):
        for page in queryset.iterator(chunk_size=500):
            version = page
            if not page.live and page.has_unpublished_changes and page.latest_revision_id:
                version = page.get_latest_revision_as_object()
            record = {"id": str(page.translation_key), "status": "live" if page.live else "draft"}
            for column, name in section.fields.items():
                record[column] = _cell(getattr(version, name))
            for column in rich:
                record[column] = str(getattr(version, column) or "")
            if "court" in section.columns:
                record["court"] = version.court.name_fr
            record["kind"] = version.kind
            record["themes"] = f"{LIST_SEPARATOR} ".join(t.name_fr for t in version.themes.all())
            for column, many in section.relations.items():
                linked = getattr(version, column)
                linked = linked.all() if many else [linked] if linked is not None else []
                record[column] = LIST_SEPARATOR.join(str(page.translation_key) for page in linked)
            document = getattr(version, section.file_field)
            record["file"] = ""
            if document is not None and files is not None:
                path = f"{FILES_FOLDER}/{document.pk}-{posixpath.basename(document.file.name)}"
                files[path] = document
                record["file"] = path
            yield {column: record.get(column, "") for column in section.columns}


def _cell(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "oui" if value else "non"
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    return "" if value is None else str(value)


def write_json(section, records, out):
    json.dump({section.name: list(records)}, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(section, records, out, delimiter=","):
    writer = csv.DictWriter(
        out, fieldnames=section.columns, lineterminator="\n", delimiter=delimiter
    )
    writer.writeheader()
    writer.writerows(records)


def write_excel_csv(section, records, out):
    """For French Excel: UTF-8 announced by a byte-order mark, semicolons."""
    out.write("\ufeff")
    write_csv(section, records, out, delimiter=";")


WRITERS = {
    # format: (extension, writer)
    "excel": ("csv", write_excel_csv),
    "csv": ("csv", write_csv),
    "json": ("json", write_json),
}


def write_zip(section, out, export_format="csv", queryset=None):
    """The ZIP of `section` into `out` (a binary file): `<section>.csv` (or .json) at its top
    level, the files in `fichiers/`."""
    extension, write = WRITERS[export_format]
    files = {}
    sheet = io.StringIO()
    write(section, export_records(section, queryset, files), sheet)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{section.name}.{extension}", sheet.getvalue().encode("utf-8"))
        for path, document in files.items():
            try:
                with document.file.open("rb") as handle:
                    archive.writestr(path, handle.read())
            except OSError:
                continue  # a file lost from the storage: the row still names it
