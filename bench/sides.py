"""The trees `make bench` measures side by side: this one, and a baseline commit extracted
with `git archive` under var/bench/. Each has its own database, Redis database, var directory
and secret key, is migrated and seeded by its own code (its manage.py and its bench/seed.py),
and is served by its own production server."""

import json
import os
import secrets
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from bench import edge as edge_cache
from bench.knobs import DATABASE_URL, REDIS_URL, ROOT, WORKERS
from bench.servers import free_port, running, say, server_command

INPROCESS = Path(__file__).resolve().with_name("inprocess.py")


@dataclass
class Side:
    name: str  # as the report shows it
    root: Path
    database_url: str
    redis_url: str
    secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(50))

    @property
    def var_dir(self):
        return self.root / "var" / "bench"

    def env(self, page_cache=True, **extra):
        """Production settings, as `make serve` runs them, on this side's own stores."""
        return {
            **_inherited_environment(),
            "DJANGO_SETTINGS_MODULE": "infomie.settings.production",
            "DATABASE_URL": self.database_url,
            "SECRET_KEY": self.secret_key,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "INFOMIE_VAR_DIR": str(self.var_dir),
            "REDIS_URL": self.redis_url,
            "LOG_LEVEL": "WARNING",
            "WEB_CONCURRENCY": str(WORKERS),
            "PAGE_CACHE_ENABLED": "1" if page_cache else "0",
            **extra,
        }

    def manage(self, *args):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args], cwd=self.root, env=self.env(), check=True
        )

    def inprocess(self, *args, page_cache=False):
        """Run bench/inprocess.py with this side's code and stores; its JSON answer."""
        out = subprocess.run(  # noqa: S603
            [sys.executable, str(INPROCESS), *args],
            cwd=self.root,
            env=self.env(page_cache=page_cache),
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        ).stdout
        lines = out.splitlines()
        for line in lines[:-1]:
            say(line)
        return json.loads(lines[-1])

    def prepare(self, articles):
        """Migrate, then seed `articles` articles with this tree's own bench/seed.py."""
        ensure_database(self.database_url)
        self.var_dir.mkdir(parents=True, exist_ok=True)
        say(f"{self.name}: migrating {self.database_url.rsplit('/', 1)[1]}…")
        self.manage("compile_translations")
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("update_translation_fields", "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")
        return self.inprocess("seed", str(articles))

    @contextmanager
    def serving(self, page_cache=True, **extra):
        """This side's production server; yields its base URL."""
        port = free_port()
        env = self.env(page_cache=page_cache, **extra)
        with running(server_command(port), port, env=env, cwd=self.root):
            yield f"http://127.0.0.1:{port}"

    @contextmanager
    def edge_serving(self):
        """Varnish (deploy/varnish/default.vcl) in front of this side's server, its page
        cache on and pages marked for the edge, as `EDGE=1 make serve` runs them."""
        edge_port = free_port()
        with self.serving(page_cache=True, **edge_cache.APP_ENV) as base:
            app_port = int(base.rsplit(":", 1)[1])
            with edge_cache.varnish_command(app_port, edge_port, WORKERS) as varnishd:
                with running(varnishd, edge_port):
                    yield f"http://127.0.0.1:{edge_port}"


def this_tree(database_url=DATABASE_URL):
    return Side("this tree", ROOT, database_url, REDIS_URL)


def _inherited_environment():
    # Not the caller's Django or database settings: each side says its own.
    dropped = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "EDGE_CACHE_URL"}
    return {name: value for name, value in os.environ.items() if name not in dropped}


def ensure_database(url):
    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            say(f"Created database {name}.")


def git(*args, cwd=ROOT):
    command = ["git", *args]
    return subprocess.run(
        command, cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()  # noqa: S603


def describe_this_tree():
    """This tree's commit, marked when it has uncommitted changes (the bench's own aside)."""
    commit = git("rev-parse", "--short", "HEAD")
    changed = git("status", "--porcelain", "--untracked-files=no")
    return f"{commit}+changes" if changed else commit


def extract(commit):
    """The baseline commit's files under var/bench/baseline-<commit>/ (git archive: nothing
    added to the repository's worktrees); kept for the next run."""
    full = git("rev-parse", "--verify", f"{commit}^{{commit}}")
    root = ROOT / "var" / "bench" / f"baseline-{full[:12]}"
    done = root / ".extracted"
    if not done.exists():
        root.mkdir(parents=True, exist_ok=True)
        archive = subprocess.Popen(["git", "archive", full], cwd=ROOT, stdout=subprocess.PIPE)  # noqa: S603, S607
        subprocess.run(["tar", "-x", "-C", str(root)], stdin=archive.stdout, check=True)  # noqa: S603, S607
        if archive.wait() != 0:
            raise RuntimeError(f"git archive {full} failed")
        if not (root / "bench" / "seed.py").exists():
            raise RuntimeError(f"{commit} has no bench/seed.py to seed its database with")
        done.write_text(full + "\n")
        say(f"Extracted {commit} into {root}.")
    return root
