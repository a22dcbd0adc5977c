"""Checking every row before anything is written, with the article rule the admin applies
(articles.rules): what an editor may publish or save as a draft, a row may say. Bodies are
cleaned here as the rich-text editor cleans what an editor pastes."""

import datetime
import html
import json
import re
import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.i18n import LANGUAGE_CODES
from core.interchange import as_the_editor_stores, parse_date

from ..blocks import ArticleBodyBlock
from ..models import ArticlePage, Theme
from ..rules import article_errors
from .columns import (
    COLUMN_OF_FIELD,
    COLUMNS,
    LANGUAGES,
    MODEL_FIELDS,
    STATUSES,
    THEME_FIELDS,
    THEME_SEPARATOR,
    ImportFileError,
    Row,
    row_error,
)


def validate(raw_rows):
    """Clean every row; raise ImportFileError listing every problem, or return the Rows."""
    rows, errors, seen_keys = [], [], {}
    body_block = ArticleBodyBlock()
    for number, record in raw_rows:
        row_errors = []

        def error(column, message, number=number, row_errors=row_errors):
            row_errors.append(row_error(number, column, message))

        values = _cells(record)
        key = None
        if values["id"]:
            try:
                key = uuid.UUID(values["id"])
            except ValueError:
                error(
                    "id",
                    _(
                        'invalid id "%(id)s": keep the one export wrote, or leave it empty for a '
                        "new article"
                    )
                    % {"id": values["id"]},
                )
            else:
                if key in seen_keys:
                    error("id", _("same id as row %(row)s") % {"row": seen_keys[key]})
                seen_keys.setdefault(key, number)
        for column in ("original_date", "published_date"):
            if values[column]:
                parsed = parse_date(values[column])
                if parsed is None:
                    error(
                        column,
                        _('invalid date "%(date)s" (use YYYY-MM-DD)') % {"date": values[column]},
                    )
                values[column] = parsed
            else:
                values[column] = None
        language = values["original_language"].lower()
        if language and language not in LANGUAGES:
            error(
                "original_language",
                _('unknown language "%(language)s" (one of %(languages)s)')
                % {"language": values["original_language"], "languages": ", ".join(LANGUAGES)},
            )
        values["original_language"] = language or "fr"
        status = values["status"].lower() or "draft"
        if status not in STATUSES:
            error(
                "status",
                _('unknown status "%(status)s" (draft or live)') % {"status": values["status"]},
            )
        try:
            themes = _parse_themes(record.get("themes"))
        except ValueError as exc:
            error("themes", str(exc))
            themes = []
        bodies = {}
        for code in LANGUAGE_CODES:
            column = f"body_{code}"
            try:
                bodies[code] = _parse_body(values[column], body_block)
            except ValueError as exc:
                error(column, str(exc))
        live = STATUSES.get(status, False)
        article = ArticlePage(**{name: values[column] for column, name in MODEL_FIELDS.items()})
        if article.published_date is None:
            article.published_date = datetime.date.today()  # as the import defaults it
        for name, problems in article_errors(article, len(themes), publishing=live).items():
            for problem in problems:
                column = COLUMN_OF_FIELD.get(name, name)
                error(column, _message(problem, values.get(column)))

        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(
                Row(
                    number=number,
                    values=values,
                    body=bodies,
                    theme_names=[theme["name_fr"] for theme in themes],
                    live=live,
                    key=key,
                    themes=themes,
                )
            )
    if errors:
        raise ImportFileError(errors)
    return rows


def _cells(record):
    """{column: stripped text}; bodies given as JSON lists stay lists."""
    values = {}
    for column in COLUMNS:
        value = record.get(column)
        if column in ("body_fr", "body_en") and isinstance(value, list):
            values[column] = value
            continue
        if value is None:
            value = ""
        if not isinstance(value, str):
            value = json.dumps(value, ensure_ascii=False) if column == "themes" else str(value)
        values[column] = value.strip()
    return values


def _message(problem, value):
    """The row error for a ValidationError of the article rule, in the import's words."""
    params = problem.params or {}
    if problem.code in ("required", "blank", "null"):
        return _("missing (required)")
    if problem.code == "max_length":
        return _("too long (%(length)d characters, at most %(limit)d)") % {
            "length": params.get("show_value", len(value or "")),
            "limit": params["limit_value"],
        }
    if problem.code in ("invalid", "scheme") and isinstance(value, str):
        return _('invalid URL "%(url)s" (a web address, http:// or https://)') % {"url": value}
    return " ".join(problem.messages)


def _parse_themes(value):
    """[{THEME_FIELDS}] from a themes cell: names separated by ";" (as an editor types them),
    or a list (JSON, or a JSON cell as export writes it) of names or of themes with all their
    languages. Checked with the Theme snippet's own fields."""
    if isinstance(value, str) and value.strip().startswith("["):
        try:
            value = json.loads(value)
        except json.JSONDecodeError as exc:
            raise ValueError(
                _("looks like a JSON list but is not valid JSON (%(error)s)") % {"error": exc}
            ) from exc
    if value is None:
        value = []
    elif isinstance(value, str):
        value = value.split(THEME_SEPARATOR)
    elif not isinstance(value, list):
        raise ValueError(_("a list of themes is expected"))
    themes, problems = {}, []
    for item in value:
        if isinstance(item, str):
            item = {"name_fr": item}
        if not isinstance(item, dict):
            raise ValueError(_("each theme is a name or an object with its names"))
        unknown = sorted(set(item) - set(THEME_FIELDS))
        if unknown:
            raise ValueError(
                _("unknown theme fields %(unknown)s (the fields are %(fields)s)")
                % {"unknown": ", ".join(unknown), "fields": ", ".join(THEME_FIELDS)}
            )
        spec = {name: str(item.get(name) or "").strip() for name in THEME_FIELDS}
        if not spec["name_fr"]:
            continue
        try:
            Theme(**spec).clean_fields(
                exclude={f.name for f in Theme._meta.fields} - set(THEME_FIELDS)
            )
        except ValidationError as exc:
            for name, errors in exc.message_dict.items():
                problems.append(
                    _('theme "%(theme)s", %(field)s: %(problem)s')
                    % {"theme": spec["name_fr"][:40], "field": name, "problem": " ".join(errors)}
                )
        themes.setdefault(spec["name_fr"].lower(), spec)
    if problems:
        raise ValueError("; ".join(problems))
    return list(themes.values())


def _parse_body(value, body_block):
    """Raw stream data from a body cell: a JSON list of blocks (what export writes for bodies
    with headings, quotations or links), or text: paragraphs separated by a blank line, in HTML
    or plain text. Paragraphs come out as the rich-text editor would have stored them."""
    if isinstance(value, list):
        data = value
    elif not value:
        return []
    elif value.startswith("["):
        try:
            data = json.loads(value)
        except json.JSONDecodeError as exc:
            raise ValueError(
                _("looks like JSON blocks but is not valid JSON (%(error)s)") % {"error": exc}
            ) from exc
    else:
        paragraphs = [part.strip() for part in re.split(r"\n\s*\n", value) if part.strip()]
        data = [
            {
                "type": "paragraph",
                "value": part if part.startswith("<") else f"<p>{html.escape(part)}</p>",
            }
            for part in paragraphs
        ]
    if not data:
        return []
    if not all(isinstance(item, dict) and "type" in item and "value" in item for item in data):
        raise ValueError(_('each block needs a "type" and a "value"'))
    unknown = {item["type"] for item in data} - set(body_block.child_blocks)
    if unknown:
        raise ValueError(
            ngettext(
                "unknown block type %(unknown)s (one of %(types)s)",
                "unknown block types %(unknown)s (one of %(types)s)",
                len(unknown),
            )
            % {"unknown": ", ".join(sorted(unknown)), "types": ", ".join(body_block.child_blocks)}
        )
    data = [{"type": item["type"], "value": item["value"]} for item in data]
    editor = body_block.child_blocks["paragraph"].field.widget
    for item in data:
        if item["type"] == "paragraph":
            if not isinstance(item["value"], str):
                raise ValueError(_("a paragraph's value is text (HTML)"))
            item["value"] = as_the_editor_stores(item["value"], editor)
    try:
        stream = body_block.to_python(data)
        body_block.clean(stream)
    except (ValidationError, TypeError, ValueError, AttributeError, KeyError) as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        raise ValueError(_("invalid blocks (%(error)s)") % {"error": message}) from exc
    return data
