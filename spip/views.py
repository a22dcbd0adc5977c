"""The SPIP import in the admin, for moderators: the same run as `import_spip`, outside the web
request (spip.background). A dry run first (nothing written); its page shows the progress, then
the report; from a dry run that went well the moderator confirms, and the import runs with the
same database, folder and mapping, all or nothing."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from editorial.interchange_views import ModeratorsOnlyMixin

from . import background
from .forms import SpipImportForm
from .models import ImportRun
from .report import Report

RECENT_RUNS = 10


class SpipImportView(ModeratorsOnlyMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "spip/import.html"
    page_title = gettext_lazy("Import a SPIP site")
    header_icon = "upload"
    form_class = SpipImportForm

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            active_run=background.active_run(),
            runs=ImportRun.objects.exclude(database="").select_related("user")[:RECENT_RUNS],
            **kwargs,
        )

    def form_valid(self, form):
        try:
            run = background.start(
                form.cleaned_data["database"],
                form.cleaned_data["img"],
                form.mapping(),
                dry_run=True,
                user=self.request.user,
            )
        except background.AlreadyRunning:
            form.add_error(None, _("An import is already running: wait until it has finished."))
            return self.form_invalid(form)
        return redirect("spip_import_run", run.pk)


class SpipRunView(ModeratorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Where a run is, or its report: the moderator reloads the page to follow it."""

    template_name = "spip/run.html"
    page_title = gettext_lazy("Following a SPIP import")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("spip_import"), "label": _("Import a SPIP site")},
            {"url": "", "label": self.page_title},
        ]

    def get_context_data(self, **kwargs):
        background.settle_dead_runs()  # once: below, the active runs are the live ones
        run = get_object_or_404(ImportRun.objects.select_related("user"), pk=self.kwargs["pk"])
        report = Report.from_dict(run.report) if run.report else None
        return super().get_context_data(
            run=run,
            report=report,
            lines=report.lines() if report else [],
            database=background.without_password(run.database),
            can_confirm=can_confirm(run) and not ImportRun.objects.filter(active=True).exists(),
            **kwargs,
        )


class SpipConfirmView(ModeratorsOnlyMixin, View):
    """The import itself, with what a dry run that went well was given."""

    def post(self, request, pk):
        dry_run = get_object_or_404(ImportRun, pk=pk)
        if not can_confirm(dry_run):
            messages.error(
                request,
                _("This dry run can no longer be confirmed: check the SPIP site again."),
            )
            return redirect("spip_import_run", pk)
        try:
            run = background.start(
                dry_run.database,
                dry_run.img,
                dry_run.mapping_text,
                dry_run=False,
                user=request.user,
            )
        except background.AlreadyRunning:
            messages.error(request, _("An import is already running: wait until it has finished."))
            return redirect("spip_import_run", pk)
        # The import has the address now: the dry run keeps it without its password.
        ImportRun.objects.filter(pk=dry_run.pk).update(
            database=background.without_password(dry_run.database)
        )
        return redirect("spip_import_run", run.pk)


def can_confirm(run):
    return (
        run.dry_run
        and run.status == ImportRun.FINISHED
        and run.succeeded
        and bool(run.database)
        and not ImportRun.objects.filter(pk__gt=run.pk, dry_run=False).exists()
    )
