"""Finding events from a few words, for the site-wide search: every word must appear,
case-insensitively, in the event's title or description in the visitor's language (French
where it has no English), its organiser, venue, city or the names of its themes. Plain
matching on every database: the agenda holds hundreds of events, not tens of thousands of
articles."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.i18n import DEFAULT_LANGUAGE
from core.search import SearchKind, register_search_kind

from .models import EventPage

QUERY_MAX_LENGTH = 200
MAX_WORDS = 10


def search_events(query, lang):
    """Live, public events matching `query` in `lang`, upcoming first, then the latest past."""
    words = (query or "")[:QUERY_MAX_LENGTH].split()[:MAX_WORDS]
    events = EventPage.objects.live().public()
    if not words:
        return events.none()
    for word in words:
        match = Q(organiser__icontains=word) | Q(venue_name__icontains=word)
        match |= Q(city__icontains=word)
        for code in {lang, DEFAULT_LANGUAGE}:
            match |= Q(**{f"title_{code}__icontains": word})
            match |= Q(**{f"description_{code}__icontains": word})
            match |= Q(**{f"themes__name_{code}__icontains": word})
        events = events.filter(pk__in=EventPage.objects.filter(match).values("pk"))
    return events.order_by("-end_date", "-start_date", "-pk")


def register_search_kinds():
    """Events in the site's search (`/fr/recherche/`), beside articles and the library."""
    register_search_kind(
        SearchKind(
            key="events",
            label=_("Events"),
            search=search_events,
            date_field="start_date",
            fetch=lambda ids: {page.pk: page for page in EventPage.objects.filter(pk__in=ids)},
            template="components/search_result_event.html",
            order=40,
        )
    )
