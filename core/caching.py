"""What the application keeps in Django's shared cache, in one place. The cache is shared by
every process (Redis when REDIS_URL is set, files under var/ otherwise): what one process
purges, every other stops reading at once. Nothing is kept in a process between requests.

- **The content generation**: a number that every change a public page shows bumps (through
  `pagecache.purge_page_cache`, which also purges the edge). Pages cached under an older
  generation are no longer served, values kept under it no longer read: nothing has to find
  and delete keys.
- **`kept(name, compute)`**: plain values (ids, numbers, strings, dates, and tuples, lists and
  dicts of them) every page reads, computed once per generation. Never model instances:
  build those per request from the values (`Model.from_db`).
- **`cached(key, loader)` / `purge(key)`**: read-mostly objects (site settings, the live
  notices) purged by their key when an editor changes them (their apps' signals), right
  away and again at commit, so that a request that read the old rows while the editor's
  transaction was open cannot leave them cached.
- **`register_cache_key_part(func)`**: what a page shows that changes without a save (notices
  that start and end at their dates, the agenda's day): `func(request)` gives a short string
  that `content_version()` adds to the generation; the page cache keys pages with it, and
  templates key fragments with it (`{% content_version %}`).
- **Per request**: each key is read once, and the keys the previous request used are asked
  for together, in one round trip, by the first read of the next one (a page reads a dozen
  keys; one round trip each was a sixth of an uncached article's time, docs/benchmarks.md).
  Only the keys a request used are passed on: a value of an older generation is not.

Keys carry the release (core/release.py): a deployment never unpickles what another one
stored, classes that have moved since included; while two releases run side by side (a
rolling restart), a purge reaches its own release only."""

import contextvars
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from .release import release

# A safety net only: every change purges its key at once.
TIMEOUT = getattr(settings, "INFOMIE_CACHE_TIMEOUT", 60 * 60 * 24)
PREFIX = "infomie:v1:"
GENERATION_KEY = "pagecache:generation"
VALUE_PREFIX = "pagecache:value:"
# How many of the previous request's keys the next one asks for at once, at most.
MAX_PREFETCHED_KEYS = 64

# What this request has read (request_started to request_finished, connected in core.apps);
# every purge empties it.
_request_reads = contextvars.ContextVar("infomie_cache_reads", default=None)
# The keys the last request of this process used: names only, never values.
_last_request_keys = ()


@dataclass
class _Reads:
    used: dict = field(default_factory=dict)  # key: value this request read or wrote
    prefetched: dict | None = None  # what its first read fetched, not used yet


# Reading, once per request -------------------------------------------------------------


def get_once(key):
    """`cache.get(key)`, read once per request (None is never remembered). The request's
    first read also fetches the keys the previous request used, in the same round trip."""
    reads = _request_reads.get()
    if reads is None:
        return cache.get(key)
    if key in reads.used:
        return reads.used[key]
    if reads.prefetched is None:
        keys = [k for k in _last_request_keys if k != key] + [key]
        reads.prefetched = cache.get_many(keys)
    value = reads.prefetched.pop(key, None)
    if value is None:
        value = cache.get(key)
    if value is not None:
        reads.used[key] = value
    return value


def set_shared(key, value, timeout):
    cache.set(key, value, timeout)
    if (reads := _request_reads.get()) is not None:
        reads.used[key] = value


def start_reads(**kwargs):
    _request_reads.set(_Reads())


def end_reads(**kwargs):
    global _last_request_keys
    reads = _request_reads.get()
    if reads is not None and reads.used:
        _last_request_keys = tuple(reads.used)[:MAX_PREFETCHED_KEYS]
    _request_reads.set(None)


def forget_reads(**kwargs):
    """After a purge: what this request read is read again, one key at a time."""
    if (reads := _request_reads.get()) is not None:
        reads.used.clear()
        reads.prefetched = {}


# The content generation and the values kept under it -------------------------------------


def current_generation():
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


def kept(name, compute, timeout=None):
    """`compute()`, computed once per generation and shared by every process. Only plain
    values; None is not kept."""
    key = f"{VALUE_PREFIX}{release()}:{current_generation()}:{name}"
    value = get_once(key)
    if value is None:
        value = compute()
        if value is not None:
            set_shared(key, value, timeout or settings.PAGE_CACHE_TIMEOUT)
    return value


_key_parts = []


def register_cache_key_part(func):
    """Add `func(request) -> str` to the version of every page. Keep it cheap and short."""
    if func not in _key_parts:
        _key_parts.append(func)
    return func


def unregister_cache_key_part(func):
    if func in _key_parts:
        _key_parts.remove(func)


def key_parts(request):
    return "|".join(part(request) for part in _key_parts)


def content_version(request):
    """What a page rendered for `request` depends on beyond its address: the generation and
    the registered key parts."""
    return f"{current_generation()}#{key_parts(request)}"


# Objects purged by their key -----------------------------------------------------------


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
