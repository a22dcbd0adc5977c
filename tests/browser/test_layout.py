"""What a visitor sees first, on a phone (360×640) and a desktop (1280×800): the first headline
in the first screen, nothing wider than the screen, the keyboard focus visible on every
control, no axe violation; and what a page weighs over the wire."""

import gzip

import pytest

from django.conf import settings

from articles.models import ArticlePage
from home.models import HomePage

pytestmark = pytest.mark.browser

SCREENS = [(360, 640), (1280, 800)]
WITH_IMAGE = "royaume-uni-le-dispositif-dubs"
WITHOUT_IMAGE = "rappel-larticle-20"
# Bytes transferred for one page, all included (HTML, CSS, JS, images; no font).
BUDGET_WITH_IMAGE = 120_000
BUDGET_WITHOUT_IMAGE = 30_000
BUDGET_CSS_JS = 20_000


def serve_media(page):
    """The live server serves no media (the web server does in production): answer image
    requests from MEDIA_ROOT, as nginx would."""

    def handle(route):
        path = route.request.url.split("/media/", 1)[1].split("?", 1)[0]
        route.fulfill(path=str(settings.MEDIA_ROOT / path))

    page.route("**/media/**", handle)


def article_url(slug_start, lang="fr"):
    return ArticlePage.objects.get(slug_fr__startswith=slug_start).get_url_in(lang)


def pages_to_check():
    return {
        "home": (HomePage.objects.get().get_url_in("fr"), ".feature__title"),
        "listing": ("/fr/actualites/", ".card__title"),
        "article with image": (article_url(WITH_IMAGE), "h1"),
        "article without image": (article_url(WITHOUT_IMAGE), "h1"),
    }


def test_first_headline_in_the_first_screen_and_nothing_overflows(demo_site, page):
    serve_media(page)
    for width, height in SCREENS:
        page.set_viewport_size({"width": width, "height": height})
        for name, (url, headline) in pages_to_check().items():
            page.goto(demo_site.url + url)
            box = page.locator(headline).first.bounding_box()
            assert box["y"] + min(box["height"], 60) <= height, (
                f"{name} at {width}px: headline at {box['y']:.0f}px"
            )
            overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
            assert overflow <= 0, f"{name} at {width}px overflows by {overflow}px"


def test_keyboard_focus_is_visible_on_every_control(demo_site, page):
    serve_media(page)
    for width, height in SCREENS:
        page.set_viewport_size({"width": width, "height": height})
        page.goto(demo_site.url + "/fr/")
        page.locator(".site-search summary").focus()
        page.keyboard.press("Enter")  # the search opens: its field and button are tabbable
        page.goto(demo_site.url + "/fr/")
        seen = 0
        for _ in range(80):
            page.keyboard.press("Tab")
            focus = page.evaluate(
                """() => {
                    const el = document.activeElement;
                    if (!el || el === document.body) return null;
                    const s = getComputedStyle(el);
                    return {tag: el.tagName, text: (el.textContent || '').trim().slice(0, 40),
                            outline: s.outlineStyle, width: parseFloat(s.outlineWidth)};
                }"""
            )
            if focus is None:
                break
            seen += 1
            assert focus["outline"] != "none" and focus["width"] >= 2, f"{width}px: {focus}"
        assert seen >= 15, seen


def test_search_opens_without_script(demo_site, browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 640})
    page = context.new_page()
    page.goto(demo_site.url + "/fr/")
    assert not page.locator("#site-search-q").is_visible()
    page.locator("summary", has_text="Rechercher").click()
    page.locator("#site-search-q").fill("Calais")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url("**/fr/recherche/?q=Calais")
    context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_home_listing_and_articles_pass_axe_on_both_screens(demo_site, page, axe, lang):
    serve_media(page)
    urls = [
        HomePage.objects.get().get_url_in(lang),
        f"/{lang}/{'actualites' if lang == 'fr' else 'news'}/",
        article_url(WITH_IMAGE, lang),
        article_url(WITHOUT_IMAGE, lang),
    ]
    for width, height in SCREENS:
        page.set_viewport_size({"width": width, "height": height})
        for url in urls:
            page.goto(demo_site.url + url)
            violations = axe(page)
            assert violations == [], f"{url} at {width}px: {violations}"


def transferred(page, url):
    """{kind: bytes} a first visit to `url` transfers: text compressed as the server sends it
    in production (whitenoise's precompressed static files, gzip at the edge for pages),
    images as they are."""
    sizes = {"html": 0, "css": 0, "js": 0, "image": 0, "font": 0, "other": 0}

    def record(response):
        kind = response.request.resource_type
        kind = {"document": "html", "stylesheet": "css", "script": "js"}.get(kind, kind)
        body = response.body()
        if kind in ("html", "css", "js"):
            body = gzip.compress(body, compresslevel=6)
        sizes[kind if kind in sizes else "other"] += len(body)

    page.on("response", record)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", record)
    return sizes


@pytest.mark.parametrize("width,height", SCREENS)
def test_pages_stay_within_their_size_budgets(demo_site, browser, width, height):
    figures = {}
    for name, slug, budget in (
        ("with image", WITH_IMAGE, BUDGET_WITH_IMAGE),
        ("without image", WITHOUT_IMAGE, BUDGET_WITHOUT_IMAGE),
    ):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        serve_media(page)
        sizes = transferred(page, demo_site.url + article_url(slug))
        context.close()
        figures[name] = sizes
        total = sum(sizes.values())
        assert total < budget, f"article {name} at {width}px: {total} bytes {sizes}"
        assert sizes["css"] + sizes["js"] < BUDGET_CSS_JS, sizes
        assert sizes["font"] == 0
    # Without a lead image, the images are the favicon and, near enough to be fetched, the
    # related articles' small pictures.
    assert figures["with image"]["image"] > figures["without image"]["image"] + 5_000
    print(f"{width}x{height}: {figures}")
