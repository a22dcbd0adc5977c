"""Where an uncached page's milliseconds go, in this process, as `make bench` measures it.

    .venv/bin/python bench/profile_page.py                 # median render of the bench's pages
    .venv/bin/python bench/profile_page.py /fr/ --profile  # and a cProfile top list of one
    .venv/bin/python bench/profile_page.py --setup         # migrate and seed first (once)

Production settings on the benchmark database (BENCH_DATABASE_URL, bench/knobs.py; use a
database of your own on a shared machine), the Redis cache (BENCH_REDIS_URL), the page cache
off, and the values kept until the next content change (`pagecache.kept`)
warm, as it is between two publications. The CPU time this process spent (the database's
is not in it) is steadier than the wall-clock time when others use the machine. Without
URLs: the pages `make bench` measures. Knobs: --renders (default 300: a median of many
renders is steadier than wrk on a shared machine), --profile (cProfile of the renders of
each page), --top (lines of it, default 40), --sort (cProfile's sort key, default
cumulative), --dump (the profile to a file)."""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import inprocess, knobs  # noqa: E402 - after the path
from bench.sides import this_tree  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("urls", nargs="*", help="paths to render (default: the bench's pages)")
    parser.add_argument("--setup", action="store_true", help="migrate and seed the database")
    parser.add_argument("--renders", type=int, default=300)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--dump", help="write the profile there (pstats), for print_callers")
    args = parser.parse_args()

    side = this_tree()
    if args.setup:
        side.prepare(knobs.ARTICLES)
    os.environ.update(side.env(page_cache=False))
    django.setup()

    from django.conf import settings
    from django.test import Client

    assert not settings.PAGE_CACHE_ENABLED
    pages = {url: url for url in args.urls}
    if not pages:
        pages = inprocess.pages()
        pages.pop("articles")
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    for name, url in pages.items():
        for _ in range(5):  # warm the kept values and the template loaders
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        profiler = cProfile.Profile() if args.profile else None
        times, cpu_times = [], []
        for _ in range(args.renders):
            start, cpu_start = time.perf_counter(), time.process_time()
            if profiler is not None:
                profiler.enable()
            client.get(url)
            if profiler is not None:
                profiler.disable()
            times.append((time.perf_counter() - start) * 1000)
            cpu_times.append((time.process_time() - cpu_start) * 1000)
        times.sort()
        label = url if name == url else f"{name} ({url})"
        print(
            f"{label}: median {statistics.median(times):.2f} ms "
            f"(p10 {times[len(times) // 10]:.2f}, p90 {times[len(times) * 9 // 10]:.2f}); "
            f"this process's CPU, median "
            f"{statistics.median(cpu_times):.2f} ms ({args.renders} renders"
            f"{', profiled' if profiler else ''})",
            flush=True,
        )
        if profiler is not None:
            stats = pstats.Stats(profiler)
            stats.strip_dirs().sort_stats(args.sort).print_stats(args.top)
            if args.dump:
                profiler.dump_stats(args.dump)


if __name__ == "__main__":
    main()
