"""A page's slug is free in each language when no sibling has it there: checked with one
indexed query per language.

wagtail-modeltranslation checks the same rule by loading every sibling page, once per language,
in each translated model's `clean()` (which it wraps) and again in the admin form it puts over
`base_form_class`: publishing an article among 10,000 loaded 40,000 pages and kept the
coordinator waiting 4 to 17 seconds (docs/benchmarks.md). Here, in one place, its wrappers are
taken off and the rule is kept: a sibling's slug in a language is its own, or its French one
when it has none (`MODELTRANSLATION_FALLBACK_LANGUAGES`), as routing reads it (`slug_match`).

Unwrapping its `clean()` reads the function it wrapped from the wrapper's closure
(`inspect.getclosurevars`); `tests/test_translated_slugs.py` fails if the library changes how
it wraps, or if a page model escapes the unwrapping."""

import inspect

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import Q
from django.utils.translation import gettext

from .i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES

SLUG_IN_USE = "This slug is already in use"
_WRAPPER = "_patch_clean.<locals>.clean"


def slug_match(lang, slug):
    """Pages at `slug` in `lang`, or, when they have no slug in `lang`, at their French one."""
    match = Q(**{f"slug_{lang}": slug})
    if lang != DEFAULT_LANGUAGE:
        untranslated = Q(**{f"slug_{lang}__isnull": True}) | Q(**{f"slug_{lang}": ""})
        match |= untranslated & Q(**{f"slug_{DEFAULT_LANGUAGE}": slug})
    return match


def slugs_in_use(parent, slugs, page=None):
    """{field name: message} for each of `slugs` ({language: slug}) that a child of `parent`
    other than `page` already answers to in that language."""
    if parent is None:
        return {}
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    return {
        f"slug_{lang}": gettext(SLUG_IN_USE)
        for lang, slug in slugs.items()
        if slug and siblings.filter(slug_match(lang, slug)).exists()
    }


def effective_slugs(page):
    """{language: the slug `page` answers to in it}: its own, or its French one."""
    french = getattr(page, f"slug_{DEFAULT_LANGUAGE}", None) or page.slug
    return {lang: getattr(page, f"slug_{lang}", None) or french for lang in LANGUAGE_CODES}


def _checked_clean(wrapped):
    def clean(self):
        errors = slugs_in_use(self.get_parent(), effective_slugs(self), self)
        if errors:
            raise ValidationError(errors)
        wrapped(self)

    clean.__name__ = "clean"
    clean.__qualname__ = f"{getattr(wrapped, '__qualname__', 'clean')} (slugs by query)"
    return clean


def check_slugs_by_query(models):
    """Take wagtail-modeltranslation's sibling scans off `models` (the page models it
    patched): their `clean()` checks slugs by query, their admin form is the one they
    declared (`BasePageForm`, whose `clean()` does the same)."""
    for model in models:
        patched = model.__dict__.get("clean")
        if patched is not None and patched.__qualname__ == _WRAPPER:
            wrapped = inspect.getclosurevars(patched).nonlocals.get("old_clean")
            if wrapped is None:
                raise ImproperlyConfigured(
                    "wagtail-modeltranslation no longer wraps clean() as core/translated_slugs.py"
                    " expects: check how it validates slugs now."
                )
            model.clean = _checked_clean(wrapped)
        form_class = model.__dict__.get("base_form_class")
        if form_class is not None and form_class.__name__ == "WagtailFixedAdminPageForm":
            model.base_form_class = form_class.__mro__[1]  # the form it was put over
            model.get_edit_handler.cache_clear()
