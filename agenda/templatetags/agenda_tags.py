"""The agenda's pieces shown on other pages (the home page's next events, a theme's upcoming
events) and on its own (an event's dates, its JSON-LD)."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from agenda.models import EventPage
from agenda.navigation import agenda_index
from agenda.schema import event_data
from core.templatetags.json_ld_tags import json_ld_script

register = template.Library()

NEXT_EVENTS_COUNT = 3
THEME_EVENTS_COUNT = 5


@register.simple_tag(takes_context=True)
def next_events(context, theme=None, count=None):
    """{"events": the next upcoming events (of `theme`), "url": the agenda's URL}."""
    request = context.get("request")
    index_pk, url = agenda_index(request)
    if index_pk is None:
        return {"events": [], "url": ""}
    events = EventPage.objects.for_listing().upcoming()
    limit = count or (THEME_EVENTS_COUNT if theme is not None else NEXT_EVENTS_COUNT)
    if theme is not None:
        events = events.filter(themes=theme)
    calendar_url = f"{url}themes/{theme.slug}/ical/" if theme is not None else f"{url}ical/"
    return {"events": list(events[:limit]), "url": url, "calendar_url": calendar_url}


@register.simple_tag
def event_when(event):
    """When, as a visitor reads it: "12 mars 2027, 9 h 30 – 17 h", "3 – 5 juin 2027"."""
    start = date_format(event.start_date, "DATE_FORMAT")
    if event.is_multi_day:
        end = date_format(event.last_day, "DATE_FORMAT")
        text = _("%(start)s to %(end)s") % {"start": start, "end": end}
    else:
        text = start
    if not event.is_all_day:
        times = date_format(event.start_time, "TIME_FORMAT")
        if event.end_time:
            times = f"{times} – {date_format(event.end_time, 'TIME_FORMAT')}"
        text = f"{text}, {times}"
    return text


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    request = context.get("request")
    url = event.get_full_url(request)
    return json_ld_script(event_data(event, url, context.get("themes", ())))
