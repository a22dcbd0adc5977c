"""What `make bench` can be told, from the environment (README, "Benchmark: `make bench`")."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PG = "postgres://postgres@127.0.0.1:5432/"

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))  # per wrk measurement
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))  # interleaved rounds of every measurement
WARMUP_SECONDS = 2  # wrk against each server and page before the first round
MIXED_SECONDS = int(os.environ.get("BENCH_MIXED_SECONDS", "60"))
MIXED_CONNECTIONS = 64
PUBLISH_EVERY = 2  # seconds from one publication's end to the next, in the mixed run
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
SMALL_ARTICLES = 100  # queries per page must be the same here as with ARTICLES
RENDERS = 15  # in-process renders per page, for the queries and the median time
WORKERS = 2
THREADS = int(os.environ.get("BENCH_THREADS", "1"))  # per granian worker
# gunicorn's sync workers, as issue 12 measured both sides; granian as `make serve` runs it.
SERVER = os.environ.get("BENCH_SERVER", "gunicorn")

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", _PG + "infomie_bench")
SMALL_DATABASE_URL = os.environ.get("BENCH_SMALL_DATABASE_URL", DATABASE_URL + "_small")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
# The commit measured side by side with this tree ("" or "none": this tree alone).
BASELINE = os.environ.get("BENCH_BASELINE", "ddfd354")
if BASELINE.lower() == "none":
    BASELINE = ""
BASELINE_DATABASE_URL = os.environ.get("BENCH_BASELINE_DATABASE_URL", DATABASE_URL + "_baseline")
BASELINE_REDIS_URL = os.environ.get("BENCH_BASELINE_REDIS_URL", "redis://127.0.0.1:6379/13")

OUTPUT = os.environ.get("BENCH_OUTPUT", str(ROOT / "docs" / "benchmarks.md"))
NOTE = os.environ.get("BENCH_NOTE", "")
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}  # as behind the TLS proxy

# Issue 12's floors.
FLOOR_UNCACHED = 0.4  # this tree's uncached article and listing / the baseline's
FLOOR_EDGE = 0.5  # the edge's rate / nginx serving the file
FLOOR_QUERIES = 4  # per page once warm, the same with SMALL_ARTICLES as with ARTICLES
