"""The WSGI hot path in front of Django answers a found link exactly like the view, counts the
click once, and leaves everything else to Django."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.links import selectors, services
from townhall.registry.models import Account

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0"


def call(path: str, *, method: str = "GET", host: str = "127.0.0.1", ua: str = FIREFOX, scheme: str = "http"):
    from townhall.wsgi import application

    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": "", "SERVER_NAME": host, "SERVER_PORT": "80",
        "HTTP_HOST": host, "HTTP_USER_AGENT": ua, "wsgi.url_scheme": scheme, "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": io.StringIO(), "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.version": (1, 0),
        "wsgi.multithread": True, "wsgi.multiprocess": False, "wsgi.run_once": False,
    }
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"], seen["headers"] = status, dict(headers)

    body = b"".join(application(environ, start_response))
    return int(seen["status"].split()[0]), seen["headers"], body


@pytest.fixture
def link(units, make_user):
    owner = make_user("staff", units["physics"])
    acc = Account.objects.create(network="mastodon", handle="@physics@example.social", org_unit=units["physics"])
    acc.owners.add(owner)
    return services.create_link(owner, "https://www.example.ac.uk/open-day", account=acc), owner


@pytest.mark.django_db(transaction=True)
def test_hot_path_redirects_counts_and_hands_the_rest_to_django(link):
    link, owner = link
    status, headers, body = call(f"/l/{link.code}")
    assert status == 302 and headers["Location"] == link.destination and body == b""
    assert headers["Cache-Control"] == "no-store" and "Set-Cookie" not in headers
    assert call(f"/l/{link.code}", method="HEAD")[0] == 302
    assert selectors.stats(link)["clicks"] == 1 and selectors.stats(link)["bot_clicks"] == 1
    assert call("/l/nothere")[0] == 404  # Django's page
    assert call(f"/l/{link.code}", host="evil.example")[0] == 400  # ALLOWED_HOSTS still applies
    assert call(f"/l/{link.code}", method="POST")[0] in (403, 405)  # CSRF or method: never a redirect
    services.set_expiry(owner, link, timezone.now() - timedelta(seconds=1))
    status, _, body = call(f"/l/{link.code}")
    assert status == 410 and b"expired" in body
    assert selectors.stats(link)["clicks"] == 1


@pytest.mark.django_db(transaction=True)
def test_a_destination_with_other_scripts_goes_out_percent_encoded_as_django_does(units, make_user):
    """A header is Latin-1 on the wire: "日本" could not be sent and "é" went out as another byte
    (review of 2026-12-06). The hot path now sends what Django's view sends."""
    owner = make_user("staff", units["physics"])
    acc = Account.objects.create(network="mastodon", handle="@physics@example.social", org_unit=units["physics"])
    acc.owners.add(owner)
    link = services.create_link(owner, "https://www.example.ac.uk/café/日本", account=acc)
    status, headers, _ = call(f"/l/{link.code}")
    assert status == 302 and headers["Location"].startswith("https://www.example.ac.uk/caf%C3%A9/%E6%97%A5%E6%9C%AC?")
    headers["Location"].encode("latin-1")
