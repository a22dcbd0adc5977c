import sys

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    from infomie.reliability import database_unavailable_response, is_database_error

    if is_database_error(sys.exc_info()[1]):  # the database is down: 503, not 500
        return database_unavailable_response(request)
    # Rendered without a request context on purpose: whatever broke may break again.
    return render(request, "500.html", status=500)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /fr/recherche/",
        "Disallow: /en/search/",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
