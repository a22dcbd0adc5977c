"""The moderators' screens for reviews: the guides due or overdue, and "reviewed, still
accurate" (a POST that moves the review date, nothing else)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .models import GuidePage
from .review import guides_due, mark_guide_reviewed

REVIEW_PERMISSION = "guides.review_guide"
# The list also shows the guides coming due within this many days.
UPCOMING_DAYS = 30


def can_review(user):
    return user.has_perm(REVIEW_PERMISSION)


class GuidesToReviewView(WagtailAdminTemplateMixin, TemplateView):
    """ "Guides to review": every guide whose review is due or overdue, or comes due within a
    month, the most overdue first, with a button to confirm each one is still accurate."""

    template_name = "guides/review_list.html"
    page_title = _("Guides to review")
    header_icon = "date"

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["guides"] = guides_due(lead_days=UPCOMING_DAYS)
        context["today"] = timezone.localdate()
        return context


@require_POST
def mark_reviewed(request, pk):
    if not can_review(request.user):
        raise PermissionDenied
    guide = get_object_or_404(GuidePage, pk=pk)
    mark_guide_reviewed(guide, user=request.user)
    messages.success(
        request,
        _("“%(title)s” is marked as reviewed today; next review due on %(due)s.")
        % {"title": guide.title, "due": guide.review_due.strftime("%d/%m/%Y")},
    )
    return redirect("guides_to_review")
