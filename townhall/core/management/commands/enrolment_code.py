"""`townhall enrolment_code USERNAME`: issue the code a person needs to set up their first
authenticator app (e.g. the first administrator, right after `createsuperuser`).

Whoever can run commands on the server is already trusted with everything, so this is the
out-of-band route that needs no other administrator. The code is printed once.
"""

from django.core.management.base import BaseCommand, CommandError

from townhall.core import enrolment
from townhall.core.models import User


class Command(BaseCommand):
    help = "Issue a one-time enrolment code for setting up two-factor sign-in (printed once)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"There is no user called {username!r}.")
        if not user.is_active:
            raise CommandError(f"{username} is deactivated; reactivate them first.")
        code, row = enrolment.issue(None, user)
        self.stdout.write(code)
        self.stderr.write(
            f"Works once, until {row.expires_at:%Y-%m-%d %H:%M} UTC. Give it to {username} in person or by phone."
        )
