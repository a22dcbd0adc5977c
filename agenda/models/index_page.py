"""The agenda section: upcoming events by month, the archive by year, and the calendars and
feed below it (routes, not pages)."""

import datetime
import itertools

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext, pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from articles.models import theme_by_slug, themes_in_display_order
from core.breadcrumbs import Crumb
from core.caching import kept
from core.i18n import LANGUAGE_CODES, current_language
from core.models import BasePage, sitemap_entries
from core.pagination import paginate

from ..calendar import build_calendar, calendar_response
from ..choices import EventKind
from ..dates import cache_until_tomorrow, today
from ..feeds import UpcomingEventsFeed
from ..filters import ONLINE, read_filters
from .event_page import EventPage

EVENTS_PER_PAGE = 20
# The calendars give the upcoming events and those of the last months (a subscriber still
# sees last week's training), at most this many.
CALENDAR_PAST_DAYS = 180
CALENDAR_LENGTH = 500
FIRST_YEAR, LAST_YEAR = 1990, 2200


class EventIndexPage(RoutablePageMixin, BasePage):
    """The agenda ("Agenda" / "Events"): upcoming events grouped by month, filtered by theme,
    city (or online) and kind; past events by year; an iCalendar feed per language (all, or
    one theme's) and an RSS feed of upcoming events."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    max_count = 1
    template = "pages/event_index_page.html"
    menu_order = 50
    # Slugs an event may not take: they are the routes below.
    reserved_child_slugs = ("archive", "ical", "rss", "themes")

    class Meta:
        verbose_name = pgettext_lazy("agenda", "agenda")

    def serve(self, request, *args, **kwargs):
        return cache_until_tomorrow(super().serve(request, *args, **kwargs))

    def get_sitemap_urls(self, request=None):
        """The agenda, its archive and each year of it, in each language."""
        entries = super().get_sitemap_urls(request)
        lastmod = self.last_published_at or self.latest_revision_created_at
        routes = [("archive", {})] + [("archive_year", {"year": y}) for y in self.archive_years()]
        for name, kwargs in routes:
            urls = {
                code: self.route_url(name, code, request, True, **kwargs) for code in LANGUAGE_CODES
            }
            entries += sitemap_entries(urls, lastmod)
        return entries

    def route_url(self, name, lang=None, request=None, full=False, **kwargs):
        with translation.override(lang or current_language()):
            base = self.get_full_url(request) if full else self.get_url(request)
        return base.rstrip("/") + "/" + self.reverse_subpage(name, kwargs=kwargs).lstrip("/")

    def calendar_url(self, theme=None, lang=None, request=None, full=False):
        if theme is None:
            return self.route_url("ical", lang, request, full)
        with translation.override(lang or current_language()):
            return self.route_url("theme_ical", lang, request, full, theme_slug=theme.slug)

    # Queries ------------------------------------------------------------------------------

    def events(self):
        return EventPage.objects.child_of(self).for_listing()

    def upcoming_events(self, theme=None):
        events = self.events().upcoming()
        return events if theme is None else events.filter(themes=theme)

    def archive_years(self):
        """The years in which past events started, latest first (kept for the day)."""
        day = today()
        return kept(
            f"agenda:years:{self.pk}:{day}",
            lambda: [d.year for d in self.events().past(day).dates("start_date", "year", "DESC")],
        )

    def cities(self):
        """The cities of the events, for the place filter (kept until the next change)."""
        return kept(
            f"agenda:cities:{self.pk}",
            lambda: list(
                self.events()
                .exclude(city="")
                .order_by("city")
                .values_list("city", flat=True)
                .distinct()
            ),
        )

    def listing_context(self, request, events, count_key):
        filters = read_filters(request.GET, self.cities())
        events = filters.apply(events)
        page = paginate(request, events, EVENTS_PER_PAGE, f"{count_key}:{filters.key}")
        return {
            "events_page": page,
            "filters": filters,
            "themes": themes_in_display_order(),
            "cities": self.cities(),
            "kinds": EventKind.choices,
            "online_value": ONLINE,
            "selected_theme": filters.theme,
        }

    # Routes -------------------------------------------------------------------------------

    @path("")
    def upcoming(self, request):
        day = today()
        context = self.listing_context(
            request, self.events().upcoming(day), f"agenda:count:{self.pk}:{day}"
        )
        context["months"] = by_month(context["events_page"].object_list)
        context["feeds"] = self.feeds(request, context["filters"].theme)
        return self.render(request, context_overrides=context)

    @path("archive/", name="archive")
    def archive(self, request):
        return self.render(
            request,
            template="pages/event_archive_page.html",
            context_overrides={
                "years": self.archive_years(),
                "breadcrumbs": [self],
                "breadcrumb_current": Crumb(pgettext_lazy("agenda", "Archive")),
                "meta_title": pgettext("agenda", "Past events"),
                "alternate_urls": {
                    c: self.route_url("archive", c, request) for c in LANGUAGE_CODES
                },
            },
        )

    @path("archive/<int:year>/", name="archive_year")
    def archive_year(self, request, year):
        if not FIRST_YEAR <= year <= LAST_YEAR or year not in self.archive_years():
            raise Http404("No event that year")
        day = today()
        events = self.events().past(day).filter(start_date__year=year)
        context = self.listing_context(request, events, f"agenda:count:{self.pk}:{day}:{year}")
        years = self.archive_years()
        query = request.GET.urlencode()
        context.update(
            {
                "year": year,
                "years": years,
                "breadcrumbs": [
                    self,
                    Crumb(
                        pgettext_lazy("agenda", "Archive"),
                        self.route_url("archive", request=request),
                    ),
                ],
                "breadcrumb_current": Crumb(str(year)),
                "meta_title": gettext_now("Past events in %(year)s") % {"year": year},
                "alternate_urls": {
                    c: self.route_url("archive_year", c, request, year=year)
                    + (f"?{query}" if query else "")
                    for c in LANGUAGE_CODES
                },
            }
        )
        return self.render(
            request, template="pages/event_archive_year_page.html", context_overrides=context
        )

    @path("ical/", name="ical")
    def ical(self, request):
        return self.calendar(request)

    @path("themes/<slug:theme_slug>/ical/", name="theme_ical")
    def theme_ical(self, request, theme_slug):
        theme = theme_by_slug(theme_slug)
        if theme is None:
            raise Http404("Unknown theme")
        return self.calendar(request, theme)

    @path("rss/", name="rss")
    def rss(self, request):
        return UpcomingEventsFeed()(request, index=self)

    def calendar(self, request, theme=None):
        lang = current_language()
        since = today() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
        # With their descriptions, which the calendar entries give.
        events = EventPage.objects.child_of(self).live().public()
        events = events.filter(end_date__gte=since).order_by("start_date", "pk")
        if theme is not None:
            events = events.filter(themes=theme)
        name = f"InfoMIE · {self.title}" + (f" · {theme.name}" if theme is not None else "")
        content = build_calendar(events[:CALENDAR_LENGTH], name, request)
        slug = f"-{theme.slug}" if theme is not None else ""
        return calendar_response(content, f"infomie-agenda{slug}-{lang}.ics")

    def feeds(self, request, theme=None):
        """The feeds the agenda announces (<link rel="alternate">) and links to."""
        feeds = []
        if theme is not None:
            feeds.append(
                {
                    "type": "text/calendar",
                    "title": f"InfoMIE · {self.title} · {theme.name} (iCalendar)",
                    "url": self.calendar_url(theme, request=request, full=True),
                }
            )
        feeds.append(
            {
                "type": "text/calendar",
                "title": f"InfoMIE · {self.title} (iCalendar)",
                "url": self.calendar_url(request=request, full=True),
            }
        )
        feeds.append(
            {
                "type": "application/rss+xml",
                "title": f"InfoMIE · {self.title} (RSS)",
                "url": self.route_url("rss", request=request, full=True),
            }
        )
        return feeds

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda.EventPage"]


def by_month(events):
    """[(first day of the month, [events starting that month])], in the listing's order."""
    return [
        (datetime.date(year, month, 1), list(group))
        for (year, month), group in itertools.groupby(
            events, key=lambda e: (e.start_date.year, e.start_date.month)
        )
    ]
