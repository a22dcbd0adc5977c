"""The languages spoken at an event: a few codes, ticked in the admin, stored as one column
("fr en") so that a listing reads them without a join."""

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

SPOKEN_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("de", _("German")),
    ("ar", _("Arabic")),
    ("pt", _("Portuguese")),
    ("fsl", _("French Sign Language")),
]
SPOKEN_LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [code for code in value if code in SPOKEN_LANGUAGE_NAMES]
    return [code for code in str(value).split() if code in SPOKEN_LANGUAGE_NAMES]


class SpokenLanguagesField(models.CharField):
    """A list of language codes (SPOKEN_LANGUAGES), in the order of that list."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return _as_list(value)

    def to_python(self, value):
        return _as_list(value)

    def get_prep_value(self, value):
        codes = set(_as_list(value))
        return " ".join(code for code, _label in SPOKEN_LANGUAGES if code in codes)

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=SPOKEN_LANGUAGES,
            required=not self.blank,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )
