"""Which articles still need translating: the French or English title, lead or body missing.
Read from each article's saved content (what visitors get once it is published)."""

from dataclasses import dataclass, field

from django.utils.translation import pgettext_lazy

from articles.models import ArticlePage
from core.i18n import LANGUAGE_CODES, has_value

CHECKED_FIELDS = {
    "title": pgettext_lazy("missing part of an article", "title"),
    "lead": pgettext_lazy("missing part of an article", "lead"),
    "body": pgettext_lazy("missing part of an article", "body"),
}


@dataclass
class TranslationStatus:
    article: ArticlePage
    missing: dict = field(default_factory=dict)  # language code → labels of missing fields

    @property
    def is_complete(self):
        return not any(self.missing.values())

    @property
    def languages(self):
        """Languages the article is fully written in."""
        return [code for code in LANGUAGE_CODES if not self.missing.get(code)]

    @property
    def french_only(self):
        return self.languages == ["fr"] and not any(
            has_value(getattr(self.article, f"{name}_en", None)) for name in CHECKED_FIELDS
        )

    def missing_in(self, code):
        return self.missing.get(code, [])

    @property
    def missing_fr(self):
        return self.missing_in("fr")

    @property
    def missing_en(self):
        return self.missing_in("en")


def status_of(article):
    missing = {}
    for code in LANGUAGE_CODES:
        labels = [
            label
            for name, label in CHECKED_FIELDS.items()
            if not has_value(getattr(article, f"{name}_{code}", None))
        ]
        if labels:
            missing[code] = labels
    return TranslationStatus(article, missing)


def incomplete_articles(language=None):
    """Every article (published or not) missing a title, lead or body in a language (in
    `language` only, when given), newest first."""
    articles = ArticlePage.objects.order_by("-published_date", "-pk").only(
        "pk",
        "live",
        "has_unpublished_changes",
        "published_date",
        "draft_title",
        *(f"{name}_{code}" for name in CHECKED_FIELDS for code in LANGUAGE_CODES),
    )
    statuses = []
    for article in articles.iterator(chunk_size=500):
        status = status_of(article)
        if language and status.missing_in(language) or not language and not status.is_complete:
            statuses.append(status)
    return statuses
