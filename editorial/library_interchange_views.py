"""Import and export of the library's decisions and documents in the admin, for the moderators:
the same reading, checks and writing as `import_library` and `export_library` (the
library.interchange package), in the two steps every import of the admin takes
(core/import_views.py). One screen per section: /admin/library-import/decisions/, …/documents/."""

import io
from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.import_views import (
    CheckedFile,
    ConfirmPendingImportMixin,
    ExportView,
    PendingImportView,
    UploadForm,
)
from core.interchange import ImportFileError
from library.interchange import SECTIONS, WRITERS, import_rows, read_upload, validate, write_zip

from .interchange_views import ModeratorsOnlyMixin

TITLES = {
    "decisions": (gettext_lazy("Import decisions"), gettext_lazy("Export decisions")),
    "documents": (gettext_lazy("Import documents"), gettext_lazy("Export documents")),
}


class LibraryImportForm(UploadForm):
    limit_setting = "LIBRARY_IMPORT_MAX_SIZE"
    accept = ".zip,.csv,.json"

    def help_text_for(self, limit):
        return _(
            "A ZIP holding the spreadsheet (CSV or JSON, one row per item, with the columns of "
            "the export) and the files its rows name by their path in the ZIP; or the "
            "spreadsheet alone when its rows link to their files. At most %(limit)s."
        ) % {"limit": limit}


@dataclass
class PreviewRow:
    number: int
    title: str
    detail: str  # the file's path in the ZIP
    live: bool
    action: str


class SectionMixin:
    def dispatch(self, request, *args, **kwargs):
        self.section = SECTIONS.get(kwargs.get("section"))
        if self.section is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class LibraryImportView(ModeratorsOnlyMixin, SectionMixin, PendingImportView):
    upload_template_name = "editorial/library_import.html"
    preview_template_name = "editorial/library_import_preview.html"
    form_class = LibraryImportForm
    changed_warning = gettext_lazy(
        "The site changed since the preview, so the import would no longer do what it showed: "
        "nothing was written. Here is what it would do now."
    )

    @property
    def page_title(self):
        return TITLES[self.section.name][0]

    def import_url(self):
        return reverse("editorial_library_import", args=[self.section.name])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = self.section.name
        context["columns"] = self.section.columns
        context["confirm_url"] = reverse(
            "editorial_library_import_confirm", args=[self.section.name]
        )
        context["export_url"] = reverse("editorial_library_export", args=[self.section.name])
        return context

    def check(self, data, name):
        upload = read_upload(bytes(data), self.section, name=name)
        rows = validate(self.section, upload.content.rows, upload.archive)
        if not rows:
            raise ImportFileError(
                _("%(file)s: the file has no row, only its header") % {"file": name}
            )
        return CheckedFile(upload.content, rows, files=upload.archive)

    def run(self, checked, dry_run, user):
        return import_rows(self.section, checked.rows, checked.files, dry_run=dry_run, user=user)

    def preview_context(self, content, rows, plan):
        return {
            "rows": [
                PreviewRow(
                    number=row.number,
                    title=row.label,
                    detail=row.file_path,
                    live=row.live,
                    action=plan.actions.get(row.number, ""),
                )
                for row in rows
            ],
            "anything_to_do": plan.anything_to_do,
            "plan_summary": plan.summary(dry_run=True),
        }

    def done(self, name, plan):
        text = _("“%(file)s” imported: %(summary)s") % {"file": name, "summary": plan.summary()}
        return text, []


class ConfirmLibraryImportView(ConfirmPendingImportMixin, LibraryImportView):
    """The editor confirmed the preview: import the file kept for it, or cancel."""


class LibraryExportView(ModeratorsOnlyMixin, SectionMixin, ExportView):
    """Every decision or document, published or draft, as a ZIP the import takes back."""

    template_name = "editorial/library_export.html"
    formats = dict.fromkeys(WRITERS, ("zip", "application/zip"))

    @property
    def page_title(self):
        return TITLES[self.section.name][1]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["count"] = self.section.model.objects.count()
        context["import_url"] = reverse("editorial_library_import", args=[self.section.name])
        return context

    def file_name(self):
        return self.section.name

    def write(self, export_format, response):
        buffer = io.BytesIO()
        write_zip(self.section, buffer, export_format)
        response.write(buffer.getvalue())
