"""The admin's form of the library's pages."""

from core.i18n import LANGUAGE_CODES
from core.page_forms import BasePageForm


class LibraryPageForm(BasePageForm):
    """Addresses may be left empty: a decision's are built from its court, date and number
    (it has no title field for the admin's script to fill them from), a document's from its
    title, when the page is saved."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code in LANGUAGE_CODES:
            field = self.fields.get(f"slug_{code}")
            if field is not None:
                field.required = False
