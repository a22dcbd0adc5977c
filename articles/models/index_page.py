"""The news section: its listing, and the routes below it (themes, feeds)."""

import re

from django.db.models import Max, Q
from django.http import Http404
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.breadcrumbs import Crumb
from core.caching import kept
from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language, language_of
from core.models import BasePage, sitemap_entries
from core.pagination import paginate
from core.pictures import attach_pictures

from ..feeds import NewsFeed
from .article_page import ArticlePage
from .themes import Theme, theme_by_slug, themes_in_display_order

ARTICLES_PER_PAGE = 20
YEAR_RE = re.compile(r"[0-9]{4}")


class ArticleIndexPage(RoutablePageMixin, BasePage):
    """The news section ("Actualités" / "News"): every article, newest first, 20 a page,
    filtered by theme and year. Below it, routes rather than pages: the list of themes, each
    theme's page, and the RSS feeds (news, and each theme)."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count = 1
    template = "pages/article_index_page.html"
    is_news_index = True
    # The main menu (core/navigation.py): the news, and the themes last, after every section.
    menu_order = 10
    menu_routes = ((90, _("Themes"), "themes"),)
    # Slugs an article may not take: they are the routes below.
    reserved_child_slugs = ("themes", "rss")

    class Meta:
        verbose_name = _("news index")

    def get_sitemap_urls(self, request=None):
        """The news index, the list of themes and every theme's page, in each language."""
        entries = super().get_sitemap_urls(request)
        lastmod = self.last_published_at or self.latest_revision_created_at
        entries += sitemap_entries(
            {code: self.themes_url(code, request, full=True) for code in LANGUAGE_CODES},
            lastmod,
        )
        latest = Max("articles__last_published_at", filter=Q(articles__live=True))
        for theme in Theme.objects.annotate(latest=latest).order_by("pk"):
            languages = theme.translated_languages or [DEFAULT_LANGUAGE]
            urls = {code: self.theme_url(theme, code, request, full=True) for code in languages}
            entries += sitemap_entries(urls, theme.latest or lastmod)
        return entries

    def themes_url(self, lang=None, request=None, full=False):
        return self._route_url("themes", {}, lang, request, full)

    def theme_url(self, theme, lang=None, request=None, full=False):
        with translation.override(lang or current_language()):
            return self._route_url("theme", {"theme_slug": theme.slug}, lang, request, full)

    def feed_url(self, theme=None, lang=None, request=None, full=False):
        if theme is None:
            return self._route_url("feed", {}, lang, request, full)
        with translation.override(lang or current_language()):
            return self._route_url("theme_feed", {"theme_slug": theme.slug}, lang, request, full)

    def _route_url(self, name, kwargs, lang, request, full):
        with translation.override(lang or current_language()):
            base = self.get_full_url(request) if full else self.get_url(request)
        return base.rstrip("/") + "/" + self.reverse_subpage(name, kwargs=kwargs).lstrip("/")

    @path("")
    def news(self, request):
        return self.render(request)

    @path("themes/", name="themes")
    def themes(self, request):
        themes = themes_in_display_order()
        return self.render(
            request,
            news_listing=False,
            template="pages/theme_index_page.html",
            context_overrides={
                "themes": themes,
                "breadcrumbs": [self],
                "breadcrumb_current": Crumb(_("Themes")),
                "meta_title": _("Themes"),
                "meta_description": _("The press review by theme: %(names)s.")
                % {"names": ", ".join(theme.name for theme in themes)},
                "alternate_urls": {code: self.themes_url(code, request) for code in LANGUAGE_CODES},
            },
        )

    @path("themes/<slug:theme_slug>/", name="theme")
    def theme(self, request, theme_slug):
        theme = _known_theme(theme_slug)
        context = self.listing_context(request, theme=theme, on_theme_page=True)
        context["alternate_urls"] = {
            code: self.theme_url(theme, code, request) for code in LANGUAGE_CODES
        }
        context["alternate_languages"] = theme.translated_languages
        context["breadcrumbs"] = [self, Crumb(_("Themes"), self.themes_url(request=request))]
        context["breadcrumb_current"] = Crumb(theme.name, lang=language_of(theme, "name"))
        context["meta_title"] = theme.name
        context["meta_description"] = theme.description or _(
            "The press review's articles on %(theme)s, newest first."
        ) % {"theme": theme.name}
        return self.render(
            request,
            news_listing=False,
            template="pages/theme_page.html",
            context_overrides=context,
        )

    @path("rss/", name="feed")
    def feed(self, request):
        return NewsFeed()(request, index=self)

    @path("themes/<slug:theme_slug>/rss/", name="theme_feed")
    def theme_feed(self, request, theme_slug):
        return NewsFeed()(request, index=self, theme=_known_theme(theme_slug))

    def get_context(self, request, *args, news_listing=True, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if news_listing:
            theme_slug = request.GET.get("theme", "")
            theme = _known_theme(theme_slug) if theme_slug else None
            context.update(self.listing_context(request, theme=theme))
            context["themes"] = themes_in_display_order()
        return context

    def published_articles(self, theme=None):
        """Its published, public articles (filed under `theme`, if given), newest first, as
        listings and feeds show them."""
        articles = ArticlePage.objects.child_of(self).for_listing()
        return articles if theme is None else articles.filter(themes=theme)

    def listing_context(self, request, theme=None, on_theme_page=False):
        """The articles of a listing (the news, or a theme), filtered by `?year=`, paginated.
        An unknown year is a 404; a page number out of range gives the nearest page."""
        articles = self.published_articles(theme if on_theme_page else None)
        # A theme's page offers that theme's years; the news offers all its years, and any of
        # them may be combined with a theme (an empty combination says so, it is no 404).
        # Both the years and the counts change only with the articles: kept until the next
        # content change.
        theme_key = theme.pk if theme is not None else ""
        listing_key = f"{self.pk}:{theme_key if on_theme_page else ''}"
        years = kept(f"articles:years:{listing_key}", lambda: _years(articles))
        if theme is not None and not on_theme_page:
            articles = articles.filter(themes=theme)
        year = request.GET.get("year", "")
        if year:
            if not YEAR_RE.fullmatch(year) or int(year) not in years:
                raise Http404("Unknown year")
            year = int(year)
            articles = articles.filter(published_date__year=year)
        else:
            year = None
        count_key = f"articles:count:{self.pk}:{theme_key}:{year or ''}"
        articles_page = paginate(request, articles, ARTICLES_PER_PAGE, count_key)
        # Read only when the template's fragment of cards is not kept (article_list.html).
        page_of_articles = articles_page.object_list
        articles_page.object_list = SimpleLazyObject(
            lambda: attach_pictures(page_of_articles, "card")
        )
        return {
            "articles_page": articles_page,
            "selected_theme": theme,
            "selected_year": year,
            "years": years,
        }

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]


def _known_theme(slug):
    theme = theme_by_slug(slug)
    if theme is None:
        raise Http404("Unknown theme")
    return theme


def _years(articles):
    """The years in which `articles` were published, latest first."""
    return [day.year for day in articles.dates("published_date", "year", order="DESC")]
