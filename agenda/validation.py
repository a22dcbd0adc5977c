"""The checks an event passes before it is saved, beyond its fields' own: the messages an
editor reads in the admin (in French), keyed by the field to correct."""

from django.utils.translation import gettext as _

from .choices import Attendance


def event_errors(event):
    """{field name: message} for what is inconsistent in `event`; empty when all is well."""
    errors = {}
    errors.update(_date_errors(event))
    errors.update(_place_errors(event))
    if event.price is not None and event.price < 0:
        errors["price"] = _("The price cannot be negative.")
    return errors


def _date_errors(event):
    errors = {}
    start, end = event.start_date, event.end_date or event.start_date
    if start is None:
        return errors
    if end < start:
        errors["end_date"] = _("The event cannot end before it starts.")
    if event.end_time is not None and event.start_time is None:
        errors["start_time"] = _(
            "Give a start time too, or leave the end time empty for an all-day event."
        )
    elif (
        end == start
        and event.start_time is not None
        and event.end_time is not None
        and event.end_time <= event.start_time
    ):
        errors["end_time"] = _("On a single day, the end time must be after the start time.")
    return errors


def _place_errors(event):
    errors = {}
    in_person = event.attendance in (Attendance.IN_PERSON, Attendance.MIXED)
    online = event.attendance in (Attendance.ONLINE, Attendance.MIXED)
    if in_person:
        if not (event.venue_name or "").strip():
            errors["venue_name"] = _("Say where the event takes place.")
        if not (event.city or "").strip():
            errors["city"] = _("Give the city of the event.")
    if online and not event.online_url:
        errors["online_url"] = _("An online event needs its link (shown from the day before).")
    if not online and event.online_url:
        errors["attendance"] = _(
            'This event has an online link: choose "Online" or "In person and online".'
        )
    return errors
