"""What of the agenda purges the page cache beyond pages (pagecache.signals): an event's
themes (theme pages list their upcoming events)."""

from django.db.models.signals import m2m_changed

from pagecache import purge_page_cache

from .models import EventPage


def connect_signals():
    m2m_changed.connect(
        purge_page_cache, sender=EventPage.themes.through, dispatch_uid="agenda-event-themes"
    )
