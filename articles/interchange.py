"""Articles in and out of a spreadsheet: the CSV/JSON format shared by `import_articles` and
`export_articles` (see the README and docs/import-example.csv, docs/import-example.json).

One row per article. The source URL identifies an article: importing the same file twice
creates nothing new and updates what changed. Every row is checked before anything is written;
one bad row and nothing is imported, with errors that name the row and the field.
"""

import csv
import datetime
import html
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models, transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from home.i18n import LANGUAGE_CODES, has_value
from home.models import _short_slug

from . import file_reading
from .blocks import QUOTE_LANGUAGES, ArticleBodyBlock
from .models import LEAD_MAX_LENGTH, ArticleIndexPage, ArticlePage, Theme
from .search import update_search_vectors

# The columns, in the order export writes them. Only title_fr, lead_fr, source_name,
# source_url and themes are required; the others may be left empty or left out.
COLUMNS = [
    "source_url",
    "title_fr",
    "title_en",
    "lead_fr",
    "lead_en",
    "body_fr",
    "body_en",
    "source_name",
    "source_url_en",
    "authors",
    "authors_en",
    "original_date",
    "original_language",
    "themes",
    "published_date",
    "status",
]
REQUIRED = ["source_url", "title_fr", "lead_fr", "source_name", "themes"]
MAX_LENGTHS = {
    "title_fr": 255,
    "title_en": 255,
    "lead_fr": LEAD_MAX_LENGTH,
    "lead_en": LEAD_MAX_LENGTH,
    "source_name": 200,
    "source_url": 500,
    "source_url_en": 500,
    "authors": 300,
    "authors_en": 300,
}
THEME_SEPARATOR = ";"
STATUSES = {"draft": False, "live": True}
LANGUAGES = dict(QUOTE_LANGUAGES)
DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]

# Model field for each column (the untranslated column names are the French field).
MODEL_FIELDS = {
    "title_fr": "title_fr",
    "title_en": "title_en",
    "lead_fr": "lead_fr",
    "lead_en": "lead_en",
    "source_name": "source_name",
    "source_url": "source_url_fr",
    "source_url_en": "source_url_en",
    "authors": "authors_fr",
    "authors_en": "authors_en",
    "original_date": "original_date",
    "original_language": "original_language",
    "published_date": "published_date",
}


class ImportFileError(Exception):
    """The file cannot be read, or some rows are invalid (`errors` lists them all, in the
    language active when they were found)."""

    def __init__(self, errors):
        self.errors = errors if isinstance(errors, list) else [errors]
        super().__init__("\n".join(self.errors))


@dataclass
class Row:
    number: int  # as the editor sees it: spreadsheet row (header = 1) or position in the list
    values: dict  # column → cleaned value
    body: dict = field(default_factory=dict)  # language → raw stream data (list of blocks)
    theme_names: list = field(default_factory=list)
    live: bool = False


@dataclass
class Plan:
    """What an import does (or, with --dry-run, would do)."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    new_themes: list = field(default_factory=list)

    def summary(self, dry_run=False):
        """One sentence, in the active language: what was done, or what would be."""
        created, updated, unchanged = len(self.created), len(self.updated), len(self.unchanged)
        new_themes = len(self.new_themes)
        if dry_run:
            created = ngettext(
                "%(count)d article to create", "%(count)d articles to create", created
            ) % {"count": created}
            updated = ngettext("%(count)d to update", "%(count)d to update", updated) % {
                "count": updated
            }
        else:
            created = ngettext(
                "%(count)d article created", "%(count)d articles created", created
            ) % {"count": created}
            updated = ngettext("%(count)d updated", "%(count)d updated", updated) % {
                "count": updated
            }
        unchanged = ngettext("%(count)d unchanged", "%(count)d unchanged", unchanged) % {
            "count": unchanged
        }
        themes = ngettext("%(count)d new theme", "%(count)d new themes", new_themes) % {
            "count": new_themes
        }
        if self.new_themes:
            themes = _("%(themes)s: %(names)s") % {
                "themes": themes,
                "names": ", ".join(self.new_themes),
            }
        summary = _("%(created)s, %(updated)s, %(unchanged)s; %(themes)s.") % {
            "created": created,
            "updated": updated,
            "unchanged": unchanged,
            "themes": themes,
        }
        if dry_run:
            return _("Dry run, nothing written: %(summary)s") % {"summary": summary}
        return summary


# Reading -------------------------------------------------------------------------------------


def read_rows(path_or_file, file_format=None):
    """[(row number, {column: value})] from a CSV or JSON file (format from the extension
    unless given)."""
    return read_file(path_or_file, file_format).rows


def read_file(path_or_file, file_format=None, name=None):
    """The rows of a CSV or JSON file (a path, bytes or a file object) and how it was read:
    a ReadFile (articles/file_reading.py: CSV as Excel saves it, in UTF-8 or Windows-1252,
    with commas or semicolons)."""
    try:
        result = file_reading.read_file(path_or_file, file_format, COLUMNS, name=name)
    except file_reading.UnreadableFile as exc:
        raise ImportFileError(str(exc)) from exc
    _check_header(result.columns, result.name)
    return result


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


# Validation ----------------------------------------------------------------------------------


def validate(raw_rows):
    """Clean every row; raise ImportFileError listing every problem, or return the Rows."""
    rows, errors, seen_urls = [], [], {}
    url_validator = URLValidator(schemes=["http", "https"])
    body_block = ArticleBodyBlock()
    for number, record in raw_rows:
        row_errors = []

        def error(column, message, number=number, row_errors=row_errors):
            row_errors.append(row_error(number, column, message))

        values = {}
        for column in COLUMNS:
            value = record.get(column)
            if column in ("body_fr", "body_en") and isinstance(value, list):
                values[column] = value
                continue
            if value is None:
                value = ""
            if not isinstance(value, str):
                if column == "themes" and isinstance(value, list):
                    value = THEME_SEPARATOR.join(str(item) for item in value)
                else:
                    value = str(value)
            values[column] = value.strip()

        for column in REQUIRED:
            if not values[column]:
                error(column, _("missing (required)"))
        for column, limit in MAX_LENGTHS.items():
            if len(values[column]) > limit:
                error(
                    column,
                    _("too long (%(length)d characters, at most %(limit)d)")
                    % {"length": len(values[column]), "limit": limit},
                )
        for column in ("source_url", "source_url_en"):
            if values[column]:
                try:
                    url_validator(values[column])
                except ValidationError:
                    error(column, _('invalid URL "%(url)s"') % {"url": values[column]})
        if values["source_url"]:
            if values["source_url"] in seen_urls:
                error(
                    "source_url",
                    _("same source URL as row %(row)s (the source URL identifies an article)")
                    % {"row": seen_urls[values["source_url"]]},
                )
            else:
                seen_urls[values["source_url"]] = number
        for column in ("original_date", "published_date"):
            if values[column]:
                parsed = _parse_date(values[column])
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
        theme_names = [name.strip() for name in values["themes"].split(THEME_SEPARATOR)]
        theme_names = list(dict.fromkeys(name for name in theme_names if name))
        for name in theme_names:
            if len(name) > 100:
                error(
                    "themes",
                    _('theme name too long: "%(name)s…" (at most %(limit)d characters)')
                    % {"name": name[:40], "limit": 100},
                )
        bodies = {}
        for code in LANGUAGE_CODES:
            column = f"body_{code}"
            try:
                bodies[code] = _parse_body(values[column], body_block)
            except ValueError as exc:
                error(column, str(exc))
        if values["title_en"] and not values["lead_en"]:
            error("lead_en", _("missing: an article with an English title needs an English lead"))

        if row_errors:
            errors.extend(row_errors)
        else:
            rows.append(
                Row(
                    number=number,
                    values=values,
                    body=bodies,
                    theme_names=theme_names,
                    live=STATUSES[status],
                )
            )
    if errors:
        raise ImportFileError(errors)
    return rows


def row_error(number, column, message):
    """A problem as the command reports it: the row (as the editor numbers it) and the
    column."""
    return _("Row %(row)s, %(column)s: %(problem)s") % {
        "row": number,
        "column": column,
        "problem": message,
    }


def _parse_date(value):
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, date_format).date()
        except ValueError:
            continue
    return None


def _parse_body(value, body_block):
    """Raw stream data from a body cell: a JSON list of blocks (what export writes for bodies
    with headings, quotations or links), or text: paragraphs separated by a blank line, in HTML
    or plain text."""
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
        return [
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
    try:
        stream = body_block.to_python([{"type": i["type"], "value": i["value"]} for i in data])
        body_block.clean(stream)
    except (ValidationError, TypeError, ValueError, AttributeError, KeyError) as exc:
        message = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        raise ValueError(_("invalid blocks (%(error)s)") % {"error": message}) from exc
    return [{"type": i["type"], "value": i["value"]} for i in data]


# Writing -------------------------------------------------------------------------------------


def import_rows(rows, dry_run=False, user=None):
    """Create or update the articles of validated rows, all or nothing. Returns the Plan."""
    plan = Plan()
    touched = []
    language = translation.get_language()  # of the messages; the fields are read in French
    with translation.override("fr"), transaction.atomic(), _deferred_indexing(touched):
        index = ArticleIndexPage.objects.first()
        if index is None:
            with translation.override(language):
                raise ImportFileError(_("there is no news section to import articles into"))
        themes = _themes_by_key()
        existing, ambiguous = {}, set()
        for article in ArticlePage.objects.filter(
            source_url_fr__in=[row.values["source_url"] for row in rows]
        ).prefetch_related("themes"):
            if article.source_url_fr in existing:
                ambiguous.add(article.source_url_fr)
            existing[article.source_url_fr] = article
        if ambiguous:
            with translation.override(language):
                raise ImportFileError(
                    [
                        row_error(
                            row.number,
                            "source_url",
                            _(
                                "several articles on the site already have this source URL; "
                                "give each its own before importing"
                            ),
                        )
                        for row in rows
                        if row.values["source_url"] in ambiguous
                    ]
                )
        body_block = ArticleBodyBlock()
        new_articles, changed_articles = [], []
        for row in rows:
            row_themes = [_theme(name, themes, plan, dry_run) for name in row.theme_names]
            article = existing.get(row.values["source_url"])
            fields = _fields(row, body_block)
            if article is None:
                plan.created.append(row.values["source_url"])
                new_articles.append((fields, row_themes, row.live))
                continue
            if _unchanged(article, fields, row_themes, row.live):
                plan.unchanged.append(row.values["source_url"])
                continue
            plan.updated.append(row.values["source_url"])
            changed_articles.append((article, fields, row_themes, row.live))
        if not dry_run:
            touched.extend(_create_many(index, new_articles, user))
            touched.extend(_update_many(changed_articles, user))
            update_search_vectors(touched)  # one UPDATE, themes included
        if dry_run:
            transaction.set_rollback(True)
    return plan


@contextmanager
def _deferred_indexing(touched):
    """Search index and reference index updated once at the end, in bulk, rather than on each
    of the several saves an article goes through (most of an import's time otherwise). Still
    inside the import's transaction: the articles are never committed without their index
    entries, and the admin's search finds them as soon as the command has finished."""
    from modelsearch.signal_handlers import post_save_signal_handler

    from wagtail.signal_handlers import disable_reference_index_auto_update

    from .bulk_indexing import prefetch_for_indexing, update_reference_index, update_search_index

    disconnected = post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    try:
        with disable_reference_index_auto_update():
            yield
            if not touched:
                return
            pages = list(
                prefetch_for_indexing(
                    ArticlePage.objects.filter(pk__in=[page.pk for page in touched])
                )
            )
            update_search_index(ArticlePage, pages)
            update_reference_index(pages)
    finally:
        if disconnected:
            post_save.connect(post_save_signal_handler, sender=ArticlePage)


def _fields(row, body_block):
    fields = {model_field: row.values[column] for column, model_field in MODEL_FIELDS.items()}
    fields["published_date"] = fields["published_date"] or timezone.localdate()
    for code in LANGUAGE_CODES:
        fields[f"body_{code}"] = body_block.to_python(row.body[code])
    for name in ("title_en", "lead_en", "source_url_en", "authors_en"):
        fields[name] = fields[name] or None
    return fields


def _create_many(index, new_articles, user):
    """Create the new articles as the admin would (page, revision, publication, history), in
    a few queries per article instead of a hundred: the rows are already validated, the
    slugs and tree paths are worked out in memory, revisions and history go in bulk.
    `new_articles` is a list of (fields, themes, live)."""
    if not new_articles:
        return []
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(ArticlePage)
    taken = set()
    for slugs in index.get_children().values_list("slug_fr", "slug_en"):
        taken.update(slug for slug in slugs if slug)
    last_child = index.get_last_child()
    position = ArticlePage._str2int(last_child.path[-Page.steplen :]) if last_child else 0

    child_relations = [rel.get_accessor_name() for rel in get_all_child_relations(ArticlePage)]
    pages = []
    for fields, themes, live in new_articles:
        position += 1
        page = ArticlePage(
            **fields,
            owner=user,
            live=live,
            has_unpublished_changes=not live,
            first_published_at=now if live else None,
            last_published_at=now if live else None,
            latest_revision_created_at=now,
            draft_title=fields["title_fr"],
            content_type=content_type,
            locale_id=index.locale_id,
            depth=index.depth + 1,
            path=ArticlePage._get_path(index.path, index.depth + 1, position),
            numchild=0,
        )
        slugs = {}
        for code in LANGUAGE_CODES:
            title = fields.get(f"title_{code}")
            if title:
                slugs[code] = _free_slug(_short_slug(title), taken)
        for code, slug in slugs.items():
            setattr(page, f"slug_{code}", slug)
        taken.update(slugs.values())
        page.set_url_path(index)
        # Not Page.save: its validation and tree bookkeeping are done above, in memory; and
        # a new page has no comments or other child objects to commit, only its themes.
        models.Model.save(page)
        page.themes.set(themes)  # in memory, for the revision; written in bulk below
        pages.append(page)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(pages))
    ThemeLink = ArticlePage.themes.through
    ThemeLink.objects.bulk_create(
        [
            ThemeLink(articlepage_id=page.pk, theme_id=theme.pk)
            for page, (_fields, themes, _live) in zip(pages, new_articles, strict=True)
            for theme in themes
        ],
        batch_size=1000,
    )

    revisions = _record_revisions(
        pages,
        [_new_page_content(page, child_relations) for page in pages],
        published={page.pk for page in pages if page.live},
        first_action="wagtail.create",
        user=user,
        now=now,
    )
    for page in pages:
        if not page.live:
            page.live_revision = None
    ArticlePage.objects.bulk_update(pages, ["latest_revision", "live_revision"], batch_size=500)
    for page, revision in zip(pages, revisions, strict=True):
        if page.live:
            page_published.send(sender=ArticlePage, instance=page, revision=revision)
    return pages


def _record_revisions(pages, contents, published, first_action, user, now):
    """One revision per page and its history entries, in bulk: what save_revision() and
    publish() record, `first_action` (create or edit) and, for the pages whose pk is in
    `published`, wagtail.publish. Sets latest_revision (and live_revision when published);
    the caller saves those columns."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                user=user,
                content=content,
                object_str=str(page),
                created_at=now,
            )
            for page, content in zip(pages, contents, strict=True)
        ],
        batch_size=500,
    )
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        actions = [first_action]
        if page.pk in published:
            page.live_revision = revision
            actions.append("wagtail.publish")
        for action in actions:
            entries.append(
                PageLogEntry(
                    content_type=content_type,
                    label=str(page),
                    action=action,
                    timestamp=now,
                    user=user,
                    page_id=page.pk,
                    # A new page's "create" entry has no revision, as Wagtail's own.
                    revision=None if action == "wagtail.create" else revision,
                    content_changed=True,
                )
            )
    PageLogEntry.objects.bulk_create(entries, batch_size=500)
    return revisions


def _new_page_content(page, child_relations):
    """What page.serializable_data() gives for a page just created (no comments or other
    child objects yet), without the queries it makes to find that out."""
    content = get_serializable_data_for_fields(page)
    content.update({name: [] for name in child_relations})
    content["themes"] = [theme.pk for theme in page.themes.all()]
    return content


def _free_slug(base, taken):
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def _update_many(changed_articles, user):
    """A new revision for each changed article, published when its row says `live`, as the
    admin's "publish" would do, with revisions and history written in bulk. Articles with a
    go-live date still to come go through Wagtail's own publishing, which schedules them.
    `changed_articles` is a list of (article, fields, themes, live)."""
    now = timezone.now()
    pages, published, drafts = [], [], []
    for article, fields, themes, live in changed_articles:
        if article.go_live_at and article.go_live_at > now:
            pages.append(_update(article, fields, themes, live, user))
            continue
        page = _working_copy(article)
        themes_changed = {theme.pk for theme in page.themes.all()} != {t.pk for t in themes}
        for name, value in fields.items():
            setattr(page, name, value)
        page.themes.set(themes)
        page.draft_title = page.title_fr
        page.latest_revision_created_at = now
        if live:
            page.live = True
            page.expired = False
            page.has_unpublished_changes = False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = now
            # Not Page.save: the row is validated, and slugs and paths do not change.
            models.Model.save(page)
            if themes_changed:
                page.themes.commit()
            published.append(page)
        else:
            page.has_unpublished_changes = True
            drafts.append(page)
        pages.append(page)

    updated = published + drafts
    published_ids = {page.pk for page in published}
    revisions = _record_revisions(
        updated,
        [page.serializable_data() for page in updated],
        published=published_ids,
        first_action="wagtail.edit",
        user=user,
        now=now,
    )
    fields = ["latest_revision", "draft_title", "latest_revision_created_at"]
    Page.objects.bulk_update(
        [_page_row(page, fields + ["live_revision"]) for page in published],
        fields + ["live_revision"],
        batch_size=500,
    )
    Page.objects.bulk_update(
        [_page_row(page, fields + ["has_unpublished_changes"]) for page in drafts],
        fields + ["has_unpublished_changes"],
        batch_size=500,
    )
    for page, revision in zip(updated, revisions, strict=True):
        if page.pk in published_ids:
            page_published.send(sender=ArticlePage, instance=page, revision=revision)
    return pages


def _page_row(page, fields):
    """A bare Page carrying `fields` of `page`, for bulk_update on the page table only (a
    draft's content stays in its revision, not in the page row)."""
    row = Page(pk=page.pk)
    for name in fields:
        setattr(row, name, getattr(page, name))
    return row


def _update(article, fields, themes, live, user):
    article = _working_copy(article)
    for name, value in fields.items():
        setattr(article, name, value)
    article.themes.set(themes)
    revision = article.save_revision(user=user, log_action=True)
    if live:
        revision.publish(user=user)
    return article


def _unchanged(article, fields, themes, live):
    if live and (not article.live or article.has_unpublished_changes):
        return False
    current = _working_copy(article)
    for name, value in fields.items():
        old = getattr(current, name)
        if name.startswith("body_"):
            if _stream_data(old) != _stream_data(value):
                return False
        elif (old or None) != (value or None):
            return False
    return {theme.pk for theme in current.themes.all()} == {theme.pk for theme in themes}


def _working_copy(article):
    """The article as its editors last saved it (a draft newer than the live version)."""
    if article.has_unpublished_changes:
        return article.get_latest_revision_as_object()
    return article


def _stream_data(value):
    if not has_value(value):
        return []
    return [{"type": b["type"], "value": b["value"]} for b in value.get_prep_value()]


def _themes_by_key():
    """Themes by lower-cased French or English name or slug."""
    themes = {}
    for theme in Theme.objects.all():
        for code in LANGUAGE_CODES:
            for attr in ("name", "slug"):
                value = getattr(theme, f"{attr}_{code}", None)
                if value:
                    themes.setdefault(value.lower(), theme)
    return themes


def _theme(name, themes, plan, dry_run):
    key = name.lower()
    theme = themes.get(key) or themes.get(slugify(name))
    if theme is None:
        plan.new_themes.append(name)
        theme = Theme(name_fr=name)
        if not dry_run:
            theme.save()
        themes[key] = theme
    return theme


# Export --------------------------------------------------------------------------------------


def shared_source_urls():
    """Source URLs that do not identify one article (shared or empty): such articles cannot
    be imported back as they are."""
    from django.db.models import Count

    return list(
        ArticlePage.objects.values_list("source_url_fr", flat=True)
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .order_by("source_url_fr")
    ) + (
        [""] if ArticlePage.objects.filter(source_url_fr__in=["", None]).exists() else []
    )


def export_records(queryset=None):
    """One dict per article, with the import columns, oldest first."""
    if queryset is None:
        queryset = ArticlePage.objects.all()
    queryset = queryset.order_by("published_date", "pk").prefetch_related("themes")
    with translation.override("fr"):
        for article in queryset.iterator(chunk_size=500):
            if not article.live and article.has_unpublished_changes:
                article = article.get_latest_revision_as_object()
            record = {}
            for column in COLUMNS:
                if column in MODEL_FIELDS:
                    value = getattr(article, MODEL_FIELDS[column])
                    if isinstance(value, datetime.date):
                        value = value.isoformat()
                    record[column] = value or ""
            for code in LANGUAGE_CODES:
                record[f"body_{code}"] = _stream_data(getattr(article, f"body_{code}"))
            record["themes"] = [theme.name_fr for theme in article.themes.all()]
            record["status"] = "live" if article.live else "draft"
            yield record


def write_json(records, out):
    json.dump({"articles": list(records)}, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_csv(records, out, delimiter=","):
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n", delimiter=delimiter)
    writer.writeheader()
    for record in records:
        record = dict(record)
        record["themes"] = f"{THEME_SEPARATOR} ".join(record["themes"])
        for code in LANGUAGE_CODES:
            record[f"body_{code}"] = _body_cell(record[f"body_{code}"])
        writer.writerow(record)


def write_excel_csv(records, out):
    """CSV as French Excel opens it with a double click: UTF-8 announced by a byte-order mark
    (without it Excel reads Windows-1252, and accents come out garbled) and semicolons (its
    list separator in French). import_articles reads it back as it is."""
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
