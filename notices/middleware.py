"""The access suspension: while a suspension notice is live, every public page answers 503
"Content unavailable" with a Retry-After header, except what must keep working (the admin
and its login, static files and media, robots.txt, the sitemap). Logged-in editors still see
the site, with a ribbon reminding them what visitors see. Nothing is unpublished: switching
the notice off brings every page back as it was."""

from django.conf import settings
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

from . import live

# On the suspension page: a deliberate 503, which an edge cache must never replace by a stale
# copy of the page (infomie/edge.py, deploy/varnish/default.vcl).
SUSPENSION_HEADER = "X-Suspension"
EXEMPT_PREFIXES = (
    "/admin/",
    "/robots.txt",
    "/sitemap",
    "/favicon.ico",
    "/apple-touch-icon.png",
    "/feed-icon.png",
)
# Views under the language prefixes that keep working: Wagtail's login for private pages, the
# JavaScript translation catalogue, the association's contact address.
EXEMPT_URL_NAMES = {
    "wagtailcore_login",
    "wagtailcore_authenticate_with_password",
    "javascript-catalog",
    "contact_email",
}


def is_exempt(path):
    prefixes = EXEMPT_PREFIXES + (settings.STATIC_URL, settings.MEDIA_URL)
    prefixes += tuple(getattr(settings, "NOTICES_SUSPENSION_EXEMPT_PATHS", ()))
    if path.startswith(prefixes):
        return True
    try:
        return resolve(path).url_name in EXEMPT_URL_NAMES
    except Resolver404:
        return False


def is_editor(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def suspension_response(request, notice):
    response = render(request, "503.html", {"suspension": notice}, status=503)
    response["Retry-After"] = live.retry_after(notice)
    add_never_cache_headers(response)
    response[SUSPENSION_HEADER] = "1"
    return response


class SuspensionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        suspension = None
        if not request.path_info.startswith(EXEMPT_PREFIXES):
            suspension = live.live_suspension()
        if suspension is not None and not is_exempt(request.path_info):
            if not is_editor(request.user):
                return suspension_response(request, suspension)
            request.suspension_bypassed = suspension
        response = self.get_response(request)
        if getattr(request, "suspension_bypassed", None) is not None:
            # What an editor sees during a suspension must never be cached for visitors.
            patch_cache_control(response, private=True, no_cache=True)
        if getattr(request, "_infomie_banners_use_cookie", False):
            # The banners shown depend on the dismissal cookie: for shared caches downstream.
            # The page cache below has stored the page already, its key covering that cookie
            # (notices.live.page_cache_key_part); the edge keys on it too (deploy/varnish).
            patch_vary_headers(response, ("Cookie",))
        return response
