import sys

from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.interchange import export_records, write_csv, write_excel_csv, write_json

from .import_articles import BilingualCommand, add_language_argument, language_of


class Command(BilingualCommand):
    help = gettext_lazy(
        "Export every article (published and draft, both languages) in the format "
        "import_articles reads: CSV or JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            default="-",
            help=_("a .csv or .json file (default: standard output)"),
        )
        parser.add_argument(
            "--format",
            choices=["csv", "json"],
            help=_("when the file name does not say it"),
        )
        parser.add_argument(
            "--excel",
            action="store_true",
            help=_(
                "CSV for French Excel: UTF-8 with a byte-order mark and semicolons (as the "
                "admin's “Excel” export)"
            ),
        )
        add_language_argument(parser)

    def handle(self, *args, **options):
        with translation.override(language_of(options)):
            self.export(options["file"], options["format"], options["excel"])

    def export(self, path, file_format, excel=False):
        if file_format is None:
            file_format = path.rsplit(".", 1)[-1].lower() if path != "-" else "csv"
        if file_format not in ("csv", "json"):
            raise CommandError(_("Use a .csv or .json file name, or --format."))
        if excel and file_format != "csv":
            raise CommandError(_("--excel writes a CSV file, not JSON."))
        if file_format == "json":
            write = write_json
        else:
            write = write_excel_csv if excel else write_csv
        records = export_records()
        if path == "-":
            write(records, self.stdout if self.stdout else sys.stdout)
            return
        with open(path, "w", encoding="utf-8", newline="") as out:
            write(records, out)
        self.stderr.write(_("Articles exported to %(file)s.") % {"file": path})
