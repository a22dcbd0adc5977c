"""The page cache's storage: keys, the content generation, purging, key parts.

Every cached page carries the *generation* it was rendered under. Purging bumps the
generation, which lives in the same cache (Redis in production), so every process stops
serving every older page at once; nothing has to find and delete keys. A page rendered
while a purge happened keeps the generation read before rendering, so it is never served.

With Redis, the generation is pushed to every process (`pagecache.push`): a hit asks Redis
nothing, and a purge returns once every process has the new generation or can no longer use
the old one. A process that cannot hear from Redis reads the generation at each request, in
one round trip on a connection of its own. Each process keeps the pages it served lately in
memory, tagged with their generation, so a page is fetched from the shared cache once per
process and generation, not per request.

The generation read at the start of a request also scopes `memoized()`: small values every
page needs (site settings, live notices, the site's root paths) are kept in the process for
as long as the generation does not change. Everything that changes them purges the page
cache, so they are never older than the pages."""

import functools
import hashlib
import importlib.metadata
import logging
import threading
import time
from collections import OrderedDict
from importlib import import_module
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.utils.encoding import iri_to_uri

from . import push

logger = logging.getLogger("pagecache")

GENERATION_KEY = "pagecache:generation"
KEY_PREFIX = "pagecache:page:"
# Longer query strings are served but not cached: they are not links of ours.
MAX_QUERY_LENGTH = 200

_key_parts = []


def register_cache_key_part(func):
    """Add `func(request) -> str` to every page's cache key. Keep it cheap (it runs on every
    anonymous request, before the cache is read) and the string short; read only the
    request's `META` and `COOKIES` (the WSGI fast path gives a stand-in with just those).
    Usable as a decorator."""
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


def _bump_generation(confirm=True):
    """A new generation. With Redis, pushed to every process's watcher (pagecache.push); with
    `confirm`, once every process has it."""
    channel = _thread_state().channel
    if channel is not None:
        push.bump(channel, confirm=confirm)
        return
    # Without Redis (files under var/, or a local-memory cache), an increment is a read and a
    # write that two processes may interleave: the clock keeps the value moving forward, so a
    # purge is never lost to a concurrent one.
    previous = cache.get(GENERATION_KEY) or 0
    cache.set(GENERATION_KEY, max(previous + 1, _new_generation()), timeout=None)


def purge_page_cache(**kwargs):
    """Forget every cached page, in every process and at the CDN. Inside a transaction, this
    process forgets them now (it may read its own changes), and every process and the CDN
    once the transaction commits, so a page rendered from the old rows meanwhile is not
    kept: once per transaction, however many changes it holds. Accepts signal arguments, so
    it can be connected to a signal directly."""
    connection = transaction.get_connection()
    if connection.in_atomic_block:
        _bump_generation(confirm=False)
        if not _purge_pending_on_commit(connection):
            transaction.on_commit(_purge_everywhere)
    else:
        _purge_everywhere()


def _purge_everywhere():
    _bump_generation()
    _purge_frontend_cache()


def _purge_pending_on_commit(connection):
    """Whether a purge is already due when the transaction commits. One registered earlier
    covers this change whichever savepoint is rolled back: savepoints nest, so the only
    ones that can still be rolled back are those this code is in, and rolling back any of
    them undoes this change too (Django drops the callbacks registered inside it)."""
    return any(entry[1] is _purge_everywhere for entry in connection.run_on_commit)


def _purge_frontend_cache():
    """Ask the CDN (Wagtail's frontend cache, when configured) to forget the site's pages,
    once the change is committed. Only the page's own URLs are known here cheaply; the
    others expire after FRONTEND_CACHE_MAX_AGE seconds, which is why that setting should
    stay short."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Site

    urls = []
    for site in Site.objects.all():
        for code, _name in settings.LANGUAGES:
            urls.append(f"{site.root_url}/{code}/")
    purge_urls_from_cache(urls)


def normalised_query(query_string):
    """The query string with its parameters sorted, so `?a=1&b=2` and `?b=2&a=1` share a
    cached page. None when the page should not be cached."""
    if not query_string:
        return ""
    if len(query_string) > MAX_QUERY_LENGTH:
        return None
    # A WSGI string holds the bytes of the query one character each (Latin-1): read and
    # written back the same way, every byte, valid UTF-8 or not, is kept as it came.
    try:
        pairs = parse_qsl(query_string, keep_blank_values=True, encoding="latin-1")
        return urlencode(sorted(pairs), encoding="latin-1")
    except UnicodeError:  # not a WSGI string: served, not cached
        return None


def cache_key(request):
    """The page's key: scheme, host, path (whose prefix is the language), sorted query
    string and the registered key parts. None when the page should not be cached."""
    identity = page_identity(request)
    if identity is None:
        return None
    return key_for(identity, request)


def page_identity(request):
    """What of the request the page depends on, before the key parts: scheme, host, path and
    sorted query string. None when the page should not be cached."""
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    if query is None:
        return None
    path = iri_to_uri(request.path)
    return f"{request.scheme}://{request.get_host()}{path}?{query}"


def key_for(identity, request):
    """The key of the page `identity` names, with the key parts for this `request` (which
    may be `pagecache.wsgi`'s lighter stand-in: key parts read `META` and `COOKIES` only),
    for the code this process runs (`release()`)."""
    parts = "|".join(part(request) for part in _key_parts)
    # Hashed: any address fits any cache backend's key rules (length, characters).
    digest = hashlib.sha256(f"{release()}|{identity}#{parts}".encode()).hexdigest()
    return KEY_PREFIX + digest


# Files whose content shapes a page: code, templates, translations, the static files'
# manifest (the hashed names pages link to).
RELEASE_SUFFIXES = (".py", ".html", ".txt", ".xml", ".mo", ".json")


@functools.cache
def release():
    """A fingerprint of what renders the pages, worked out once per process: the project's
    code, templates, translations and static files' manifest, and the versions of the
    installed packages. A new deployment changes it, so pages cached by the previous one
    are never served by the new one, without anyone flushing the cache, and both can run
    side by side during a rolling restart."""
    base = Path(settings.BASE_DIR)
    roots = [Path(app.path) for app in apps.get_app_configs() if Path(app.path).parent == base]
    roots.append(Path(import_module(settings.ROOT_URLCONF).__file__).parent)
    for template in settings.TEMPLATES:
        roots += [Path(directory) for directory in template.get("DIRS", [])]
    roots += [Path(directory) for directory in settings.LOCALE_PATHS]
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    return fingerprint(roots, extra=[manifest], text="\n".join(packages))


def fingerprint(roots, extra=(), text=""):
    """A short hash of `text`, and of the names and contents of the files below `roots`
    whose names end in RELEASE_SUFFIXES and of the `extra` files that exist."""
    files = {path for path in extra if path.is_file()}
    for root in roots:
        if root.is_dir():
            files.update(path for path in root.rglob("*") if path.suffix in RELEASE_SUFFIXES)
    digest = hashlib.sha256(text.encode())
    for path in sorted(files):
        if path.is_file():
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def read(key, generation):
    """The cached entry of `key` rendered under `generation`, or None."""
    entry = _local_pages.get(key, generation)
    if entry is None:
        entry = cache.get(key)
        if entry is None or entry[0] != generation:
            return None
        _local_pages.put(key, entry)
    return entry


def store(key, generation, status, headers, content, timeout):
    entry = (generation, status, headers, content)
    cache.set(key, entry, timeout)
    _local_pages.put(key, entry)


# The generation of the request being served ---------------------------------------------

_request = threading.local()
_connections = threading.local()


def read_generation():
    """The current generation. With Redis: the one this process's watcher holds a lease for
    (pagecache.push: no round trip), or else read in one round trip, on a connection this
    thread keeps for it (a GET through the cache API costs three times as much in Python).
    Anything unexpected falls back to the cache API."""
    generation = push.pushed_generation()
    if generation is not None:
        return generation
    state = _thread_state()
    connection = state.connection
    # The cache's circuit (infomie/cache.py): a Redis that just failed is not asked here either.
    circuit = getattr(state.backend, "circuit", None)
    if connection is not None and not (circuit and circuit.is_open()):
        try:
            connection.send_packed_command(state.command, check_health=False)
            value = connection.read_response()
            if value is not None:
                return int(value)
        except Exception:  # noqa: BLE001 - the cache API below retries and reports
            connection.disconnect()
            if circuit:
                circuit.failed()
            logger.debug("generation read fell back to the cache API", exc_info=True)
    return current_generation()


def _thread_state():
    """This thread's connection and channel for the generation, made for the cache in use
    (tests and settings changes replace the cache: they follow it)."""
    backend = caches["default"]
    state = _connections
    if getattr(state, "backend", None) is not backend:
        old = getattr(state, "connection", None)
        if old is not None:
            old.disconnect()
        state.connection = state.channel = None
        client = getattr(backend, "client", None)
        if client is not None and hasattr(client, "get_client"):  # django-redis
            state.channel = push.Channel(backend, GENERATION_KEY)
            pool = state.channel.client.connection_pool
            state.connection = pool.connection_class(**pool.connection_kwargs)
            # The command is always the same: packed once.
            state.command = state.connection.pack_command("GET", state.channel.key)
        state.backend = backend
    return state


def begin_request(generation):
    """Called with the generation read at the start of a request (None: not known)."""
    _request.generation = generation


def end_request():
    _request.generation = None


def request_generation():
    return getattr(_request, "generation", None)


# A safety net, as for the cache entries themselves: a memoized value is read again after a
# minute even if the generation has not changed (processes that share no cache, say).
MEMO_MAX_AGE = 60


class GenerationScoped:
    """Values kept in this process while the generation of the current request stays the
    same (MEMO_MAX_AGE at most), forgotten all at once when a newer one is seen; with
    `max_entries`, the least recently used dropped first past that many."""

    def __init__(self, max_entries=None):
        self.max_entries = max_entries
        self.entries = OrderedDict()
        self.newest = None
        self.lock = threading.Lock()

    def get(self, key, compute, keep=None):
        generation = request_generation()
        if generation is None:
            return compute()
        now = time.monotonic()
        found = self.entries.get(key)
        if found is not None and found[0] == generation and now - found[1] < MEMO_MAX_AGE:
            if self.max_entries is not None:
                try:
                    self.entries.move_to_end(key)
                except KeyError:  # dropped by another thread meanwhile
                    pass
            return found[2]
        value = compute()
        if keep is not None and not keep(value):
            return value
        with self.lock:
            if self.newest is None or generation > self.newest:
                self.entries.clear()  # an older generation's values: none can be used again
                self.newest = generation
            elif generation < self.newest:
                return value  # a request that began before the latest change: not kept
            self.entries[key] = (generation, now, value)
            self.entries.move_to_end(key)
            if self.max_entries is not None:
                while len(self.entries) > self.max_entries:
                    self.entries.popitem(last=False)
        return value

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.newest = None


_memo = GenerationScoped()


def memoized(key, compute, keep=None):
    """`compute()`, kept in this process while the generation of the current request stays
    the same (a minute at most). Outside a request (commands, tasks), computed every time.
    Only for values that every change purges the page cache for (pagecache.signals,
    home.caching). With `keep`, only values for which `keep(value)` is true are kept."""
    return _memo.get(key, compute, keep)


class LocalPages:
    """The pages this process served lately, least recently used dropped first, within a
    budget of bytes (PAGE_CACHE_LOCAL_BYTES). Off when the cache itself is in this process."""

    def __init__(self):
        self.entries = OrderedDict()
        self.size = 0
        self.lock = threading.Lock()

    @property
    def budget(self):
        if isinstance(caches["default"], LocMemCache):  # the cache is this process's memory
            return 0
        return getattr(settings, "PAGE_CACHE_LOCAL_BYTES", 0)

    def get(self, key, generation):
        entry = self.entries.get(key)
        if entry is None:
            return None
        if entry[0] != generation:
            self.pop(key)
            return None
        try:
            self.entries.move_to_end(key)
        except KeyError:  # dropped by another thread meanwhile
            pass
        return entry

    def put(self, key, entry):
        budget = self.budget
        if budget <= 0 or len(entry[3]) > budget // 4:
            return
        with self.lock:
            self._pop(key)
            self.entries[key] = entry
            self.size += len(entry[3])
            while self.size > budget:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= len(dropped[3])

    def pop(self, key):
        with self.lock:
            self._pop(key)

    def _pop(self, key):
        entry = self.entries.pop(key, None)
        if entry is not None:
            self.size -= len(entry[3])

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


_local_pages = LocalPages()
