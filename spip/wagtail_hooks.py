from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from editorial.interchange_views import can_exchange_articles

from .views import SpipConfirmView, SpipImportView, SpipRunView


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return can_exchange_articles(request.user)


@hooks.register("register_admin_urls")
def register_spip_import_url():
    return [
        path("spip-import/", SpipImportView.as_view(), name="spip_import"),
        path("spip-import/<int:pk>/", SpipRunView.as_view(), name="spip_import_run"),
        path(
            "spip-import/<int:pk>/confirm/", SpipConfirmView.as_view(), name="spip_import_confirm"
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_spip_import_menu_item():
    return ModeratorMenuItem(
        _("Import a SPIP site"), reverse("spip_import"), icon_name="upload", order=900
    )
