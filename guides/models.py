"""The thematic guides: the section (`GuideIndexPage`), a guide (`GuidePage`) and its chapters
and sections (`GuideSectionPage`, nested at any depth). Every page of a guide carries two
dates for visitors: first published, and last reviewed. Reviewing (guides.review) is not
editing: the review date lives on the page's row, never in a revision, so publishing an
edit keeps it and a review needs no new revision."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.db.models.functions import Substr
from django.forms import CheckboxSelectMultiple
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language
from core.lookups import view_restrictions_exist
from core.models import BasePage, sitemap_entries
from core.widgets import LengthCountedTextarea

from .blocks import GuideBodyBlock, SeeAlsoBlock
from .dates import DEFAULT_REVIEW_MONTHS, is_long_overdue, review_due
from .feeds import UpdatedGuidesFeed
from .pdf import file_name, guide_pdf, pdf_size
from .text import SEARCHED_FIELDS, searched_text
from .tree import GuideTree, guide_pages

LEAD_MAX_LENGTH = 300
PRINT_ROUTE = "print"
PDF_ROUTE = "pdf"
NOON = datetime.time(12)


class GuideContentPage(BasePage):
    """What a guide and each of its chapters and sections share: a lead, a body, "See also"
    links, and the review date."""

    lead = models.TextField(
        _("lead"),
        max_length=LEAD_MAX_LENGTH,
        blank=True,
        help_text=_("One or two plain sentences (at most 300 characters) shown in listings."),
    )
    body = StreamField(GuideBodyBlock(), verbose_name=_("body"), blank=True)
    see_also = StreamField(
        SeeAlsoBlock(),
        verbose_name=_("see also"),
        blank=True,
        help_text=_("Other pages of the site: sections of this or another guide, articles."),
    )
    last_reviewed = models.DateField(
        _("last reviewed on"),
        default=timezone.localdate,
        editable=False,
        help_text=_("The day a moderator last confirmed the page is still accurate."),
    )
    # What the site's search reads (guides.text), from the live content: never in a revision.
    search_text_fr = models.TextField(default="", editable=False, serialize=False)
    search_text_en = models.TextField(default="", editable=False, serialize=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """The searched text follows the saves of the live content (a draft's save writes
        only Wagtail's bookkeeping fields: its content stays in its revision)."""
        update_fields = kwargs.get("update_fields")
        searched = {
            "themes",
            *(f"{name}_{code}" for name in SEARCHED_FIELDS for code in LANGUAGE_CODES),
        }
        if update_fields is None or not searched.isdisjoint(update_fields):
            themes = list(self.themes.all())
            for code in LANGUAGE_CODES:
                setattr(self, f"search_text_{code}", searched_text(self, code, themes))
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    *(f"search_text_{code}" for code in LANGUAGE_CODES),
                }
        return super().save(*args, **kwargs)

    def clean(self):
        """The admin's checks beyond the fields': an address that one of the parent's own
        routes answers (the printable version, the feed) cannot be taken by a page."""
        super().clean()
        reserved = {
            slug
            for parent in self.allowed_parent_page_models()
            for slug in getattr(parent, "reserved_child_slugs", ())
        }
        message = _(
            "This address is reserved for the printable version or the feed: choose another."
        )
        errors = {
            f"slug_{code}": message
            for code in LANGUAGE_CODES
            if getattr(self, f"slug_{code}", None) in reserved
        }
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """A revision restored or published keeps the review date of the page's row:
        editing is not reviewing."""
        page = super().with_content_json(content)
        page.last_reviewed = self.last_reviewed
        if isinstance(page, GuidePage):
            page.review_due = self.review_due
        return page

    def get_sitemap_urls(self, request=None):
        languages = self.translated_languages or [DEFAULT_LANGUAGE]
        urls = {code: self.get_full_url_in(code, request) for code in languages}
        return sitemap_entries(urls, self.date_modified)

    @property
    def date_modified(self):
        """The later of the last publication and the last review (at noon, Paris time)."""
        reviewed = timezone.make_aware(datetime.datetime.combine(self.last_reviewed, NOON))
        published = self.last_published_at
        return max(published, reviewed) if published else reviewed

    def guide(self):
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guide = self.guide()
        if guide is None:  # the preview of a page not yet placed in a guide
            return context
        tree = GuideTree(guide, self, request)
        context["guide"] = guide
        context["guide_tree"] = tree
        section = guide.get_routed_parent()
        context["breadcrumbs"] = [section, *tree.ancestors()]
        context["guides_feed_url"] = section.feed_url(request=request)
        context["review_overdue"] = is_long_overdue(guide.review_due)
        context["print_url"] = guide.print_url(request)
        context["pdf_url"] = guide.pdf_url(request)
        context["pdf_size"] = pdf_size(guide, current_language(), tree.pages)
        return context

    content_panels = Page.content_panels + [
        FieldPanel("lead", widget=LengthCountedTextarea),
        FieldPanel("body"),
        FieldPanel("see_also"),
        FieldPanel("themes", widget=CheckboxSelectMultiple),
    ]
    review_dates_panel = HelpPanel(template="guides/review_dates_panel.html", heading=_("Review"))

    # Both languages, whichever the editor's admin was in when the page was saved.
    search_fields = Page.search_fields + [
        *(
            index.SearchField(f"{name}_{code}")
            for name in ("title", "lead", "body")
            for code in LANGUAGE_CODES
        ),
        index.RelatedFields(
            "themes", [index.SearchField(f"name_{code}") for code in LANGUAGE_CODES]
        ),
    ]


class GuideIndexPage(RoutablePageMixin, BasePage):
    """The guides section ("Dossiers thématiques" / "Guides"): every guide, and the feed of
    updated guides (`rss/`)."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count = 1
    template = "pages/guide_index_page.html"
    reserved_child_slugs = ("rss",)
    menu_order = 40

    class Meta:
        verbose_name = _("guides section")

    def feed_url(self, lang=None, request=None):
        with translation.override(lang or current_language()):
            base = self.get_url(request)
        return base.rstrip("/") + "/" + self.reverse_subpage("feed").lstrip("/")

    @path("rss/", name="feed")
    def feed(self, request):
        return UpdatedGuidesFeed()(request, index=self)

    def published_guides(self):
        """Its published guides, in the order editors gave them in the page tree."""
        guides = GuidePage.objects.child_of(self).live().defer_streamfields()
        return guides.prefetch_related("themes").order_by("path")

    def updated_guides(self):
        """[(guide, when it last changed)], latest first: a guide changes when any of its
        pages is published, or when it is reviewed. Two queries, however large the guides."""
        guides = list(GuidePage.objects.child_of(self).live().defer_streamfields())
        prefix = Substr("path", 1, (self.depth + 1) * Page.steplen)
        latest = dict(
            Page.objects.filter(path__startswith=self.path, depth__gt=self.depth + 1)
            .live()
            .annotate(guide_path=prefix)
            .values("guide_path")
            .annotate(latest=Max("last_published_at"))
            .values_list("guide_path", "latest")
        )
        dated = []
        for guide in guides:
            changed = guide.date_modified
            below = latest.get(guide.path)
            dated.append((guide, max(changed, below) if below else changed))
        return sorted(dated, key=lambda item: item[1], reverse=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guides"] = self.published_guides()
        context["guides_feed_url"] = self.feed_url(request=request)
        return context

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["guides.GuidePage"]


class GuidePage(RoutablePageMixin, GuideContentPage):
    """A guide: its own introduction and body, then its chapters (`GuideSectionPage`s) and
    their sections. It is reviewed as a whole, every `review_interval` months."""

    themes = ParentalManyToManyField(
        "articles.Theme", related_name="guides", verbose_name=_("themes"), blank=True
    )
    review_interval = models.PositiveSmallIntegerField(
        _("review every (months)"),
        default=DEFAULT_REVIEW_MONTHS,
        help_text=_("How often a moderator re-reads the guide to confirm it is still accurate."),
    )
    review_due = models.DateField(_("review due on"), null=True, editable=False, db_index=True)

    template = "pages/guide_page.html"
    reserved_child_slugs = (PRINT_ROUTE, PDF_ROUTE)

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        permissions = [("review_guide", _("Can mark a guide as reviewed"))]

    def save(self, *args, **kwargs):
        self.review_due = review_due(self.last_reviewed, self.review_interval)
        return super().save(*args, **kwargs)

    def guide(self):
        return self

    def print_url(self, request=None):
        return self.get_url(request).rstrip("/") + "/" + PRINT_ROUTE + "/"

    def printed_pages(self):
        """The guide and its live, public pages in reading order, each with its body: two
        queries, one per page type, however large the guide."""
        guide = GuidePage.objects.filter(pk=self.pk).live()
        below = GuideSectionPage.objects.filter(path__startswith=self.path, depth__gt=self.depth)
        below = below.live()
        if view_restrictions_exist():
            guide, below = guide.public(), below.public()
        return [*guide, *below.order_by("path")]

    def pdf_url(self, request=None):
        return self.get_url(request).rstrip("/") + "/" + PDF_ROUTE + "/"

    @path(f"{PDF_ROUTE}/", name="pdf")
    def pdf(self, request):
        """The whole guide as a PDF made from its printable version (guides.pdf), named after
        the guide and its last review."""
        lang = current_language()
        pdf = guide_pdf(
            self,
            lang,
            guide_pages(self),
            lambda: self.printable(request).render().content.decode(),
            request.build_absolute_uri("/"),
        )
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{file_name(self, lang)}"'
        return response

    @path(f"{PRINT_ROUTE}/", name="print")
    def printable(self, request):
        """The whole guide on one page, to print or save as PDF."""
        pages = self.printed_pages()
        if not pages:
            raise Http404
        base = self.depth
        return self.render(
            request,
            template="pages/guide_print_page.html",
            context_overrides={
                "guide_pages": [
                    {
                        "page": page,
                        "level": page.depth - base + 1,
                        "full_url": page.get_full_url(request) if page.pk == self.pk else "",
                    }
                    for page in pages
                ],
                "noindex": True,
                "alternate_urls": {
                    code: self.get_url_in(code, request) + PRINT_ROUTE + "/"
                    for code in LANGUAGE_CODES
                },
            },
        )

    content_panels = GuideContentPage.content_panels + [
        MultiFieldPanel(
            [GuideContentPage.review_dates_panel, FieldPanel("review_interval")],
            heading=_("Review"),
        ),
    ]

    parent_page_types = ["guides.GuideIndexPage"]
    subpage_types = ["guides.GuideSectionPage"]


class GuideSectionPage(GuideContentPage):
    """A chapter of a guide, or a section of a chapter, at any depth."""

    themes = ParentalManyToManyField(
        "articles.Theme", related_name="guide_sections", verbose_name=_("themes"), blank=True
    )

    template = "pages/guide_page.html"

    class Meta:
        verbose_name = _("guide chapter or section")
        verbose_name_plural = _("guide chapters and sections")

    def guide(self):
        """The guide this page belongs to: up the routing chain without a query when the
        visitor came through it, or by the ancestors' paths."""
        page = self
        while page is not None:
            if isinstance(page, GuidePage):
                return page
            page = getattr(page, "_routed_parent", None)
        steps = Page.steplen
        paths = [self.path[: steps * depth] for depth in range(1, self.depth)]
        return GuidePage.objects.filter(path__in=paths).first()

    content_panels = GuideContentPage.content_panels + [GuideContentPage.review_dates_panel]

    parent_page_types = ["guides.GuidePage", "guides.GuideSectionPage"]
    subpage_types = ["guides.GuideSectionPage"]
