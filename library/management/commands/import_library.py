from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.management.commands.import_articles import (
    BilingualCommand,
    add_language_argument,
    language_of,
)
from core.interchange import ImportFileError, nothing_imported
from library.interchange import SECTIONS, import_rows, read_upload, validate


class Command(BilingualCommand):
    help = gettext_lazy(
        "Import decisions or documents from a ZIP (the spreadsheet and the files its rows name "
        "by their path inside the ZIP) or from a CSV or JSON file alone. Every row is checked "
        "first: one bad row and nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("section", choices=sorted(SECTIONS), help=_("what the file holds"))
        parser.add_argument("file", help=_("a .zip, .csv or .json file"))
        parser.add_argument(
            "--dry-run", action="store_true", help=_("check the file and say what would change")
        )
        add_language_argument(parser)

    def handle(self, *args, **options):
        with translation.override(language_of(options)):
            section = SECTIONS[options["section"]]
            try:
                upload = read_upload(options["file"], section)
                rows = validate(section, upload.content.rows, upload.archive)
                plan = import_rows(section, rows, upload.archive, dry_run=options["dry_run"])
            except ImportFileError as exc:
                raise CommandError(nothing_imported(exc.errors)) from exc
            self.stdout.write(plan.summary(dry_run=options["dry_run"]))
