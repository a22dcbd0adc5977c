"""The admin's form of every page (BasePage.base_form_class)."""

from wagtail.admin.forms import WagtailAdminPageForm

from .i18n import LANGUAGE_CODES
from .translated_slugs import slugs_in_use


class BasePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        # Each language's slug free among the siblings (core/translated_slugs.py), said in
        # the editor's language on the field concerned.
        slugs = {code: cleaned_data.get(f"slug_{code}") for code in LANGUAGE_CODES}
        for field, message in slugs_in_use(self.parent_page, slugs, self.instance).items():
            if field in self.fields and field not in self.errors:
                self.add_error(field, message)
        return cleaned_data
