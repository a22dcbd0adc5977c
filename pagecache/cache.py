"""The page cache's storage: the content generation, purging, keys and entries.

Every cached page carries the *generation* it was rendered under. The generation lives in
Django's cache, shared by every process (Redis in production, files under var/ otherwise):
purging bumps it, and every process stops serving every older page at once; nothing has to
find and delete keys. A page keeps the generation read before it was rendered, so a page
rendered while a purge happened is never served.

`kept()` holds the plain values every page reads (ids, numbers, strings, rows of them) under
the same generation: every purge forgets them. This process keeps nothing between requests
but `release()`, which only a new deployment changes."""

import contextvars
import hashlib
import time
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from core.caching import forget_reads, get_once, set_shared
from core.release import release

GENERATION_KEY = "pagecache:generation"
PAGE_PREFIX = "pagecache:page:"
VALUE_PREFIX = "pagecache:value:"
# A parameter value longer than this is not a link of ours: served, not cached.
MAX_PARAMETER_LENGTH = 100

_key_parts = []
# The generation of the request being served (set by the middleware), so that the values
# a page reads come from the generation its cache entry is stored under.
_request_generation = contextvars.ContextVar("pagecache_generation", default=None)


def register_cache_key_part(func):
    """Add `func(request) -> str` to every page's key, for what a page shows that changes
    without a save (notices that start and end at their dates). Keep it cheap and short."""
    if func not in _key_parts:
        _key_parts.append(func)
    return func


def unregister_cache_key_part(func):
    if func in _key_parts:
        _key_parts.remove(func)


# The generation ------------------------------------------------------------------------


def current_generation():
    generation = _request_generation.get()
    if generation is None:
        generation = get_once(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = get_once(GENERATION_KEY)
    return generation


def _new_generation():
    # Milliseconds since the epoch: if the cache loses the key, the next generation is still
    # newer than every page stored before.
    return int(time.time() * 1000)


def bump_generation():
    """A new generation: atomic on Redis; raises when the cache cannot be written, so that
    no change goes unpurged (infomie/cache.py)."""
    forget_reads()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or the cache lost it: a newer one from the clock
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)


def begin_request(generation):
    return _request_generation.set(generation)


def end_request(token):
    _request_generation.reset(token)


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


# Values kept until the next purge --------------------------------------------------------


def kept(name, compute, timeout=None):
    """`compute()`, computed once per generation and shared by every process. Only plain
    values (numbers, strings, dates, and tuples, lists and dicts of them), never model
    instances: build those per request from the values (`Model.from_db`). None is not kept.
    Per release too: a row kept by the previous deployment may name a model that has moved
    since, and both run side by side during a rolling restart."""
    key = f"{VALUE_PREFIX}{release()}:{current_generation()}:{name}"
    value = get_once(key)
    if value is None:
        value = compute()
        if value is not None:
            set_shared(key, value, timeout or settings.PAGE_CACHE_TIMEOUT)
    return value


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
    parts = "|".join(part(request) for part in _key_parts)
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
