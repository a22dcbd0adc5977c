"""One search for the whole site (`/fr/recherche/`, `/en/search/`): each content app registers
what it can find (a `SearchKind`) when it is ready, so core imports none of them.

The results of every kind are merged newest first (each kind's own order, best match first on
PostgreSQL, when one kind is chosen), each with its kind and date, 20 a page. A kind gives at
most `MAX_PER_KIND` results: the counts say "1000+" past that."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from .i18n import LANGUAGE_CODES, current_language, sorted_query
from .pagination import paginate

QUERY_MAX_LENGTH = 200
MAX_PER_KIND = 1000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class SearchKind:
    key: str  # the value of `?kind=`
    label: Any  # lazily translated
    search: Callable  # (query, lang) -> a queryset of matching items, in their best order
    date_field: str  # the date shown and merged on
    fetch: Callable  # (ids) -> {pk: item} for the page shown
    template: str  # the result's card, given `item` and `kind`
    order: int = 100


_kinds = {}


def register_search_kind(kind):
    _kinds[kind.key] = kind


def search_kinds():
    return sorted(_kinds.values(), key=lambda kind: (kind.order, kind.key))


def clean_query(raw):
    """The query as we search and show it: no control characters, at most 200 characters."""
    return " ".join(_CONTROL.sub(" ", raw or "").split())[:QUERY_MAX_LENGTH].strip()


@dataclass
class Result:
    kind: SearchKind
    pk: int
    date: Any
    item: Any = None


def search_everything(query, lang, kind_key=None):
    """({kind key: number found}, [Result…] of the chosen kind or of all, merged)."""
    counts, results = {}, []
    for kind in search_kinds():
        rows = list(kind.search(query, lang).values_list("pk", kind.date_field)[:MAX_PER_KIND])
        counts[kind.key] = len(rows)
        if kind_key in (None, kind.key):
            results.extend(Result(kind, pk, date) for pk, date in rows)
    if kind_key is None:
        results.sort(key=lambda r: (r.date is not None, r.date), reverse=True)
    return counts, results


def fill_items(results):
    """Load the items of the results shown, one query per kind."""
    by_kind = {}
    for result in results:
        by_kind.setdefault(result.kind, []).append(result.pk)
    items = {kind.key: kind.fetch(ids) for kind, ids in by_kind.items()}
    for result in results:
        result.item = items[result.kind.key].get(result.pk)
    return [result for result in results if result.item is not None]


@require_GET
def search_view(request):
    """What matches the words, in the page's language, across every registered kind."""
    query = clean_query(request.GET.get("q", ""))
    kinds = search_kinds()
    kind_key = request.GET.get("kind", "")
    if kind_key not in {kind.key for kind in kinds}:
        kind_key = None
    results_page, counts = None, {}
    if query:
        counts, results = search_everything(query, current_language(), kind_key)
        results_page = paginate(request, results)
        results_page.object_list = fill_items(list(results_page.object_list))
    alternate_urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            alternate_urls[code] = reverse("search")
    if request.GET:
        alternate_urls = {
            code: f"{url}?{sorted_query(request.GET)}" for code, url in alternate_urls.items()
        }
    context = {
        "query": query,
        "results_page": results_page,
        "kinds": [
            {"key": kind.key, "label": kind.label, "count": counts.get(kind.key, 0)}
            for kind in kinds
        ],
        "selected_kind": kind_key,
        "max_per_kind": MAX_PER_KIND,
        "alternate_urls": alternate_urls,
        "noindex": True,
    }
    return TemplateResponse(request, "pages/search_results.html", context)
