"""A lawyer finds the Conseil d'État's 2022 orders on age assessment, reads one in English and
opens its PDF; every page type of the resource centre passes axe-core."""

import re

import pytest

from library.models import DecisionIndexPage, DecisionPage, DocumentIndexPage, DocumentPage

pytestmark = pytest.mark.browser


def test_a_lawyer_finds_the_orders_of_2022_and_reads_one_in_english(demo_site, page):
    page.goto(f"{demo_site.url}/fr/jurisprudence/")
    page.get_by_label("Juridiction").select_option(label="Conseil d’État (3)")
    page.get_by_label("Année").select_option("2022")
    page.get_by_label("Type de décision").select_option(label="Ordonnance (2)")
    page.get_by_role("button", name="Afficher", exact=True).click()
    page.wait_for_url(re.compile(r"court=conseil-detat"))
    assert "2 décisions" in page.inner_text("main")
    page.get_by_role("link", name=re.compile("n° DEMO-101")).click()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/case-law/council-of-state-2022-12-15-demo-101/"))
    assert (
        "Council of State, order no. DEMO-101" in page.get_by_role("heading", level=1).inner_text()
    )
    assert "The facts" in page.inner_text("main")
    pdf = page.get_by_role("link", name="The decision (PDF)")
    response = page.request.get(demo_site.url + pdf.get_attribute("href"))
    assert response.ok
    assert response.body()[:5] == b"%PDF-"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_library_page_type_passes_axe(demo_site, page, axe, lang):
    urls = [
        DecisionIndexPage.objects.get().get_url_in(lang),
        DecisionIndexPage.objects.get().get_url_in(lang) + "?year=2022&court=x",
        DecisionPage.objects.get(number="DEMO-101").get_url_in(lang),
        DecisionPage.objects.get(number="DEMO-401").get_url_in(lang),  # French only
        DocumentIndexPage.objects.get().get_url_in(lang),
        DocumentPage.objects.filter(kind="circular", in_force=False).get().get_url_in(lang),
        f"/{lang}/{'recherche' if lang == 'fr' else 'search'}/?q=minorit%C3%A9",
        f"/{lang}/{'recherche' if lang == 'fr' else 'search'}/?q=minorit%C3%A9&kind=documents",
        DocumentIndexPage.objects.get().get_url_in(lang) + "?kind=report&language=fr",
    ]
    for url in urls:
        page.goto(demo_site.url + url)
        violations = axe(page)
        assert violations == [], f"{url}: {violations}"
