"""Fields shared by the library's pages."""

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField

# The languages a document's file may be written in.
FILE_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("it", _("Italian")),
    ("de", _("German")),
    ("ar", _("Arabic")),
    ("other", _("Another language")),
]

# Official sources are web pages: no javascript:, data: or file: address reaches a visitor.
web_url_validator = URLValidator(schemes=["http", "https"])


class LanguageListField(models.CharField):
    """Several language codes, stored as ",fr,en," (so that `contains=",fr,"` finds a
    language on every database), edited as check boxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [code for code in value if code]
        return [code for code in (value or "").split(",") if code]

    def get_prep_value(self, value):
        if isinstance(value, list | tuple):
            return f",{','.join(value)}," if value else ""
        return value or ""

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        known = {code for code, _label in FILE_LANGUAGES}
        if any(code not in known for code in value):
            raise forms.ValidationError(_("Unknown language."))

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=FILE_LANGUAGES,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


# The fields a decision and a document both have, under their own names (defined here once).


def file_field(verbose_name):
    """The page's file: a Wagtail document (its text read on upload)."""
    return models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=verbose_name,
    )


def web_link_field(verbose_name, **kwargs):
    """An address on the web (http or https only)."""
    return models.URLField(
        verbose_name, max_length=500, blank=True, validators=[web_url_validator], **kwargs
    )


def themes_field(related_name):
    return ParentalManyToManyField(
        "articles.Theme", related_name=related_name, blank=True, verbose_name=_("themes")
    )
