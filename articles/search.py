"""Finding articles from a few words, in the language of the page.

On PostgreSQL: full-text search with the stemming of the page's language and accents ignored
(the `infomie_fr` and `infomie_en` text search configurations, created by migration 0003:
`french`/`english` with `unaccent` first). Wagtail's search index stores one text per object,
in whichever language was active when it was saved, and one configuration per backend; the press
review needs each language searched with its own. So each article row stores one tsvector per
language (`search_vector_fr`, `search_vector_en`, GIN-indexed, migration 0005), computed in the
database by `update_search_vectors` from the row's own columns: the live content, since a
draft's changes stay in its revision. An article not translated is searched in French, as it is
shown. Computing them at query time instead cost 8 s a search with 10,000 articles.

Who keeps them current: `ArticlePage.save` (publish, a save of the row's content),
`Theme.save` (a renamed theme), a theme's deletion (`connect_signals` below), the bulk import
and the benchmark seeder; `manage.py update_search_vectors` rebuilds them all.

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
from django.db.models import F, Func, OuterRef, Q, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Cast, Coalesce, NullIf
from django.db.models.signals import post_delete, pre_delete

from wagtail.models import Page

from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES

from .models import ArticlePage, Theme

QUERY_MAX_LENGTH = 200
SEARCH_CONFIGS = {"fr": "infomie_fr", "en": "infomie_en"}
# The article fields the stored vectors are computed from, with each language's column.
SEARCHED_FIELDS = frozenset(
    [
        *(
            f"{name}{suffix}"
            for name in ("title", "lead", "body", "authors")
            for suffix in ["", *(f"_{code}" for code in LANGUAGE_CODES)]
        ),
        "source_name",
        "themes",
    ]
)
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


def _postgres_search(articles, query, lang):
    if lang not in SEARCH_CONFIGS:
        lang = DEFAULT_LANGUAGE
    search_query = SearchQuery(query, search_type="websearch", config=SEARCH_CONFIGS[lang])
    column = f"search_vector_{lang}"
    return (
        articles.filter(**{column: search_query})
        .annotate(rank=SearchRank(F(column), search_query))
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


# The stored vectors ------------------------------------------------------------------------


def saves_searched_content(update_fields):
    """Whether a save with these `update_fields` may change what visitors search."""
    return update_fields is None or not SEARCHED_FIELDS.isdisjoint(update_fields)


def update_search_vectors(articles=None):
    """Recompute the stored search vectors of `articles` (a queryset, or pages, or ids; every
    article when None) in one UPDATE computed by PostgreSQL, whatever their number. Returns
    the number of articles updated; does nothing on other databases."""
    if connection.vendor != "postgresql":
        return 0
    rows = ArticlePage.objects.all()
    if isinstance(articles, QuerySet):
        rows = rows.filter(pk__in=articles.values("pk"))
    elif articles is not None:
        ids = [int(getattr(article, "pk", article)) for article in articles]
        if not ids:
            return 0
        rows = rows.filter(pk__in=ids)
    return rows.update(**{f"search_vector_{code}": _vector(code) for code in LANGUAGE_CODES})


def _vector(lang):
    """An article's text in `lang` as a weighted tsvector: title A, lead and theme names B,
    source and authors C, body D."""
    config = SEARCH_CONFIGS[lang]
    return (
        SearchVector(_page_title(lang), weight="A", config=config)
        + SearchVector(_shown("lead", lang), weight="B", config=config)
        + SearchVector(_theme_names(lang), weight="B", config=config)
        + SearchVector("source_name", _shown("authors", lang), weight="C", config=config)
        + _BodyVector(lang, config)
    )


def _page_title(lang):
    """The title the visitor reads, as a subquery: it is on the page table, and an UPDATE of
    the article table cannot join it."""
    title = (
        Page.objects.filter(pk=OuterRef("pk"))
        .order_by()
        .annotate(shown=_shown("title", lang))
        .values("shown")
    )
    return Subquery(title, output_field=TextField())


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


def connect_signals():
    """A deleted theme leaves the vectors of its articles, which named it."""
    pre_delete.connect(_remember_theme_articles, sender=Theme, dispatch_uid="search-theme-pre")
    post_delete.connect(_forget_deleted_theme, sender=Theme, dispatch_uid="search-theme-post")


def _remember_theme_articles(sender, instance, **kwargs):
    if connection.vendor == "postgresql":
        instance._search_article_ids = list(instance.articles.values_list("pk", flat=True))


def _forget_deleted_theme(sender, instance, **kwargs):
    update_search_vectors(getattr(instance, "_search_article_ids", ()))
