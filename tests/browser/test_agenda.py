"""A visitor browses the agenda in both languages: the switcher lands on the same page, the
filters work from the keyboard, an event says when it is cancelled, and every agenda page
passes axe-core."""

import re

import pytest

from agenda.models import EventIndexPage, EventPage

pytestmark = pytest.mark.browser


def test_browse_the_agenda_and_switch_language(demo_site, page):
    page.goto(f"{demo_site.url}/fr/agenda/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == "Agenda"
    page.get_by_role("link", name="Webinaire : demander un titre de séjour à 18 ans").click()
    page.wait_for_url(re.compile(r"/fr/agenda/webinaire-demander-un-titre-de-sejour"))
    assert page.get_by_role("link", name="Rejoindre en ligne").is_visible()
    assert page.get_by_role("link", name=re.compile("Ajouter à mon agenda")).is_visible()

    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/events/webinar-applying-for-a-residence-permit"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Webinar: applying for a residence permit at 18" in page.inner_text("h1")
    page.get_by_role("link", name="Events", exact=True).first.click()
    page.wait_for_url(re.compile(r"/en/events/$"))
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/agenda/$"))


def test_filter_online_events_with_the_keyboard(demo_site, page):
    page.goto(f"{demo_site.url}/fr/agenda/")
    page.get_by_label("Lieu").focus()
    page.get_by_label("Lieu").select_option("online")
    page.get_by_role("button", name="Afficher", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"place=online"))
    main = page.inner_text("main")
    assert "Webinaire : demander un titre de séjour à 18 ans" in main
    assert "Université d’automne" in main  # in Marseille and online
    assert "Audience publique" not in main
    # The switcher keeps the filters.
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/events/\?.*place=online"))


def test_a_cancelled_event_says_so(demo_site, page):
    event = EventPage.objects.get(status="cancelled")
    page.goto(demo_site.url + event.get_url_in("en"))
    assert page.get_by_text("This event is cancelled.").is_visible()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_agenda_pages_pass_axe(demo_site, page, axe, lang):
    agenda = EventIndexPage.objects.get()
    past = EventPage.objects.get(title_fr__startswith="Journée d’étude")
    base = agenda.get_url_in(lang)
    urls = [
        base,
        f"{base}?place=online",
        f"{base}archive/",
        f"{base}archive/{past.start_date.year}/",
        EventPage.objects.get(title_fr__startswith="Université d’automne").get_url_in(lang),
        EventPage.objects.get(status="cancelled").get_url_in(lang),
        past.get_url_in(lang),
    ]
    for width in (1024, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            page.goto(demo_site.url + url)
            violations = axe(page)
            assert violations == [], f"{url} at {width}px: {violations}"
