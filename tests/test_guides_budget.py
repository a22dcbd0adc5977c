"""A guide's pages cost the same number of queries with a handful, a hundred or ten thousand
pages in the guide: the table of contents is one query by path prefix, not one per level."""

import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from guides.factories import GuidePageFactory, GuideSectionPageFactory, paragraph
from guides.models import GuideSectionPage
from home.site_tree import ensure_guides_section

from .bulk_pages import add_children

pytestmark = pytest.mark.django_db

# Wagtail finds the site; the page is found level by level by its slug (one query per level
# of its address below the sections kept in the cache: 3 for the section measured); the
# guide's tree; the printable version reads its pages' rows, one query per page type.
BUDGET = {"index": 4, "guide": 4, "section": 6, "print": 6}


def count_queries(client, url, pages=None, warm=False):
    """The queries of `url` once warm (`warm`: it was already asked for, and no content change
    has been announced since); its HTML kept in `pages` (by URL), if given."""
    if not warm:
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    if pages is not None:
        pages[url] = response.content.decode()
    return len(queries)


def grow(guide, chapters, sections_each, depth=3):
    """`chapters` chapters under `guide`, each with `sections_each` sections, the first of
    them nested `depth` levels deep."""
    made = []
    for _ in range(chapters):
        chapter = GuideSectionPageFactory(parent=guide)
        made.append(chapter)
        parent = chapter
        for number in range(sections_each):
            section = GuideSectionPageFactory(parent=chapter if number else parent)
            if number < depth:
                parent = section
            made.append(section)
    return made


def urls(guide, section, lang):
    return {
        "index": "/fr/dossiers/" if lang == "fr" else "/en/guides/",
        "guide": guide.get_url_in(lang),
        "section": section.get_url_in(lang),
        "print": guide.get_url_in(lang) + "print/",
    }


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_guide_pages_do_not_grow_with_the_guide(client, home_page, lang):
    index = ensure_guides_section(home_page)
    guide = GuidePageFactory(parent=index, title_fr="Minorité et état civil")
    pages = grow(guide, 2, 3)
    deep = pages[2]  # chapter › section › section
    small = {name: count_queries(client, url) for name, url in urls(guide, deep, lang).items()}

    grow(guide, 12, 8)  # about a hundred pages
    large = {name: count_queries(client, url) for name, url in urls(guide, deep, lang).items()}

    assert large == small
    for name, count in large.items():
        assert count <= BUDGET[name], f"{name}: {count} queries (budget {BUDGET[name]})"


def bulk_grow(guide, chapters, sections_each, first=0):
    """`chapters` chapters of `sections_each` sections each, numbered from `first`, written in
    bulk (tests/bulk_pages): ten thousand pages in seconds."""
    rows = [
        {
            "title_fr": f"Chapitre « {number} » : l’accès aux droits",
            "title_en": f"Chapter {number}: access to rights",
            "slug_fr": f"chapitre-{number}",
            "slug_en": f"chapter-{number}",
            "lead_fr": "Ce que prévoit le code de l’action sociale et des familles.",
            "body_fr": paragraph("Le président du conseil départemental est saisi."),
        }
        for number in range(first, first + chapters)
    ]
    for chapter in add_children(guide, GuideSectionPage, rows):
        add_children(
            chapter,
            GuideSectionPage,
            [
                {
                    "title_fr": f"Section {number} — âge et état civil",
                    "title_en": "" if number % 3 else f"Section {number}: age",
                    "slug_fr": f"section-{number}",
                    "slug_en": "" if number % 3 else f"section-{number}",
                    "body_fr": paragraph("L’évaluation sociale précède toute décision."),
                }
                for number in range(sections_each)
            ],
        )


@pytest.mark.postgres  # ten thousand pages rendered in each contents: minutes on SQLite
def test_guide_pages_stay_flat_up_to_ten_thousand_pages(client, home_page, settings):
    """In French (the English side costs the same: the test above)."""
    lang = "fr"
    settings.PAGE_CACHE_ENABLED = False
    index = ensure_guides_section(home_page)
    guide = GuidePageFactory(parent=index, title_fr="Minorité et état civil")
    deep = grow(guide, 2, 3)[2]  # through Wagtail, as editors make them; the others in bulk
    bulk_grow(guide, 1, 99)
    assert Page.objects.descendant_of(guide).count() == 108
    small = {name: count_queries(client, url) for name, url in urls(guide, deep, lang).items()}

    started = time.monotonic()
    bulk_grow(guide, 98, 100, first=1)
    print(f"10,000 guide pages written in {time.monotonic() - started:.1f} s")
    assert Page.objects.descendant_of(guide).count() == 108 + 98 * 101
    # Written in bulk, the pages announced no change: what was kept is still warm, and each
    # page of ten thousand entries is rendered once.
    pages = {}
    large = {
        name: count_queries(client, url, pages, warm=True)
        for name, url in urls(guide, deep, lang).items()
    }

    assert large == small
    for name, count in large.items():
        assert count <= BUDGET[name], f"{name}: {count} queries (budget {BUDGET[name]})"
    # The last section of the last chapter is in the contents and in the printable guide.
    for name in ("guide", "print"):
        assert "Section 98 — âge et état civil" in pages[urls(guide, deep, lang)[name]], name
