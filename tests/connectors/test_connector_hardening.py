"""Connector inputs and outputs that must never surprise (reliability review of 2026-12-06)."""

from __future__ import annotations

import pytest

from townhall.connectors.base import Credentials, PermanentError, TransientError
from townhall.connectors.bluesky import connector as bluesky


def test_credentials_never_show_their_secret():
    creds = Credentials("physics.test", "abcd-efgh-ijkl-mnop", "https://pds.example", {"did": "did:plc:x"})
    assert "abcd-efgh-ijkl-mnop" not in repr(creds) and "abcd-efgh-ijkl-mnop" not in str(creds)
    assert "physics.test" in repr(creds)


@pytest.mark.parametrize(
    "uri",
    [
        "at://did:plc:abc",
        "at://did:plc:abc/app.bsky.feed.post",
        "at://did:plc:abc//3k",
        "at:///x/y",
        "https://bsky.app/profile/x/post/3k",
        "at://did:plc:abc/app.bsky.feed.post/3k/extra",
    ],
)
def test_a_malformed_bluesky_address_is_a_clear_refusal(uri):
    nowhere = Credentials("physics.test", "app-pass-word", "http://127.0.0.1:9")  # never reached
    with pytest.raises(PermanentError, match="not a Bluesky post address"):
        bluesky.delete(nowhere, uri)


def test_a_bluesky_address_is_split_into_its_parts():
    assert bluesky._split_uri("at://did:plc:abc/app.bsky.feed.post/3kabc") == (
        "did:plc:abc",
        "app.bsky.feed.post",
        "3kabc",
    )


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def nursing(mastodon_server, monkeypatch):
    from townhall.connectors import mastodon

    monkeypatch.setattr(mastodon, "MEDIA_POLL_SECONDS", 0.01)
    mastodon_server.add_account("nursing", "token-nursing")
    return Credentials("@nursing@mastodon.test", "token-nursing", mastodon_server.url)


def _with_image(key: str):
    from townhall.connectors.base import Image, PublishRequest

    return PublishRequest("Open day", key, images=(Image(PNG, "image/png", "A red dot"),))


def test_mastodon_media_still_processing_is_waited_for(mastodon_server, nursing):
    from townhall.connectors.mastodon import connector as mastodon

    mastodon_server.media_processing = 3
    result = mastodon.publish(nursing, _with_image("k-processing"))
    assert mastodon_server.statuses[result.remote_id]["media_attachments"][0]["url"]


def test_mastodon_media_that_never_finishes_is_a_retry_not_a_stuck_delivery(mastodon_server, nursing, monkeypatch):
    from townhall.connectors import mastodon

    monkeypatch.setattr(mastodon, "MEDIA_WAIT_SECONDS", 0.2)
    mastodon_server.media_processing = -1  # the server's processing queue is stuck
    with pytest.raises(TransientError, match="processing"):
        mastodon.connector.publish(nursing, _with_image("k-stuck"))
    assert not mastodon_server.posts_by("nursing")


def test_a_server_hiccup_while_media_is_processed_is_a_retry_not_a_failure(mastodon_server, nursing):
    from townhall.connectors.mastodon import connector as mastodon

    mastodon_server.media_processing = 2
    real_answer = mastodon_server._answer

    def hiccup_on_first_poll(h, method):
        if method == "GET" and "/api/v1/media/" in h.path and not getattr(mastodon_server, "hiccuped", False):
            mastodon_server.hiccuped = True
            mastodon_server.fail_next.append((503, {"error": "Service Unavailable"}))
        return real_answer(h, method)

    mastodon_server._answer = hiccup_on_first_poll
    with pytest.raises(TransientError):
        mastodon.publish(nursing, _with_image("k-hiccup"))
    mastodon_server.media_processing = 0
    assert mastodon.publish(nursing, _with_image("k-hiccup")).remote_id
