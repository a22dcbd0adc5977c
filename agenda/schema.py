"""An event as a JSON-LD schema.org `Event`, for search engines: when, where (a place, or a
virtual location), whether it is cancelled or postponed, who organises it, what it costs."""

from .choices import Attendance, EventStatus

ATTENDANCE_MODES = {
    Attendance.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    Attendance.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Attendance.MIXED: "https://schema.org/MixedEventAttendanceMode",
}
EVENT_STATUSES = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}


def event_data(event, url, themes=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "inLanguage": event.spoken_languages or [event.shown_language],
        "startDate": event.starts_at.isoformat(),
        "endDate": event.ends_at.isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES[event.attendance],
        "eventStatus": EVENT_STATUSES[event.status],
        "location": _locations(event, url),
        "organizer": {"@type": "Organization", "name": event.organiser},
    }
    if themes:
        data["keywords"] = ", ".join(theme.name for theme in themes)
    offer = _offer(event, url)
    if offer:
        data["offers"] = offer
    return data


def _locations(event, url):
    locations = []
    if event.is_in_person:
        address = {"@type": "PostalAddress"}
        for key, value in (
            ("streetAddress", event.address),
            ("postalCode", event.postcode),
            ("addressLocality", event.city),
        ):
            if value:
                address[key] = value
        locations.append({"@type": "Place", "name": event.venue_name, "address": address})
    if event.is_online:
        # The link itself only from the day before, as on the page.
        online_url = event.online_url if event.online_link_visible else url
        locations.append({"@type": "VirtualLocation", "url": online_url})
    return locations[0] if len(locations) == 1 else locations


def _offer(event, url):
    if event.is_free and not event.registration_url:
        return {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "url": url,
            "availability": "https://schema.org/InStock",
        }
    return {
        "@type": "Offer",
        "price": f"{event.price or 0:.2f}",
        "priceCurrency": "EUR",
        "url": event.registration_url or url,
        "availability": "https://schema.org/InStock",
    }
