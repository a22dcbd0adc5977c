"""A press-review item: the page visitors read, and the listings' queries over them."""

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.caching import kept
from core.i18n import LANGUAGE_CODES
from core.lookups import view_restrictions_exist
from core.models import BasePage
from core.pictures import attach_pictures, picture
from core.widgets import LengthCountedTextarea

from ..blocks import QUOTE_LANGUAGES, ArticleBodyBlock
from ..rules import content_errors
from .themes import Theme, themes_in_display_order

LEAD_MAX_LENGTH = 300
RELATED_COUNT = 3
# For the messages that name a field's language.
IN_LANGUAGE = {"fr": _("in French"), "en": _("in English")}


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
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Shown above the text, in listings and in link previews."),
    )
    lead_image_alt = models.CharField(
        _("alternative text of the image"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for those who cannot see it (read aloud by screen readers). "
            "Required when an image is chosen."
        ),
    )
    lead_image_credit = models.CharField(
        _("image credit"),
        max_length=200,
        blank=True,
        help_text=_("Photographer or author, source, licence (e.g. “Jeanne Dupont, CC BY 4.0”)."),
    )
    themes = ParentalManyToManyField(
        "articles.Theme", related_name="articles", verbose_name=_("themes")
    )
    # What visitors search, computed from the fields above and kept current by
    # articles.search; PostgreSQL only (GIN-indexed there, migration 0005), empty on SQLite.
    # Not in revisions: derived.
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

    def clean(self):
        """The admin's checks beyond the fields' own; the import applies the same ones
        (articles.rules)."""
        super().clean()
        errors = content_errors(self)
        errors.update(self.image_errors())
        reserved = self.reserved_slugs()
        for code in LANGUAGE_CODES:
            if getattr(self, f"slug_{code}", None) in reserved:
                errors[f"slug_{code}"] = _(
                    "This address is taken by the news section: choose another."
                )
        if errors:
            raise ValidationError(errors)

    def image_errors(self):
        """With an image, its alternative text in French and in every language the article
        is written in (the English side shows the French one, marked, until translated)."""
        if self.lead_image_id is None:
            return {}
        errors = {}
        for code in LANGUAGE_CODES:
            written = code == LANGUAGE_CODES[0] or getattr(self, f"title_{code}", "")
            if written and not (getattr(self, f"lead_image_alt_{code}", "") or "").strip():
                errors[f"lead_image_alt_{code}"] = _(
                    "Describe the image for those who cannot see it: the alternative text "
                    "%(in_language)s is required when an image is chosen."
                ) % {"in_language": IN_LANGUAGE[code]}
        return errors

    @classmethod
    def reserved_slugs(cls):
        """The slugs the news index's own routes answer (its `reserved_child_slugs`)."""
        return {
            slug
            for parent in cls.allowed_parent_page_models()
            for slug in getattr(parent, "reserved_child_slugs", ())
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [self.get_routed_parent()]
        context["themes"] = themes = self.shown_themes()
        # Read only when the template's fragment of them is not in the cache (it is kept
        # until the next content change, per article and language).
        context["related_articles"] = SimpleLazyObject(
            lambda: attach_pictures(self.related_articles(themes), "card")
        )
        context["theme_ids"] = ",".join(str(theme.pk) for theme in themes)
        context["lead_picture"] = picture(self.lead_image_id, "lead")
        return context

    def shown_themes(self):
        """The article's themes, alphabetical in the visitor's language (the order of every
        list of themes on the site; the database alone gives none). For a saved article, the
        ids are kept until the next content change (an article saved, its themes changed, a
        theme saved or deleted all purge the page cache), and the themes taken from the
        kept list (themes_in_display_order). A preview's themes are the ones in its form
        (modelcluster keeps them in memory), put in the same order."""
        themes = self.themes.get_queryset()
        if self.pk is None or not isinstance(themes, models.QuerySet):
            ids = {theme.pk for theme in themes}
        else:
            ids = set(kept(f"articles:article-themes:{self.pk}", lambda: [t.pk for t in themes]))
        known = [theme for theme in themes_in_display_order() if theme.pk in ids]
        if len(known) == len(ids):
            return known
        return list(Theme.objects.filter(pk__in=ids).in_display_order())

    def related_articles(self, themes):
        """The latest other articles that share a theme with this one."""
        if not themes:
            return []
        theme_ids = sorted(theme.pk for theme in themes)
        sharing = ArticlePage.objects.filter(themes__in=theme_ids).values("pk")
        articles = ArticlePage.objects.for_listing().filter(pk__in=sharing).exclude(pk=self.pk)
        return list(articles[:RELATED_COUNT])

    content_panels = Page.content_panels + [
        FieldPanel("lead", widget=LengthCountedTextarea),
        FieldPanel("published_date"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_credit"),
            ],
            heading=_("Image"),
        ),
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
