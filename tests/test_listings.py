"""Theme pages, the news filters (theme, year) and pagination: never a 500, whatever the
address says, and a fixed number of queries whatever the number of articles and themes."""

import datetime

import pytest

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ARTICLES_PER_PAGE, ArticlePage
from home.site_tree import ensure_site_tree


@pytest.fixture
def trafficking(db):
    return ThemeFactory(
        name_fr="Traite des êtres humains",
        name_en="Human trafficking",
        description_fr="Les mineurs pris dans les réseaux de traite.",
        description_en="Children caught in trafficking networks.",
    )


@pytest.fixture
def asylum(db):
    return ThemeFactory(name_fr="Droit d’asile", name_en="Asylum")


def article(index, themes, year=2020, **fields):
    return ArticlePageFactory(
        parent=index, themes=themes, published_date=datetime.date(year, 6, 1), **fields
    )


def test_theme_page_in_both_languages(client, news_index, trafficking, asylum):
    mine = article(
        news_index, [trafficking], title_fr="Un réseau démantelé", title_en="A ring broken up"
    )
    other = article(news_index, [asylum], title_fr="Demande d’asile", title_en="Asylum claim")
    urls = {
        "fr": "/fr/actualites/themes/traite-des-etres-humains/",
        "en": "/en/news/themes/human-trafficking/",
    }
    assert news_index.theme_url(trafficking, "fr") == urls["fr"]
    assert news_index.theme_url(trafficking, "en") == urls["en"]
    for lang, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert mine.get_url_in(lang) in html
        assert other.get_url_in(lang) not in html
        with translation.override(lang):
            assert trafficking.description in html
        # hreflang and the language switcher lead to the same theme in the other language.
        for code, other_url in urls.items():
            assert f'hreflang="{code}" href="http://testserver{other_url}"' in html
    response = client.get("/fr/actualites/themes/")
    assert urls["fr"] in response.content.decode()


def test_theme_page_accepts_the_french_slug_on_the_english_side(client, news_index, trafficking):
    assert client.get("/en/news/themes/traite-des-etres-humains/").status_code == 200


def test_theme_links_lead_to_theme_pages(client, home_page, news_index, trafficking):
    item = article(news_index, [trafficking])
    for url in (home_page.get_url_in("fr"), item.get_url_in("fr")):
        html = client.get(url).content.decode()
        assert 'href="/fr/actualites/themes/traite-des-etres-humains/"' in html


def test_filters_by_theme_and_year_combine(client, news_index, trafficking, asylum):
    old = article(news_index, [trafficking], year=2016)
    new = article(news_index, [trafficking], year=2020)
    other = article(news_index, [asylum], year=2016)
    response = client.get("/fr/actualites/", {"theme": trafficking.slug_fr, "year": "2016"})
    listed = list(response.context["articles_page"])
    assert listed == [ArticlePage.objects.get(pk=old.pk)]
    assert new not in listed and other not in listed
    response = client.get("/fr/actualites/?year=2016")
    assert {a.pk for a in response.context["articles_page"]} == {other.pk, old.pk}
    # A year of the news with nothing in this theme: an empty list, not an error.
    response = client.get("/fr/actualites/", {"theme": asylum.slug_fr, "year": "2020"})
    assert response.status_code == 200
    assert "Aucun article cette année-là." in response.content.decode()
    # The same filter on the theme's page.
    response = client.get("/fr/actualites/themes/traite-des-etres-humains/?year=2020")
    assert [a.pk for a in response.context["articles_page"]] == [new.pk]


def test_pagination_keeps_the_filters(client, news_index, trafficking):
    for _ in range(ARTICLES_PER_PAGE + 1):
        article(news_index, [trafficking], year=2019)
    response = client.get("/fr/actualites/", {"theme": trafficking.slug_fr, "year": "2019"})
    html = response.content.decode()
    assert f"?theme={trafficking.slug_fr}&amp;year=2019&amp;page=2" in html
    response = client.get(
        "/fr/actualites/", {"theme": trafficking.slug_fr, "year": "2019", "page": "2"}
    )
    assert len(response.context["articles_page"]) == 1
    assert f"?theme={trafficking.slug_fr}&amp;year=2019&amp;page=1" in response.content.decode()


def test_any_page_number_gives_a_page(client, news_index, trafficking):
    for _ in range(ARTICLES_PER_PAGE + 1):
        article(news_index, [trafficking])
    # One list of articles for every value (building it is what takes time).
    for number in ["abc", "0", "-3", "99999", "1.5", "", "%00", "9" * 40, "٣", "²"]:
        for url in ("/fr/actualites/", "/en/news/themes/human-trafficking/", "/en/search/"):
            response = client.get(url, {"page": number, "q": "a"})
            assert response.status_code == 200, (url, number)
        response = client.get("/fr/actualites/", {"page": number})
        expected = 2 if number in ("99999", "9" * 40, "٣") else 1  # ٣: Arabic-Indic three
        assert response.context["articles_page"].number == expected, number


@pytest.mark.parametrize(
    "query",
    [
        {"theme": "nope"},
        {"theme": "<script>"},
        {"theme": "x" * 2000},
        {"theme": "\x00"},
        {"year": "1999"},
        {"year": "abc"},
        {"year": "20166"},
        {"year": "-1"},
    ],
)
def test_unknown_theme_or_year_is_a_404_in_the_visitors_language(
    client, news_index, trafficking, query
):
    article(news_index, [trafficking], year=2016)
    response = client.get("/en/news/", query)
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/fr/actualites/", query)
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_unknown_theme_page_is_a_404(client, news_index):
    assert client.get("/fr/actualites/themes/inconnu/").status_code == 404
    assert client.get("/en/news/themes/unknown/rss/").status_code == 404


def test_an_article_titled_like_a_route_gets_another_slug(news_index):
    item = ArticlePageFactory(parent=news_index, title_fr="Thèmes", title_en="RSS")
    assert item.slug_fr != "themes" and item.slug_en != "rss"


def test_article_shows_related_articles_of_its_themes(client, news_index, trafficking, asylum):
    item = article(news_index, [trafficking, asylum])
    related = article(news_index, [asylum], title_fr="Sur l’asile", title_en="On asylum")
    unrelated = article(news_index, [ThemeFactory()], title_fr="Autre chose", title_en="Other")
    html = client.get(item.get_url_in("en")).content.decode()
    section = html.split('id="related-heading"', 1)[1].split("</section>", 1)[0]
    assert related.get_url_in("en") in section
    assert unrelated.get_url_in("en") not in section
    assert item.get_url_in("en") not in section


class QueryBudgetTests(TestCase):
    """Each listing costs the same number of queries with 3 articles and 2 themes as with 200
    articles and 10 themes."""

    URLS = [
        "/fr/actualites/",
        "/en/news/",
        "/fr/actualites/?theme={theme_fr}",
        "/en/news/?theme={theme_en}&year=2016",
        "/fr/actualites/?year=2016&page=2",
        "/fr/actualites/themes/",
        "/fr/actualites/themes/{theme_fr}/",
        "/en/news/themes/{theme_en}/?year=2016",
        "/en/news/themes/{theme_en}/?page=3",
        "/fr/actualites/rss/",
        "/en/news/themes/{theme_en}/rss/",
        "/fr/recherche/?q=enfants",
        "/en/search/?q=children&page=2",
        "/en/",
        "{article_en}",
        "/sitemap.xml",
    ]

    @classmethod
    def setUpTestData(cls):
        with translation.override("fr"):
            cls.home, cls.index = ensure_site_tree()
            cls.themes = [ThemeFactory() for _ in range(2)]
            cls.add_articles(3)
            cls.small = cls.measure()
            cls.themes += [ThemeFactory() for _ in range(8)]
            cls.add_articles(197)
            cls.large = cls.measure()

    @classmethod
    def add_articles(cls, count):
        start = ArticlePage.objects.count()
        for n in range(start, start + count):
            ArticlePageFactory(
                parent=cls.index,
                title_fr=f"Les enfants placés, épisode {n}",
                title_en=f"Children in care, part {n}",
                published_date=datetime.date(2016 + n % 5, 1 + n % 12, 1 + n % 28),
                themes=[cls.themes[n % len(cls.themes)], cls.themes[(n + 1) % len(cls.themes)]],
            )

    @classmethod
    def measure(cls):
        from django.test import Client

        client = Client()
        theme = cls.themes[0]
        article = ArticlePage.objects.filter(themes=theme).first()
        counts = {}
        for pattern in cls.URLS:
            url = pattern.format(
                theme_fr=theme.slug_fr, theme_en=theme.slug_en, article_en=article.get_url_in("en")
            )
            client.get(url)  # warm the caches (site root paths)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            counts[pattern] = len(queries)
        return counts

    def test_counts_do_not_grow(self):
        for pattern in self.URLS:
            with self.subTest(pattern):
                self.assertLessEqual(self.large[pattern], self.small[pattern])

    def test_counts_stay_small(self):
        for pattern, count in self.large.items():
            with self.subTest(pattern):
                self.assertLessEqual(count, 12, f"{pattern}: {count} queries")


def test_editors_cannot_give_an_article_a_route_slug(news_index):
    from django.core.exceptions import ValidationError

    item = ArticlePageFactory(parent=news_index)
    item.slug_en = "rss"
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "slug_en" in error.value.message_dict


def test_years_and_counts_kept_between_requests_follow_each_publication(
    client, news_index, trafficking
):
    """A listing's years and article count are kept in the process between requests (the
    page cache is off in the tests): publishing or unpublishing an article renews them."""
    for _ in range(ARTICLES_PER_PAGE):
        article(news_index, [trafficking], year=2020)
    url = f"/fr/actualites/themes/{trafficking.slug_fr}/"
    for _ in range(2):
        html = client.get(url).content.decode()
    assert 'value="2019"' not in html and "?page=2" not in html

    late = article(news_index, [trafficking], year=2019)  # published: a purge
    html = client.get(url).content.decode()
    assert 'value="2019"' in html and "?page=2" in html
    assert client.get(url, {"year": "2019"}).status_code == 200

    late.unpublish()
    html = client.get(url).content.decode()
    assert 'value="2019"' not in html and "?page=2" not in html
    assert client.get(url, {"year": "2019"}).status_code == 404


def test_related_articles_kept_between_requests_follow_each_publication(client, news_index, asylum):
    """The latest articles of a set of themes are kept in the process and shared by the
    articles of that set: each leaves itself out, and a publication renews them."""

    def related_urls(item):
        html = client.get(item.get_url_in("fr")).content.decode()
        if 'id="related-heading"' not in html:
            return []
        section = html.split('id="related-heading"', 1)[1].split("</section>", 1)[0]
        return [
            other.get_url_in("fr")
            for other in ArticlePage.objects.all()
            if other.get_url_in("fr") in section
        ]

    first, second = (article(news_index, [asylum], year=2020) for _ in range(2))
    for _ in range(2):
        assert related_urls(first) == [second.get_url_in("fr")]
    assert related_urls(second) == [first.get_url_in("fr")]

    newest = article(news_index, [asylum], year=2021)  # published: a purge
    assert newest.get_url_in("fr") in related_urls(first)
    assert sorted(related_urls(newest)) == sorted([first.get_url_in("fr"), second.get_url_in("fr")])
    newest.unpublish()
    assert newest.get_url_in("fr") not in related_urls(first)
