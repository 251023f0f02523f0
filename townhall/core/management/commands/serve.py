"""`townhall serve`: the production-grade WSGI server (waitress) with static files via WhiteNoise."""

from __future__ import annotations

import socket

from django.core.management.base import BaseCommand, CommandError


def ensure_port_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise CommandError(
                f"port {port} on {host} is already in use or not allowed ({exc.strerror}); "
                "choose another with --port."
            ) from None


class Command(BaseCommand):
    help = "Serve the web app (waitress). Put a TLS-terminating reverse proxy in front in production."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        ensure_port_free(host, port)
        from waitress import serve

        from townhall.wsgi import application

        self.stdout.write(f"Townhall is serving on http://{host}:{port}/", ending="\n")
        self.stdout.flush()
        serve(application, host=host, port=port, threads=threads, ident="townhall")
