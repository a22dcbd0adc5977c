"""The one theme taxonomy: what visitors browse the news by and editors file articles under."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.caching import kept
from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language, has_value
from core.widgets import LengthCountedTextarea

SLUG_RE = re.compile(r"[-\w]{1,100}")


class ThemeQuerySet(models.QuerySet):
    def in_display_order(self):
        """Alphabetical in the visitor's language (French names where English is missing)."""
        lang = current_language()
        name = Coalesce(NullIf(f"name_{lang}", Value("")), f"name_{DEFAULT_LANGUAGE}")
        return self.order_by(name, "pk")

    def by_slug(self, slug):
        """The theme whose slug in the visitor's language (or in French) is `slug`, or None."""
        if not slug or not SLUG_RE.fullmatch(slug):
            return None
        lang = current_language()
        match = Q(**{f"slug_{lang}": slug}) | Q(**{f"slug_{DEFAULT_LANGUAGE}": slug})
        themes = sorted(self.filter(match), key=lambda t: getattr(t, f"slug_{lang}") != slug)
        return themes[0] if themes else None


class Theme(index.Indexed, models.Model):
    """A subject articles are filed under (human trafficking, unaccompanied minors…).
    Visitors browse the news by theme; editors pick one or more per article. Visitors also
    find an article by the names of its themes (articles.search keeps that current)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("The theme's address. Filled in from the name when left empty."),
    )
    description = models.TextField(_("short description"), blank=True, max_length=500)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name or ""

    def save(self, *args, **kwargs):
        self.fill_slugs()
        super().save(*args, **kwargs)

    @property
    def translated_languages(self):
        return [code for code in LANGUAGE_CODES if has_value(getattr(self, f"name_{code}", None))]

    def fill_slugs(self):
        for code in LANGUAGE_CODES:
            name = getattr(self, f"name_{code}", None)
            if name and not getattr(self, f"slug_{code}", None):
                setattr(self, f"slug_{code}", slugify(name)[:100])

    def clean(self):
        super().clean()
        self.fill_slugs()
        errors = {}
        others = Theme.objects.exclude(pk=self.pk)
        for code in LANGUAGE_CODES:
            slug = getattr(self, f"slug_{code}", None)
            if slug and others.filter(**{f"slug_{code}": slug}).exists():
                errors[f"slug_{code}"] = _("Another theme already uses this address.")
        if errors:
            raise ValidationError(errors)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description", widget=LengthCountedTextarea),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("description"),
    ]


def theme_by_slug(slug):
    """`Theme.objects.by_slug(slug)` for the visitor's language, from the themes kept until
    the next content change (themes_in_display_order)."""
    if not slug or not SLUG_RE.fullmatch(slug):
        return None
    lang = current_language()
    themes = themes_in_display_order()
    for slug_field in (f"slug_{lang}", f"slug_{DEFAULT_LANGUAGE}"):
        for theme in themes:
            if getattr(theme, slug_field) == slug:
                return theme
    return None


def themes_in_display_order():
    """Every theme, in display order for the visitor's language: the home page and every
    listing show them all. Their rows are kept until the next content change (saving or
    deleting a theme purges the page cache: articles.signals); fresh instances per call."""
    names = [field.attname for field in Theme._meta.concrete_fields]
    rows = kept(
        f"articles:themes:{current_language()}",
        lambda: list(Theme.objects.in_display_order().values_list(*names)),
    )
    return [Theme.from_db("default", names, row) for row in rows]
