from django.core.management.base import BaseCommand, CommandError

from articles.interchange import ImportFileError, import_rows, read_rows, validate


class Command(BaseCommand):
    help = (
        "Import press-review articles from a CSV or JSON file (columns in the README, examples "
        "in docs/). Every row is checked first: one bad row and nothing is imported. The source "
        "URL identifies an article: importing the same file again updates what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv or .json file")
        parser.add_argument(
            "--format", choices=["csv", "json"], help="when the file name does not say it"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check the file and say what would change"
        )

    def handle(self, *args, **options):
        try:
            rows = validate(read_rows(options["file"], options["format"]))
            plan = import_rows(rows, dry_run=options["dry_run"])
        except ImportFileError as exc:
            raise CommandError(
                f"Nothing imported: {len(exc.errors)} problem(s).\n" + "\n".join(exc.errors)
            ) from exc
        prefix = "Dry run, nothing written: would be " if options["dry_run"] else ""
        summary = plan.summary()
        if options["dry_run"]:
            summary = summary.replace(" created", " to create").replace(" updated", " to update")
        self.stdout.write(f"{prefix}{summary}.")
        if options["verbosity"] > 1:
            for label, urls in (
                ("created", plan.created),
                ("updated", plan.updated),
                ("unchanged", plan.unchanged),
            ):
                for url in urls:
                    self.stdout.write(f"  {label}: {url}")
