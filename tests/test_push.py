"""The page cache's generation pushed to every process (pagecache/push.py), against a real
Redis: a purge made anywhere is seen by every process as soon as it returns, and a process
that cannot hear about it stops using what it has before the purge returns."""

import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from django.db import transaction
from django.test import override_settings

from infomie.cache import ResilientRedisCache
from pagecache import cache as page_cache
from pagecache import push
from pagecache.cache import GENERATION_KEY, purge_page_cache

from .servers import ROOT, Relay, empty_redis_database, free_port

REDIS_URL = "redis://127.0.0.1:6379/4"

pytestmark = pytest.mark.redis


def redis_cache(url):
    # As infomie/settings/base.py configures it when REDIS_URL is set.
    return {
        "default": {
            "BACKEND": "infomie.cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": "infomie",
        }
    }


def channel_of(url):
    """The channel as a writer that talks to Redis at `url` sees it."""
    return push.Channel(ResilientRedisCache(url, {"KEY_PREFIX": "infomie"}), GENERATION_KEY)


@pytest.fixture
def redis_url():
    yield from empty_redis_database(REDIS_URL)


def leased_watcher(seconds=5):
    """This process's watcher of the cache in use, once it holds a lease."""
    page_cache.read_generation()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        watcher = push._current
        if watcher is not None and watcher.current() is not None:
            return watcher
        time.sleep(0.01)
        page_cache.read_generation()
    raise AssertionError("the watcher got no lease")


CHILD = textwrap.dedent(
    """
    import sys
    import django
    django.setup()
    from django.core.cache import cache
    from pagecache.cache import GENERATION_KEY, purge_page_cache
    for line in sys.stdin:
        purge_page_cache()
        print(cache.get(GENERATION_KEY), flush=True)
    """
)


def test_a_purge_in_another_process_is_seen_here_as_soon_as_it_returns(redis_url):
    """No sleep, no retry: what the other process's purge returned with is what this
    process's next request reads, from its watcher (no round trip to Redis)."""
    import os

    with override_settings(CACHES=redis_cache(redis_url)):
        leased_watcher()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "infomie.settings.test",
            "REDIS_URL": redis_url,
        }
        child = subprocess.Popen(  # noqa: S603
            [sys.executable, "-c", CHILD],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            for _ in range(25):
                before = page_cache.read_generation()
                child.stdin.write("purge\n")
                child.stdin.flush()
                purged = int(child.stdout.readline())
                assert purged > before
                assert push.pushed_generation() == purged
                assert page_cache.read_generation() == purged
        finally:
            child.stdin.close()
            child.wait(30)
        assert child.returncode == 0


def test_every_watcher_confirms_a_purge(redis_url):
    with override_settings(CACHES=redis_cache(redis_url)):
        watcher = leased_watcher()
        result = push.bump(channel_of(redis_url))
        assert result.unconfirmed == []
        assert watcher.current() == result.generation


def test_a_watcher_that_stops_answering_loses_its_lease_before_the_purge_returns(redis_url):
    relay = Relay(("127.0.0.1", 6379))
    relay.restore()
    relayed = redis_url.replace(":6379/", f":{relay.port}/")
    try:
        with override_settings(CACHES=redis_cache(relayed)):
            watcher = leased_watcher()
            before = watcher.current()
            relay.freeze()  # the process hangs, or its network does: messages wait
            result = push.bump(channel_of(redis_url))
            assert result.unconfirmed == [watcher.id]
            assert result.generation > before
            # The purge returned: this process no longer answers from the old generation.
            assert watcher.current() is None
            assert push.pushed_generation() is None

            relay.thaw()
            watcher = leased_watcher()
            assert watcher.current() == result.generation
    finally:
        relay.cut()


def test_a_watcher_whose_redis_restarted_cannot_outlive_a_purge(tmp_path):
    """A Redis that restarted has lost the watchers' registrations: a purge it answers in its
    first seconds also waits out the leases granted by the Redis before it."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("needs redis-server")
    port = free_port()
    url = f"redis://127.0.0.1:{port}/0"

    def start():
        process = subprocess.Popen(  # noqa: S603
            [
                server,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(tmp_path),
            ],
            stdout=subprocess.DEVNULL,
        )
        import redis

        client = redis.Redis.from_url(url)
        for _ in range(100):
            try:
                client.ping()
                return process
            except redis.RedisError:
                time.sleep(0.05)
        raise AssertionError("redis-server did not start")

    process = start()
    try:
        with override_settings(CACHES=redis_cache(url)):
            watcher = leased_watcher()
            before = watcher.current()
            process.send_signal(signal.SIGKILL)
            process.wait()
            process = start()
            result = push.bump(channel_of(url))
            assert result.waited >= push.lease_seconds()
            assert watcher.current() in (None, result.generation)
            assert result.generation > before
    finally:
        process.kill()
        process.wait()


def test_a_transaction_pushes_one_generation_when_it_commits(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        purge_page_cache()
        purge_page_cache()
        with transaction.atomic():
            purge_page_cache()  # inside a savepoint, one is already due at commit
    assert len(callbacks) == 1


def test_a_rolled_back_savepoint_does_not_take_the_purge_with_it(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        try:
            with transaction.atomic():
                purge_page_cache()
                raise RuntimeError("the savepoint is rolled back")
        except RuntimeError:
            pass
        purge_page_cache()  # a change outside it still needs its purge at commit
    assert len(callbacks) == 1


def test_a_purge_in_a_finished_savepoint_covers_the_changes_after_it(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        with transaction.atomic():
            purge_page_cache()
        purge_page_cache()  # that savepoint can no longer be rolled back on its own
    assert len(callbacks) == 1
