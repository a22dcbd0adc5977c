from contextlib import nullcontext

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.interchange import ImportFileError, import_rows, read_rows, validate
from core.interchange import nothing_imported


def language_of(options):
    """--language, or the active language: LANGUAGE_CODE (French) from the shell, the
    caller's when called from code (a view)."""
    return options["language"] or translation.get_language() or settings.LANGUAGE_CODE


LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def add_language_argument(parser):
    parser.add_argument(
        "--language",
        choices=LANGUAGE_CODES,
        help=_("language of the messages (default: the site's, LANGUAGE_CODE, that is French)"),
    )


class BilingualCommand(BaseCommand):
    """A command whose `--help` is in the language of its messages: French from the shell,
    English with `--language en` (read before the arguments are parsed, since argparse
    prints the help while parsing them)."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        # argparse needs plain strings: the lazy `help` is resolved now, in the language
        # chosen; the arguments' help texts are translated as add_arguments declares them.
        self.help = str(self.help)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def run_from_argv(self, argv):
        lang = None
        for index, arg in enumerate(argv):
            if arg == "--language" and index + 1 < len(argv):
                lang = argv[index + 1]
            elif arg.startswith("--language="):
                lang = arg.split("=", 1)[1]
        override = translation.override(lang) if lang in LANGUAGE_CODES else nullcontext()
        with override:
            return super().run_from_argv(argv)


class Command(BilingualCommand):
    help = gettext_lazy(
        "Import press-review articles from a CSV or JSON file (columns in the README, examples "
        "in docs/). Every row is checked first: one bad row and nothing is imported. The id "
        "column identifies an article: importing the same file again updates what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("a .csv or .json file"))
        parser.add_argument(
            "--format",
            choices=["csv", "json"],
            help=_("when the file name does not say it"),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("check the file and say what would change"),
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
            raise CommandError(nothing_imported(exc.errors)) from exc
        self.stdout.write(plan.summary(dry_run=options["dry_run"]))
        if options["verbosity"] > 1:
            for label, urls in (
                (_("created: %(url)s"), plan.created),
                (_("updated: %(url)s"), plan.updated),
                (_("unchanged: %(url)s"), plan.unchanged),
                (_("left alone: %(url)s"), plan.left_alone),
            ):
                for url in urls:
                    self.stdout.write("  " + label % {"url": url})
