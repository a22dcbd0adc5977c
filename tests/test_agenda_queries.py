"""The agenda's pages cost a fixed number of queries, whatever the number of events (from 6 to
156 with the factories, from 100 to 10,000 written in bulk): the listing, the archive of a
year, an event, the calendars, and the home page's next events."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda.factories import EventPageFactory
from agenda.models import EventPage
from articles.factories import ThemeFactory

from .agenda_helpers import agenda_page, in_days
from .bulk_pages import add_children, file_under_themes

pytestmark = pytest.mark.django_db

# Anonymous visitor, no page cache, values kept until the next content change warm.
BUDGET = {
    "agenda": 3,
    "filtered": 3,
    "archive": 3,
    "event": 4,
    "ics": 3,
    "feed": 3,
    "theme_feed": 3,
    "home": 4,
}


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_events(count, themes, start=0):
    agenda = agenda_page()
    for number in range(start, start + count):
        page = EventPageFactory(
            parent=agenda,
            start_date=in_days((number * 37) % 300 - 100),
            city=("Lyon", "Paris", "Nantes")[number % 3],
            themes=themes[number % len(themes) :][:2],
        )
        page.save_revision().publish()


def urls(event, theme, past_year):
    return {
        "agenda": "/fr/agenda/",
        "filtered": f"/fr/agenda/?theme={theme.slug_fr}&place=Lyon&kind=conference&page=2",
        "archive": f"/fr/agenda/archive/{past_year}/",
        "event": event.get_url_in("fr"),
        "ics": event.get_url_in("fr") + "ics/",
        "feed": "/fr/agenda/ical/",
        "theme_feed": f"/fr/agenda/themes/{theme.slug_fr}/ical/",
        "home": "/fr/",
    }


def test_query_counts_do_not_grow_with_events(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    themes = [ThemeFactory() for _ in range(3)]
    add_events(6, themes)
    event = agenda_page().get_children().live().specific().first()
    past_year = in_days(-100).year
    small = {
        name: count_queries(client, url) for name, url in urls(event, themes[0], past_year).items()
    }

    bulk_events(150, themes, start=6)
    large = {
        name: count_queries(client, url) for name, url in urls(event, themes[0], past_year).items()
    }

    print("agenda queries", small, large)
    assert large == small
    for name, count in large.items():
        assert count <= BUDGET[name], f"{name}: {count} queries (budget {BUDGET[name]})"


def test_english_costs_the_same(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    theme = ThemeFactory()
    add_events(4, [theme])
    event = agenda_page().get_children().live().specific().first()
    french = [count_queries(client, url) for url in ("/fr/agenda/", event.get_url_in("fr"))]
    english = [count_queries(client, url) for url in ("/en/events/", event.get_url_in("en"))]
    assert english == french


def bulk_events(count, themes, start):
    """`count` published events written in bulk (tests/bulk_pages), numbered from `start`: from
    a hundred days ago to two hundred ahead, in three cities, each under one of `themes`."""
    agenda = agenda_page()
    rows = []
    for number in range(start, start + count):
        day = in_days((number * 37) % 300 - 100)
        rows.append(
            {
                "title_fr": f"Journée d’étude « mineurs isolés » n° {number}",
                "title_en": f"Study day on unaccompanied minors no. {number}",
                "slug_fr": f"journee-{number}",
                "slug_en": f"study-day-{number}",
                "description_fr": "<p>Accueil, évaluation et prise en charge.</p>",
                "kind": "conference",
                "start_date": day,
                "end_date": day,
                "city": ("Lyon", "Paris", "Nantes")[number % 3],
                "organiser": "Collectif « Accès aux droits »",
            }
        )
    pages = add_children(agenda, EventPage, rows)
    file_under_themes(EventPage, pages, lambda n: [themes[(start + n) % len(themes)]])


@pytest.mark.postgres  # ten thousand events in the calendar feeds: slow on SQLite
def test_query_counts_stay_flat_up_to_ten_thousand_events(client, site_tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    themes = [ThemeFactory(name_fr="Protection de l’enfance") for _ in range(3)]
    add_events(6, themes)  # through Wagtail, as an editor makes them; the others in bulk
    bulk_events(94, themes, start=6)
    event = agenda_page().get_children().live().specific().first()
    past_year = in_days(-100).year
    small = {
        name: count_queries(client, url) for name, url in urls(event, themes[0], past_year).items()
    }

    bulk_events(9_900, themes, start=100)
    assert EventPage.objects.live().count() == 10_000
    large = {
        name: count_queries(client, url) for name, url in urls(event, themes[0], past_year).items()
    }

    assert large == small
    for name, count in large.items():
        assert count <= BUDGET[name], f"{name}: {count} queries (budget {BUDGET[name]})"
