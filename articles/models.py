from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.forms import CheckboxSelectMultiple
from django.http import Http404
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language, language_of
from home.models import BasePage

from .blocks import QUOTE_LANGUAGES, ArticleBodyBlock

ARTICLES_PER_PAGE = 20
LEAD_MAX_LENGTH = 300


class ThemeQuerySet(models.QuerySet):
    def in_display_order(self):
        """Alphabetical in the visitor's language (French names where English is missing)."""
        lang = current_language()
        name = Coalesce(NullIf(f"name_{lang}", Value("")), f"name_{DEFAULT_LANGUAGE}")
        return self.order_by(name, "pk")


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
        super().save(*args, **kwargs)

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

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]


class ArticleIndexPage(BasePage):
    """The news section ("Actualités" / "News"): every article, newest first, 20 a page,
    optionally filtered by theme."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count = 1
    template = "pages/article_index_page.html"
    is_news_index = True

    class Meta:
        verbose_name = _("news index")

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).for_listing()
        theme = None
        theme_slug = request.GET.get("theme", "")
        if theme_slug:
            lang = current_language()
            theme = Theme.objects.filter(**{f"slug_{lang}": theme_slug}).first()
            if theme is None:
                theme = Theme.objects.filter(**{f"slug_{DEFAULT_LANGUAGE}": theme_slug}).first()
            if theme is None:
                raise Http404("Unknown theme")
            articles = articles.filter(themes=theme)
        paginator = Paginator(articles, ARTICLES_PER_PAGE)
        context["articles_page"] = paginator.get_page(request.GET.get("page"))
        context["selected_theme"] = theme
        return context


class ArticleQuerySet(PageQuerySet):
    def for_listing(self):
        """Published, public articles, newest first, with what a listing card shows."""
        return (
            self.live()
            .public()
            .defer_streamfields()
            .prefetch_related("themes")
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

    objects = ArticleManager()

    template = "pages/article_page.html"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        # Listings read the newest articles first: with this index, page 1 of 10,000
        # articles reads 20 rows instead of sorting them all.
        indexes = [models.Index(fields=["published_date", "page_ptr"], name="article_newest_first")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [self.get_routed_parent()]
        return context

    @property
    def shown_language(self):
        """The language the visitor reads this article in (French when not translated)."""
        return language_of(self, "title")

    @property
    def is_fallback(self):
        """True when the visitor asked for a language this article has not been written in."""
        return not self.has_translation(current_language())

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
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
