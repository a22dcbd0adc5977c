"""Real server processes for the tests that need more than one (the shared page cache), a
database that goes away or the real WSGI stack: `manage.py runserver --noreload` (as `make
run`), granian and gunicorn (as `make serve`) on a free loopback port, and a TCP relay in
front of PostgreSQL that the test can cut and restore."""

import http.cookiejar
import os
import re
import select
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def empty_redis_database(url):
    """A Redis database emptied before and after the test that yields from it; the test is
    skipped when Redis does not answer."""
    import pytest
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        pytest.skip(f"needs Redis at {url}")
    client.flushdb()
    yield url
    client.flushdb()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One `runserver` process with the test settings (plain static files) and the given
    environment."""

    name = "runserver"

    def __init__(self, **env):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "DJANGO_SETTINGS_MODULE": "infomie.settings.test", **env}
        self.process = None
        self.timeout = 30
        jar = http.cookiejar.CookieJar()
        self.jar = jar
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect()
        )

    def __enter__(self):
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(  # noqa: S603
            self.command(),
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.output())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("runserver did not start")

    def command(self):
        return [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"]

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def request(self, path, data=None):
        """(status, headers, body) of a GET, or of a POST when `data` is given."""
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.url + path, data=body)
        try:
            with self.opener.open(request, timeout=self.timeout) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()
        except TimeoutError as error:
            log = self.output()[-3000:]
            raise AssertionError(f"{path} timed out; server log:\n{log}") from error

    def csrf_token(self, path):
        _status, _headers, html = self.request(path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def log_in(self, username, password):
        token = self.csrf_token("/admin/login/")
        status, headers, _ = self.request(
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )
        assert status == 302, f"login failed: {status} {self.output()[-2000:]}"

    def raw_get(self, target, cookie=None, method="GET", headers=()):
        """(status, headers, body) of `GET target` (or `method`), `target` sent byte for byte
        as it is given (str: encoded as UTF-8), as a browser or a crawler may send it,
        unencoded characters and invalid UTF-8 included."""
        if isinstance(target, str):
            target = target.encode()
        lines = [
            method.encode() + b" " + target + b" HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}".encode(),
        ]
        if cookie:
            lines.append(b"Cookie: " + cookie.encode())
        lines += [f"{name}: {value}".encode() for name, value in headers]
        lines += [b"Connection: close", b"", b""]
        with socket.create_connection(("127.0.0.1", self.port), timeout=self.timeout) as sock:
            sock.sendall(b"\r\n".join(lines))
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding") == "chunked":
            body = _unchunked(body)
        return int(status_line.split()[1]), headers, body.decode(errors="replace")


class GranianServer(Server):
    """granian serving the WSGI application, as `make serve` does (one worker)."""

    name = "granian"

    def command(self):
        return [
            str(Path(sys.executable).with_name("granian")),
            *("--interface", "wsgi", "--host", "127.0.0.1", "--port", str(self.port)),
            *("--workers", "1", "--blocking-threads", "1", "--no-ws", "--log-level", "warning"),
            "infomie.wsgi:application",
        ]


class GunicornServer(Server):
    """gunicorn with the project's configuration, as `make serve SERVER=gunicorn` (one
    worker, the test settings)."""

    name = "gunicorn"

    def command(self):
        return [
            str(Path(sys.executable).with_name("gunicorn")),
            *("-c", "infomie/gunicorn.conf.py", "--workers", "1"),
            *("--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"),
            *("-e", f"DJANGO_SETTINGS_MODULE={self.env['DJANGO_SETTINGS_MODULE']}"),
            "infomie.wsgi",
        ]


SERVERS = {server.name: server for server in (Server, GranianServer, GunicornServer)}


def _unchunked(body):
    out = b""
    while body:
        size, _, rest = body.partition(b"\r\n")
        length = int(size.split(b";")[0], 16)
        if length == 0:
            break
        out += rest[:length]
        body = rest[length + 2 :]
    return out


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Relay:
    """A TCP relay from a loopback port to `target`; `cut()` drops every connection and
    refuses new ones, `restore()` listens again on the same port; `freeze()` keeps the
    connections open but passes nothing on until `thaw()` (a peer that hangs)."""

    def __init__(self, target):
        self.target = target
        self.port = free_port()
        self.listener = None
        self.sockets = []
        self.lock = threading.Lock()
        self.frozen = threading.Event()
        self.forwarding = threading.Lock()

    def freeze(self):
        with self.forwarding:  # once it returns, nothing more gets through
            self.frozen.set()

    def thaw(self):
        self.frozen.clear()

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        with self.lock:
            try:
                self.listener.shutdown(socket.SHUT_RDWR)  # wakes the accept() below
            except OSError:
                pass
            self.listener.close()
            for sock in self.sockets:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self.sockets = []

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, upstream]
            threading.Thread(target=self._pipe, args=(client, upstream), daemon=True).start()

    def _pipe(self, a, b):
        pair = {a: b, b: a}
        try:
            while True:
                if self.frozen.is_set():
                    time.sleep(0.01)
                    continue
                readable, _, _ = select.select([a, b], [], [], 0.05)
                with self.forwarding:
                    if self.frozen.is_set():
                        continue  # what came stays in the sockets until thawed
                    for sock in readable:
                        data = sock.recv(65536)
                        if not data:
                            return
                        pair[sock].sendall(data)
        except (OSError, ValueError):
            return


VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


class Varnish(Server):
    """varnishd with the repository's VCL (deploy/varnish/default.vcl) on a free loopback port,
    in front of the app server on `backend_port`; `requests` go through it."""

    name = "varnish"

    def __init__(self, backend_port):
        super().__init__()
        self.backend_port = backend_port
        self.workdir = tempfile.mkdtemp(prefix="infomie-edge-")
        os.chmod(self.workdir, 0o755)  # varnishd drops its privileges to read the VCL
        vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
        vcl = vcl.replace('.port = "8000";', f'.port = "{backend_port}";')
        self.vcl = Path(self.workdir) / "infomie.vcl"
        self.vcl.write_text(vcl)

    def command(self):
        return [
            VARNISHD, "-F", "-n", f"{self.workdir}/n", "-a", f"127.0.0.1:{self.port}",
            "-f", str(self.vcl), "-s", "malloc,64m",
        ]  # fmt: skip

    def __exit__(self, *exc):
        super().__exit__(*exc)
        shutil.rmtree(self.workdir, ignore_errors=True)

    def counter(self, name):
        """A varnishstat counter, e.g. MAIN.bans_added."""
        out = subprocess.run(  # noqa: S603
            [shutil.which("varnishstat") or "varnishstat", "-n", f"{self.workdir}/n", "-1",
             "-f", name],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        return int(out.split()[1])
