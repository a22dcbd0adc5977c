"""The coordinator imports a spreadsheet saved by French Excel from the admin, and exports the
articles for Excel, as she would, in French: a bad row first (nothing written, the row and the
column named), then the corrected file, its preview, the confirmation, the download. The rows
of articles already on the site carry the id an export gave them; new rows have none."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from articles.models import ArticlePage
from editorial import roles

pytestmark = pytest.mark.browser

PASSWORD = "correct horse battery staple"
TITLE = "Été à Marseille : l’accueil des mineurs"
HEADER = ["id", "source_url", "title_fr", "lead_fr", "source_name", "themes", "status"]
KEPT = [
    "",
    "https://example.org/garde",
    "Une place en foyer",
    "Le département ouvre vingt places.",
    "Ouest-France",
    "Hébergement",
    "draft",
]
CHANGED = [
    "",
    "https://example.org/modifie",
    "Premier titre",
    "Un chapô qui ne change pas.",
    "Libération",
    "Hébergement",
    "draft",
]
NEW = [
    [
        "",
        "https://example.org/ete",
        TITLE,
        "« Nous manquons de places », dit l’association ; la préfecture répond.",
        "La Provence",
        "Accueil; Hébergement",
        "draft",
    ],
    [
        "",
        "https://example.org/calais",
        "Calais : « l’hiver arrive »",
        "Deux lignes :\nla seconde.",
        "La Voix du Nord",
        "Accueil",
        "draft",
    ],
]


def with_id(row):
    """The row with the id of the article it made (as the export writes it)."""
    article = ArticlePage.objects.get(source_url_fr=row[1])
    return [str(article.translation_key), *row[1:]]


def excel_csv(rows):
    """What French Excel's "CSV (séparateur : point-virgule)" writes."""
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows([HEADER, *rows])
    return out.getvalue().encode("cp1252")


@pytest.fixture
def coordinator(demo_site, settings, tmp_path):
    settings.ARTICLES_IMPORT_DIR = tmp_path / "imports"
    roles.apply_roles()
    user = get_user_model().objects.create_user("coordinatrice", password=PASSWORD)
    user.groups.add(Group.objects.get(name=roles.MODERATORS))
    # Two articles already imported from an earlier spreadsheet.
    earlier = tmp_path / "earlier.csv"
    earlier.write_bytes(excel_csv([KEPT, CHANGED]))
    call_command("import_articles", str(earlier), verbosity=0)
    return user


def test_coordinator_imports_excel_csv_then_exports(demo_site, coordinator, browser, axe):
    before = ArticlePage.objects.count()
    context = browser.new_context(
        locale="fr-FR", viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    page = context.new_page()
    page.goto(f"{demo_site.url}/admin/login/")
    page.fill("input[name=username]", "coordinatrice")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.get_by_role("button", name="Import et export").click()
    page.get_by_role("link", name="Importer des articles").click()
    expect(page.get_by_role("heading", name="Importer des articles")).to_be_visible()

    # A row to publish without its source (the "La Voix du Nord" cell left empty; a draft
    # could leave it so, as in the editor): nothing is written.
    bad_row = [*NEW[1][:4], "", NEW[1][5], "live"]
    kept, changed = with_id(KEPT), with_id(CHANGED)
    page.get_by_label("Fichier à importer").set_input_files(
        files=[
            {
                "name": "revue.csv",
                "mimeType": "text/csv",
                "buffer": excel_csv([kept, changed, NEW[0], bad_row]),
            }
        ]
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    alert = page.get_by_role("alert").filter(has_text="Rien n’a été importé")
    expect(alert).to_contain_text("« revue.csv » contient 1 problème")
    expect(alert).to_contain_text("Ligne 5, source_name : manquant (obligatoire)")
    assert axe(page, ".nice-padding") == []
    assert ArticlePage.objects.count() == before

    # Corrected, with a changed title: the preview says what would happen, still nothing written.
    changed = [*changed[:2], "Nouveau titre, corrigé", *changed[3:]]
    page.get_by_label("Fichier à importer").set_input_files(
        files=[
            {
                "name": "revue.csv",
                "mimeType": "text/csv",
                "buffer": excel_csv([kept, changed, *NEW]),
            }
        ]
    )
    page.get_by_role("button", name="Vérifier le fichier").click()
    main = page.locator("main")
    expect(main).to_contain_text("Windows-1252")
    expect(main).to_contain_text("séparateur détecté : point-virgule (;)")
    expect(main).to_contain_text("2 articles à créer")
    expect(main).to_contain_text("1 article à mettre à jour")
    expect(main).to_contain_text("1 article inchangé")
    table = page.locator("table.import-preview")
    expect(table.locator("tr", has_text=TITLE)).to_contain_text("à créer")
    expect(table.locator("tr", has_text="Nouveau titre")).to_contain_text("à mettre à jour")
    expect(table.locator("tr", has_text="Une place en foyer")).to_contain_text("inchangé")
    assert axe(page, ".nice-padding") == []
    assert ArticlePage.objects.count() == before  # the preview wrote nothing

    page.get_by_role("button", name="Confirmer l’import").click()
    expect(page.locator(".messages")).to_contain_text("« revue.csv » importé")
    assert ArticlePage.objects.count() == before + 2
    assert ArticlePage.objects.get(source_url_fr="https://example.org/ete").title_fr == TITLE
    modified = ArticlePage.objects.get(source_url_fr=CHANGED[1])
    assert modified.get_latest_revision_as_object().title_fr == "Nouveau titre, corrigé"

    # Export for Excel: UTF-8 with its byte-order mark, semicolons, the accents intact.
    page.get_by_role("button", name="Import et export").click()
    page.get_by_role("link", name="Exporter les articles").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Excel (point-virgule)").click()
    download = download_info.value
    assert download.suggested_filename.endswith("-excel.csv")
    content = open(download.path(), "rb").read()
    assert content.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with it
    text = content.decode("utf-8-sig")
    assert text.split("\n", 1)[0].startswith("id;source_url;title_fr;title_en;")
    titles = [
        row["title_fr"] for row in csv.DictReader(io.StringIO(text, newline=""), delimiter=";")
    ]
    assert TITLE in titles and "Calais : « l’hiver arrive »" in titles
    context.close()
