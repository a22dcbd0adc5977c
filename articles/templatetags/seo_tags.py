"""What search engines, feed readers and link previews read in every page's <head>: the
canonical URL, the description, Open Graph and Twitter card tags in the page's language, the
feeds the page lists, and for articles a JSON-LD `NewsArticle`. In the press review's app because
it names the news feeds and the articles' own metadata; the other sections write their JSON-LD
with their own tags, through `core.templatetags.json_ld_tags`."""

from django import template
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext

from articles.navigation import news_route_url
from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language
from core.templatetags.bilingual_tags import alternate_urls
from core.templatetags.json_ld_tags import json_ld_script

register = template.Library()

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}
DESCRIPTION_LENGTH = 200
# The link-preview image of every page, one per language (scripts/make_social_images.py).
SOCIAL_IMAGE = "img/social-{lang}.png"
SOCIAL_IMAGE_SIZE = (1200, 630)


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    request = context.get("request")
    page = context.get("page")
    lang = current_language()
    canonical = None
    if not context.get("noindex") and request is not None:
        canonical = context.get("canonical_url") or _canonical_url(context, page, request, lang)
    title = context.get("meta_title") or _page_title(page)
    description = context.get("meta_description") or _page_description(page)
    is_article = page is not None and hasattr(page, "source_name")
    image = _article_image(context, page, request) or _social_image(request, lang)
    return {
        "lang": lang,
        "title": title,
        "description": description,
        "canonical": canonical,
        "noindex": context.get("noindex"),
        "og_type": "article" if is_article else "website",
        "og_locale": OG_LOCALES[lang],
        "og_alternate_locales": [OG_LOCALES[code] for code in LANGUAGE_CODES if code != lang],
        "article": page if is_article else None,
        "article_themes": context.get("themes", []) if is_article else [],
        "image": image,
        "json_ld": _article_json_ld(context, page, canonical, image) if is_article else "",
        "feeds": _feeds(context, request),
    }


def _social_image(request, lang):
    """The site's image for link previews in `lang`, as an absolute URL (Open Graph wants
    one); none without a request to say which host."""
    if request is None:
        return None
    width, height = SOCIAL_IMAGE_SIZE
    return {
        "url": request.build_absolute_uri(static(SOCIAL_IMAGE.format(lang=lang))),
        "width": width,
        "height": height,
        "alt": f"InfoMIE · {gettext('Resource centre on unaccompanied foreign minors')}",
    }


def _article_image(context, page, request):
    """An article's own image for link previews (a 1200 px wide rendition), if it has one."""
    social = (context.get("lead_picture") or {}).get("social")
    if not social or request is None:
        return None
    return {
        "url": request.build_absolute_uri(social["url"]),
        "width": social["width"],
        "height": social["height"],
        "alt": page.lead_image_alt,
    }


def _page_title(page):
    if page is None:
        return "InfoMIE"
    return page.seo_title or page.title


def _page_description(page):
    text = ""
    if page is not None:
        text = page.search_description or getattr(page, "lead", "") or ""
        if not text and getattr(page, "introduction", ""):
            text = strip_tags(str(page.introduction))
        if not text and getattr(page, "is_news_index", False):
            text = gettext("Press review on unaccompanied foreign minors, newest first.")
    if not text:
        text = gettext(
            "InfoMIE: a press review, in French and English, on unaccompanied foreign minors."
        )
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_LENGTH)


def _canonical_url(context, page, request, lang):
    """This page's address without what does not change its content; an article shown in
    French on the English side points to its French address."""
    if page is not None and getattr(page, "is_fallback", False):
        return request.build_absolute_uri(page.get_url_in(DEFAULT_LANGUAGE, request))
    languages = context.get("alternate_languages")
    if languages and lang not in languages:  # a theme not translated: its French page
        lang = DEFAULT_LANGUAGE
    url = alternate_urls(context)[lang].split("?", 1)[0]
    params = {}
    if "articles_page" in context:
        theme = context.get("selected_theme")
        if theme is not None:
            with translation.override(lang):
                url = news_route_url("theme", request, theme_slug=theme.slug) or url
        if context.get("selected_year"):
            params["year"] = context["selected_year"]
        if context["articles_page"].number > 1:
            params["page"] = context["articles_page"].number
    if params:
        url += "?" + "&".join(f"{key}={value}" for key, value in params.items())
    return request.build_absolute_uri(url)


def _feeds(context, request):
    news_feed = news_route_url("feed", request)
    if not news_feed:
        return []
    feeds = []
    theme = context.get("selected_theme")
    if theme is not None:
        url = news_route_url("theme_feed", request, theme_slug=theme.slug)
        feeds.append({"title": f"InfoMIE · {theme.name}", "url": url})
    feeds.append({"title": f"InfoMIE · {gettext('News')}", "url": news_feed})
    return feeds


def _article_json_ld(context, article, canonical, image=None):
    request = context.get("request")
    themes = context.get("themes", [])
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": Truncator(article.title).chars(110),
        "description": article.lead,
        "inLanguage": article.shown_language,
        "datePublished": article.published_date.isoformat(),
        "url": canonical,
        "mainEntityOfPage": canonical,
        "publisher": _publisher(context),
        "about": [
            {
                "@type": "Thing",
                "name": theme.name,
                "url": request.build_absolute_uri(
                    news_route_url("theme", request, theme_slug=theme.slug)
                ),
            }
            for theme in themes
        ],
        "isBasedOn": _original_json_ld(article),
    }
    if image:
        data["image"] = image["url"]
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    return json_ld_script(data)


def _publisher(context):
    """The association, with its logo when editors have chosen one."""
    association = context.get("association")
    publisher = {"@type": "Organization", "name": getattr(association, "name", "") or "InfoMIE"}
    logo = context.get("logo")
    request = context.get("request")
    if logo and request is not None:
        publisher["logo"] = {"@type": "ImageObject", "url": request.build_absolute_uri(logo["url"])}
    return publisher


def _original_json_ld(article):
    original = {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": article.source_name},
        "inLanguage": article.original_language,
    }
    if article.source_url:
        original["url"] = article.source_url
    authors = [name.strip() for name in (article.authors or "").split(",") if name.strip()]
    if authors:
        original["author"] = [{"@type": "Person", "name": name} for name in authors]
    if article.original_date:
        original["datePublished"] = article.original_date.isoformat()
    return original
