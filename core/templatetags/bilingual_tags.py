"""The bilingual parts of every page: the language switcher and the hreflang alternates (the
same page in each language), `lang` attributes on text shown in the fallback language
(`lang_attr`, `fallback_lang`), and `{% in_each_language %}`.

`{% in_each_language %}`: a message written once, shown in every language of the site.

The error pages (404, 500, the database outage, the admin lockout) are read by people who may
not read the language of the address they followed: each shows its message in the visitor's
language, then in the other one under its own `lang`. The message is one small template
rendered under each language in turn, so its text is written once, in the templates and in
the .po files. No query, no context processor: the 500 and database-outage pages use it."""

from django import template
from django.conf import settings
from django.http import QueryDict
from django.template.loader import get_template
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html, format_html_join

from core.i18n import LANGUAGE_CODES, current_language, language_of, sorted_query

register = template.Library()

LANGUAGE_LABELS = {"fr": "Français", "en": "English"}


def _page_url_in(page, lang, request):
    with translation.override(lang):
        return page.get_url(request=request)


def alternate_urls(context):
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
    urls = _preview_urls(context.get("request")) or alternate_urls(context)
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
    urls = alternate_urls(context)
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
def in_each_language(context, template_name):
    """`template_name` in the active language (its heading an `h1`), then in each other
    language inside `<div class="other-language">`, each in a `<div lang="…">` (heading `h2`).
    The template gets the page's context plus `lang` (also as `LANGUAGE_CODE`) and `level`."""
    message = get_template(template_name)
    values = context.flatten()

    def render(lang, level):
        with translation.override(lang):
            return message.render({**values, "lang": lang, "LANGUAGE_CODE": lang, "level": level})

    current = current_language()
    others = format_html_join(
        "",
        '<div lang="{}">{}</div>',
        ((code, render(code, 2)) for code in LANGUAGE_CODES if code != current),
    )
    return format_html('{}\n<div class="other-language">{}</div>', render(current, 1), others)
