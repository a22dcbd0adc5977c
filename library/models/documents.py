"""A document of the library: a report, an official text, a thesis…"""

from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .fields import LanguageListField, file_field, themes_field, web_link_field
from .library_page import SUMMARY_FEATURES, LibraryPage

OFFICIAL_KINDS = ("law", "decree", "circular", "instruction")
SCHEMA_TYPES = {"report": "Report", "study": "Report", "thesis": "Thesis"}
LEGAL_FORCE = {True: "InForce", False: "NotInForce"}
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


class DocumentPage(LibraryPage):
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
    themes = themes_field("documents")
    document_file = file_field(_("file (PDF or office document)"))
    external_url = web_link_field(_("link to the document elsewhere"))
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

    template = "pages/document_page.html"
    date_field = "document_date"
    file_field = "document_file"
    link_field = "external_url"
    summary_fields = ("summary",)
    searched_fields = ("title", "summary", "authors")
    searched_plain_fields = ("publisher", "reference", "document_file__extracted_text__text")

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["document_date", "page_ptr"], name="document_newest")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live = DocumentPage.objects.for_listing()
        context["replacement"] = (
            live.filter(pk=self.replaced_by_id).first() if self.replaced_by_id else None
        )
        context["replaced_texts"] = list(live.filter(replaced_by=self))
        return context

    @property
    def is_official_text(self):
        return self.kind in OFFICIAL_KINDS

    @property
    def file_language_labels(self):
        labels = dict(self._meta.get_field("file_languages").formfield().choices)
        return [str(labels.get(code, code)) for code in self.file_languages]

    def searched_extras(self, lang):
        return [self.publisher, self.reference]

    def json_ld(self, themes, file_url):
        data = super().json_ld(themes, file_url)
        if self.is_official_text:
            data["@type"] = "Legislation"
            data["legislationDate"] = self.document_date.isoformat()
            data["legislationLegalForce"] = LEGAL_FORCE[self.in_force]
            if self.reference:
                data["legislationIdentifier"] = self.reference
        else:
            data["@type"] = SCHEMA_TYPES.get(self.kind, "CreativeWork")
            data["datePublished"] = self.document_date.isoformat()
        if self.authors:
            data["author"] = [
                {"@type": "Organization", "name": name.strip()}
                for name in self.authors.split(",")
                if name.strip()
            ]
        if self.publisher:
            data["publisher"] = {"@type": "Organization", "name": self.publisher}
        if file_url:
            data["encoding"] = {"@type": "MediaObject", "contentUrl": file_url}
        return data

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
