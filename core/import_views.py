"""The admin's two-step import, for every spreadsheet import (the press review's articles, the
library's decisions and documents): the upload is read and checked and a dry run shows what
would be done, or every problem by row and column, with nothing written; the confirmation then
imports that same file (core/pending_imports.py), all or nothing. If the site changed meanwhile
so that the import would differ from the preview, nothing is written and the new preview is
shown instead.

A subclass says how its files are checked (`check`), imported (`run`), previewed
(`preview_context`) and announced when done (`done`). The export's screen, a page or with
`?format=…` the file itself, is ExportView."""

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
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import pending_imports
from .interchange import ImportFileError


class UploadForm(forms.Form):
    """The file of an import, refused above `settings.<limit_setting>` bytes. A subclass
    gives its help text (`help_text_for(limit)`) and the files the picker offers."""

    limit_setting = None
    accept = ""
    file = forms.FileField(label=gettext_lazy("File to import"), widget=forms.ClearableFileInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].widget.attrs["accept"] = self.accept
        self.fields["file"].help_text = self.help_text_for(filesizeformat(self.limit()))

    def limit(self):
        return getattr(settings, self.limit_setting)

    def help_text_for(self, limit):
        raise NotImplementedError

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = self.limit()
        if upload.size > limit:
            raise ValidationError(
                _(
                    "This file is %(size)s, more than the %(limit)s an import accepts: split it "
                    "into several files and import them one after the other."
                )
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        return upload


class PlanChanged(Exception):
    """The import would not do what its preview showed: rolled back."""


@dataclass
class CheckedFile:
    """An uploaded file once read and validated (`PendingImportView.check`)."""

    content: object  # how it was read (core.interchange's ReadFile)
    rows: list  # its validated rows
    files: object = None  # what came with the rows, if anything (the library's ZIP)


class PendingImportView(WagtailAdminTemplateMixin, FormView):
    """Upload a file: its problems, or the preview of what importing it would do."""

    header_icon = "upload"
    template_name = None  # the upload's, or the preview's once a file is read
    upload_template_name = None
    preview_template_name = None
    import_url_name = None  # the upload form's URL name, where the confirmation returns
    changed_warning = ""

    def get_template_names(self):
        return [self.template_name or self.upload_template_name]

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def import_url(self):
        return reverse(self.import_url_name)

    def check(self, data, name):
        """The file read and validated (CheckedFile), or ImportFileError."""
        raise NotImplementedError

    def run(self, checked, dry_run, user):
        """The plan of the import of the `checked` file (written unless dry_run)."""
        raise NotImplementedError

    def preview_context(self, content, rows, plan):
        return {}

    def done(self, name, plan):
        """The success message, after the confirmed import."""
        raise NotImplementedError

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        return self.preview(form, upload.read(), upload.name)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form, has_errors=True))

    def preview(self, form, data, name, warning=""):
        try:
            checked = self.check(data, name)
            plan = self.run(checked, dry_run=True, user=self.request.user)
        except ImportFileError as exc:
            return self.refuse(form, name, exc.errors)
        token = pending_imports.keep(data, name, self.request.user, plan)
        self.template_name = self.preview_template_name
        return self.render_to_response(
            self.get_context_data(
                form=form,
                content=checked.content,
                plan=plan,
                token=token,
                file_name=name,
                warning=warning,
                **self.preview_context(checked.content, checked.rows, plan),
            )
        )

    def refuse(self, form, name, errors):
        self.template_name = self.upload_template_name
        return self.render_to_response(
            self.get_context_data(form=form, file_name=name, problems=errors, has_errors=True)
        )


class ConfirmPendingImportMixin:
    """The editor confirmed the preview: import the file kept for it, or cancel. Mixed in
    before the PendingImportView subclass it confirms."""

    def get(self, request, *args, **kwargs):
        return redirect(self.import_url())

    def post(self, request, *args, **kwargs):
        try:
            pending = pending_imports.take_back(request.POST.get("token"), request.user)
        except pending_imports.PendingImportError as exc:
            messages.error(request, str(exc))
            return redirect(self.import_url())
        if "cancel" in request.POST:
            pending_imports.discard(pending.key)
            messages.success(request, _("Import cancelled: nothing was written."))
            return redirect(self.import_url())
        form = self.get_form_class()()
        try:
            checked = self.check(pending.data, pending.name)
            with transaction.atomic():
                plan = self.run(checked, dry_run=False, user=request.user)
                if pending_imports.plan_digest(plan) != pending.plan:
                    raise PlanChanged
        except ImportFileError as exc:
            pending_imports.discard(pending.key)
            return self.refuse(form, pending.name, exc.errors)
        except PlanChanged:
            pending_imports.discard(pending.key)
            return self.preview(form, pending.data, pending.name, warning=self.changed_warning)
        pending_imports.discard(pending.key)
        text, buttons = self.done(pending.name, plan)
        messages.success(request, text, buttons=buttons)
        return redirect(self.import_url())


class ExportView(WagtailAdminTemplateMixin, TemplateView):
    """The export's screen: a page offering the formats, or with `?format=` one of `formats`
    the file, named `infomie-<file_name()>-<date>` (`-excel` for French Excel's), never cached.
    A subclass names the file (`file_name`) and writes it into the response (`write`)."""

    header_icon = "download"
    formats = {}  # format: (extension, content type)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") in self.formats:
            return self.download(request.GET["format"])
        return super().get(request, *args, **kwargs)

    def file_name(self):
        raise NotImplementedError

    def write(self, export_format, response):
        raise NotImplementedError

    def download(self, export_format):
        extension, content_type = self.formats[export_format]
        response = HttpResponse(content_type=content_type)
        self.write(export_format, response)
        suffix = "-excel" if export_format == "excel" else ""
        name = f"infomie-{self.file_name()}-{timezone.localdate():%Y-%m-%d}{suffix}.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        add_never_cache_headers(response)
        return response
