from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from articles.interchange import ImportFileError, import_rows, read_rows, validate


def language_of(options):
    """--language, or the active language: LANGUAGE_CODE (French) from the shell, the
    caller's when called from code (a view)."""
    return options["language"] or translation.get_language() or settings.LANGUAGE_CODE


def add_language_argument(parser):
    parser.add_argument(
        "--language",
        choices=[code for code, _name in settings.LANGUAGES],
        help="language of the messages (default: the site's, LANGUAGE_CODE, that is French)",
    )


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
        add_language_argument(parser)

    def handle(self, *args, **options):
        with translation.override(language_of(options)):
            self.import_file(options)

    def import_file(self, options):
        try:
            rows = validate(read_rows(options["file"], options["format"]))
            plan = import_rows(rows, dry_run=options["dry_run"])
        except ImportFileError as exc:
            count = len(exc.errors)
            raise CommandError(
                ngettext(
                    "Nothing imported: %(count)d problem.",
                    "Nothing imported: %(count)d problems.",
                    count,
                )
                % {"count": count}
                + "\n"
                + "\n".join(exc.errors)
            ) from exc
        self.stdout.write(plan.summary(dry_run=options["dry_run"]))
        if options["verbosity"] > 1:
            for label, urls in (
                (_("created: %(url)s"), plan.created),
                (_("updated: %(url)s"), plan.updated),
                (_("unchanged: %(url)s"), plan.unchanged),
            ):
                for url in urls:
                    self.stdout.write("  " + label % {"url": url})
