"""The file format shared by import and export: its columns, a validated row, what an import
does (the Plan) and how problems are reported."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.i18n import LANGUAGE_CODES, has_value
from core.interchange import DATE_FORMATS, ImportFileError, row_error  # noqa: F401 - re-exported
from core.page_imports import PagePlan

from ..blocks import QUOTE_LANGUAGES

# The columns, in the order export writes them. `id` identifies an article across export and
# import (its Wagtail translation_key); a row without one is a new article.
COLUMNS = [
    "id",
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
THEME_SEPARATOR = ";"
# What a theme carries, in every language, when it travels in a file.
THEME_FIELDS = [
    f"{name}_{code}" for name in ("name", "slug", "description") for code in LANGUAGE_CODES
]
STATUSES = {"draft": False, "live": True}
LANGUAGES = dict(QUOTE_LANGUAGES)

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
COLUMN_OF_FIELD = {model_field: column for column, model_field in MODEL_FIELDS.items()}


@dataclass
class Row:
    number: int  # as the editor sees it: spreadsheet row (header = 1) or position in the list
    values: dict  # column → cleaned value
    body: dict = field(default_factory=dict)  # language → raw stream data (list of blocks)
    theme_names: list = field(default_factory=list)  # French names, as the file gives them
    live: bool = False
    key: object = None  # the article's translation_key (uuid.UUID), None for a new article
    themes: list = field(default_factory=list)  # {THEME_FIELDS: value}, name_fr at least

    @property
    def label(self):
        """How reports name the row's article: its source URL, or its French title."""
        return self.values.get("source_url") or self.values.get("title_fr", "")


@dataclass
class Plan(PagePlan):
    """What an import does (or, with dry_run, would do): core.page_imports.PagePlan, and the
    themes it creates or adds translations to."""

    new_themes: list = field(default_factory=list)
    updated_themes: list = field(default_factory=list)

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
        if self.updated_themes:
            summary += " " + _("Translations added to themes: %(names)s.") % {
                "names": ", ".join(self.updated_themes)
            }
        if self.left_alone:
            summary += " " + ngettext(
                "%(count)d article left alone, in review or with changes not yet published "
                "(publish or reject them in the admin, then import again): %(articles)s.",
                "%(count)d articles left alone, in review or with changes not yet published "
                "(publish or reject them in the admin, then import again): %(articles)s.",
                len(self.left_alone),
            ) % {"count": len(self.left_alone), "articles": ", ".join(self.left_alone)}
        if dry_run:
            return _("Dry run, nothing written: %(summary)s") % {"summary": summary}
        return summary


def stream_data(value):
    """A body as the file carries it: [{"type", "value"}] (no block ids)."""
    if not has_value(value):
        return []
    return [{"type": b["type"], "value": b["value"]} for b in value.get_prep_value()]
