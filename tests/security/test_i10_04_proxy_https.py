"""Issue 10, item 4: behind a TLS proxy, production mode neither loops nor forgets HSTS, and
`system-check --deploy` names the missing production secrets.

The real waitress server `townhall serve` builds is started on loopback; requests carry (or
not) the proxy's X-Forwarded-Proto.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from townhall.core.management.commands.serve import build_server


@pytest.fixture
def production_like(settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.ALLOWED_HOSTS = ["townhall.example.ac.uk"]


class Served:
    """A waitress server on a loopback port, run in a thread and stopped from inside its loop."""

    def __init__(self, app, trusted):
        self.server = build_server(app, "127.0.0.1", 0, threads=2, trusted=trusted)
        self.effective_port = self.server.effective_port
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()

    def close(self):
        def stop():  # runs in the server's loop: closing every channel empties its map, so run() returns
            for channel in list(self.server._map.values()):
                channel.close()

        try:
            self.server.trigger.pull_trigger(stop)
        except OSError:
            # The loop's wake-up pipe is already closed (seen once in CI, EBADF): the loop is no longer
            # running to take the call, so close what is left from here; teardown must not fail the test.
            for channel in list(self.server._map.values()):
                with contextlib.suppress(OSError):
                    channel.close()
        self.thread.join(timeout=10)
        self.server.task_dispatcher.shutdown()


def serving(app, trusted):
    return Served(app, trusted)


def get(server, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
    conn.request("GET", path, headers={"Host": "townhall.example.ac.uk", **(headers or {})})
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response, body


@pytest.fixture
def django_app(production_like):
    from django.core.handlers.wsgi import WSGIHandler

    return WSGIHandler()  # built after the settings above, as at start-up


STATIC = "/static/townhall/app.css"  # answered without the database, through the whole middleware


def test_https_from_the_trusted_proxy_is_believed(django_app):
    server = serving(django_app, trusted=["127.0.0.1"])
    try:
        response, _ = get(server, STATIC, {"X-Forwarded-Proto": "https"})
        assert response.status == 200
        assert response.getheader("Strict-Transport-Security", "").startswith("max-age=31536000")
        # Without the header (a request that did not come through TLS) it redirects, once.
        response, _ = get(server, STATIC)
        assert response.status == 301
        assert response.getheader("Location") == f"https://townhall.example.ac.uk{STATIC}"
    finally:
        server.close()


def test_the_header_from_anyone_else_is_dropped(django_app):
    server = serving(django_app, trusted=["192.0.2.1"])  # the proxy is elsewhere; we are not it
    try:
        response, _ = get(server, STATIC, {"X-Forwarded-Proto": "https"})
        assert response.status == 301 and response.getheader("Strict-Transport-Security") is None
    finally:
        server.close()


def echo(environ, start_response):
    start_response("200 OK", [("Content-Type", "application/json")])
    picked = {k: environ.get(k) for k in ("REMOTE_ADDR", "wsgi.url_scheme", "HTTP_X_FORWARDED_FOR")}
    return [json.dumps(picked).encode()]


def test_the_client_address_comes_from_the_trusted_proxy_only():
    """Sign-in throttling keys on REMOTE_ADDR: it must be the client's, and unforgeable."""
    trusted = serving(echo, trusted=["127.0.0.1", "::1"])
    untrusted = serving(echo, trusted=[])
    try:
        _, body = get(trusted, "/", {"X-Forwarded-For": "198.51.100.7", "X-Forwarded-Proto": "https"})
        assert json.loads(body) == {"REMOTE_ADDR": "198.51.100.7", "wsgi.url_scheme": "https",
                                    "HTTP_X_FORWARDED_FOR": "198.51.100.7"}
        _, body = get(untrusted, "/", {"X-Forwarded-For": "198.51.100.7", "X-Forwarded-Proto": "https"})
        assert json.loads(body) == {"REMOTE_ADDR": "127.0.0.1", "wsgi.url_scheme": "http",
                                    "HTTP_X_FORWARDED_FOR": None}
    finally:
        trusted.close()
        untrusted.close()


def test_trusted_proxy_setting_is_read_and_checked(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from townhall import config

    monkeypatch.delenv("TOWNHALL_TRUSTED_PROXY", raising=False)
    assert config.trusted_proxies() == ["127.0.0.1", "::1"]
    monkeypatch.setenv("TOWNHALL_TRUSTED_PROXY", "10.0.0.5, 2001:db8::1")
    assert config.trusted_proxies() == ["10.0.0.5", "2001:db8::1"]
    monkeypatch.setenv("TOWNHALL_TRUSTED_PROXY", "none")
    assert config.trusted_proxies() == []
    monkeypatch.setenv("TOWNHALL_TRUSTED_PROXY", "proxy.example")
    with pytest.raises(ImproperlyConfigured, match="TOWNHALL_TRUSTED_PROXY"):
        config.trusted_proxies()


def test_deploy_check_reports_missing_production_secrets(db, settings):
    settings.TOWNHALL_VAULT_KEYS = ""
    settings.TOWNHALL_AUDIT_KEYS = ""
    with pytest.raises(SystemCheckError) as caught:
        call_command("check", deploy=True)
    text = str(caught.value)
    assert "townhall.E001" in text and "TOWNHALL_VAULT_KEYS" in text
    assert "townhall.E002" in text and "TOWNHALL_AUDIT_KEYS" in text


def test_deploy_check_has_no_vault_complaint_when_keys_are_set(settings):
    from townhall.core.checks import production_musts

    settings.TOWNHALL_VAULT_KEYS = "x" * 44
    settings.TOWNHALL_AUDIT_KEYS = "y" * 64
    ids = {p.id for p in production_musts()}
    assert "townhall.E001" not in ids and "townhall.E002" not in ids
