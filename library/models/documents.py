"""A document of the library: a report, an official text, a thesis…"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager

from core.i18n import current_language, language_of
from core.models import BasePage

from ..forms import LibraryPageForm
from .citations import citing_articles
from .decisions import SUMMARY_FEATURES, LibraryQuerySet
from .fields import LanguageListField, web_url_validator

OFFICIAL_KINDS = ("law", "decree", "circular", "instruction")
DOCUMENT_KINDS = [
    ("report", pgettext_lazy("document kind", "report")),
    ("study", pgettext_lazy("document kind", "study")),
    ("law", pgettext_lazy("document kind", "law")),
    ("decree", pgettext_lazy("document kind", "decree")),
    ("circular", pgettext_lazy("document kind", "circular")),
    ("instruction", pgettext_lazy("document kind", "instruction")),
    ("opinion", pgettext_lazy("document kind", "opinion or recommendation")),
    ("proceedings", pgettext_lazy("document kind", "conference proceedings")),
    ("thesis", pgettext_lazy("document kind", "thesis or dissertation")),
    ("guide", pgettext_lazy("document kind", "guide or practical sheet")),
]


class DocumentPage(BasePage):
    """A document of the library, with who wrote or issued it, our summary in each language,
    its file (or where to read it) and, for an official text, whether it is still in force."""

    kind = models.CharField(_("kind of document"), max_length=20, choices=DOCUMENT_KINDS)
    authors = models.CharField(
        _("authors or issuing body"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated, as credited on the document."),
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    document_date = models.DateField(_("date of the document"))
    page_count = models.PositiveIntegerField(_("number of pages"), null=True, blank=True)
    file_languages = LanguageListField(_("language(s) of the file"))
    summary = RichTextField(_("summary"), blank=True, features=SUMMARY_FEATURES)
    themes = ParentalManyToManyField(
        "articles.Theme", related_name="documents", blank=True, verbose_name=_("themes")
    )
    document_file = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("file (PDF or office document)"),
    )
    external_url = models.URLField(
        _("link to the document elsewhere"),
        max_length=500,
        blank=True,
        validators=[web_url_validator],
    )
    reference = models.CharField(
        _("reference"),
        max_length=100,
        blank=True,
        help_text=_("For an official text: its NOR or number."),
    )
    in_force = models.BooleanField(
        _("in force"), default=True, help_text=_("For an official text: still in force.")
    )
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        verbose_name=_("replaced by"),
    )
    search_vector_fr = SearchVectorField(null=True, editable=False, serialize=False)
    search_vector_en = SearchVectorField(null=True, editable=False, serialize=False)

    objects = PageManager.from_queryset(LibraryQuerySet)()

    base_form_class = LibraryPageForm

    template = "pages/document_page.html"

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["document_date", "page_ptr"], name="document_newest")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [self.get_routed_parent()]
        context["themes"] = list(self.themes.all())
        live = DocumentPage.objects.for_listing()
        context["replacement"] = (
            live.filter(pk=self.replaced_by_id).first() if self.replaced_by_id else None
        )
        context["replaced_texts"] = list(live.filter(replaced_by=self))
        context["meta_description"] = self.description
        context["citing_articles"] = citing_articles(self)
        return context

    @property
    def description(self):
        return " ".join(strip_tags(str(self.summary or "")).split())[:200]

    @property
    def is_official_text(self):
        return self.kind in OFFICIAL_KINDS

    @property
    def file_language_labels(self):
        labels = dict(self._meta.get_field("file_languages").formfield().choices)
        return [str(labels.get(code, code)) for code in self.file_languages]

    @property
    def shown_language(self):
        return language_of(self, "title")

    @property
    def is_fallback(self):
        return not self.has_translation(current_language())

    @property
    def listing_date(self):
        return self.document_date

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("document_date")]),
        FieldRowPanel([FieldPanel("authors"), FieldPanel("publisher")]),
        FieldPanel("summary"),
        FieldPanel("document_file"),
        FieldPanel("external_url"),
        FieldRowPanel([FieldPanel("page_count"), FieldPanel("file_languages")]),
        FieldPanel("themes", widget=CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldPanel("reference"), FieldPanel("in_force"), FieldPanel("replaced_by")],
            heading=_("Official text"),
        ),
    ]

    parent_page_types = ["library.DocumentIndexPage"]
    subpage_types = []
