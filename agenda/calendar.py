"""iCalendar (RFC 5545) for the agenda, built with the `icalendar` library: the feeds calendar
applications subscribe to (per language, all events or one theme's) and the "add to my
calendar" file of one event.

Timed events are written in Paris time (DTSTART;TZID=Europe/Paris) with the zone's VTIMEZONE,
all-day ones as dates (VALUE=DATE, DTEND the day after the last, as the RFC asks). An event's
UID is the same in every feed and language, so a subscriber's application updates it in place;
LAST-MODIFIED says when it was last published. A cancelled event stays in the feeds with
STATUS:CANCELLED, so that it disappears from the subscribers' calendars. The online link is
never written here: the event's page gives it from the day before."""

import datetime

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .choices import EventStatus

PRODID = "-//InfoMIE//Agenda//FR"
UID_DOMAIN = "agenda.infomie"
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
# How long a subscribed application waits before asking again (a hint; most honour it).
REFRESH_INTERVAL = datetime.timedelta(hours=6)


def event_uid(event):
    return f"event-{event.pk}@{UID_DOMAIN}"


def paris_timezone():
    """Europe/Paris as a VTIMEZONE: the European summer-time rule, in force since 1996."""
    tz = Timezone()
    tz.add("tzid", "Europe/Paris")
    tz.add("x-lic-location", "Europe/Paris")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", datetime.timedelta(hours=1))
    summer.add("tzoffsetto", datetime.timedelta(hours=2))
    summer.add("dtstart", datetime.datetime(1970, 3, 29, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", datetime.timedelta(hours=2))
    winter.add("tzoffsetto", datetime.timedelta(hours=1))
    winter.add("dtstart", datetime.datetime(1970, 10, 25, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    tz.add_component(summer)
    tz.add_component(winter)
    return tz


def calendar_entry(event, request=None, stamp=None):
    """One event as a VEVENT, in the active language."""
    entry = Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", stamp or timezone.now())
    if event.is_all_day:
        entry.add("dtstart", event.start_date)
        entry.add("dtend", event.last_day + datetime.timedelta(days=1))
    else:
        entry.add("dtstart", event.starts_at)
        end = event.ends_at
        if end <= event.starts_at:  # no end time given: an hour, as applications assume
            end = event.starts_at + datetime.timedelta(hours=1)
        entry.add("dtend", end)
    entry.add("summary", _summary(event))
    url = event.get_full_url(request)
    text = " ".join(strip_tags(str(event.description or "")).split())
    organiser = _("Organised by %(name)s.") % {"name": event.organiser} if event.organiser else ""
    entry.add("description", "\n\n".join(part for part in (text, organiser, url) if part))
    entry.add("url", url)
    entry.add("location", _location(event))
    entry.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    entry.add("categories", [str(event.get_kind_display())])
    if event.last_published_at:
        entry.add("last-modified", event.last_published_at)
    entry.add("transp", "TRANSPARENT" if event.is_cancelled else "OPAQUE")
    return entry


def _summary(event):
    if event.is_cancelled:
        return _("[Cancelled] %(title)s") % {"title": event.title}
    if event.is_postponed:
        return _("[Postponed] %(title)s") % {"title": event.title}
    return event.title


def _location(event):
    if event.is_in_person and event.is_online:
        return f"{event.place_line} · {_('and online')}"
    if event.is_in_person:
        return event.place_line
    return pgettext("agenda", "Online")


def build_calendar(events, name, request=None):
    """The VCALENDAR of `events` as bytes, named `name` in applications."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    calendar.add_component(paris_timezone())
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for event in events:
        calendar.add_component(calendar_entry(event, request, stamp))
    return calendar.to_ical()


def calendar_response(content, filename, attachment=False):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def event_calendar_response(event, request):
    """`…/ics/` below an event: the file "add to my calendar" downloads."""
    content = build_calendar([event], f"InfoMIE · {event.title}", request)
    return calendar_response(content, f"{event.slug or 'evenement'}.ics", attachment=True)
