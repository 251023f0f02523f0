"""Seed the network recommendation table from the CSV that ships with Townhall.

Admins edit the table afterwards; `townhall.registry.recommend.load_table()` can reload
the shipped rows (without deleting an admin's own rows).
"""

import csv
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parent.parent / "data" / "network_audiences.csv"


def seed(apps, schema_editor):
    NetworkAudience = apps.get_model("registry", "NetworkAudience")
    with CSV_PATH.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            NetworkAudience.objects.update_or_create(
                audience=row["audience"],
                network=row["network"],
                defaults={"strength": int(row["strength"]), "reason": row["reason"], "source": row["source"]},
            )


def unseed(apps, schema_editor):
    NetworkAudience = apps.get_model("registry", "NetworkAudience")
    with CSV_PATH.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            NetworkAudience.objects.filter(audience=row["audience"], network=row["network"]).delete()


class Migration(migrations.Migration):
    dependencies = [("registry", "0003_lifecycle_security_recommendations")]

    operations = [migrations.RunPython(seed, unseed)]
