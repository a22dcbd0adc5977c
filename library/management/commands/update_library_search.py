from django.core.management.base import BaseCommand
from django.utils.translation import gettext_lazy

from wagtail.documents import get_document_model

from library.models import DecisionPage, DocumentPage
from library.search import update_page_vectors
from library.signals import store_document_text


class Command(BaseCommand):
    help = gettext_lazy(
        "Read the text of the documents whose file was never read (uploaded before the library "
        "app, or restored from a backup), or of all of them with --all; then recompute the "
        "search vectors of every decision and document (PostgreSQL)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="read every document again")

    def handle(self, *args, **options):
        documents = get_document_model().objects.order_by("pk")
        if not options["all"]:
            documents = documents.filter(extracted_text__isnull=True)
        read = flagged = 0
        for document in documents.iterator():
            row = store_document_text(document)
            read += 1
            flagged += bool(row is None or row.is_flagged)
        for model in (DecisionPage, DocumentPage):
            update_page_vectors(model, list(model.objects.values_list("pk", flat=True)))
        if options["verbosity"]:
            self.stdout.write(
                f"{read} document(s) read, {flagged} flagged; search vectors updated."
            )
