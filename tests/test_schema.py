"""The translated slug columns Wagtail's page table gets from wagtail-modeltranslation are
indexed: routing finds an article among thousands by its slug in the visitor's language."""

import pytest

from django.db import connection

from core.i18n import LANGUAGE_CODES
from core.schema import PAGE_TABLE, slug_index_name

pytestmark = pytest.mark.django_db


def test_translated_slugs_are_indexed():
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, PAGE_TABLE)
    for code in LANGUAGE_CODES:
        index = constraints.get(slug_index_name(code))
        assert index is not None and index["index"] and index["columns"] == [f"slug_{code}"]


@pytest.mark.postgres
def test_a_slug_look_up_can_use_the_index(news_index):
    # With a handful of test pages the planner prefers the path index; forbidding sequential
    # scans shows the slug index serves the look-up (at 10,000 articles the planner picks it:
    # docs/benchmarks.md).
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN plans are PostgreSQL's")
    from wagtail.models import Page

    query = Page.objects.filter(slug_en="some-article")
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert slug_index_name("en") in plan, plan
