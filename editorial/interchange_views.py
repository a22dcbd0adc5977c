"""Import and export of articles in the admin, for the moderators (the coordinator has no
shell): the same reading, checks and writing as `import_articles` and `export_articles`
(the articles.interchange package).

Import goes in two steps. The upload is read and checked, and a dry run shows what would be
created, updated, left unchanged and left alone (an article in review or with a draft waiting,
which the import never touches), or every problem by row and column; nothing is written. The
confirmation then imports that same file (editorial/pending_imports.py), all or nothing; if the
site changed meanwhile so that the import would differ from the preview, nothing is written and
the new preview is shown instead.
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

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

from . import pending_imports
from .roles import MODERATORS


def can_exchange_articles(user):
    """Import and export are the moderators' (and administrators'); writers do neither."""
    return user.is_active and (user.is_superuser or user.groups.filter(name=MODERATORS).exists())


class ModeratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_exchange_articles(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File to import"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,text/csv,application/json"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "A CSV file as a spreadsheet saves it (Excel's “CSV UTF-8” or “CSV "
            "(semicolon-separated)”, LibreOffice, Google Sheets), or a JSON file; one article "
            "per row, with the columns of the export. At most %(limit)s."
        ) % {"limit": filesizeformat(settings.ARTICLES_IMPORT_MAX_SIZE)}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ARTICLES_IMPORT_MAX_SIZE
        if upload.size > limit:
            raise ValidationError(
                _(
                    "This file is %(size)s, more than the %(limit)s an import accepts: split it "
                    "into several files and import them one after the other."
                )
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


@dataclass
class PreviewRow:
    number: int
    title: str
    source_url: str
    live: bool  # what the row asks for
    action: str  # "created", "updated", "unchanged", "left_alone"
    new: bool  # the row has no id: a new article


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


class ImportView(ModeratorsOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a file: its problems, or the preview of what importing it would do."""

    template_name = "editorial/import.html"
    page_title = gettext_lazy("Import articles")
    header_icon = "upload"
    form_class = ImportForm

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        return self.preview(form, data, upload.name)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form, has_errors=True))

    def preview(self, form, data, name, warning=""):
        try:
            content, rows = check(data, name)
            plan = import_rows(rows, dry_run=True, user=self.request.user)
        except ImportFileError as exc:
            return self.refuse(form, name, exc.errors)
        token = pending_imports.keep(data, name, self.request.user, plan)
        self.template_name = "editorial/import_preview.html"
        return self.render_to_response(
            self.get_context_data(
                form=form,
                content=content,
                plan=plan,
                rows=preview_rows(rows, plan),
                token=token,
                file_name=name,
                warning=warning,
                anything_to_do=bool(
                    plan.created or plan.updated or plan.new_themes or plan.updated_themes
                ),
            )
        )

    def refuse(self, form, name, errors):
        self.template_name = "editorial/import.html"
        return self.render_to_response(
            self.get_context_data(form=form, file_name=name, problems=errors, has_errors=True)
        )


def check(data, name):
    """(ReadFile, validated rows) of an uploaded file, or ImportFileError."""
    content = read_file(data, name=name)
    rows = validate(content.rows)
    if not rows:
        raise ImportFileError(
            _("%(file)s: the file has no article, only its header") % {"file": name}
        )
    return content, rows


class PlanChanged(Exception):
    """The import would not do what its preview showed: rolled back."""


class ConfirmImportView(ImportView):
    """The editor confirmed the preview: import the file kept for it, or cancel."""

    def get(self, request, *args, **kwargs):
        return redirect("editorial_import")

    def post(self, request, *args, **kwargs):
        try:
            pending = pending_imports.take_back(request.POST.get("token"), request.user)
        except pending_imports.PendingImportError as exc:
            messages.error(request, str(exc))
            return redirect("editorial_import")
        if "cancel" in request.POST:
            pending_imports.discard(pending.key)
            messages.success(request, _("Import cancelled: nothing was written."))
            return redirect("editorial_import")
        form = ImportForm()
        try:
            _content, rows = check(pending.data, pending.name)
            with transaction.atomic():
                plan = import_rows(rows, dry_run=False, user=request.user)
                if pending_imports.plan_digest(plan) != pending.plan:
                    raise PlanChanged
        except ImportFileError as exc:
            pending_imports.discard(pending.key)
            return self.refuse(form, pending.name, exc.errors)
        except PlanChanged:
            pending_imports.discard(pending.key)
            return self.preview(
                form,
                pending.data,
                pending.name,
                warning=_(
                    "The articles changed on the site since the preview, so the import would "
                    "no longer do what it showed: nothing was written. Here is what it would "
                    "do now."
                ),
            )
        pending_imports.discard(pending.key)
        messages.success(
            request,
            _("“%(file)s” imported: %(summary)s")
            % {"file": pending.name, "summary": plan.summary()},
            buttons=[messages.button(reverse("articles:index"), _("See the articles"))],
        )
        return redirect("editorial_import")


EXPORT_FORMATS = {
    # format: (extension, writer, content type)
    "excel": ("csv", write_excel_csv, "text/csv"),
    "csv": ("csv", write_csv, "text/csv"),
    "json": ("json", write_json, "application/json"),
}


class ExportView(ModeratorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Every article, published or draft, in a file the import takes back: for French Excel
    (UTF-8 with its byte-order mark, semicolons), standard CSV or JSON."""

    template_name = "editorial/export.html"
    page_title = gettext_lazy("Export articles")
    header_icon = "download"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") in EXPORT_FORMATS:
            return self.download(request.GET["format"])
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["article_count"] = ArticlePage.objects.count()
        return context

    def download(self, export_format):
        extension, write, content_type = EXPORT_FORMATS[export_format]
        response = HttpResponse(content_type=f"{content_type}; charset=utf-8")
        write(export_records(), response)
        suffix = "-excel" if export_format == "excel" else ""
        name = f"infomie-articles-{timezone.localdate():%Y-%m-%d}{suffix}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        add_never_cache_headers(response)
        return response
