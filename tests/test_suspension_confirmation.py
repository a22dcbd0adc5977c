"""Switching a suspension on asks first, saying what visitors will see and for how long;
switching it off, or switching a banner on, does not."""

import datetime
import html

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.users.models import UserProfile

from notices.factories import NoticeFactory
from notices.models import Notice, NoticeLevel

pytestmark = pytest.mark.django_db

MESSAGE = "<p>« Fermeture estivale » : l’équipe revient le 1er septembre.</p>"


@pytest.fixture
def coordinator_client(client):
    coordinator = get_user_model().objects.create_superuser("coordinatrice", "", "pass")
    client.force_login(coordinator)
    return client


def suspension(**fields):
    return NoticeFactory(
        name="Grève d’été",
        level=NoticeLevel.SUSPENSION,
        enabled=False,
        message_fr=MESSAGE,
        **fields,
    )


def text(response):
    return html.unescape(response.content.decode())


def test_switching_a_suspension_on_asks_first(coordinator_client, home_page):
    notice = suspension(ends_at=timezone.now() + datetime.timedelta(days=1))
    switch = reverse("notices_switch", args=[notice.pk])
    response = coordinator_client.post(switch)
    assert response.status_code == 200
    page = text(response)
    assert "Suspendre l’accès au site ?" in page
    assert "les visiteurs ne voient plus aucune page du site" in page
    assert "« Contenu inaccessible »" in page
    assert "« Fermeture estivale » : l’équipe revient le 1er septembre." in page
    assert "Dès maintenant et jusqu’au" in page
    assert "Oui, suspendre l’accès : « Grève d’été »" in page
    assert "Non, laisser le site ouvert" in page
    # Nothing changed yet: visitors still read the site.
    assert not Notice.objects.get().enabled
    assert coordinator_client.get("/fr/").status_code == 200

    response = coordinator_client.post(switch, {"confirm": "1"})
    assert response.status_code == 302
    assert Notice.objects.get().enabled


def test_the_confirmation_says_when_there_is_no_end(coordinator_client, home_page):
    notice = suspension()
    page = text(coordinator_client.post(reverse("notices_switch", args=[notice.pk])))
    assert "jusqu’à ce que quelqu’un la désactive : elle n’a pas de date de fin" in page
    assert "les moteurs de recherche" in page


def test_the_confirmation_says_when_it_starts_later(coordinator_client, home_page):
    start = timezone.now() + datetime.timedelta(days=3)
    notice = suspension(starts_at=start, ends_at=start + datetime.timedelta(hours=6))
    page = text(coordinator_client.post(reverse("notices_switch", args=[notice.pk])))
    assert "Du " in page and "(heure de Paris)" in page


def test_switching_a_suspension_off_does_not_ask(coordinator_client, home_page):
    notice = suspension()
    Notice.objects.filter(pk=notice.pk).update(enabled=True)
    response = coordinator_client.post(reverse("notices_switch", args=[notice.pk]))
    assert response.status_code == 302
    assert not Notice.objects.get().enabled


def test_a_banner_goes_on_at_once(coordinator_client, home_page):
    notice = NoticeFactory(name="Bandeau d’information", enabled=False)
    response = coordinator_client.post(reverse("notices_switch", args=[notice.pk]))
    assert response.status_code == 302
    assert Notice.objects.get().enabled


def test_the_confirmation_in_english(coordinator_client, home_page):
    profile = UserProfile.get_for_user(get_user_model().objects.get())
    profile.preferred_language = "en"
    profile.save()
    notice = suspension()
    page = text(coordinator_client.post(reverse("notices_switch", args=[notice.pk])))
    assert "Suspend access to the site?" in page
    assert "Yes, suspend access: “Grève d’été”" in page
