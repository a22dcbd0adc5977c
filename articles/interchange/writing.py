"""Writing validated rows: which articles are created, updated, left as they are or left
alone, then the writing itself (articles.bulk), all or nothing."""

from functools import partial

from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from core.i18n import LANGUAGE_CODES
from core.page_imports import (
    existing_pages,
    same_content,
    section_to_import_into,
    sort_rows,
    stored_text,
)

from ..blocks import ArticleBodyBlock
from ..bulk import create_many, indexed_at_the_end, update_many
from ..models import ArticleIndexPage, ArticlePage, Theme
from .columns import MODEL_FIELDS, THEME_FIELDS, Plan, stream_data


def import_rows(rows, dry_run=False, user=None):
    """Create or update the articles of validated rows, all or nothing. Returns the Plan.

    A row with an `id` is the article with that translation_key (created with it when the
    site has none: importing the file again finds it); a row without one is a new article.
    What becomes of an existing article is core.page_imports.sort_rows's rule: left as it is
    when it already says what the row says, left alone (`Plan.left_alone`) when in review or
    published with changes waiting, else changed: published when it was published with
    nothing waiting and the row says `live`, saved as a new draft otherwise.
    """
    plan = Plan()
    touched = []
    language = translation.get_language()  # of the messages; the fields are read in French
    with translation.override("fr"), transaction.atomic(), indexed_at_the_end(touched):
        index = section_to_import_into(
            ArticleIndexPage,
            language,
            gettext_lazy("there is no news section to import articles into"),
        )
        existing = _existing_articles(rows, language)
        themes = _themes_by_key()
        body_block = ArticleBodyBlock()
        editor = body_block.child_blocks["paragraph"].field.widget
        comparable = {
            f"body_{code}": partial(_comparable, editor=editor) for code in LANGUAGE_CODES
        }
        prepared = {
            row.number: (
                _fields(row, body_block),
                [_theme(spec, themes, plan, dry_run) for spec in row.themes],
            )
            for row in rows
        }
        to_write = sort_rows(
            rows,
            existing,
            plan,
            lambda row, version: same_content(version, *prepared[row.number], comparable),
        )
        new_articles = [
            (*prepared[row.number], row.live, row.key)
            for row, article, _version, _publish in to_write
            if article is None
        ]
        changed_articles = [
            (article, version, *prepared[row.number], publish)
            for row, article, version, publish in to_write
            if article is not None
        ]
        if not dry_run:
            touched.extend(create_many(index, new_articles, user))
            touched.extend(update_many(changed_articles, user))
        if dry_run:
            transaction.set_rollback(True)
    return plan


def _existing_articles(rows, language):
    """{translation_key: article} for the rows' ids; an id that belongs to another kind of
    page is an error (it cannot become an article)."""
    return existing_pages(
        ArticlePage.objects.prefetch_related("themes"),
        rows,
        language,
        gettext_lazy("this id is another page's, not an article's"),
    )


def _fields(row, body_block):
    fields = {model_field: row.values[column] for column, model_field in MODEL_FIELDS.items()}
    fields["published_date"] = fields["published_date"] or timezone.localdate()
    for code in LANGUAGE_CODES:
        fields[f"body_{code}"] = body_block.to_python(row.body[code])
    for name in ("title_en", "lead_en", "source_url_en", "authors_en"):
        fields[name] = fields[name] or None
    return fields


def _comparable(body, editor):
    """A body as two versions of it are compared: its paragraphs as the editor stores them."""
    return [
        {**block, "value": stored_text(block["value"], editor)}
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
