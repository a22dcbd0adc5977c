"""The views every site answers outside its pages: the error pages and robots.txt."""

import sys

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from infomie.reliability import database_unavailable_response, is_database_error


def page_not_found(request, exception=None):
    # Not for search engines; the canonical URL of a page that does not exist means nothing.
    return render(request, "404.html", {"noindex": True}, status=404)


def server_error(request):
    if is_database_error(sys.exc_info()[1]):  # the database is down: 503, not 500
        return database_unavailable_response(request)
    # Rendered without a request context on purpose: whatever broke may break again.
    return render(request, "500.html", status=500)


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    """Crawlers stay out of the admin and the search results, and find the sitemap. Asks
    neither the database nor the cache: it answers while they are down."""
    lines = ["User-agent: *", "Disallow: /admin/"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search')}")
    lines += [f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
