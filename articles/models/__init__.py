"""The press review's models, one module each: themes ← the article page ← the news index
(each imports only those before it)."""

from .article_page import LEAD_MAX_LENGTH, ArticleManager, ArticlePage, ArticleQuerySet
from .index_page import ARTICLES_PER_PAGE, ArticleIndexPage
from .themes import Theme, ThemeQuerySet, theme_by_slug, themes_in_display_order

__all__ = [
    "ARTICLES_PER_PAGE",
    "LEAD_MAX_LENGTH",
    "ArticleIndexPage",
    "ArticleManager",
    "ArticlePage",
    "ArticleQuerySet",
    "Theme",
    "ThemeQuerySet",
    "theme_by_slug",
    "themes_in_display_order",
]
