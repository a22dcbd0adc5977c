"""Writing validated articles in bulk, as the admin would have written them one by one (page,
revision, publication, history, search and reference indexes), in a few queries per article
instead of a hundred."""

import uuid
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone

from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published

from core.i18n import LANGUAGE_CODES
from core.models import _short_slug

from ..models import ArticlePage
from ..search import vectors_updated_once


@contextmanager
def deferred_indexing(touched):
    """Search index, reference index and search vectors updated once at the end, in bulk,
    rather than on each of the several saves an article goes through. Still
    inside the import's transaction: the articles are never committed without their index
    entries, and the admin's search finds them as soon as the command has finished."""
    from modelsearch.signal_handlers import post_save_signal_handler

    from wagtail.signal_handlers import disable_reference_index_auto_update

    from ..bulk_indexing import prefetch_for_indexing, update_reference_index, update_search_index

    disconnected = post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    try:
        with disable_reference_index_auto_update(), vectors_updated_once():
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


def create_many(index, new_articles, user):
    """Create the new articles as the admin would (page, revision, publication, history), in
    a few queries per article instead of a hundred: the rows are already validated, the
    slugs and tree paths are worked out in memory, revisions and history go in bulk.
    `new_articles` is a list of (fields, themes, live, translation_key or None)."""
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
    for fields, themes, live, key in new_articles:
        position += 1
        page = ArticlePage(
            **fields,
            translation_key=key or uuid.uuid4(),
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
                slugs[code] = free_slug(_short_slug(title), taken)
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
            for page, (_fields, themes, _live, _key) in zip(pages, new_articles, strict=True)
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


def free_slug(base, taken):
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base}-{suffix}"
    return candidate


def update_many(changed_articles, user):
    """A new revision for each changed article, published when its row says `live`, as the
    admin's "publish" would do, with revisions and history written in bulk. Articles with a
    go-live date still to come go through Wagtail's own publishing, which schedules them.
    `changed_articles` is a list of (article, version, fields, themes, live): `version`, the
    article as its editors last saved it (writing.working_copy), takes the changes."""
    now = timezone.now()
    pages, published, drafts = [], [], []
    for article, version, fields, themes, live in changed_articles:
        if article.go_live_at and article.go_live_at > now:
            pages.append(_update(version, fields, themes, live, user))
            continue
        page = version
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
    for name, value in fields.items():
        setattr(article, name, value)
    article.themes.set(themes)
    revision = article.save_revision(user=user, log_action=True)
    if live:
        revision.publish(user=user)
    return article
