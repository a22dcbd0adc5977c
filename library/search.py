"""Finding decisions and documents, for the site's search (core.search).

On PostgreSQL: each page stores one tsvector per language (`search_vector_fr`/`_en`), computed
on save from what a visitor reads in that language (French where a field has no translation),
with the `infomie_fr`/`infomie_en` configurations of the press review; a PDF's text has its
own vector (`DocumentText.search_vector`), parsed in the file's language, and a document is
found by words only its file contains. On SQLite: every word must appear in one of the same
fields or in the file's text, case-insensitively."""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q, TextField, Value
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from articles.search import SEARCH_CONFIGS
from core.i18n import DEFAULT_LANGUAGE, LANGUAGE_CODES, shown_value
from core.search import SearchKind, clean_query, register_search_kind

from .models import DecisionPage, DocumentPage, DocumentText


def register_search_kinds():
    register_search_kind(
        SearchKind(
            key="decisions",
            label=_("Decisions"),
            search=search_decisions,
            date_field="decision_date",
            fetch=lambda ids: _fetch(DecisionPage.objects.select_related("court"), ids),
            template="components/search_result_library.html",
            order=20,
        )
    )
    register_search_kind(
        SearchKind(
            key="documents",
            label=_("Documents"),
            search=search_documents,
            date_field="document_date",
            fetch=lambda ids: _fetch(DocumentPage.objects.all(), ids),
            template="components/search_result_library.html",
            order=30,
        )
    )


def _fetch(pages, ids):
    return {page.pk: page for page in pages.for_listing().filter(pk__in=ids)}


def search_decisions(query, lang):
    decisions = DecisionPage.objects.for_listing().order_by("-decision_date", "-pk")
    query = clean_query(query)
    if not query:
        return decisions.none()
    if connection.vendor == "postgresql":
        return decisions.filter(**{f"search_vector_{_lang(lang)}": _query(query, lang)})
    return _plain(decisions, query, lang)


def search_documents(query, lang):
    documents = DocumentPage.objects.for_listing().order_by("-document_date", "-pk")
    query = clean_query(query)
    if not query:
        return documents.none()
    if connection.vendor == "postgresql":
        in_files = DocumentText.objects.filter(
            Q(language="fr", search_vector=_query(query, "fr"))
            | Q(language="en", search_vector=_query(query, "en"))
        ).values("document_id")
        return documents.filter(
            Q(**{f"search_vector_{_lang(lang)}": _query(query, lang)})
            | Q(document_file__in=in_files)
        )
    return _plain(documents, query, lang)


def _lang(lang):
    return lang if lang in SEARCH_CONFIGS else DEFAULT_LANGUAGE


def _query(query, lang):
    return SearchQuery(query, search_type="websearch", config=SEARCH_CONFIGS[_lang(lang)])


def _plain(pages, query, lang):
    model = pages.model
    langs = [lang] if lang == DEFAULT_LANGUAGE else [lang, DEFAULT_LANGUAGE]
    words = [word.strip("\"'«»“”") for word in query.split()][:10]
    for word in filter(None, words):
        match = Q()
        for name in model.searched_fields:
            for code in langs:
                match |= Q(**{f"{name}_{code}__icontains": word})
        for name in model.searched_plain_fields:
            match |= Q(**{f"{name}__icontains": word})
        match |= Q(**{f"themes__name_{lang}__icontains": word}) | Q(themes__name_fr__icontains=word)
        pages = pages.filter(pk__in=pages.model.objects.filter(match).values("pk"))
    return pages


# The stored vectors (PostgreSQL) ----------------------------------------------------------


def searched_text(page, lang):
    """What a visitor reading `page` in `lang` finds it by (fields in `lang` or French)."""
    texts = [shown_value(page, name, lang) for name in page.searched_fields]
    texts += page.searched_extras(lang)
    texts += [shown_value(theme, "name", lang) for theme in page.themes.all()]
    return " ".join(strip_tags(str(text)) for text in texts if text)


def update_page_vectors(model, ids):
    if connection.vendor != "postgresql":
        return
    for page in model.objects.filter(pk__in=ids).defer("search_vector_fr", "search_vector_en"):
        vectors = {
            f"search_vector_{code}": SearchVector(
                Value(searched_text(page, code), output_field=TextField()),
                config=SEARCH_CONFIGS[code],
            )
            for code in LANGUAGE_CODES
        }
        model.objects.filter(pk=page.pk).update(**vectors)


def update_text_vector(row):
    if connection.vendor != "postgresql":
        return
    DocumentText.objects.filter(pk=row.pk).update(
        search_vector=SearchVector("text", config=SEARCH_CONFIGS[_lang(row.language)])
    )
