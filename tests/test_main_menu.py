"""The header's main menu: the sections that exist, in each language, the one the reader is in
marked; read from the pages themselves, and no query once warm."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory
from core.navigation import forget_main_menu, main_menu
from home.site_tree import ensure_guides_section, ensure_library_sections

pytestmark = pytest.mark.django_db


def menu(html):
    """[(label, href, aria-current or None, lang or None)] of the wide menu."""
    nav = re.search(r'<nav class="site-nav site-nav--wide"[^>]*>(.*?)</nav>', html, re.S)[1]
    links = re.findall(r"<a ([^>]*)>([^<]+)</a>", nav)

    def attr(attrs, name):
        found = re.search(rf'{name}="([^"]*)"', attrs)
        return found[1] if found else None

    return [
        (label, attr(a, "href"), attr(a, "aria-current"), attr(a, "lang")) for a, label in links
    ]


@pytest.fixture
def sections(site_tree):
    home, news = site_tree
    case_law, library = ensure_library_sections(home)
    guides = ensure_guides_section(home)
    return {"news": news, "case_law": case_law, "library": library, "guides": guides}


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "fr",
            [
                ("Accueil", "/fr/"),
                ("Actualités", "/fr/actualites/"),
                ("Jurisprudence", "/fr/jurisprudence/"),
                ("Documentation", "/fr/documentation/"),
                ("Dossiers thématiques", "/fr/dossiers/"),
                ("Agenda", "/fr/agenda/"),
                ("Thèmes", "/fr/actualites/themes/"),
            ],
        ),
        (
            "en",
            [
                ("Home", "/en/"),
                ("News", "/en/news/"),
                ("Case law", "/en/case-law/"),
                ("Library", "/en/library/"),
                ("Thematic guides", "/en/guides/"),
                ("Events", "/en/events/"),
                ("Themes", "/en/news/themes/"),
            ],
        ),
    ],
)
def test_the_menu_lists_every_section_in_the_page_language(client, sections, lang, expected):
    html = client.get(f"/{lang}/").content.decode()
    links = menu(html)
    assert [(label, href) for label, href, _current, _lang in links] == expected
    assert links[0][2] == "page"  # the home page
    assert [current for _l, _h, current, _lang in links[1:]] == [None] * 6
    # The phones' menu, behind « Menu », holds the same links.
    folded = re.search(r'<details class="site-menu">.*?</details>', html, re.S)[0]
    assert all(f'href="{href}"' in folded for _label, href in expected)


def test_the_section_the_reader_is_in_is_marked_inside_it_too(client, sections, article):
    def marked(url):
        links = menu(client.get(url).content.decode())
        return [(label, current) for label, _href, current, _lang in links if current]

    assert marked("/fr/actualites/") == [("Actualités", "page")]
    assert marked(article.get_url_in("fr")) == [("Actualités", "true")]
    assert marked("/fr/actualites/themes/") == [("Thèmes", "page")]
    theme = article.themes.get()
    assert marked(f"/fr/actualites/themes/{theme.slug_fr}/") == [("Thèmes", "true")]
    assert marked("/en/case-law/") == [("Case law", "page")]
    assert marked("/fr/recherche/?q=mineurs") == []


def test_a_section_that_is_not_published_is_not_listed(client, sections):
    sections["guides"].unpublish()
    labels = [label for label, *_ in menu(client.get("/fr/").content.decode())]
    assert "Dossiers thématiques" not in labels and "Jurisprudence" in labels
    sections["guides"].save_revision().publish()
    labels = [label for label, *_ in menu(client.get("/fr/").content.decode())]
    assert "Dossiers thématiques" in labels


def test_a_renamed_section_shows_its_new_title_and_a_french_only_one_is_marked(client, sections):
    library = sections["library"]
    client.get("/en/")  # the menu is warm
    library.title_fr = "Centre de documentation « MNA »"
    library.title_en = ""
    library.save_revision().publish()
    links = menu(client.get("/en/").content.decode())
    assert ("Centre de documentation « MNA »", "/en/library/", None, "fr") in links


def test_the_menu_costs_no_query_once_warm_even_after_an_article_is_published(sections):
    forget_main_menu()
    with CaptureQueriesContext(connection) as cold:
        links = main_menu(path="/fr/dossiers/")
    assert len(cold) >= 1 and [link.current for link in links].count("page") == 1
    with CaptureQueriesContext(connection) as warm:
        assert main_menu(path="/fr/dossiers/") == links
    ArticlePageFactory(parent=sections["news"]).save_revision().publish()
    with CaptureQueriesContext(connection) as after:
        assert main_menu(path="/fr/dossiers/") == links
    assert len(warm) == len(after) == 0
