"""The association's settings and donation page moved to the `association` app (issue 12):
their tables are renamed after it and home forgets them; association/0001 takes them over,
data, translation columns and content types included."""

from django.db import migrations

MOVED = ("associationsettings", "donationpage", "donationsettings")


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0002_site_settings_donation_page"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name=name, table=f"association_{name}")
                for name in MOVED
            ],
            state_operations=[migrations.DeleteModel(name=name) for name in MOVED],
        ),
    ]
