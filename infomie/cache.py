"""The Redis cache of production: reads and fills allowed to fail, purges not, and a Redis
that hangs handled like one that is down.

If Redis is unreachable, django-redis raises on every cache call, and every page that reads a
setting or the page cache answers 500. Here a read that fails is a miss and a fill that fails
is skipped: pages are served from the database, uncached, until Redis is back. A purge
(`delete`, `delete_many`, `incr`…: what `core.caching.purge` and `pagecache.purge_page_cache`
use) still raises, so a change that cannot purge fails in the editor's transaction and is
rolled back, rather than leaving other processes serving old pages ("never stale").

Each call waits at most the socket timeouts of OPTIONS (REDIS_TIMEOUT); after one that
failed, the circuit (`infomie.reliability.Circuit`) answers every call at once, as if Redis
were down, for DEPENDENCY_RETRY_SECONDS: a hung Redis costs one request a timeout, not each
cache call of every request one."""

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from .reliability import Circuit

# What django-redis lets through when Redis cannot be reached (it re-raises the cause).
UNAVAILABLE = (ConnectionInterrupted, RedisError, OSError)


class CacheUnavailable(RedisError):
    """Raised by a purge while the circuit is open: Redis failed a moment ago."""


# One circuit per Redis server, shared by the threads of a process (Django makes a cache
# object per thread).
_circuits = {}


def circuit_for(location):
    if location not in _circuits:
        _circuits[location] = Circuit(f"cache at {location}")
    return _circuits[location]


def _guarded(method, fallback=None):
    """`method`, or `fallback(*args, **kwargs)` when Redis fails or failed a moment ago; with
    no fallback, the failure is raised (a purge)."""

    def call(self, *args, **kwargs):
        circuit = self.circuit
        if not circuit.is_open():
            try:
                return method(self, *args, **kwargs)
            except UNAVAILABLE:
                circuit.failed()
                if fallback is None:
                    raise
        if fallback is None:
            raise CacheUnavailable(f"{circuit.name} failed less than {circuit.pause} s ago")
        return fallback(*args, **kwargs)

    call.__name__ = method.__name__
    call.__doc__ = method.__doc__
    return call


def _default(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self.circuit = circuit_for(str(server))

    get = _guarded(RedisCache.get, _default)
    get_many = _guarded(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = _guarded(RedisCache.has_key, lambda *args, **kwargs: False)
    set = _guarded(RedisCache.set, lambda *args, **kwargs: False)
    add = _guarded(RedisCache.add, lambda *args, **kwargs: False)
    set_many = _guarded(RedisCache.set_many, lambda *args, **kwargs: [])
    touch = _guarded(RedisCache.touch, lambda *args, **kwargs: False)
    delete = _guarded(RedisCache.delete)
    delete_many = _guarded(RedisCache.delete_many)
    incr = _guarded(RedisCache.incr)
    decr = _guarded(RedisCache.decr)
    clear = _guarded(RedisCache.clear)
