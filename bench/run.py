"""`make bench`: how fast InfoMIE serves its pages, beside nginx serving the same HTML file.

Seeds a separate PostgreSQL database (BENCH_DATABASE_URL, default infomie_bench) with 10,000
articles over 20 themes, then for home, the news index, a theme listing, an article and a
search (when the site has one) measures:
- SQL queries per request and the median render time, in this process (Django's client);
- requests/s and p50/p99 latency with wrk on loopback against the production server
  (granian, or gunicorn with BENCH_SERVER=gunicorn; production settings, 2 workers), with
  the page cache off, then on (Redis);
- nginx serving the article's HTML from a file, and Varnish (the edge cache, bench/edge.py)
  in front of the app server, in the same run: the ratio matters more than absolute figures,
  which drift on shared machines;
- the article's HTML size and the CSS+JS a page loads.

Every process it starts is stopped when it ends, whatever happens. Knobs: BENCH_SECONDS (10),
BENCH_MIXED_SECONDS (60, the mixed run with purges),
BENCH_CONNECTIONS (32), BENCH_ARTICLES (10000), BENCH_REDIS_URL (redis://127.0.0.1:6379/12),
BENCH_THREADS (1, per granian worker), BENCH_NOTE (a line printed under the table),
BENCH_OUTPUT (docs/benchmarks.md; "-" for none)."""

import gzip
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import edge as edge_cache  # noqa: E402 - from the repository's root, put on the path above

SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
MIXED_SECONDS = int(os.environ.get("BENCH_MIXED_SECONDS", "60"))
PURGE_EVERY = 2  # seconds between two purges during the mixed run
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "10000"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/infomie_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
OUTPUT = os.environ.get("BENCH_OUTPUT", str(ROOT / "docs" / "benchmarks.md"))
VAR_DIR = ROOT / "var" / "bench"
RENDERS = 15  # in-process renders per page for the median
WORKERS = 2
THREADS = int(os.environ.get("BENCH_THREADS", "1"))  # per worker, as `make serve` runs it
SERVER = os.environ.get("BENCH_SERVER", "granian")
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}  # as behind the TLS proxy

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "infomie.settings.production",
    "DATABASE_URL": DATABASE_URL,
    "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "INFOMIE_VAR_DIR": str(VAR_DIR),
    "REDIS_URL": REDIS_URL,
    "LOG_LEVEL": "WARNING",
}


def say(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing listens on {port}")


@contextmanager
def running(args, port, env=None, cwd=ROOT):
    process = subprocess.Popen(args, cwd=cwd, env=env, start_new_session=True)  # noqa: S603
    try:
        wait_for_port(port, process)
        yield process
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def manage(*args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=ENV, check=True)  # noqa: S603


def ensure_database():
    import psycopg

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin_url = DATABASE_URL.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            say(f"Created database {name}.")


def fetch(url):
    request = urllib.request.Request(url, headers=PROXY_HEADERS)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        headers = {name.lower(): value for name, value in response.headers.items()}
        return response.status, headers, response.read()


def wrk(url, connections=CONNECTIONS, script=None, seconds=SECONDS):
    args = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    for name, value in PROXY_HEADERS.items():
        args += ["-H", f"{name}: {value}"]
    if script:
        args += ["-s", script]
    out = subprocess.run([*args, url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
    total = int(re.search(r"(\d+) requests in", out).group(1))
    errors = 0
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if match:
        errors += int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if match:
        errors += sum(int(g) for g in match.groups())
    return {"rps": rps, "p50": p50, "p99": p99, "requests": total, "errors": errors}


def _ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def in_process_measurements(pages):
    """Queries and median render time per page, uncached then cached."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from pagecache import purge_page_cache

    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    results = {}
    for name, url in pages.items():
        row = {}
        for label, enabled in (("uncached", False), ("cached", True)):
            with override_settings(PAGE_CACHE_ENABLED=enabled):
                purge_page_cache()
                assert client.get(url).status_code == 200, url  # warm per-site look-ups
                times, queries = [], []
                for _ in range(RENDERS):
                    with CaptureQueriesContext(connection) as captured:
                        start = time.perf_counter()
                        response = client.get(url)
                        times.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, url
                    queries.append(len(captured))
            row[label] = {"queries": max(queries), "median_ms": statistics.median(times)}
        results[name] = row
    return results


def pages_to_measure():
    from django.test import Client
    from django.utils import translation

    from articles.models import ArticlePage, Theme
    from articles.navigation import news_index_url

    theme = Theme.objects.order_by("pk").first()
    article = ArticlePage.objects.live().exclude(title_en=None).order_by("-pk").first()
    pages = {
        "home": "/fr/",
        "news index": "/fr/actualites/",
        "theme": f"/fr/actualites/?theme={theme.slug_fr}",
        "article": article.get_url_in("fr"),
    }
    client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
    with translation.override("fr"):
        pages["theme"] = news_index_url() + f"themes/{theme.slug_fr}/"
    search = "/fr/recherche/?q=protection"
    if client.get(search).status_code == 200:
        pages["search"] = search
    return pages


def server_command(port):
    """The production server as `make serve` runs it: granian (it measured faster), or
    gunicorn with BENCH_SERVER=gunicorn."""
    if SERVER == "gunicorn":
        return [
            sys.executable, "-m", "gunicorn", "-c", "infomie/gunicorn.conf.py",
            "--bind", f"127.0.0.1:{port}", "infomie.wsgi",
        ]  # fmt: skip
    return [
        sys.executable, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(WORKERS), "--blocking-threads", str(THREADS),
        "--no-ws", "--log-level", "warning", "infomie.wsgi:application",
    ]  # fmt: skip


def nginx_config(root, port, prefix):
    return f"""
worker_processes {WORKERS};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    default_type text/html;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


def asset_sizes(base_url, html):
    """Bytes of the CSS and JS the page loads (as sent, and gzipped)."""
    urls = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    urls += re.findall(r'<script[^>]+src="([^"]+)"', html)
    raw = compressed = 0
    for url in urls:
        _status, _headers, body = fetch(base_url + url)
        raw += len(body)
        compressed += len(gzip.compress(body))
    return raw, compressed, len(urls)


def prepare_database():
    """Migrate and seed the benchmark database, then set Django up on it (production
    settings). Returns the seconds the seeding took."""
    ensure_database()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    say("Migrating the benchmark database…")
    manage("migrate", "--noinput", "--verbosity", "0")
    manage("update_translation_fields", "--verbosity", "0")
    manage("collectstatic", "--noinput", "--verbosity", "0")

    os.environ.update(ENV)
    import django

    django.setup()
    from bench.seed import seed

    t0 = time.monotonic()
    seed(articles=ARTICLES, themes=20, stdout=say)
    seed_seconds = time.monotonic() - t0

    from django.db import connection

    with connection.cursor() as cursor:
        # As autovacuum leaves a live database: the setup's update_translation_fields
        # rewrites every page row on each run, and the planner needs fresh statistics.
        cursor.execute("VACUUM ANALYZE")
    return seed_seconds


def main():
    started = time.monotonic()
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: `make bench` installs it (apt-get install {tool})")
    seed_seconds = prepare_database()
    pages = pages_to_measure()
    say(f"Pages: {pages}")
    say("Queries and render times, in process…")
    measured = in_process_measurements(pages)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = server_command(port)
    load = {}
    for label, enabled in (("uncached", "0"), ("cached", "1")):
        env = {**ENV, "PAGE_CACHE_ENABLED": enabled, "WEB_CONCURRENCY": str(WORKERS)}
        with running(server, port, env=env):
            for name, url in pages.items():
                status, headers, _body = fetch(base + url)
                assert status == 200, (url, status)
                if enabled == "1":
                    fetch(base + url)
                    assert fetch(base + url)[1].get("x-cache") == "HIT", url
                say(f"wrk {label} {name}…")
                load.setdefault(name, {})[label] = wrk(base + url)
            if enabled == "1":
                _s, _h, article_html = fetch(base + pages["article"])
                css_js = asset_sizes(base, article_html.decode())
                mixed = mixed_run(base, pages)
    edge = measure_edge(server, port, pages) if edge_cache.available() else None
    with tempfile.TemporaryDirectory(prefix="infomie-bench-") as tmp:
        root = Path(tmp) / "www"
        root.mkdir()
        (root / "article.html").write_bytes(article_html)
        os.chmod(tmp, 0o755)
        os.chmod(root, 0o755)
        nginx_port = free_port()
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(nginx_config(root, nginx_port, tmp))
        nginx = ["nginx", "-c", str(conf), "-p", tmp, "-g", "daemon off;"]
        with running(nginx, nginx_port):
            say("wrk nginx file…")
            baseline = wrk(f"http://127.0.0.1:{nginx_port}/article.html")

    report = render_report(
        pages, measured, load, baseline, article_html, css_js, mixed, seed_seconds, edge
    )
    print(report)
    if OUTPUT != "-":
        Path(OUTPUT).parent.mkdir(parents=True, exist_ok=True)
        write_section(Path(OUTPUT), report)
        say(f"Written to {OUTPUT} in {time.monotonic() - started:.0f} s.")


def measure_edge(server, port, pages):
    """The article through Varnish in front of the app server (its page cache on, pages marked
    for the edge), as `EDGE=1 make serve` runs them."""
    env = {**ENV, "PAGE_CACHE_ENABLED": "1", **edge_cache.APP_ENV}
    edge_port = free_port()
    with (
        running(server, port, env=env),
        edge_cache.varnish_command(port, edge_port, WORKERS) as varnishd,
        running(varnishd, edge_port),
    ):
        url = f"http://127.0.0.1:{edge_port}{pages['article']}"
        fetch(url)
        assert fetch(url)[1].get("x-edge") == "hit", url
        say("wrk edge (Varnish) article…")
        return wrk(url)


START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"


def write_section(path, report):
    """Replace the part of the file `make bench` owns, leaving the rest (the import benchmark)."""
    text = path.read_text() if path.exists() else "# Benchmarks\n\n"
    body = report.strip()
    if body.startswith("# Benchmarks"):  # the file has its own title
        body = body[len("# Benchmarks") :].lstrip()
    section = f"{START}\n{body}\n{END}\n"
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + section + rest.split(END, 1)[1].lstrip("\n")
    else:
        text = text.rstrip() + "\n\n" + section
    path.write_text(text)


def mixed_run(base, pages):
    """Every page in turn under 64 connections for MIXED_SECONDS, while the page cache is
    purged every PURGE_EVERY seconds as an editor's publication would: the 'no error
    response' check, with hits and misses, and how long a purge takes to be confirmed by
    every worker under that load."""
    paths = ", ".join(f'"{url}"' for url in pages.values())
    script = f"""
local paths = {{{paths}}}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
"""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as handle:
        handle.write(script)
    import threading

    from pagecache import purge_page_cache

    stop = threading.Event()
    purges = []

    def publish_now_and_then():
        while not stop.wait(PURGE_EVERY):
            start = time.perf_counter()
            purge_page_cache()
            purges.append((time.perf_counter() - start) * 1000)

    editor = threading.Thread(target=publish_now_and_then, daemon=True)
    try:
        say(f"wrk mixed, 64 connections, {MIXED_SECONDS} s, a purge every {PURGE_EVERY} s…")
        editor.start()
        result = wrk(base + "/", connections=64, script=handle.name, seconds=MIXED_SECONDS)
    finally:
        stop.set()
        editor.join()
        os.unlink(handle.name)
    result["purges"] = purges
    return result


def render_report(
    pages, measured, load, baseline, article_html, css_js, mixed, seed_seconds, edge=None
):
    import platform

    from django.utils import timezone

    from articles.models import ArticlePage

    lines = [
        "# Benchmarks",
        "",
        f"`make bench`, {timezone.now():%Y-%m-%d %H:%M} UTC: {ArticlePage.objects.count()} "
        f"articles (seeded in {seed_seconds:.0f} s), {SERVER} with {WORKERS} workers"
        f"{f' of {THREADS} threads' if SERVER == 'granian' else ''} "
        f"(production settings, PostgreSQL, Redis page cache), wrk -t2 -c{CONNECTIONS} "
        f"-d{SECONDS}s on loopback, {os.cpu_count()} cores, Python {platform.python_version()}.",
        "Uncached: the page cache off; what each process keeps until the next content change "
        "(site, routing to the sections, settings, notices, listings' years and counts) is "
        "warm, as it is between two publications. Queries: warm (just after a change, a few "
        "more: tests/test_query_budget.py).",
        "",
        "| page | SQL queries | median render (ms) | uncached req/s | p50 / p99 (ms) "
        "| cached req/s | p50 / p99 (ms) | cached / nginx |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, url in pages.items():
        m, u, c = measured[name], load[name]["uncached"], load[name]["cached"]
        lines.append(
            f"| {name} (`{url}`) | {m['uncached']['queries']} (cached: "
            f"{m['cached']['queries']}) | {m['uncached']['median_ms']:.1f} (cached: "
            f"{m['cached']['median_ms']:.2f}) | {u['rps']:,.0f} | {u['p50']:.1f} / "
            f"{u['p99']:.1f} | {c['rps']:,.0f} | {c['p50']:.1f} / {c['p99']:.1f} | "
            f"1 : {baseline['rps'] / c['rps']:.1f} |"
        )
    lines.append(
        f"| nginx, the article's HTML from a file | – | – | – | – | {baseline['rps']:,.0f} "
        f"| {baseline['p50']:.1f} / {baseline['p99']:.1f} | 1 : 1 |"
    )
    if edge is not None:
        lines.append(
            f"| Varnish (the edge, deploy/varnish/default.vcl) in front, the article | – | – "
            f"| – | – | {edge['rps']:,.0f} | {edge['p50']:.1f} / {edge['p99']:.1f} "
            f"| 1 : {baseline['rps'] / edge['rps']:.1f} |"
        )
    else:
        lines.append("| Varnish (the edge): varnishd not installed, not measured | | | | | | | |")
    raw, compressed, count = css_js
    errors = sum(load[n][k]["errors"] for n in load for k in load[n]) + baseline["errors"]
    lines += [
        "",
        f"- Article HTML: {len(article_html) / 1024:.1f} KB "
        f"({len(gzip.compress(article_html)) / 1024:.1f} KB gzipped).",
        f"- CSS + JS loaded by a page: {raw / 1024:.1f} KB in {count} file(s) "
        f"({compressed / 1024:.1f} KB gzipped).",
        f"- Mixed pages, 64 connections, {MIXED_SECONDS} s, the cache purged every "
        f"{PURGE_EVERY} s: {mixed['requests']:,} requests, {mixed['rps']:,.0f} req/s, "
        f"p99 {mixed['p99']:.1f} ms, {mixed['errors']} errors (all runs together: "
        f"{errors} errors).",
    ]
    purges = mixed["purges"]
    if purges:
        lines.append(
            f"- Purges during that run: {len(purges)}, each confirmed by every worker in "
            f"{statistics.median(purges):.1f} ms (median), {max(purges):.1f} ms at most."
        )
    if "search" not in pages:
        lines.append("- Search: no search page on this branch yet (issue 4); not measured.")
    note = os.environ.get("BENCH_NOTE")
    if note:
        lines += ["", note]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
