"""Wagtail's default "Editors" and "Moderators" become our Rédacteurs and Modérateurs (renamed,
so their members stay), with the permissions and the review workflow of editorial.roles."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial import roles

    roles.rename_wagtail_groups(apps)
    roles.apply_roles(apps)


def backwards(apps, schema_editor):
    from editorial import roles

    Group = apps.get_model("auth", "Group")
    for name, wagtail_name in roles.WAGTAIL_NAMES.items():
        if not Group.objects.filter(name=wagtail_name).exists():
            Group.objects.filter(name=name).update(name=wagtail_name)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
