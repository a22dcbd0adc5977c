"""GIN indexes on the stored search vectors (library.search), on PostgreSQL only (SQLite
cannot create them, and searches there without the vectors)."""

from django.db import migrations

INDEXES = {
    "library_decision_search_fr": ("library_decisionpage", "search_vector_fr"),
    "library_decision_search_en": ("library_decisionpage", "search_vector_en"),
    "library_document_search_fr": ("library_documentpage", "search_vector_fr"),
    "library_document_search_en": ("library_documentpage", "search_vector_en"),
    "library_pdf_text_search": ("library_documenttext", "search_vector"),
}


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, (table, column) in INDEXES.items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column})")


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("articles", "0003_search_configurations"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
