from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

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
                raise CommandError(f"L’import n° {options['run']} n’attend pas d’être lancé.")
        else:
            if not options["database"] or not options["img"]:
                raise CommandError("Donnez --database et --img.")
            user = None
            if options["user"]:
                user = get_user_model().objects.filter(username=options["user"]).first()
                if user is None:
                    raise CommandError(f"Pas d’utilisateur « {options['user']} ».")
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
                    "Un import SPIP est déjà en cours : rien n’a été écrit. Attendez sa fin "
                    "(l’administration montre où il en est : Paramètres › Importer un site SPIP)."
                ) from error
        for line in report.lines():
            self.stdout.write(line)
        if not report.succeeded:
            raise CommandError("Import SPIP : rien n’a été écrit.")
