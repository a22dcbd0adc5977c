"""Read-mostly data every public page shows (site settings, the live notices), kept in
Django's cache framework and purged by signals when an editor saves or deletes it.

The cache is shared by every process (Redis when REDIS_URL is set, files under var/
otherwise), so a purge in one process is seen by every other at once. The purge runs right
away and again once the transaction commits, so a request that read the old rows while the
editor's transaction was open cannot leave them cached.

The values are pickled model instances: keys carry the release (core/release.py), so that a
deployment never unpickles what another one stored, classes that have moved since included.
While two releases run side by side (a rolling restart), a purge reaches its own release only.

What purges these values (a setting saved, a page published, a notice changed) purges the page
cache too, through its own signals (pagecache.signals, notices.signals)."""

import contextvars

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from .release import release

# A safety net only: every change purges its key at once.
TIMEOUT = getattr(settings, "INFOMIE_CACHE_TIMEOUT", 60 * 60 * 24)
PREFIX = "infomie:v1:"

# What this request has read from the shared cache, so that a page's templates and tags ask
# it once per key (an article asked for the news section's URL six times, the generation
# five: a quarter of an uncached page's time, docs/benchmarks.md). Lives one request
# (request_started to request_finished, connected in core.apps); every purge empties it.
_request_reads = contextvars.ContextVar("pagecache_reads", default=None)


def get_once(key):
    """`cache.get(key)`, read once per request (None is never remembered)."""
    reads = _request_reads.get()
    if reads is not None and key in reads:
        return reads[key]
    value = cache.get(key)
    if reads is not None and value is not None:
        reads[key] = value
    return value


def set_shared(key, value, timeout):
    cache.set(key, value, timeout)
    if (reads := _request_reads.get()) is not None:
        reads[key] = value


def start_reads(**kwargs):
    _request_reads.set({})


def end_reads(**kwargs):
    _request_reads.set(None)


def forget_reads(**kwargs):
    if reads := _request_reads.get():
        reads.clear()


def cached(key, loader, timeout=TIMEOUT):
    """The value stored under `key`, computed by `loader()` and stored when missing."""
    full_key = f"{PREFIX}{release()}:{key}"
    value = get_once(full_key)
    if value is None:
        value = loader()
        set_shared(full_key, value, timeout)
    return value


def purge(*keys):
    full_keys = [f"{PREFIX}{release()}:{key}" for key in keys]
    forget_reads()
    cache.delete_many(full_keys)
    transaction.on_commit(lambda: cache.delete_many(full_keys))
