"""`townhall listening rebuild-rollups`: recompute the dashboard counts from the stored mentions.

For after a restore, a bulk load that bypassed the pipeline, or a doubt: the rollups are kept
at ingest and deletion, and this brings them back to exactly what the mentions say.
"""

from django.core.management.base import BaseCommand

from townhall.audit.services import record
from townhall.listening import rollups


class Command(BaseCommand):
    help = "Listening maintenance. `townhall listening rebuild-rollups` recomputes the dashboard counts."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild-rollups"])

    def handle(self, *args, **options):
        summary = rollups.rebuild()
        record(None, "listening.rollups.rebuild", object_type="listening.rollups",
               object_repr=f"rollups rebuilt from {summary['mentions']} mentions", after=summary)
        self.stdout.write(
            f"Rebuilt from {summary['mentions']:,} mentions: {summary['day_rows']:,} day rows, "
            f"{summary['hour_rows']:,} hour rows ({summary['compacted']:,} below the kept top values dropped)."
        )
