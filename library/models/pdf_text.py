"""The text of each uploaded PDF, kept beside Wagtail's document (one row per document) so the
search finds a document by words only its file contains."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

EXTRACTION_STATUSES = [
    ("ok", _("Text extracted")),
    ("partial", _("Text extracted in part (too long)")),
    ("empty", _("No text (a scan?)")),
    ("encrypted", _("Encrypted: no text read")),
    ("broken", _("Damaged file: no text read")),
    ("not_pdf", _("Not a PDF: no text read")),
]
FLAGGED_STATUSES = ("empty", "encrypted", "broken")


class DocumentText(models.Model):
    """What was read from a Wagtail document's file when it was uploaded. A file that cannot
    be read is kept all the same; its row says why (editors see it in the admin)."""

    document = models.OneToOneField(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="extracted_text",
        verbose_name=_("document"),
    )
    status = models.CharField(_("status"), max_length=20, choices=EXTRACTION_STATUSES)
    text = models.TextField(_("text"), blank=True)
    language = models.CharField(_("language of the text"), max_length=8, default="fr")
    page_count = models.PositiveIntegerField(_("pages"), default=0)
    file_hash = models.CharField(max_length=40, blank=True, editable=False)
    error = models.CharField(_("error"), max_length=300, blank=True)
    duration_ms = models.PositiveIntegerField(_("reading time (ms)"), default=0)
    extracted_at = models.DateTimeField(_("read on"), auto_now=True)
    search_vector = SearchVectorField(null=True, editable=False, serialize=False)

    class Meta:
        verbose_name = _("text of a PDF")
        verbose_name_plural = _("texts of the PDFs")

    def __str__(self):
        return str(self.document.title) if self.document_id else ""

    @property
    def is_flagged(self):
        return self.status in FLAGGED_STATUSES

    @property
    def characters(self):
        return len(self.text)
