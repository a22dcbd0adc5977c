from django.core.management.base import BaseCommand
from django.db import connection

from articles.search import update_search_vectors


class Command(BaseCommand):
    help = (
        "Recompute every article's stored search vectors (PostgreSQL) from the text of its "
        "fields and blocks, one UPDATE per 500 articles: after changing how articles are "
        "searched, or after writing articles or themes in SQL."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Nothing to do: the vectors are used on PostgreSQL only.")
            return
        count = update_search_vectors()
        self.stdout.write(f"Search vectors updated for {count} article(s).")
