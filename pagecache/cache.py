"""The page cache's storage: purging, keys and entries.

Every cached page carries the content generation (core/caching.py) it was rendered under:
purging bumps it, and every process stops serving every older page at once; nothing has to
find and delete keys. A page keeps the generation read before it was rendered, so a page
rendered while a purge happened is never served. This process keeps nothing between
requests but `release()`, which only a new deployment changes."""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from core.caching import bump_generation, key_parts
from core.release import release

PAGE_PREFIX = "pagecache:page:"
# A parameter value longer than this is not a link of ours: served, not cached.
MAX_PARAMETER_LENGTH = 100

# Purging -------------------------------------------------------------------------------


def purge_page_cache(**kwargs):
    """Forget every cached page, in every process and at the edge, once the transaction
    commits (at once outside one): once per transaction, however many changes it holds.
    The transaction's first change also bumps the generation at once: a shared cache that
    cannot be written raises there, and the change is rolled back rather than left unpurged
    (editorial/saving.py). Accepts signal arguments, so it can be connected to a signal."""
    connection = transaction.get_connection()
    if not in_transaction():
        _purge_everywhere()
    elif not any(entry[1] is _purge_everywhere for entry in connection.run_on_commit):
        # One already registered covers this change whichever savepoint is rolled back:
        # rolling back any savepoint it was registered in undoes this change too.
        bump_generation()
        transaction.on_commit(_purge_everywhere)


def in_transaction():
    return transaction.get_connection().in_atomic_block


def _purge_everywhere():
    bump_generation()
    _purge_frontend_cache()


def _purge_frontend_cache():
    """Ask the edge cache (Wagtail's frontend cache, when configured) to forget the site's
    pages: one call per purge, with the home page of each site in each language."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    sites = apps.get_model("wagtailcore", "Site").objects.all()
    urls = [f"{site.root_url}/{code}/" for site in sites for code, _name in settings.LANGUAGES]
    purge_urls_from_cache(urls)


# Keys and entries ----------------------------------------------------------------------


def page_query(query_string):
    """(the parameters a page reads, sorted and encoded; whether the query had others).
    None when a value is too long to be a link of ours."""
    allowed = set(settings.PAGE_CACHE_QUERY_PARAMETERS)
    pairs = parse_qsl(query_string, keep_blank_values=True)
    kept_pairs = sorted((name, value) for name, value in pairs if name in allowed)
    if any(len(value) > MAX_PARAMETER_LENGTH for _name, value in kept_pairs):
        return None
    return urlencode(kept_pairs), len(kept_pairs) != len(pairs)


def page_key(request, query):
    """The key of the page `request` asks for, with only the parameters pages read."""
    parts = key_parts(request)
    address = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    # Hashed: any address fits any cache backend's key rules (length, characters).
    digest = hashlib.sha256(f"{release()}|{address}#{parts}".encode()).hexdigest()
    return PAGE_PREFIX + digest


def read(key, generation):
    """The entry (status, headers, content) stored under `key` for `generation`, or None."""
    entry = cache.get(key)
    if entry is None or entry[0] != generation:
        return None
    return entry[1:]


def store(key, generation, status, headers, content, timeout):
    # One key per address: a newer generation's page replaces the older one.
    cache.set(key, (generation, status, headers, content), timeout)
