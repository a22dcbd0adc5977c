"""Writing validated rows: which articles are created, updated, left as they are or left
alone, then the writing itself (articles.bulk), all or nothing."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import Page, WorkflowState

from core.i18n import LANGUAGE_CODES

from ..blocks import ArticleBodyBlock
from ..bulk import create_many, indexed_at_the_end, update_many
from ..models import ArticleIndexPage, ArticlePage, Theme
from .columns import MODEL_FIELDS, THEME_FIELDS, ImportFileError, Plan, row_error, stream_data
from .validation import as_the_editor_stores

BLOCK_KEY_RE = re.compile(r' data-block-key="[^"]*"')


def import_rows(rows, dry_run=False, user=None):
    """Create or update the articles of validated rows, all or nothing. Returns the Plan.

    A row with an `id` is the article with that translation_key (created with it when the
    site has none: importing the file again finds it); a row without one is a new article.
    An existing article is compared with the version of it the row stands for (the published
    one for a `live` row of a published article, the latest draft otherwise) and:
    - left as it is when they are the same (no revision, nothing published, drafts kept);
    - published with the row's content when it is published, with no changes waiting, and
      the row says `live`; saved as a new draft over it when the row says `draft`;
    - when it has never been published or was unpublished (a draft), saved as a new draft,
      never published, whatever the row says;
    - left alone and listed in `Plan.left_alone` when it is in review (a workflow in
      progress: a revision added now would be what the moderator approves) or published
      with changes waiting (an editor's draft the import would bury).
    """
    plan = Plan()
    touched = []
    language = translation.get_language()  # of the messages; the fields are read in French
    with translation.override("fr"), transaction.atomic(), indexed_at_the_end(touched):
        index = ArticleIndexPage.objects.first()
        if index is None:
            with translation.override(language):
                raise ImportFileError(_("there is no news section to import articles into"))
        existing = _existing_articles(rows, language)
        in_review = _in_review(existing.values())
        themes = _themes_by_key()
        body_block = ArticleBodyBlock()
        editor = body_block.child_blocks["paragraph"].field.widget
        new_articles, changed_articles = [], []
        for row in rows:
            row_themes = [_theme(spec, themes, plan, dry_run) for spec in row.themes]
            fields = _fields(row, body_block)
            article = existing.get(row.key)
            if article is None:
                plan.created.append(row.label)
                plan.actions[row.number] = "created"
                new_articles.append((fields, row_themes, row.live, row.key))
                continue
            published_clean = article.live and not article.has_unpublished_changes
            if row.live and article.live:
                version = article  # the published version: what export writes
            else:
                version = working_copy(article)
            if _same(version, fields, row_themes, editor):
                plan.unchanged.append(row.label)
                plan.actions[row.number] = "unchanged"
            elif article.pk in in_review or (article.live and not published_clean):
                plan.left_alone.append(row.label)
                plan.actions[row.number] = "left_alone"
            else:
                plan.updated.append(row.label)
                plan.actions[row.number] = "updated"
                publish = row.live and published_clean
                changed_articles.append((article, version, fields, row_themes, publish))
        if not dry_run:
            touched.extend(create_many(index, new_articles, user))
            touched.extend(update_many(changed_articles, user))
        if dry_run:
            transaction.set_rollback(True)
    return plan


def _existing_articles(rows, language):
    """{translation_key: article} for the rows' ids; an id that belongs to another kind of
    page is an error (it cannot become an article)."""
    keys = [row.key for row in rows if row.key]
    existing = {
        article.translation_key: article
        for article in ArticlePage.objects.filter(translation_key__in=keys).prefetch_related(
            "themes"
        )
    }
    others = set(
        Page.objects.filter(translation_key__in=keys)
        .exclude(pk__in=[article.pk for article in existing.values()])
        .values_list("translation_key", flat=True)
    )
    if others:
        with translation.override(language):
            raise ImportFileError(
                [
                    row_error(row.number, "id", _("this id is another page's, not an article's"))
                    for row in rows
                    if row.key in others
                ]
            )
    return existing


def _in_review(articles):
    """The pks of `articles` with a workflow in progress (submitted, or sent back for changes)."""
    pks = [str(article.pk) for article in articles]
    if not pks:
        return set()
    return {
        int(pk)
        for pk in WorkflowState.objects.active()
        .filter(base_content_type=ContentType.objects.get_for_model(Page), object_id__in=pks)
        .values_list("object_id", flat=True)
    }


def working_copy(article):
    """The article as its editors last saved it (a draft newer than the live version)."""
    if article.has_unpublished_changes and article.latest_revision_id:
        return article.get_latest_revision_as_object()
    return article


def _fields(row, body_block):
    fields = {model_field: row.values[column] for column, model_field in MODEL_FIELDS.items()}
    fields["published_date"] = fields["published_date"] or timezone.localdate()
    for code in LANGUAGE_CODES:
        fields[f"body_{code}"] = body_block.to_python(row.body[code])
    for name in ("title_en", "lead_en", "source_url_en", "authors_en"):
        fields[name] = fields[name] or None
    return fields


def _same(version, fields, themes, editor):
    """Whether `version` of an article already says what the row says. Rich text is compared
    as the editor would store it (the site's own may come from code, the demo or an old
    import), without the editor's block keys (made anew for HTML that has none)."""
    for name, value in fields.items():
        old = getattr(version, name)
        if name.startswith("body_"):
            if _comparable(old, editor) != _comparable(value, editor):
                return False
        elif (old or None) != (value or None):
            return False
    return {theme.pk for theme in version.themes.all()} == {theme.pk for theme in themes}


def _comparable(body, editor):
    return [
        {**block, "value": BLOCK_KEY_RE.sub("", as_the_editor_stores(block["value"], editor))}
        if block["type"] == "paragraph"
        else block
        for block in stream_data(body)
    ]


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


def _theme(spec, themes, plan, dry_run):
    """The theme a row names (found by its French slug, or any name or slug), created with
    every language the file gives when new. An existing theme gets the translations it
    lacks; what an editor wrote is never replaced."""
    keys = [spec.get("slug_fr"), spec["name_fr"], spec.get("name_en"), spec.get("slug_en")]
    keys = [key.lower() for key in keys if key] + [slugify(spec["name_fr"])]
    theme = next((themes[key] for key in keys if key in themes), None)
    if theme is None:
        plan.new_themes.append(spec["name_fr"])
        theme = Theme(**{name: value for name, value in spec.items() if value})
        if not dry_run:
            theme.save()
    else:
        missing = {
            name: value
            for name, value in spec.items()
            if value and name in THEME_FIELDS and not getattr(theme, name, None)
        }
        if missing:
            for name, value in missing.items():
                setattr(theme, name, value)
            if theme.name_fr not in plan.updated_themes:
                plan.updated_themes.append(theme.name_fr)
            if not dry_run:
                theme.save()
    for key in keys:
        themes.setdefault(key, theme)
    return theme
