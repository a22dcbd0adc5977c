"""PostgreSQL only: the `unaccent` extension and two text search configurations, `infomie_fr`
and `infomie_en` (`french` and `english` with accents removed before stemming), so that
"etrangers" finds "étrangers" and "enfants" finds "enfant". Nothing happens on SQLite."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

CONFIGS = {"infomie_fr": "french", "infomie_en": "english"}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, base in CONFIGS.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word "
            f"WITH unaccent, {base}_stem"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_body_donation_block")]

    operations = [
        # CreateExtension does nothing on databases other than PostgreSQL.
        UnaccentExtension(),
        migrations.RunPython(create_configurations, drop_configurations),
    ]
