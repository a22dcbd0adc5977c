"""What editors type in the admin's forms is kept or refused, never changed without a word:
dates typed the French way (jj/mm/aaaa, jj/mm/aaaa hh:mm), in either admin language, and
texts longer than their limit (a counter and an error, not a cut)."""

import datetime
import re
import zoneinfo

import pytest

from django.conf import settings
from django.urls import reverse
from django.utils import formats

from wagtail.users.models import UserProfile

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import LEAD_MAX_LENGTH, ArticlePage

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
LONG_LEAD = ("« L’accueil des mineurs isolés à Marseille, été 2026 » — " * 10)[:350]


@pytest.fixture
def editing(client, admin_user, news_index):
    """An article's edit view, for an editor whose admin is in `admin_language`."""

    def open_article(admin_language="fr"):
        profile = UserProfile.get_for_user(admin_user)
        profile.preferred_language = admin_language
        profile.save()
        client.force_login(admin_user)
        article = ArticlePageFactory(
            parent=news_index, title_fr="Été à Marseille : l’accueil des mineurs"
        )
        return article, reverse("wagtailadmin_pages:edit", args=(article.pk,))

    return open_article


def post_article(client, url, **fields):
    data = article_form_data(slug_fr="ete-a-marseille", slug_en="summer-in-marseille", **fields)
    data["themes"] = [ThemeFactory().pk]
    return client.post(url, data)


def test_the_date_formats_agree_in_every_language():
    """Wagtail's own check for this (wagtailadmin.E003) only runs with USE_L10N, gone from
    Django 5: the date pickers' formats must be read in each admin language."""
    for code, _name in settings.LANGUAGES:
        assert settings.WAGTAIL_DATE_FORMAT in formats.get_format("DATE_INPUT_FORMATS", lang=code)
        assert settings.WAGTAIL_DATETIME_FORMAT in formats.get_format(
            "DATETIME_INPUT_FORMATS", lang=code
        )


@pytest.mark.parametrize("admin_language", ["fr", "en"])
def test_a_date_typed_the_french_way_is_saved_as_typed(client, editing, admin_language):
    article, url = editing(admin_language)
    response = post_article(
        client, url, original_date="20/11/2026", published_date="05/11/2026", go_live_at=""
    )
    assert response.status_code == 302, response.context["form"].errors
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert saved.original_date == datetime.date(2026, 11, 20)
    # Day first in English too: not the 11th of May.
    assert saved.published_date == datetime.date(2026, 11, 5)
    # And the form shows it back as the editor typed it.
    html = client.get(url).content.decode()
    assert re.search(r'name="original_date"[^>]*value="20/11/2026"', html)


def test_a_go_live_date_with_its_time(client, editing):
    article, url = editing()
    response = post_article(client, url, go_live_at="20/11/2026 14:30")
    assert response.status_code == 302, response.context["form"].errors
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert saved.go_live_at == datetime.datetime(2026, 11, 20, 14, 30, tzinfo=PARIS)


@pytest.mark.parametrize(
    ("field", "typed"),
    [("original_date", "31/02/2026"), ("original_date", "demain"), ("go_live_at", "20/11/26h")],
)
def test_a_date_the_form_cannot_read_is_an_error_in_french(client, editing, field, typed):
    article, url = editing()
    revisions = article.revisions.count()
    response = post_article(client, url, **{field: typed})
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(message.startswith("Saisissez une date") for message in errors), errors
    assert article.revisions.count() == revisions  # nothing saved
    # What the editor typed is still there to correct, not replaced.
    assert f'value="{typed}"' in response.content.decode()


def test_a_long_lead_shows_a_counter_and_an_error_not_a_cut(client, editing):
    article, url = editing()
    html = client.get(url).content.decode()
    textarea = re.search(r'<textarea[^>]*name="lead_fr"[^>]*>', html)[0]
    assert "maxlength" not in textarea  # the browser would cut a paste without a word
    assert f'data-max-length="{LEAD_MAX_LENGTH}"' in textarea
    assert re.search(r"\d+ / 300 caractères", html)

    revisions = article.revisions.count()
    response = post_article(client, url, lead_fr=LONG_LEAD)
    assert response.status_code == 200
    assert response.context["form"].errors["lead_fr"] == [
        "Assurez-vous que cette valeur comporte au plus 300 caractères (actuellement 350)."
    ]
    assert article.revisions.count() == revisions
    html = response.content.decode()
    assert "350 / 300 caractères" in html
    assert "Trop long : 300 caractères au plus." in html
    assert LONG_LEAD in html  # kept whole, to shorten
