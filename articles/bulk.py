"""Writing many articles at once (an import of a few thousand rows) as Wagtail's own page API
would have written them one by one: pages, revisions, history, then the search index, the
reference index and the stored search vectors, in a few queries per article instead of a
hundred (docs/benchmarks.md).

Wagtail's path costs about 100 queries an article: its tree bookkeeping, one revision and log
entry at a time, a search index entry whose texts modelsearch works out five times and compiles
a Django expression for each, three queries for the reference index. Here the rows are already
validated, slugs and tree paths are worked out in memory, revisions and history go in bulk, each
searched text is worked out once and written with the statement modelsearch runs, and the
reference index is read and written for every article at once.

`tests/test_bulk.py` writes the same articles here and through Wagtail's own path and compares
every row: an upgrade of Wagtail that changes what its path writes fails there.
"""

import uuid
from contextlib import contextmanager

from modelsearch.backends.database.postgres.postgres import IndexEntry, ObjectIndexer, PostgresIndex
from modelsearch.signal_handlers import post_save_signal_handler

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone

from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.signals import page_published

from core.bulk_rows import update_rows
from core.i18n import LANGUAGE_CODES
from core.slugs import slug_from_title

from .models import ArticlePage
from .search import vectors_updated_once

BATCH = 500
# What saving a revision and publishing it write on a page.
PUBLISHING_FIELDS = [
    "latest_revision",
    "live_revision",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
]
# What ReferenceIndex._extract_references_from_object gives for each reference, in its order.
REFERENCE_COLUMNS = ("to_content_type_id", "to_object_id", "model_path", "content_path")


@contextmanager
def indexed_at_the_end(touched, models=(ArticlePage,)):
    """Inside the block, saves of articles (and of the other page `models` given) leave the
    search index, the reference index and the stored search vectors alone; at the end, the
    pages in `touched` get all three in bulk, a few queries per page type. Still inside the
    caller's transaction: pages are never committed without their index entries, and the
    admin's search finds them as soon as the import has finished."""
    disconnected = [
        model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update(), vectors_updated_once():
            yield
            pks = {}
            for page in touched:
                pks.setdefault(type(page), set()).add(page.pk)
            for model, ids in pks.items():
                pages = list(prefetch_for_indexing(model.objects.filter(pk__in=ids)))
                if pages:
                    update_search_index(pages)
                    update_reference_index(pages)
    finally:
        for model in disconnected:
            post_save.connect(post_save_signal_handler, sender=model)


# Pages, revisions, history ----------------------------------------------------------------


def create_many(index, new_articles, user):
    """New articles under `index`, as the admin's "publish" (or "save draft") creates them:
    the page as `add_child` inserts it, its first revision, what publishing records, and the
    history (create, edit, publish). `new_articles` is a list of (fields, themes, live,
    translation_key or None)."""
    if not new_articles:
        return []
    now = timezone.now()
    taken = set(ArticlePage.reserved_slugs())
    for slugs in index.get_children().values_list("slug_fr", "slug_en"):
        taken.update(slug for slug in slugs if slug)
    last_child = index.get_last_child()
    position = ArticlePage._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    child_relations = [rel.get_accessor_name() for rel in get_all_child_relations(ArticlePage)]
    pages, contents = [], []
    for fields, themes, live, key in new_articles:
        position += 1
        page = ArticlePage(
            **fields,
            translation_key=key or uuid.uuid4(),
            owner=user,
            live=live,
            draft_title=fields["title_fr"],
            locale_id=index.locale_id,
            depth=index.depth + 1,
            path=ArticlePage._get_path(index.path, index.depth + 1, position),
        )
        for code in LANGUAGE_CODES:
            if fields.get(f"title_{code}"):
                slug = free_slug(slug_from_title(fields[f"title_{code}"]), taken)
                setattr(page, f"slug_{code}", slug)
                taken.add(slug)
        page.set_url_path(index)
        # Not Page.save: its validation and tree bookkeeping are done above, in memory; and
        # a new page has no comments or other child objects to commit, only its themes.
        models.Model.save(page)
        page.themes.set(themes)  # in memory, for the revision; written in bulk below
        # page.serializable_data(), without its queries for the child objects a new page
        # cannot have yet.
        content = get_serializable_data_for_fields(page)
        content.update({name: [] for name in child_relations})
        content["themes"] = [theme.pk for theme in themes]
        contents.append(content)
        page.has_unpublished_changes = not live
        page.first_published_at = page.last_published_at = now if live else None
        page.latest_revision_created_at = now
        pages.append(page)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(pages))
    ThemeLink = ArticlePage.themes.through
    ThemeLink.objects.bulk_create(
        [
            ThemeLink(articlepage_id=page.pk, theme_id=theme.pk)
            for page in pages
            for theme in page.themes.all()
        ],
        batch_size=BATCH,
    )
    revisions = _record_revisions(pages, contents, new=True, user=user, now=now)
    update_rows(ArticlePage, pages, PUBLISHING_FIELDS, batch_size=BATCH)
    _announce_published(pages, revisions)
    return pages


def free_slug(base, taken):
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def update_many(changed_articles, user):
    """A new revision for each changed article, published when its row says `live`, as the
    admin's "publish" (or "save draft") would do. Articles with a go-live date still to come
    go through Wagtail's own publishing, which schedules them. `changed_articles` is a list of
    (article, version, fields, themes, live): `version`, the article as its editors last saved
    it (writing.working_copy), takes the changes."""
    now = timezone.now()
    pages, updated, contents = [], [], []
    for article, version, fields, themes, live in changed_articles:
        page = version
        themes_changed = {theme.pk for theme in page.themes.all()} != {t.pk for t in themes}
        for name, value in fields.items():
            setattr(page, name, value)
        page.themes.set(themes)
        pages.append(page)
        if article.go_live_at and article.go_live_at > now:
            revision = page.save_revision(user=user, log_action=True)
            if live:
                revision.publish(user=user)
            continue
        contents.append(page.serializable_data())  # before the bookkeeping, as Wagtail's
        page.draft_title = page.title_fr
        page.latest_revision_created_at = now
        if live:
            page.live, page.expired, page.has_unpublished_changes = True, False, False
            page.first_published_at = page.first_published_at or now
            page.last_published_at = now
            # Not Page.save: the row is validated, and slugs and paths do not change.
            models.Model.save(page)
            if themes_changed:
                page.themes.commit()
        else:
            page.has_unpublished_changes = True
        updated.append(page)
    revisions = _record_revisions(updated, contents, new=False, user=user, now=now)
    # The page table's bookkeeping only: a draft's content stays in its revision.
    fields = ["latest_revision", "draft_title", "latest_revision_created_at"]
    published = [page for page in updated if page.live_revision_id == page.latest_revision_id]
    drafts = [page for page in updated if page.live_revision_id != page.latest_revision_id]
    for rows, written in ((published, "live_revision"), (drafts, "has_unpublished_changes")):
        rows = [_page_row(page, [*fields, written]) for page in rows]
        update_rows(Page, rows, [*fields, written], batch_size=BATCH)
    _announce_published(updated, revisions)
    return pages


def _record_revisions(pages, contents, new, user, now):
    """One revision per page and the history Wagtail records with it: for a new page
    `wagtail.create` (without a revision), then `wagtail.edit` with the revision, then
    `wagtail.publish` for a live one. Sets latest_revision (and live_revision when live); the
    caller saves those columns."""
    content_type = ContentType.objects.get_for_model(ArticlePage)
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=str(page.pk),
                user=user,
                content=content,
                object_str=str(page),
                created_at=now,
            )
            for page, content in zip(pages, contents, strict=True)
        ],
        batch_size=BATCH,
    )
    entries = []
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = revision
        actions = [("wagtail.create", None)] if new else []
        actions.append(("wagtail.edit", revision))
        if page.live and not page.has_unpublished_changes:
            page.live_revision = revision
            actions.append(("wagtail.publish", revision))
        entries.extend(
            PageLogEntry(
                content_type=content_type,
                label=str(page),
                action=action,
                timestamp=now,
                user=user,
                page_id=page.pk,
                revision=logged_revision,
                content_changed=True,
            )
            for action, logged_revision in actions
        )
    PageLogEntry.objects.bulk_create(entries, batch_size=BATCH)
    return revisions


def _announce_published(pages, revisions):
    for page, revision in zip(pages, revisions, strict=True):
        if page.live_revision_id == revision.pk:
            page_published.send(sender=ArticlePage, instance=page, revision=revision)


def _page_row(page, fields):
    """A bare Page carrying `fields` of `page`, for bulk_update on the page table only."""
    row = Page(pk=page.pk)
    for name in fields:
        setattr(row, name, getattr(page, name))
    return row


# The search index and the reference index -------------------------------------------------


def prefetch_for_indexing(queryset):
    """The queryset with what both indexes read from each object: the search index's related
    fields and the child objects the reference index scans (no query per object)."""
    model = queryset.model
    related = [field.field_name for field in model.get_search_fields() if hasattr(field, "fields")]
    children = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    return queryset.prefetch_related(*related, *children)


def update_search_index(objects):
    """Index entries for `objects` (saved instances of one model) in every search backend that
    updates itself on save: on PostgreSQL, 500 entries an INSERT; elsewhere Wagtail's own."""
    model = type(objects[0])
    for backend in get_search_backends(with_auto_update=True):
        index = backend.get_index_for_model(model)
        if isinstance(index, PostgresIndex) and model.get_search_fields():
            _add_to_postgres_index(index, model, objects)
        else:
            backend.add_bulk(model, objects)


class _TextIndexer(ObjectIndexer):
    """modelsearch's indexer for PostgreSQL, with each field's text worked out once (instead of
    once per index column) and each vector kept as its texts and weights, for plain SQL."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self._prepared = {}

    def prepare_field(self, obj, field):
        if obj is not self.obj:  # a related object: cached with the field that leads to it
            return super().prepare_field(obj, field)
        if id(field) not in self._prepared:
            self._prepared[id(field)] = list(super().prepare_field(obj, field))
        return self._prepared[id(field)]

    def as_vector(self, texts, for_autocomplete=False):
        config = self.autocomplete_config if for_autocomplete else self.config
        return config, [(text.strip(), weight) for text, weight in texts if text.strip()]


def _vector_sql(vector):
    """SQL and parameters for a tsvector, as modelsearch's SearchVector expressions compile."""
    config, texts = vector
    if not texts:
        return "''::tsvector", []
    to_tsvector = "to_tsvector(%s::regconfig, %s::text)" if config else "to_tsvector(%s::text)"
    params = []
    for text, weight in texts:
        params.extend(([config] if config else []) + [text, weight])
    return " || ".join([f"setweight({to_tsvector}, %s)"] * len(texts)), params


def _add_to_postgres_index(index, model, objects):
    content_type_id = ContentType.objects.get_for_model(model).pk
    connection = index.write_connection
    table = connection.ops.quote_name(IndexEntry._meta.db_table)
    for start in range(0, len(objects), BATCH):
        rows_sql, params = [], []
        for obj in objects[start : start + BATCH]:
            indexer = _TextIndexer(obj, index.backend)
            vectors = [_vector_sql(v) for v in (indexer.title, indexer.autocomplete, indexer.body)]
            rows_sql.append(f"(%s, %s, {', '.join(sql for sql, _p in vectors)}, 1.0, %s, %s)")
            params.extend([content_type_id, indexer.id])
            params.extend(param for _sql, vector_params in vectors for param in vector_params)
            params.extend([indexer.title_text, indexer.body_text])
        # The statement modelsearch's PostgresIndex.add_items runs; only placeholders and the
        # quoted table name go into the SQL text.
        sql = f"""
            INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body,
                                 title_norm, title_text, body_text)
            VALUES {", ".join(rows_sql)}
            ON CONFLICT (content_type_id, object_id)
            DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0,
                          autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,
                          title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
        """  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
    # Entries just written have title_norm 1.0; modelsearch works out their real value.
    index._refresh_title_norms()


def update_reference_index(objects):
    """What ReferenceIndex.create_or_update_for_object does for each object (saved instances of
    one model), in a few queries for all of them instead of three per object."""
    if not objects or not ReferenceIndex.is_indexed(type(objects[0])):
        return
    model = type(objects[0])
    content_types = [
        ContentType.objects.get_for_model(cls, for_concrete_model=False)
        for cls in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    found = {
        str(obj.pk): set(ReferenceIndex._extract_references_from_object(obj)) for obj in objects
    }
    existing = {}
    object_ids = list(found)
    for start in range(0, len(object_ids), BATCH):
        for pk, object_id, content_type_id, *reference in ReferenceIndex.objects.filter(
            base_content_type=base_content_type, object_id__in=object_ids[start : start + BATCH]
        ).values_list("pk", "object_id", "content_type_id", *REFERENCE_COLUMNS):
            existing[(object_id, tuple(reference))] = (content_type_id, pk)
    new_entries = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=object_id,
            content_path_hash=ReferenceIndex._get_content_path_hash(reference[-1]),
            **dict(zip(REFERENCE_COLUMNS, reference, strict=True)),
        )
        for object_id, references in found.items()
        for reference in references
        if (object_id, reference) not in existing
    ]
    ReferenceIndex.objects.bulk_create(new_entries, batch_size=BATCH, ignore_conflicts=True)
    # A reference recorded against a more specific model than this one may still exist on a
    # relation this model does not see: Wagtail leaves those alone, and so do we.
    known_content_type_ids = {ct.pk for ct in content_types}
    removed = [
        pk
        for (object_id, reference), (content_type_id, pk) in existing.items()
        if reference not in found[object_id] and content_type_id in known_content_type_ids
    ]
    for start in range(0, len(removed), BATCH):
        ReferenceIndex.objects.filter(pk__in=removed[start : start + BATCH]).delete()
