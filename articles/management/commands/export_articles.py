import sys

from django.core.management.base import BaseCommand, CommandError

from articles.interchange import export_records, shared_source_urls, write_csv, write_json


class Command(BaseCommand):
    help = (
        "Export every article (published and draft, both languages) in the format "
        "import_articles reads: CSV or JSON."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "file", nargs="?", default="-", help="a .csv or .json file (default: standard output)"
        )
        parser.add_argument("--format", choices=["csv", "json"])

    def handle(self, *args, **options):
        path = options["file"]
        file_format = options["format"]
        if file_format is None:
            file_format = path.rsplit(".", 1)[-1].lower() if path != "-" else "csv"
        if file_format not in ("csv", "json"):
            raise CommandError("Use a .csv or .json file name, or --format.")
        write = write_json if file_format == "json" else write_csv
        for url in shared_source_urls():
            self.stderr.write(
                f"Warning: several articles have the source URL {url!r}"
                if url
                else "Warning: some articles have no source URL"
            )
            self.stderr.write("  import_articles identifies articles by it: give each its own.")
        records = export_records()
        if path == "-":
            write(records, self.stdout if self.stdout else sys.stdout)
            return
        with open(path, "w", encoding="utf-8", newline="") as out:
            write(records, out)
        self.stderr.write(f"Articles exported to {path}.")
