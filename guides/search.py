"""Finding guide pages: from a few words (for the site-wide search), or by theme (for the
theme pages). Wagtail's search index holds each page's title, lead, body and themes in both
languages (`GuideContentPage.search_fields`), so an English query finds an English page."""

from django.db.models import Q

from wagtail.models import Page

from core.lookups import view_restrictions_exist

from .models import GuidePage, GuideSectionPage

QUERY_MAX_LENGTH = 200


def _published(pages):
    pages = pages.live()
    return pages.public() if view_restrictions_exist() else pages


def search_guides(query):
    """The published guide pages (guides, chapters, sections) matching `query`, best first
    (an empty query finds nothing)."""
    query = " ".join((query or "").split())[:QUERY_MAX_LENGTH]
    if not query:
        return Page.objects.none()
    pages = _published(Page.objects.type(GuidePage, GuideSectionPage))
    return pages.specific().search(query)


def guide_pages_for_theme(theme):
    """The published guide pages filed under `theme`, guide by guide in reading order."""
    filed = Q(guidepage__themes=theme) | Q(guidesectionpage__themes=theme)
    return list(_published(Page.objects.filter(filed)).distinct().order_by("path"))
