"""Each page costs a fixed number of queries, whatever the number of articles and themes."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

# Upper bounds, per page type (anonymous visitor, nothing cached). The news index lists the
# years and the themes of its filter (2 queries); an article its related articles (2: the
# view restrictions of `.public()`, the articles).
BUDGET = {"home": 8, "index": 11, "article": 9}
# The search page: the count, the page of results, their themes, and the per-site lookups.
SEARCH_BUDGET = 5


def count_queries(client, url):
    """Queries of a page once the per-site lookups Wagtail and we cache are warm."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def urls(article):
    return {
        "home": "/fr/",
        "index": "/fr/actualites/",
        "article": article.get_url_in("fr"),
    }


def add_articles(index, count, themes):
    for number in range(count):
        ArticlePageFactory(parent=index, themes=themes[number % len(themes) :][:3])


def test_query_counts_do_not_grow_with_content(client, news_index):
    themes = [ThemeFactory() for _ in range(2)]
    add_articles(news_index, 3, themes)
    article = ArticlePageFactory(parent=news_index, themes=themes)
    small = {name: count_queries(client, url) for name, url in urls(article).items()}
    for lang in ("en",):
        for url in (f"/{lang}/", f"/{lang}/news/", article.get_url_in(lang)):
            count_queries(client, url)

    themes += [ThemeFactory() for _ in range(8)]
    add_articles(news_index, 197, themes)
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
    english = [
        count_queries(client, url) for url in ("/en/", "/en/news/", article.get_url_in("en"))
    ]
    assert english == french


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
