"""The page cache's fast path: a hit is answered at the WSGI level, before Django builds a
request for its middleware chain and URL routing, which is most of a hit's cost.

Only hits are served here, from the entries `PageCacheMiddleware` stored (the finished
response, security headers included); everything else, and anything unexpected, goes on to
Django, which decides and stores as usual. The generation read here is handed on to Django
in the WSGI environ, so a miss does not read it twice.

Building Django's request, validating its host and normalising its address cost more than
the rest of a hit: their outcome (cacheable or not, and the page's identity) depends only on
a few values of the environ, so it is remembered per combination of those values. The key
parts (the live notices) are still worked out at every request.

The request built here works on a copy of the environ: Django's request rewrites PATH_INFO
and SCRIPT_NAME in the environ it is given with the decoded address, and Django, meeting the
decoded address again, would decode it a second time ("é" became a 404, a character beyond
Latin-1 a bare 500). The only keys added to the live environ are this module's own."""

import logging
import threading
from functools import cached_property

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest, get_str_from_wsgi
from django.core.signals import setting_changed
from django.http.cookie import parse_cookie

from . import cache as page_cache
from .middleware import entry_headers, request_is_cacheable

logger = logging.getLogger("pagecache")

# The environ values that `request_is_cacheable` and `page_identity` read, through Django's
# request: address, query string, host (and the proxy's headers for it), scheme, cookies,
# credentials.
ENVIRON_READ = (
    "PATH_INFO",
    "SCRIPT_NAME",
    "QUERY_STRING",
    "HTTP_HOST",
    "SERVER_NAME",
    "SERVER_PORT",
    "wsgi.url_scheme",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_COOKIE",
    "HTTP_AUTHORIZATION",
)
# Identities remembered per process; past this many, forgotten all at once (addresses made up
# by crawlers or attackers must not grow the memory).
MAX_REMEMBERED = 10_000
NOT_CACHEABLE = object()


class EnvironRequest:
    """What key parts may read of a request, without building one."""

    def __init__(self, environ):
        self.META = environ

    @cached_property
    def COOKIES(self):  # noqa: N802 - Django's name
        return parse_cookie(get_str_from_wsgi(self.META, "HTTP_COOKIE", ""))


class PageCacheApplication:
    def __init__(self, application):
        self.application = application
        self.identities = {}
        self.lock = threading.Lock()
        self.environ_read = self._environ_read()
        setting_changed.connect(self._forget, weak=False)
        page_cache.release()  # worked out at startup, not during the first visitor's request

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
        identity = self._identity(environ)
        if identity is NOT_CACHEABLE:
            return None
        generation = page_cache.read_generation()
        if generation is None:  # the shared cache cannot be read: nothing is cached
            return None
        environ["pagecache.generation"] = generation
        page_cache.begin_request(generation)  # the key's parts may use memoized values
        key = page_cache.key_for(identity, EnvironRequest(environ))
        entry = page_cache.read(key, generation)
        if entry is None:
            environ["pagecache.lookup"] = (key, generation)
        return entry

    def _identity(self, environ):
        """The page's identity (pagecache.cache.page_identity), or NOT_CACHEABLE."""
        values = tuple(environ.get(name) for name in self.environ_read)
        identity = self.identities.get(values)
        if identity is None:
            request = WSGIRequest(dict(environ))  # never the live environ: see above
            identity = NOT_CACHEABLE
            if request_is_cacheable(request):
                identity = page_cache.page_identity(request) or NOT_CACHEABLE
            with self.lock:
                if len(self.identities) >= MAX_REMEMBERED:
                    self.identities.clear()
                self.identities[values] = identity
        return identity

    @staticmethod
    def _environ_read():
        names = list(ENVIRON_READ)
        proxy = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if proxy and proxy[0] not in names:
            names.append(proxy[0])
        return tuple(names)

    def _forget(self, **kwargs):
        with self.lock:
            self.identities.clear()
            self.environ_read = self._environ_read()
