from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from core.i18n import LANGUAGE_CODES, current_language, sorted_query
from core.pagination import paginate
from core.pictures import attach_pictures

from .search import clean_query, search_articles


@require_GET
def search(request):
    """`/fr/recherche/?q=…`, `/en/search/?q=…`: the articles that match, in the page's
    language, 20 a page, the query kept in the box."""
    query = clean_query(request.GET.get("q", ""))
    results = search_articles(query, current_language()) if query else None
    alternate_urls = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            alternate_urls[code] = reverse("search")
    if request.GET:
        alternate_urls = {
            code: f"{url}?{sorted_query(request.GET)}" for code, url in alternate_urls.items()
        }
    results_page = paginate(request, results) if results is not None else None
    if results_page is not None:
        results_page.object_list = attach_pictures(results_page.object_list, "card")
    context = {
        "query": query,
        "results_page": results_page,
        "alternate_urls": alternate_urls,
        "noindex": True,
    }
    return TemplateResponse(request, "pages/search_results.html", context)
