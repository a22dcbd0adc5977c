"""Helpers for reading per-language fields (django-modeltranslation) without guessing."""

from urllib.parse import urlencode

from django.conf import settings
from django.utils import translation

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def current_language():
    lang = translation.get_language() or DEFAULT_LANGUAGE
    lang = lang.split("-")[0]
    return lang if lang in LANGUAGE_CODES else DEFAULT_LANGUAGE


def has_value(value):
    if value is None:
        return False
    if hasattr(value, "raw_data"):  # StreamValue
        return len(value) > 0
    return bool(str(value).strip())


def language_of(obj, field_name, lang=None):
    """The language the visitor actually reads for `field_name`: the active one when it is
    filled in, otherwise the fallback language (French)."""
    lang = lang or current_language()
    if has_value(getattr(obj, f"{field_name}_{lang}", None)):
        return lang
    return DEFAULT_LANGUAGE


def shown_value(obj, field_name, lang):
    """`field_name` of `obj` as a visitor reading `lang` sees it: in `lang`, or in French where
    it is empty there ("" when neither has it)."""
    value = getattr(obj, f"{field_name}_{lang}", None)
    if not value and lang != DEFAULT_LANGUAGE:
        value = getattr(obj, f"{field_name}_{DEFAULT_LANGUAGE}", None)
    return value if value is not None else ""


def sorted_query(query):
    """A QueryDict's parameters in a fixed order: a page's links do not depend on the order
    a visitor typed them in (the page cache keeps one page for both)."""
    return urlencode(sorted(query.lists()), doseq=True)
