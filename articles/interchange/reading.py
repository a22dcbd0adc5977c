"""Reading an import file: CSV as a spreadsheet saves it (UTF-8 with or without a byte-order
mark, Windows-1252 as French Excel saves it, UTF-16; semicolons, commas or tabs; see
core/file_reading.py) or JSON (a list of objects, or {"articles": [...]}), into numbered
records of cells. What cannot be read gets a sentence an editor understands."""

from core import file_reading
from core.interchange import check_header

from .columns import COLUMNS, ImportFileError


def read_rows(path_or_file, file_format=None):
    """[(row number, {column: value})] from a CSV or JSON file (format from the extension
    unless given)."""
    return read_file(path_or_file, file_format).rows


def read_file(path_or_file, file_format=None, name=None):
    """The rows of a CSV or JSON file (a path, bytes or a file object) and how it was read
    (a file_reading.ReadFile: its encoding and delimiter, which the admin's preview shows).
    Raises ImportFileError."""
    try:
        result = file_reading.read_file(path_or_file, file_format, COLUMNS, name=name)
    except file_reading.UnreadableFile as exc:
        raise ImportFileError(str(exc)) from exc
    check_header(result.columns, COLUMNS, result.name)
    return result
