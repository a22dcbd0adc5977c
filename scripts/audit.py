"""`make audit`: Lighthouse (mobile, the four categories) on every page type in French and
English, against the site as `make serve` runs it; the table of scores goes into
docs/audit.md, between its markers.

1. Lighthouse (LIGHTHOUSE_VERSION, from the npm registry) is installed under var/tools/ the
   first time: 200 packages that `npm ci` need not fetch for every test run.
2. The site: production settings (DEBUG off, whitenoise serving the static files compressed
   with far-future cache headers) on PostgreSQL (AUDIT_DATABASE_URL, default the
   `infomie_audit` database), the demo content, granian with two workers; in front of it, a
   small HTTP front standing in for nginx (deploy/nginx/infomie.conf): it serves /media/ from
   MEDIA_ROOT with a week's cache and compresses HTML with gzip, as Debian's nginx does.
3. Each page (scripts/site_pages.py) is audited AUDIT_RUNS times (default 1) with Debian's
   Chromium (CHROME_PATH), headless; the table shows the median run's scores, and below it
   what kept a score under 100.

    .venv/bin/python scripts/audit.py            (or `make audit`)
"""

import gzip
import http.client
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.servers import free_port, wait_for_port  # noqa: E402

LIGHTHOUSE_VERSION = "12.8.2"  # 13 needs Node 22; Debian 12's is 20
TOOLS = ROOT / "var" / "tools" / "lighthouse"
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
AUDIT_VAR = ROOT / "var" / "audit"
REPORT = ROOT / "docs" / "audit.md"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
RUNS = int(os.environ.get("AUDIT_RUNS", "1"))
KEEP = os.environ.get("AUDIT_KEEP", "")
DATABASE_URL = os.environ.get(
    "AUDIT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/infomie_audit"
)
BEGIN, END = "<!-- audit:begin -->", "<!-- audit:end -->"


def say(message):
    print(message, flush=True)


def install_lighthouse():
    if LIGHTHOUSE.exists():
        return
    say(f"Installing Lighthouse {LIGHTHOUSE_VERSION} under {TOOLS.relative_to(ROOT)}/")
    TOOLS.mkdir(parents=True, exist_ok=True)
    (TOOLS / "package.json").write_text('{"private": true}\n')
    subprocess.run(
        ["npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
         f"lighthouse@{LIGHTHOUSE_VERSION}"],
        cwd=TOOLS, check=True,
    )  # fmt: skip


def site_env():
    secret = ROOT / "var" / "secret_key"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "infomie.settings.production",
        "DATABASE_URL": DATABASE_URL,
        "INFOMIE_VAR_DIR": str(AUDIT_VAR),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secret.read_text().strip(),
        "SECURE_SSL_REDIRECT": "0",
        "REDIS_URL": "",
        "EDGE_CACHE_URL": "",
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def prepare(env):
    """What `make serve` does before it starts the server."""
    for command in (
        ["ensure_database"],
        ["migrate", "--noinput"],
        ["update_translation_fields", "--verbosity", "0"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
        ["load_demo"],
    ):
        say(f"manage.py {' '.join(command)}")
        manage(env, *command)
    listing = (
        "import json; from scripts.site_pages import site_pages; print(json.dumps(site_pages()))"
    )
    return json.loads(manage(env, "shell", "-c", listing).strip().splitlines()[-1])


@contextmanager
def app_server(env):
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("granian")),
        *("--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port)),
        *("--workers", "2", "--blocking-threads", "1", "--no-ws", "--log-level", "warning"),
        "infomie.wsgi:application",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    try:
        wait_for_port(port, process)
        yield port
    finally:
        process.terminate()
        process.wait(15)


class Front(BaseHTTPRequestHandler):
    """nginx's part: /media/ from the disk, a week's cache; the rest passed to the app server,
    HTML compressed."""

    app_port = None
    media_root = None
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/media/"):
            return self.media()
        connection = http.client.HTTPConnection("127.0.0.1", self.app_port, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
        connection.request("GET", self.path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        kept = [(k, v) for k, v in response.getheaders() if k.lower() not in HOP_HEADERS]
        compress = (
            "gzip" in self.headers.get("Accept-Encoding", "")
            and response.getheader("Content-Type", "").startswith("text/html")
            and not response.getheader("Content-Encoding")
        )
        if compress:
            body = gzip.compress(body, compresslevel=6)
            kept = [(k, v) for k, v in kept if k.lower() != "content-length"]
            kept += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
        self.send_response(response.status)
        for name, value in kept:
            if name.lower() != "content-length":
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        connection.close()

    def media(self):
        path = (self.media_root / self.path.split("?")[0][len("/media/") :]).resolve()
        if not path.is_file() or self.media_root.resolve() not in path.parents:
            self.send_error(404)
            return
        types = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
                 ".webp": "image/webp", ".avif": "image/avif", ".svg": "image/svg+xml",
                 ".pdf": "application/pdf"}  # fmt: skip
        body = path.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", types.get(path.suffix.lower(), "application/octet-stream"))
        self.send_header("Cache-Control", "max-age=604800")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding"}


@contextmanager
def front(app_port):
    handler = type(
        "AuditFront", (Front,), {"app_port": app_port, "media_root": AUDIT_VAR / "media"}
    )
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def lighthouse(url, workdir, slowdown, missing=False):
    """The report's JSON for one run of `url`, the CPU slowed `slowdown` times (`missing`: the
    page answers 404 on purpose, which Lighthouse otherwise refuses to audit). Lighthouse
    sometimes loses the page's trace on a loaded machine (NO_NAVSTART): tried three times."""
    output = Path(workdir) / "report.json"
    for _attempt in range(3):
        output.unlink(missing_ok=True)
        result = subprocess.run(
            ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
             f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}",
             f"--throttling.cpuSlowdownMultiplier={slowdown}", "--max-wait-for-load=60000",
             *(["--ignore-status-code"] if missing else [])],
            env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True,
            timeout=300,
        )  # fmt: skip
        if result.returncode == 0 and output.exists():
            report = json.loads(output.read_text())
            if not report.get("runtimeError"):
                return report
    raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")


def calibrated_slowdown(benchmark_index):
    """The CPU slowdown that makes this machine stand for Lighthouse's phone, by the calibration
    Lighthouse's docs/throttling.md points to (150 → 1×, 800 → 2×, 1300 → 3×, then one more per
    233): the mobile preset's 4× assumes a machine of about 1533, and on a slower or busier one
    (Lighthouse warns below 1000) it emulates a slower phone than the preset means. Never
    above 4: a fast machine runs the preset as it is."""
    if benchmark_index >= 1300:
        factor = 3 + (benchmark_index - 1300) / 233
    elif benchmark_index >= 800:
        factor = 2 + (benchmark_index - 800) / 500
    else:
        factor = 1 + (max(benchmark_index, 150) - 150) / 650
    return round(min(factor, 4.0), 1)


def scores(report):
    return {
        key: round(report["categories"][key]["score"] * 100)
        if report["categories"][key]["score"] is not None
        else None
        for key in CATEGORIES
    }


def shortfalls(report):
    """What kept a category under 100: its failing audits, by title."""
    found = []
    for key in CATEGORIES:
        category = report["categories"][key]
        if category["score"] is None or category["score"] >= 0.995:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue") or ""
                found.append(f"{key}: {audit['title']}" + (f" ({value})" if value else ""))
    return found


def audit(base, pages):
    """Each page's median scores. The CPU slowdown follows the machine's speed as the run
    before measured it (AUDIT_CPU_SLOWDOWN=4 for the preset's fixed factor)."""
    results = []
    fixed = os.environ.get("AUDIT_CPU_SLOWDOWN")
    with tempfile.TemporaryDirectory(prefix="infomie-audit-") as workdir:
        # A first run, not counted, measures the machine.
        index = lighthouse(base + "/fr/", workdir, 4)["environment"]["benchmarkIndex"]
        for name, lang, path in pages:
            runs = []
            for run in range(RUNS):
                slowdown = float(fixed) if fixed else calibrated_slowdown(index)
                report = lighthouse(base + path, workdir, slowdown, missing=name == "404")
                index = report["environment"]["benchmarkIndex"]
                if KEEP:  # AUDIT_KEEP=folder: every report's JSON, to read what fell short
                    Path(KEEP).mkdir(parents=True, exist_ok=True)
                    slug = f"{name.replace(' ', '-')}-{lang}-{run + 1}.json"
                    (Path(KEEP) / slug).write_text(json.dumps(report))
                runs.append((scores(report), shortfalls(report), slowdown, index))
            runs.sort(key=lambda run: sum(v or 0 for v in run[0].values()))
            middle = runs[len(runs) // 2]
            say(f"{name} ({lang}) {path}: {middle[0]} (CPU ÷{middle[2]}, index {middle[3]:.0f})")
            results.append({"name": name, "lang": lang, "path": path, "scores": middle[0],
                            "shortfalls": middle[1], "slowdown": middle[2],
                            "index": middle[3]})  # fmt: skip
    return results


def table(results):
    indexes = [result["index"] for result in results]
    slowdowns = [result["slowdown"] for result in results]
    lines = [
        f"Lighthouse {LIGHTHOUSE_VERSION}, mobile preset (simulated slow 4G, a 360×640 phone), "
        f"Debian's Chromium headless; {RUNS} run(s) per page, the median shown. Measured "
        f"{time.strftime('%Y-%m-%d')} on the demo content. This machine's benchmark index "
        f"ranged {min(indexes):.0f}–{max(indexes):.0f} (Lighthouse's 4× CPU slowdown assumes "
        f"about 1533), so the CPU was slowed {min(slowdowns)}–{max(slowdowns)}×, by Lighthouse's "
        "calibration (scripts/audit.py, `calibrated_slowdown`).",
        "",
        "| page | language | performance | accessibility | best practices | SEO |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for result in results:
        cells = " | ".join(
            "–" if result["scores"][key] is None else str(result["scores"][key])
            for key in CATEGORIES
        )
        lines.append(f"| {result['name']} (`{result['path']}`) | {result['lang']} | {cells} |")
    below = [r for r in results if r["shortfalls"]]
    if below:
        lines += ["", "Below 100:", ""]
        for result in below:
            lines.append(
                f"- {result['name']} ({result['lang']}): " + "; ".join(result["shortfalls"])
            )
    return "\n".join(lines)


def write_report(text):
    current = REPORT.read_text() if REPORT.exists() else f"# Audit\n\n{BEGIN}\n{END}\n"
    head, _, rest = current.partition(BEGIN)
    _, _, tail = rest.partition(END)
    REPORT.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}")
    say(f"Written to {REPORT.relative_to(ROOT)}")


def main():
    if not Path(CHROME).exists():
        raise SystemExit(f"Chromium not found at {CHROME}: apt-get install chromium")
    if shutil.which("node") is None:
        raise SystemExit("Lighthouse needs Node.js (apt-get install nodejs npm)")
    install_lighthouse()
    env = site_env()
    pages = prepare(env)
    only = os.environ.get("AUDIT_ONLY")  # e.g. AUDIT_ONLY="home,article index"
    if only:
        pages = [page for page in pages if page[0] in only.split(",")]
    with app_server(env) as port, front(port) as base:
        for _name, _lang, path in pages:  # warm: the first visit fills the caches
            urllib_get(base + path)
        results = audit(base, pages)
    if only:
        say(table(results))
    else:
        write_report(table(results))


def urllib_get(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
            response.read()
    except urllib.error.HTTPError:
        pass


if __name__ == "__main__":
    main()
