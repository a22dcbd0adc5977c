from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .review import REVIEWED_ACTION, guides_due
from .views import GuidesToReviewView, can_review, mark_reviewed

PANEL_LENGTH = 8


@hooks.register("register_log_actions")
def register_review_action(actions):
    actions.register_action(
        REVIEWED_ACTION, _("Reviewed"), _("Reviewed: still accurate, text unchanged")
    )


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path("guides/to-review/", GuidesToReviewView.as_view(), name="guides_to_review"),
        path("guides/<int:pk>/reviewed/", mark_reviewed, name="guides_mark_reviewed"),
    ]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        _("Guides to review"), reverse("guides_to_review"), icon_name="date", order=170
    )


class GuidesDuePanel(Component):
    """On the dashboard of moderators: the guides whose review is due, the oldest first."""

    name = "guides_due"
    order = 150
    template_name = "guides/review_panel.html"

    def get_context_data(self, parent_context):
        guides = list(guides_due()[: PANEL_LENGTH + 1])
        return {
            "guides": guides[:PANEL_LENGTH],
            "more": len(guides) > PANEL_LENGTH,
            "request": parent_context.get("request"),
        }


@hooks.register("construct_homepage_panels")
def add_guides_due_panel(request, panels):
    if can_review(request.user):
        panels.append(GuidesDuePanel())
