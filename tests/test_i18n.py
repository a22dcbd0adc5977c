"""Bilingual behaviour: prefixes, the root redirect, the switcher, hreflang, the fallback."""

import re

import pytest

from django.utils import translation

from articles.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav))


@pytest.fixture
def article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Enfants disparus",
        title_en="Missing children",
        lead_fr="Un chapô en français.",
        lead_en="An English lead.",
    )


@pytest.fixture
def french_only(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Seulement en français",
        title_en=None,
        lead_en=None,
        lead_fr="Un chapô uniquement français.",
    )


@pytest.mark.parametrize(
    ("accept", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9", "/fr/"), ("de-DE", "/fr/"), ("", "/fr/")],
)
def test_root_redirects_by_accept_language(client, site_tree, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_every_page_has_its_language_and_prefix(client, article):
    for lang, url in (
        ("fr", "/fr/"),
        ("en", "/en/"),
        ("fr", "/fr/actualites/"),
        ("en", "/en/news/"),
    ):
        html = client.get(url).content.decode()
        assert f'<html lang="{lang}">' in html, url
    assert client.get("/fr/news/").status_code == 404
    assert client.get("/en/actualites/").status_code == 404


def test_admin_stays_outside_the_prefixes(client):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/fr/admin/login/").status_code == 404


def test_switcher_and_hreflang_lead_to_the_same_article(client, article):
    french = client.get("/fr/actualites/enfants-disparus/").content.decode()
    english = client.get("/en/news/missing-children/").content.decode()
    assert switcher_links(french) == {"/en/news/missing-children/": "en"}
    assert switcher_links(english) == {"/fr/actualites/enfants-disparus/": "fr"}
    expected = {
        "fr": "http://testserver/fr/actualites/enfants-disparus/",
        "en": "http://testserver/en/news/missing-children/",
        "x-default": "http://testserver/fr/actualites/enfants-disparus/",
    }
    assert alternates(french) == expected
    assert alternates(english) == expected


def test_switcher_keeps_the_query_string(client, article):
    html = client.get("/fr/actualites/?page=1").content.decode()
    assert switcher_links(html) == {"/en/news/?page=1": "en"}


def test_french_only_article_on_the_english_side(client, french_only):
    response = client.get("/en/news/seulement-en-francais/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert '<h1 lang="fr">Seulement en français</h1>' in html
    assert 'lang="fr">Un chapô uniquement français.</p>' in html
    assert "This article is available in French only." in html
    # Only the French version is announced to search engines.
    assert set(alternates(html)) == {"fr", "x-default"}


def test_french_only_article_is_listed_in_english(client, french_only, article):
    html = client.get("/en/news/").content.decode()
    assert 'lang="fr">Seulement en français</a>' in html
    assert "Available in French only." in html
    assert ">Missing children</a>" in html


def test_no_lang_attribute_when_the_text_is_in_the_page_language(client, article):
    html = client.get("/en/news/missing-children/").content.decode()
    assert "<h1>Missing children</h1>" in html
    assert "French only" not in html


def test_english_quotation_on_a_french_page_carries_its_language(client, news_index):
    body = [
        {
            "type": "quote",
            "value": {"text": "Children go missing.", "language": "en", "attribution": "X"},
        }
    ]
    ArticlePageFactory(parent=news_index, title_fr="Citation", title_en="Quote", body_fr=body)
    html = client.get("/fr/actualites/citation/").content.decode()
    assert '<blockquote lang="en"><p>Children go missing.</p></blockquote>' in html


def test_dates_are_written_in_the_page_language(client, news_index):
    ArticlePageFactory(
        parent=news_index,
        title_fr="Daté",
        title_en="Dated",
        published_date="2016-11-14",
    )
    assert 'Publié le <time datetime="2016-11-14">14 novembre 2016</time>' in (
        client.get("/fr/actualites/date/").content.decode()
    )
    assert 'Published <time datetime="2016-11-14">14 November 2016</time>' in (
        client.get("/en/news/dated/").content.decode()
    )


def test_themes_are_shown_as_links_in_each_language(client, news_index):
    theme = ThemeFactory(name_fr="Traite des êtres humains", name_en="Human trafficking")
    ArticlePageFactory(parent=news_index, title_fr="Thème", title_en="Theme", themes=[theme])
    fr = client.get("/fr/actualites/theme/").content.decode()
    en = client.get("/en/news/theme/").content.decode()
    assert ">Traite des êtres humains</a>" in fr
    assert ">Human trafficking</a>" in en


def test_unknown_pages_give_a_bilingual_404(client, site_tree):
    for lang, other in (("fr", "en"), ("en", "fr")):
        response = client.get(f"/{lang}/nulle-part/")
        assert response.status_code == 404
        html = response.content.decode()
        assert f'<html lang="{lang}">' in html
        assert f'<div lang="{other}">' in html
    fr = client.get("/fr/nulle-part/").content.decode()
    assert "Page introuvable" in fr and "Page not found" in fr


def test_interface_strings_are_translated(client, article):
    html = client.get("/fr/actualites/enfants-disparus/").content.decode()
    for text in ("Aller au contenu", "Actualités", "Source :", "Voir en ligne", "Fil d’Ariane"):
        assert text in html
    html = client.get("/en/news/missing-children/").content.decode()
    for text in ("Skip to content", "News", "Source:", "Read online", "Breadcrumb"):
        assert text in html


def test_read_online_link_opens_the_source(client, article):
    html = client.get("/fr/actualites/enfants-disparus/").content.decode()
    link = re.search(r'<a class="button" href="([^"]+)" rel="noopener" target="_blank"', html)
    assert link and link.group(1) == article.source_url_fr


def test_breadcrumb(client, article):
    with translation.override("fr"):
        html = client.get(article.get_url_in("fr")).content.decode()
    crumbs = re.search(r'<nav class="breadcrumb".*?</nav>', html, re.S).group(0)
    # The title follows at once as the heading: the trail ends with the section.
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == ["Accueil", "Actualités"]
    assert "aria-current" not in crumbs


def breadcrumb(html):
    """The trail's nav element, and its steps as (label, href or None, lang or None)."""
    nav = re.search(r'<nav class="breadcrumb" aria-label="[^"]+">.*?</nav>', html, re.S).group(0)
    steps = re.findall(
        r'<li><(?:a href="([^"]*)"|span aria-current="page")(?: lang="(\w+)")?>([^<>]+)</', nav
    )
    return nav, [(label, href or None, lang or None) for href, lang, label in steps]


@pytest.mark.parametrize(
    ("lang", "home", "news", "themes"),
    [("fr", "Accueil", "Actualités", "Thèmes"), ("en", "Home", "News", "Themes")],
)
def test_the_theme_pages_use_the_breadcrumb_component(client, news_index, lang, home, news, themes):
    theme = ThemeFactory(name_fr="Tutelle des quokkas", name_en=None, description_en=None)
    html = client.get(news_index.themes_url(lang)).content.decode()
    nav, steps = breadcrumb(html)
    assert nav.count("aria-current") == 1
    assert steps == [
        (home, f"/{lang}/", None),
        (news, news_index.get_url_in(lang), None),
        (themes, None, None),
    ]
    html = client.get(news_index.theme_url(theme, lang)).content.decode()
    nav, steps = breadcrumb(html)
    # A theme without an English name is shown in French on the English side, marked so.
    assert steps == [
        (home, f"/{lang}/", None),
        (news, news_index.get_url_in(lang), None),
        (themes, news_index.themes_url(lang), None),
        ("Tutelle des quokkas", None, None if lang == "fr" else "fr"),
    ]


def test_the_breadcrumb_takes_pages_and_plain_items(rf, news_index):
    from django.template.loader import render_to_string

    from core.breadcrumbs import Crumb

    request = rf.get("/en/")
    with translation.override("en"):
        html = render_to_string(
            "components/breadcrumb.html",
            {
                "request": request,
                "LANGUAGE_CODE": "en",
                "crumbs": [news_index, ("Plain", "/en/plain/")],
                "current": Crumb("Ici", lang="fr"),
            },
        )
    _nav, steps = breadcrumb(html)
    assert steps == [
        ("Home", "/en/", None),
        ("News", "/en/news/", None),
        ("Plain", "/en/plain/", None),
        ("Ici", None, "fr"),
    ]


def test_an_address_below_an_article_is_a_404(client, article):
    # Found by the URL fuzzer: articles have no children, the router must say so, not fail.
    assert client.get("/fr/actualites/enfants-disparus/suite/").status_code == 404
    assert client.get("/en/news/missing-children/more/").status_code == 404
