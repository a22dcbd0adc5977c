"""The association's footer, its contact address kept from harvesters, the donation call-out
(settings, page, article block), and the query budget once everything is cached."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.test.utils import WagtailPageTestCase

from articles.factories import ArticlePageFactory, ThemeFactory
from association.models import AssociationSettings, DonationPage, DonationSettings
from association.views import REVEAL_WINDOW, REVEALS_PER_WINDOW
from home.models import HomePage
from home.site_tree import ensure_site_tree
from notices.factories import NoticeFactory
from notices.models import NoticeLevel

CONTACT = "coordination@infomie.example"
EMAIL_PATTERN = re.compile(r"[\w.+-]+(@|&#64;|&#x40;|%40)[\w-]+\.[\w.-]+", re.IGNORECASE)


def fill_settings():
    AssociationSettings.objects.create(
        name_fr="InfoMIE",
        tagline_fr="Centre de ressources pour les mineurs isolés étrangers",
        tagline_en="Resource centre on unaccompanied foreign minors",
        postal_address="21 ter rue Voltaire\n75011 Paris",
        contact_name="Camille Martin",
        contact_role_fr="coordinatrice",
        contact_email=CONTACT,
    )
    DonationSettings.objects.create(
        heading_fr="Soutenez InfoMIE",
        heading_en="Support InfoMIE",
        text_fr="<p>Nous avons perdu notre financement.</p>",
        text_en="<p>We have lost our funding.</p>",
        donation_url="https://www.helloasso.com/associations/infomie",
        cheque_payee="Association InfoMIE",
        cheque_address="21 ter rue Voltaire\n75011 Paris",
        tax_relief_fr="66 % de votre don est déductible de l’impôt sur le revenu.",
        share_text_fr="InfoMIE a besoin de vous",
    )


def make_donation_page(home):
    page = home.add_child(
        instance=DonationPage(
            title_fr="Soutenir l’association",
            title_en="Support us",
            introduction_fr="<p>Chaque don compte.</p>",
        )
    )
    page.save_revision().publish()
    return page


@pytest.fixture
def association(db):
    fill_settings()


@pytest.mark.django_db
def test_footer_in_both_languages(client, home_page, association):
    french = client.get("/fr/").content.decode()
    footer = french[french.index("<footer") :]
    assert "Centre de ressources pour les mineurs isolés étrangers" in footer
    assert "21 ter rue Voltaire<br>75011 Paris" in footer
    assert "Camille Martin" in footer and "coordinatrice" in footer
    english = client.get("/en/").content.decode()
    footer = english[english.index("<footer") :]
    assert "Resource centre on unaccompanied foreign minors" in footer
    # Not translated: the French role, marked as French.
    assert '<span lang="fr">coordinatrice</span>' in footer


@pytest.mark.django_db
def test_no_email_address_in_any_public_page(client, home_page, news_index, association):
    make_donation_page(home_page)
    article = ArticlePageFactory(parent=news_index, body_fr=[{"type": "donation", "value": None}])
    urls = []
    for lang in ("fr", "en"):
        urls += [page.get_url_in(lang) for page in (home_page, news_index, article)]
        urls += [DonationPage.objects.get().get_url_in(lang), f"/{lang}/nope/"]
    urls += ["/fr/contact/courriel/", "/en/contact/email/"]
    for url in urls:
        html = client.get(url).content.decode()
        assert not EMAIL_PATTERN.search(html), url
        assert not re.search(r"mailto:[^?]", html), url
    suspension = NoticeFactory(level=NoticeLevel.SUSPENSION)
    for url in urls[:4]:
        response = client.get(url)
        assert response.status_code == 503
        assert not EMAIL_PATTERN.search(response.content.decode()), url
    suspension.delete()


@pytest.mark.django_db
def test_a_person_reaches_the_address_with_or_without_javascript(client, home_page, association):
    html = client.get("/fr/").content.decode()
    assert 'action="/fr/contact/courriel/"' in html
    # Without JavaScript, the button posts and the answer shows the address as a link.
    response = client.post("/fr/contact/courriel/")
    assert f'<a href="mailto:{CONTACT}">{CONTACT}</a>' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response["Cache-Control"]
    # With JavaScript, the footer asks for JSON.
    response = client.post("/en/contact/email/", HTTP_ACCEPT="application/json")
    assert response.json() == {"email": CONTACT}


@pytest.mark.django_db
def test_the_contact_page_is_indexed_but_the_address_it_reveals_is_not(
    client, home_page, association
):
    html = client.get("/fr/contact/courriel/").content.decode()
    assert "noindex" not in html
    assert (
        '<meta name="description" content="Écrire à l’association : son adresse électronique, '
        "affichée sur demande pour que les robots qui collectent des adresses pour le spam ne la "
        'trouvent pas.">'
    ) in html
    assert '<link rel="canonical" href="http://testserver/fr/contact/courriel/">' in html
    english = client.get("/en/contact/email/")
    assert "X-Robots-Tag" not in english
    assert '<meta name="description" content="Write to the association' in english.content.decode()
    revealed = client.post("/fr/contact/courriel/")
    assert CONTACT in revealed.content.decode()
    assert '<meta name="robots" content="noindex, follow">' in revealed.content.decode()
    assert revealed["X-Robots-Tag"] == "noindex"


@pytest.mark.django_db
def test_one_connection_cannot_ask_for_the_address_in_a_loop(client, home_page, association):
    for _ in range(REVEALS_PER_WINDOW):
        assert client.post("/en/contact/email/", HTTP_ACCEPT="application/json").json() == {
            "email": CONTACT
        }
    response = client.post("/en/contact/email/", HTTP_ACCEPT="application/json")
    assert response.status_code == 429 and response.json() == {"email": ""}
    assert response["Retry-After"] == str(REVEAL_WINDOW)
    response = client.post("/fr/contact/courriel/")  # without JavaScript, in French
    html = response.content.decode()
    assert response.status_code == 429 and CONTACT not in html
    assert "demandée trop de fois" in html
    # Another connection is not held back.
    other = client.post("/en/contact/email/", REMOTE_ADDR="192.0.2.7")
    assert CONTACT in other.content.decode()


@pytest.mark.django_db
def test_settings_changes_show_at_once(client, home_page, association):
    assert "Camille Martin" in client.get("/fr/").content.decode()
    settings = AssociationSettings.objects.get()
    settings.contact_name = "Sacha Durand"
    settings.save()
    assert "Sacha Durand" in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_defaults_before_anyone_fills_the_settings(client, home_page):
    html = client.get("/fr/").content.decode()
    assert "<strong>InfoMIE</strong>" in html
    assert not AssociationSettings.objects.exists()  # reading never writes


@pytest.mark.django_db
def test_donation_callout_in_an_article(client, news_index, association):
    article = ArticlePageFactory(
        parent=news_index,
        body_fr=[
            {"type": "paragraph", "value": "<p>Texte.</p>"},
            {"type": "donation", "value": None},
        ],
    )
    html = client.get(article.get_url_in("fr")).content.decode()
    assert '<section class="donate"' in html
    assert "Soutenez InfoMIE" in html
    assert "https://www.helloasso.com/associations/infomie" in html
    assert "Par chèque à l’ordre de « Association InfoMIE »" in html
    assert "66 % de votre don" in html
    assert "https://www.facebook.com/sharer/sharer.php?u=" in html


@pytest.mark.django_db
def test_share_links_use_no_third_party_script(client, home_page, association):
    make_donation_page(home_page)
    html = client.get(DonationPage.objects.get().get_url_in("en")).content.decode()
    scripts = re.findall(r"<script[^>]*src=\"([^\"]+)\"", html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    for host in ("facebook.com", "twitter.com", "linkedin.com", "bsky.app", "wa.me"):
        assert host in html
    assert "mailto:?subject=" in html


class DonationPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        with translation.override("fr"):
            cls.home, cls.index = ensure_site_tree()
            fill_settings()
            cls.page = make_donation_page(cls.home)

    def test_where_it_goes(self):
        self.assertCanCreateAt(HomePage, DonationPage)
        self.assertCanNotCreateAt(DonationPage, DonationPage)
        self.assertEqual(DonationPage.max_count, 1)

    def test_in_both_languages_and_linked_from_the_footer(self):
        for lang, title in (("fr", "Soutenez InfoMIE"), ("en", "Support InfoMIE")):
            url = self.page.get_url_in(lang)
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, title)
            home = self.client.get(f"/{lang}/").content.decode()
            self.assertIn(f'href="{url}"', home[home.index("<footer") :])

    def test_footer_link_follows_a_new_slug(self):
        self.client.get("/en/")  # the footer's link is cached
        self.page.slug_en = "donate"
        self.page.save_revision().publish()
        home = self.client.get("/en/").content.decode()
        self.assertIn('href="/en/donate/"', home[home.index("<footer") :])

    def test_footer_link_follows_unpublishing(self):
        self.page.unpublish()
        home = self.client.get("/fr/").content.decode()
        self.assertNotIn("Soutenir l’association</a>", home[home.index("<footer") :])


# Query budget ------------------------------------------------------------------------------

SETTINGS_TABLES = (
    "notices_notice",
    "association_associationsettings",
    "association_donationsettings",
)


@pytest.mark.django_db
def test_notices_and_settings_cost_no_query_once_cached(
    client, home_page, news_index, django_assert_max_num_queries
):
    fill_settings()
    make_donation_page(home_page)
    NoticeFactory(level=NoticeLevel.WARNING)
    NoticeFactory(level=NoticeLevel.INFO, name="Info")
    themes = [ThemeFactory() for _ in range(3)]
    articles = [ArticlePageFactory(parent=news_index, themes=themes) for _ in range(25)]
    urls = [
        home_page.get_url_in("fr"),
        news_index.get_url_in("en"),
        articles[0].get_url_in("fr"),
        DonationPage.objects.get().get_url_in("en"),
    ]
    budgets = {}
    for url in urls:
        client.get(url)  # warm the cache
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        sql = [q["sql"] for q in queries.captured_queries]
        assert not [q for q in sql if any(table in q for table in SETTINGS_TABLES)], url
        if "support" not in url:  # the footer's link to the donation page is cached too
            assert not [q for q in sql if "association_donationpage" in q], url
        budgets[url] = len(sql)
    # Whatever the number of articles, each page type stays within a fixed budget.
    with django_assert_max_num_queries(max(budgets.values())):
        client.get(urls[1])
    print("queries per page with notices and settings cached:", budgets)
