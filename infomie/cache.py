"""The Redis cache of production, reads and fills allowed to fail, purges not.

If Redis is unreachable, django-redis raises on every cache call, and every page that reads a
setting or the page cache answers 500. Here a read that fails is a miss and a fill that fails
is skipped: pages are served from the database, uncached, until Redis is back. A purge
(`delete`, `delete_many`, `incr`: what `core.caching.purge` and `pagecache.purge_page_cache`
use) still raises, so a change that cannot purge fails in the editor's transaction and is
rolled back, rather than leaving other processes serving old pages ("never stale")."""

import logging
import time

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

logger = logging.getLogger("infomie.cache")
# What django-redis lets through when Redis cannot be reached (it re-raises the cause).
UNAVAILABLE = (ConnectionInterrupted, RedisError, OSError)


# One warning a minute per process, not one per cache call.
WARNING_INTERVAL = 60
_last_warning = [0.0]


def _tolerant(method, fallback):
    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNAVAILABLE:
            now = time.monotonic()
            if now - _last_warning[0] > WARNING_INTERVAL:
                _last_warning[0] = now
                logger.warning("cache unavailable: reads are misses, pages are not cached")
            return fallback(*args, **kwargs)

    call.__name__ = method.__name__
    call.__doc__ = method.__doc__
    return call


def _default(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    get = _tolerant(RedisCache.get, _default)
    get_many = _tolerant(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = _tolerant(RedisCache.has_key, lambda *args, **kwargs: False)
    set = _tolerant(RedisCache.set, lambda *args, **kwargs: False)
    add = _tolerant(RedisCache.add, lambda *args, **kwargs: False)
    set_many = _tolerant(RedisCache.set_many, lambda *args, **kwargs: [])
    touch = _tolerant(RedisCache.touch, lambda *args, **kwargs: False)
