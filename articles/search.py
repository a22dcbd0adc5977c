"""Finding articles from a few words, in the language of the page.

On PostgreSQL: full-text search with the stemming of the page's language and accents ignored
(the `infomie_fr` and `infomie_en` text search configurations, created by migration 0003:
`french`/`english` with `unaccent` first). Wagtail's search index stores one text per object,
in whichever language was active when it was saved, and one configuration per backend; the press
review needs each language searched with its own. So each article row stores one tsvector per
language (`search_vector_fr`, `search_vector_en`, GIN-indexed, migration 0005), written by
`update_search_vectors` from the row's own columns: the live content, since a draft's changes
stay in its revision. An article not translated is searched in French, as it is shown.
Computing them at query time instead cost 8 s a search with 10,000 articles.

What is searched is the text a reader reads (`searched_texts`): the body's blocks give their
words (rich text without its tags, headings, quotations, link labels), never a block's type,
its id, a link's address or a setting such as a quotation's language.

Who keeps them current: the signals connected below (an article's row saved with its content,
as publishing does; its themes changed; a theme renamed or deleted), the bulk import (which
defers them to one UPDATE: `vectors_updated_once`) and the benchmark seeder, all through
`update_search_vectors`; `manage.py update_search_vectors` and migration 0006 rebuild them all.

On SQLite (the `make run` default): every word must appear, case-insensitively, in one of the
same fields, the body read as the same text (a SQL function SQLite calls back). Plainer, but
the search box works with nothing installed.
"""

import functools
import json
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.backends.signals import connection_created
from django.db.models import F, Func, Q, QuerySet, TextField
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, shown_value
from core.search import SearchKind, clean_query, register_search_kind

from .models import ArticlePage, Theme

VECTOR_BATCH = 500
# The SQL function, on SQLite, giving the text of a body from its JSON (_sqlite_body_text).
SQLITE_BODY_TEXT = "infomie_body_text"
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
        **{
            f"body_text_{code}": Func(
                F(f"body_{code}"), function=SQLITE_BODY_TEXT, output_field=TextField()
            )
            for code in langs
        }
    )
    words = [word.strip("\"'«»“”") for word in query.split()][:10]
    for word in filter(None, words):
        match = Q(source_name__icontains=word)
        for code in langs:
            match |= (
                Q(**{f"title_{code}__icontains": word})
                | Q(**{f"lead_{code}__icontains": word})
                | Q(**{f"authors_{code}__icontains": word})
                | Q(**{f"body_text_{code}__contains": word.casefold()})
            )
        themed = Theme.objects.filter(
            Q(**{f"name_{lang}__icontains": word}) | Q(name_fr__icontains=word)
        )
        match |= Q(pk__in=ArticlePage.objects.filter(themes__in=themed).values("pk"))
        articles = articles.filter(match)
    return articles


@functools.lru_cache(maxsize=1024)  # keyed by the body itself: nothing to invalidate
def _sqlite_body_text(raw):
    """The text of a body stored as JSON, lowercased (SQLite's LIKE folds ASCII only)."""
    if not raw:
        return ""
    stream_block = ArticlePage._meta.get_field(f"body_{DEFAULT_LANGUAGE}").stream_block
    return body_text(stream_block.to_python(json.loads(raw))).casefold()


def _register_sqlite_body_text(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_BODY_TEXT, 1, _sqlite_body_text, deterministic=True
        )


# The stored vectors ------------------------------------------------------------------------


def saves_searched_content(update_fields):
    """Whether a save with these `update_fields` may change what visitors search."""
    return update_fields is None or not SEARCHED_FIELDS.isdisjoint(update_fields)


def update_search_vectors(articles=None):
    """Recompute the stored search vectors of `articles` (a queryset, or pages, or ids; every
    article when None) from the rows' live content, a few hundred articles per UPDATE. Returns
    the number of articles updated; does nothing on other databases."""
    if connection.vendor != "postgresql":
        return 0
    if articles is None:
        ids = list(ArticlePage.objects.order_by("pk").values_list("pk", flat=True))
    elif isinstance(articles, QuerySet):
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
    else:
        ids = sorted({int(getattr(article, "pk", article)) for article in articles})
    updated = 0
    for start in range(0, len(ids), VECTOR_BATCH):
        batch = list(
            ArticlePage.objects.filter(pk__in=ids[start : start + VECTOR_BATCH])
            .defer("search_vector_fr", "search_vector_en")
            .prefetch_related("themes")
        )
        if batch:
            _write_vectors(batch)
            updated += len(batch)
    return updated


def _write_vectors(articles):
    """One UPDATE giving each of `articles` its vectors: each language's texts go in as
    parameters, weighted as `searched_texts` says, parsed with that language's configuration."""
    weights = "ABCD"
    columns = [f"{code}_{weight}" for code in LANGUAGE_CODES for weight in weights]
    row_sql = "(%s::integer, " + ", ".join(["%s::text"] * len(columns)) + ")"
    params = []
    for article in articles:
        params.append(article.pk)
        for code in LANGUAGE_CODES:
            texts = dict.fromkeys(weights, "")
            for text, weight in searched_texts(article, code):
                texts[weight] = f"{texts[weight]} {text}".strip()
            params.extend(texts[weight] for weight in weights)
    assignments = ", ".join(
        f"search_vector_{code} = "
        + " || ".join(
            f"setweight(to_tsvector('{SEARCH_CONFIGS[code]}'::regconfig, v.{code}_{weight}), "
            f"'{weight}')"
            for weight in weights
        )
        for code in LANGUAGE_CODES
    )
    quote = connection.ops.quote_name
    table, pk = quote(ArticlePage._meta.db_table), quote(ArticlePage._meta.pk.column)
    # Only placeholders, our own column names and configurations go into the SQL text.
    sql = (
        f"UPDATE {table} SET {assignments} "  # noqa: S608
        f"FROM (VALUES {', '.join([row_sql] * len(articles))}) AS v(id, {', '.join(columns)}) "
        f"WHERE {table}.{pk} = v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


# The searched text ------------------------------------------------------------------------


def searched_texts(article, lang):
    """What a visitor reading `article` in `lang` can find it by, as (text, weight) pairs:
    title A, lead and theme names B, source and authors C, the text of the body's blocks D.
    Each field in `lang`, or in French where it is empty, as the article is shown. The one
    definition of the searched text: saves, imports and the rebuild command all write it."""
    themes = " ".join(shown_value(theme, "name", lang) for theme in article.themes.all())
    return [
        (shown_value(article, "title", lang), "A"),
        (shown_value(article, "lead", lang), "B"),
        (themes, "B"),
        (article.source_name or "", "C"),
        (shown_value(article, "authors", lang), "C"),
        (body_text(shown_value(article, "body", lang)), "D"),
    ]


def body_text(body):
    """The words a reader sees in a StreamField value: rich text without its tags (nor the
    addresses of its links), headings, quotations and who said them, link labels and
    descriptions. Never a block's type or id, a link's URL, or a choice such as a quote's
    language."""
    if not body:
        return ""
    texts = []
    for child in body:
        texts.extend(_block_texts(child.block, child.value))
    return " ".join(text.strip() for text in texts if text and text.strip())


def _block_texts(block, value):
    if value is None or isinstance(block, _NOT_TEXT_BLOCKS):
        return []
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in _block_texts(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in _block_texts(block.child_block, item)]
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in _block_texts(child.block, child.value)]
    # Rich text gives its text without tags (wagtail.rich_text.get_text_for_indexing), a
    # URL block nothing; plain text blocks their text.
    return [force_str(text) for text in block.get_searchable_content(value)]


# Blocks whose value is a setting rather than words the reader reads: a choice's label (the
# language of a quotation) would make every quote in English findable by "English".
_NOT_TEXT_BLOCKS = (blocks.ChoiceBlock, blocks.MultipleChoiceBlock, blocks.URLBlock)


def register_search_kinds():
    """The press review in the site's search (core.search)."""
    register_search_kind(
        SearchKind(
            key="articles",
            label=_("Articles"),
            search=search_articles,
            date_field="published_date",
            fetch=lambda ids: {
                a.pk: a for a in ArticlePage.objects.for_listing().filter(pk__in=ids)
            },
            template="components/search_result_article.html",
            order=10,
        )
    )


def _fetch_articles(ids):
    return {article.pk: article for article in ArticlePage.objects.for_listing().filter(pk__in=ids)}


def connect_signals():
    """SQLite connections learn to read a body's text; the vectors follow the saves that change
    what visitors search (not Wagtail's bookkeeping saves: a draft's changes stay in its
    revision)."""
    connection_created.connect(_register_sqlite_body_text, dispatch_uid="search-sqlite-text")
    post_save.connect(_article_saved, sender=ArticlePage, dispatch_uid="search-article")
    m2m_changed.connect(
        _article_themes_changed, sender=ArticlePage.themes.through, dispatch_uid="search-themes"
    )
    pre_save.connect(_remember_theme_names, sender=Theme, dispatch_uid="search-theme-names")
    post_save.connect(_theme_saved, sender=Theme, dispatch_uid="search-theme-saved")
    pre_delete.connect(_remember_theme_articles, sender=Theme, dispatch_uid="search-theme-pre")
    post_delete.connect(_forget_deleted_theme, sender=Theme, dispatch_uid="search-theme-post")


# The articles whose vectors wait for the end of a `vectors_updated_once` block (None outside).
_waiting = ContextVar("articles_waiting_for_vectors", default=None)


@contextmanager
def vectors_updated_once():
    """Inside the block, the saves that would each update some articles' vectors note them
    instead; at the end (without an error), one UPDATE per few hundred articles. For writers of
    many articles (the bulk import)."""
    waiting = set()
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)
    update_search_vectors(waiting)


def _update_vectors(ids):
    waiting = _waiting.get()
    if waiting is None:
        update_search_vectors(ids)
    else:
        waiting.update(ids)


def _article_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if not raw and saves_searched_content(update_fields):
        _update_vectors([instance.pk])


def _article_themes_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """An article's themes are committed after its row (modelcluster): searched by their
    names, so its vectors again. From the theme's side (`theme.articles.add(…)`), those
    articles'."""
    if connection.vendor != "postgresql":
        return
    if action == "pre_clear" and reverse:
        instance._search_article_ids = list(instance.articles.values_list("pk", flat=True))
    elif action in ("post_add", "post_remove"):
        _update_vectors(pk_set if reverse else [instance.pk])
    elif action == "post_clear":
        _update_vectors(getattr(instance, "_search_article_ids", ()) if reverse else [instance.pk])


def _theme_names(theme):
    return tuple(getattr(theme, f"name_{code}", None) for code in LANGUAGE_CODES)


def _remember_theme_names(sender, instance, raw=False, **kwargs):
    """The names before this save; none for a new theme, or where no vectors are stored."""
    instance._search_names_before = None
    if not raw and instance.pk is not None and connection.vendor == "postgresql":
        fields = [f"name_{code}" for code in LANGUAGE_CODES]
        instance._search_names_before = (
            Theme.objects.filter(pk=instance.pk).values_list(*fields).first()
        )


def _theme_saved(sender, instance, **kwargs):
    """Visitors find an article by the names of its themes."""
    before = getattr(instance, "_search_names_before", None)
    if before is not None and before != _theme_names(instance):
        _update_vectors(list(instance.articles.values_list("pk", flat=True)))


def _remember_theme_articles(sender, instance, **kwargs):
    if connection.vendor == "postgresql":
        instance._search_article_ids = list(instance.articles.values_list("pk", flat=True))


def _forget_deleted_theme(sender, instance, **kwargs):
    """A deleted theme leaves the vectors of its articles, which named it."""
    _update_vectors(getattr(instance, "_search_article_ids", ()))
