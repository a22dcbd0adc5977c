"""The page cache's storage: keys, the content generation, purging, key parts.

Every cached page carries the *generation* it was rendered under. Purging bumps the
generation, which lives in the same cache (Redis in production), so every process stops
serving every older page at once; nothing has to find and delete keys. A page rendered
while a purge happened keeps the generation read before rendering, so it is never served.

One cache round trip per hit: the page and the generation are read together."""

import hashlib
import time
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.encoding import iri_to_uri

GENERATION_KEY = "pagecache:generation"
KEY_PREFIX = "pagecache:page:"
# Longer query strings are served but not cached: they are not links of ours.
MAX_QUERY_LENGTH = 200

_key_parts = []


def register_cache_key_part(func):
    """Add `func(request) -> str` to every page's cache key. Keep it cheap (it runs on every
    anonymous request, before the cache is read) and the string short. Usable as a
    decorator."""
    if func not in _key_parts:
        _key_parts.append(func)
    return func


def unregister_cache_key_part(func):
    if func in _key_parts:
        _key_parts.remove(func)


def _new_generation():
    # Milliseconds since the epoch: if Redis loses the key, the next generation is still
    # newer than every page stored before.
    return int(time.time() * 1000)


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_generation(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def _bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet (or evicted)
        cache.set(GENERATION_KEY, _new_generation(), timeout=None)


def purge_page_cache(**kwargs):
    """Forget every cached page, in every process. Runs now and again when the current
    transaction commits, so a page rendered from the old rows meanwhile is not kept.
    Accepts signal arguments, so it can be connected to a signal directly."""
    _bump_generation()
    transaction.on_commit(_bump_generation)
    _purge_frontend_cache()


def _purge_frontend_cache():
    """Ask the CDN (Wagtail's frontend cache, when configured) to forget the site's pages.
    Only the page's own URLs are known here cheaply; the others expire after
    FRONTEND_CACHE_MAX_AGE seconds, which is why that setting should stay short."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Site

    urls = []
    for site in Site.objects.all():
        for code, _name in settings.LANGUAGES:
            urls.append(f"{site.root_url}/{code}/")
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


def normalised_query(query_string):
    """The query string with its parameters sorted, so `?a=1&b=2` and `?b=2&a=1` share a
    cached page. None when the page should not be cached."""
    if not query_string:
        return ""
    if len(query_string) > MAX_QUERY_LENGTH:
        return None
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode(sorted(pairs))


def cache_key(request):
    """The page's key: scheme, host, path (whose prefix is the language), sorted query
    string and the registered key parts. None when the page should not be cached."""
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    if query is None:
        return None
    parts = "|".join(part(request) for part in _key_parts)
    path = iri_to_uri(request.path)
    identity = f"{request.scheme}://{request.get_host()}{path}?{query}#{parts}"
    # Hashed: any address fits any cache backend's key rules (length, characters).
    return KEY_PREFIX + hashlib.sha256(identity.encode()).hexdigest()


def read(key):
    """(generation, cached entry or None)."""
    values = cache.get_many([GENERATION_KEY, key])
    generation = values.get(GENERATION_KEY)
    if generation is None:
        return current_generation(), None
    entry = values.get(key)
    if entry is not None and entry[0] != generation:
        entry = None
    return generation, entry


def store(key, generation, status, headers, content, timeout):
    cache.set(key, (generation, status, headers, content), timeout)
