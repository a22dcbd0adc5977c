"""The front page says what matters today: the story editors feature (or the latest), the
latest news, each theme with its latest articles; the themes, the feeds and the call for
donations beside them."""

import datetime
import re

import pytest

from articles.factories import ArticlePageFactory, ThemeFactory
from association.models import DonationSettings

pytestmark = pytest.mark.django_db


def day(n):
    return datetime.date(2024, 1, 1) + datetime.timedelta(days=n)


def featured_title(html):
    return re.search(r'<h3 class="feature__title"><a href="[^"]+"[^>]*>([^<]+)</a>', html)[1]


def latest_titles(html):
    section = re.search(r'<section aria-labelledby="latest-heading">.*?</section>', html, re.S)[0]
    return re.findall(r'<h3 class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', section)


@pytest.fixture
def themes():
    return [
        ThemeFactory(name_fr="Traite des êtres humains", name_en="Human trafficking"),
        ThemeFactory(name_fr="Droit d’asile", name_en="Asylum"),
    ]


@pytest.fixture
def articles(news_index, themes):
    trafficking, asylum = themes
    return [
        ArticlePageFactory(
            parent=news_index,
            title_fr=f"Article nº {n} « à la une »",
            title_en=f"Article {n}",
            published_date=day(n),
            themes=[trafficking] if n % 2 else [asylum],
        )
        for n in range(1, 10)
    ]


def test_the_latest_article_leads_until_editors_choose_one(client, home_page, articles):
    html = client.get("/fr/").content.decode()
    assert featured_title(html) == "Article nº 9 « à la une »"
    assert latest_titles(html) == [f"Article nº {n} « à la une »" for n in (8, 7, 6, 5, 4, 3)]

    home_page.featured_article = articles[1]
    home_page.save_revision().publish()
    html = client.get("/en/").content.decode()
    assert featured_title(html) == "Article 2"
    assert latest_titles(html) == [f"Article {n}" for n in (9, 8, 7, 6, 5, 4)]


def test_an_unpublished_featured_story_gives_way_to_the_latest(client, home_page, articles):
    home_page.featured_article = articles[0]
    home_page.save_revision().publish()
    articles[0].unpublish()
    assert featured_title(client.get("/fr/").content.decode()) == "Article nº 9 « à la une »"


def test_each_theme_shows_its_latest_three_articles(client, home_page, articles):
    html = client.get("/en/").content.decode()
    sections = dict(
        re.findall(
            r'<section class="theme-section"[^>]*>\s*<h3[^>]*><a href="[^"]+">([^<]+)</a></h3>'
            r"(.*?)</section>",
            html,
            re.S,
        )
    )
    assert list(sections) == ["Asylum", "Human trafficking"] or list(sections) == [
        "Human trafficking",
        "Asylum",
    ]
    titles = {name: re.findall(r">(Article \d)</a>", body) for name, body in sections.items()}
    assert titles == {
        "Human trafficking": ["Article 9", "Article 7", "Article 5"],
        "Asylum": ["Article 8", "Article 6", "Article 4"],
    }


def test_the_side_column_has_themes_feeds_and_the_call_for_donations(client, home_page, articles):
    DonationSettings.objects.create(
        heading_fr="Soutenez InfoMIE", donation_url="https://example.org/don"
    )
    html = client.get("/fr/").content.decode()
    aside = re.search(r'<aside class="front__aside".*?</aside>', html, re.S)[0]
    assert ">Traite des êtres humains</a>" in aside
    assert 'href="/fr/actualites/rss/" type="application/rss+xml"' in aside
    assert "Soutenez InfoMIE" in aside and 'href="https://example.org/don"' in aside


def test_an_empty_site_says_so(client, home_page):
    html = client.get("/fr/").content.decode()
    assert "feature__title" not in html
    assert "Aucun article pour le moment." in html


def test_each_listing_page_has_its_own_description(client, home_page, articles):
    def description(url):
        html = client.get(url).content.decode()
        return re.findall(r'<meta name="description" content="([^"]*)">', html)[0]

    pages = ["/fr/", "/fr/actualites/", "/fr/actualites/themes/"]
    descriptions = [description(url) for url in pages]
    assert len(set(descriptions)) == len(pages), descriptions
    assert (
        descriptions[2] == "La revue de presse par thème : Droit d’asile, Traite des êtres humains."
    )


def test_the_switcher_offers_two_choices_the_current_one_marked(client, home_page):
    html = client.get("/fr/").content.decode()
    nav = re.search(r'<nav class="lang-switch".*?</nav>', html, re.S)[0]
    links = re.findall(r"<a ([^>]+)>([^<]+)</a>", nav)
    assert [label for _attrs, label in links] == ["Français", "English"]
    (french, _), (english, _) = links
    assert 'aria-current="true"' in french and "aria-current" not in english
    assert 'hreflang="fr" lang="fr"' in french and 'hreflang="en" lang="en"' in english
    assert 'href="/en/"' in english
