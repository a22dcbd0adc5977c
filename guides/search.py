"""Finding guide pages (guides, chapters, sections): from a few words, for the site's search
(core.search, the kind « Dossiers » / "Guides"), or by theme (for the theme pages).

A page is found by its searched text in the visitor's language (guides.text: the title, lead,
theme names and body's words, French where the page has no translation), kept on its row. On
PostgreSQL: full-text search with the stemming of that language and accents ignored (the
press review's `infomie_fr`/`infomie_en` configurations), best match first. On SQLite: every
word must appear in that text, newest review first."""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from articles.search import SEARCH_CONFIGS
from core.i18n import DEFAULT_LANGUAGE
from core.lookups import view_restrictions_exist
from core.search import SearchKind, clean_query, register_search_kind

from .models import GuidePage, GuideSectionPage

MAX_WORDS = 10
# The page's own row, whichever of the two tables holds it.
_MODELS = {"guidepage": GuidePage, "guidesectionpage": GuideSectionPage}


def _published(pages):
    pages = pages.live()
    return pages.public() if view_restrictions_exist() else pages


def _column(name):
    return Coalesce(*(F(f"{table}__{name}") for table in _MODELS))


def search_guides(query, lang=DEFAULT_LANGUAGE):
    """The published guide pages matching `query` in `lang`, best first on PostgreSQL, as
    Wagtail pages annotated with `reviewed` (their last review). An empty query finds
    nothing."""
    lang = lang if lang in SEARCH_CONFIGS else DEFAULT_LANGUAGE
    pages = _published(Page.objects.type(GuidePage, GuideSectionPage)).annotate(
        reviewed=_column("last_reviewed"), searched=_column(f"search_text_{lang}")
    )
    query = clean_query(query)
    if not query:
        return pages.none()
    if connection.vendor == "postgresql":
        search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIGS[lang])
        vector = SearchVector("searched", config=SEARCH_CONFIGS[lang])
        return (
            pages.annotate(vector=vector)
            .filter(vector=search_query)
            .annotate(rank=SearchRank(vector, search_query))
            .order_by("-rank", "-reviewed", "path")
        )
    words = [word.strip("\"'«»“”").casefold() for word in query.split()][:MAX_WORDS]
    for word in filter(None, words):
        pages = pages.filter(searched__contains=word)
    return pages.order_by("-reviewed", "path")


def fetch_guide_pages(ids):
    """{pk: the guide page} for the results shown: one query, the body left unread."""
    pages = Page.objects.filter(pk__in=ids).select_related(*_MODELS)
    pages = pages.defer(
        *(f"{table}__{name}" for table in _MODELS for name in _UNREAD),
    )
    found = {}
    for page in pages:
        for table in _MODELS:
            specific = getattr(page, table, None)
            if specific is not None:
                found[page.pk] = specific
    return found


_UNREAD = ("body_fr", "body_en", "see_also", "search_text_fr", "search_text_en")


# A theme's page lists this many guide pages at most (the guides section lists them all).
THEME_LISTING_LENGTH = 12


def guide_pages_for_theme(theme):
    """The first published guide pages filed under `theme`, guide by guide in reading order."""
    filed = Q(guidepage__themes=theme) | Q(guidesectionpage__themes=theme)
    pages = _published(Page.objects.filter(filed)).distinct().order_by("path")
    return list(pages[:THEME_LISTING_LENGTH])


def register_search_kinds():
    """Guides in the site's search (`/fr/recherche/`), dated by their last review."""
    register_search_kind(
        SearchKind(
            key="guides",
            label=_("Guides"),
            search=search_guides,
            date_field="reviewed",
            fetch=fetch_guide_pages,
            template="components/search_result_guide.html",
            order=35,
        )
    )
