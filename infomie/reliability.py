"""A dependency that hangs is handled like one that is down, and quickly.

When PostgreSQL cannot be reached, visitors get a short bilingual 503 page (never a
traceback), rendered without touching the database. Every connection has a timeout
(settings: DATABASES' connect and statement timeouts, `infomie.postgresql`; the Redis
cache's socket timeouts), and a `Circuit` stops asking a dependency that just failed for a
few seconds, so a hung database or Redis costs one visitor a timeout, not every visitor one
each. After those seconds the next request tries again: the site recovers by itself."""

import logging
import sys
import time

from psycopg.errors import QueryCanceled

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger("infomie.reliability")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
# Paths below this middleware that never need the database: answered even while the
# database's circuit is open.
DATABASE_FREE_PATHS = ("/robots.txt",)


class Circuit:
    """Whether `name` failed less than `pause` seconds ago, in this process (one float,
    shared by its threads). Callers check `is_open()` before asking the dependency and call
    `failed()` when it did not answer; nothing else resets it: the pause simply runs out."""

    def __init__(self, name, pause=None):
        self.name = name
        self._pause = pause
        self.open_until = 0.0

    @property
    def pause(self):
        if self._pause is not None:
            return self._pause
        return getattr(settings, "DEPENDENCY_RETRY_SECONDS", 5)

    def is_open(self):
        return time.monotonic() < self.open_until

    def failed(self):
        if not self.is_open():
            logger.warning("%s unavailable: not asked again for %s s", self.name, self.pause)
        self.open_until = time.monotonic() + self.pause

    def close(self):
        self.open_until = 0.0


database_circuit = Circuit("database")


def database_unavailable_response(request=None, exception=None):
    """The 503 page. `exception`, the error met (default: the one being handled; False:
    none, the circuit is open already), opens the circuit, unless the database did answer
    (a statement cancelled by its timeout: the database is there, that query was slow)."""
    exception = sys.exc_info()[1] if exception is None else exception
    if exception and not isinstance(exception.__cause__, QueryCanceled):
        database_circuit.failed()
    html = render_to_string("database_unavailable.html")
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    # Nothing to reset: Django drops a connection that met an error when the request ends
    # (close_old_connections), so the next request opens a fresh one.
    return response


def is_database_error(exc):
    return isinstance(exc, DATABASE_ERRORS)


class DatabaseUnavailableMiddleware:
    """Turns a database outage met by the view (or by the middleware below this one) into
    the 503 page, and answers it at once, without asking the database, for a few seconds
    after. `core.views.server_error` does the same for errors met elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if database_circuit.is_open() and request.path_info not in DATABASE_FREE_PATHS:
            return database_unavailable_response(request, exception=False)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_error(exception):
            logger.error("Database unavailable: %s", exception)
            return database_unavailable_response(request, exception)
        return None
