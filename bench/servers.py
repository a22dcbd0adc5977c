"""The processes `make bench` starts and talks to: app servers, nginx serving a file, wrk.
Every process started here is stopped when its block ends, whatever happens."""

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from bench.knobs import CONNECTIONS, PROXY_HEADERS, ROOT, SECONDS, SERVER, THREADS, WORKERS


def say(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, seconds=90):
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


def server_command(port):
    """The production server, run from a tree's root: gunicorn with its
    infomie/gunicorn.conf.py (sync workers), or granian with BENCH_SERVER=granian."""
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


def server_label():
    if SERVER == "gunicorn":
        return f"gunicorn, {WORKERS} sync workers"
    return f"granian, {WORKERS} workers of {THREADS} thread(s)"


def fetch(url):
    request = urllib.request.Request(url, headers=PROXY_HEADERS)
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        headers = {name.lower(): value for name, value in response.headers.items()}
        return response.status, headers, response.read()


def wrk(url, connections=CONNECTIONS, script=None, seconds=SECONDS):
    """Requests/s, p50/p99 (ms), requests and errors: non-2xx/3xx answers and socket errors."""
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
    kinds = dict.fromkeys(("non-2xx/3xx", "connect", "read", "write", "timeout"), 0)
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if match:
        kinds["non-2xx/3xx"] = int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if match:
        counts = map(int, match.groups())
        kinds.update(zip(("connect", "read", "write", "timeout"), counts, strict=True))
    errors = sum(kinds.values())
    breakdown = ", ".join(f"{kind} {count}" for kind, count in kinds.items() if count)
    return {
        "rps": rps, "p50": p50, "p99": p99, "requests": total, "errors": errors,
        "breakdown": breakdown,
    }  # fmt: skip


def _ms(text):
    value, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


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


@contextmanager
def nginx_serving(html):
    """nginx ({WORKERS} workers) serving `html` as a file; yields its URL."""
    with tempfile.TemporaryDirectory(prefix="infomie-bench-") as tmp:
        root = Path(tmp) / "www"
        root.mkdir()
        (root / "article.html").write_bytes(html)
        os.chmod(tmp, 0o755)
        os.chmod(root, 0o755)
        port = free_port()
        conf = Path(tmp) / "nginx.conf"
        conf.write_text(nginx_config(root, port, tmp))
        with running(["nginx", "-c", str(conf), "-p", tmp, "-g", "daemon off;"], port):
            yield f"http://127.0.0.1:{port}/article.html"


def load_average():
    return float(Path("/proc/loadavg").read_text().split()[0])
