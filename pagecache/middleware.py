"""Serve anonymous visitors' GETs of public pages from the cache, and store the pages that
are the same for every anonymous visitor.

Never cached: logged-in users (or anyone carrying a session cookie: editors, visitors of a
password-protected page), requests carrying messages, non-GET/HEAD requests, the admin and
other paths outside the language prefixes, responses that set a cookie, use the session or
the CSRF token, say private/no-cache/no-store, vary on Cookie, or have a status other than
200 (404s are kept briefly: a page published at that address purges them like any other)."""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

from . import cache as page_cache

NOT_FOUND_TIMEOUT = 60 * 5
HEADERS_KEPT = ("Content-Type", "Content-Language", "Vary", "Link", "Last-Modified", "ETag")
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
    if "cookie" in vary or "*" in vary:
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


def _from_entry(entry):
    _generation, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _add_frontend_cache_control(response):
    max_age = getattr(settings, "FRONTEND_CACHE_MAX_AGE", 0)
    if max_age and response.status_code == 200 and "Cache-Control" not in response:
        patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        key = page_cache.cache_key(request, get_language())
        if key is None:
            return self.get_response(request)
        generation, entry = page_cache.read(key)
        if entry is not None:
            response = _from_entry(entry)
            response["X-Cache"] = "HIT"
            _add_frontend_cache_control(response)
            return response

        response = self.get_response(request)
        if response_is_cacheable(request, response):
            headers = [(name, response[name]) for name in HEADERS_KEPT if name in response]
            timeout = settings.PAGE_CACHE_TIMEOUT
            if response.status_code == 404:
                timeout = min(timeout, NOT_FOUND_TIMEOUT)
            page_cache.store(
                key, generation, response.status_code, headers, response.content, timeout
            )
            response["X-Cache"] = "MISS"
            _add_frontend_cache_control(response)
        return response
