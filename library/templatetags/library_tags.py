"""The resource centre in templates: JSON-LD of decisions and documents, and what a theme's
page lists of them (one include in the theme's template)."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core.i18n import current_language
from pagecache import kept

from ..models import DecisionIndexPage, DecisionPage, DocumentIndexPage, DocumentPage

register = template.Library()

THEME_LISTING_LENGTH = 5
# JSON inside <script> must not be able to close it or open a comment.
_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
SCHEMA_TYPES = {"report": "Report", "study": "Report", "thesis": "Thesis"}
LEGAL_FORCE = {True: "InForce", False: "NotInForce"}


@register.simple_tag(takes_context=True)
def library_json_ld(context, page):
    request = context.get("request")
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "name": page.title,
        "url": url,
        "inLanguage": page.shown_language,
        "description": page.description,
        "about": [{"@type": "Thing", "name": theme.name} for theme in context.get("themes", [])],
    }
    if isinstance(page, DecisionPage):
        # schema.org has no type for a court decision: a creative work, by its court.
        data.update(
            {
                "@type": "CreativeWork",
                "genre": str(page.get_kind_display()),
                "dateCreated": page.decision_date.isoformat(),
                "author": {"@type": "GovernmentOrganization", "name": page.court.name},
            }
        )
        if page.ecli or page.number:
            data["identifier"] = page.ecli or page.number
        if page.source_url:
            data["sameAs"] = page.source_url
    else:
        if page.is_official_text:
            data["@type"] = "Legislation"
            data["legislationDate"] = page.document_date.isoformat()
            data["legislationLegalForce"] = LEGAL_FORCE[page.in_force]
            if page.reference:
                data["legislationIdentifier"] = page.reference
        else:
            data["@type"] = SCHEMA_TYPES.get(page.kind, "CreativeWork")
            data["datePublished"] = page.document_date.isoformat()
        if page.authors:
            data["author"] = [
                {"@type": "Organization", "name": name.strip()}
                for name in page.authors.split(",")
                if name.strip()
            ]
        if page.publisher:
            data["publisher"] = {"@type": "Organization", "name": page.publisher}
        if page.document_file:
            data["encoding"] = {
                "@type": "MediaObject",
                "contentUrl": request.build_absolute_uri(page.document_file.url)
                if request
                else page.document_file.url,
            }
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


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
