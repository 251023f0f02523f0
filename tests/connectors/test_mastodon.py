"""The Mastodon connector against a stateful local fake of the documented API."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from townhall.connectors.base import (
    Credentials,
    Image,
    PermanentError,
    PublishRequest,
    TransientError,
    UncertainError,
)
from townhall.connectors.mastodon import connector, plain_text

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def creds(mastodon_server):
    mastodon_server.add_account("nursing", "token-nursing")
    return Credentials("@nursing@mastodon.test", "token-nursing", mastodon_server.url)


def test_verify_credentials(creds):
    info = connector.verify_credentials(creds)
    assert info.remote_id and info.handle.startswith("@nursing@")


def test_publish_with_image_alt_and_visibility(mastodon_server, creds):
    result = connector.publish(
        creds,
        PublishRequest(
            "Open day on Saturday!\nSee you there.", "key-1",
            images=(Image(PNG, "image/png", "Students on the lawn"),), extra={"visibility": "unlisted"},
        ),
    )
    status = mastodon_server.statuses[result.remote_id]
    assert status["visibility"] == "unlisted"
    assert status["media_attachments"][0]["description"] == "Students on the lawn"
    assert plain_text(status["content"]) == "Open day on Saturday!\nSee you there."
    headers = next(h for m, p, h in mastodon_server.requests if p == "/api/v1/statuses")
    assert headers["Idempotency-Key"] == "key-1"


def test_same_idempotency_key_never_posts_twice(mastodon_server, creds):
    first = connector.publish(creds, PublishRequest("Hello", "same-key"))
    second = connector.publish(creds, PublishRequest("Hello", "same-key"))
    assert first.remote_id == second.remote_id
    assert len(mastodon_server.posts_by("nursing")) == 1


def test_reconciliation_never_adopts_a_look_alike(mastodon_server, creds):
    """Inside the key window a resend is the reconciliation; after it, a look-alike is only reported."""
    request = PublishRequest("Lecture <3 & more", "k-find")
    sent = datetime.now(UTC)
    assert connector.find_published(creds, "k-find", request=request) is None  # never sent
    result = connector.publish(creds, request)
    # Within the hour: None means "resend with the key", and the resend returns the original.
    assert connector.find_published(creds, "k-find", request=request, sent_since=sent) is None
    assert connector.publish(creds, request).remote_id == result.remote_id
    # After the window: the status is there but cannot be proven ours -> a person checks.
    mastodon_server.advance(2 * 3600)
    later = sent - timedelta(hours=2)
    with pytest.raises(UncertainError) as exc:
        connector.find_published(creds, "k-find", request=request, sent_since=later)
    assert result.url in exc.value.candidates
    # ...unless it is recorded for another delivery: then it is not ours and resending is right.
    assert connector.find_published(
        creds, "k-find", request=request, sent_since=later, exclude_ids={result.remote_id}
    ) is None


def test_status_from_another_application_is_not_a_candidate(mastodon_server, creds):
    mastodon_server.add_account("nursing-web", "token-web", app="Web")
    mastodon_server.tokens["token-web"] = mastodon_server.tokens["token-nursing"]  # same account, web UI
    web = Credentials("@nursing@mastodon.test", "token-web", mastodon_server.url)
    request = PublishRequest("Seminar at four", "k-app")
    connector.publish(web, PublishRequest("Seminar at four", "typed-by-hand"))
    since = datetime.now(UTC) - timedelta(hours=2)  # past the key window: the timeline is searched
    assert connector.find_published(creds, "k-app", request=request, sent_since=since) is None
    connector.publish(creds, PublishRequest("Seminar at four", "k-other"))  # same app: a real candidate
    with pytest.raises(UncertainError):
        connector.find_published(creds, "k-app", request=request, sent_since=since)


def test_reply_and_delete(mastodon_server, creds):
    parent = connector.publish(creds, PublishRequest("1/2", "t-0"))
    child = connector.publish(creds, PublishRequest("2/2", "t-1", reply_to=parent.remote_id))
    assert mastodon_server.statuses[child.remote_id]["in_reply_to_id"] == parent.remote_id
    connector.delete(creds, child.remote_id)
    assert child.remote_id not in mastodon_server.statuses


def test_error_mapping(mastodon_server, creds):
    with pytest.raises(PermanentError, match="character limit"):
        connector.publish(creds, PublishRequest("x" * 501, "too-long"))
    mastodon_server.fail_next.append((503, {"error": "Service Unavailable"}))
    with pytest.raises(TransientError):
        connector.publish(creds, PublishRequest("hi", "k-503"))
    mastodon_server.fail_next.append((429, {"error": "Too many requests"}))
    with pytest.raises(TransientError) as exc:
        connector.publish(creds, PublishRequest("hi", "k-429"))
    assert exc.value.retry_after
    mastodon_server.revoke("token-nursing")
    with pytest.raises(PermanentError, match="revoked"):
        connector.publish(creds, PublishRequest("hi", "k-401"))


def test_unreachable_server_is_transient():
    creds = Credentials("@x@nowhere", "t", "http://127.0.0.1:9")
    with pytest.raises(TransientError):
        connector.verify_credentials(creds)


def test_a_reply_to_a_status_known_by_its_address_goes_to_its_local_copy(mastodon_server, creds):
    """Listening knows a status by its ActivityPub address; `in_reply_to_id` wants the id on the
    account's own server (reliability review of 2026-12-06: every inbox reply on Mastodon failed)."""
    uri = "https://other.social/users/student/statuses/1093"
    mastodon_server.add_remote_status(uri, "student@other.social", "@nursing@mastodon.test when is the open day?")
    reply = connector.publish(creds, PublishRequest("@student@other.social Saturday at ten!", "r-1", reply_to=uri))
    local = next(s for s in mastodon_server.statuses.values() if s["uri"] == uri)
    assert mastodon_server.statuses[reply.remote_id]["in_reply_to_id"] == local["id"]
    own = connector.publish(creds, PublishRequest("thread start", "r-2"))
    by_url = connector.publish(creds, PublishRequest("and more", "r-3",
                                                     reply_to=mastodon_server.statuses[own.remote_id]["url"]))
    assert mastodon_server.statuses[by_url.remote_id]["in_reply_to_id"] == own.remote_id
    with pytest.raises(PermanentError, match="could not be found"):
        connector.publish(creds, PublishRequest("hello?", "r-4", reply_to="https://gone.example/statuses/1"))
    assert mastodon_server.create_calls == 3


def test_reconciliation_sees_a_status_that_mentions_someone_on_another_server(mastodon_server, creds):
    """Mastodon shows "@alice@other.social" as "@alice": the comparison found nothing, and a resend
    after the key expired posted the reply twice (reliability review of 2026-12-06)."""
    request = PublishRequest("@alice@other.social thanks, we have passed it on", "k-mention")
    sent = datetime.now(UTC)
    result = connector.publish(creds, request)
    assert plain_text(mastodon_server.statuses[result.remote_id]["content"]).startswith("@alice thanks")
    mastodon_server.advance(2 * 3600)
    with pytest.raises(UncertainError) as exc:
        connector.find_published(creds, "k-mention", request=request, sent_since=sent - timedelta(hours=2))
    assert result.url in exc.value.candidates
