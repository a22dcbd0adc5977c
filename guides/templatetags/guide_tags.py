"""Template tags of the guides: their JSON-LD, and the guides filed under a theme (for the
theme pages of the news section, through `components/guide_theme_list.html`)."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.templatetags.bilingual_tags import lang_attr
from core.templatetags.json_ld_tags import json_ld_script

from ..models import GuideContentPage
from ..search import guide_pages_for_theme

register = template.Library()


@register.simple_tag
def guides_for_theme(theme):
    return guide_pages_for_theme(theme) if theme is not None else []


@register.simple_tag(takes_context=True)
def guide_json_ld(context):
    """A schema.org `TechArticle` for a page of a guide, dated by its last review (what a
    reader of legal guidance needs to know), part of its guide."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, GuideContentPage) or request is None:
        return ""
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": "TechArticle",
        "headline": Truncator(page.title).chars(110),
        "inLanguage": page.shown_language,
        "url": url,
        "mainEntityOfPage": url,
        "dateModified": page.last_reviewed.isoformat(),
        "publisher": {"@type": "Organization", "name": "InfoMIE"},
    }
    if page.lead:
        data["description"] = page.lead
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.date().isoformat()
    guide = context.get("guide")
    if guide is not None and guide.pk != page.pk:
        data["isPartOf"] = {
            "@type": "TechArticle",
            "name": guide.title,
            "url": guide.get_full_url(request),
        }
    return json_ld_script(data)


@register.simple_tag
def guide_toc(entries):
    """The nested list of a guide's table of contents (`GuideTree.toc()`), written in Python:
    a guide of thousands of pages would cost a template include per entry."""
    return _toc_list(entries)


def _toc_list(entries):
    items = format_html_join(
        "\n",
        '<li><a href="{}"{}{}>{}</a>{}</li>',
        (
            (
                entry.url,
                mark_safe(' aria-current="page"') if entry.current else "",  # noqa: S308
                lang_attr(entry.page, "title"),
                entry.page.title,
                _toc_list(entry.children) if entry.children else "",
            )
            for entry in entries
        ),
    )
    return format_html("<ol>\n{}\n</ol>", items)
