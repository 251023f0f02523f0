"""`townhall demo`: a working Townhall on this machine in one command, SQLite, no services."""

from __future__ import annotations

import base64
import logging
import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from townhall.core.demo import DEMO_PASSWORD, load_demo
from townhall.core.management.commands.serve import ensure_port_free


def _stop(signum, frame):
    raise KeyboardInterrupt


class Command(BaseCommand):
    help = "Create a demo institution in the data folder, then run the web server and a worker."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--no-input", action="store_true", help="never prompt")
        parser.add_argument("--no-serve", action="store_true", help="load the data, print logins, exit")

    def handle(self, *args, port, host, no_input, no_serve, **options):
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        if not no_serve:
            ensure_port_free(host, port)
        self.stdout.write(f"Data folder: {settings.DATA_DIR}")
        call_command("migrate", interactive=False, verbosity=0)
        people = load_demo()
        self._print_logins(people, host, port)
        if no_serve:
            return
        # Quiet: warnings only, so the logins above stay on screen (TOWNHALL_LOG_LEVEL overrides).
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        env.setdefault("TOWNHALL_LOG_LEVEL", "WARNING")
        logging.getLogger("townhall").setLevel(env["TOWNHALL_LOG_LEVEL"])
        worker = subprocess.Popen([sys.executable, "-m", "townhall", "worker"], env=env)
        # SIGTERM (a service manager, `kill`) ends the demo like Ctrl-C, so the worker is stopped
        # too instead of being left running on its own. SIGINT is set as well: a demo started in
        # the background of a script inherits SIGINT ignored, and `kill -INT` would do nothing.
        previous = signal.signal(signal.SIGTERM, _stop)
        previous_int = signal.signal(signal.SIGINT, _stop)
        try:
            call_command("serve", host=host, port=port)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
            signal.signal(signal.SIGINT, previous_int)
            worker.terminate()
            try:
                worker.wait(timeout=10)
            except subprocess.TimeoutExpired:
                worker.kill()
            self.stdout.write("Demo stopped (web server and worker). The logins, for next time:")
            self._print_logins(people, host, port)

    def _print_logins(self, people, host, port):
        out = self.stdout
        out.write("")
        out.write(f"Townhall demo: http://{host}:{port}/")
        out.write(f"Every demo login uses the password: {DEMO_PASSWORD}")
        for user in people.values():
            line = f"  {user.username:<8} {user.get_role_display():<20} {user.org_unit}"
            device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
            if device:
                secret = base64.b32encode(device.bin_key).decode()
                line += f"  (two-factor: add secret {secret} to an authenticator app,"
                line += f" or run `townhall otp {user.username}`)"
            out.write(line)
        out.write("")
