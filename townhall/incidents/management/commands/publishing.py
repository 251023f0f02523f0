"""`townhall publishing pause --reason TEXT --as USER` and `townhall publishing resume --as USER`.

Institution-wide emergency stop (issue 14): while paused the worker sends nothing. Prints one
confirming line; a refusal (no permission, already paused, not paused) exits 1 with the reason.
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from townhall.incidents import containment
from townhall.incidents.management.commands._common import actor, refused_as_error


class Command(BaseCommand):
    help = "Pause or resume all publishing (governance, digital team, admins)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True, metavar="{pause,resume}")
        pause = sub.add_parser("pause", help="Stop all publishing now.")
        pause.add_argument("--reason", required=True)
        pause.add_argument("--as", dest="username", required=True)
        resume = sub.add_parser("resume", help="Let publishing go on.")
        resume.add_argument("--as", dest="username", required=True)

    def handle(self, *args, action: str, username: str, reason: str = "", **options):
        user = actor(username)
        if action == "pause":
            row = refused_as_error(lambda: containment.pause(user, reason))
            when = f"{row.paused_at:%Y-%m-%d %H:%M} UTC"
            self.stdout.write(f"Publishing paused by {user.username} at {when}: {row.reason}")
        else:
            row = refused_as_error(lambda: containment.resume(user))
            self.stdout.write(f"Publishing resumed by {user.username}; held posts go out now.")
