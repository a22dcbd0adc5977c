"""Querysets whose SQL is compiled once per content change. For a page of articles Django
spends longer building the SQL (forty-odd columns, the tree and theme filters, the order)
than PostgreSQL takes to run it; the SQL of a listing changes only with the content it
filters on (a theme, the news index's path, whether any page is private), and every such
change purges the page cache, so it is kept as `memoized()` values are, and the rows read
through `raw()`, which builds the same objects (deferred fields included)."""

from django.core.exceptions import EmptyResultSet

from pagecache.cache import memoized


def compiled_sql(queryset, key):
    """(sql, params) of `queryset` (not sliced), compiled at most once per generation under
    `key`, which must name everything the SQL depends on; None when it can match nothing."""
    assert not queryset.query.is_sliced, "slice with rows(), not before"

    def compile_query():
        try:
            return queryset.query.get_compiler(queryset.db).as_sql()
        except EmptyResultSet:
            return None

    return memoized(f"compiled-sql:{key}", compile_query)


def rows(queryset, key, offset, limit):
    """`list(queryset[offset:offset + limit])`, from SQL compiled once per generation."""
    compiled = compiled_sql(queryset, key)
    if compiled is None:
        return []
    sql, params = compiled
    raw = queryset.model._default_manager.raw(
        f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset], using=queryset.db
    )
    return list(raw)
