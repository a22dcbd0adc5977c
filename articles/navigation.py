"""The news section's URL in each language, which every page's menu and theme links need.
Kept in the cache so that it costs no query, and forgotten whenever the news index is
published, unpublished, moved or deleted."""

from django.db.models.signals import post_delete
from django.utils import translation

from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core.caching import cached, purge
from core.i18n import LANGUAGE_CODES, current_language

from .models import ArticleIndexPage

CACHE_KEY = "news-index-url:{lang}"


def news_index_url(request=None):
    lang = current_language()

    def load():
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
    route = ArticleIndexPage.get_resolver().reverse(name, **kwargs)
    return base.rstrip("/") + "/" + route.lstrip("/")


def forget_news_index_url(**kwargs):
    purge(*(CACHE_KEY.format(lang=lang) for lang in LANGUAGE_CODES))


def forget_news_index_url_after(sender, instance=None, **kwargs):
    """The news URL goes through the news index's slug and the home page's (depth 2)."""
    if not isinstance(instance, Page):
        return
    if isinstance(instance, ArticleIndexPage) or instance.depth <= 2:
        forget_news_index_url()


def connect_signals():
    for signal in (page_published, page_unpublished, post_delete, page_slug_changed):
        signal.connect(forget_news_index_url_after, dispatch_uid=f"news-url-{signal}")
    post_page_move.connect(forget_news_index_url, dispatch_uid="news-url-move")
