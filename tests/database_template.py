"""One migrated database for every test process of a run, on PostgreSQL.

pytest-xdist gives each process a test database of its own (test_<name>_gw0, …), and each ran
every migration: three processes migrating at once took 20 to 35 s of the suite's first minute
on two cores. The first process to get here now migrates a template once; each process's
database is created from it with Django's documented TEST["TEMPLATE"] setting (PostgreSQL's
CREATE DATABASE … TEMPLATE), and the migrate Django still runs on it finds nothing to do."""

import fcntl
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg

from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent


def template_name():
    return f"test_{settings.DATABASES['default']['NAME']}_template"


def _admin_connection():
    s = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        user=s["USER"],
        password=s["PASSWORD"] or None,
        host=s["HOST"] or "127.0.0.1",
        port=s["PORT"] or 5432,
        autocommit=True,
    )


def _database_url(name):
    s = settings.DATABASES["default"]
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name}"


def use_template(run_id):
    """Make sure this run's template is migrated (the first process builds it, the others wait
    for it), then have this process's test database created from it."""
    name = template_name()
    lock_path = Path(tempfile.gettempdir()) / f"{name}.lock"
    with open(lock_path, "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.seek(0)
        if lock.read().strip() != run_id:  # not built by this run: a previous run's, or none
            drop_template()
            with _admin_connection() as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            env = {
                **os.environ,
                "DATABASE_URL": _database_url(name),
                "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
            }
            subprocess.run(
                [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
                cwd=ROOT,
                env=env,
                check=True,
            )
            lock.seek(0)
            lock.truncate()
            lock.write(run_id)
            lock.flush()
    settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = name


def drop_template():
    with _admin_connection() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{template_name()}" WITH (FORCE)')
