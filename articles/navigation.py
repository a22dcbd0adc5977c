"""The news section's URL in each language, which every page's menu and theme links need.
Kept in the cache so that it costs no query, and forgotten whenever the news index is
published, unpublished, moved or deleted."""

from django.db.models.signals import post_delete
from django.utils import translation

from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.caching import cached, purge
from core.i18n import LANGUAGE_CODES, current_language

CACHE_KEY = "news-index-url:{lang}"


def news_index_url(request=None):
    lang = current_language()

    def load():
        from .models import ArticleIndexPage

        index = ArticleIndexPage.objects.live().first()
        with translation.override(lang):
            return index.get_url(request=request) if index is not None else ""

    return cached(CACHE_KEY.format(lang=lang), load)


def news_route_url(name, request=None, **kwargs):
    """The URL of one of the news index's routes (`theme`, `themes`, `feed`, `theme_feed`) in
    the active language, from the cached news URL: no query."""
    base = news_index_url(request)
    if not base:
        return ""
    from .models import ArticleIndexPage

    route = ArticleIndexPage.get_resolver().reverse(name, **kwargs)
    return base.rstrip("/") + "/" + route.lstrip("/")


def forget_news_index_url(**kwargs):
    purge(*(CACHE_KEY.format(lang=lang) for lang in LANGUAGE_CODES))


def connect_signals():
    from home.models import HomePage

    from .models import ArticleIndexPage

    for model in (ArticleIndexPage, HomePage):
        for signal in (page_published, page_unpublished, post_delete, page_slug_changed):
            signal.connect(
                forget_news_index_url, sender=model, dispatch_uid=f"news-url-{signal}-{model}"
            )
    post_page_move.connect(forget_news_index_url, dispatch_uid="news-url-move")
