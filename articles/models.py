import re

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import connection, models
from django.db.models import Max, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.breadcrumbs import Crumb
from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language, has_value, language_of
from core.lookups import view_restrictions_exist
from core.models import BasePage, sitemap_entries
from core.widgets import LengthCountedTextarea
from pagecache import kept

from .blocks import QUOTE_LANGUAGES, ArticleBodyBlock
from .rules import content_errors

ARTICLES_PER_PAGE = 20
LEAD_MAX_LENGTH = 300
RELATED_COUNT = 3
SLUG_RE = re.compile(r"[-\w]{1,100}")
YEAR_RE = re.compile(r"[0-9]{4}")


def paginate(request, items, per_page=ARTICLES_PER_PAGE, count_key=None):
    """The page of `items` the visitor asked for, never an error: a page number that is not a
    number, or below 1, gives the first page; one past the end gives the last. With
    `count_key`, the number of items is kept until the next content change (counting 10,000
    articles takes PostgreSQL 12 ms)."""
    paginator = Paginator(items, per_page)
    if count_key is not None:
        paginator.count = kept(f"articles:count:{count_key}", items.count)
    try:
        number = int(request.GET.get("page", "1"))
    except (TypeError, ValueError):
        number = 1
    return paginator.page(max(1, min(number, paginator.num_pages)))


class ThemeQuerySet(models.QuerySet):
    def in_display_order(self):
        """Alphabetical in the visitor's language (French names where English is missing)."""
        lang = current_language()
        name = Coalesce(NullIf(f"name_{lang}", Value("")), f"name_{DEFAULT_LANGUAGE}")
        return self.order_by(name, "pk")

    def by_slug(self, slug):
        """The theme whose slug in the visitor's language (or in French) is `slug`, or None."""
        if not slug or not SLUG_RE.fullmatch(slug):
            return None
        lang = current_language()
        match = Q(**{f"slug_{lang}": slug}) | Q(**{f"slug_{DEFAULT_LANGUAGE}": slug})
        themes = sorted(self.filter(match), key=lambda t: getattr(t, f"slug_{lang}") != slug)
        return themes[0] if themes else None


class Theme(index.Indexed, models.Model):
    """A subject articles are filed under (human trafficking, unaccompanied minors…).
    Visitors browse the news by theme; editors pick one or more per article."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("The theme's address. Filled in from the name when left empty."),
    )
    description = models.TextField(_("short description"), blank=True, max_length=500)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name or ""

    def save(self, *args, **kwargs):
        self.fill_slugs()
        names_before = self._names_in_database()
        super().save(*args, **kwargs)
        if names_before is not None and names_before != self._names():
            from .search import update_search_vectors

            # Visitors find an article by the names of its themes.
            update_search_vectors(self.articles.all())

    @property
    def translated_languages(self):
        return [code for code in LANGUAGE_CODES if has_value(getattr(self, f"name_{code}", None))]

    def _names(self):
        return tuple(getattr(self, f"name_{code}", None) for code in LANGUAGE_CODES)

    def _names_in_database(self):
        """The names before this save; None for a new theme, or where no vectors are stored."""
        if self.pk is None or connection.vendor != "postgresql":
            return None
        fields = [f"name_{code}" for code in LANGUAGE_CODES]
        return Theme.objects.filter(pk=self.pk).values_list(*fields).first()

    def fill_slugs(self):
        for code in LANGUAGE_CODES:
            name = getattr(self, f"name_{code}", None)
            if name and not getattr(self, f"slug_{code}", None):
                setattr(self, f"slug_{code}", slugify(name)[:100])

    def clean(self):
        super().clean()
        self.fill_slugs()
        errors = {}
        others = Theme.objects.exclude(pk=self.pk)
        for code in LANGUAGE_CODES:
            slug = getattr(self, f"slug_{code}", None)
            if slug and others.filter(**{f"slug_{code}": slug}).exists():
                errors[f"slug_{code}"] = _("Another theme already uses this address.")
        if errors:
            raise ValidationError(errors)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description", widget=LengthCountedTextarea),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]


def theme_by_slug(slug):
    """`Theme.objects.by_slug(slug)` for the visitor's language, from the themes kept until
    the next content change (themes_in_display_order)."""
    if not slug or not SLUG_RE.fullmatch(slug):
        return None
    lang = current_language()
    themes = themes_in_display_order()
    for slug_field in (f"slug_{lang}", f"slug_{DEFAULT_LANGUAGE}"):
        for theme in themes:
            if getattr(theme, slug_field) == slug:
                return theme
    return None


def themes_in_display_order():
    """Every theme, in display order for the visitor's language: the home page and every
    listing show them all. Their rows are kept until the next content change (saving or
    deleting a theme purges the page cache: articles.signals); fresh instances per call."""
    names = [field.attname for field in Theme._meta.concrete_fields]
    rows = kept(
        f"articles:themes:{current_language()}",
        lambda: list(Theme.objects.in_display_order().values_list(*names)),
    )
    return [Theme.from_db("default", names, row) for row in rows]


class ArticleIndexPage(RoutablePageMixin, BasePage):
    """The news section ("Actualités" / "News"): every article, newest first, 20 a page,
    filtered by theme and year. Below it, routes rather than pages: the list of themes, each
    theme's page, and the RSS feeds (news, and each theme)."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count = 1
    template = "pages/article_index_page.html"
    is_news_index = True
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
                "alternate_urls": {code: self.themes_url(code, request) for code in LANGUAGE_CODES},
            },
        )

    @path("themes/<slug:theme_slug>/", name="theme")
    def theme(self, request, theme_slug):
        theme = theme_by_slug(theme_slug)
        if theme is None:
            raise Http404("Unknown theme")
        context = self.listing_context(request, theme=theme, on_theme_page=True)
        context["alternate_urls"] = {
            code: self.theme_url(theme, code, request) for code in LANGUAGE_CODES
        }
        context["alternate_languages"] = theme.translated_languages
        context["breadcrumbs"] = [self, Crumb(_("Themes"), self.themes_url(request=request))]
        context["breadcrumb_current"] = Crumb(theme.name, lang=language_of(theme, "name"))
        context["meta_title"] = theme.name
        context["meta_description"] = theme.description
        return self.render(
            request,
            news_listing=False,
            template="pages/theme_page.html",
            context_overrides=context,
        )

    @path("rss/", name="feed")
    def feed(self, request):
        from .feeds import NewsFeed

        return NewsFeed()(request, index=self)

    @path("themes/<slug:theme_slug>/rss/", name="theme_feed")
    def theme_feed(self, request, theme_slug):
        from .feeds import NewsFeed

        theme = theme_by_slug(theme_slug)
        if theme is None:
            raise Http404("Unknown theme")
        return NewsFeed()(request, index=self, theme=theme)

    def get_context(self, request, *args, news_listing=True, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if news_listing:
            theme = None
            theme_slug = request.GET.get("theme", "")
            if theme_slug:
                theme = theme_by_slug(theme_slug)
                if theme is None:
                    raise Http404("Unknown theme")
            context.update(self.listing_context(request, theme=theme))
            context["themes"] = themes_in_display_order()
        return context

    def listing_context(self, request, theme=None, on_theme_page=False):
        """The articles of a listing (the news, or a theme), filtered by `?year=`, paginated.
        An unknown year is a 404; a page number out of range gives the nearest page."""
        articles = ArticlePage.objects.child_of(self).for_listing()
        if theme is not None and on_theme_page:
            articles = articles.filter(themes=theme)
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
        return {
            "articles_page": paginate(
                request, articles, count_key=f"{self.pk}:{theme_key}:{year or ''}"
            ),
            "selected_theme": theme,
            "selected_year": year,
            "years": years,
        }

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]


def _latest_sharing(theme_ids, count, exclude=None):
    """The `count` latest published articles filed under at least one of `theme_ids`."""
    sharing = ArticlePage.objects.filter(themes__in=theme_ids).values("pk")
    articles = ArticlePage.objects.for_listing().filter(pk__in=sharing).exclude(pk=exclude)
    return list(articles[:count])


def _years(articles):
    """The years in which `articles` were published, latest first."""
    return [day.year for day in articles.dates("published_date", "year", order="DESC")]


class ArticleQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's, without its query when no page of the site is private."""
        return super().public() if view_restrictions_exist() else self

    def for_listing(self):
        """Published, public articles, newest first, without their bodies: what a listing
        card shows. The cards show no themes: prefetch them where they are shown, as the
        feeds do (a query, and 3 ms for 6 articles)."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .defer("search_vector_fr", "search_vector_en")  # larger than the rest of a card
            .order_by("-published_date", "-pk")
        )


ArticleManager = PageManager.from_queryset(ArticleQuerySet)


class ArticlePage(BasePage):
    """A press-review item: our summary of, or quotations from, a piece published
    elsewhere, with its attribution and a link to read the original online."""

    lead = models.TextField(
        _("lead"),
        max_length=LEAD_MAX_LENGTH,
        help_text=_("One or two plain sentences (at most 300 characters) shown in listings."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    published_date = models.DateField(
        _("published here on"),
        default=timezone.localdate,
        help_text=_("The date the article appears on InfoMIE (the same in both languages)."),
    )
    source_name = models.CharField(
        _("source"),
        max_length=200,
        help_text=_('Who published the original, as they write it (e.g. "The Guardian").'),
    )
    source_url = models.URLField(
        _("original article (URL)"),
        max_length=500,
        blank=True,
        help_text=_('The "Read online" link to the original piece.'),
    )
    authors = models.CharField(
        _("authors of the original"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated, as credited by the source."),
    )
    original_date = models.DateField(_("date of the original"), null=True, blank=True)
    original_language = models.CharField(
        _("language of the original"),
        max_length=8,
        choices=QUOTE_LANGUAGES,
        default="fr",
    )
    themes = ParentalManyToManyField(
        "articles.Theme", related_name="articles", verbose_name=_("themes")
    )
    # What visitors search, computed from the fields above (articles.search); PostgreSQL
    # only (GIN-indexed there, migration 0005), empty on SQLite. Not in revisions: derived.
    search_vector_fr = SearchVectorField(null=True, editable=False, serialize=False)
    search_vector_en = SearchVectorField(null=True, editable=False, serialize=False)

    objects = ArticleManager()

    template = "pages/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Listings read the newest articles first: with this index, page 1 of 10,000
        # articles reads 20 rows instead of sorting them all.
        indexes = [models.Index(fields=["published_date", "page_ptr"], name="article_newest_first")]

    def save(self, *args, **kwargs):
        from .search import saves_searched_content, update_search_vectors

        result = super().save(*args, **kwargs)
        # After the save, themes included (they are committed last). Wagtail's save_revision
        # saves only its bookkeeping fields: a draft's changes are not searched.
        if saves_searched_content(kwargs.get("update_fields")):
            update_search_vectors([self.pk])
        return result

    def clean(self):
        """The admin's checks beyond the fields' own; the import applies the same ones
        (articles.rules)."""
        super().clean()
        reserved = ArticleIndexPage.reserved_child_slugs
        errors = content_errors(self)
        for code in LANGUAGE_CODES:
            if getattr(self, f"slug_{code}", None) in reserved:
                errors[f"slug_{code}"] = _(
                    "This address is taken by the news section: choose another."
                )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [self.get_routed_parent()]
        context["themes"] = themes = self.shown_themes()
        context["related_articles"] = self.related_articles(themes)
        return context

    def shown_themes(self):
        """`list(self.themes.all())`. For a saved article, the ids (in the query's order)
        are kept until the next content change (an article saved, its themes changed, a
        theme saved or deleted all purge the page cache), and the themes taken from the
        kept list (themes_in_display_order). A preview's themes are the ones in its form
        (modelcluster keeps them in memory)."""
        themes = self.themes.get_queryset()
        if self.pk is None or not isinstance(themes, models.QuerySet):
            return list(themes)
        ids = kept(f"articles:article-themes:{self.pk}", lambda: [t.pk for t in themes])
        known = {theme.pk: theme for theme in themes_in_display_order()}
        if all(pk in known for pk in ids):
            return [known[pk] for pk in ids]
        return list(themes)

    def related_articles(self, themes):
        """The latest other articles that share a theme with this one."""
        if not themes:
            return []
        theme_ids = sorted(theme.pk for theme in themes)
        return _latest_sharing(theme_ids, RELATED_COUNT, exclude=self.pk)

    @property
    def shown_language(self):
        """The language the visitor reads this article in (French when not translated)."""
        return language_of(self, "title")

    @property
    def is_fallback(self):
        """True when the visitor asked for a language this article has not been written in."""
        return not self.has_translation(current_language())

    content_panels = Page.content_panels + [
        FieldPanel("lead", widget=LengthCountedTextarea),
        FieldPanel("published_date"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("source_name"),
                FieldPanel("source_url"),
                FieldPanel("authors"),
                FieldRowPanel([FieldPanel("original_date"), FieldPanel("original_language")]),
            ],
            heading=_("The original piece"),
        ),
        FieldPanel("themes", widget=CheckboxSelectMultiple),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.SearchField("authors"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("published_date"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
