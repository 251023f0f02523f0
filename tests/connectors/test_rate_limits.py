"""Rate-limit answers with strange retry times (reliability review of 2026-12-06).

Retry times come from headers any server or proxy can fill with anything; the connectors keep
only usable ones, bounded, and a junk one never turns a post that went out into a failure.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from townhall.connectors.base import ConnectorError, Credentials, PublishRequest, TransientError
from townhall.connectors.bluesky import DEFAULT_RATE_WAIT, _map_error
from townhall.connectors.mastodon import connector as mastodon


@pytest.fixture
def creds(mastodon_server):
    mastodon_server.add_account("nursing", "token-nursing")
    return Credentials("@nursing@mastodon.test", "token-nursing", mastodon_server.url)


@pytest.mark.parametrize("junk", ["soon", "12 parsecs", "1e999", "9" * 40 + "x"])
def test_an_unreadable_mastodon_reset_time_never_fails_a_post_that_went_out(mastodon_server, creds, junk):
    mastodon_server.reset_header = junk
    result = mastodon.publish(creds, PublishRequest("Lab tours at noon", "k-junk-reset"))
    assert [s["id"] for s in mastodon_server.posts_by("nursing")] == [result.remote_id]


def test_an_unreadable_mastodon_reset_time_on_a_429_waits_the_default(mastodon_server, creds):
    mastodon_server.reset_header = "whenever"
    mastodon_server.fail_next.append((429, {"error": "Too many requests"}))
    with pytest.raises(TransientError) as exc:
        mastodon.publish(creds, PublishRequest("Lab tours at noon", "k-junk-429"))
    assert exc.value.retry_after == 60
    assert not mastodon_server.posts_by("nursing")


def _rate_limited(headers: dict[str, str]):
    from atproto_client.exceptions import RateLimitExceededError
    from atproto_client.request import Response

    return RateLimitExceededError(Response(success=False, status_code=429, content=b"", headers=headers))


def _in(seconds: int) -> str:
    """An HTTP date that many seconds from now (built when the test runs, not when it is collected)."""
    return format_datetime(datetime.now(UTC) + timedelta(seconds=seconds), usegmt=True)


def _epoch_in(seconds: int) -> str:
    return str(int(datetime.now(UTC).timestamp()) + seconds)


@pytest.mark.parametrize(
    ("headers", "low", "high"),
    [
        ({}, DEFAULT_RATE_WAIT, DEFAULT_RATE_WAIT),
        ({"retry-after": "120"}, 120, 120),
        ({"retry-after": "99999999999"}, ConnectorError.MAX_RETRY_AFTER, ConnectorError.MAX_RETRY_AFTER),
        ({"retry-after": "1e400"}, DEFAULT_RATE_WAIT, DEFAULT_RATE_WAIT),
        ({"retry-after": "nonsense"}, DEFAULT_RATE_WAIT, DEFAULT_RATE_WAIT),
        ({"retry-after": (_in, 300)}, 200, 300),
        # What a PDS sends: the window's end as epoch seconds.
        ({"ratelimit-reset": (_epoch_in, 600)}, 500, 600),
        ({"ratelimit-reset": "99999999999999999"}, DEFAULT_RATE_WAIT, DEFAULT_RATE_WAIT),
        ({"ratelimit-reset": (_epoch_in, 10**8)}, ConnectorError.MAX_RETRY_AFTER, ConnectorError.MAX_RETRY_AFTER),
    ],
)
def test_bluesky_rate_limit_waits_are_the_servers_bounded(headers, low, high):
    headers = {k: v[0](v[1]) if isinstance(v, tuple) else v for k, v in headers.items()}
    mapped = _map_error(_rate_limited(headers))
    assert isinstance(mapped, TransientError)
    assert low <= mapped.retry_after <= high


@pytest.mark.parametrize("body", [b"<html>502 Bad Gateway</html>", b'{"id": "1', b"{}"])
def test_an_unreadable_answer_to_a_post_asks_a_person_to_check(mastodon_server, creds, body):
    # The status exists but its answer is lost: "failed" would invite a second post, so it needs a check.
    from townhall.connectors.base import UncertainError

    mastodon_server.garble_next_create = body
    with pytest.raises(UncertainError) as exc:
        mastodon.publish(creds, PublishRequest("Lab tours at noon", "k-garbled"))
    assert "check the account" in exc.value.reason
    assert len(mastodon_server.posts_by("nursing")) == 1
