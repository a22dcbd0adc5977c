"""Shared by the agenda's tests: the agenda section and events at dates relative to today."""

import datetime

from agenda.dates import today
from agenda.factories import EventPageFactory
from agenda.models import EventIndexPage


def agenda_page():
    return EventIndexPage.objects.get()


def in_days(days):
    return today() + datetime.timedelta(days=days)


def event(days=30, publish=True, **fields):
    """A published event starting `days` from today (negative: in the past)."""
    fields.setdefault("start_date", in_days(days))
    if not publish:
        fields["live"] = False
    page = EventPageFactory(parent=agenda_page(), **fields)
    if publish:
        page.save_revision().publish()
    return page
