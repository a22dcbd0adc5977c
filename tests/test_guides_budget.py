"""A guide's pages cost the same number of queries with a handful or hundreds of pages in the
guide: the table of contents is one query by path prefix, not one per level."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from guides.factories import GuidePageFactory, GuideSectionPageFactory
from home.site_tree import ensure_guides_section

pytestmark = pytest.mark.django_db

# Wagtail finds the site; the page is found level by level by its slug (one query per level
# of its address below the sections kept in the cache: 3 for the section measured); the
# guide's tree; the printable version reads its pages' specific rows (one query per type).
BUDGET = {"index": 4, "guide": 4, "section": 6, "print": 7}


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
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
