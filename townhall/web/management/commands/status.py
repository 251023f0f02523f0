import json
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone

from townhall.web.status import SourceRow, overview


def _when(moment: datetime | None) -> str:
    if moment is None:
        return "never"
    local = timezone.localtime(moment)
    return f"{local.day} {local:%b %Y %H:%M}"


def _detail(row: SourceRow) -> str:
    detail = f"{row.state}; last data {_when(row.last_event)}, last tried {_when(row.last_tried)}"
    return detail + (f"; last problem: {row.last_error[:200]}" if row.last_error else "")


def _source_entry(row: SourceRow) -> dict:
    return {
        "area": "Listening",
        "name": f"{row.kind}: {row.name}",
        "state": row.tone,
        "detail": _detail(row),
        "url": reverse("listening:sources"),
        "source": row.name,
        "kind": row.kind,
        "source_state": row.state,
        "last_data": row.last_event.isoformat() if row.last_event else None,
        "last_tried": row.last_tried.isoformat() if row.last_tried else None,
        "last_error": row.last_error,
    }


class Command(BaseCommand):
    help = (
        "Print the system status: worker, schedule, late posts, every listening source (paused too). "
        "Sources are listed as /status/ lists them, failing and paused ones included. Exit 1 when something "
        "has stopped, so a cron job or monitor can alert; --format json for scripts (one list: the checks, "
        "then one entry per source)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        # The same selector as the web page: one place says which checks show and what state each
        # source is in; a source's own health check is said once, in its row of the sources.
        found = overview()
        if options["format"] == "json":
            # Still one list of checks (scripts written for it keep working); each source is one
            # entry in the checks' shape, named as its check was, with its state in words added.
            rows = [c.__dict__ for c in found.checks] + [_source_entry(row) for row in found.sources]
            self.stdout.write(json.dumps(rows, indent=2))
        else:
            self._text(found)
        if found.stopped:
            raise CommandError(f"{len(found.stopped)} check(s) say something has stopped.", returncode=1)

    def _text(self, found) -> None:
        mark = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL"}
        width = max((len(c.name) for c in found.checks), default=0)
        for c in found.checks:
            self.stdout.write(f"{mark[c.state]}  {c.area:<10} {c.name:<{width}}  {c.detail}")
        self.stdout.write("")
        if not found.sources:
            self.stdout.write("Listening sources: none yet (add one under Listening › Sources).")
            return
        self.stdout.write(f"Listening sources, paused ones included (times in {timezone.get_current_timezone_name()}):")
        width = max(len(row.name) for row in found.sources)
        for row in found.sources:
            self.stdout.write(f"{mark[row.tone]}  {row.name:<{width}}  {row.kind}: {_detail(row)}")
