"""Template tags for the bilingual parts of every page: the language switcher, hreflang
alternates, `lang` attributes on text shown in the fallback language, and the news links."""

from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.http import QueryDict
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html

from articles.navigation import news_index_url, news_route_url
from core.i18n import LANGUAGE_CODES, current_language, language_of, sorted_query
from core.pictures import picture

register = template.Library()

LANGUAGE_LABELS = {"fr": "Français", "en": "English"}


def _page_url_in(page, lang, request):
    with translation.override(lang):
        return page.get_url(request=request)


def _alternate_urls(context):
    """{language: relative URL of this same page in that language}. Views that are not
    plain pages (a theme, the search) give theirs as `alternate_urls`. The language
    switcher, the hreflang links and the canonical URL all need them: worked out once per
    request (and page), kept on the request."""
    if context.get("alternate_urls"):
        return context["alternate_urls"]
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return _compute_alternate_urls(request, page)
    known = getattr(request, "_infomie_alternate_urls", None)
    if known is not None and known[0] is page:
        return known[1]
    urls = _compute_alternate_urls(request, page)
    request._infomie_alternate_urls = (page, urls)
    return urls


def _compute_alternate_urls(request, page):
    urls = {}
    for code in LANGUAGE_CODES:
        if page is not None and hasattr(page, "get_url") and getattr(page, "pk", None):
            url = _page_url_in(page, code, request)
            if url and request is not None and request.GET:
                url = f"{url}?{sorted_query(request.GET)}"
        elif request is not None:
            url = translate_url(request.path, code)
            if request.GET:
                url = f"{url}?{sorted_query(request.GET)}"
        else:
            url = f"/{code}/"
        urls[code] = url
    return urls


def _preview_urls(request):
    """In the admin's preview, the same preview in each language (the page may have no
    public address yet): {language: admin preview URL with `?mode=`}, or None elsewhere."""
    preview_url = getattr(request, "preview_url", None)
    if not preview_url or not getattr(request, "is_preview", False):
        return None
    urls = {}
    for code in LANGUAGE_CODES:
        query = getattr(request, "preview_query", None) or QueryDict(mutable=True)
        query = query.copy()
        query["mode"] = code
        urls[code] = f"{preview_url}?{query.urlencode()}"
    return urls


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    active = current_language()
    urls = _preview_urls(context.get("request")) or _alternate_urls(context)
    links = [
        {"code": code, "label": LANGUAGE_LABELS[code], "url": urls[code], "active": code == active}
        for code in LANGUAGE_CODES
    ]
    return {"links": links}


@register.simple_tag(takes_context=True)
def hreflang_links(context):
    """<link rel=alternate hreflang> for every language the page is written in, plus
    x-default (French). A French-only article announces its French URL only."""
    request = context.get("request")
    page = context.get("page")
    urls = _alternate_urls(context)
    if context.get("alternate_languages"):
        languages = context["alternate_languages"]
    elif context.get("alternate_urls"):
        languages = LANGUAGE_CODES
    elif page is not None and hasattr(page, "translated_languages"):
        languages = page.translated_languages or [settings.LANGUAGE_CODE]
    else:
        languages = LANGUAGE_CODES
    build = request.build_absolute_uri if request is not None else (lambda u: u)
    tags = [
        format_html('<link rel="alternate" hreflang="{}" href="{}">', code, build(urls[code]))
        for code in languages
    ]
    default_code = settings.LANGUAGE_CODE
    tags.append(
        format_html(
            '<link rel="alternate" hreflang="x-default" href="{}">', build(urls[default_code])
        )
    )
    return format_html("\n".join(["{}"] * len(tags)), *tags)


@register.simple_tag(takes_context=True)
def article_card(context, article, heading_level=2):
    """An article's card (components/article_card.html): the same in every listing, on the
    home page and under an article; with its picture when it has an image (read with the
    others where the listing called `core.pictures.attach_pictures`)."""
    template = context.template.engine.get_template("components/article_card.html")
    card_picture = getattr(article, "picture", None)
    if card_picture is None:
        card_picture = picture(getattr(article, "lead_image_id", None), "card")
    return template.render(
        context.new(
            {
                "article": article,
                "heading_level": heading_level,
                "request": context.get("request"),
                "picture": card_picture,
                "alt": getattr(article, "lead_image_alt", ""),
                "alt_lang": fallback_lang(article, "lead_image_alt") if card_picture else "",
            }
        )
    )


@register.filter
def lang_attr(obj, field_name):
    """` lang="fr"` when `field_name` is shown in the fallback language, else nothing."""
    shown = language_of(obj, field_name)
    if shown != current_language():
        return format_html(' lang="{}"', shown)
    return ""


@register.filter
def fallback_lang(obj, field_name):
    """The language `field_name` is shown in when it is not the page's (for a `lang`
    attribute passed to a component), else ""."""
    shown = language_of(obj, field_name)
    return shown if shown != current_language() else ""


@register.simple_tag(takes_context=True)
def news_url(context, theme=None, **params):
    """The news index, or a theme's page (`theme=`), with optional query parameters."""
    request = context.get("request")
    if theme is not None:
        url = news_route_url("theme", request, theme_slug=theme.slug)
    else:
        url = news_index_url(request)
    if not url:
        return ""
    query = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{url}?{urlencode(query)}" if query else url


@register.simple_tag(takes_context=True)
def news_feed_url(context):
    """The news' RSS feed in the page's language ("" without a news index)."""
    return news_route_url("feed", context.get("request")) or ""


@register.simple_tag(takes_context=True)
def page_query(context, page_number):
    """The current query string with another page number: filters survive pagination."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    filters = sorted_query(query)
    return f"?{filters}&page={page_number}" if filters else f"?page={page_number}"
