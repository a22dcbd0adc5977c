from django.core.management.base import CommandError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles.management.commands.import_articles import (
    BilingualCommand,
    add_language_argument,
    language_of,
)
from library.interchange import SECTIONS, WRITERS, write_zip


class Command(BilingualCommand):
    help = gettext_lazy(
        "Export every decision or every document (published and draft, both languages) as a "
        "ZIP that import_library reads back: the spreadsheet and the files."
    )

    def add_arguments(self, parser):
        parser.add_argument("section", choices=sorted(SECTIONS), help=_("what to export"))
        parser.add_argument("file", help=_("the .zip file to write"))
        parser.add_argument(
            "--format",
            choices=sorted(WRITERS),
            default="csv",
            help=_("the spreadsheet inside the ZIP: csv (default), excel or json"),
        )
        add_language_argument(parser)

    def handle(self, *args, **options):
        with translation.override(language_of(options)):
            if not options["file"].lower().endswith(".zip"):
                raise CommandError(_("Use a .zip file name."))
            with open(options["file"], "wb") as out:
                write_zip(SECTIONS[options["section"]], out, options["format"])
            self.stderr.write(_("Exported to %(file)s.") % {"file": options["file"]})
