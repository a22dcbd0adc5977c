"""Reading an import file: CSV (UTF-8, comma or semicolon, as a spreadsheet saves it) or JSON
(a list of objects, or {"articles": [...]}), into numbered records of cells."""

import csv
import io
import json

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .columns import COLUMNS, ImportFileError


def read_rows(path_or_file, file_format=None):
    """[(row number, {column: value})] from a CSV or JSON file (format from the extension
    unless given)."""
    name = getattr(path_or_file, "name", str(path_or_file))
    file_format = (file_format or name.rsplit(".", 1)[-1]).lower()
    if file_format not in ("csv", "json"):
        raise ImportFileError(
            _("%(file)s: unknown format (use a .csv or .json file)") % {"file": name}
        )
    try:
        if hasattr(path_or_file, "read"):
            text = path_or_file.read()
        else:
            with open(path_or_file, encoding="utf-8-sig") as handle:
                text = handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(
            _("%(file)s: cannot be read (%(error)s)") % {"file": name, "error": exc}
        ) from exc
    text = text.lstrip("\ufeff")
    return _read_json(text, name) if file_format == "json" else _read_csv(text, name)


def _read_csv(text, name):
    first_line = text.split("\n", 1)[0]
    # Spreadsheets set to French save with semicolons.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    _check_header(reader.fieldnames or [], name)
    rows = []
    # Numbered as the spreadsheet shows them: the header is row 1 (a cell may span lines).
    for number, record in enumerate(reader, start=2):
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue  # an empty spreadsheet line
        rows.append((number, {k: v for k, v in record.items() if k is not None}))
    return rows


def _read_json(text, name):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            _("%(file)s: not valid JSON (%(error)s)") % {"file": name, "error": exc}
        ) from exc
    if isinstance(data, dict):
        data = data.get("articles")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ImportFileError(
            _('%(file)s: expected a list of articles, or {"articles": [...]}, each an object')
            % {"file": name}
        )
    columns = set().union(*(item.keys() for item in data)) if data else set()
    _check_header(columns, name)
    return [(number, item) for number, item in enumerate(data, start=1)]


def _check_header(columns, name):
    unknown = sorted(set(columns) - set(COLUMNS))
    if unknown:
        raise ImportFileError(
            ngettext(
                "%(file)s: unknown column %(unknown)s; the columns are %(columns)s",
                "%(file)s: unknown columns %(unknown)s; the columns are %(columns)s",
                len(unknown),
            )
            % {"file": name, "unknown": ", ".join(unknown), "columns": ", ".join(COLUMNS)}
        )
