"""What an import of pages (articles, decisions, documents) asks of the site before it writes:
the pages its rows' ids name, which of them are in review, the version of a page its editors
last saved, and so what becomes of each row (`sort_rows`). An import never buries an editor's
draft or a review in progress."""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import Page, WorkflowState

from .interchange import ImportFileError, as_the_editor_stores, row_error, without_block_keys


@dataclass
class PagePlan:
    """What an import does (or, with dry_run, would do), the part every import of pages has:
    each list holds the rows' labels (`row.label`); `left_alone`, the existing pages the import
    did not touch although the file differs (in review, or with changes waiting to be
    published); `actions`, {row number: "created", "updated", "unchanged" or "left_alone"}
    (labels may repeat, so the admin's preview finds each row's fate here)."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    left_alone: list = field(default_factory=list)
    actions: dict = field(default_factory=dict)

    def note(self, row, action):
        getattr(self, action).append(row.label)
        self.actions[row.number] = action


def section_to_import_into(index_model, language, message, **values):
    """The first `index_model` page, or ImportFileError with `message` (a lazy string, with
    `values`) in `language`."""
    index = index_model.objects.first()
    if index is None:
        with translation.override(language):
            raise ImportFileError(str(message) % {k: str(v) for k, v in values.items()})
    return index


def existing_pages(queryset, rows, language, wrong_kind):
    """{translation_key: page} of `queryset` for the rows' keys (`row.key`). A key that is
    another kind of page's is an error of its row, said with `wrong_kind` (a lazy string) in
    `language`."""
    keys = [row.key for row in rows if row.key]
    existing = {page.translation_key: page for page in queryset.filter(translation_key__in=keys)}
    others = set(
        Page.objects.filter(translation_key__in=keys)
        .exclude(pk__in=[page.pk for page in existing.values()])
        .values_list("translation_key", flat=True)
    )
    if others:
        with translation.override(language):
            raise ImportFileError(
                [row_error(row.number, "id", str(wrong_kind)) for row in rows if row.key in others]
            )
    return existing


def in_review(pages):
    """The pks of `pages` with a workflow in progress (submitted, or sent back for changes)."""
    pks = [str(page.pk) for page in pages]
    if not pks:
        return set()
    return {
        int(pk)
        for pk in WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=pks)
        .values_list("object_id", flat=True)
    }


def working_copy(page):
    """The page as its editors last saved it (a draft newer than the live version)."""
    if page.has_unpublished_changes and page.latest_revision_id:
        return page.get_latest_revision_as_object()
    return page


def sort_rows(rows, existing, plan, same):
    """What becomes of each row, noted in `plan` (a PagePlan); returns [(row, page, version,
    publish)] for the rows to write: `page` None for a new page (published when its row says
    `live`), else the existing page and `version`, the one to change. An existing page is
    compared (`same(row, version)`) with the version its row stands for (the published one
    for a `live` row of a published page, the latest draft otherwise) and:
    - left as it is when they are the same (no revision, nothing published, drafts kept);
    - left alone when it is in review (a revision added now would be what the moderator
      approves) or published with changes waiting (an editor's draft the import would bury);
    - otherwise changed: published when it was published with nothing waiting and its row says
      `live`, saved as a new draft else (a page never published stays a draft)."""
    reviewed = in_review(existing.values())
    to_write = []
    for row in rows:
        page = existing.get(row.key)
        if page is None:
            plan.note(row, "created")
            to_write.append((row, None, None, row.live))
            continue
        version = page if row.live and page.live else working_copy(page)
        clean = page.live and not page.has_unpublished_changes
        if same(row, version):
            plan.note(row, "unchanged")
        elif page.pk in reviewed or (page.live and not clean):
            plan.note(row, "left_alone")
        else:
            plan.note(row, "updated")
            to_write.append((row, page, version, row.live and clean))
    return to_write


def same_content(version, fields, themes, comparable=None):
    """Whether `version` of a page already holds `fields` ({name: value}) and `themes`. A
    field named in `comparable` is compared through its function (rich text as the editor
    stores it, say); the others as values, empty ones alike."""
    comparable = comparable or {}
    for name, value in fields.items():
        old = getattr(version, name)
        if name in comparable:
            if comparable[name](old) != comparable[name](value):
                return False
        elif (old or None) != (value or None):
            return False
    return {theme.pk for theme in version.themes.all()} == {theme.pk for theme in themes}


def stored_text(value, editor):
    """Rich text as `editor` (a rich-text widget) stores it, without the block keys it makes
    anew each time: what two versions of a text are compared by. The site's own may come from
    code, the demo or an old import."""
    return without_block_keys(as_the_editor_stores(str(value), editor)) if value else ""
