from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy

from home.site_tree import ensure_guides_section, ensure_library_sections, ensure_site_tree


class Command(BaseCommand):
    help = gettext_lazy(
        "Create the sections every site needs (the home page and the news section, with their "
        "French and English titles and addresses) when they are missing, so that a site started "
        "without the demo content can import articles. Idempotent."
    )

    def handle(self, *args, **options):
        with translation.override("fr"), transaction.atomic():
            home, index = ensure_site_tree()
            case_law, library = ensure_library_sections(home)
            guides = ensure_guides_section(home)
        if options["verbosity"]:
            self.stdout.write(
                f"Sections ready: {home.title_fr}, {index.title_fr}, {case_law.title_fr}, "
                f"{library.title_fr}, {guides.title_fr}."
            )
