"""The hot path of a short link, in front of Django: a found, unexpired link is counted and
redirected without the middleware stack, URL resolver or per-request database reconnect.

Everything else (unknown or expired codes, a host not in ALLOWED_HOSTS, plain http where HTTPS is
required, any database error) goes on to Django, which answers exactly as the view in
``links/views.py`` would; so the fast path changes speed, never behaviour. Measured by
``bench/links_bench.py``.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import close_old_connections
from django.http.request import split_domain_port, validate_host
from django.utils import timezone
from django.utils.encoding import iri_to_uri

from townhall.links import services

log = logging.getLogger("townhall.links")
PREFIX = "/l/"


class ShortLinkFastPath:
    def __init__(self, app):
        self.app = app
        self.hsts = (
            f"max-age={settings.SECURE_HSTS_SECONDS}; includeSubDomains; preload"
            if getattr(settings, "SECURE_HSTS_SECONDS", 0) else ""
        )

    def _host_ok(self, environ) -> bool:
        host = environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")
        domain, _port = split_domain_port(host)
        return bool(domain) and validate_host(domain, settings.ALLOWED_HOSTS)

    def _secure_ok(self, environ) -> bool:
        if not getattr(settings, "SECURE_SSL_REDIRECT", False):
            return True
        return environ.get("wsgi.url_scheme") == "https" or environ.get("HTTP_X_FORWARDED_PROTO") == "https"

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "")
        if not path.startswith(PREFIX) or method not in ("GET", "HEAD"):
            return self.app(environ, start_response)
        code = path[len(PREFIX):]
        if not self._host_ok(environ) or not self._secure_ok(environ):
            return self.app(environ, start_response)
        try:
            link = services.resolve(code)
            if link is None or (link.expires_at is not None and timezone.now() >= link.expires_at):
                return self.app(environ, start_response)  # Django renders the 404 / 410 page
            services.count_click(link.id, user_agent=environ.get("HTTP_USER_AGENT", ""),
                                 referer=environ.get("HTTP_REFERER", ""), method=method)
        except Exception:  # a dropped database connection: Django's path reconnects and counts
            log.warning("short link fast path failed; answered by Django", exc_info=True)
            close_old_connections()
            return self.app(environ, start_response)
        headers = [
            # Percent-encoded as Django's redirect does: a header is Latin-1 on the wire, so "日本"
            # could not be sent and "é" went out as another byte (review of 2026-12-06).
            ("Location", iri_to_uri(link.destination)),
            ("Content-Length", "0"),
            ("Cache-Control", "no-store"),
            ("X-Robots-Tag", "noindex"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", settings.SECURE_REFERRER_POLICY or "same-origin"),
        ]
        secure = environ.get("wsgi.url_scheme") == "https" or (
            settings.SECURE_PROXY_SSL_HEADER is not None
            and environ.get(settings.SECURE_PROXY_SSL_HEADER[0]) == settings.SECURE_PROXY_SSL_HEADER[1]
        )  # a client's own X-Forwarded-Proto counts only behind a proxy set up to send it, as in Django
        if self.hsts and secure:
            headers.append(("Strict-Transport-Security", self.hsts))
        start_response("302 Found", headers)
        return [b""]
