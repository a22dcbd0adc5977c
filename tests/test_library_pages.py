"""Case law and the document library as visitors and editors see them: titles and addresses
built from a decision's fields, the pages in both languages, the filters of the listings."""

import datetime

import pytest

from django.utils import translation

from library.models import DecisionPage, DocumentPage

from .library_fixtures import *  # noqa: F403 (fixtures)
from .library_fixtures import DAY, decision, document

pytestmark = pytest.mark.django_db


def test_a_decision_title_and_address_are_built_in_each_language(sections, conseil_etat):
    page = decision(sections, conseil_etat, kind="ordonnance", number="469352", decision_date=DAY)
    assert page.title_fr == "Conseil d’État, ordonnance n° 469352 du 15 décembre 2022"
    assert page.title_en == "Council of State, order no. 469352 of 15 December 2022"
    assert page.slug_fr == "conseil-detat-2022-12-15-469352"
    assert page.slug_en == "council-of-state-2022-12-15-469352"
    # An edit keeps the address; a title the editor writes wins.
    page.number = "469353"
    page.custom_title_fr = "Référé-liberté « mineur isolé »"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.slug_fr == "conseil-detat-2022-12-15-469352"
    assert page.title_fr == "Référé-liberté « mineur isolé »"
    assert page.title_en == "Council of State, order no. 469353 of 15 December 2022"


def test_a_lower_court_title_names_its_city(sections):
    from library.factories import CourtFactory

    court = CourtFactory(name_fr="Tribunal administratif", name_en="Administrative court")
    page = decision(
        sections, court, kind="jugement", number="2201234", decision_date=DAY, city="Amiens"
    )
    assert page.title_fr.startswith("Tribunal administratif d’Amiens, jugement n° 2201234")
    assert page.title_en.startswith("Administrative court, Amiens, first-instance judgment")


def test_decision_page_in_french_and_english(client, sections, conseil_etat, age_theme):
    page = decision(
        sections,
        conseil_etat,
        kind="ordonnance",
        number="469352",
        decision_date=DAY,
        themes=[age_theme],
        facts_fr="<p>Un jeune « se déclarant mineur » conteste l’évaluation.</p>",
        facts_en="<p>A young person disputes the assessment.</p>",
        source_url="https://www.legifrance.gouv.fr/ceta/id/CETATEXT000046789012",
    )
    page.save_revision().publish()
    french = client.get("/fr/jurisprudence/conseil-detat-2022-12-15-469352/")
    assert french.status_code == 200
    html = french.content.decode()
    assert "« se déclarant mineur »" in html
    assert "Évaluation de l’âge" in html
    assert '"@type": "CreativeWork"' in html
    assert "https://www.legifrance.gouv.fr/ceta/id/CETATEXT000046789012" in html
    with translation.override("en"):
        english = client.get("/en/case-law/council-of-state-2022-12-15-469352/")
    assert english.status_code == 200
    assert "A young person disputes the assessment." in english.content.decode()


def test_a_decision_only_in_french_is_marked_on_the_english_side(client, sections, conseil_etat):
    page = decision(
        sections, conseil_etat, decision_date=DAY, number="1", facts_en="", ruling_en=""
    )
    assert not page.title_en
    response = client.get(f"/en/case-law/{page.slug_fr}/")
    assert response.status_code == 200
    assert 'lang="fr"' in response.content.decode()


def test_source_url_must_be_a_web_address(sections, conseil_etat):
    from django.core.exceptions import ValidationError

    page = decision(sections, conseil_etat, decision_date=DAY, number="2")
    page.source_url = "javascript:alert(1)"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_proceedings_link_decisions_both_ways(client, sections, conseil_etat, echr):
    lower = decision(sections, echr, decision_date=datetime.date(2021, 3, 1), number="A1")
    higher = decision(
        sections, conseil_etat, decision_date=DAY, number="B2", lower_decisions=[lower]
    )
    html = client.get(higher.url).content.decode()
    assert lower.title in html
    assert higher.title in client.get(lower.url).content.decode()


def test_listing_filters_combined_with_counts(client, sections, conseil_etat, echr, age_theme):
    for day in (datetime.date(2022, 1, 5), datetime.date(2022, 6, 1)):
        decision(sections, conseil_etat, kind="ordonnance", decision_date=day, themes=[age_theme])
    decision(sections, conseil_etat, kind="arret", decision_date=datetime.date(2021, 2, 2))
    decision(sections, echr, kind="arret", decision_date=datetime.date(2022, 2, 2))
    response = client.get(
        "/fr/jurisprudence/",
        {
            "court": conseil_etat.slug_fr,
            "year": "2022",
            "kind": "ordonnance",
            "theme": age_theme.slug_fr,
        },
    )
    assert response.status_code == 200
    assert response.context["items_page"].paginator.count == 2
    facets = {f.param: f for f in response.context["facets"]}
    assert {o.key: o.count for o in facets["year"].options} == {"2022": 2, "2021": 0}
    # Each facet counts with the other filters: 2022 gives two orders of the Conseil d'État.
    assert {o.key: o.count for o in facets["kind"].shown_options} == {"ordonnance": 2}
    assert {o.key: o.count for o in facets["jurisdiction"].shown_options} == {"france": 2}
    html = response.content.decode()
    assert "Conseil d’État (2)" in html


@pytest.mark.parametrize(
    "query",
    [
        "court=nope",
        "year=abcd",
        "year=99999999999999999999",
        "kind=<script>",
        "theme=%00",
        "page=-1",
        "page=abc",
        "jurisdiction[]=x",
        "year=2022&year=2021",
    ],
)
def test_listing_never_fails_on_bad_values(client, sections, conseil_etat, query):
    decision(sections, conseil_etat, decision_date=DAY)
    assert client.get(f"/fr/jurisprudence/?{query}").status_code == 200
    assert client.get(f"/fr/documentation/?{query}").status_code == 200


def test_listing_paginates(client, sections, conseil_etat):
    for n in range(25):
        decision(sections, conseil_etat, decision_date=DAY - datetime.timedelta(days=n))
    page2 = client.get("/fr/jurisprudence/?page=2")
    assert len(page2.context["items_page"]) == 5


def _listing_queries(client, django_assert_max_num_queries, url, budget):
    client.get(url)  # caches filled
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_listings_cost_the_same_with_few_or_many_items(
    client, django_assert_max_num_queries, sections, conseil_etat, echr, age_theme, count
):
    for n in range(count):
        decision(sections, conseil_etat if n % 2 else echr, decision_date=DAY, themes=[age_theme])
        document(sections, themes=[age_theme])
    url = f"/fr/jurisprudence/?theme={age_theme.slug_fr}&kind=arret"
    _listing_queries(client, django_assert_max_num_queries, url, 14)
    _listing_queries(client, django_assert_max_num_queries, "/fr/documentation/?language=fr", 12)
    first = DecisionPage.objects.first()
    _listing_queries(client, django_assert_max_num_queries, first.url, 12)
    _listing_queries(client, django_assert_max_num_queries, DocumentPage.objects.first().url, 12)


def test_document_page_and_filters(client, sections, age_theme):
    old = document(
        sections,
        kind="circular",
        title_fr="Circulaire de 2016",
        in_force=False,
        reference="JUSF1602101C",
    )
    new = document(
        sections,
        kind="circular",
        title_fr="Circulaire de 2019",
        file_languages=["fr", "en"],
        themes=[age_theme],
    )
    old.replaced_by = new
    old.save_revision().publish()
    html = client.get(old.url).content.decode()
    assert "JUSF1602101C" in html
    assert '"@type": "Legislation"' in html
    assert '"legislationLegalForce": "NotInForce"' in html
    assert "Circulaire de 2019" in html
    response = client.get("/fr/documentation/?language=en")
    assert [p.pk for p in response.context["items_page"]] == [new.pk]
    assert "Circulaire de 2016" in client.get(new.url).content.decode()  # it replaces


def test_feeds_and_sitemap(client, sections, conseil_etat):
    page = decision(sections, conseil_etat, decision_date=DAY, number="469352")
    feed = client.get("/fr/jurisprudence/rss/")
    assert feed.status_code == 200
    assert page.title_fr in feed.content.decode()
    with translation.override("en"):
        assert client.get("/en/case-law/rss/").status_code == 200
        assert client.get("/en/library/rss/").status_code == 200
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/fr/jurisprudence/conseil-detat-2022-12-15-469352/" in sitemap
    assert "/en/case-law/council-of-state-2022-12-15-469352/" in sitemap


def test_theme_page_lists_decisions_and_documents(client, sections, conseil_etat, age_theme):
    page = decision(sections, conseil_etat, decision_date=DAY, themes=[age_theme])
    document(sections, title_fr="Rapport « Évaluation de l’âge »", themes=[age_theme])
    html = client.get(f"/fr/actualites/themes/{age_theme.slug_fr}/").content.decode()
    assert page.title in html
    assert "Rapport « Évaluation de l’âge »" in html
    assert f"/fr/documentation/?theme={age_theme.slug_fr}" in html


def test_an_article_cites_a_decision_and_the_decision_lists_it(
    client, news_index, sections, conseil_etat
):
    from articles.factories import ArticlePageFactory

    ruling = decision(sections, conseil_etat, decision_date=DAY, number="469352")
    article = ArticlePageFactory(
        parent=news_index,
        title_fr="Le Conseil d’État rappelle l’accueil provisoire",
        body_fr=[
            {"type": "paragraph", "value": "<p>Une ordonnance.</p>"},
            {
                "type": "cited_resource",
                "value": {"resource": ruling.pk, "note": "L’ordonnance « de principe »"},
            },
        ],
    )
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert ruling.title in html
    assert "L’ordonnance « de principe »" in html
    cited = client.get(ruling.url).content.decode()
    assert "Articles qui y renvoient" in cited
    assert article.title in cited


def test_filters_shared_from_the_other_language_still_apply(client, sections, conseil_etat, echr):
    decision(sections, conseil_etat, decision_date=DAY, facts_en="<p>In English.</p>")
    decision(sections, echr, decision_date=DAY, facts_en="<p>In English.</p>")
    with translation.override("en"):
        response = client.get("/en/case-law/", {"court": conseil_etat.slug_fr})
    assert response.context["items_page"].paginator.count == 1
    assert response.context["selected_filters"] == {"court": conseil_etat.slug_en}
