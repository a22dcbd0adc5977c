from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.listings import NamedListingMixin

from .models import Theme


class ThemeViewSet(NamedListingMixin, SnippetViewSet):
    model = Theme
    add_item_label = _("Add a theme")
    no_items_message = _("There are no themes yet.")
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name_fr", "name_en", "slug_fr", "slug_en"]
    search_fields = ["name_fr", "name_en"]


register_snippet(ThemeViewSet)
