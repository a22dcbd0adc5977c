"""Reading the spreadsheets editors actually have, for every import (articles, the library's
decisions and documents) from a command or the admin's import screens.

A CSV comes from a spreadsheet: French Excel's "CSV (séparateur : point-virgule)" is in
Windows-1252 with semicolons, its "CSV UTF-8" has a byte-order mark, LibreOffice and Google
Sheets write UTF-8 with commas, Excel's "Texte Unicode" is UTF-16 with tabs. Each is recognised
from its bytes and its header row, and the result says which it was (the admin shows it).
What cannot be read (a workbook, a PDF, random bytes, an empty file) gets a sentence an editor
understands, never a Python error.

This module knows nothing of the columns' meaning: `known_columns` is given by the caller, which
checks the header and validates the rows.
"""

import csv
import io
import json
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

ENCODINGS_TRIED = ["utf-8", "cp1252"]  # in this order: valid UTF-8 is almost never cp1252 text
DELIMITERS = [";", ",", "\t"]  # ties go to the first: French Excel's choice
SNIFF_SIZE = 64 * 1024
WORKBOOK_SIGNATURES = [b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]  # .xlsx/.ods, .xls
OTHER_BINARY_SIGNATURES = [b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b"]
# Control characters: a few may come with text pasted from a word processor; many mean binary.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class UnreadableFile(Exception):
    """The file is not a CSV or JSON file that can be read; the message says why, in the
    active language."""


@dataclass
class ReadFile:
    """The records of a file and how it was read."""

    name: str
    file_format: str  # "csv" or "json"
    encoding: str  # the codec: "utf-8-sig", "utf-8", "cp1252", "utf-16" ("" when given text)
    delimiter: str = ""  # CSV only
    columns: list = field(default_factory=list)  # as the file names them
    rows: list = field(default_factory=list)  # [(row number, {column: value})]

    @property
    def encoding_label(self):
        labels = {
            "utf-8-sig": _("UTF-8 with byte-order mark (Excel's “CSV UTF-8”)"),
            "utf-8": _("UTF-8"),
            "cp1252": _("Windows-1252 (Excel's “CSV (semicolon-separated)”)"),
            "utf-16": _("UTF-16 (Excel's “Unicode text”)"),
        }
        return labels.get(self.encoding, self.encoding)

    @property
    def delimiter_label(self):
        labels = {";": _("semicolon (;)"), ",": _("comma (,)"), "\t": _("tab")}
        return labels.get(self.delimiter, self.delimiter)


def read_file(source, file_format=None, known_columns=(), name=None, list_key="articles"):
    """Read `source` (a path, bytes, or a binary or text file object) into a ReadFile. The
    format comes from the file name's extension unless given; a JSON file holds a list of
    objects, or {list_key: [...]}. Raises UnreadableFile."""
    name = name or getattr(source, "name", None) or str(source)
    file_format = (file_format or name.rsplit(".", 1)[-1]).lower()
    data = _content(source, name)
    if isinstance(data, bytes):
        _refuse_binary(data, name)
    if file_format not in ("csv", "json"):
        raise UnreadableFile(
            _("%(file)s: unknown format (use a .csv or .json file)") % {"file": name}
        )
    if isinstance(data, bytes):
        text, encoding = decode(data, name)
    else:
        text, encoding = data.lstrip("\ufeff"), ""
    sample = text[:SNIFF_SIZE]
    if len(CONTROL_CHARACTERS.findall(sample)) > max(10, len(sample) // 100):
        raise UnreadableFile(_not_text(name))
    if not text.strip():
        raise UnreadableFile(_("%(file)s: the file is empty") % {"file": name})
    result = ReadFile(name=name, file_format=file_format, encoding=encoding)
    if file_format == "json":
        result.rows = _json_records(text, name, list_key)
        result.columns = sorted(set().union(*(item.keys() for _n, item in result.rows)))
    else:
        result.delimiter = detect_delimiter(text, known_columns)
        result.columns, result.rows = _csv_records(text, result.delimiter, name)
    return result


def _content(source, name):
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    try:
        if hasattr(source, "read"):
            return source.read()
        with open(source, "rb") as handle:
            return handle.read()
    except OSError as exc:
        raise UnreadableFile(
            _("%(file)s: cannot be read (%(error)s)") % {"file": name, "error": exc.strerror}
        ) from exc


def decode(data, name):
    """(text, codec) of a file's bytes: UTF-8 with or without BOM, UTF-16 with its BOM, or
    Windows-1252 (what French Excel saves) when the bytes are not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    elif data.startswith(b"\xef\xbb\xbf"):
        candidates = ["utf-8-sig"]
    else:
        candidates = ENCODINGS_TRIED
    for encoding in candidates:
        try:
            return data.decode(encoding).lstrip("\ufeff"), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        _(
            "%(file)s: the characters cannot be read (unknown encoding); save the file as "
            "“CSV UTF-8” and import it again"
        )
        % {"file": name}
    )


def _refuse_binary(data, name):
    if data.startswith(tuple(WORKBOOK_SIGNATURES)):
        raise UnreadableFile(
            _(
                "%(file)s: this is a spreadsheet workbook, not a CSV file; in the spreadsheet, "
                "use “Save as” and choose “CSV UTF-8” or “CSV (semicolon-separated)”, then "
                "import that file"
            )
            % {"file": name}
        )
    utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
    if data.startswith(tuple(OTHER_BINARY_SIGNATURES)) or (
        not utf16 and b"\x00" in data[:SNIFF_SIZE]
    ):
        raise UnreadableFile(_not_text(name))


def _not_text(name):
    return _(
        "%(file)s: this is not a text file; import a CSV file (as a spreadsheet saves it) or "
        "a JSON file"
    ) % {"file": name}


def detect_delimiter(text, known_columns=()):
    """The delimiter that splits the header row into the most known column names (so that
    commas or semicolons inside the cells never mislead it); without any known name, the
    one that splits it into the most cells."""
    header = re.split(r"\r\n|\r|\n", text.lstrip(), maxsplit=1)[0]
    known = set(known_columns)

    def score(delimiter):
        try:
            cells = next(csv.reader([header], delimiter=delimiter), [])
        except csv.Error:  # a header that is not one (reading the rows will say so)
            return (0, 0)
        cells = [cell.strip() for cell in cells]
        return (len(known.intersection(cells)), len(cells))

    best = max(DELIMITERS, key=score)  # max keeps the first of equals
    return best if score(best)[1] > 1 else ","


def _csv_records(text, delimiter, name):
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    # Numbered as the spreadsheet shows them: the header is row 1; a cell may span several
    # lines of the file but is one row of the spreadsheet, and an empty line is a row too.
    number = 0
    try:
        header = [cell.strip().lstrip("\ufeff") for cell in next(reader, [])]
        number = 1
        duplicates = sorted({cell for cell in header if cell and header.count(cell) > 1})
        if duplicates:
            raise UnreadableFile(
                _("%(file)s: the column %(column)s appears more than once in the header row")
                % {"file": name, "column": ", ".join(duplicates)}
            )
        rows = []
        for number, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue
            # Columns without a name are the empty ones a spreadsheet sometimes adds; cells
            # beyond the header too.
            named = zip(header, cells, strict=False)
            record = {column: cell for column, cell in named if column}
            rows.append((number, record))
    except csv.Error as exc:
        raise UnreadableFile(
            _(
                "%(file)s, row %(row)d: this row cannot be read (a cell too long, or a "
                "quotation mark not closed)"
            )
            % {"file": name, "row": number + 1}
        ) from exc
    return [column for column in header if column], rows


def _json_records(text, name, list_key):
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            _("%(file)s: not valid JSON (line %(line)d, column %(column)d)")
            % {"file": name, "line": exc.lineno, "column": exc.colno}
        ) from exc
    if isinstance(data, dict):
        data = data.get(list_key)
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        if list_key == "articles":
            message = _(
                '%(file)s: expected a list of articles, or {"articles": [...]}, each an object'
            )
        else:
            message = _('%(file)s: expected a list of objects, or {"%(key)s": [...]}')
        raise UnreadableFile(message % {"file": name, "key": list_key})
    return list(enumerate(data, start=1))
