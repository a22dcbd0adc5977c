"""Reading an import of the library: a ZIP holding the spreadsheet and the files its rows name
(by their path inside the ZIP), or the spreadsheet alone (CSV as a spreadsheet saves it, or
JSON) when its rows only link to files elsewhere."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from core import file_reading
from core.archives import Archive, is_zip, read_archive
from core.interchange import ImportFileError, check_header


@dataclass
class Upload:
    content: file_reading.ReadFile  # the spreadsheet's rows, and how it was read
    archive: Archive | None  # None for a spreadsheet sent alone


def read_upload(source, section, name=None, file_format=None):
    """The Upload in `source` (a path or bytes), for `section` (columns.Section). Raises
    ImportFileError."""
    name = name or str(source)
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    else:
        try:
            with open(source, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise ImportFileError(
                _("%(file)s: cannot be read (%(error)s)") % {"file": name, "error": exc.strerror}
            ) from exc
    archive = None
    sheet_name, sheet = name, data
    if is_zip(data) and (file_format or name.rsplit(".", 1)[-1].lower()) in ("zip", "csv", "json"):
        archive = read_archive(data, name)
        sheet_name, sheet, file_format = archive.spreadsheet_name, archive.spreadsheet, None
    try:
        content = file_reading.read_file(
            sheet, file_format, section.columns, name=sheet_name, list_key=section.name
        )
    except file_reading.UnreadableFile as exc:
        raise ImportFileError(str(exc)) from exc
    check_header(content.columns, section.columns, sheet_name)
    return Upload(content=content, archive=archive)
