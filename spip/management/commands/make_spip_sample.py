from django.core.management.base import BaseCommand, CommandError

from spip.reader import SpipReadError
from spip.sample import create_database, create_sample


class Command(BaseCommand):
    help = (
        "Create a sample SPIP 4 site (a MariaDB database and its IMG/ folder) to try "
        "import_spip on. The database is created; --replace drops it first."
    )

    def add_arguments(self, parser):
        parser.add_argument("--database", required=True, help="mysql://root@127.0.0.1:3306/spip")
        parser.add_argument("--img", required=True, help="Where to write the IMG/ folder.")
        parser.add_argument("--scale", type=int, default=1, help="Multiply the press items.")
        parser.add_argument("--replace", action="store_true")

    def handle(self, *args, **options):
        try:
            create_database(options["database"], replace=options["replace"])
            counts = create_sample(options["database"], options["img"], scale=options["scale"])
        except SpipReadError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{counts.items} SPIP items written, files in {options['img']}.")
