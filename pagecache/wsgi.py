"""The page cache's fast path: a hit is answered at the WSGI level, before Django builds a
request for its middleware chain and URL routing, which is most of a hit's cost.

Only hits are served here, from the entries `PageCacheMiddleware` stored (the finished
response, security headers included); everything else, and anything unexpected, goes on to
Django, which decides and stores as usual. The generation read here is handed on to Django
in the WSGI environ, so a miss does not read it twice."""

import logging

from django.core.handlers.wsgi import WSGIRequest

from . import cache as page_cache
from .middleware import entry_headers, request_is_cacheable

logger = logging.getLogger("pagecache")


class PageCacheApplication:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        entry = None
        if environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            try:
                entry = self._lookup(environ)
            except Exception:  # noqa: BLE001 - Django will meet it again and answer properly
                logger.debug("page cache fast path skipped", exc_info=True)
                environ.pop("pagecache.lookup", None)
            finally:
                page_cache.end_request()
        if entry is None:
            return self.application(environ, start_response)
        status_line, headers = entry_headers(entry)
        start_response(status_line, headers)
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else [entry[3]]

    def _lookup(self, environ):
        request = WSGIRequest(environ)
        if not request_is_cacheable(request):
            return None
        generation = page_cache.read_generation()
        if generation is None:  # the shared cache cannot be read: nothing is cached
            return None
        environ["pagecache.generation"] = generation
        page_cache.begin_request(generation)  # the key's parts may use memoized values
        key = page_cache.cache_key(request)
        if key is None:
            return None
        entry = page_cache.read(key, generation)
        if entry is None:
            environ["pagecache.lookup"] = (key, generation)
        return entry
