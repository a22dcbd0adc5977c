"""Checking every row of a library import before anything is written: the court and the
themes found by their names, the kind by its code or its French label, dates as editors type
them, the summaries cleaned as the admin's editor cleans what an editor pastes, every other
value checked by the page's own fields. One problem and nothing is imported."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.models import Theme
from core.archives import member_path
from core.i18n import LANGUAGE_CODES
from core.interchange import ImportFileError, as_the_editor_stores, parse_date, row_error

from ..models import FILE_LANGUAGES, Court
from .columns import LIST_SEPARATOR, STATUSES, Row

# What a relation column says of an id no item has (the item named in each language's words).
UNKNOWN_LINK = {
    "decisions": gettext_lazy(
        "no decision has the id « %(id)s », on the site or in the file (give the id the "
        "export wrote, or that of a row of the file)"
    ),
    "documents": gettext_lazy(
        "no document has the id « %(id)s », on the site or in the file (give the id the "
        "export wrote, or that of a row of the file)"
    ),
}
YES = {"oui", "yes", "true", "vrai", "1", "en vigueur", "in force"}
NO = {"non", "no", "false", "faux", "0", "abrogé", "abrogée", "replaced"}


def validate(section, records, archive=None):
    """Clean every record of `section`; raise ImportFileError listing every problem, or return
    the Rows. `archive` (core.archives.Archive) holds the files the rows name; without it a
    row may only link to its file."""
    lookups = _Lookups(section, records)
    rows, errors, seen = [], [], {}
    for number, record in records:
        problems = []

        def error(column, message, number=number, problems=problems):
            problems.append(row_error(number, column, message))

        values = {column: _cell(record.get(column)) for column in section.columns}
        row = Row(number=number, fields={})
        if values["id"]:
            try:
                row.key = uuid.UUID(values["id"])
            except ValueError:
                error(
                    "id",
                    _(
                        "invalid id « %(id)s »: keep the one export wrote, or leave it "
                        "empty for a new item"
                    )
                    % {"id": values["id"]},
                )
            else:
                if row.key in seen:
                    error("id", _("same id as row %(row)s") % {"row": seen[row.key]})
                seen.setdefault(row.key, number)
        status = values["status"].lower() or "draft"
        if status not in STATUSES:
            error(
                "status",
                _("unknown status « %(status)s » (draft or live)") % {"status": values["status"]},
            )
        row.live = STATUSES.get(status, False)
        for column in section.required:
            if not values[column]:
                error(column, _("missing (required)"))
        for column, model_field in section.fields.items():
            row.fields[model_field] = _value(column, values[column], error)
        if values.get("court"):
            row.fields["court"] = lookups.court(values["court"], error)
        if values["kind"]:
            row.fields["kind"] = lookups.kind(values["kind"], error)
        for column in section.rich_text:
            row.fields[column] = _rich_text(values[column], lookups.editors[column], column, error)
        row.themes = lookups.themes(values["themes"], error)
        for column, many in section.relations.items():
            row.links[column] = lookups.links(column, values[column], many, row.key, error)
        _file(section, values["file"], row, archive, error)
        _check_fields(section, row, error)
        if problems:
            errors.extend(problems)
            continue
        row.label = _label(section, row)
        rows.append(row)
    if errors:
        raise ImportFileError(errors)
    return rows


class _Lookups:
    """The names a row may use for a court, a kind or a theme, read once per import."""

    def __init__(self, section, records):
        self.section = section
        self.records = records
        self._known_keys = None
        self.courts, self.themes_by_name, self.kinds = {}, {}, {}
        for court in Court.objects.all():
            for code in LANGUAGE_CODES:
                for attr in ("name", "slug"):
                    value = getattr(court, f"{attr}_{code}", None)
                    if value:
                        self.courts.setdefault(value.casefold(), court)
        for theme in Theme.objects.all():
            for code in LANGUAGE_CODES:
                for attr in ("name", "slug"):
                    value = getattr(theme, f"{attr}_{code}", None)
                    if value:
                        self.themes_by_name.setdefault(value.casefold(), theme)
        choices = section.model._meta.get_field("kind").choices
        for code in ("fr", "en"):
            with translation.override(code):
                for value, label in choices:
                    self.kinds.setdefault(str(label).casefold(), value)
        for value, _label in choices:
            self.kinds[value.casefold()] = value
        self.editors = {
            column: section.model._meta.get_field(column).formfield().widget
            for column in section.rich_text
        }

    def court(self, name, error):
        court = self.courts.get(name.casefold())
        if court is None:
            error(
                "court",
                _(
                    "unknown court « %(name)s »: add it to the courts first, or "
                    "write its name as the list of courts has it"
                )
                % {"name": name},
            )
        return court

    def kind(self, name, error):
        kind = self.kinds.get(name.casefold())
        if kind is None:
            codes = ", ".join(
                value for value, _label in self.section.model._meta.get_field("kind").choices
            )
            error(
                "kind",
                _("unknown kind « %(kind)s » (one of %(kinds)s, or its French name)")
                % {"kind": name, "kinds": codes},
            )
        return kind

    def links(self, column, cell, many, own_key, error):
        """The ids a relation column gives: each that of an item of the section, on the site
        or in a row of the file."""
        keys = []
        parts = _list(cell)
        if len(parts) > 1 and not many:
            error(column, _("only one id here, that of the text that replaced this one"))
            return keys
        for part in parts:
            try:
                key = uuid.UUID(part)
            except ValueError:
                key = None
            if key is None or key not in self.known_keys():
                error(column, str(UNKNOWN_LINK[self.section.name]) % {"id": part})
            elif key == own_key:
                error(column, _("the row names itself"))
            elif key not in keys:
                keys.append(key)
        return keys

    def known_keys(self):
        """The ids a relation may name: the section's items on the site, the file's rows."""
        if self._known_keys is None:
            self._known_keys = set(
                self.section.model.objects.values_list("translation_key", flat=True)
            )
            for _number, record in self.records:
                try:
                    self._known_keys.add(uuid.UUID(_cell(record.get("id"))))
                except ValueError:
                    continue
        return self._known_keys

    def themes(self, cell, error):
        themes = []
        for name in _list(cell):
            theme = self.themes_by_name.get(name.casefold())
            if theme is None:
                error("themes", _("unknown theme « %(name)s »") % {"name": name})
            elif theme not in themes:
                themes.append(theme)
        return themes


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, bool):
        return "oui" if value else "non"
    return str(value).strip()


def _list(cell):
    return (
        [
            part.strip()
            for part in cell.replace(",", LIST_SEPARATOR).split(LIST_SEPARATOR)
            if part.strip()
        ]
        if cell
        else []
    )


def _value(column, value, error):
    if column.endswith("_date"):
        if not value:
            return None
        parsed = parse_date(value)
        if parsed is None:
            error(
                column,
                _("invalid date « %(date)s » (use DD/MM/YYYY or YYYY-MM-DD)") % {"date": value},
            )
        return parsed
    if column == "page_count":
        if not value:
            return None
        if not value.isdigit():
            error(column, _("« %(value)s » is not a number of pages") % {"value": value})
            return None
        return int(value)
    if column == "file_languages":
        codes = [code.lower() for code in _list(value)]
        known = {code for code, _label in FILE_LANGUAGES}
        unknown = [code for code in codes if code not in known]
        if unknown:
            error(
                column,
                _("unknown language « %(codes)s » (one of %(known)s)")
                % {"codes": ", ".join(unknown), "known": ", ".join(sorted(known))},
            )
        return codes
    if column == "in_force":
        lowered = value.casefold()
        if not lowered or lowered in YES:
            return True
        if lowered in NO:
            return False
        error(column, _("« %(value)s »: write oui or non") % {"value": value})
        return True
    return value


def _rich_text(value, editor, column, error):
    if not value:
        return ""
    if not value.startswith("<"):
        paragraphs = [part.strip() for part in value.replace("\r\n", "\n").split("\n\n")]
        value = "".join(f"<p>{escape(part)}</p>" for part in paragraphs if part)
    try:
        return as_the_editor_stores(value, editor)
    except ValueError as exc:
        error(column, str(exc))
        return ""


def _file(section, value, row, archive, error):
    """The row's file: a path inside the ZIP, or a web address to link to instead."""
    if not value:
        return
    if value.lower().startswith(("http://", "https://")):
        link = row.fields.get(section.link_field)
        if link and link != value:
            error(
                "file",
                _("a link « %(url)s » and another in %(column)s: give only one")
                % {"url": value, "column": section.link_field},
            )
        row.fields[section.link_field] = value
        return
    path = member_path(value)
    extension = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if archive is None:
        error(
            "file",
            _(
                "« %(path)s » names a file: send a ZIP holding the spreadsheet and its "
                "files, or give the file's web address"
            )
            % {"path": value},
        )
    elif not archive.has(path):
        error(
            "file",
            _(
                "« %(path)s » is not in the ZIP (the path is that of the file inside "
                "the ZIP, folders included)"
            )
            % {"path": value},
        )
    elif extension not in getattr(settings, "WAGTAILDOCS_EXTENSIONS", [extension]):
        error(
            "file",
            _("« %(path)s »: this kind of file is not accepted (%(extensions)s)")
            % {"path": value, "extensions": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)},
        )
    else:
        row.file_path = path


def _check_fields(section, row, error):
    """The page's own checks (lengths, addresses) on what the row sets."""
    columns = {field: column for column, field in section.fields.items()}
    plain = {name: value for name, value in row.fields.items() if name not in ("court",)}
    page = section.model(**{name: value for name, value in plain.items() if value is not None})
    names = set(plain) - {"file_languages"}
    exclude = {f.name for f in section.model._meta.fields} - names
    try:
        page.clean_fields(exclude=exclude)
    except ValidationError as exc:
        for name, problems in exc.message_dict.items():
            if name in section.required or name in ("kind",):
                continue  # said above, in the import's words
            error(columns.get(name, name), " ".join(problems))


def _label(section, row):
    if row.fields.get("title_fr") or row.fields.get("custom_title_fr"):
        return row.fields.get("title_fr") or row.fields["custom_title_fr"]
    page = section.model(**{k: v for k, v in row.fields.items() if v is not None})
    with translation.override("fr"):
        return page.built_title("fr")
