"""Each page costs a fixed number of queries, whatever the number of articles and themes."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory, ThemeFactory
from articles.models import ArticlePage
from pagecache import purge_page_cache

from .bulk_pages import add_children, file_under_themes

pytestmark = pytest.mark.django_db

# Upper bounds, per page type (anonymous visitor, no page cache), once the values kept until
# the next content change are warm (home/sites.py, articles/models/: the sections below the
# home page, whether any page is private, the themes, an article's themes, the years and
# counts of listings; the settings and notices, home/caching.py). Wagtail finds the site and
# its home page; the news index reads its page of articles; an article is found by its slug
# (its related articles are a fragment of the page, kept until the next content change).
BUDGET = {"home": 4, "index": 4, "article": 3, "theme": 4}
# Right after a content change, before those look-ups are warm again (the ceiling:
# 8 for an article, 10 for a listing).
COLD_BUDGET = {"home": 8, "index": 10, "article": 8, "theme": 14}
# The search covers articles, decisions, documents, guides and events (core.search): one query
# per kind for its matches, one per kind shown to load the page of results.
SEARCH_BUDGET = 7


def count_queries(client, url, cold=False):
    """Queries of a page once the per-site lookups Wagtail and we cache are warm, or (`cold`)
    just after a content change."""
    client.get(url)
    if cold:
        purge_page_cache()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def urls(article):
    return {
        "home": "/fr/",
        "index": "/fr/actualites/",
        "article": article.get_url_in("fr"),
        # Its lists of decisions, documents, guides and events are one fragment kept until
        # the next change (templates/pages/theme_page.html).
        "theme": f"/fr/actualites/themes/{article.themes.first().slug_fr}/",
    }


def add_articles(index, count, themes):
    for number in range(count):
        ArticlePageFactory(parent=index, themes=themes[number % len(themes) :][:3])


def bulk_articles(index, count, themes):
    """`count` published articles written in bulk (tests/bulk_pages), each under up to three
    of `themes`, over ten years; then the change announced, as a publication does."""
    rows = [
        {
            "title_fr": f"Mineurs « isolés » : l’accueil à Calais n° {number}",
            "title_en": f"Unaccompanied minors in Calais no. {number}",
            "slug_fr": f"accueil-calais-{number}",
            "slug_en": f"calais-{number}",
            "lead_fr": "Un rapport sur l’évaluation de la minorité à Calais.",
            "source_name": "Le Monde",
            "published_date": datetime.date(2016 + number % 10, 1 + number % 12, 1),
        }
        for number in range(count)
    ]
    pages = add_children(index, ArticlePage, rows)
    file_under_themes(ArticlePage, pages, lambda n: themes[n % len(themes) :][:3])
    purge_page_cache()


def test_query_counts_do_not_grow_with_content(client, news_index):
    themes = [ThemeFactory() for _ in range(2)]
    add_articles(news_index, 3, themes)  # through Wagtail, as editors make them
    article = ArticlePageFactory(parent=news_index, themes=themes)
    small = {name: count_queries(client, url) for name, url in urls(article).items()}
    for lang in ("en",):
        for url in (f"/{lang}/", f"/{lang}/news/", article.get_url_in(lang)):
            count_queries(client, url)

    themes += [ThemeFactory() for _ in range(8)]
    bulk_articles(news_index, 197, themes)
    article.themes.set(themes)
    article.save()
    large = {name: count_queries(client, url) for name, url in urls(article).items()}

    assert large == small
    for name, count in large.items():
        assert count <= BUDGET[name], f"{name}: {count} queries (budget {BUDGET[name]})"


def test_english_pages_cost_the_same(client, news_index):
    theme = ThemeFactory()
    article = ArticlePageFactory(parent=news_index, themes=[theme])
    french = [count_queries(client, url) for url in urls(article).values()]
    theme_url = f"/en/news/themes/{theme.slug_en or theme.slug_fr}/"
    english = [
        count_queries(client, url)
        for url in ("/en/", "/en/news/", article.get_url_in("en"), theme_url)
    ]
    assert english == french


def test_query_counts_just_after_a_content_change(client, news_index):
    themes = [ThemeFactory() for _ in range(3)]
    add_articles(news_index, 30, themes)
    article = ArticlePageFactory(parent=news_index, themes=themes)
    for name, url in urls(article).items():
        warm, cold = count_queries(client, url), count_queries(client, url, cold=True)
        assert warm < cold <= COLD_BUDGET[name], f"{name}: {cold} queries when cold"


def test_search_costs_the_same_with_more_results(client, news_index):
    def search_queries():
        client.get("/fr/recherche/", {"q": "Calais"})
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/fr/recherche/", {"q": "Calais"})
        assert response.status_code == 200
        return len(queries)

    themes = [ThemeFactory() for _ in range(2)]
    for number in range(3):
        ArticlePageFactory(parent=news_index, title_fr=f"Calais {number}", themes=themes)
    small = search_queries()
    for number in range(40):
        ArticlePageFactory(parent=news_index, title_fr=f"Calais {number}", themes=themes)
    assert search_queries() == small <= SEARCH_BUDGET
