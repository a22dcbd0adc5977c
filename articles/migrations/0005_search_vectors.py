"""One stored tsvector per language on each article, so that a search reads an index instead of
computing every article's vector (articles.search). The columns exist on every database; the GIN
indexes and the vectors only on PostgreSQL (SQLite cannot create a GIN index, and searches
there without the vectors)."""

import django.contrib.postgres.search
from django.db import migrations

INDEXES = {"article_search_fr": "search_vector_fr", "article_search_en": "search_vector_en"}


def fill_and_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    if apps.get_model("articles", "ArticlePage").objects.exists():
        # The current definition of the vectors: on a fresh database (no article, and not
        # yet the per-language title columns wagtail-modeltranslation adds after migrating)
        # there is nothing to compute.
        from articles.search import update_search_vectors

        update_search_vectors()
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON articles_articlepage USING gin ({column})"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0004_newest_first_index")]

    operations = [
        migrations.AddField(
            model_name="articlepage",
            name="search_vector_en",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, serialize=False
            ),
        ),
        migrations.AddField(
            model_name="articlepage",
            name="search_vector_fr",
            field=django.contrib.postgres.search.SearchVectorField(
                editable=False, null=True, serialize=False
            ),
        ),
        migrations.RunPython(fill_and_index, drop_indexes),
    ]
