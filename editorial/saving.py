"""An editor's save that cannot reach Redis or the database: nothing half written, and a
page that says so in the editor's language (French for our editors), instead of the
generic error page.

Every POST to the admin runs in one transaction: a save whose purge of the caches fails
(Redis down: infomie/cache.py raises for purges) is rolled back whole, revision, page and
log entry together, so the site never shows a change its caches were not told about."""

import logging

from django.conf import settings
from django.db import transaction
from django.shortcuts import render
from django.utils import translation

from infomie.cache import UNAVAILABLE as CACHE_ERRORS
from infomie.reliability import DATABASE_ERRORS

logger = logging.getLogger("infomie.editorial")

ADMIN_PREFIX = "/admin/"
RETRY_AFTER_SECONDS = 60


def _admin_language(request, database_reachable):
    """The editor's admin language (their profile's, else the site's), without asking the
    database again when it just failed."""
    if database_reachable:
        try:
            preferred = request.user.wagtail_userprofile.preferred_language
        except Exception:  # noqa: BLE001 - no profile yet, or the database failed too
            preferred = ""
        if preferred:
            return preferred
    return settings.LANGUAGE_CODE


def save_failed_response(request, failed):
    """The 503 page telling the editor that nothing was saved; `failed`: "cache" or
    "database"."""
    language = _admin_language(request, database_reachable=failed != "database")
    with translation.override(language):
        response = render(
            request, "editorial/save_unavailable.html", {"failed": failed}, status=503
        )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class EditorSaveMiddleware:
    """Runs each admin POST's view in a transaction, and answers `save_failed_response`
    when Redis or the database could not be reached. Placed after the CSRF check."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or not request.path_info.startswith(ADMIN_PREFIX):
            return None
        try:
            with transaction.atomic():
                return view_func(request, *view_args, **view_kwargs)
        except DATABASE_ERRORS as error:
            logger.error("Editor's save failed, database unavailable: %s", error)
            return save_failed_response(request, "database")
        except CACHE_ERRORS as error:
            logger.error("Editor's save rolled back, cache unavailable: %s", error)
            return save_failed_response(request, "cache")
