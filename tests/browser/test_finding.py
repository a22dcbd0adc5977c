"""A visitor finds an article through the search box, then through its theme; the search,
theme and filtered pages pass axe-core in both languages."""

import re

import pytest

from articles.models import ArticleIndexPage, Theme

pytestmark = pytest.mark.browser


def test_find_an_article_by_search_then_by_theme_in_french(demo_site, page):
    page.goto(f"{demo_site.url}/fr/")
    page.locator("summary", has_text="Rechercher").click()  # the header's search opens
    box = page.get_by_role("searchbox", name="Rechercher sur le site")
    box.fill("Dubs")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/fr/recherche/\?q=Dubs$"))
    assert page.get_by_role("searchbox", name="Mots à rechercher").input_value() == "Dubs"
    assert "1 résultat pour « Dubs »." in page.get_by_role("status").inner_text()
    page.get_by_role("link", name=re.compile("le dispositif « Dubs »")).click()
    page.wait_for_url(re.compile(r"/fr/actualites/royaume-uni-le-dispositif-dubs"))

    page.get_by_role("link", name="Droit et politiques publiques").click()
    page.wait_for_url(re.compile(r"/fr/actualites/themes/droit-et-politiques-publiques/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Droit et politiques publiques"
    page.get_by_role("link", name=re.compile("le dispositif « Dubs »")).click()
    page.wait_for_url(re.compile(r"/fr/actualites/royaume-uni-le-dispositif-dubs"))


def test_find_an_article_by_search_then_by_theme_in_english(demo_site, page):
    page.goto(f"{demo_site.url}/en/news/")
    page.locator("summary", has_text="Search").click()
    box = page.get_by_role("searchbox", name="Search the site")
    box.fill("trafficked")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/en/search/\?q=trafficked$"))
    page.get_by_role("link", name=re.compile("one in four trafficked children")).click()
    page.wait_for_url(re.compile(r"/en/news/uk-more-than-one-in-four"))

    page.get_by_role("link", name="Human trafficking").click()
    page.wait_for_url(re.compile(r"/en/news/themes/human-trafficking/$"))
    # The language switcher keeps the theme.
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/actualites/themes/traite-des-etres-humains/$"))
    page.get_by_role("link", name=re.compile("plus d’un enfant victime de traite")).click()
    page.wait_for_url(re.compile(r"/fr/actualites/royaume-uni-plus-dun-enfant"))


def test_filter_the_news_by_theme_and_year(demo_site, page):
    page.goto(f"{demo_site.url}/fr/actualites/")
    page.get_by_label("Thème").select_option(label="Droit d’asile")
    page.get_by_label("Année").select_option("2017")
    page.get_by_role("button", name="Afficher", exact=True).click()
    page.wait_for_url(re.compile(r"/fr/actualites/\?theme=droit-d-asile&year=2017$"))
    titles = page.locator(".card__title").all_inner_texts()
    assert len(titles) == 2
    assert "Dubs" in titles[1] and "63" in titles[0]
    assert page.get_by_label("Thème").input_value() == "droit-d-asile"


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_search_theme_and_filtered_pages_pass_axe(demo_site, page, axe, lang):
    index = ArticleIndexPage.objects.get()
    theme = Theme.objects.get(slug_fr="droit-d-asile")
    search = "/fr/recherche/" if lang == "fr" else "/en/search/"
    news = index.get_url_in(lang)
    urls = [
        f"{search}?q=asile" if lang == "fr" else f"{search}?q=asylum",
        f"{search}?q=zzzzzz",
        search,
        index.themes_url(lang),
        index.theme_url(theme, lang),
        f"{news}?theme={theme.slug_fr if lang == 'fr' else theme.slug_en}&year=2016",
        f"{news}?year=2017",
    ]
    for width in (1024, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            response = page.goto(demo_site.url + url)
            assert response.status == 200, url
            violations = axe(page)
            assert violations == [], f"{url} at {width}px: {violations}"
