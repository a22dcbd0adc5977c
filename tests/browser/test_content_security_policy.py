"""The content security policy breaks nothing: the public pages and Wagtail's admin (which
has a looser policy of its own) load in Chromium without a single CSP violation."""

import pytest

from django.contrib.auth import get_user_model

from articles.models import ArticlePage

pytestmark = pytest.mark.browser


def watch(page):
    problems = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def test_public_pages_load_without_violations(demo_site, page):
    problems = watch(page)
    article = ArticlePage.objects.live().first()
    for url in ("/fr/", "/en/news/", article.get_url_in("fr")):
        response = page.goto(demo_site.url + url)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
    assert problems == []


def test_the_admin_works_under_its_policy(demo_site, page):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-password")
    problems = watch(page)
    page.goto(demo_site.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "a-password")
    page.click("button[type=submit]")
    page.wait_for_url(demo_site.url + "/admin/")
    article = ArticlePage.objects.live().first()
    for url in (
        "/admin/",
        f"/admin/pages/{article.get_parent().pk}/",
        f"/admin/pages/{article.pk}/edit/",
    ):
        response = page.goto(demo_site.url + url)
        assert response.status == 200, url
        assert "content-security-policy" in response.headers
        page.wait_for_load_state("networkidle")
    # The editor's scripts ran: the rich text editor of the lead or body is there.
    assert page.locator("[data-draftail-editor-wrapper], .Draftail-Editor").count() > 0
    assert problems == [], problems
    # Leave the edit form before the database is emptied: its editing-session ping, sent
    # every few seconds, once met the flush in a deadlock.
    page.goto("about:blank")
