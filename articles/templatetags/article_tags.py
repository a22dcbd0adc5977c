"""The press review's pieces shown across the site: an article's card, the news section's and
a theme's addresses, the news feed."""

from urllib.parse import urlencode

from django import template

from articles.navigation import news_index_url, news_route_url
from core.pictures import picture
from core.templatetags.bilingual_tags import fallback_lang

register = template.Library()


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
