from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.listings import NamedListingMixin

from .models import Court, DocumentText


class CourtViewSet(NamedListingMixin, SnippetViewSet):
    model = Court
    add_item_label = _("Add a court")
    no_items_message = _("There are no courts yet.")
    icon = "doc-full"
    menu_label = _("Courts")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name_fr", "name_en", "jurisdiction", "sort_order"]
    list_filter = ["jurisdiction"]
    search_fields = ["name_fr", "name_en"]


class DocumentTextViewSet(SnippetViewSet):
    """What was read from each uploaded file: editors see which PDFs could not be read
    (damaged, encrypted, scanned) and are not searched by their content."""

    model = DocumentText
    icon = "doc-full-inverse"
    menu_label = _("Texts of the PDFs")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["document", "status", "page_count", "characters", "duration_ms", "extracted_at"]
    list_filter = ["status"]
    inspect_view_enabled = True


register_snippet(CourtViewSet)
register_snippet(DocumentTextViewSet)
