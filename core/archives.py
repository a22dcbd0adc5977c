"""A ZIP an editor sends with an import: the spreadsheet (CSV or JSON) and the files its rows
name by their path inside the archive. Read in memory, never extracted to disk; what cannot be
read (not a ZIP, no spreadsheet or two, an encrypted or oversized member) gets a sentence an
editor understands."""

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .interchange import ImportFileError

SPREADSHEET_EXTENSIONS = ("csv", "json")
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
ZIP_SIGNATURE = b"PK\x03\x04"


def is_zip(data):
    return data[:4] == ZIP_SIGNATURE


def member_path(path):
    """A path as a row names it: forward slashes, no leading "./" or "/"."""
    path = posixpath.normpath(path.replace("\\", "/").strip()).lstrip("/")
    return "" if path == "." else path


@dataclass
class Archive:
    name: str
    spreadsheet_name: str
    spreadsheet: bytes
    files: dict = field(default_factory=dict)  # member path → zipfile.ZipInfo
    zip: zipfile.ZipFile = None

    def has(self, path):
        return member_path(path) in self.files

    def read(self, path):
        return self.zip.read(self.files[member_path(path)])


def read_archive(data, name):
    """The Archive in `data` (bytes), or ImportFileError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportFileError(
            _("%(file)s: this ZIP archive is damaged and cannot be read") % {"file": name}
        ) from exc
    files, spreadsheets, total = {}, [], 0
    for info in members:
        path = member_path(info.filename)
        if not path or path.startswith("__MACOSX/") or posixpath.basename(path).startswith("."):
            continue  # what macOS and file managers add
        if info.flag_bits & 0x1:
            raise ImportFileError(
                _("%(file)s: %(member)s is encrypted; make the ZIP without a password")
                % {"file": name, "member": path}
            )
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise ImportFileError(
                _("%(file)s: the archive is too large once uncompressed; split it in several")
                % {"file": name}
            )
        if "/" not in path and path.rsplit(".", 1)[-1].lower() in SPREADSHEET_EXTENSIONS:
            spreadsheets.append(path)
        files[path] = info
    if len(spreadsheets) != 1:
        raise ImportFileError(
            _(
                "%(file)s: the ZIP must hold one spreadsheet (a .csv or .json file) at its "
                "top level, beside the folders of files; found: %(found)s"
            )
            % {"file": name, "found": ", ".join(spreadsheets) or _("none")}
        )
    (sheet,) = spreadsheets
    try:
        content = archive.read(files.pop(sheet))
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportFileError(
            _("%(file)s: this ZIP archive is damaged and cannot be read") % {"file": name}
        ) from exc
    return Archive(name=name, spreadsheet_name=sheet, spreadsheet=content, files=files, zip=archive)
