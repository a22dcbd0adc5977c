"""The search box: results in the page's language, the query kept, bad input harmless; on
PostgreSQL, stemming in the page's language and accents ignored."""

import datetime

import pytest

from articles.factories import ArticlePageFactory, ThemeFactory, paragraph
from articles.search import search_articles

pytestmark = pytest.mark.django_db


@pytest.fixture
def children_article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Un enfant isolé retrouvé à Calais",
        title_en="A lone child found in Calais",
        lead_fr="Les mineurs étrangers sont protégés par le conseil départemental.",
        lead_en="The county council must ensure the protection of the boy.",
        body_fr=paragraph("Le juge des enfants a ordonné un placement provisoire."),
        body_en=paragraph("The judge ordered an emergency placement in foster care."),
        source_name="La Voix du Nord",
        authors_fr="Marie Dupont",
        authors_en="Marie Dupont",
        published_date=datetime.date(2020, 3, 1),
        themes=[ThemeFactory(name_fr="Traite des êtres humains", name_en="Human trafficking")],
    )


@pytest.fixture
def unrelated_article(news_index):
    return ArticlePageFactory(
        parent=news_index,
        title_fr="Budget annuel",
        title_en="Annual budget",
        lead_fr="Chiffres du budget.",
        lead_en="Budget figures.",
        body_fr=paragraph("Rien à voir."),
        body_en=paragraph("Nothing to see."),
        source_name="Le Monde",
        authors_fr="",
        themes=[ThemeFactory(name_fr="Finances", name_en="Finance")],
    )


def found(query, lang):
    return [article.pk for article in search_articles(query, lang)]


@pytest.mark.parametrize(
    "query,lang",
    [
        ("Calais", "fr"),
        ("Calais", "en"),
        ("isolé", "fr"),
        ("lone", "en"),
        ("mineurs", "fr"),
        ("placement", "fr"),  # body
        ("foster", "en"),  # body
        ("Voix du Nord", "en"),  # source
        ("Dupont", "fr"),  # authors
        ("traite", "fr"),  # theme name
        ("trafficking", "en"),
    ],
)
def test_every_field_is_searched(children_article, unrelated_article, query, lang):
    assert found(query, lang) == [children_article.pk]


def test_results_are_in_the_page_language(client, children_article, unrelated_article):
    response = client.get("/en/search/", {"q": "Calais"})
    assert response.status_code == 200
    html = response.content.decode()
    assert children_article.get_url_in("en") in html
    assert "A lone child found in Calais" in html
    assert "The county council" in html  # the lead
    assert "La Voix du Nord" in html  # the source
    assert 'value="Calais"' in html  # the query stays in the box
    response = client.get("/fr/recherche/", {"q": "Calais"})
    assert "Un enfant isolé retrouvé à Calais" in response.content.decode()


def test_search_urls_switch_language(client):
    html = client.get("/fr/recherche/", {"q": "asile"}).content.decode()
    assert 'href="/en/search/?q=asile"' in html
    html = client.get("/en/search/", {"q": "asylum"}).content.decode()
    assert 'href="/fr/recherche/?q=asylum"' in html
    assert 'name="robots" content="noindex' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "x" * 2000,
        '"enfant',
        "'; DROP TABLE wagtailcore_page; --",
        "1' OR '1'='1",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "enfant & | ! ( ) : * <->",
        "\x00nul",
        "-",
        "%",
        "_",
        "le la les",
    ],
)
@pytest.mark.parametrize("url", ["/fr/recherche/", "/en/search/"])
def test_any_query_gives_a_normal_page(client, children_article, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html


def test_long_query_is_shortened_not_refused(client, children_article):
    response = client.get("/fr/recherche/", {"q": "Calais " + "x" * 2000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200


def test_unpublished_articles_are_not_found(children_article):
    children_article.unpublish()
    assert found("Calais", "fr") == []


@pytest.mark.postgres
@pytest.mark.parametrize(
    "query,lang",
    [
        ("enfants", "fr"),  # "enfant" in the title
        ("enfant", "fr"),  # "enfants" in the body
        ("protégé", "fr"),  # "protégés"
        ("etrangers", "fr"),  # "étrangers"
        ("ISOLE", "fr"),  # "isolé"
        ("protected", "en"),  # "protection"
        ("councils", "en"),  # "council"
        ("placements", "en"),  # "placement", in the body
        ("trafficked", "en"),  # the theme "Human trafficking"
        ('"emergency placement"', "en"),  # a phrase
    ],
)
def test_stemming_and_accents_on_postgres(children_article, unrelated_article, query, lang):
    assert found(query, lang) == [children_article.pk]


@pytest.mark.postgres
def test_each_language_is_searched_with_its_own_words(children_article):
    # "council" is in the English lead only; "conseil" in the French one.
    assert found("conseil", "fr") == [children_article.pk]
    assert found("conseil", "en") == []
    assert found("council", "fr") == []


@pytest.mark.postgres
def test_untranslated_article_is_searched_in_french_on_the_english_side(news_index):
    article = ArticlePageFactory(
        parent=news_index, title_fr="Décret relatif aux mineurs", title_en=None, lead_en=None
    )
    assert found("décret", "en") == [article.pk]


@pytest.mark.postgres
def test_best_match_first(news_index, children_article):
    in_body = ArticlePageFactory(
        parent=news_index,
        title_fr="Rapport annuel",
        lead_fr="Un rapport.",
        body_fr=paragraph("Il est question de Calais."),
        published_date=datetime.date(2024, 1, 1),
    )
    assert found("Calais", "fr") == [children_article.pk, in_body.pk]


def test_pagination_keeps_the_query(client, news_index):
    for n in range(25):
        ArticlePageFactory(
            parent=news_index, title_fr=f"Calais, épisode {n}", title_en=f"Calais {n}"
        )
    response = client.get("/fr/recherche/", {"q": "Calais"})
    html = response.content.decode()
    assert "25 résultats pour « Calais »." in html
    assert 'href="?q=Calais&amp;page=2"' in html
    response = client.get("/fr/recherche/", {"q": "Calais", "page": "2"})
    assert len(response.context["results_page"]) == 5
