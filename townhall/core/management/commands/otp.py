"""`townhall otp USERNAME`: print the current TOTP code of a demo user's authenticator.

Only works in the demo (devices named "Demo authenticator"); real users' secrets are
never shown.
"""

from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Print the current one-time code of a demo user (demo data only)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        device = TOTPDevice.objects.filter(
            user__username=username, confirmed=True, name="Demo authenticator"
        ).first()
        if device is None:
            raise CommandError(f"{username} has no demo authenticator; this command serves the demo only.")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
        self.stdout.write(f"{code:0{device.digits}d}")
