"""Finding articles from a few words, in the language of the page.

On PostgreSQL: full-text search with the stemming of the page's language and accents ignored
(the `infomie_fr` and `infomie_en` text search configurations, created by migration 0003:
`french`/`english` with `unaccent` first). The vectors are computed from the per-language
columns at query time: Wagtail's search index stores one text per object, in whichever language
was active when it was saved, and one configuration per backend; the press review needs each
language searched with its own. An article not translated is searched in French, as it is shown.

On SQLite (the `make run` default): every word must appear, case-insensitively, in one of the
same fields. Plainer, but the search box works with nothing installed.
"""

import re

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import (
    SearchQuery,
    SearchRank,
    SearchVector,
    SearchVectorCombinable,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Func, OuterRef, Q, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, NullIf

from home.i18n import DEFAULT_LANGUAGE

from .models import ArticlePage, Theme

QUERY_MAX_LENGTH = 200
SEARCH_CONFIGS = {"fr": "infomie_fr", "en": "infomie_en"}
# Characters that are never part of a word a visitor means: control characters (PostgreSQL
# refuses NUL in a string) and the like.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def clean_query(raw):
    """The query as we search and show it: no control characters, at most 200 characters."""
    return " ".join(_CONTROL.sub(" ", raw or "").split())[:QUERY_MAX_LENGTH].strip()


def search_articles(query, lang):
    """Published, public articles matching `query` in language `lang`: best match first on
    PostgreSQL, newest first on SQLite."""
    articles = ArticlePage.objects.for_listing()
    query = clean_query(query)
    if not query:
        return articles.none()
    if connection.vendor == "postgresql":
        return _postgres_search(articles, query, lang)
    return _plain_search(articles, query, lang)


def _shown(field, lang):
    """The column the visitor reads: `field` in `lang`, or in French where it is empty."""
    if lang == DEFAULT_LANGUAGE:
        return F(f"{field}_{lang}")
    return Coalesce(
        NullIf(f"{field}_{lang}", Value("")),
        f"{field}_{DEFAULT_LANGUAGE}",
        output_field=TextField(),
    )


def _theme_names(lang):
    """The names of an article's themes, space-separated, as a subquery."""
    names = (
        Theme.objects.filter(articles=OuterRef("pk"))
        .order_by()
        .values("articles")
        .annotate(names=StringAgg(_shown("name", lang), delimiter=" "))
        .values("names")
    )
    return Subquery(names, output_field=TextField())


class _BodyVector(SearchVectorCombinable, Func):
    """The text of the body's blocks (the JSON's string values) as a tsvector, in `lang`, or
    in French when the article has no body in `lang`."""

    output_field = SearchVectorField()

    def __init__(self, lang, config):
        self.config = config
        own, fallback = f"body_{lang}", f"body_{DEFAULT_LANGUAGE}"
        super().__init__(F(own), F(fallback))

    def as_sql(self, compiler, connection, **extra_context):
        own_sql, own_params = compiler.compile(self.source_expressions[0])
        fallback_sql, fallback_params = compiler.compile(self.source_expressions[1])
        sql = (
            f"setweight(jsonb_to_tsvector('{self.config}'::regconfig, "
            f"CASE WHEN jsonb_array_length(COALESCE({own_sql}, '[]'::jsonb)) > 0 "
            f"THEN {own_sql} ELSE {fallback_sql} END, '[\"string\"]'::jsonb), 'D')"
        )
        return sql, [*own_params, *own_params, *fallback_params]


def _postgres_search(articles, query, lang):
    config = SEARCH_CONFIGS.get(lang, SEARCH_CONFIGS[DEFAULT_LANGUAGE])
    vector = (
        SearchVector(_shown("title", lang), weight="A", config=config)
        + SearchVector(_shown("lead", lang), weight="B", config=config)
        + SearchVector(_theme_names(lang), weight="B", config=config)
        + SearchVector("source_name", _shown("authors", lang), weight="C", config=config)
        + _BodyVector(lang, config)
    )
    search_query = SearchQuery(query, search_type="websearch", config=config)
    return (
        articles.annotate(search_vector=vector)
        .filter(search_vector=search_query)
        .annotate(rank=SearchRank(vector, search_query))
        .order_by("-rank", "-published_date", "-pk")
    )


def _plain_search(articles, query, lang):
    langs = [lang] if lang == DEFAULT_LANGUAGE else [lang, DEFAULT_LANGUAGE]
    articles = articles.annotate(
        **{f"body_text_{code}": Cast(f"body_{code}", TextField()) for code in langs}
    )
    words = [word.strip("\"'") for word in query.split()][:10]
    for word in filter(None, words):
        match = Q(source_name__icontains=word)
        for code in langs:
            match |= (
                Q(**{f"title_{code}__icontains": word})
                | Q(**{f"lead_{code}__icontains": word})
                | Q(**{f"authors_{code}__icontains": word})
                | Q(**{f"body_text_{code}__icontains": word})
            )
        themed = Theme.objects.filter(
            Q(**{f"name_{lang}__icontains": word}) | Q(name_fr__icontains=word)
        )
        match |= Q(pk__in=ArticlePage.objects.filter(themes__in=themed).values("pk"))
        articles = articles.filter(match)
    return articles
