"""The page tree's and the collections' root are called "Root" by Wagtail's migrations: a
title, not a translatable string, so the French admin showed "Exploration : Root". Editors
work in French: "Racine". A root someone already renamed is left alone."""

from django.db import migrations

ROOT_FR = "Racine"


def rename_roots(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title="Root").update(title=ROOT_FR)
    Page.objects.filter(depth=1, draft_title="Root").update(draft_title=ROOT_FR)
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_FR)


def restore_roots(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=ROOT_FR).update(title="Root")
    Page.objects.filter(depth=1, draft_title=ROOT_FR).update(draft_title="Root")
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=ROOT_FR).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_editorial_groups")]

    operations = [migrations.RunPython(rename_roots, restore_roots)]
