"""Read-mostly data every public page shows (site settings, the live notices), kept in
Django's cache framework and purged by signals when an editor saves or deletes it.

The cache is shared by every process (Redis when REDIS_URL is set, files under var/
otherwise), so a purge in one process is seen by every other at once. The purge runs right
away and again once the transaction commits, so a request that read the old rows while the
editor's transaction was open cannot leave them cached.

The values are pickled model instances: keys carry the release (`pagecache.release()`), so that
a deployment never unpickles what another one stored, classes that have moved since included.
While two releases run side by side (a rolling restart), a purge reaches its own release only.

A purge here also purges the page cache, since every page shows these values."""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from pagecache import purge_page_cache, release

# A safety net only: every change purges its key at once.
TIMEOUT = getattr(settings, "INFOMIE_CACHE_TIMEOUT", 60 * 60 * 24)
PREFIX = "infomie:v1:"


def cached(key, loader, timeout=TIMEOUT):
    """The value stored under `key`, computed by `loader()` and stored when missing."""
    full_key = f"{PREFIX}{release()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = loader()
        cache.set(full_key, value, timeout)
    return value


def purge(*keys):
    full_keys = [f"{PREFIX}{release()}:{key}" for key in keys]
    cache.delete_many(full_keys)
    transaction.on_commit(lambda: cache.delete_many(full_keys))
    purge_page_cache()
