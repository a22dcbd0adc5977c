"""The courts and committees whose decisions the case law section holds: a list moderators
keep (snippets), with French and English names."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, current_language
from core.slugs import ascii_slug

JURISDICTIONS = [
    ("france", _("France")),
    ("europe", _("Europe")),
    ("international", _("International")),
    ("other", _("Another country")),
]


class Court(models.Model):
    """A court (Conseil d'État, a cour d'appel, the European Court of Human Rights…) or a
    committee (the UN Committee on the Rights of the Child)."""

    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_('As a decision\'s title starts: "Conseil d\'État", "Tribunal administratif".'),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        blank=True,
        help_text=_("Used in addresses. Filled in from the name when left empty."),
    )
    jurisdiction = models.CharField(
        _("jurisdiction"), max_length=20, choices=JURISDICTIONS, default="france"
    )
    country = models.CharField(
        _("country"),
        max_length=100,
        blank=True,
        help_text=_("For a court of another country."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers come first in the filters.")
    )

    class Meta:
        verbose_name = _("court")
        verbose_name_plural = _("courts")
        ordering = ["sort_order", "name_fr", "pk"]

    def __str__(self):
        return self.name or ""

    def save(self, *args, **kwargs):
        for code in LANGUAGE_CODES:
            name = getattr(self, f"name_{code}", None)
            if name and not getattr(self, f"slug_{code}", None):
                setattr(self, f"slug_{code}", ascii_slug(name)[:100])
        super().save(*args, **kwargs)

    @property
    def filter_slug(self):
        """Its slug in the visitor's language, or in French."""
        return getattr(self, f"slug_{current_language()}", None) or getattr(
            self, f"slug_{DEFAULT_LANGUAGE}"
        )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("jurisdiction"),
        FieldPanel("country"),
        FieldPanel("sort_order"),
    ]
