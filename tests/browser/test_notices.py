"""An editor switches a banner on in the admin; a visitor in another browser sees it in French
and English and dismisses it. A suspension switched on and off leaves every article as it
was. The banner, the suspension page and the donation page pass axe-core."""

import re

import pytest

from django.contrib.auth import get_user_model

from articles.models import ArticlePage
from association.models import DonationPage
from notices.factories import NoticeFactory
from notices.models import Notice, NoticeLevel

pytestmark = pytest.mark.browser


@pytest.fixture
def editor_page(browser, demo_site):
    get_user_model().objects.create_superuser("coordination", "", "mot-de-passe-de-test")
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{demo_site.url}/admin/login/")
    page.fill("#id_username", "coordination")
    page.fill("#id_password", "mot-de-passe-de-test")
    page.press("#id_password", "Enter")
    page.wait_for_url(re.compile(r"/admin/$"))
    yield page
    context.close()


def switch_in_admin(editor_page, live_url, notice):
    editor_page.goto(f"{live_url}/admin/snippets/notices/notice/")
    row = editor_page.locator("tr", has_text=notice.name)
    row.get_by_role("button", name=re.compile("^(Activer|Désactiver)")).click()
    editor_page.wait_for_load_state()
    if notice.is_suspension and not notice.enabled:  # switching a suspension on asks first
        confirm = f"Oui, suspendre l’accès : « {notice.name} »"
        editor_page.get_by_role("button", name=confirm).click()
        editor_page.wait_for_load_state()
    assert editor_page.get_by_text(f"« {notice.name} » est").first.is_visible()


def test_editor_switches_a_banner_on_and_a_visitor_dismisses_it(demo_site, editor_page, browser):
    notice = NoticeFactory(
        name="Fermeture d’août",
        level=NoticeLevel.WARNING,
        enabled=False,
        message_fr="<p>Le centre de ressources ferme du 1er au 15 août.</p>",
        message_en="<p>The resource centre is closed from 1 to 15 August.</p>",
    )
    visitor_context = browser.new_context(locale="en-GB")
    visitor = visitor_context.new_page()
    visitor.goto(f"{demo_site.url}/fr/")
    assert visitor.locator("[data-notice]").count() == 0

    switch_in_admin(editor_page, demo_site.url, notice)

    visitor.goto(f"{demo_site.url}/fr/")
    banner = visitor.get_by_role("region", name="Avis du site")
    assert "ferme du 1er au 15 août" in banner.inner_text()
    visitor.goto(f"{demo_site.url}/en/")
    banner = visitor.get_by_role("region", name="Site notice")
    assert "closed from 1 to 15 August" in banner.inner_text()

    banner.get_by_role("button", name="Dismiss this notice").click()
    assert visitor.locator("[data-notice]").count() == 0
    assert visitor.evaluate("document.activeElement.id") == "main"
    visitor.reload()
    assert visitor.locator("[data-notice]").count() == 0
    visitor.goto(f"{demo_site.url}/fr/actualites/")
    assert visitor.locator("[data-notice]").count() == 0

    # The next notice shows, even to the visitor who dismissed the previous one.
    second = NoticeFactory(name="Assemblée générale", enabled=False)
    switch_in_admin(editor_page, demo_site.url, second)
    visitor.goto(f"{demo_site.url}/en/")
    assert "Message in English: Assemblée générale" in visitor.inner_text("[data-notice]")
    visitor_context.close()


def test_search_engine_warning_shows_for_a_suspension(demo_site, editor_page):
    editor_page.goto(f"{demo_site.url}/admin/snippets/notices/notice/add/")
    warning = editor_page.get_by_text("les moteurs de recherche retirent de leurs résultats")
    assert not warning.is_visible()
    editor_page.select_option('select[name="level"]', "suspension")
    assert warning.is_visible()
    editor_page.select_option('select[name="level"]', "warning")
    assert not warning.is_visible()


def test_dismissing_without_javascript(demo_site, browser):
    NoticeFactory(name="Sans JavaScript")
    context = browser.new_context(locale="fr-FR", java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site.url}/fr/actualites/")
    assert "Sans JavaScript" in page.inner_text("[data-notice]")
    page.get_by_role("button", name="Masquer cet avis").click()
    page.wait_for_url(re.compile(r"/fr/actualites/$"))
    assert page.locator("[data-notice]").count() == 0
    context.close()


def test_contact_address_with_and_without_javascript(demo_site, browser):
    for javascript in (True, False):
        context = browser.new_context(locale="fr-FR", java_script_enabled=javascript)
        page = context.new_page()
        page.goto(f"{demo_site.url}/fr/")
        assert "contact@infomie.example" not in page.content()
        page.get_by_role("button", name="Afficher l’adresse électronique").click()
        link = page.get_by_role("link", name="contact@infomie.example")
        link.wait_for()
        assert link.get_attribute("href") == "mailto:contact@infomie.example"
        context.close()


def test_suspension_on_and_off_leaves_every_article_reachable(demo_site, editor_page, browser, axe):
    urls = [
        article.get_url_in(lang)
        for article in ArticlePage.objects.live().order_by("pk")
        for lang in ("fr", "en")
    ]
    visitor_context = browser.new_context(locale="fr-FR")
    visitor = visitor_context.new_page()
    before = {}
    for url in urls:
        response = visitor.goto(demo_site.url + url)
        assert response.status == 200, url
        before[url] = visitor.locator("h1").inner_text()

    suspension = NoticeFactory(
        name="Suspension",
        level=NoticeLevel.SUSPENSION,
        enabled=False,
        message_fr="<p>Faute de financement, nous suspendons l’accès au site.</p>",
        message_en="<p>Without funding, we are suspending access to the site.</p>",
    )
    switch_in_admin(editor_page, demo_site.url, suspension)
    for url in urls:
        response = visitor.goto(demo_site.url + url)
        assert response.status == 503, url
        assert response.headers["retry-after"]
        expected = "Contenu inaccessible" if url.startswith("/fr/") else "Content unavailable"
        assert visitor.locator("h1").inner_text() == expected
    # The editor still reads the site, with a ribbon.
    editor_page.goto(demo_site.url + urls[0])
    assert editor_page.locator("h1").inner_text() == before[urls[0]]
    assert "les visiteurs voient « Contenu inaccessible »" in editor_page.inner_text(".ribbon")
    assert axe(editor_page) == []

    switch_in_admin(editor_page, demo_site.url, Notice.objects.get(pk=suspension.pk))
    for url in urls:
        response = visitor.goto(demo_site.url + url)
        assert response.status == 200, url
        assert visitor.locator("h1").inner_text() == before[url]
    visitor_context.close()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_banner_suspension_and_donation_pages_pass_axe(demo_site, page, axe, lang):
    NoticeFactory(name="Avertissement", level=NoticeLevel.WARNING)
    NoticeFactory(name="Information", level=NoticeLevel.INFO, message_en="")
    donation_url = DonationPage.objects.get().get_url_in(lang)
    checks = [f"/{lang}/", donation_url]
    for width in (1024, 320):
        page.set_viewport_size({"width": width, "height": 800})
        for url in checks:
            page.goto(demo_site.url + url)
            assert page.locator("[data-notice]").count() == 2
            violations = axe(page)
            assert violations == [], f"{url} at {width}px: {violations}"
    suspension = NoticeFactory(name="Suspension", level=NoticeLevel.SUSPENSION)
    for width in (1024, 320):
        page.set_viewport_size({"width": width, "height": 800})
        response = page.goto(f"{demo_site.url}/{lang}/")
        assert response.status == 503
        violations = axe(page)
        assert violations == [], f"suspension page at {width}px: {violations}"
    suspension.delete()


def test_banners_and_the_donation_call_out_keep_their_look(demo_site, page):
    """The boxes share one set of rules in site.css: each still looks as designed."""
    NoticeFactory(name="Avertissement", level=NoticeLevel.WARNING)
    NoticeFactory(
        name="Information", level=NoticeLevel.INFO, message_fr='<p><a href="/fr/">Lien</a></p>'
    )
    page.goto(demo_site.url + DonationPage.objects.get().get_url_in("fr"))

    def style(selector, *properties):
        return page.eval_on_selector(
            selector,
            "(el, props) => props.map(p => getComputedStyle(el).getPropertyValue(p))",
            list(properties),
        )

    tone = ("background-color", "color", "border-bottom-width", "border-bottom-color")
    assert style(".notice-banner--info", *tone) == [
        "rgb(229, 240, 248)",
        "rgb(11, 58, 92)",
        "2px",
        "rgb(11, 58, 92)",
    ]
    assert style(".notice-banner--warning", *tone) == [
        "rgb(253, 241, 211)",
        "rgb(90, 58, 0)",
        "2px",
        "rgb(90, 58, 0)",
    ]
    assert style(".notice-banner--info a", "color") == ["rgb(11, 58, 92)"]
    assert style(
        ".donate",
        "background-color",
        "border-top-width",
        "border-top-color",
        "border-top-left-radius",
        "padding-top",
    ) == ["rgb(240, 238, 232)", "4px", "rgb(11, 85, 99)", "4px", "20px"]
