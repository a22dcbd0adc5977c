"""Serve anonymous visitors' GETs of public pages from the cache, and store the pages that
are the same for every anonymous visitor.

This middleware comes first in MIDDLEWARE: it stores the response every other middleware
has finished (security headers included), so a hit is the exact response a visitor would
have had, and `pagecache.wsgi` can serve it before Django even builds its middleware chain.

Never cached: anyone carrying a session cookie (logged-in editors, visitors of a
password-protected page), requests carrying messages, non-GET/HEAD requests, the admin and
other paths outside the language prefixes, responses that set a cookie, vary on Cookie (the
session was read), say private/no-cache/no-store, or have a status other than 200 (404s are
kept a few minutes: a page published at that address purges them like any other)."""

import logging
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import cache as page_cache

logger = logging.getLogger("pagecache")

NOT_FOUND_TIMEOUT = 60 * 5
HEADERS_DROPPED = {"x-cache", "set-cookie", "content-length"}
UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store", "max-age=0")


def _public_prefixes():
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def request_is_cacheable(request):
    if not getattr(settings, "PAGE_CACHE_ENABLED", True):
        return False
    if request.method not in ("GET", "HEAD"):
        return False
    if not request.path.startswith(_public_prefixes()):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return True


def response_is_cacheable(request, response):
    if request.method != "GET" or response.status_code not in (200, 404):
        return False
    if response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNCACHEABLE_CONTROL):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    if "*" in vary:
        return False
    if "cookie" in vary and not getattr(request, "page_cache_key_covers_cookie", False):
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.accessed or session.modified):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and (getattr(messages, "_queued_messages", None) or messages.used):
        return False
    return not getattr(request, "is_preview", False)


def entry_headers(entry):
    """The stored response's status line and headers, ready for WSGI."""
    _generation, status, headers, content = entry
    status_line = f"{status} {HTTPStatus(status).phrase}"
    return status_line, [*headers, ("Content-Length", str(len(content))), ("X-Cache", "HIT")]


def _from_entry(entry):
    _generation, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = "HIT"
    return response


def _add_frontend_cache_control(response):
    max_age = getattr(settings, "FRONTEND_CACHE_MAX_AGE", 0)
    if max_age and response.status_code == 200 and "Cache-Control" not in response:
        patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)


def request_generation(request):
    """The generation this request works with, read once (by `pagecache.wsgi` when it ran
    first). GET and HEAD only: a POST that saves something purges, and must not keep reading
    what it read before. None when the cache cannot be read: nothing is cached or memoized."""
    if request.method not in ("GET", "HEAD"):
        return None
    generation = request.META.get("pagecache.generation")
    if generation is None:
        try:
            generation = page_cache.read_generation()
        except Exception:  # noqa: BLE001 - the page is served, uncached
            logger.warning("page cache unavailable", exc_info=True)
    return generation


def lookup(request, generation):
    """(key, entry or None); key is None when the page is not to be cached.
    `pagecache.wsgi` may have looked already: its answer is in the WSGI environ."""
    looked_up = request.META.get("pagecache.lookup")
    if looked_up is not None:
        return looked_up[0], None
    if generation is None or not request_is_cacheable(request):
        return None, None
    key = page_cache.cache_key(request)
    if key is None:
        return None, None
    return key, page_cache.read(key, generation)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        generation = request_generation(request)
        page_cache.begin_request(generation)
        try:
            return self.serve(request, generation)
        finally:
            page_cache.end_request()

    def serve(self, request, generation):
        key, entry = lookup(request, generation)
        if key is None:
            return self.get_response(request)
        if entry is not None:
            return _from_entry(entry)

        # The page is stored for every order of its query's parameters (the key sorts them):
        # rendered from the sorted query, its links back to itself are the same for all.
        request.META["QUERY_STRING"] = page_cache.normalised_query(
            request.META.get("QUERY_STRING", "")
        )
        request.__dict__.pop("GET", None)
        response = self.get_response(request)
        if response_is_cacheable(request, response):
            _add_frontend_cache_control(response)
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in HEADERS_DROPPED
            ]
            timeout = settings.PAGE_CACHE_TIMEOUT
            if response.status_code == 404:
                timeout = min(timeout, NOT_FOUND_TIMEOUT)
            page_cache.store(
                key, generation, response.status_code, headers, response.content, timeout
            )
            response["X-Cache"] = "MISS"
        return response
