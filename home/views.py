import sys

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from .models import AssociationSettings


def page_not_found(request, exception=None):
    # Not for search engines; the canonical URL of a page that does not exist means nothing.
    return render(request, "404.html", {"noindex": True}, status=404)


def server_error(request):
    from infomie.reliability import database_unavailable_response, is_database_error

    if is_database_error(sys.exc_info()[1]):  # the database is down: 503, not 500
        return database_unavailable_response(request)
    # Rendered without a request context on purpose: whatever broke may break again.
    return render(request, "500.html", status=500)


# A visitor needs the address once; a harvester going through proxies of its own still gets
# it, but not from one address in a loop.
REVEALS_PER_WINDOW = 10
REVEAL_WINDOW = 10 * 60


def _too_many_reveals(request):
    from infomie.security import over_limit

    return over_limit(request, "contact-email:reveals", REVEALS_PER_WINDOW, REVEAL_WINDOW)


@csrf_exempt  # reveals nothing secret; no token so that the pages showing it stay cacheable
@never_cache
def contact_email(request):
    """The association's contact address, kept out of every page's HTML: the footer's button
    posts here. Without JavaScript the visitor lands on this page, which shows the address
    as a link; with JavaScript the footer asks for JSON and shows the link in place. More than
    REVEALS_PER_WINDOW requests from one address in ten minutes get a 429 that says so."""
    email, status, limited = AssociationSettings.cached().contact_email, 200, False
    if request.method != "POST":
        email = ""
    elif _too_many_reveals(request):
        email, status, limited = "", 429, True
        if "application/json" in request.headers.get("Accept", ""):
            response = JsonResponse({"email": ""}, status=429)
            response["Retry-After"] = str(REVEAL_WINDOW)
            return response
    elif "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"email": email})
    context = {"email": email, "limited": limited}
    response = render(request, "pages/contact_email.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    if limited:
        response["Retry-After"] = str(REVEAL_WINDOW)
    return response


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
