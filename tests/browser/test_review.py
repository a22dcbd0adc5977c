"""A volunteer writes an article and submits it; the coordinator approves it and it is live."""

import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import ArticleIndexPage, ArticlePage, Theme
from editorial import roles

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
MORE_ACTIONS = "footer .w-dropdown-button .w-dropdown__toggle"


@pytest.fixture
def editors(demo_site):
    # The test database was emptied between tests: put the roles and workflow back on the
    # page tree load_demo rebuilt (post_migrate did the groups, not the tree's part).
    roles.apply_roles()
    users = {}
    for username, group in (("volontaire", roles.WRITERS), ("coordinatrice", roles.MODERATORS)):
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))
        users[group] = user
    return users


def log_in(browser, base_url, username):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return context, page


def test_writer_submits_moderator_approves(demo_site, browser, editors):
    index = ArticleIndexPage.objects.get()
    theme = Theme.objects.get(slug_fr="mineurs-isoles-etrangers")

    writer_context, page = log_in(browser, demo_site.url, "volontaire")
    page.goto(f"{demo_site.url}/admin/pages/add/articles/articlepage/{index.pk}/")
    page.fill("#id_title_fr", "Un foyer d’accueil ouvre à Lyon")
    page.fill("#id_lead_fr", "Le centre accueillera trente mineurs isolés dès septembre.")
    # The English fields show when the writer switches the language picker to "en" too.
    page.locator("button.locale-toggle", has_text="en").click()
    page.fill("#id_title_en", "A reception centre opens in Lyon")
    page.fill("#id_lead_en", "The centre will take in thirty unaccompanied minors from September.")
    page.fill("#id_source_name", "Le Progrès")
    page.fill("#id_source_url_fr", "https://www.leprogres.fr/exemple-foyer")
    page.check(f"input[name=themes][value='{theme.pk}']")
    # The slugs are filled in from the titles as the writer types.
    expect(page.locator("#id_slug_fr")).to_have_value(re.compile("^un-foyer"))
    expect(page.locator("#id_slug_en")).to_have_value(re.compile("^a-reception-centre"))

    # Writers have no publish button, only "submit to the moderators".
    assert page.locator("button[name=action-publish]").count() == 0
    page.locator(MORE_ACTIONS).click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/|/admin/pages/\d+/$"))
    article = ArticlePage.objects.get(title_fr="Un foyer d’accueil ouvre à Lyon")
    assert not article.live
    assert article.current_workflow_state is not None
    writer_context.close()

    moderator_context, page = log_in(browser, demo_site.url, "coordinatrice")
    # The dashboard lists what awaits the moderator's review.
    assert "Un foyer d’accueil ouvre à Lyon" in page.inner_text("main")
    page.goto(f"{demo_site.url}/admin/pages/{article.pk}/edit/")
    page.locator(MORE_ACTIONS).click()
    page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    # Approving without a comment needs no dialog; with one, Wagtail asks in a modal.
    page.wait_for_load_state("networkidle")
    article.refresh_from_db()
    assert article.live, page.url
    moderator_context.close()

    visitor = browser.new_context(locale="en-GB").new_page()
    visitor.goto(demo_site.url + article.get_url_in("en"))
    assert "A reception centre opens in Lyon" in visitor.inner_text("h1")
    visitor.context.close()
