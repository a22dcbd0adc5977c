"""The notices in Wagtail's admin: a list that says which notice is live now and which are
scheduled, a one-click switch on each row, and a warning when a suspension is long enough
for search engines to drop pages."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.listings import NamedListingMixin

from .models import Notice, NoticeStatus


class SwitchColumn(Column):
    """A button that switches the notice on or off in one click."""

    cell_template_name = "notices/admin/switch_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["switch_url"] = reverse("notices_switch", args=[instance.pk])
        context["notice"] = instance
        # Table cells render with a context of their own: bring the CSRF token along.
        request = parent_context.get("request")
        context["csrf_token"] = get_token(request) if request is not None else ""
        return context


class LocalDateTimeColumn(Column):
    """A date and time in the site's time zone (Paris), as editors set it."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")


class NoticeViewSet(NamedListingMixin, SnippetViewSet):
    model = Notice
    add_item_label = _("Add a notice")
    no_items_message = _("There are no notices yet.")
    icon = "warning"
    menu_label = _("Notices")
    menu_order = 210
    add_to_admin_menu = True
    list_display = [
        "name",
        Column("level", label=capfirst(_("level")), accessor="get_level_display"),
        StatusTagColumn(
            "status",
            label=capfirst(_("status")),
            accessor="get_status_display",
            primary=lambda notice: notice.status() == NoticeStatus.LIVE,
        ),
        LocalDateTimeColumn("starts_at", label=capfirst(_("starts at"))),
        LocalDateTimeColumn("ends_at", label=capfirst(_("ends at"))),
        SwitchColumn("switch", label=capfirst(_("switch"))),
    ]
    list_filter = ["level", "enabled"]
    search_fields = ["name", "message_fr", "message_en"]


register_snippet(NoticeViewSet)


@require_POST
@permission_required("notices.change_notice", raise_exception=True)
def switch_notice(request, pk):
    """Off goes off at once; a suspension goes on only once the editor has read what
    visitors will see and for how long, and confirmed."""
    notice = get_object_or_404(Notice, pk=pk)
    if notice.is_suspension and not notice.enabled and request.POST.get("confirm") != "1":
        return confirm_suspension(request, notice)
    notice.enabled = not notice.enabled
    notice.save(update_fields=["enabled", "updated_at"])
    if notice.enabled:
        messages.success(request, gettext("“%(name)s” is switched on.") % {"name": notice.name})
        warn_if_long_suspension(request, notice)
    else:
        messages.success(request, gettext("“%(name)s” is switched off.") % {"name": notice.name})
    return redirect("wagtailsnippets_notices_notice:list")


def confirm_suspension(request, notice, switch_url=None, resubmitted=()):
    """The page that asks before a suspension goes on; its button posts to `switch_url` (the
    list's switch by default) the `resubmitted` form fields and confirm=1."""
    list_url = reverse("wagtailsnippets_notices_notice:list")
    title = gettext("Suspend access to the site?")
    now = timezone.now()
    return TemplateResponse(
        request,
        "notices/admin/confirm_suspension.html",
        {
            "notice": notice,
            "header_title": title,
            "page_title": title,
            "header_icon": "warning",
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": gettext("Home")},
                {"url": list_url, "label": capfirst(Notice._meta.verbose_name_plural)},
                {"url": "", "label": title},
            ],
            "starts_later": notice.starts_at is not None and notice.starts_at > now,
            "already_over": notice.ends_at is not None and notice.ends_at <= now,
            "switch_url": switch_url or reverse("notices_switch", args=[notice.pk]),
            "resubmitted": resubmitted,
            "list_url": list_url,
        },
    )


@hooks.register("register_admin_urls")
def register_switch_url():
    return [path("notices/switch/<int:pk>/", switch_notice, name="notices_switch")]


def warn_if_long_suspension(request, notice):
    if notice.enabled and notice.is_longer_than_search_engines_tolerate:
        messages.warning(
            request,
            gettext(
                "This suspension has no end date or lasts more than two days: search engines "
                "drop pages that stay unavailable for more than a couple of days."
            ),
        )


@hooks.register("before_create_snippet")
def confirm_suspension_before_create(request, model):
    if model is Notice:
        return confirm_suspension_from_form(request, Notice())
    return None


@hooks.register("before_edit_snippet")
def confirm_suspension_before_edit(request, instance):
    if isinstance(instance, Notice):
        return confirm_suspension_from_form(request, instance)
    return None


def confirm_suspension_from_form(request, notice):
    """Saving the form with a suspension switched on that was not on asks first, as the list's
    switch does: the confirmation page posts the same form again, confirmed. An invalid form
    goes on to Wagtail, which shows its errors and saves nothing."""
    if request.method != "POST" or request.POST.get("confirm") == "1":
        return None
    if notice.pk and notice.enabled and notice.is_suspension:
        return None  # already on: editing its text or dates asks nothing
    form_class = NoticeViewSet().get_edit_handler().get_form_class()
    form = form_class(request.POST, request.FILES, instance=Notice(), for_user=request.user)
    if not form.is_valid():
        return None
    submitted = form.save(commit=False)
    if not (submitted.is_suspension and submitted.enabled):
        return None
    resubmitted = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in {"csrfmiddlewaretoken", "confirm"}
        for value in values
    ]
    return confirm_suspension(request, submitted, request.get_full_path(), resubmitted)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def after_notice_saved(request, instance):
    if isinstance(instance, Notice):
        warn_if_long_suspension(request, instance)


@hooks.register("insert_global_admin_js")
def notice_form_js():
    return format_html('<script src="{}" defer></script>', static("notices/js/notice_form.js"))


class LiveNoticesPanel(Component):
    """On the admin's dashboard: what visitors see now, and what is scheduled."""

    name = "live_notices"
    order = 50
    template_name = "notices/admin/live_notices_panel.html"

    def get_context_data(self, parent_context):
        current = list(Notice.objects.current())
        return {
            "live": [n for n in current if n.status() == NoticeStatus.LIVE],
            "scheduled": [n for n in current if n.status() == NoticeStatus.SCHEDULED],
            "list_url": reverse("wagtailsnippets_notices_notice:list"),
        }


@hooks.register("construct_homepage_panels")
def add_live_notices_panel(request, panels):
    if request.user.has_perm("notices.change_notice"):
        panels.append(LiveNoticesPanel())
