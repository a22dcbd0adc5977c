"""The edge cache in front of the application (Varnish: deploy/varnish/default.vcl): what it may
keep, and how it forgets.

- `EdgeCacheHeaders` wraps the WSGI application (infomie/wsgi.py, outermost, so it sees
  every response, cached pages included): a response the edge may keep gets
  `Surrogate-Control: max-age=N, stale-if-error=M`, worked out as it leaves the application, so
  that no copy, fresh or stale, outlives the next time a scheduled notice starts or ends
  (`notices.live.next_change`: nothing purges then). The edge keeps nothing else.
- `EdgeBanBackend` is a backend of Wagtail's frontend cache (WAGTAILFRONTENDCACHE): whatever
  URLs it is asked to purge, it sends one BAN that drops every page at the edge, since any
  change may show on many pages (listings, theme pages, feeds, the home page). Asked inside a
  transaction, it sends it once, when the transaction commits."""

import logging
import math
import urllib.error
import urllib.request

from django.conf import settings
from django.db import transaction
from django.http.cookie import parse_cookie
from django.utils import timezone

from wagtail.contrib.frontend_cache.backends import BaseBackend

from notices.live import DISMISSED_COOKIE, next_change
from notices.middleware import SUSPENSION_HEADER
from pagecache.middleware import is_anonymous_public_request

logger = logging.getLogger("infomie.edge")
# Statuses the edge may keep: pages, unknown addresses (purged like the rest when a page is
# published there).
KEPT_STATUSES = (200, 404)
NOT_SHARED = ("private", "no-store", "no-cache")


def is_public_request(environ):
    """An anonymous GET of a public page (pagecache's rule) carrying no cookie but the banners'
    dismissal cookie (the edge drops the others)."""
    cookies = parse_cookie(environ.get("HTTP_COOKIE", ""))
    return is_anonymous_public_request(environ, cookies) and set(cookies) <= {DISMISSED_COOKIE}


def surrogate_control(status, headers, now=None):
    """The Surrogate-Control value for a response to a public request, or None: the edge must
    not keep it."""
    code = int(status.split(" ", 1)[0])
    names = {name.lower(): value for name, value in headers}
    suspension = SUSPENSION_HEADER.lower() in names
    if code not in KEPT_STATUSES and not (code == 503 and suspension):
        return None
    if "set-cookie" in names or "*" in names.get("vary", ""):
        return None
    cache_control = names.get("cache-control", "").lower()
    if not suspension and any(word in cache_control for word in NOT_SHARED):
        return None
    fresh = settings.EDGE_CACHE_SECONDS
    stale = settings.EDGE_STALE_SECONDS
    now = now or timezone.now()
    change = next_change(now)
    if change is not None:
        left = math.floor((change - now).total_seconds())
        fresh = min(fresh, left)
        stale = max(0, min(stale, left - fresh))
    if fresh <= 0:
        return None
    return f"max-age={fresh}, stale-if-error={stale}"


class EdgeCacheHeaders:
    """WSGI middleware: Surrogate-Control on what the edge may keep (EDGE_CACHE_SECONDS > 0)."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        if not settings.EDGE_CACHE_SECONDS or not is_public_request(environ):
            return self.application(environ, start_response)

        def start_edge_response(status, headers, exc_info=None):
            try:
                control = surrogate_control(status, headers)
            except Exception:  # noqa: BLE001 - not kept at the edge, served all the same
                logger.warning("edge headers skipped", exc_info=True)
                control = None
            if control:
                headers = [*headers, ("Surrogate-Control", control)]
            return start_response(status, headers, exc_info)

        return self.application(environ, start_edge_response)


class BanRequest(urllib.request.Request):
    def get_method(self):
        return "BAN"


class EdgeBanBackend(BaseBackend):
    """One BAN to the edge (LOCATION, e.g. http://127.0.0.1:6081) drops every page it keeps;
    the VCL accepts it from this host only. TIMEOUT: seconds to wait for the edge (2)."""

    def __init__(self, params):
        super().__init__(params)
        self.location = params["LOCATION"].rstrip("/") + "/"
        self.timeout = float(params.get("TIMEOUT", 2))

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        connection = transaction.get_connection()
        if not connection.in_atomic_block:
            self.ban()
            return
        # One BAN per edge when the transaction commits, however many purges it asked for.
        for _savepoints, callback, _robust in connection.run_on_commit:
            if isinstance(callback, PendingBans):
                callback.backends[self.location] = self
                return
        transaction.on_commit(PendingBans({self.location: self}))

    def ban(self):
        request = BanRequest(self.location, headers={"User-Agent": "InfoMIE-edge-purge"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - LOCATION is configured
                response.read()
        except (urllib.error.URLError, OSError) as error:
            # The page cache is purged all the same; the edge keeps its copies at most
            # EDGE_CACHE_SECONDS.
            logger.error("Could not purge the edge cache at %s: %s", self.location, error)


class PendingBans:
    """The edges to ban when the transaction commits (one callback per transaction)."""

    def __init__(self, backends):
        self.backends = backends

    def __call__(self):
        for backend in self.backends.values():
            backend.ban()
