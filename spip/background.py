"""The admin's SPIP import, run outside the web request: an import of a few thousand items takes
minutes, longer than a request may last. The view records the run (ImportRun, queued) and
starts `manage.py import_spip --run N` as a process of its own, which writes its progress and
then its report into that row; the admin's page of the run reads them. No worker or queue to
install: a small association's server runs it as it is.

One run at a time: the database refuses a second active run (a unique constraint). A run whose
process died (the server restarted) is marked interrupted when someone next looks, so that it
never blocks the next one."""

import logging
import os
import socket
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, IntegrityError, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ImportRun
from .run import run_import

logger = logging.getLogger(__name__)

MANAGE = Path(__file__).resolve().parents[1] / "manage.py"
# A run that has not said anything for this long is taken for dead (its progress is noted at
# least every 200 pages, a few seconds apart).
SILENT_FOR = timedelta(minutes=15)
# A queued run whose process has not started within this is taken for dead too.
NOT_STARTED_FOR = timedelta(minutes=2)


class AlreadyRunning(Exception):
    """Another import is queued or running."""


def start(database, img, mapping_text, dry_run, user):
    """Records a queued run and starts its process once the row is committed. Raises
    AlreadyRunning when another run is active."""
    run = _record_active(
        status=ImportRun.QUEUED,
        dry_run=dry_run,
        user=user,
        database=database,
        img=img,
        mapping_text=mapping_text,
        progress=_("Waiting for the import to start"),
    )
    transaction.on_commit(lambda: _spawn(run))
    return run


def _record_active(**fields):
    """The new active run, or AlreadyRunning: the database keeps one active at a time."""
    settle_dead_runs()
    try:
        with transaction.atomic():
            return ImportRun.objects.create(active=True, **fields)
    except IntegrityError as error:
        raise AlreadyRunning from error


def _spawn(run):
    command = [sys.executable, str(MANAGE), "import_spip", "--run", str(run.pk)]
    try:
        process = subprocess.Popen(  # noqa: S603 (our own command, the run's number)
            command,
            cwd=MANAGE.parent,
            env=os.environ.copy(),
            stdin=subprocess.DEVNULL,
            # The report goes into the run's row; errors, with the web server's own logs.
            stdout=subprocess.DEVNULL,
            start_new_session=True,  # not stopped with the request's worker
        )
    except OSError as error:
        logger.exception("The SPIP import could not start")
        _fail(run.pk, _("The import could not start (%(error)s).") % {"error": error})
        return
    # Reaped when it ends, so that it leaves no zombie process behind in the web server.
    threading.Thread(target=process.wait, daemon=True).start()


def active_run():
    settle_dead_runs()
    return ImportRun.objects.filter(active=True).first()


def settle_dead_runs():
    """Marks interrupted the active runs whose process is gone: seen gone on this machine, or
    silent too long when it runs elsewhere or has not started (on SQLite a run cannot note
    its progress while it writes: a long import there is alive, not silent)."""
    now = timezone.now()
    for run in ImportRun.objects.filter(active=True):
        last = run.heartbeat_at or run.started_at
        here = run.host == socket.gethostname() and run.pid
        silent = now - last > (SILENT_FOR if run.status == ImportRun.RUNNING else NOT_STARTED_FOR)
        if (not _alive(run.pid)) if here else silent:
            _fail(run.pk, _("The import stopped before its end: nothing was written."))


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A process that ended but was not reaped yet is a zombie: gone all the same.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def _fail(pk, message):
    ImportRun.objects.filter(pk=pk, active=True).update(
        status=ImportRun.FAILED,
        active=False,
        succeeded=False,
        finished_at=timezone.now(),
        progress="",
        report={"problems": [[_("SPIP import"), message]]},
    )


def run_queued(pk):
    """What `import_spip --run N` does: the queued run N, to its end. Returns its Report, or
    None when the run is not waiting (already started, or settled)."""
    updated = ImportRun.objects.filter(pk=pk, status=ImportRun.QUEUED, active=True).update(
        status=ImportRun.RUNNING,
        pid=os.getpid(),
        host=socket.gethostname(),
        heartbeat_at=timezone.now(),
    )
    if not updated:
        return None
    run = ImportRun.objects.get(pk=pk)
    return _run(run, run.database, mapping_text=run.mapping_text or None)


def run_here(database, img, mapping_path=None, dry_run=False, user=None):
    """What `import_spip --database … --img …` does: the import in this process, recorded as
    the active run like one started in the admin, so that the admin shows its progress and
    starts no other meanwhile. Raises AlreadyRunning when another run is active."""
    run = _record_active(
        status=ImportRun.RUNNING,
        dry_run=dry_run,
        user=user,
        database=without_password(database),
        img=img,
        pid=os.getpid(),
        host=socket.gethostname(),
        heartbeat_at=timezone.now(),
        progress=_("Reading the SPIP site"),
    )
    return _run(run, database, mapping_path=mapping_path)


def _run(run, database, mapping_text=None, mapping_path=None):
    progress = Progress(run.pk)
    try:
        return run_import(
            database,
            run.img,
            mapping_path=mapping_path,
            mapping_text=mapping_text,
            dry_run=run.dry_run,
            user=run.user,
            run=run,
            progress=progress,
        )
    except Exception as error:
        logger.exception("The SPIP import %s failed", run.pk)
        _fail(run.pk, _("The import failed: %(error)s. Nothing was written.") % {"error": error})
        raise
    finally:
        progress.close()
        if not run.dry_run:  # the password, if any, is not kept once it is no longer needed
            ImportRun.objects.filter(pk=run.pk).update(database=without_password(run.database))


def without_password(url):
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _sep, credentials = head.partition("//")
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{tail}"


class Progress:
    """Writes where the run is into its row while the import's own transaction is still open:
    through a second connection of its own, so the admin sees it at once. (SQLite allows one
    writer at a time: there, only the start and the end are seen.)"""

    def __init__(self, pk):
        self.pk, self.connection = pk, None
        if connections[DEFAULT_DB_ALIAS].vendor == "postgresql":
            self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
        self.table = connections[DEFAULT_DB_ALIAS].ops.quote_name(ImportRun._meta.db_table)

    def __call__(self, text):
        if self.connection is None:
            return
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {self.table} SET progress = %s, heartbeat_at = %s "  # noqa: S608
                "WHERE id = %s AND active",
                [text[:200], timezone.now(), self.pk],
            )

    def close(self):
        if self.connection is not None:
            self.connection.close()
