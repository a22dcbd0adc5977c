"""`make bench`'s edge cache: Varnish with the repository's VCL (deploy/varnish/default.vcl) in
front of the app server, as `EDGE=1 make serve` runs it, measured beside nginx serving a file."""

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
# What the app server needs to mark its pages for the edge (infomie/edge.py).
APP_ENV = {"EDGE_CACHE_SECONDS": "300"}


def available():
    return os.access(VARNISHD, os.X_OK)


@contextmanager
def varnish_command(app_port, port, workers):
    """The varnishd command line (foreground) for an edge on `port` in front of `app_port`;
    its work files in a temporary directory removed afterwards."""
    workdir = tempfile.mkdtemp(prefix="infomie-bench-edge-")
    os.chmod(workdir, 0o755)  # varnishd drops its privileges to read the VCL
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    (Path(workdir) / "infomie.vcl").write_text(
        vcl.replace('.port = "8000";', f'.port = "{app_port}";')
    )
    try:
        yield [
            VARNISHD, "-F", "-n", f"{workdir}/n", "-a", f"127.0.0.1:{port}",
            "-f", f"{workdir}/infomie.vcl", "-s", "malloc,256m",
            "-p", f"thread_pools={workers}",
        ]  # fmt: skip
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
