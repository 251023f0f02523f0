"""Text search on an index: a GIN index over the mention text's tsvector, on PostgreSQL only.

The 'simple' configuration (no stemming, no stop words) because mentions come in many
languages and people search for names and course codes. SQLite has no such index: the
mentions list falls back to LIKE there (small deployments). Created CONCURRENTLY is not
possible inside Django's migration transaction; on an existing large table run this
migration in a quiet moment (it takes about a minute per million mentions).
"""

from django.db import migrations

INDEX = "listening_mention_text_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON listening_mention USING gin (to_tsvector('simple', text))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("listening", "0002_rollups_rule_indexes")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
