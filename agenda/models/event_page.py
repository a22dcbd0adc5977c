"""An event of the agenda: what visitors read, and what the listings, the calendars and
JSON-LD read from it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.i18n import LANGUAGE_CODES
from core.lookups import view_restrictions_exist
from core.models import BasePage

from ..calendar import event_calendar_response
from ..choices import Attendance, EventKind, EventStatus
from ..dates import paris_datetime, today
from ..fields import SPOKEN_LANGUAGE_NAMES, SpokenLanguagesField
from ..validation import event_errors

DESCRIPTION_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class EventQuerySet(PageQuerySet):
    def public(self):
        """Wagtail's, without its query when no page of the site is private."""
        return super().public() if view_restrictions_exist() else self

    def for_listing(self):
        return self.live().public().defer("description_fr", "description_en")

    def upcoming(self, day=None):
        """Not over yet on `day` (today in Paris): soonest first."""
        day = day or today()
        return self.filter(end_date__gte=day).order_by("start_date", "start_time", "pk")

    def past(self, day=None):
        """Over before `day`: latest first."""
        day = day or today()
        return self.filter(end_date__lt=day).order_by("-start_date", "-start_time", "-pk")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventPage(RoutablePageMixin, BasePage):
    """A conference, a training session, a webinar, a hearing: when, where (or online), who
    organises it, how to register. Its page says when it is over, cancelled or postponed;
    its `ics/` route gives it to a calendar application."""

    description = RichTextField(
        pgettext_lazy("agenda", "description"), features=DESCRIPTION_FEATURES
    )
    kind = models.CharField(
        pgettext_lazy("agenda", "kind"), max_length=20, choices=EventKind, default=EventKind.OTHER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EventStatus,
        default=EventStatus.SCHEDULED,
        help_text=_("A cancelled or postponed event stays online and says so."),
    )
    start_date = models.DateField(pgettext_lazy("agenda", "start date"))
    start_time = models.TimeField(
        pgettext_lazy("agenda", "start time"),
        null=True,
        blank=True,
        help_text=_("Paris time. Leave empty for an event that lasts the whole day."),
    )
    end_date = models.DateField(
        pgettext_lazy("agenda", "end date"),
        null=True,
        blank=True,
        help_text=_("For an event over several days. Left empty: the same day."),
    )
    end_time = models.TimeField(
        pgettext_lazy("agenda", "end time"), null=True, blank=True, help_text=_("Paris time.")
    )
    attendance = models.CharField(
        pgettext_lazy("agenda", "attendance"),
        max_length=20,
        choices=Attendance,
        default=Attendance.IN_PERSON,
    )
    venue_name = models.CharField(pgettext_lazy("agenda", "venue"), max_length=200, blank=True)
    address = models.CharField(pgettext_lazy("agenda", "address"), max_length=300, blank=True)
    postcode = models.CharField(pgettext_lazy("agenda", "postcode"), max_length=20, blank=True)
    city = models.CharField(
        pgettext_lazy("agenda", "city"), max_length=100, blank=True, db_index=True
    )
    online_url = models.URLField(
        pgettext_lazy("agenda", "online link"),
        max_length=500,
        blank=True,
        help_text=_("Shown to visitors only from the day before the event."),
    )
    organiser = models.CharField(pgettext_lazy("agenda", "organiser"), max_length=200)
    registration_url = models.URLField(
        pgettext_lazy("agenda", "registration link"),
        max_length=500,
        blank=True,
        help_text=_('Left empty: the page says "no registration needed".'),
    )
    price = models.DecimalField(
        _("price (euros)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Left empty or 0: free."),
    )
    price_details = models.CharField(
        pgettext_lazy("agenda", "price details"),
        max_length=300,
        blank=True,
        help_text=_('For example "reduced rate for students: 20 €".'),
    )
    spoken_languages = SpokenLanguagesField(pgettext_lazy("agenda", "languages spoken"))
    themes = ParentalManyToManyField(
        "articles.Theme", related_name="events", verbose_name=_("themes"), blank=True
    )

    objects = EventManager()

    template = "pages/event_page.html"

    class Meta:
        verbose_name = pgettext_lazy("agenda", "event")
        verbose_name_plural = pgettext_lazy("agenda", "events")
        indexes = [models.Index(fields=["end_date", "start_date"], name="event_upcoming")]

    def clean(self):
        super().clean()
        if self.start_date and not self.end_date:
            self.end_date = self.start_date
        errors = event_errors(self)
        reserved = {
            slug
            for parent in self.allowed_parent_page_models()
            for slug in getattr(parent, "reserved_child_slugs", ())
        }
        for code in LANGUAGE_CODES:
            if getattr(self, f"slug_{code}", None) in reserved:
                errors[f"slug_{code}"] = _("This address is taken by the agenda: choose another.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start_date and not self.end_date:
            self.end_date = self.start_date
        super().save(*args, **kwargs)

    @path("")
    def event(self, request):
        return self.render(request)

    @path("ics/", name="ics")
    def ics(self, request):
        return event_calendar_response(self, request)

    def ics_url(self, request=None):
        return self.get_url(request=request) + self.reverse_subpage("ics")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["breadcrumbs"] = [self.get_routed_parent()]
        context["themes"] = list(self.themes.all())
        context["meta_description"] = self.summary
        return context

    # What visitors read -----------------------------------------------------------------

    @property
    def last_day(self):
        return self.end_date or self.start_date

    @property
    def is_all_day(self):
        return self.start_time is None

    @property
    def is_multi_day(self):
        return self.last_day != self.start_date

    @property
    def is_past(self):
        return self.last_day < today()

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_postponed(self):
        return self.status == EventStatus.POSTPONED

    @property
    def is_online(self):
        return self.attendance in (Attendance.ONLINE, Attendance.MIXED)

    @property
    def is_in_person(self):
        return self.attendance in (Attendance.IN_PERSON, Attendance.MIXED)

    @property
    def online_link_visible(self):
        """The online link is given from the day before the event until its end, unless it
        is cancelled or postponed."""
        if not self.online_url or self.status != EventStatus.SCHEDULED or self.is_past:
            return False
        return today() >= self.start_date - datetime.timedelta(days=1)

    @property
    def is_free(self):
        return not self.price

    @property
    def starts_at(self):
        """Aware start (Paris) for a timed event, the start date for an all-day one."""
        return (
            self.start_date if self.is_all_day else paris_datetime(self.start_date, self.start_time)
        )

    @property
    def ends_at(self):
        """Aware end for a timed event (its end time, or its start time when none is given);
        the last day for an all-day one."""
        if self.is_all_day:
            return self.last_day
        return paris_datetime(self.last_day, self.end_time or self.start_time)

    @property
    def place_line(self):
        """ "Venue, address, postcode city" as one line (calendars' LOCATION)."""
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.venue_name, self.address, town) if part)

    @property
    def spoken_language_names(self):
        return [str(SPOKEN_LANGUAGE_NAMES[code]) for code in self.spoken_languages or []]

    @property
    def summary(self):
        """The description as one plain paragraph of at most 200 characters."""
        text = " ".join(strip_tags(str(self.description or "")).split())
        return Truncator(text).chars(200)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=pgettext_lazy("agenda", "When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldPanel("venue_name"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldPanel("online_url"),
            ],
            heading=pgettext_lazy("agenda", "Where"),
        ),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("organiser"),
                FieldPanel("registration_url"),
                FieldRowPanel([FieldPanel("price"), FieldPanel("price_details")]),
                FieldPanel("spoken_languages"),
            ],
            heading=pgettext_lazy("agenda", "Practical information"),
        ),
        FieldPanel("themes", widget=CheckboxSelectMultiple),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("organiser"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.RelatedFields("themes", [index.SearchField("name")]),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["agenda.EventIndexPage"]
    subpage_types = []
