"""The agenda's calendars as a subscriber's application reads them: parsed back with the
`icalendar` library and checked again by the stricter `ical` parser (RFC 5545), in both
languages, with accents, typographic quotes and Arabic."""

import datetime
import json
import re

import pytest
from ical.calendar_stream import IcsCalendarStream
from icalendar import Calendar

from agenda.dates import PARIS
from articles.factories import ThemeFactory

from .agenda_helpers import agenda_page, event, in_days

pytestmark = pytest.mark.django_db

ARABIC_TITLE = "Conférence « Droits des mineurs » – مؤتمر حول حقوق القاصرين غير المصحوبين"


@pytest.fixture
def agenda(site_tree):
    return agenda_page()


def parse(response):
    """The calendar in `response`, read by both libraries; the icalendar one is returned."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    content = response.content
    for line in content.split(b"\r\n"):
        assert len(line) <= 75, line  # folded at 75 octets, never inside a character
        line.decode("utf-8")
    strict = IcsCalendarStream.calendar_from_ics(content.decode("utf-8"))
    assert strict.events is not None
    return Calendar.from_ical(content)


def events_of(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_feed_per_language_with_time_zone_and_all_day_events(client, agenda):
    timed = event(
        20,
        title_fr=ARABIC_TITLE,
        title_en="Conference on the rights of minors",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(17),
        city="Besançon",
        venue_name="Salle « Victor Hugo »",
    )
    all_day = event(
        40,
        title_fr="Université d’été de la protection de l’enfance",
        start_time=None,
        end_time=None,
        end_date=in_days(42),
    )
    response = client.get("/fr/agenda/ical/")
    assert response["Content-Disposition"] == 'inline; filename="infomie-agenda-fr.ics"'
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["Europe/Paris"]
    entries = events_of(calendar)
    entry = entries[f"event-{timed.pk}@agenda.infomie"]
    assert str(entry["SUMMARY"]) == ARABIC_TITLE
    assert entry["DTSTART"].params["TZID"] == "Europe/Paris"
    start = entry["DTSTART"].dt
    assert start == datetime.datetime.combine(timed.start_date, datetime.time(9, 30), PARIS)
    assert entry["DTEND"].dt == datetime.datetime.combine(
        timed.start_date, datetime.time(17), PARIS
    )
    assert "Salle « Victor Hugo »" in str(entry["LOCATION"])
    assert "Besançon" in str(entry["LOCATION"])
    assert str(entry["URL"]) == f"http://testserver{timed.get_url_in('fr')}"
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in entry
    assert "LAST-MODIFIED" in entry

    day = entries[f"event-{all_day.pk}@agenda.infomie"]
    assert day["DTSTART"].params["VALUE"] == "DATE"
    assert day["DTSTART"].dt == all_day.start_date
    assert day["DTEND"].dt == in_days(43)  # exclusive: the day after the last

    english = events_of(parse(client.get("/en/events/ical/")))
    assert str(english[f"event-{timed.pk}@agenda.infomie"]["SUMMARY"]) == (
        "Conference on the rights of minors"
    )
    # The same UID in both languages: one event in a calendar subscribed to both.
    assert set(english) == set(entries)


def test_raw_text_is_rfc_5545(client, agenda):
    event(20, title_fr=ARABIC_TITLE * 2)
    raw = client.get("/fr/agenda/ical/").content.decode("utf-8")
    assert raw.startswith("BEGIN:VCALENDAR\r\n")
    assert raw.endswith("END:VCALENDAR\r\n")
    assert re.search(r"^DTSTART;TZID=Europe/Paris:\d{8}T\d{6}\r$", raw, re.M)
    assert "\r\n " in raw  # long lines folded


def test_cancelled_and_postponed_events_say_so(client, agenda):
    cancelled = event(10, status="cancelled", title_fr="Formation annulée")
    postponed = event(11, status="postponed", title_fr="Formation reportée")
    entries = events_of(parse(client.get("/fr/agenda/ical/")))
    first = entries[f"event-{cancelled.pk}@agenda.infomie"]
    assert str(first["STATUS"]) == "CANCELLED"
    assert str(first["SUMMARY"]) == "[Annulé] Formation annulée"
    second = entries[f"event-{postponed.pk}@agenda.infomie"]
    assert str(second["STATUS"]) == "TENTATIVE"
    assert str(second["SUMMARY"]) == "[Reporté] Formation reportée"


def test_online_link_never_in_the_calendar(client, agenda):
    online = event(
        1,
        attendance="online",
        city="",
        venue_name="",
        online_url="https://visio.example.org/secret",
    )
    content = client.get("/fr/agenda/ical/").content.decode()
    assert "visio.example.org" not in content
    entry = events_of(parse(client.get("/fr/agenda/ical/")))[f"event-{online.pk}@agenda.infomie"]
    assert str(entry["LOCATION"]) == "En ligne"


def test_theme_feed(client, agenda):
    theme = ThemeFactory(name_fr="Santé", name_en="Health")
    mine = event(5, themes=[theme])
    other = event(6)
    response = client.get(f"/en/events/themes/{theme.slug_en}/ical/")
    assert response["Content-Disposition"] == (
        f'inline; filename="infomie-agenda-{theme.slug_en}-en.ics"'
    )
    calendar = parse(response)
    assert "Health" in str(calendar["X-WR-CALNAME"])
    uids = set(events_of(calendar))
    assert f"event-{mine.pk}@agenda.infomie" in uids
    assert f"event-{other.pk}@agenda.infomie" not in uids


def test_add_to_my_calendar_file(client, agenda):
    page = event(8, title_fr="Webinaire « Été 2027 »")
    response = client.get(page.get_url_in("fr") + "ics/")
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug_fr}.ics"'
    entries = events_of(parse(response))
    assert list(entries) == [f"event-{page.pk}@agenda.infomie"]
    assert str(entries[f"event-{page.pk}@agenda.infomie"]["SUMMARY"]) == "Webinaire « Été 2027 »"


def test_json_ld_event(client, agenda):
    page = event(
        8,
        attendance="mixed",
        online_url="https://visio.example.org/salle",
        status="postponed",
        registration_url="https://inscriptions.example.org/",
        price="15",
    )
    body = client.get(page.get_url_in("fr")).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1)
    )
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    place, virtual = data["location"]
    assert place["@type"] == "Place"
    assert place["address"]["addressLocality"] == page.city
    # Eight days ahead: the online link is not given yet, the page's address stands for it.
    assert virtual == {
        "@type": "VirtualLocation",
        "url": f"http://testserver{page.get_url_in('fr')}",
    }
    assert data["offers"]["price"] == "15.00"
    assert data["offers"]["url"] == "https://inscriptions.example.org/"
    assert data["startDate"].startswith(page.start_date.isoformat() + "T09:30:00+0")

    cancelled = event(3, status="cancelled")
    body = client.get(cancelled.get_url_in("en")).content.decode()
    assert '"eventStatus": "https://schema.org/EventCancelled"' in body
