"""The agenda as visitors and editors meet it: an event's page, the upcoming events by month,
the archive by year, the filters, and the checks an editor's event passes."""

import datetime
import re

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Page

from agenda.models import EventIndexPage, EventPage
from agenda.search import search_events
from articles.factories import ThemeFactory
from home.models import HomePage

from .agenda_helpers import agenda_page, event, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def agenda(site_tree):
    return agenda_page()


def text_of(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_the_agenda_has_its_address_in_each_language(client, agenda):
    assert agenda.get_url_in("fr") == "/fr/agenda/"
    assert agenda.get_url_in("en") == "/en/events/"
    french = client.get("/fr/agenda/")
    assert french.status_code == 200
    assert '<html lang="fr">' in french.content.decode()
    assert 'hreflang="en" href="http://testserver/en/events/"' in french.content.decode()
    english = client.get("/en/events/")
    assert '<link rel="alternate" type="text/calendar"' in english.content.decode()
    assert "/en/events/ical/" in english.content.decode()
    assert "/en/events/rss/" in english.content.decode()


def test_tree_rules(agenda):
    assert EventIndexPage.can_create_at(HomePage.objects.get()) is False  # max_count: one
    assert EventPage.can_create_at(agenda)
    assert not EventPage.can_create_at(HomePage.objects.get())
    assert not EventIndexPage.can_create_at(Page.get_first_root_node())


def test_upcoming_events_grouped_by_month_past_ones_in_the_archive(client, agenda):
    soon = event(3, title_fr="Formation « Accueil des MNA » à l’ENPJJ")
    later = event(70, title_fr="Colloque sur l’évaluation de la minorité")
    past = event(-400, title_fr="Audience publique de l’an passé", title_en="Last year’s hearing")
    body = text_of(client.get("/fr/agenda/"))
    assert "Formation « Accueil des MNA » à l’ENPJJ" in body
    assert body.index("Formation « Accueil") < body.index("Colloque sur l’évaluation")
    for day in (soon.start_date, later.start_date):
        assert f'id="month-{day:%Y-%m}"' in body
    assert "Audience publique de l’an passé" not in body

    archive = text_of(client.get("/fr/agenda/archive/"))
    assert f'href="/fr/agenda/archive/{past.start_date.year}/"' in archive
    year = text_of(client.get(f"/fr/agenda/archive/{past.start_date.year}/"))
    assert "Audience publique de l’an passé" in year
    assert "Colloque" not in year
    english = text_of(client.get(f"/en/events/archive/{past.start_date.year}/"))
    assert "Last year’s hearing" in english


def test_an_event_of_several_days_stays_upcoming_until_its_last_day(client, agenda):
    event(-2, end_date=in_days(1), start_time=None, end_time=None, title_fr="Université d’été")
    assert "Université d’été" in text_of(client.get("/fr/agenda/"))


@pytest.mark.parametrize(
    "address",
    [
        "/fr/agenda/archive/1789/",
        "/fr/agenda/archive/99999999999999999999999/",
        "/fr/agenda/archive/abcd/",
        "/fr/agenda/themes/inconnu/ical/",
        "/en/events/archive/0/",
    ],
)
def test_unknown_routes_are_bilingual_404s(client, agenda, address):
    response = client.get(address)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "theme=inconnu",
        "theme=%00",
        "place=Atlantide",
        "place=" + "x" * 5000,
        "kind=fete",
        "kind[]=a&kind=b",
        "page=abc",
        "page=-1",
        "page=99999999999999999999",
        "theme=a&theme=b&place=online&kind=webinar&page=0",
        "place=%C3%A9t%C3%A9%20%C2%AB%20%C2%BB",
    ],
)
def test_no_filter_value_breaks_the_agenda(client, agenda, query):
    event(5)
    for base in ("/fr/agenda/", "/en/events/"):
        assert client.get(f"{base}?{query}").status_code == 200
    past = event(-30)
    assert client.get(f"/fr/agenda/archive/{past.start_date.year}/?{query}").status_code == 200


def test_filters_by_theme_city_online_and_kind(client, agenda):
    protection = ThemeFactory(name_fr="Protection de l’enfance", name_en="Child protection")
    event(5, title_fr="Formation à Saint-Étienne", city="Saint-Étienne", kind="training")
    event(
        6,
        title_fr="Webinaire juridique",
        attendance="online",
        city="",
        venue_name="",
        online_url="https://visio.example.org/salle",
        kind="webinar",
        themes=[protection],
    )
    event(7, title_fr="Audience à Lyon", city="Lyon", kind="hearing")

    def titles(query):
        body = text_of(client.get(f"/fr/agenda/?{query}"))
        return {
            t for t in ("Formation à Saint", "Webinaire juridique", "Audience à Lyon") if t in body
        }

    assert titles("") == {"Formation à Saint", "Webinaire juridique", "Audience à Lyon"}
    assert titles("place=Saint-%C3%89tienne") == {"Formation à Saint"}
    assert titles("place=online") == {"Webinaire juridique"}
    assert titles("kind=hearing") == {"Audience à Lyon"}
    assert titles(f"theme={protection.slug_fr}") == {"Webinaire juridique"}
    assert titles("place=Lyon&kind=training") == set()
    assert "Aucun événement à venir ne correspond à ces filtres." in text_of(
        client.get("/fr/agenda/?place=Lyon&kind=training")
    )
    # An unknown value is ignored: the whole agenda.
    assert titles("kind=fete") == titles("")


def test_event_page_says_what_a_visitor_needs(client, agenda):
    page = event(
        10,
        title_fr="Journée d’étude « Mineurs non accompagnés »",
        title_en="Study day on unaccompanied minors",
        description_fr="<p>Une journée pour les éducateurs et les avocats.</p>",
        description_en="",
        city="Marseille",
        venue_name="Maison de l’avocat",
        address="51 rue Grignan",
        postcode="13006",
        organiser="Ordre des avocats de Marseille",
        registration_url="https://inscriptions.example.org/journee",
        price="30",
        price_details_fr="tarif réduit étudiants : 10 €",
        spoken_languages=["fr", "ar"],
    )
    body = text_of(client.get(page.get_url_in("fr")))
    assert "Maison de l’avocat, 51 rue Grignan, 13006 Marseille" in body
    assert "Ordre des avocats de Marseille" in body
    assert "30 € <span>(tarif réduit étudiants : 10 €)</span>" in body
    assert 'href="https://inscriptions.example.org/journee"' in body
    assert "Français, Arabe" in body
    assert "heure de Paris" in body
    assert "Ajouter à mon agenda" in body
    assert "Cet événement est passé." not in body
    english = text_of(client.get(page.get_url_in("en")))
    assert "Study day on unaccompanied minors" in english
    # The description and the price details have no English: French, marked as such.
    assert '<div class="article__body" lang="fr"><p>Une journée' in english
    assert '<span lang="fr">(tarif réduit' in english


def test_free_event_without_registration(client, agenda):
    body = text_of(client.get(event(10).get_url_in("fr")))
    assert "Gratuit" in body
    assert "Sans inscription" in body


@pytest.mark.parametrize(
    ("fields", "notice"),
    [
        ({"days": -3}, "Cet événement est passé."),
        ({"days": 8, "status": "cancelled"}, "Cet événement est annulé."),
        ({"days": 8, "status": "postponed"}, "Cet événement est reporté"),
    ],
)
def test_event_page_says_when_past_cancelled_or_postponed(client, agenda, fields, notice):
    body = text_of(client.get(event(**fields).get_url_in("fr")))
    assert notice in body
    assert "Ajouter à mon agenda" not in body or fields.get("status") == "postponed"


def test_online_link_shown_only_from_the_day_before(client, agenda):
    online = {"attendance": "online", "city": "", "venue_name": "", "address": "", "postcode": ""}
    later = event(2, online_url="https://visio.example.org/later", **online)
    tomorrow = event(1, online_url="https://visio.example.org/tomorrow", **online)
    cancelled = event(1, online_url="https://visio.example.org/off", status="cancelled", **online)
    later_body = text_of(client.get(later.get_url_in("fr")))
    assert "visio.example.org/later" not in later_body
    assert "Le lien pour participer sera affiché ici la veille" in later_body
    assert 'href="https://visio.example.org/tomorrow"' in text_of(
        client.get(tomorrow.get_url_in("fr"))
    )
    assert "visio.example.org/off" not in text_of(client.get(cancelled.get_url_in("fr")))


def test_validation_messages_in_french(agenda):
    page = EventPage(
        title_fr="Conférence",
        description_fr="<p>Texte</p>",
        organiser="InfoMIE",
        start_date=in_days(5),
        end_date=in_days(4),
        attendance="mixed",
        venue_name="",
        city="",
    )
    page.set_url_path(agenda)
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    errors = {field: " ".join(messages) for field, messages in raised.value.message_dict.items()}
    assert errors["end_date"] == "L’événement ne peut pas finir avant de commencer."
    assert errors["venue_name"] == "Indiquez le lieu de l’événement."
    assert errors["city"] == "Indiquez la ville de l’événement."
    assert "Un événement en ligne a besoin de son lien" in errors["online_url"]


def test_validation_of_times(agenda):
    page = EventPage(
        title_fr="Atelier",
        description_fr="<p>Texte</p>",
        organiser="InfoMIE",
        start_date=in_days(5),
        start_time=datetime.time(14),
        end_time=datetime.time(10),
        venue_name="Salle",
        city="Paris",
        online_url="https://visio.example.org/x",
    )
    page.set_url_path(agenda)
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    errors = raised.value.message_dict
    assert errors["end_time"] == [
        "Sur une seule journée, l’heure de fin doit être après l’heure de début."
    ]
    assert "choisissez « En ligne » ou « Sur place et en ligne »" in errors["attendance"][0]


def test_search_finds_events_by_title_city_and_theme(agenda):
    theme = ThemeFactory(name_fr="Âge et état civil", name_en="Age and civil status")
    found = event(5, title_fr="Colloque « Été » à Besançon", city="Besançon", themes=[theme])
    event(6, title_fr="Autre chose")
    assert list(search_events("colloque", "fr")) == [found]
    assert list(search_events("besançon", "fr")) == [found]
    assert list(search_events("civil status", "en")) == [found]
    assert list(search_events("", "fr")) == []
    draft = event(7, title_fr="Colloque non publié", publish=False)
    assert draft not in search_events("colloque", "fr")


def test_the_site_search_finds_events_beside_articles(client, agenda):
    event(5, title_fr="Colloque « Été » à Besançon", city="Besançon")
    page = text_of(client.get("/fr/recherche/", {"q": "Besançon"}))
    assert "Colloque « Été » à Besançon" in page
    assert "Événements" in page  # the kind, in the filter and on the result
    only_events = text_of(client.get("/fr/recherche/", {"q": "Besançon", "kind": "events"}))
    assert "Colloque « Été » à Besançon" in only_events


def test_home_page_and_theme_page_show_the_next_events(client, agenda):
    theme = ThemeFactory(name_fr="Traite des êtres humains")
    event(4, title_fr="Formation sur la traite", themes=[theme])
    event(-4, title_fr="Formation passée", themes=[theme])
    home = text_of(client.get("/fr/"))
    assert "Prochains événements" in home
    assert "Formation sur la traite" in home
    assert "Formation passée" not in home
    theme_page = text_of(client.get(f"/fr/actualites/themes/{theme.slug_fr}/"))
    assert "Événements à venir" in theme_page
    assert "Formation sur la traite" in theme_page
    assert f'href="/fr/agenda/?theme={theme.slug_fr}"' in theme_page


def test_sitemap_lists_events_and_the_archive(client, agenda):
    page = event(5)
    past = event(-40)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"http://testserver{page.get_url_in('fr')}" in sitemap
    assert f"http://testserver{page.get_url_in('en')}" in sitemap
    assert f"/en/events/archive/{past.start_date.year}/" in sitemap


def test_rss_feed_of_upcoming_events(client, agenda):
    event(5, title_fr="Conférence « Droits de l’enfant »")
    event(-5, title_fr="Conférence passée")
    response = client.get("/fr/agenda/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    content = response.content.decode()
    assert "Conférence « Droits de l’enfant »" in content
    assert "Conférence passée" not in content


def test_demo_events(client, db, demo_content):
    assert EventPage.objects.live().count() == 8
    body = text_of(client.get("/fr/agenda/"))
    assert "Webinaire : demander un titre de séjour à 18 ans" in body
    assert "Annulé" in body and "Reporté" in body
    assert "Journée d’étude : la traite des mineurs en France" not in body
    webinar = EventPage.objects.get(title_fr__startswith="Webinaire : demander")
    assert 'href="https://visio.example.org/titre-de-sejour-18-ans"' in text_of(
        client.get(webinar.get_url_in("en"))
    )
    assert "Conferences, training sessions" in text_of(client.get("/en/events/"))


def test_an_event_cannot_take_the_address_of_a_route(agenda):
    page = EventPage(
        title_fr="Archive",
        slug_fr="archive",
        description_fr="<p>Texte</p>",
        organiser="InfoMIE",
        start_date=in_days(5),
        venue_name="Salle",
        city="Paris",
    )
    page.set_url_path(agenda)
    with pytest.raises(ValidationError) as raised:
        page.full_clean()
    assert raised.value.message_dict["slug_fr"] == [
        "Cette adresse est prise par l’agenda : choisissez-en une autre."
    ]


def test_theme_page_offers_the_theme_calendar(client, agenda):
    theme = ThemeFactory(name_fr="Santé mentale")
    event(4, themes=[theme])
    body = text_of(client.get(f"/fr/actualites/themes/{theme.slug_fr}/"))
    url = f"/fr/agenda/themes/{theme.slug_fr}/ical/"
    assert f'href="{url}"' in body
    assert client.get(url).status_code == 200


def test_a_shared_cache_keeps_agenda_pages_until_midnight_in_paris(client, agenda, settings):
    settings.FRONTEND_CACHE_MAX_AGE = 7 * 24 * 3600
    settings.PAGE_CACHE_ENABLED = False
    response = client.get("/fr/agenda/")
    max_age = int(re.search(r"s-maxage=(\d+)", response["Cache-Control"]).group(1))
    assert 0 < max_age <= 24 * 3600
