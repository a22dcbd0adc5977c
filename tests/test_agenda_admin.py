"""A volunteer adds a training session in the admin, in French, dates typed jj/mm/aaaa; it
appears in the calendar a subscriber reads, in French and in English."""

import datetime

import pytest
from icalendar import Calendar

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text

from agenda.models import EventPage

from .agenda_helpers import agenda_page, in_days

pytestmark = pytest.mark.django_db


def event_form_data(**overrides):
    day = in_days(15)
    data = {
        "title_fr": "Formation « Premier accueil » à Besançon",
        "title_en": "Training on first reception in Besançon",
        "slug_fr": "",
        "slug_en": "",
        "kind": "training",
        "status": "scheduled",
        "start_date": day.strftime("%d/%m/%Y"),
        "start_time": "09:30",
        "end_date": "",
        "end_time": "12:30",
        "attendance": "in_person",
        "venue_name": "Centre social des Clairs-Soleils",
        "address": "4 rue de l’Église",
        "postcode": "25000",
        "city": "Besançon",
        "online_url": "",
        "description_fr": rich_text("<p>Accueillir un jeune qui vient d’arriver.</p>"),
        "description_en": rich_text("<p>Welcoming a young person who has just arrived.</p>"),
        "organiser": "InfoMIE",
        "registration_url": "",
        "price": "",
        "price_details_fr": "",
        "price_details_en": "",
        "spoken_languages": ["fr", "ar"],
        "themes": [],
        "seo_title_fr": "",
        "seo_title_en": "",
        "search_description_fr": "",
        "search_description_en": "",
        "comments": {
            "TOTAL_FORMS": 0,
            "INITIAL_FORMS": 0,
            "MIN_NUM_FORMS": 0,
            "MAX_NUM_FORMS": 1000,
        },
    }
    data.update(overrides)
    languages = data.pop("spoken_languages")
    themes = data.pop("themes")
    form_data = nested_form_data(data)
    form_data["spoken_languages"] = languages
    form_data["themes"] = [str(pk) for pk in themes]
    return form_data


def add_url():
    return reverse("wagtailadmin_pages:add", args=["agenda", "eventpage", agenda_page().pk])


def test_volunteer_adds_a_training_that_subscribers_see(admin_client, client, site_tree):
    # The admin's JavaScript fills the French slug from the title; the English one is left
    # empty and filled from the English title on save.
    data = event_form_data(slug_fr="formation-premier-accueil-a-besancon")
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(), data)
    assert response.status_code == 302, response.context["form"].errors

    event = EventPage.objects.get(title_fr="Formation « Premier accueil » à Besançon")
    assert event.live
    assert event.start_date == in_days(15)
    assert event.end_date == event.start_date
    assert event.spoken_languages == ["fr", "ar"]
    admin_client.logout()
    for url, title in (
        ("/fr/agenda/ical/", "Formation « Premier accueil » à Besançon"),
        ("/en/events/ical/", "Training on first reception in Besançon"),
    ):
        calendar = Calendar.from_ical(client.get(url).content)
        [entry] = calendar.walk("VEVENT")
        assert str(entry["SUMMARY"]) == title
        assert entry["DTSTART"].dt.time() == datetime.time(9, 30)
        assert entry["DTEND"].dt.time() == datetime.time(12, 30)
    assert "Français, Arabe" in client.get(event.get_url_in("fr")).content.decode()


def test_the_editor_reads_what_to_fix_in_french(admin_client, site_tree):
    data = event_form_data(
        end_date=in_days(10).strftime("%d/%m/%Y"),
        attendance="online",
        venue_name="",
        city="",
    )
    data["action-publish"] = "action-publish"
    response = admin_client.post(add_url(), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["end_date"] == ["L’événement ne peut pas finir avant de commencer."]
    assert "Un événement en ligne a besoin de son lien" in errors["online_url"][0]
    assert not EventPage.objects.exists()


def test_edit_form_shows_the_event_fields(admin_client, site_tree):
    html = admin_client.get(add_url()).content.decode()
    for label in ("Date de début", "Heure de début", "Ville", "Langues parlées", "Organisateur"):
        assert label in html, label
