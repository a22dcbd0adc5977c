"""The generation pushed to every process, so that a cache hit asks Redis nothing.

Without this, each request reads the generation from Redis: one round trip, more than half of
what a cached page costs. Here each process keeps a *watcher*, a thread subscribed to the
generation's channel, and a request uses the generation the watcher last received, for as long
as the watcher holds a *lease*. Never stale, because of how a purge and a lease work:

- A purge (`bump`) is one script in Redis: the new generation (never lower than Redis's clock
  in milliseconds, so a lost key cannot bring old pages back), published on the channel, and
  the list of watchers registered at that moment. It then waits until every one of them has
  confirmed (each confirms after it has taken the new generation), or until the registration
  of those that did not has run out.
- A watcher registers (`ZADD`, expiring after two leases), then sends a PING on its
  subscription and, on the PONG, takes a lease of LEASE seconds from the moment it sent the
  PING. Redis answers a PING after every message published before it, on the same
  connection: a lease is only ever granted after the watcher has taken every generation
  published before its PING.

So when a purge returns, every watcher either confirmed the new generation, or its
registration has run out, and with it any lease granted before the purge (each lease ends
before the registration made just before it). A watcher registered after the script ran sent
its PING after the publication. A watcher whose connection dropped or froze gets no new lease;
its process then reads the generation from Redis on each request, as without push. A Redis
restarted less than two seconds before the purge (its list of watchers lost with it): the purge
also waits one lease, for the leases granted by the old one.

A purge normally returns within a millisecond or two; a frozen process (stopped, swapping)
delays purges by two leases at most (one second by default), never visitors."""

import atexit
import logging
import os
import threading
import time
import uuid

from django.conf import settings

logger = logging.getLogger("pagecache")

# Milliseconds since the epoch by Redis's clock, in a script.
_NOW_MS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

# KEYS: generation, watchers; ARGV: channel.
# Returns {generation, now, Redis's uptime in seconds, watchers (id, expiry, id, expiry...)}.
BUMP_SCRIPT = (
    _NOW_MS
    + """
local generation = redis.call('INCR', KEYS[1])
if generation < now then
  generation = now
  redis.call('SET', KEYS[1], generation)
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local watchers = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
redis.call('PUBLISH', ARGV[1], generation)
local info = redis.call('INFO', 'server')
local uptime = tonumber(string.match(info, 'uptime_in_seconds:(%d+)'))
return {generation, now, uptime, watchers}
"""
)

# KEYS: watchers; ARGV: id, milliseconds the registration lasts.
REGISTER_SCRIPT = (
    _NOW_MS
    + """
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
return now
"""
)

# A Redis younger than this (seconds) may have lost the list of watchers on restart.
RECENT_RESTART = 2
# How long a confirmation list is kept for confirmations that come after the purge returned.
ACK_TTL = 30


def lease_seconds():
    return float(getattr(settings, "PAGE_CACHE_PUSH_LEASE", 0.5))


def enabled():
    return getattr(settings, "PAGE_CACHE_PUSH", True)


class Channel:
    """The names that the writers and the watchers of one cache share."""

    def __init__(self, backend, generation_key):
        client = backend.client.get_client(write=True)
        self.client = client
        kwargs = client.connection_pool.connection_kwargs
        self.key = backend.make_key(generation_key)
        self.watchers_key = self.key + ":watchers"
        # Redis's channels are not per database: the database is part of the name.
        self.name = f"{self.key}@{kwargs.get('db', 0)}"
        self.identity = (self.name, kwargs.get("host"), kwargs.get("port"), kwargs.get("path"))
        # EVALSHA, loaded again by redis-py if Redis forgot them (a restart).
        self.bump_script = client.register_script(BUMP_SCRIPT)
        self.register_script = client.register_script(REGISTER_SCRIPT)

    def ack_key(self, generation):
        return f"{self.key}:acks:{generation}"


class Bump:
    def __init__(self, generation, unconfirmed, waited):
        self.generation = generation
        self.unconfirmed = unconfirmed  # ids of the watchers that did not confirm
        self.waited = waited  # seconds spent waiting for confirmations


def bump(channel, confirm=True):
    """A new generation, published; with `confirm`, returns once every watcher has it or can
    no longer use an older one (see the module's docstring)."""
    client = channel.client
    generation, now, uptime, flat = channel.bump_script(
        keys=[channel.key, channel.watchers_key], args=[channel.name]
    )
    replied = time.monotonic()
    generation = int(generation)
    watcher = _watchers.get(channel.identity)
    if watcher is not None:
        watcher.saw(generation)  # this process's own requests: at once
    if not confirm:
        return Bump(generation, [], 0.0)
    # Each watcher's registration, as a deadline on this process's clock.
    deadlines = {
        flat[i]: replied + (float(flat[i + 1]) - int(now)) / 1000 for i in range(0, len(flat), 2)
    }
    pending = set(deadlines)
    ack_key = channel.ack_key(generation)
    while pending:
        remaining = max(deadlines[id_] for id_ in pending) - time.monotonic()
        if remaining <= 0:
            break
        item = client.blpop([ack_key], timeout=remaining)
        if item is None:
            break
        pending.discard(item[1])
    if deadlines:
        client.delete(ack_key)
    if int(uptime) < RECENT_RESTART:
        rest = replied + lease_seconds() - time.monotonic()
        if rest > 0:
            time.sleep(rest)
    if pending:
        logger.warning(
            "%d process(es) did not confirm generation %s; their leases have run out",
            len(pending),
            generation,
        )
    return Bump(generation, sorted(pending), time.monotonic() - replied)


class Watcher(threading.Thread):
    """This process's subscription to the generation of one cache."""

    RETRY_SECONDS = 1.0

    def __init__(self, channel):
        super().__init__(name="pagecache-watcher", daemon=True)
        self.channel = channel
        self.id = uuid.uuid4().hex.encode()
        self.generation = None
        self.lease_until = 0.0
        self.stopping = threading.Event()
        self.connection = None
        self.lease = lease_seconds()

    def current(self):
        """The generation, while the lease holds; None otherwise."""
        if time.monotonic() < self.lease_until:
            return self.generation
        return None

    def saw(self, generation):
        if self.generation is None or generation > self.generation:
            self.generation = generation

    def stop(self):
        self.stopping.set()
        self.lease_until = 0.0
        try:
            self.channel.client.zrem(self.channel.watchers_key, self.id)
        except Exception:  # noqa: BLE001 - the registration runs out by itself
            logger.debug("watcher deregistration failed", exc_info=True)

    def run(self):
        while not self.stopping.is_set():
            try:
                self.watch()
            except Exception:  # noqa: BLE001 - requests read the generation from Redis
                logger.info("page cache watcher reconnecting", exc_info=True)
            self.lease_until = 0.0
            self.disconnect()
            self.stopping.wait(self.RETRY_SECONDS)

    def disconnect(self):
        if self.connection is not None:
            self.connection.disconnect()
            self.connection = None

    def watch(self):
        client = self.channel.client
        pool = client.connection_pool
        # RESP2, on a connection of its own: subscribed, it only reads messages and PONGs.
        kwargs = {
            name: value
            for name, value in pool.connection_kwargs.items()
            if not name.startswith("maint_notifications")  # RESP3 only
        }
        connection = pool.connection_class(**{**kwargs, "protocol": 2})
        self.connection = connection
        connection.connect()
        connection.send_command("SUBSCRIBE", self.channel.name)
        connection.read_response()
        # Subscribed first, then read: no generation can fall between the two.
        client.set(self.channel.key, int(time.time() * 1000), nx=True)
        self.generation = int(client.get(self.channel.key))
        interval = self.lease / 4
        while not self.stopping.is_set():
            registered = time.monotonic()
            self.channel.register_script(
                keys=[self.channel.watchers_key], args=[self.id, int(2000 * self.lease)]
            )
            sent = time.monotonic()
            connection.send_command("PING")
            self.read_until(connection, sent + self.lease, pong=True)
            if sent - registered < self.lease:
                self.lease_until = sent + self.lease
            self.read_until(connection, sent + interval, pong=False)

    def read_until(self, connection, deadline, pong):
        """Take the generations published until `deadline` (or, with `pong`, until the PONG,
        which must come before the deadline)."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                if pong:
                    raise TimeoutError("Redis did not answer the watcher's PING in time")
                return
            if self.stopping.is_set():
                return
            if not connection.can_read(timeout=remaining):
                continue
            reply = connection.read_response()
            kind = reply[0]
            if kind == b"message":
                generation = int(reply[2])
                self.saw(generation)
                key = self.channel.ack_key(generation)
                self.channel.client.pipeline(transaction=False).rpush(key, self.id).expire(
                    key, ACK_TTL
                ).execute()
            elif kind == b"pong" and pong:
                return


_watchers = {}  # Channel.identity -> Watcher, for this process
_lock = threading.Lock()
# The watcher of the cache in use, once looked up (None: push is off or the cache is not
# Redis). Forgotten when the settings change (tests) and in a forked process.
_current = None
_resolved = False


def pushed_generation():
    """The generation pushed to this process, or None: read it from the cache instead."""
    watcher = _current
    if watcher is None:
        if _resolved:
            return None
        watcher = _resolve()
        if watcher is None:
            return None
    return watcher.current()


def _resolve():
    global _current, _resolved
    from django.core.cache import caches

    from .cache import GENERATION_KEY

    backend = caches["default"]
    watcher = None
    client = getattr(backend, "client", None)
    if enabled() and client is not None and hasattr(client, "get_client"):  # django-redis
        watcher = watcher_for(Channel(backend, GENERATION_KEY))
    _current, _resolved = watcher, True
    return watcher


def forget_current(**kwargs):
    global _current, _resolved
    _current, _resolved = None, False


def watcher_for(channel):
    """This process's watcher of `channel`, started on first use."""
    watcher = _watchers.get(channel.identity)
    if watcher is None or not watcher.is_alive():
        with _lock:
            watcher = _watchers.get(channel.identity)
            if watcher is None or not watcher.is_alive():
                watcher = Watcher(channel)
                watcher.start()
                _watchers[channel.identity] = watcher
    return watcher


def _forget_after_fork():
    # A forked process (a server's worker) has no threads: it starts watchers of its own.
    _watchers.clear()
    forget_current()


@atexit.register
def _stop_all():
    for watcher in list(_watchers.values()):
        watcher.stop()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_after_fork)
