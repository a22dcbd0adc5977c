"""A visitor reads an article, switches its language, and every page type passes axe-core."""

import re

import pytest

from articles.models import ArticleIndexPage, ArticlePage
from home.models import HomePage

pytestmark = pytest.mark.browser

FRENCH_MONTHS = {11: "novembre", 1: "janvier", 2: "février", 5: "mai", 6: "juin"}
ENGLISH_MONTHS = {11: "November", 1: "January", 2: "February", 5: "May", 6: "June"}


def test_read_an_article_and_switch_language(demo_site, page):
    page.goto(f"{demo_site.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.get_by_role("link", name="Actualités", exact=True).first.click()
    page.wait_for_url(re.compile(r"/fr/actualites/$"))
    page.get_by_role("link", name=re.compile("plus d’un enfant victime de traite")).click()
    heading = page.get_by_role("heading", level=1)
    assert "plus d’un enfant victime de traite" in heading.inner_text()
    article = ArticlePage.objects.get(slug_fr__startswith="royaume-uni-plus-dun-enfant")
    published = article.published_date
    day, month, year = published.day, published.month, published.year
    assert f"Publié le {day} {FRENCH_MONTHS[month]} {year}" in page.inner_text("main")
    read_online = page.get_by_role("link", name=re.compile("Voir en ligne"))
    assert read_online.get_attribute("rel") == "noopener"

    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/news/uk-more-than-one-in-four"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "more than one in four trafficked children" in page.get_by_role(
        "heading", level=1
    ).inner_text()
    assert f"Published {day} {ENGLISH_MONTHS[month]} {year}" in page.inner_text("main")

    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/actualites/royaume-uni-plus-dun-enfant"))


def test_french_only_article_on_the_english_side(demo_site, page):
    article = ArticlePage.objects.get(slug_fr__startswith="rappel-larticle-20")
    page.goto(demo_site.url + article.get_url_in("en"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").get_attribute("lang") == "fr"
    assert page.get_by_text("available in French only").is_visible()


def test_keyboard_reaches_the_content_and_the_switcher(demo_site, page):
    page.goto(f"{demo_site.url}/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Aller au contenu"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The focused element is visibly outlined.
    page.keyboard.press("Shift+Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_page_type_passes_axe(demo_site, page, axe, lang):
    urls = [
        HomePage.objects.get().get_url_in(lang),
        ArticleIndexPage.objects.get().get_url_in(lang),
        ArticlePage.objects.get(slug_fr__startswith="royaume-uni-le-dispositif-dubs").get_url_in(
            lang
        ),
        ArticlePage.objects.get(slug_fr__startswith="rappel-larticle-20").get_url_in(lang),
        f"/{lang}/cette-page-n-existe-pas/",
    ]
    for width in (1024, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for url in urls:
            page.goto(demo_site.url + url)
            violations = axe(page)
            assert violations == [], f"{url} at {width}px: {violations}"
