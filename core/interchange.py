"""What every spreadsheet import shares (the press review's articles, the library's decisions
and documents): how a problem is reported (the row as the editor numbers it, the column), the
header's check, dates as editors type them, and rich text cleaned as the admin's editor cleans
what an editor pastes. Reading the file itself is core/file_reading.py; the ZIP that carries a
spreadsheet with its files, core/archives.py."""

import datetime
import re

from bs4 import BeautifulSoup

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
# The keys the rich-text editor gives each paragraph, new ones each time HTML without them is
# loaded: two versions of a text are compared without them.
BLOCK_KEY_RE = re.compile(r' data-block-key="[^"]*"')


class ImportFileError(Exception):
    """The file cannot be read, or some rows are invalid (`errors` lists them all, in the
    language active when they were found)."""

    def __init__(self, errors):
        self.errors = errors if isinstance(errors, list) else [errors]
        super().__init__("\n".join(self.errors))


def row_error(number, column, message):
    """A problem as the command reports it: the row (as the editor numbers it) and the
    column."""
    return _("Row %(row)s, %(column)s: %(problem)s") % {
        "row": number,
        "column": column,
        "problem": message,
    }


def nothing_imported(errors):
    """What a command says of a refused import: how many problems, then each one."""
    count = len(errors)
    heading = ngettext(
        "Nothing imported: %(count)d problem.",
        "Nothing imported: %(count)d problems.",
        count,
    ) % {"count": count}
    return "\n".join([heading, *errors])


def check_header(columns, known, name):
    """ImportFileError when the header names a column the format does not have."""
    unknown = sorted(set(columns) - set(known))
    if unknown:
        raise ImportFileError(
            ngettext(
                "%(file)s: unknown column %(unknown)s; the columns are %(columns)s",
                "%(file)s: unknown columns %(unknown)s; the columns are %(columns)s",
                len(unknown),
            )
            % {"file": name, "unknown": ", ".join(unknown), "columns": ", ".join(known)}
        )


def parse_date(value):
    """A date typed as 2022-12-15 or 15/12/2022, or None."""
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            continue
    return None


def as_the_editor_stores(value, editor):
    """The HTML Wagtail's rich-text editor (`editor`: a rich-text widget, with its features)
    stores for `value`: loaded into the editor as when an editor opens the page, saved back.
    What the features do not allow (scripts, event attributes, javascript: links, other tags)
    is dropped, the text kept."""
    value = str(BeautifulSoup(value, "html.parser"))  # tags closed, as a browser would
    try:
        value = editor.value_from_datadict({"body": editor.format_value(value)}, {}, "body")
    except AssertionError as exc:  # the converter's check of nesting
        raise ValueError(_("HTML the editor cannot read (%(error)s)") % {"error": exc}) from exc
    return value or ""


def without_block_keys(value):
    return BLOCK_KEY_RE.sub("", value or "")
