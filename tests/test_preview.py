"""The admin's preview: framable by the admin (same origin) while public pages refuse every
frame, one preview per language from the edit view and from the moderation dashboard, and a
language switcher that stays inside the preview (the page may have no public address yet)."""

import html
import re

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from articles.factories import ArticlePageFactory, ThemeFactory
from editorial.roles import MODERATORS, WRITERS

from .admin_forms import article_form_data

pytestmark = pytest.mark.django_db

TITLE_FR = "Été à Marseille : l’accueil des mineurs"
TITLE_EN = "Summer in Marseille: receiving minors"


def directives(response):
    csp = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in csp.split(";") if part.strip())


def h1(response):
    return html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S)[1])


def switcher_links(response):
    nav = re.search(r'<nav class="lang-switch".*?</nav>', response.content.decode(), re.S)[0]
    return {
        lang: html.unescape(href)
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', nav)
    }


@pytest.fixture
def draft(news_index):
    """An article never published: it has no public address yet."""
    return ArticlePageFactory(parent=news_index, live=False, title_fr=TITLE_FR, title_en=TITLE_EN)


@pytest.fixture
def previewed(client, admin_user, draft):
    """The edit view's preview, with the form as the editor left it."""
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(draft.pk,))
    data = article_form_data(
        title_fr=TITLE_FR, title_en=TITLE_EN, slug_fr="ete-a-marseille", slug_en="summer"
    )
    data["themes"] = [ThemeFactory().pk]
    assert client.post(url, data).json()["is_valid"]
    return url


@pytest.mark.parametrize(("mode", "title"), [("fr", TITLE_FR), ("en", TITLE_EN)])
def test_the_preview_panel_may_frame_the_preview(client, previewed, mode, title):
    response = client.get(previewed, {"mode": mode, "in_preview_panel": "true"})
    assert response.status_code == 200
    assert h1(response) == title
    assert directives(response)["frame-ancestors"] == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # The rest of the public policy still holds: no inline script in the previewed page.
    assert directives(response)["script-src"] == "'self'"


def test_public_pages_still_refuse_every_frame(client, news_index):
    article = ArticlePageFactory(parent=news_index, title_fr=TITLE_FR, title_en=TITLE_EN)
    article.save_revision().publish()
    for url in ("/fr/", "/en/", article.get_url_in("fr"), article.get_url_in("en")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response)["frame-ancestors"] == "'none'", url
        assert response["X-Frame-Options"] == "DENY", url


def test_public_pages_refuse_frames_for_a_logged_in_editor_too(client, admin_user, news_index):
    client.force_login(admin_user)
    response = client.get("/fr/")
    assert directives(response)["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_previews_switcher_stays_in_the_preview(client, previewed):
    response = client.get(previewed, {"mode": "fr", "in_preview_panel": "true"})
    links = switcher_links(response)
    # The active language is not a link; the other one is the same preview in English.
    assert list(links) == ["en"]
    assert links["en"].startswith(previewed + "?")
    assert "mode=en" in links["en"] and "in_preview_panel=true" in links["en"]
    english = client.get(links["en"])
    assert english.status_code == 200
    assert h1(english) == TITLE_EN
    assert switcher_links(english)["fr"].startswith(previewed + "?")


@pytest.fixture
def submitted(client, django_user_model, draft):
    """The draft submitted for review by a writer; a moderator logged in."""
    writer = django_user_model.objects.create_user("redactrice", "r@example.org", "pw")
    writer.groups.add(Group.objects.get(name=WRITERS))
    moderator = django_user_model.objects.create_user("coordinatrice", "c@example.org", "pw")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    revision = draft.save_revision(user=writer)
    state = draft.get_workflow().start(draft, writer)
    assert state.current_task_state.revision == revision
    client.force_login(moderator)
    return state.current_task_state


@pytest.mark.parametrize(("mode", "title"), [(None, TITLE_FR), ("fr", TITLE_FR), ("en", TITLE_EN)])
def test_the_dashboard_previews_a_submission_in_each_language(
    client, draft, submitted, mode, title
):
    url = reverse("wagtailadmin_pages:workflow_preview", args=(draft.pk, submitted.task_id))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "En attente de votre vérification" in dashboard and url in dashboard
    response = client.get(url, {"mode": mode} if mode else {})
    assert response.status_code == 200
    assert re.search(r'<html[^>]* lang="([a-z]+)"', response.content.decode())[1] == (mode or "fr")
    assert h1(response) == title
    other = "en" if (mode or "fr") == "fr" else "fr"
    assert switcher_links(response)[other] == f"{url}?mode={other}"
