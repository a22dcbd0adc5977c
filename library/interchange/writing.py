"""Writing validated rows of a library import through Wagtail's own page API, all or nothing.

As for articles (articles/interchange/writing.py), nothing an editor has not reviewed is
published by an import: a new item is published only when its row says `live` (an import is a
moderator's act, as publishing is), an existing one is updated as a new draft unless it is
published with nothing waiting and its row says `live`, and one in review or with changes not
yet published is left alone. The files of the ZIP become Wagtail documents (their text read as
on upload, library/signals.py); a file already on the site, byte for byte, is reused."""

import io
import posixpath
from functools import partial

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy

from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from core.page_imports import (
    existing_pages,
    same_content,
    section_to_import_into,
    sort_rows,
    stored_text,
)

from .columns import Plan

NULLABLE_SUFFIX = "_en"


def import_rows(section, rows, archive=None, dry_run=False, user=None):
    """Create or update the pages of `rows` (validated), all or nothing. Returns the Plan."""
    plan = Plan()
    language = translation.get_language()
    with translation.override("fr"), transaction.atomic():
        index = section_to_import_into(
            section.index_model,
            language,
            gettext_lazy("there is no %(section)s section to import into"),
            section=section.index_model._meta.verbose_name,
        )
        existing = existing_pages(
            _with_what_is_compared(section),
            rows,
            language,
            gettext_lazy("this id is another kind of page's"),
        )
        documents = _Documents(archive, plan, dry_run)
        comparable = {
            column: partial(
                stored_text, editor=section.model._meta.get_field(column).formfield().widget
            )
            for column in section.rich_text
        }
        links = _Links(section, rows)
        fields = {row.number: _fields(section, row, documents) for row in rows}
        to_write = sort_rows(
            rows,
            existing,
            plan,
            lambda row, version: (
                same_content(version, fields[row.number], row.themes, comparable)
                and links.same(version, row)
            ),
        )
        if not dry_run:
            # The new pages first, so that a row may link to one a later row creates.
            new_pages = [
                (row, _create(section, index, fields[row.number], row, user), publish)
                for row, page, _version, publish in to_write
                if page is None
            ]
            links.add(page for _row, page, _publish in new_pages)
            for row, page, publish in new_pages:
                if any(row.links.values()):
                    links.set(page, row)
                    page.save()  # its links, kept on the page as its themes are
                _save(page, user, publish)
            for row, page, version, publish in to_write:
                if page is None:
                    continue
                for name, value in fields[row.number].items():
                    setattr(version, name, value)
                version.themes.set(row.themes)
                links.set(version, row)
                _save(version, user, publish)
        if dry_run:
            transaction.set_rollback(True)
    return plan


def _with_what_is_compared(section):
    """The section's pages with what a row is compared with (its court, its file, its themes
    and links), read in a few queries whatever the number of rows."""
    names = {*section.columns, section.file_field}
    related = [
        field.name
        for field in section.model._meta.concrete_fields
        if field.many_to_one and field.name in names
    ]
    many = ["themes", *(column for column, is_many in section.relations.items() if is_many)]
    return section.model.objects.select_related(*related).prefetch_related(*many)


def _fields(section, row, documents):
    """The row's values as the page holds them: an empty English value is none (the page is
    shown in French), the file a Wagtail document."""
    fields = dict(row.fields)
    for name, value in fields.items():
        if name.endswith(NULLABLE_SUFFIX) and not value:
            fields[name] = None
    if row.file_path:
        fields[section.file_field] = documents.get(row.file_path)
    return fields


class _Documents:
    """The Wagtail documents for the ZIP's files, each made once, reused when the site already
    has the same bytes."""

    def __init__(self, archive, plan, dry_run):
        self.archive, self.plan, self.dry_run = archive, plan, dry_run
        self.made = {}

    def get(self, path):
        if path in self.made:
            return self.made[path]
        data = self.archive.read(path)
        digest = hash_filelike(io.BytesIO(data))
        model = get_document_model()
        document = model.objects.filter(file_hash=digest).order_by("pk").first()
        if document is None:
            self.plan.new_files.append(path)
            if not self.dry_run:
                name = posixpath.basename(path)
                document = model(title=name.rsplit(".", 1)[0].replace("_", " "))
                document.file.save(name, ContentFile(data), save=False)
                document._set_document_file_metadata()
                document.save()  # its text is read now, as on upload (library/signals.py)
            else:
                document = model(title=path)  # not saved: what the dry run compares
        self.made[path] = document
        return document


def _create(section, index, fields, row, user):
    """The new page, in the tree without its links and with no revision yet."""
    page = section.model(**{name: value for name, value in fields.items() if value is not None})
    if row.key:
        page.translation_key = row.key
    page.live = False
    page.owner = user
    page.themes.set(row.themes)
    index.add_child(instance=page)
    return page


def _save(page, user, publish):
    revision = page.save_revision(user=user, log_action=True)
    if publish:
        revision.publish(user=user)


class _Links:
    """The items of the section the rows link to (a decision's lower decisions, the text that
    replaced a document), by their ids: those on the site, then those the import creates."""

    def __init__(self, section, rows):
        self.relations = section.relations
        keys = {key for row in rows for keys in row.links.values() for key in keys}
        self.pages = {
            page.translation_key: page
            for page in section.model.objects.filter(translation_key__in=keys)
        }

    def add(self, pages):
        for page in pages:
            self.pages.setdefault(page.translation_key, page)

    def same(self, version, row):
        """Whether `version` already links to what the row names (a page the import has not
        created yet is a change)."""
        for column, many in self.relations.items():
            wanted = row.links.get(column, [])
            if any(key not in self.pages for key in wanted):
                return False
            wanted = {self.pages[key].pk for key in wanted}
            if many:
                linked = {page.pk for page in getattr(version, column).all()}
            else:
                linked = {getattr(version, f"{column}_id")} - {None}
            if linked != wanted:
                return False
        return True

    def set(self, page, row):
        for column, many in self.relations.items():
            linked = [self.pages[key] for key in row.links.get(column, [])]
            if many:
                getattr(page, column).set(linked)
            else:
                setattr(page, column, linked[0] if linked else None)
