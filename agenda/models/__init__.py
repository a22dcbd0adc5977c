"""The agenda's models: the event page ← the agenda (each imports only those before it)."""

from .event_page import EventManager, EventPage, EventQuerySet
from .index_page import EVENTS_PER_PAGE, EventIndexPage, by_month

__all__ = [
    "EVENTS_PER_PAGE",
    "EventIndexPage",
    "EventManager",
    "EventPage",
    "EventQuerySet",
    "by_month",
]
