"""Server addresses and listening sources reach public servers only (security review of 2026-12-05).

An owner could reconnect their account with the server address http://127.0.0.1:PORT/…?x= and
the web server sent the typed credential there and showed the answer; the digital team could do
the same with a feed or Mastodon listening source, and a feed's redirect was followed anywhere.
"""

from __future__ import annotations

import http.server
import threading

import pytest

from townhall.core import outbound
from townhall.listening import services as listening
from townhall.listening.sources.base import SourceError
from townhall.listening.sources.feeds import FeedSource
from townhall.registry import services as registry
from townhall.registry.models import Account


@pytest.fixture
def public_only(settings):
    settings.TOWNHALL_ALLOW_PRIVATE_SERVERS = False


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080",
        "http://localhost",
        "http://169.254.169.254/latest/meta-data",
        "http://10.0.0.5",
        "http://[::1]:5432",
        "http://0.0.0.0",
    ],
)
def test_private_addresses_are_refused(public_only, url):
    with pytest.raises(outbound.NotPublic, match="not a public server"):
        outbound.check(url)


@pytest.mark.parametrize(
    "url, why",
    [
        ("https://mastodon.example/x?y=", "no '\\?' or '#'"),
        ("https://mastodon.example/#x", "no '\\?' or '#'"),
        ("https://user:pw@mastodon.example", "user name and password"),
        ("ftp://mastodon.example", "not an http"),
        ("gopher://127.0.0.1", "not an http"),
    ],
)
def test_an_address_that_chooses_its_own_path_is_refused(url, why):
    with pytest.raises(outbound.NotPublic, match=why):
        outbound.check(url)


def test_a_public_address_passes_without_looking_it_up_when_private_ones_are_allowed():
    assert outbound.check("http://127.0.0.1:8080") == "http://127.0.0.1:8080"  # the tests' own setting
    assert outbound.check("https://feeds.example/rss?format=atom", allow_query=True)


def test_connecting_an_account_to_a_private_server_sends_nothing(public_only, make_user, units):
    owner = make_user("digital", units["physics"])
    account = Account.objects.create(network="mastodon", handle="@physics@mastodon.example", org_unit=units["physics"])
    account.owners.add(owner)
    with pytest.raises(ValueError, match="not a public server"):
        registry.connect_account(
            network="mastodon", handle="@physics@mastodon.example", secret="s3cret-token",
            service_url="http://127.0.0.1:9/latest/meta-data", actor=owner,
        )
    account.refresh_from_db()
    assert "127.0.0.1" not in (account.service_url or "")


def test_listening_sources_must_be_public(public_only, make_user, units):
    digital = make_user("digital", units["school"])
    with pytest.raises(ValueError, match="not a public server"):
        listening.create_source(digital, "feed", "Internal", {"url": "http://127.0.0.1:5432/admin"})
    with pytest.raises(ValueError, match="not a public server"):
        listening.create_source(digital, "mastodon", "Internal", {"instance": "http://10.1.2.3", "hashtag": "x"})


def test_a_feed_redirect_to_a_private_server_is_not_followed(monkeypatch):
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(302 if self.path == "/feed" else 200)
            if self.path == "/feed":
                self.send_header("Location", "http://169.254.169.254/latest/meta-data")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real = outbound.check

    def strict_for_the_target(url, *, allow_query=False):
        # The test's own feed is on this machine (allowed here); the redirect's target is
        # checked as it would be on a server that allows public addresses only.
        if "169.254" in url:
            raise outbound.NotPublic("169.254.169.254 is not a public server")
        return real(url, allow_query=allow_query)

    monkeypatch.setattr(outbound, "check", strict_for_the_target)
    try:
        with pytest.raises(SourceError, match="may not fetch from"):
            FeedSource(f"http://127.0.0.1:{server.server_port}/feed").fetch({})
    finally:
        server.shutdown()
    assert hits == ["/feed"]
