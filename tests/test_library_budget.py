"""Every page type of the resource centre costs the same number of queries with 100 items or
10,000: the sections' listings with their filters combined, a decision, a document, the search
filtered by kind, the feeds, in French and in English. The 10,000 rows are written in bulk
(tests/bulk_pages), in seconds."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.slugs import ascii_slug
from library.models import DecisionPage, DocumentPage

from .bulk_pages import add_children, file_under_themes
from .library_fixtures import *  # noqa: F403 (fixtures)

pytestmark = pytest.mark.django_db

# Wagtail finds the site and the page (one query per level of its address below the cached
# sections); a listing counts each filter's options (one query per facet) and reads its page
# of cards; a decision or a document reads its themes, its file, the related items and the
# articles that cite it; the search one query per kind for its matches and one to load them.
BUDGET = {
    "decisions": 11,
    "decision": 8,
    "documents": 9,
    "document": 6,
    "search": 6,
    "decisions_feed": 4,
    "documents_feed": 4,
}
FIRST_DAY = datetime.date(2015, 1, 1)


def count_queries(client, url):
    client.get(url)  # the look-ups kept until the next change are warm
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow(sections, courts, theme, count, start):
    def decision(n):
        court = courts[n % len(courts)]
        day = FIRST_DAY + datetime.timedelta(days=(start + n) % 3000)
        return {
            "court_id": court.pk,
            "kind": ("arret", "ordonnance")[n % 2],
            "number": str(400000 + start + n),
            "decision_date": day,
            "title_fr": f"{court.name_fr}, arrêt n° {400000 + start + n} du {day:%d/%m/%Y}",
            "title_en": f"{court.name_en}, judgment no. {400000 + start + n}",
            "facts_fr": "<p>Un mineur « isolé » demande son hébergement.</p>",
            "facts_en": "<p>An unaccompanied minor asks to be housed.</p>",
        }

    def document(n):
        return {
            "kind": ("report", "circular", "thesis")[n % 3],
            "document_date": FIRST_DAY + datetime.timedelta(days=(start + n) % 3000),
            "title_fr": f"Rapport n° {start + n} sur l’accueil des mineurs « non accompagnés »",
            "title_en": f"Report no. {start + n} on unaccompanied minors",
            "summary_fr": "<p>Mineur isolé, évaluation de l’âge.</p>",
            "file_languages": ["fr", "en"] if n % 2 else ["fr"],
        }

    def rows(fields_of):
        for n in range(count):
            fields = fields_of(n)
            slug = f"{ascii_slug(fields['title_fr'])[:60]}-{start + n}"
            yield {**fields, "slug_fr": slug, "slug_en": slug}

    for section, model, fields_of in (
        (sections[0], DecisionPage, decision),
        (sections[1], DocumentPage, document),
    ):
        pages = add_children(section, model, list(rows(fields_of)))
        file_under_themes(model, pages, lambda _n: [theme])


def urls(court, theme, lang):
    decision = DecisionPage.objects.order_by("pk").first()
    document = DocumentPage.objects.order_by("pk").first()
    decisions = "/fr/jurisprudence/" if lang == "fr" else "/en/case-law/"
    documents = "/fr/documentation/" if lang == "fr" else "/en/library/"
    search = "/fr/recherche/" if lang == "fr" else "/en/search/"
    slug = getattr(theme, f"slug_{lang}")
    return {
        "decisions": f"{decisions}?court={court.filter_slug}&kind=arret&year=2016&theme={slug}",
        "decision": decision.get_url_in(lang),
        "documents": f"{documents}?kind=report&language=fr&year=2016&theme={slug}",
        "document": document.get_url_in(lang),
        "search": f"{search}?q=mineur&kind=decisions",
        "decisions_feed": f"{decisions}rss/",
        "documents_feed": f"{documents}rss/",
    }


def measure(client, court, theme):
    return {
        (lang, name): count_queries(client, url)
        for lang in ("fr", "en")
        for name, url in urls(court, theme, lang).items()
    }


def test_library_pages_cost_the_same_with_100_or_10000_items(
    client, sections, conseil_etat, echr, age_theme
):
    courts = [conseil_etat, echr]
    grow(sections, courts, age_theme, 100, 0)
    small = measure(client, conseil_etat, age_theme)
    grow(sections, courts, age_theme, 9900, 100)
    assert DecisionPage.objects.live().count() == DocumentPage.objects.live().count() == 10000
    large = measure(client, conseil_etat, age_theme)
    print("100:", small, "10000:", large)
    assert large == small
    for (lang, name), count in large.items():
        assert count <= BUDGET[name], f"{lang} {name}: {count} queries (budget {BUDGET[name]})"
