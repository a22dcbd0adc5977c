"""One search for the whole centre: articles, decisions and documents, each with its kind and
date, a filter by kind, the words of a PDF finding its document; on SQLite and PostgreSQL."""

import pytest

from articles.factories import ArticlePageFactory

from .library_fixtures import *  # noqa: F403 (fixtures)
from .library_fixtures import DAY, decision, document, pdf_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre(news_index, sections, conseil_etat, age_theme):
    article = ArticlePageFactory(
        parent=news_index,
        title_fr="Les tests osseux contestés",
        title_en="Bone tests disputed",
        themes=[age_theme],
    )
    ruling = decision(
        sections,
        conseil_etat,
        kind="ordonnance",
        number="469352",
        decision_date=DAY,
        facts_fr="<p>Les tests osseux ne suffisent pas à écarter la minorité.</p>",
        facts_en="<p>Bone tests cannot alone rule out minority.</p>",
    )
    pdf = pdf_document(
        "Circulaire", ["Les départements conduisent un entretien pluridisciplinaire."]
    )
    circular = document(
        sections, kind="circular", title_fr="Circulaire sur l’accueil", document_file=pdf
    )
    return article, ruling, circular


def _titles(response):
    return [result.item.title for result in response.context["results_page"]]


def test_one_search_finds_articles_and_decisions_with_kind_and_date(client, centre):
    article, ruling, _circular = centre
    response = client.get("/fr/recherche/", {"q": "tests osseux"})
    assert set(_titles(response)) == {article.title, ruling.title}
    html = response.content.decode()
    assert "Décisions" in html and "Articles" in html
    assert "15 décembre 2022" in html
    counts = {kind["key"]: kind["count"] for kind in response.context["kinds"]}
    assert counts == {"articles": 1, "decisions": 1, "documents": 0, "events": 0, "guides": 0}
    only = client.get("/fr/recherche/", {"q": "tests osseux", "kind": "decisions"})
    assert _titles(only) == [ruling.title]
    assert client.get("/fr/recherche/", {"q": "tests", "kind": "<nope>"}).status_code == 200


def test_words_only_in_a_pdf_find_its_document(client, centre):
    _article, _ruling, circular = centre
    response = client.get("/fr/recherche/", {"q": "pluridisciplinaire"})
    assert _titles(response) == [circular.title]


def test_english_search_reads_english_summaries(client, centre):
    _article, ruling, _circular = centre
    response = client.get("/en/search/", {"q": "minority"})
    assert ruling.title_en in _titles(response)


@pytest.mark.parametrize("count", [2, 40])
def test_search_costs_the_same_with_few_or_many_results(
    client, django_assert_max_num_queries, sections, conseil_etat, count
):
    for n in range(count):
        decision(sections, conseil_etat, facts_fr=f"<p>Hébergement d’urgence {n}</p>")
        document(sections, summary_fr=f"<p>Hébergement d’urgence {n}</p>")
    client.get("/fr/recherche/", {"q": "hébergement"})
    with django_assert_max_num_queries(10):
        response = client.get("/fr/recherche/", {"q": "hébergement"})
    assert response.context["results_page"].paginator.count == 2 * count


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "lang"),
    [("evaluation", "fr"), ("évaluations", "fr"), ("assessments", "en")],
)
def test_stemming_and_accents_in_pdfs_on_postgres(client, sections, query, lang):
    french = pdf_document("Note", ["L’évaluation sociale de la minorité"])
    english = pdf_document("Memo", ["The assessment of the age of the young people"])
    document(sections, title_fr="Note française", document_file=french)
    document(sections, title_fr="Note anglaise", document_file=english)
    response = client.get(f"/{lang}/{'recherche' if lang == 'fr' else 'search'}/", {"q": query})
    expected = "Note française" if lang == "fr" else "Note anglaise"
    assert [r.item.title_fr for r in response.context["results_page"]] == [expected]
