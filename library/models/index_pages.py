"""The two sections of the resource centre: case law, and the document library. Each lists
its pages with combined filters (library/facets.py) and has an RSS feed per language."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from articles.models import themes_in_display_order
from core.i18n import LANGUAGE_CODES, current_language, language_of
from core.models import BasePage
from core.pagination import paginate

from ..facets import Facet, Option, filter_by_facets, selected_filters
from ..feeds import LibraryFeed
from .courts import JURISDICTIONS, Court
from .decisions import DECISION_KINDS, DecisionPage
from .documents import DOCUMENT_KINDS, DocumentPage
from .fields import FILE_LANGUAGES

PER_PAGE = 20


class LibraryIndexPage(RoutablePageMixin, BasePage):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count = 1
    reserved_child_slugs = ("rss",)
    item_model = None  # a LibraryPage

    class Meta:
        abstract = True

    @path("")
    def listing(self, request):
        return self.render(request)

    @path("rss/", name="feed")
    def feed(self, request):
        return LibraryFeed()(request, index=self)

    def feed_url(self, request=None):
        return self.get_url(request).rstrip("/") + "/" + self.reverse_subpage("feed").lstrip("/")

    @property
    def date_field(self):
        return self.item_model.date_field

    def published_items(self):
        return (
            self.item_model.objects.child_of(self)
            .for_listing()
            .order_by(f"-{self.date_field}", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items, facets = filter_by_facets(request, self.published_items(), self.facets())
        context["items_page"] = paginate(request, self.for_cards(items), PER_PAGE)
        context["facets"] = facets
        context["selected_filters"] = selected_filters(facets)
        context["feed_url"] = self.feed_url(request)
        return context

    def for_cards(self, items):
        return items

    def year_facet(self):
        years = self.published_items().dates(self.date_field, "year", order="DESC")
        return Facet(
            "year",
            _("Year"),
            [
                Option(str(d.year), str(d.year), Q(**{f"{self.date_field}__year": d.year}))
                for d in years
            ],
        )

    def theme_facet(self):
        return Facet(
            "theme",
            _("Theme"),
            [
                Option(t.slug, t.name, Q(themes=t.pk), lang=_other_lang(t), aliases=_slugs(t))
                for t in themes_in_display_order()
            ],
            distinct=True,
        )

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]


class DecisionIndexPage(LibraryIndexPage):
    """Case law ("Jurisprudence"): every decision, latest first, filtered by court,
    jurisdiction, kind, year and theme."""

    item_model = DecisionPage
    menu_order = 20
    template = "pages/decision_index_page.html"
    card_template = "components/decision_card.html"
    filters_label = _("Filter the decisions")

    class Meta:
        verbose_name = _("case law section")

    def facets(self):
        courts = list(Court.objects.all())
        return [
            Facet(
                "court",
                _("Court"),
                [
                    Option(
                        c.filter_slug, c.name, Q(court=c.pk), lang=_other_lang(c), aliases=_slugs(c)
                    )
                    for c in courts
                ],
            ),
            Facet(
                "jurisdiction",
                _("Jurisdiction"),
                [Option(k, str(label), Q(court__jurisdiction=k)) for k, label in JURISDICTIONS],
            ),
            Facet(
                "kind",
                _("Kind of decision"),
                [Option(k, str(label), Q(kind=k)) for k, label in DECISION_KINDS],
            ),
            self.year_facet(),
            self.theme_facet(),
        ]

    def for_cards(self, items):
        return items.select_related("court")

    subpage_types = ["library.DecisionPage"]


class DocumentIndexPage(LibraryIndexPage):
    """The document library ("Documentation"): reports, official texts, theses…, latest
    first, filtered by kind, year, theme and the file's language."""

    item_model = DocumentPage
    menu_order = 30
    template = "pages/document_index_page.html"
    card_template = "components/document_card.html"
    filters_label = _("Filter the documents")

    class Meta:
        verbose_name = _("document library section")

    def facets(self):
        return [
            Facet(
                "kind",
                _("Kind of document"),
                [Option(k, str(label), Q(kind=k)) for k, label in DOCUMENT_KINDS],
            ),
            self.year_facet(),
            self.theme_facet(),
            Facet(
                "language",
                _("Language of the file"),
                [
                    Option(k, str(label), Q(file_languages__contains=f",{k},"))
                    for k, label in FILE_LANGUAGES
                ],
            ),
        ]

    subpage_types = ["library.DocumentPage"]


def _slugs(obj):
    return tuple(
        slug for slug in (getattr(obj, f"slug_{code}", None) for code in LANGUAGE_CODES) if slug
    )


def _other_lang(obj):
    shown = language_of(obj, "name")
    return shown if shown != current_language() else ""
