"""The coordinator at work in the French admin, in a real browser against the live server:
the preview panel in each language, dates typed jj/mm/aaaa, a lead pasted too long, and a
suspension that asks before it closes the site."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage
from home.site_tree import ensure_site_tree
from notices.factories import NoticeFactory
from notices.models import Notice, NoticeLevel

pytestmark = pytest.mark.browser

PASSWORD = "mot de passe très « secret »"
TITLE_FR = "Été à Marseille : l’accueil des mineurs"
TITLE_EN = "Summer in Marseille: receiving minors"
LONG_LEAD = ("« L’accueil des mineurs isolés à Marseille, été 2026 » — " * 10)[:350]
SAVE_DRAFT = "footer button.action-save"


@pytest.fixture
def coordinator(transactional_db, live_server):
    ensure_site_tree()
    get_user_model().objects.create_superuser("coordinatrice", "c@example.org", PASSWORD)
    return live_server


@pytest.fixture
def article(coordinator):
    """A draft never published: it has no public address yet."""
    _home, index = ensure_site_tree()
    return ArticlePageFactory(
        parent=index,
        live=False,
        title_fr=TITLE_FR,
        title_en=TITLE_EN,
        lead_fr="Le centre accueillera trente mineurs isolés dès septembre.",
        themes=[ThemeFactory(name_fr="Accueil", name_en="Reception")],
    )


@pytest.fixture
def admin(browser, coordinator):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(f"{coordinator.url}/admin/login/")
    page.fill("input[name=username]", "coordinatrice")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


def edit(admin, coordinator, article):
    admin.goto(f"{coordinator.url}/admin/pages/{article.pk}/edit/")
    expect(admin.locator("#id_title_fr")).to_have_value(TITLE_FR)


def latest(article):
    return ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()


def test_preview_panel_in_french_and_english(admin, coordinator, article):
    edit(admin, coordinator, article)
    admin.locator('[data-side-panel-toggle="preview"]').click()
    preview = admin.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(TITLE_FR)
    expect(preview.locator("html")).to_have_attribute("lang", "fr")

    admin.select_option("#id_preview_mode", label="Anglais")
    expect(preview.locator("h1")).to_have_text(TITLE_EN)
    expect(preview.locator("html")).to_have_attribute("lang", "en")

    # The page's own language switcher stays in the preview: the article has no public
    # address yet, a live link would be a 404.
    preview.locator(".lang-switch a", has_text="Français").click()
    expect(preview.locator("h1")).to_have_text(TITLE_FR)
    other_language = preview.locator(".lang-switch a:not([aria-current])")
    assert "/admin/pages/" in other_language.get_attribute("href")


def test_english_picked_while_the_french_preview_loads(admin, coordinator, article):
    """The editor opens the preview and picks English before the French one has appeared
    (held back here until she has picked): the preview ends in English, not in French under
    "Anglais" (Wagtail alone drops a choice made during a reload: core/admin/preview.js)."""
    edit(admin, coordinator, article)
    held = []
    loading_in_french = re.compile(r"/preview/\?.*mode=fr.*in_preview_panel")
    admin.route(loading_in_french, lambda route: held.append(route))
    admin.locator('[data-side-panel-toggle="preview"]').click()
    admin.wait_for_function("() => document.querySelector('#w-preview-iframe ~ iframe')")
    admin.select_option("#id_preview_mode", label="Anglais")
    assert len(held) == 1
    held[0].continue_()
    preview = admin.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(TITLE_EN)
    expect(preview.locator("html")).to_have_attribute("lang", "en")


def test_a_date_typed_the_french_way_is_saved(admin, coordinator, article):
    edit(admin, coordinator, article)
    original_date = admin.locator("#id_original_date")
    original_date.fill("20/11/2026")
    original_date.press("Tab")  # leaving the field used to turn it into today's date
    expect(original_date).to_have_value("20/11/2026")
    admin.locator(SAVE_DRAFT).click()
    expect(admin.locator(".messages")).to_contain_text("a été mise à jour")
    assert latest(article).original_date == datetime.date(2026, 11, 20)
    admin.reload()
    expect(admin.locator("#id_original_date")).to_have_value("20/11/2026")


def test_a_date_that_cannot_be_read_is_a_french_error(admin, coordinator, article):
    revisions = article.revisions.count()
    edit(admin, coordinator, article)
    original_date = admin.locator("#id_original_date")
    original_date.fill("31/02/2026")
    original_date.press("Tab")
    expect(original_date).to_have_value("31/02/2026")  # kept, not replaced by today
    admin.locator(SAVE_DRAFT).click()
    expect(admin.locator("#panel-child-contenu-original_date-section, main")).to_contain_text(
        "Saisissez une date valide."
    )
    expect(admin.locator("#id_original_date")).to_have_value("31/02/2026")
    assert article.revisions.count() == revisions


def test_a_lead_pasted_too_long_is_counted_and_refused(admin, coordinator, article):
    revisions = article.revisions.count()
    edit(admin, coordinator, article)
    lead = admin.locator("#id_lead_fr")
    lead.fill("")
    lead.focus()
    admin.keyboard.insert_text(LONG_LEAD)  # as a paste does
    expect(lead).to_have_value(LONG_LEAD)  # nothing cut
    counter = admin.locator("#id_lead_fr-length")
    expect(counter).to_contain_text("350 / 300 caractères")
    expect(counter).to_contain_text("Trop long : 300 caractères au plus.")

    admin.locator(SAVE_DRAFT).click()
    expect(admin.locator("main")).to_contain_text(
        "Assurez-vous que cette valeur comporte au plus 300 caractères (actuellement 350)."
    )
    expect(admin.locator("#id_lead_fr")).to_have_value(LONG_LEAD)
    assert article.revisions.count() == revisions

    # Shortened below the limit: the warning goes away as the editor types.
    lead.fill(LONG_LEAD[:290])
    expect(counter).to_contain_text("290 / 300 caractères")
    expect(counter.locator("[data-infomie-length-warning]")).to_be_hidden()


def test_switching_a_suspension_on_asks_first(admin, coordinator):
    NoticeFactory(
        name="Grève d’été",
        level=NoticeLevel.SUSPENSION,
        enabled=False,
        message_fr="<p>« Fermeture estivale » : l’équipe revient le 1er septembre.</p>",
    )
    admin.goto(f"{coordinator.url}/admin/snippets/notices/notice/")
    admin.get_by_role("button", name="Activer : Grève d’été").click()

    expect(admin.locator("h1")).to_contain_text("Suspendre l’accès au site ?")
    main = admin.locator("main")
    expect(main).to_contain_text("les visiteurs ne voient plus aucune page du site")
    expect(main).to_contain_text("« Fermeture estivale » : l’équipe revient le 1er septembre.")
    expect(main).to_contain_text("elle n’a pas de date de fin")
    assert not Notice.objects.get().enabled

    admin.get_by_role("button", name="Oui, suspendre l’accès : « Grève d’été »").click()
    admin.wait_for_url(re.compile(r"/admin/snippets/notices/notice/$"))
    assert Notice.objects.get().enabled

    # Switching it off does not ask.
    admin.get_by_role("button", name="Désactiver : Grève d’été").click()
    admin.wait_for_url(re.compile(r"/admin/snippets/notices/notice/$"))
    expect(admin.get_by_role("button", name="Activer : Grève d’été")).to_be_visible()
    assert not Notice.objects.get().enabled


def test_saving_a_suspension_switched_on_in_its_form_asks_first(admin, coordinator):
    notice = NoticeFactory(
        name="Fermeture de Noël",
        level=NoticeLevel.SUSPENSION,
        enabled=False,
        message_fr="<p>« Trêve des confiseurs » : retour le 2 janvier.</p>",
    )
    admin.goto(f"{coordinator.url}/admin/snippets/notices/notice/edit/{notice.pk}/")
    admin.get_by_role("checkbox", name="Activé").check()
    admin.locator("button[type=submit]", has_text="Enregistrer").first.click()

    expect(admin.locator("h1")).to_contain_text("Suspendre l’accès au site ?")
    expect(admin.locator("main")).to_contain_text("« Trêve des confiseurs » : retour le 2 janvier.")
    notice.refresh_from_db()
    assert not notice.enabled

    admin.get_by_role("button", name="Oui, suspendre l’accès : « Fermeture de Noël »").click()
    admin.wait_for_url(re.compile(r"/admin/snippets/notices/notice/"))
    notice.refresh_from_db()
    assert notice.enabled
    assert "« Trêve des confiseurs » : retour le 2 janvier." in notice.message_fr

    # Once on, editing its text asks nothing.
    admin.goto(f"{coordinator.url}/admin/snippets/notices/notice/edit/{notice.pk}/")
    admin.fill("#id_name", "Fermeture de Noël (prolongée)")
    admin.locator("button[type=submit]", has_text="Enregistrer").first.click()
    admin.wait_for_url(re.compile(r"/admin/snippets/notices/notice/$"))
    notice.refresh_from_db()
    assert notice.name == "Fermeture de Noël (prolongée)"


def test_a_page_being_created_is_not_saved_behind_the_editors_back(admin, coordinator, article):
    """Wagtail's autosave is off while a page is created (core/static/core/admin/forms.js): it
    would create the page from the first typed title and rebuild the form under the editor's
    clicks. Once the page exists, its edit form autosaves the draft as Wagtail intends."""
    _home, index = ensure_site_tree()
    posts = []
    admin.on("request", lambda r: r.method == "POST" and posts.append(r.url))
    admin.goto(f"{coordinator.url}/admin/pages/add/articles/articlepage/{index.pk}/")
    admin.wait_for_load_state("networkidle")
    # Wagtail's unsaved-changes watch takes what the form holds 2 s after loading as its
    # starting point: the editor types after that, as a person does.
    admin.wait_for_timeout(2500)
    admin.fill("#id_title_fr", "Brouillon : « ne pas créer » tout seul")
    admin.fill("#id_lead_fr", "Un chapeau tapé, puis une pause.")
    admin.wait_for_timeout(3000)
    assert not [url for url in posts if "/pages/add/" in url]
    assert "/pages/add/" in admin.url

    # The same scripts, on an existing draft: the change is kept without a click.
    article.lead_en = "The centre will take in thirty lone minors from September."
    article.save_revision()
    edit(admin, coordinator, article)
    admin.wait_for_timeout(2500)
    with admin.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith(f"/pages/{article.pk}/edit/")
    ) as autosaved:
        admin.fill("#id_title_fr", "Été à Marseille : titre corrigé sans cliquer")
    assert autosaved.value.json()["success"] is True
    assert latest(article).title_fr == "Été à Marseille : titre corrigé sans cliquer"
