"""The stored search vectors of existing articles rebuilt from the text of their blocks: they
held the body's JSON, so a block's type (« paragraphe », `heading`, `link_list`), its id or a
link's address found every article with such a block (articles.search.searched_texts)."""

from django.db import migrations


def rebuild_vectors(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    if apps.get_model("articles", "ArticlePage").objects.exists():
        # The current definition of the searched text, as 0005 does; nothing to compute on a
        # fresh database.
        from articles.search import update_search_vectors

        update_search_vectors()


class Migration(migrations.Migration):
    dependencies = [("articles", "0005_search_vectors")]

    operations = [migrations.RunPython(rebuild_vectors, migrations.RunPython.noop)]
