"""A social worker reads a guide chapter, sees when it was last reviewed, moves through the
guide, switches language on the same section, opens the printable version; axe-core finds
nothing on the guides' pages in either language."""

import re

import pytest

from guides.models import GuideIndexPage, GuidePage, GuideSectionPage

pytestmark = pytest.mark.browser


def test_read_a_guide_and_switch_language(demo_site, page):
    page.goto(f"{demo_site.url}/fr/dossiers/")
    page.get_by_role("link", name="Minorité et état civil").click()
    page.wait_for_url(re.compile(r"/fr/dossiers/minorite-et-etat-civil/$"))
    toc = page.get_by_role("navigation", name="Sommaire du dossier")
    toc.get_by_role("link", name="Détermination de la minorité").click()
    page.wait_for_url(re.compile(r"/determination-de-la-minorite/$"))
    main = page.inner_text("main")
    assert re.search(r"Publié le \d{1,2} \w+ \d{4}, mis à jour le \d{1,2} \w+ \d{4}", main)
    assert "À retenir" in main
    current = page.locator('.guide__toc [aria-current="page"]')
    assert current.inner_text() == "Détermination de la minorité"

    page.get_by_role("link", name=re.compile("Suivant")).click()
    page.wait_for_url(re.compile(r"/et-lorsque-la-minorite-est-contestee/$"))
    assert page.get_by_role("heading", level=1).inner_text() == (
        "Et lorsque la minorité est contestée ?"
    )

    page.get_by_role("link", name="English").click()
    page.wait_for_url(
        re.compile(r"/en/guides/minority-and-civil-status/assessing-minority/and-when-minority")
    )
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "And when minority is disputed?"
    assert re.search(r"Published on \d{1,2} \w+ \d{4}", page.inner_text("main"))
    assert page.locator('.guide__toc [aria-current="page"]').inner_text() == (
        "And when minority is disputed?"
    )

    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/dossiers/.*/et-lorsque-la-minorite-est-contestee/$"))


def test_print_the_whole_guide(demo_site, page):
    guide = GuidePage.objects.get(title_fr="Minorité et état civil")
    page.goto(demo_site.url + guide.get_url_in("fr"))
    page.get_by_role("link", name="Tout le dossier sur une page (à imprimer)").click()
    page.wait_for_url(re.compile(r"/print/$"))
    headings = page.locator(".guide__print-section > :is(h1, h2, h3, h4)").all_inner_texts()
    assert headings[:4] == [
        "Minorité et état civil",
        "Détermination de la minorité",
        "Et lorsque la minorité est contestée ?",
        "Les actes d’état civil étrangers",
    ]
    page.emulate_media(media="print")
    # The menu (a row on wide screens, folded on phones) is left off the paper.
    assert not any(nav.is_visible() for nav in page.locator(".site-nav").all())
    assert not page.locator(".guide__print-back").is_visible()
    assert page.get_by_text("Code civil, art. 388").is_visible()
    pdf = page.pdf(format="A4")  # what "Print › Save as PDF" gives
    assert pdf.startswith(b"%PDF") and len(pdf) > 5000


def test_overdue_guide_warns_the_reader(demo_site, page):
    guide = GuidePage.objects.get(title_fr="Placement et protection de l’enfance")
    page.goto(demo_site.url + guide.get_url_in("fr"))
    assert page.get_by_text("n’a pas été relu depuis longtemps").is_visible()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_guide_pages_pass_axe(demo_site, page, axe, lang):
    guide = GuidePage.objects.get(title_fr="Minorité et état civil")
    deep = GuideSectionPage.objects.get(title_fr="Et lorsque la minorité est contestée ?")
    overdue = GuidePage.objects.get(title_fr="Placement et protection de l’enfance")
    urls = [
        GuideIndexPage.objects.get().get_url_in(lang),
        guide.get_url_in(lang),
        deep.get_url_in(lang),
        overdue.get_url_in(lang),
        guide.get_url_in(lang) + "print/",
    ]
    for width in (1024, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            page.goto(demo_site.url + url)
            violations = axe(page)
            assert violations == [], f"{url} at {width}px: {violations}"
