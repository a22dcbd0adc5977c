"""Indexes on the translated columns of Wagtail's page table.

wagtail-modeltranslation adds `slug_fr`, `slug_en`, `title_fr`… to `wagtailcore_page` after
the migrations have run (its `migrate` ends with `sync_page_translation_fields`), so no
migration of ours can index them. Routing looks a page up by its slug in the visitor's
language among its siblings: without an index, an article URL scans every page (4 ms at
10,000 articles). After Wagtail's own migrations, this adds the columns if they are missing
(the same sync, so nothing is done twice) and indexes the slugs, on PostgreSQL and SQLite."""

import contextlib
import io

from django.core.management import call_command
from django.db import connections

from .i18n import LANGUAGE_CODES

PAGE_TABLE = "wagtailcore_page"


def slug_index_name(code):
    return f"wagtailcore_page_slug_{code}_idx"


def ensure_translated_page_columns(sender, using="default", **kwargs):
    """post_migrate, once Wagtail's page table exists: translated columns, and their indexes."""
    if sender.label != "wagtailcore":
        return
    connection = connections[using]
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(cursor, PAGE_TABLE)
        }
    if any(f"slug_{code}" not in columns for code in LANGUAGE_CODES) and using == "default":
        # The sync reads the default connection and prints what it does.
        with contextlib.redirect_stdout(io.StringIO()):
            call_command("sync_page_translation_fields", interactive=False)
    with connection.cursor() as cursor:
        for code in LANGUAGE_CODES:
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {slug_index_name(code)} ON {PAGE_TABLE} (slug_{code})"
            )
