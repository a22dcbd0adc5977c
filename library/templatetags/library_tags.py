"""The resource centre in templates: JSON-LD of decisions and documents, and what a theme's
page lists of them (one include in the theme's template)."""

from django import template

from core.caching import kept
from core.i18n import current_language
from core.templatetags.json_ld_tags import json_ld_script

from ..models import DecisionIndexPage, DecisionPage, DocumentIndexPage, DocumentPage

register = template.Library()

THEME_LISTING_LENGTH = 5


@register.simple_tag(takes_context=True)
def library_json_ld(context, page):
    """The page's schema.org data (LibraryPage.json_ld) in a script element."""
    request = context.get("request")
    file_url = page.file.url if page.file else ""
    if file_url and request:
        file_url = request.build_absolute_uri(file_url)
    data = page.json_ld(context.get("themes", []), file_url)
    data["url"] = page.get_full_url(request)
    return json_ld_script(data)


@register.inclusion_tag("components/library_theme_listing.html", takes_context=True)
def theme_resources(context, theme):
    """The latest decisions and documents filed under `theme`, with links to all of them."""
    request = context.get("request")
    if theme is None:
        return {}
    decisions = DecisionPage.objects.for_listing().filter(themes=theme).select_related("court")
    documents = DocumentPage.objects.for_listing().filter(themes=theme)
    return {
        "request": request,
        "theme_decisions": list(decisions.order_by("-decision_date", "-pk")[:THEME_LISTING_LENGTH]),
        "theme_documents": list(documents.order_by("-document_date", "-pk")[:THEME_LISTING_LENGTH]),
        "decisions_url": _section_url(DecisionIndexPage, request, theme),
        "documents_url": _section_url(DocumentIndexPage, request, theme),
    }


def _section_url(model, request, theme):
    def find():
        section = model.objects.live().first()
        return section.get_url(request) if section is not None else ""

    url = kept(f"library:section-url:{model.__name__}:{current_language()}", find)
    return f"{url}?theme={theme.slug}" if url else ""
