"""A court decision: the case law section's page."""

from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField

from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, shown_value
from core.slugs import ascii_slug

from .fields import file_field, themes_field, web_link_field
from .library_page import SUMMARY_FEATURES, LibraryPage

DECISION_KINDS = [
    ("arret", pgettext_lazy("decision kind", "judgment")),
    ("ordonnance", pgettext_lazy("decision kind", "order")),
    ("jugement", pgettext_lazy("decision kind", "first-instance judgment")),
    ("decision", pgettext_lazy("decision kind", "decision")),
    ("avis", pgettext_lazy("decision kind", "opinion")),
    ("constatations", pgettext_lazy("decision kind", "views")),
]


class DecisionPage(LibraryPage):
    """A decision of a court: who decided what and when, our two-part summary (the facts, the
    decision) in each language, extracts, the decision's file and its official source."""

    court = models.ForeignKey(
        "library.Court", on_delete=models.PROTECT, related_name="decisions", verbose_name=_("court")
    )
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("For a lower court: where it sits.")
    )
    kind = models.CharField(_("kind of decision"), max_length=20, choices=DECISION_KINDS)
    number = models.CharField(
        _("number"), max_length=100, blank=True, help_text=_('Without "n°": 469352, 21/01234.')
    )
    ecli = models.CharField(_("ECLI"), max_length=100, blank=True)
    decision_date = models.DateField(_("date of the decision"))
    custom_title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_(
            "Leave empty to have it built: \"Conseil d'État, ordonnance n° 469352 du 15 décembre "
            '2022".'
        ),
    )
    facts = RichTextField(_("summary: the facts"), blank=True, features=SUMMARY_FEATURES)
    ruling = RichTextField(_("summary: the decision"), blank=True, features=SUMMARY_FEATURES)
    extracts = RichTextField(_("extracts"), blank=True, features=SUMMARY_FEATURES)
    decision_file = file_field(_("the decision (PDF)"))
    source_url = web_link_field(
        _("official source"), help_text=_("Légifrance, Judilibre, HUDOC, EUR-Lex…")
    )
    themes = themes_field("decisions")
    lower_decisions = ParentalManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="higher_decisions",
        verbose_name=_("earlier decisions in the same proceedings"),
        help_text=_("The decision appealed against, the first-instance one…"),
    )

    template = "pages/decision_page.html"
    date_field = "decision_date"
    file_field = "decision_file"
    link_field = "source_url"
    summary_fields = ("facts", "ruling")
    searched_fields = ("title", "facts", "ruling", "extracts")
    searched_plain_fields = ("court__name_fr", "court__name_en", "number", "ecli", "city")

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        indexes = [models.Index(fields=["decision_date", "page_ptr"], name="decision_newest")]

    def full_clean(self, *args, **kwargs):
        self.fill_titles()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        self.fill_titles()
        super().minimal_clean()

    def fill_titles(self):
        """Each language's title: the editor's own, or one built from the fields."""
        if self.court_id is None or self.decision_date is None:
            return
        for code in LANGUAGE_CODES:
            custom = getattr(self, f"custom_title_{code}", None)
            if code != DEFAULT_LANGUAGE and not custom and not self._has_english_summary(code):
                # Not written in that language: shown in French, like an article.
                setattr(self, f"title_{code}", custom or None)
                continue
            setattr(self, f"title_{code}", custom or self.built_title(code))

    def _has_english_summary(self, code):
        return any(getattr(self, f"{name}_{code}", None) for name in ("facts", "ruling"))

    def built_title(self, lang):
        """ "Conseil d'État, ordonnance n° 469352 du 15 décembre 2022" in `lang`."""
        with translation.override(lang):
            court = shown_value(self.court, "name", lang)
            if self.city:
                if lang == "fr":
                    joint = "d’" if self.city[:1].lower() in "aeiouyéèâîh" else "de "
                    court = f"{court} {joint}{self.city}"
                else:
                    court = f"{court}, {self.city}"
            values = {
                "court": court,
                "kind": self.get_kind_display(),
                "number": self.number,
                "date": date_format(self.decision_date, "j F Y"),
            }
            if self.number:
                return _("%(court)s, %(kind)s no. %(number)s of %(date)s") % values
            return _("%(court)s, %(kind)s of %(date)s") % values

    def fill_translated_slugs(self):
        """Addresses from the court, the date and the number, set once: a title edited later
        leaves them as they are."""
        if self.court_id is not None and self.decision_date is not None:
            parent = None
            if self.path or getattr(self, "_cached_parent_obj", None):
                parent = self.get_parent()
            if parent is not None:
                for code in LANGUAGE_CODES:
                    if getattr(self, f"slug_{code}", None) or not getattr(
                        self, f"title_{code}", None
                    ):
                        continue  # set once; none in a language it is not written in
                    court = getattr(self.court, f"slug_{code}", None) or self.court.slug_fr
                    base = ascii_slug(f"{court} {self.decision_date.isoformat()} {self.number}")
                    setattr(self, f"slug_{code}", self._free_slug(parent, base[:80]))
        super().fill_translated_slugs()

    def get_context(self, request, *args, **kwargs):
        if not self.title_fr:  # a preview of a new decision: its form has no title
            self.fill_titles()
        context = super().get_context(request, *args, **kwargs)
        related = DecisionPage.objects.for_listing().select_related("court")
        context["lower_decisions"] = list(related.filter(higher_decisions=self))
        context["higher_decisions"] = list(related.filter(lower_decisions=self))
        return context

    def searched_extras(self, lang):
        court = shown_value(self.court, "name", lang)
        return [court, self.number, self.ecli, self.city]

    def json_ld(self, themes, file_url):
        # schema.org has no type for a court decision: a creative work, by its court.
        data = super().json_ld(themes, file_url)
        data.update(
            {
                "@type": "CreativeWork",
                "genre": str(self.get_kind_display()),
                "dateCreated": self.decision_date.isoformat(),
                "author": {"@type": "GovernmentOrganization", "name": self.court.name},
            }
        )
        if self.ecli or self.number:
            data["identifier"] = self.ecli or self.number
        if self.source_url:
            data["sameAs"] = self.source_url
        return data

    content_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("court"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("kind"), FieldPanel("decision_date")]),
                FieldRowPanel([FieldPanel("number"), FieldPanel("ecli")]),
                FieldPanel("custom_title"),
            ],
            heading=_("The decision"),
        ),
        FieldPanel("facts"),
        FieldPanel("ruling"),
        FieldPanel("extracts"),
        FieldPanel("decision_file"),
        FieldPanel("source_url"),
        FieldPanel("themes", widget=CheckboxSelectMultiple),
        FieldPanel("lower_decisions"),
    ]

    parent_page_types = ["library.DecisionIndexPage"]
    subpage_types = []
