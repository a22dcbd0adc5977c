"""Import and export of articles in the admin, for the moderators (the coordinator has no
shell): the same reading, checks and writing as `import_articles` and `export_articles`
(the articles.interchange package), in the two steps of core/import_views.py: the preview
shows what would be created, updated, left unchanged and left alone (an article in review or
with a draft waiting, which the import never touches), or every problem by row and column;
the confirmation imports that same file, all or nothing.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied

from articles.interchange import (
    ImportFileError,
    export_records,
    import_rows,
    read_file,
    validate,
    write_csv,
    write_excel_csv,
    write_json,
)
from articles.models import ArticlePage
from core.import_views import (
    CheckedFile,
    ConfirmPendingImportMixin,
    PendingImportView,
    UploadForm,
)
from core.import_views import ExportView as BaseExportView

from .roles import MODERATORS


def can_exchange_articles(user):
    """Import and export are the moderators' (and administrators'); writers do neither."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())


class ModeratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_exchange_articles(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ImportForm(UploadForm):
    limit_setting = "ARTICLES_IMPORT_MAX_SIZE"
    accept = ".csv,.json,text/csv,application/json"

    def help_text_for(self, limit):
        return _(
            "A CSV file as a spreadsheet saves it (Excel's “CSV UTF-8” or “CSV "
            "(semicolon-separated)”, LibreOffice, Google Sheets), or a JSON file; one article "
            "per row, with the columns of the export. At most %(limit)s."
        ) % {"limit": limit}


@dataclass
class PreviewRow:
    number: int
    title: str
    source_url: str
    live: bool  # what the row asks for
    action: str  # "created", "updated", "unchanged", "left_alone"
    new: bool  # the row has no id: a new article

    @property
    def detail(self):
        """What the preview shows beside the title (editorial/import_rows.html)."""
        return self.source_url


def preview_rows(rows, plan):
    """The file's rows, in its order, each with what the import does to its article."""
    return [
        PreviewRow(
            number=row.number,
            title=row.values.get("title_fr") or "",
            source_url=row.values.get("source_url") or "",
            live=row.live,
            action=plan.actions.get(row.number, ""),
            new=row.key is None,
        )
        for row in rows
    ]


class ImportView(ModeratorsOnlyMixin, PendingImportView):
    """Upload a file of articles: its problems, or the preview of what importing it would do."""

    upload_template_name = "editorial/import.html"
    preview_template_name = "editorial/import_preview.html"
    import_url_name = "editorial_import"
    page_title = gettext_lazy("Import articles")
    form_class = ImportForm
    changed_warning = gettext_lazy(
        "The articles changed on the site since the preview, so the import would "
        "no longer do what it showed: nothing was written. Here is what it would "
        "do now."
    )

    def check(self, data, name):
        return check(data, name)

    def run(self, checked, dry_run, user):
        return import_rows(checked.rows, dry_run=dry_run, user=user)

    def preview_context(self, content, rows, plan):
        return {
            "rows": preview_rows(rows, plan),
            "anything_to_do": bool(
                plan.created or plan.updated or plan.new_themes or plan.updated_themes
            ),
        }

    def done(self, name, plan):
        text = _("“%(file)s” imported: %(summary)s") % {"file": name, "summary": plan.summary()}
        return text, [messages.button(reverse("articles:index"), _("See the articles"))]


def check(data, name):
    """An uploaded file of articles read and validated (CheckedFile), or ImportFileError."""
    content = read_file(data, name=name)
    rows = validate(content.rows)
    if not rows:
        raise ImportFileError(
            _("%(file)s: the file has no article, only its header") % {"file": name}
        )
    return CheckedFile(content, rows)


class ConfirmImportView(ConfirmPendingImportMixin, ImportView):
    """The editor confirmed the preview: import the file kept for it, or cancel."""


EXPORT_FORMATS = {
    # format: (extension, writer, content type)
    "excel": ("csv", write_excel_csv, "text/csv"),
    "csv": ("csv", write_csv, "text/csv"),
    "json": ("json", write_json, "application/json"),
}


class ExportView(ModeratorsOnlyMixin, BaseExportView):
    """Every article, published or draft, in a file the import takes back: for French Excel
    (UTF-8 with its byte-order mark, semicolons), standard CSV or JSON."""

    template_name = "editorial/export.html"
    page_title = gettext_lazy("Export articles")
    formats = {
        name: (extension, f"{content_type}; charset=utf-8")
        for name, (extension, _write, content_type) in EXPORT_FORMATS.items()
    }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["article_count"] = ArticlePage.objects.count()
        return context

    def file_name(self):
        return "articles"

    def write(self, export_format, response):
        EXPORT_FORMATS[export_format][1](export_records(), response)
