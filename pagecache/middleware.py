"""Serve anonymous visitors' GETs of public pages from the cache, and store the pages that
are the same for every anonymous visitor.

It runs once the language is known and the suspension checked (see MIDDLEWARE), right
before the view: a hit is the response the view gave, and the middleware above it add their
headers to a hit as to a miss. Nothing in the request is changed: a miss is routed exactly
as without the cache.

Never cached: anyone carrying a session cookie (logged-in editors, visitors of a
password-protected page), requests carrying messages or credentials, methods other than
GET/HEAD, paths outside the language prefixes, responses that set a cookie, vary on Cookie
(the session was read), say private/no-cache/no-store, or have a status other than 200 or
404 (kept a few minutes: a page published at that address purges them like any other).

Only the query parameters pages read (PAGE_CACHE_QUERY_PARAMETERS) are in the key: a visit
with others (utm_*, fbclid…) is served the page stored without them, and its own rendering,
which may repeat them in its links, is never stored."""

import logging

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core.caching import current_generation

from . import cache as page_cache

logger = logging.getLogger("pagecache")

NOT_FOUND_TIMEOUT = 60 * 5
HEADERS_DROPPED = {"x-cache", "set-cookie", "content-length"}
UNCACHEABLE_CONTROL = ("private", "no-cache", "no-store", "max-age=0")


def is_anonymous_public_request(environ, cookies):
    """A GET or HEAD of a public page (under a language prefix) carrying no credentials, no
    session and no messages: what every such visitor is shown is the same. The edge
    (infomie/edge.py) asks the same question, from the WSGI environ."""
    return (
        environ.get("REQUEST_METHOD") in ("GET", "HEAD")
        and environ.get("PATH_INFO", "").startswith(
            tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
        )
        and "HTTP_AUTHORIZATION" not in environ
        and not {settings.SESSION_COOKIE_NAME, "messages"} & set(cookies)
    )


def request_is_cacheable(request):
    return settings.PAGE_CACHE_ENABLED and is_anonymous_public_request(
        request.META, request.COOKIES
    )


def response_is_cacheable(request, response):
    if request.method != "GET" or response.status_code not in (200, 404):
        return False
    if response.streaming or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in UNCACHEABLE_CONTROL):
        return False
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",")}
    if "*" in vary or "cookie" in vary:
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


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        query = page_cache.page_query(request.META.get("QUERY_STRING", ""))
        try:
            generation = current_generation()
        except Exception:  # noqa: BLE001 - the page is served, uncached
            logger.warning("page cache unavailable", exc_info=True)
            generation = None
        if query is None or generation is None:
            return self.get_response(request)
        query, has_other_parameters = query
        key = page_cache.page_key(request, query)
        entry = page_cache.read(key, generation)
        if entry is not None:
            status, headers, content = entry
            response = HttpResponse(content, status=status, headers=headers)
            response["X-Cache"] = "HIT"
            return response
        response = self.get_response(request)
        if not has_other_parameters and response_is_cacheable(request, response):
            self.store(key, generation, response)
            response["X-Cache"] = "MISS"
        return response

    def store(self, key, generation, response):
        max_age = settings.FRONTEND_CACHE_MAX_AGE
        if max_age and response.status_code == 200 and "Cache-Control" not in response:
            patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)
        headers = [(n, v) for n, v in response.items() if n.lower() not in HEADERS_DROPPED]
        timeout = settings.PAGE_CACHE_TIMEOUT
        if response.status_code == 404:
            timeout = min(timeout, NOT_FOUND_TIMEOUT)
        content = response.content
        if len(content) <= settings.PAGE_CACHE_MAX_BYTES:
            page_cache.store(key, generation, response.status_code, headers, content, timeout)
