"""The admin's form of every page (BasePage.base_form_class)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from wagtail.admin.forms import WagtailAdminPageForm

SLUG_IN_USE = "This slug is already in use"


class BasePageForm(WagtailAdminPageForm):
    def full_clean(self):
        super().full_clean()
        # wagtail-modeltranslation says a slug is taken while the *field's* language is
        # active: "This slug is already in use" on slug_en for a French editor. Said again in
        # the editor's language.
        said = {_in(code, SLUG_IN_USE) for code, _name in settings.LANGUAGES}
        for errors in (self._errors or {}).values():
            for index, error in enumerate(errors.data):
                message = error.message if isinstance(error, ValidationError) else error
                if str(message) in said:
                    errors.data[index] = ValidationError(gettext(SLUG_IN_USE))


def _in(language, message):
    with translation.override(language):
        return gettext(message)
