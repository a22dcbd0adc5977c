"""The coordinator's first day, as people live it, on the site `make run` serves (a server
process of its own, SQLite, the page cache on): the coordinator creates a volunteer's
account; the volunteer writes an article in French and English whose title has accents and
typographic quotes, types a date the French way, previews it in each language and submits
it; the coordinator previews it from the dashboard in English and approves it; visitors read
it at once at its French and English addresses and switch language; the coordinator imports
a spreadsheet from the admin (a bad row first: nothing written) and exports the site.

Everything goes through the browser or HTTP: the test process never opens the site's
database."""

import csv
import io
import re
import urllib.parse

import pytest
from playwright.sync_api import expect

from .site_process import ADMIN, PASSWORD, SiteProcess

pytestmark = [pytest.mark.browser, pytest.mark.processes]

VOLUNTEER = "volontaire"
VOLUNTEER_PASSWORD = "Été 2026 : « bienvenue » ✓"
TITLE_FR = "Été à Marseille : l’accueil des mineurs « non accompagnés »"
TITLE_EN = "Summer in Marseille: welcoming “unaccompanied” minors"
LEAD_FR = "Le département ouvre 40 places d’hébergement ; les associations restent prudentes."
LEAD_EN = "The département opens 40 places; associations remain cautious."
MORE_ACTIONS = "footer .w-dropdown-button .w-dropdown__toggle"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    process = SiteProcess(tmp_path_factory.mktemp("make-run")).setup()
    with process:
        yield process


@pytest.fixture(scope="module")
def state():
    """What one step of the day leaves for the next (the article's admin and public URLs)."""
    return {}


def admin_page(browser, site, username, password, locale="fr-FR"):
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{site.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def test_1_the_coordinator_creates_a_volunteer_account(site, browser):
    page = admin_page(browser, site, ADMIN, PASSWORD)
    page.goto(f"{site.url}/admin/users/new/")
    page.fill("#id_username", VOLUNTEER)
    page.fill("#id_email", "volontaire@example.org")
    page.fill("#id_first_name", "Zoé")
    page.fill("#id_last_name", "N’Diaye")
    page.fill("#id_password1", VOLUNTEER_PASSWORD)
    page.fill("#id_password2", VOLUNTEER_PASSWORD)
    page.get_by_role("tab", name="Rôles").first.click()
    page.get_by_role("checkbox", name=re.compile("^Rédacteurs :")).check()
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/admin/users/(\?.*)?$"))
    row = page.locator("tr", has_text=VOLUNTEER)
    expect(row).to_contain_text("Rédacteurs")
    page.context.close()


def test_2_the_volunteer_writes_previews_and_submits(site, browser, state):
    page = admin_page(browser, site, VOLUNTEER, VOLUNTEER_PASSWORD)
    # Through the explorer: the site's home, then the news section, then "add a child".
    page.goto(f"{site.url}/admin/pages/")
    page.locator("tr", has_text="Accueil").locator("a[href$='/edit/']").first.click()
    home_id = re.search(r"/admin/pages/(\d+)/", page.url).group(1)
    page.goto(f"{site.url}/admin/pages/{home_id}/")
    news = page.locator("tr", has_text="Actualités").locator("a[href$='/edit/']").first
    news_id = re.search(r"/admin/pages/(\d+)/", news.get_attribute("href")).group(1)
    page.goto(f"{site.url}/admin/pages/{news_id}/add_subpage/")
    # The form's scripts (slug sync, date pickers) start once everything has loaded.
    page.wait_for_load_state("networkidle")

    page.fill("#id_title_fr", TITLE_FR)
    page.fill("#id_lead_fr", LEAD_FR)
    page.locator("button.locale-toggle", has_text="en").click()
    page.fill("#id_title_en", TITLE_EN)
    page.fill("#id_lead_en", LEAD_EN)
    page.fill("#id_source_name", "La Marseillaise")
    page.fill("#id_source_url_fr", "https://www.example.org/marseille-ete-2026")
    page.locator("input[name=themes]").first.check()
    page.fill("#id_original_date", "20/11/2026")
    # The date picker opens on the field (a moment after it takes the focus) and covers the
    # footer's actions until one clicks beside it, as a person does.
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    page.locator("#id_source_name").click()
    expect(picker).to_have_count(0)
    # Plain ASCII slugs, as editors coming from SPIP or WordPress expect.
    expect(page.locator("#id_slug_fr")).to_have_value(re.compile(r"^ete-a-marseille"))

    # The preview panel shows the page in each language before anything is saved.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(TITLE_FR)
    page.select_option("#id_preview_mode", label="Anglais")
    expect(preview.locator("h1")).to_have_text(TITLE_EN)
    expect(preview.locator("html")).to_have_attribute("lang", "en")

    page.locator(MORE_ACTIONS).click()
    with page.expect_navigation():
        page.locator("button[name=action-submit]").click()
    message = page.locator(".messages")
    assert "soumise pour modération" in message.text_content(), refusal(page)
    message.get_by_role("link", name="Modifier").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    state["edit_url"] = page.url
    # The date typed as jj/mm/aaaa is kept as that date, shown the same way.
    expect(page.locator("#id_original_date")).to_have_value("20/11/2026")
    page.context.close()


def refusal(page):
    """What the form refused, on every tab, hidden or not: the message, the fields in error
    with their errors, and any error outside a field."""
    fields = page.evaluate(
        """() => [...document.querySelectorAll('.w-field--error, [data-field].error')].map(
            (f) => (f.querySelector('[name]') || {}).name + ': ' + f.textContent.trim()
                .replace(/\\s+/g, ' ').slice(0, 300))"""
    )
    others = page.locator(".help-critical, .error-message, .non-field-errors").all_text_contents()
    return {"message": page.locator(".messages").text_content(), "fields": fields, "others": others}


def test_3_the_coordinator_previews_in_english_and_approves(site, browser, state):
    page = admin_page(browser, site, ADMIN, PASSWORD)
    awaiting = page.locator("section, .w-panel", has_text="En attente de votre vérification")
    expect(awaiting.first).to_contain_text(TITLE_FR)
    # The dashboard's preview opens in French; its switcher shows the English version.
    preview_link = page.locator("a[href*='/workflow/preview/']")
    preview = page.context.new_page()
    preview.goto(site.url + preview_link.first.get_attribute("href"))
    expect(preview.locator("h1")).to_have_text(TITLE_FR)
    preview.locator(".lang-switch a", has_text="English").click()
    expect(preview.locator("h1")).to_have_text(TITLE_EN)
    preview.close()

    page.goto(state["edit_url"])
    page.locator(MORE_ACTIONS).click()
    page.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    expect(page.locator(".messages")).to_contain_text(TITLE_FR)
    page.goto(f"{site.url}/admin/")
    expect(page.locator("main")).not_to_contain_text("En attente de votre vérification")
    page.context.close()


def test_4_visitors_read_it_at_once_in_both_languages(site, browser, state):
    # The news listing, as it was cached before the approval, shows the article now.
    status, _headers, html = site.request("/fr/actualites/")
    assert status == 200
    match = re.search(r'href="(/fr/actualites/ete-a-marseille[^"]*)"', html)
    assert match, "the article is not on the French listing"
    french_url = match.group(1)
    for _ in range(2):  # first request and a cached one
        status, headers, html = site.request(french_url)
        assert status == 200, (french_url, status)
        assert "Été à Marseille" in html

    visitor = browser.new_context(locale="fr-FR").new_page()
    visitor.goto(site.url + french_url)
    expect(visitor.locator("h1")).to_have_text(TITLE_FR)
    visitor.get_by_role("link", name=re.compile("English")).first.click()
    expect(visitor.locator("h1")).to_have_text(TITLE_EN)
    assert visitor.url.startswith(f"{site.url}/en/news/")
    state["english_url"] = urllib.parse.urlsplit(visitor.url).path
    visitor.get_by_role("link", name=re.compile("Français")).first.click()
    expect(visitor.locator("h1")).to_have_text(TITLE_FR)
    assert urllib.parse.unquote(urllib.parse.urlsplit(visitor.url).path) == french_url
    visitor.context.close()


def _csv_bytes(rows):
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows(rows)
    return out.getvalue().encode("cp1252")


IMPORTED_TITLE = "Mayotte : « zéro mineur à la rue » d’ici l’été, promet la préfecture"
IMPORT_HEADER = ["id", "title_fr", "lead_fr", "source_name", "source_url", "themes", "status"]
IMPORTED = [
    "",
    IMPORTED_TITLE,
    "Quarante places d’urgence ouvrent à Mamoudzou ; les associations demandent plus.",
    "Mayotte la 1re",
    "https://www.example.org/mayotte-mineurs",
    "Mineurs isolés étrangers (MIE/MNA)",
    "live",
]


def upload(page, rows):
    page.get_by_label("Fichier à importer").set_input_files(
        files=[
            {
                "name": "revue de presse.csv",
                "mimeType": "text/csv",
                "buffer": _csv_bytes([IMPORT_HEADER, *rows]),
            }
        ]
    )
    page.get_by_role("button", name="Vérifier le fichier").click()


def test_5_the_coordinator_imports_a_spreadsheet_and_exports_the_site(site, browser):
    page = admin_page(browser, site, ADMIN, PASSWORD)
    page.get_by_role("button", name="Import et export").click()
    page.get_by_role("link", name="Importer des articles").click()

    # French Excel's file, one row without its source's name: nothing written, the row named.
    upload(page, [IMPORTED, [*IMPORTED[:3], "", *IMPORTED[4:]]])
    alert = page.get_by_role("alert").filter(has_text="Rien n’a été importé")
    expect(alert).to_contain_text("Ligne 3, source_name")
    assert IMPORTED_TITLE not in site.request("/fr/actualites/")[2]

    # Fixed: the preview says what will happen, the confirmation writes it.
    upload(page, [IMPORTED])
    expect(page.locator("main")).to_contain_text(IMPORTED_TITLE)
    assert IMPORTED_TITLE not in site.request("/fr/actualites/")[2]
    page.get_by_role("button", name="Confirmer l’import").click()
    expect(page.locator(".messages")).to_be_visible()
    # Every public page shows it at once: the listing and the home page were cached before.
    for path in ("/fr/actualites/", "/fr/"):
        status, _headers, html = site.request(path)
        assert status == 200 and "Mayotte : « zéro mineur à la rue »" in html, path

    # The export opens in French Excel and names the volunteer's article as it was written.
    page.get_by_role("button", name="Import et export").click()
    page.get_by_role("link", name="Exporter les articles").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel (point-virgule)").click()
    content = open(download_info.value.path(), "rb").read()  # noqa: PTH123
    assert content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    titles = {row["title_fr"] for row in rows}
    assert {TITLE_FR, IMPORTED_TITLE} <= titles

    # Importing the export as it is changes nothing.
    page.get_by_role("button", name="Import et export").click()
    page.get_by_role("link", name="Importer des articles").click()
    page.get_by_label("Fichier à importer").set_input_files(
        files=[{"name": "export.csv", "mimeType": "text/csv", "buffer": content}]
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    expect(page.locator("main")).to_contain_text(f"{len(rows)} articles inchangés")
    expect(page.locator("main")).to_contain_text("il n’y a rien à importer")
    page.context.close()
