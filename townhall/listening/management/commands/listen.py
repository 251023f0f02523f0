"""`townhall listen`: run a listening source in the foreground.

    townhall listen --source bluesky --url wss://bsky.network [--pds-url URL] [--batch-size 500]
    townhall listen --source NAME_OR_ID          # poll one Mastodon/feed source once
    townhall listen --poll                       # poll every due source once
    townhall listen --import FILE.csv|FILE.json  # import an export through the pipeline
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from townhall.listening.models import Source
from townhall.listening.sources.base import SourceError


class Command(BaseCommand):
    help = "Run the Bluesky firehose consumer, poll sources, or import a CSV/JSON export."

    def add_arguments(self, parser):
        parser.add_argument("--source", help="'bluesky', or the name/id of a Mastodon or feed source")
        parser.add_argument("--url", default="wss://bsky.network", help="firehose base URL (relay or PDS)")
        parser.add_argument("--name", default="Bluesky firehose", help="the Source row holding the cursor")
        parser.add_argument("--pds-url", default="", help="resolve handles on this PDS (describeRepo)")
        parser.add_argument("--plc-url", default="", help="PLC directory for handle resolution")
        parser.add_argument("--no-lookup", action="store_true", help="never resolve DIDs to handles")
        parser.add_argument("--batch-size", type=int, default=500)
        parser.add_argument("--max-wait", type=float, default=2.0, help="seconds before a partial batch is stored")
        parser.add_argument("--max-events", type=int, default=None, help="stop after this many events")
        parser.add_argument("--poll", action="store_true", help="poll every due Mastodon/feed source once")
        parser.add_argument("--import", dest="import_path", help="CSV or JSON file to import")

    def handle(self, *args, **o):
        logging.getLogger("townhall").setLevel(logging.INFO)
        if o["import_path"]:
            return self._import(Path(o["import_path"]))
        if o["poll"]:
            from townhall.listening.runner import poll_due

            for r in poll_due():
                self._report(r)
            return
        name = o["source"]
        if not name:
            raise CommandError("Say which source: --source bluesky, --source <name>, --poll or --import FILE.")
        if name == "bluesky":
            return self._firehose(o)
        source = Source.objects.filter(pk=int(name)).first() if name.isdigit() else Source.objects.filter(
            name=name).first()
        if source is None:
            known = ", ".join(Source.objects.values_list("name", flat=True)) or "none yet"
            raise CommandError(f"No source {name!r}; sources: {known}.")
        from townhall.listening.runner import poll

        self._report(poll(source))

    def _report(self, r):
        if r.ok:
            c = r.counts
            self.stdout.write(f"{r.source}: {c.posts} posts, {c.matched} matched, {c.stored} stored, "
                              f"{c.duplicates} duplicates, {c.never_stored} never-to-store dropped")
        else:
            self.stderr.write(f"{r.source}: {r.error}")

    def _import(self, path: Path):
        from townhall.listening.runner import import_posts

        if not path.is_file():
            raise CommandError(f"{path} is not a file.")
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in ("csv", "json"):
            raise CommandError("Import a .csv or .json file.")
        try:
            summary = import_posts(None, path.read_bytes(), fmt)
        except SourceError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(json.dumps(summary, indent=2))

    def _firehose(self, o):
        from townhall.listening.runner import consume_bluesky

        if o["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        source, _ = Source.objects.get_or_create(
            name=o["name"], defaults={"kind": Source.Kind.BLUESKY, "config": {"url": o["url"]}}
        )
        consumer = consume_bluesky(
            source, o["url"], pds_url=o["pds_url"], plc_url=o["plc_url"], lookup=not o["no_lookup"],
            batch_size=o["batch_size"], max_wait=o["max_wait"], max_events=o["max_events"],
        )
        self.stdout.write(f"Listening to {consumer.url} from cursor {consumer.committed or 'live'}; Ctrl-C stops.")
        try:
            stats = consumer.run()
        except KeyboardInterrupt:
            consumer.stop()
            stats = consumer.stats
        self.stdout.write(f"{stats.events} events, {stats.posts} posts, {stats.stored} stored, "
                          f"{stats.batches} batches, {stats.reconnects} reconnects; cursor {consumer.committed}.")
