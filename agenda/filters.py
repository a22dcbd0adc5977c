"""The filters of the agenda's listings, read from the query string (`?theme=`, `?place=`,
`?kind=`). A value that is not one of the offered ones is ignored, as if absent: a visitor
who mistypes an address, or follows an old link to a theme since renamed, sees the agenda,
never an error."""

from dataclasses import dataclass

from articles.models import Theme, theme_by_slug

from .choices import Attendance, EventKind

ONLINE = "online"
MAX_VALUE_LENGTH = 100


@dataclass(frozen=True)
class AgendaFilters:
    theme: Theme | None = None
    place: str = ""  # "", ONLINE or a city
    kind: str = ""

    @property
    def active(self):
        return bool(self.theme or self.place or self.kind)

    @property
    def key(self):
        """A short string naming the filters, for the counts kept per listing."""
        theme = self.theme.pk if self.theme is not None else ""
        return f"{theme}|{self.place}|{self.kind}"

    def apply(self, events):
        if self.theme is not None:
            events = events.filter(themes=self.theme)
        if self.place == ONLINE:
            events = events.filter(attendance__in=[Attendance.ONLINE, Attendance.MIXED])
        elif self.place:
            events = events.filter(
                city=self.place, attendance__in=[Attendance.IN_PERSON, Attendance.MIXED]
            )
        if self.kind:
            events = events.filter(kind=self.kind)
        return events

    def query(self):
        """The filters as query parameters (for links that keep them)."""
        params = {}
        if self.theme is not None:
            params["theme"] = self.theme.slug
        if self.place:
            params["place"] = self.place
        if self.kind:
            params["kind"] = self.kind
        return params


def _value(query, name):
    value = query.get(name, "")
    if not isinstance(value, str) or len(value) > MAX_VALUE_LENGTH:
        return ""
    return value.strip()


def read_filters(query, cities):
    """The filters asked for in `query` (a QueryDict) that exist: `cities` are the cities
    offered."""
    theme = theme_by_slug(_value(query, "theme"))
    place = _value(query, "place")
    if place != ONLINE and place not in cities:
        place = ""
    kind = _value(query, "kind")
    if kind not in EventKind.values:
        kind = ""
    return AgendaFilters(theme=theme, place=place, kind=kind)
