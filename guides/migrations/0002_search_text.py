"""The searched text of every page of a guide (guides.text), filled for the pages already
there. The titles per language are columns wagtail-modeltranslation adds to Wagtail's page
table, outside the migrations' models: read with SQL."""

from django.db import migrations, models

from guides.text import searched_text


def fill_search_text(apps, schema_editor):
    models_ = [apps.get_model("guides", name) for name in ("GuidePage", "GuideSectionPage")]
    if not any(model.objects.exists() for model in models_):
        return
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = {
            column.name
            for column in connection.introspection.get_table_description(cursor, "wagtailcore_page")
        }
        titles = {}
        if {"title_fr", "title_en"} <= columns:
            cursor.execute("SELECT id, title_fr, title_en FROM wagtailcore_page")
            titles = {pk: (fr, en) for pk, fr, en in cursor.fetchall()}
    for model in models_:
        for page in model.objects.prefetch_related("themes").iterator(chunk_size=500):
            page.title_fr, page.title_en = titles.get(page.pk, (page.title, ""))
            themes = list(page.themes.all())
            model.objects.filter(pk=page.pk).update(
                search_text_fr=searched_text(page, "fr", themes),
                search_text_en=searched_text(page, "en", themes),
            )


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="guidepage",
            name="search_text_en",
            field=models.TextField(default="", editable=False, serialize=False),
        ),
        migrations.AddField(
            model_name="guidepage",
            name="search_text_fr",
            field=models.TextField(default="", editable=False, serialize=False),
        ),
        migrations.AddField(
            model_name="guidesectionpage",
            name="search_text_en",
            field=models.TextField(default="", editable=False, serialize=False),
        ),
        migrations.AddField(
            model_name="guidesectionpage",
            name="search_text_fr",
            field=models.TextField(default="", editable=False, serialize=False),
        ),
        migrations.RunPython(fill_search_text, migrations.RunPython.noop),
    ]
