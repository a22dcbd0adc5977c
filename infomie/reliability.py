"""When PostgreSQL cannot be reached, visitors get a short bilingual 503 page (never a
traceback), rendered without touching the database; the next request tries the database
again, so the site comes back by itself as soon as the database does."""

import logging

from django.db import InterfaceError, OperationalError
from django.template.loader import render_to_string

logger = logging.getLogger("infomie.reliability")

DATABASE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def database_unavailable_response(request=None):
    from django.http import HttpResponse

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
    the 503 page. `home.views.server_error` does the same for errors met elsewhere."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_error(exception):
            logger.error("Database unavailable: %s", exception)
            return database_unavailable_response(request)
        return None
