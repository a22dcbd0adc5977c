"""One run of the SPIP import, all or nothing: read the site and the mapping, plan, write in
one transaction (rolled back for a dry run, or when a row fails), record the run."""

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .mapping import MappingError, check_against, load_mapping, parse_mapping
from .models import ImportRun
from .plan import make_plan
from .reader import SpipReadError, read_site
from .report import Report
from .writer import ItemError, Writer


def quiet(text):
    """A progress callback that tells no one (the command and the tests)."""


def run_import(
    database,
    img,
    mapping_path=None,
    mapping_text=None,
    dry_run=False,
    user=None,
    run=None,
    progress=quiet,
):
    """The Report of importing the SPIP site at `database` (a mysql:// URL) with its IMG/
    folder `img`. Nothing is written when the report has problems or for a dry run. The run
    is recorded in `run` (an ImportRun started from the admin) or a new ImportRun; `progress`
    is told, in French, where the run is."""
    report = Report(dry_run=dry_run)
    run = run or ImportRun(dry_run=dry_run, user=user)
    with translation.override("fr"):
        try:
            progress(_("Reading the SPIP site"))
            mapping = parse_mapping(mapping_text) if mapping_text else load_mapping(mapping_path)
            site = read_site(database, img)
        except (MappingError, SpipReadError) as error:
            report.problems.append((_("SPIP import"), str(error)))
        else:
            report.spip_items = site.count()
            report.problems += [(_("mapping"), message) for message in check_against(mapping, site)]
            plan = make_plan(site, mapping)
            report.problems += plan.problems
            report.skipped = plan.skipped
            if not report.problems:
                _write(site, mapping, plan, report, user, dry_run, progress)
    report.succeeded = not report.problems
    run.succeeded, run.finished_at, run.report = report.succeeded, timezone.now(), report.as_dict()
    run.status, run.active, run.progress = ImportRun.FINISHED, False, ""
    run.save()
    return report


def _write(site, mapping, plan, report, user, dry_run, progress):
    try:
        with transaction.atomic():
            Writer(site, mapping, plan, report, user, progress).write()
            if dry_run:
                progress(_("Dry run: undoing what was written"))
                transaction.set_rollback(True)
            else:
                progress(_("Saving the import"))
    except ItemError as error:
        report.problems.append((error.label, error.message))
