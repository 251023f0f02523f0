import json

from django.core.management.base import BaseCommand, CommandError

from townhall.web.status import checks


class Command(BaseCommand):
    help = (
        "Print the system status (worker, schedule, late posts, listening sources). Exit 1 when "
        "something has stopped, so a cron job or monitor can alert; --format json for scripts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **options):
        found = checks()
        if options["format"] == "json":
            self.stdout.write(json.dumps([c.__dict__ for c in found], indent=2))
        else:
            width = max((len(c.name) for c in found), default=0)
            mark = {"ok": "ok  ", "warn": "WARN", "fail": "FAIL"}
            for c in found:
                self.stdout.write(f"{mark[c.state]}  {c.area:<10} {c.name:<{width}}  {c.detail}")
        stopped = [c for c in found if c.state == "fail"]
        if stopped:
            raise CommandError(f"{len(stopped)} check(s) say something has stopped.", returncode=1)
