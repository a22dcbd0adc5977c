"""What editors do in the admin: see which notice is live and which is scheduled, switch one
on or off in one click, get warned about long suspensions, edit the site settings."""

import datetime

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from wagtail.test.utils.form_data import nested_form_data, rich_text

from notices.factories import NoticeFactory
from notices.models import Notice, NoticeLevel

LIST_URL = "/admin/snippets/notices/notice/"


@pytest.fixture
def editor_client(client, db):
    editor = get_user_model().objects.create_superuser("editor", "", "pass")
    client.force_login(editor)
    return client


@pytest.mark.django_db
def test_listing_shows_live_and_scheduled(editor_client, home_page):
    NoticeFactory(name="Bandeau en cours")
    NoticeFactory(name="Bandeau programmé", starts_at=timezone.now() + datetime.timedelta(days=3))
    NoticeFactory(name="Bandeau éteint", enabled=False)
    html = editor_client.get(LIST_URL).content.decode()
    assert "Bandeau en cours" in html and "En ligne" in html
    assert "Bandeau programmé" in html and "Programmé" in html
    assert "Désactivé" in html
    # And on the dashboard.
    dashboard = editor_client.get("/admin/").content.decode()
    assert "Avis du site" in dashboard and "Bandeau en cours" in dashboard


@pytest.mark.django_db
def test_switch_on_and_off_in_one_click(editor_client, client, home_page):
    notice = NoticeFactory(name="Fermeture estivale", enabled=False)
    switch = reverse("notices_switch", args=[notice.pk])
    response = editor_client.post(switch)
    assert response.status_code == 302
    assert Notice.objects.get().enabled
    assert "Message en français : Fermeture estivale" in editor_client.get("/fr/").content.decode()
    editor_client.post(switch)
    assert not Notice.objects.get().enabled
    assert "Fermeture estivale" not in editor_client.get("/fr/").content.decode()
    assert editor_client.get(switch).status_code == 405


@pytest.mark.django_db
def test_switching_needs_the_permission(client, home_page):
    notice = NoticeFactory(enabled=False)
    user = get_user_model().objects.create_user("reader", "", "pass")
    client.force_login(user)
    response = client.post(reverse("notices_switch", args=[notice.pk]))
    assert response.status_code in (302, 403)
    assert not Notice.objects.get().enabled


@pytest.mark.django_db
def test_suspension_form_warns_about_search_engines(editor_client, home_page):
    html = editor_client.get(f"{LIST_URL}add/").content.decode()
    assert "les moteurs de recherche retirent de leurs résultats les pages inaccessibles" in html
    data = nested_form_data(
        {
            "name": "Grève",
            "level": NoticeLevel.SUSPENSION,
            "message_fr": rich_text("<p>Accès suspendu.</p>"),
            "message_en": rich_text("<p>Access suspended.</p>"),
            "starts_at": "",
            "ends_at": "",
            "enabled": "on",
        }
    )
    # Switching a suspension on from its form asks first, as the list's switch does.
    response = editor_client.post(f"{LIST_URL}add/", data)
    assert response.status_code == 200
    assert "Suspendre l’accès au site ?" in response.content.decode()
    assert not Notice.objects.exists()
    response = editor_client.post(f"{LIST_URL}add/", {**data, "confirm": "1"}, follow=True)
    assert response.status_code == 200
    assert Notice.objects.filter(name="Grève", enabled=True).exists()
    assert "Cette suspension n’a pas de date de fin" in response.content.decode()
    assert editor_client.get("/fr/").status_code == 200  # the editor still sees the site


@pytest.mark.django_db
def test_end_before_start_is_refused(editor_client, home_page):
    data = nested_form_data(
        {
            "name": "À l’envers",
            "level": NoticeLevel.INFO,
            "message_fr": rich_text("<p>x</p>"),
            "message_en": rich_text(""),
            "starts_at": "2026-06-02 10:00",
            "ends_at": "2026-06-01 10:00",
        }
    )
    response = editor_client.post(f"{LIST_URL}add/", data)
    assert response.status_code == 200
    assert not Notice.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["associationsettings", "donationsettings"])
def test_settings_are_editable_in_both_languages(editor_client, home_page, model):
    html = editor_client.get(f"/admin/settings/association/{model}/", follow=True).content.decode()
    field = "tagline" if model == "associationsettings" else "heading"
    assert f'name="{field}_fr"' in html and f'name="{field}_en"' in html
