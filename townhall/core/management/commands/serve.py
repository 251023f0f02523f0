"""`townhall serve`: the production-grade WSGI server (waitress) with static files via WhiteNoise.

Behind a TLS-terminating proxy the original scheme and client address arrive in
X-Forwarded-Proto and X-Forwarded-For. They are believed only from the addresses in
TOWNHALL_TRUSTED_PROXY (default: this machine), through waitress's own proxy-header handling
(`trusted_proxy`, `trusted_proxy_headers`, one proxy hop); from anyone else they are dropped.
Without this, production mode's HTTPS redirect would loop and HSTS would never be sent.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterable

from django.core.management.base import BaseCommand, CommandError

PROXY_HEADERS = frozenset({"x-forwarded-proto", "x-forwarded-for"})


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


def behind_proxies(app: Callable, trusted: Iterable[str]) -> Callable:
    """Wrap a WSGI app so proxy headers count only from the trusted addresses.

    Waitress's `trusted_proxy` takes one address; this dispatches per peer to waitress's own
    middleware configured for that address, so several proxies (or IPv4 and IPv6 loopback) work.
    """
    from waitress.proxy_headers import proxy_headers_middleware

    per_peer = {
        addr: proxy_headers_middleware(
            app, trusted_proxy=addr, trusted_proxy_count=1, trusted_proxy_headers=set(PROXY_HEADERS)
        )
        for addr in trusted
    }
    untrusted = proxy_headers_middleware(app, trusted_proxy=None, clear_untrusted=True)

    def wsgi(environ, start_response):
        return per_peer.get(environ.get("REMOTE_ADDR", ""), untrusted)(environ, start_response)

    return wsgi


def build_server(application: Callable, host: str, port: int, threads: int, trusted: Iterable[str]):
    """The waitress server `handle` runs (port 0 picks a free one; tests start it on loopback)."""
    from waitress import create_server

    return create_server(
        behind_proxies(application, trusted),
        host=host,
        port=port,
        threads=threads,
        ident="townhall",
        clear_untrusted_proxy_headers=False,  # behind_proxies clears them itself
    )


class Command(BaseCommand):
    help = "Serve the web app (waitress). Put a TLS-terminating reverse proxy in front in production."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        from django.conf import settings

        if not 0 < port < 65536:
            raise CommandError(f"--port must be between 1 and 65535, not {port}.")
        ensure_port_free(host, port)
        from townhall.wsgi import application

        trusted = settings.TOWNHALL_TRUSTED_PROXIES
        server = build_server(application, host, port, threads, trusted)
        self.stdout.write(f"Townhall is serving on http://{host}:{port}/", ending="\n")
        self.stdout.write(
            f"Proxy headers are trusted from: {', '.join(trusted) if trusted else 'no one'}.", ending="\n"
        )
        self.stdout.flush()
        server.run()
