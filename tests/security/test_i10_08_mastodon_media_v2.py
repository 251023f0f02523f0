"""Issue 10 item 8: Mastodon media through POST /api/v2/media; rate-limit waits from the server.

Before: with version_check_mode="none" Mastodon.py assumed server 1.0.0 and uploaded media
to the deprecated POST /api/v1/media, and a 429 always waited a constant 300 s. The fake
accepted both endpoints, which hid it: now it refuses v1 as we require.
"""

from __future__ import annotations

import pytest
from django.utils import timezone
from publishing.conftest import PNG, TOKEN, account, mastodon_server, people  # noqa: F401

from townhall.connectors.base import Credentials, Image, PermanentError, PublishRequest, TransientError
from townhall.connectors.mastodon import MAX_RATE_WAIT, MastodonConnector
from townhall.publishing import publisher, services


@pytest.fixture
def creds(mastodon_server):  # noqa: F811
    return Credentials("@physics@mastodon.test", TOKEN, mastodon_server.url)


def test_media_go_to_v2_with_alt_text(mastodon_server, creds):  # noqa: F811
    result = MastodonConnector().publish(
        creds, PublishRequest("Our new lab.", "k-media", images=(Image(PNG, "image/png", "A bright lab bench"),))
    )
    paths = [(m, p) for m, p, _h in mastodon_server.requests]
    assert ("POST", "/api/v2/media") in paths and ("POST", "/api/v1/media") not in paths
    assert mastodon_server.deprecated_calls == []
    media = mastodon_server.statuses[result.remote_id]["media_attachments"]
    assert media[0]["description"] == "A bright lab bench"


def test_the_fake_refuses_what_the_old_configuration_sent(mastodon_server):  # noqa: F811
    """The old setup (a version string but version_check_mode="none": Mastodon.py keeps 1.0.0) picks v1."""
    import io

    from mastodon import Mastodon
    from mastodon.errors import MastodonAPIError

    old = Mastodon(access_token=TOKEN, api_base_url=mastodon_server.url, version_check_mode="none",
                   mastodon_version="4.3.0")
    with pytest.raises(MastodonAPIError):
        old.media_post(io.BytesIO(PNG), mime_type="image/png", description="x", file_name="x.png")
    assert mastodon_server.deprecated_calls == ["/api/v1/media"]


def test_rate_limit_wait_is_the_servers_reset_time(mastodon_server, creds):  # noqa: F811
    mastodon_server.rate_limit, mastodon_server.rate_window = 2, 42
    connector = MastodonConnector()
    connector.publish(creds, PublishRequest("One.", "k-1"))  # version probe is unauthenticated; 1 request
    connector.publish(creds, PublishRequest("Two.", "k-2"))
    with pytest.raises(TransientError) as exc:
        connector.publish(creds, PublishRequest("Three.", "k-3"))
    assert 30 <= exc.value.retry_after <= 44  # the window's reset, not a constant 300 s
    assert "resets in" in exc.value.reason


def test_rate_limit_wait_is_bounded(mastodon_server, creds):  # noqa: F811
    mastodon_server.rate_limit, mastodon_server.rate_window = 1, 24 * 3600
    connector = MastodonConnector()
    connector.publish(creds, PublishRequest("One.", "k-1"))
    with pytest.raises(TransientError) as exc:
        connector.publish(creds, PublishRequest("Two.", "k-2"))
    assert exc.value.retry_after == MAX_RATE_WAIT


def test_delivery_backs_off_until_the_reset(people, account, settings, mastodon_server):  # noqa: F811
    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    post = services.create_post(people["author"], [account], "Exam timetable is out.")
    services.submit(post, people["author"])
    services.approve(post, people["owner"])
    mastodon_server.rate_limit, mastodon_server.rate_window = 0, 400
    delivery = post.deliveries.get()
    assert publisher.run(delivery.pk) == "retry"
    delivery.refresh_from_db()
    wait = (delivery.next_attempt_at - timezone.now()).total_seconds()
    assert 350 < wait <= 402 and "resets in" in delivery.last_error  # the Date header has 1 s steps


def test_status_length_is_counted_as_mastodon_does(mastodon_server, creds):  # noqa: F811
    connector = MastodonConnector()
    link = "https://www.example.ac.uk/" + "a" * 120  # counts as 23
    connector.publish(creds, PublishRequest("x" * 470 + " " + link, "k-long-link"))
    with pytest.raises(PermanentError, match="character limit of 500"):
        connector.publish(creds, PublishRequest("x" * 501, "k-too-long"))
    with pytest.raises(PermanentError, match="Media attachments"):
        connector._call(creds, lambda api: api.status_post("Hi", media_ids=["12345"]))
