from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from spip.background import AlreadyRunning, run_here, run_queued


class Command(BaseCommand):
    help = (
        "Import a SPIP site (its MySQL/MariaDB database and its IMG/ folder): pages, files, "
        "themes, and its old addresses as permanent redirects. All or nothing; run it again to "
        "update (nothing is duplicated)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", help="mysql://user:pw@host:3306/spip")
        parser.add_argument("--img", help="The SPIP site's IMG/ folder.")
        parser.add_argument("--mapping", help="The mapping file (default: spip/mapping.toml).")
        parser.add_argument("--dry-run", action="store_true", help="Report, write nothing.")
        parser.add_argument("--user", help="Username the revisions are recorded under.")
        parser.add_argument(
            "--run",
            type=int,
            help="Run the import a moderator started in the admin (its number); the admin "
            "starts this itself.",
        )

    def handle(self, *args, **options):
        if options["run"] is not None:
            report = run_queued(options["run"])
            if report is None:
                raise CommandError(
                    _("Import no. %(run)s is not waiting to be started.") % {"run": options["run"]}
                )
        else:
            if not options["database"] or not options["img"]:
                raise CommandError(_("Give --database and --img."))
            user = None
            if options["user"]:
                user = get_user_model().objects.filter(username=options["user"]).first()
                if user is None:
                    raise CommandError(_("No user « %(user)s ».") % {"user": options["user"]})
            try:
                report = run_here(
                    options["database"],
                    options["img"],
                    mapping_path=options["mapping"],
                    dry_run=options["dry_run"],
                    user=user,
                )
            except AlreadyRunning as error:
                raise CommandError(
                    _(
                        "A SPIP import is already running: nothing was written. Wait for its "
                        "end (the admin shows where it is: Settings › Import a SPIP site)."
                    )
                ) from error
        for line in report.lines():
            self.stdout.write(line)
        if not report.succeeded:
            raise CommandError(_("SPIP import: nothing was written."))
