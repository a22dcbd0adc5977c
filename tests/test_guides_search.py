"""Guides in the site's search (`/fr/recherche/`, `/en/search/`): found by the words a reader
reads in the page's language (French where a page has no English), never by a block's type
or a link's address; shown as « Dossiers » with their last review; the kind filter keeps them
apart; the search costs the same with a few matches or many."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.factories import ArticlePageFactory, ThemeFactory, paragraph
from guides.factories import GuidePageFactory, GuideSectionPageFactory
from guides.review import mark_guide_reviewed
from home.site_tree import ensure_guides_section

pytestmark = pytest.mark.django_db

# The search's budget (tests/test_query_budget.py): a count per kind (five), one query per kind
# shown to load the page of results, and the look-ups every page makes.
SEARCH_BUDGET = 7


@pytest.fixture
def guides_index(home_page):
    return ensure_guides_section(home_page)


@pytest.fixture
def guide(guides_index):
    guide = GuidePageFactory(
        parent=guides_index,
        title_fr="Minorité et état civil",
        title_en="Minority and civil status",
        lead_fr="Ce que dit le droit de l’âge d’un jeune « isolé ».",
        lead_en="What the law says about the age of a young person on their own.",
    )
    chapter = GuideSectionPageFactory(
        parent=guide,
        title_fr="Détermination de la minorité",
        title_en="Assessing minority",
        lead_fr="",
        lead_en="",
        body_fr=[
            {"type": "paragraph", "value": "<p>L’évaluation repose sur un faisceau d’indices.</p>"},
            {
                "type": "question",
                "value": {
                    "question": "Peut-on écarter un acte d’état civil étranger ?",
                    "answer": "<p>Seulement s’il est irrégulier ou « falsifié ».</p>",
                },
            },
            {
                "type": "reference",
                "value": {
                    "citation": "Code civil, art. 47",
                    "url": "https://www.legifrance.gouv.fr/codes/",
                    "page": None,
                    "note": "",
                },
            },
        ],
        body_en=[{"type": "paragraph", "value": "<p>Assessment weighs several clues.</p>"}],
    )
    french_only = GuideSectionPageFactory(
        parent=guide,
        title_fr="Les recours devant le juge des enfants",
        title_en="",
        lead_fr="",
        lead_en="",
        body_fr=[{"type": "paragraph", "value": "<p>L’appel est ouvert pendant quinze jours.</p>"}],
        body_en=[],
    )
    for page in (guide, chapter, french_only):
        page.save_revision().publish()
    return {"guide": guide, "chapter": chapter, "french_only": french_only}


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_word_only_in_the_body_finds_the_page(client, guide):
    html = text(client.get("/fr/recherche/", {"q": "falsifié"}))
    assert "Détermination de la minorité</a>" in html
    assert guide["chapter"].get_url_in("fr") in html
    assert "1 résultat" in html
    assert "Dossiers · Mis à jour le <time" in html
    assert '<option value="guides">Dossiers (1)</option>' in html


def test_the_date_shown_is_the_last_review(client, guide):
    mark_guide_reviewed(guide["guide"], day=datetime.date(2026, 11, 2))
    html = text(client.get("/fr/recherche/", {"q": "faisceau", "kind": "guides"}))
    assert '<time datetime="2026-11-02">2 novembre 2026</time>' in html


def test_english_side_reads_english_or_the_french_fallback(client, guide):
    html = text(client.get("/en/search/", {"q": "clues"}))
    assert "Assessing minority</a>" in html
    assert "Guides (1)" in html
    # French words of a translated page do not find it on the English side…
    assert "Assessing minority" not in text(client.get("/en/search/", {"q": "faisceau"}))
    # …but a page written in French only is read, and found, in French.
    html = text(client.get("/en/search/", {"q": "quinze"}))
    assert 'lang="fr">Les recours devant le juge des enfants</a>' in html
    assert "Available in French only." in html


def test_block_types_and_addresses_find_nothing(client, guide):
    for word in ("question", "reference", "paragraph", "legifrance", "gouv"):
        html = text(client.get("/fr/recherche/", {"q": word, "kind": "guides"}))
        assert "Détermination de la minorité</a>" not in html, word


def test_theme_names_find_guides(client, guide):
    theme = ThemeFactory(name_fr="Âge et état civil", name_en="Age and civil status")
    guide["guide"].themes.set([theme])
    guide["guide"].save_revision().publish()
    assert "Minorité et état civil</a>" in text(client.get("/fr/recherche/", {"q": "Âge"}))
    assert "Minority and civil status</a>" in text(client.get("/en/search/", {"q": "Age"}))


def test_a_draft_is_not_searched(client, guide):
    chapter = guide["chapter"].specific
    chapter.body_fr = [{"type": "paragraph", "value": "<p>Un mot encore « confidentiel ».</p>"}]
    chapter.save_revision()
    assert "Essayez d’autres mots" in text(client.get("/fr/recherche/", {"q": "confidentiel"}))
    assert "Détermination" in text(client.get("/fr/recherche/", {"q": "faisceau"}))
    chapter.get_latest_revision().publish()
    assert "Détermination" in text(client.get("/fr/recherche/", {"q": "confidentiel"}))
    assert "Détermination" not in text(client.get("/fr/recherche/", {"q": "faisceau"}))


def test_the_kind_filter_keeps_guides_apart(client, news_index, guide):
    ArticlePageFactory(
        parent=news_index,
        title_fr="Un faisceau d’indices contesté à Nantes",
        body_fr=paragraph("Le tribunal a jugé."),
        published_date=datetime.date(2026, 5, 4),
    )
    everything = text(client.get("/fr/recherche/", {"q": "faisceau"}))
    assert "contesté à Nantes" in everything and "Détermination de la minorité" in everything
    guides = text(client.get("/fr/recherche/", {"q": "faisceau", "kind": "guides"}))
    assert "Détermination de la minorité" in guides and "contesté à Nantes" not in guides
    articles = text(client.get("/fr/recherche/", {"q": "faisceau", "kind": "articles"}))
    assert "contesté à Nantes" in articles and "Détermination de la minorité" not in articles


def test_unpublished_pages_are_not_found(client, guide):
    guide["chapter"].unpublish()
    assert "Détermination" not in text(client.get("/fr/recherche/", {"q": "faisceau"}))


def test_search_costs_the_same_with_more_guide_pages(client, guide):
    def search_queries():
        client.get("/fr/recherche/", {"q": "Mayotte"})
        with CaptureQueriesContext(connection) as queries:
            html = text(client.get("/fr/recherche/", {"q": "Mayotte"}))
        return len(queries), html

    def add_sections(count):
        for number in range(count):
            GuideSectionPageFactory(
                parent=guide["chapter"],
                title_fr=f"Mayotte, cas n° {number}",
                body_fr=paragraph("Le département de Mayotte."),
            ).save_revision().publish()

    add_sections(3)
    small, html = search_queries()
    assert "Mayotte, cas n° 2" in html
    add_sections(40)
    large, html = search_queries()
    assert "43 résultats" in html
    assert large == small <= SEARCH_BUDGET, (small, large)
