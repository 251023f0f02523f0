"""The Bluesky connector against the reference PDS (and its facet logic without one)."""

from __future__ import annotations

import pytest

from townhall.connectors.base import Credentials, Image, PermanentError, PublishRequest, TransientError
from townhall.connectors.bluesky import connector, detect_facets, rkey_for
from townhall.publishing.models import new_tid

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


def test_facets_use_utf8_byte_ranges():
    text = "🎉 Café https://example.ac.uk/open-day #OpenDay @bob.test"
    facets = detect_facets(text, lambda handle: "did:plc:bob" if handle == "bob.test" else None)
    encoded = text.encode()
    spans = {f["features"][0]["$type"].rsplit("#", 1)[1]: f["index"] for f in facets}
    link = spans["link"]
    assert encoded[link["byteStart"]:link["byteEnd"]] == b"https://example.ac.uk/open-day"
    assert encoded[spans["tag"]["byteStart"]:spans["tag"]["byteEnd"]] == b"#OpenDay"
    assert encoded[spans["mention"]["byteStart"]:spans["mention"]["byteEnd"]] == b"@bob.test"
    assert link["byteStart"] == len("🎉 Café ".encode())  # 4-byte emoji and 2-byte é counted as bytes


def test_unresolvable_mentions_and_numeric_tags_stay_plain():
    assert detect_facets("@nobody.invalid #2026", lambda h: None) == []


def test_rkey_is_deterministic_and_a_tid():
    key = new_tid()
    assert rkey_for(key) == key
    assert rkey_for(key + "-1") != key and len(rkey_for(key + "-1")) == 13
    assert rkey_for("not-a-tid") == rkey_for("not-a-tid") and len(rkey_for("not-a-tid")) == 13


@pytest.fixture
def creds(pds_network):
    return Credentials("alice.test", pds_network.password, pds_network.url)


@pytest.mark.pds
def test_verify_credentials(pds_network, creds):
    info = connector.verify_credentials(creds)
    assert info.remote_id == pds_network.accounts["alice.test"]["did"]
    with pytest.raises(PermanentError):
        connector.verify_credentials(Credentials("alice.test", "wrong-password-123", pds_network.url))


@pytest.mark.pds
def test_post_with_facets_image_and_alt_arrives_as_stored(pds_network, creds):
    text = "Café 🎉 open day https://example.ac.uk/open #OpenDay with @bob.test"
    result = connector.publish(
        creds, PublishRequest(text, new_tid(), images=(Image(PNG, "image/png", "A single red dot"),))
    )
    client = pds_network.client("alice.test")
    rkey = result.remote_id.rsplit("/", 1)[1]
    stored = client.com.atproto.repo.get_record(
        {"repo": pds_network.accounts["alice.test"]["did"], "collection": "app.bsky.feed.post", "rkey": rkey}
    ).value
    assert stored.text == text
    kinds = {f.features[0].py_type for f in stored.facets}
    assert kinds == {"app.bsky.richtext.facet#link", "app.bsky.richtext.facet#tag", "app.bsky.richtext.facet#mention"}
    mention = next(f for f in stored.facets if f.features[0].py_type.endswith("#mention"))
    assert mention.features[0].did == pds_network.accounts["bob.test"]["did"]
    assert text.encode()[mention.index.byte_start:mention.index.byte_end] == b"@bob.test"
    assert stored.embed.images[0].alt == "A single red dot"
    assert stored.embed.images[0].image.mime_type == "image/png"


@pytest.mark.pds
def test_same_key_never_makes_a_second_record(pds_network, creds):
    key = new_tid()
    before = len(pds_network.records("alice.test"))
    first = connector.publish(creds, PublishRequest("Only once, please", key))
    again = connector.publish(creds, PublishRequest("Only once, please", key))
    assert first.remote_id == again.remote_id
    assert connector.find_published(creds, key).remote_id == first.remote_id
    assert connector.find_published(creds, new_tid()) is None
    assert len(pds_network.records("alice.test")) == before + 1


@pytest.mark.pds
def test_thread_link_card_and_delete(pds_network, creds):
    key = new_tid()
    root = connector.publish(
        creds,
        PublishRequest("Read more", key, extra={"link_card": {"uri": "https://example.ac.uk/news",
                                                             "title": "News", "description": "All of it"}}),
    )
    child = connector.publish(creds, PublishRequest("…and part two", key + "-1", reply_to=root.remote_id))
    grandchild = connector.publish(creds, PublishRequest("part three", key + "-2", reply_to=child.remote_id))
    client = pds_network.client("alice.test")
    did = pds_network.accounts["alice.test"]["did"]

    def get(uri):
        return client.com.atproto.repo.get_record(
            {"repo": did, "collection": "app.bsky.feed.post", "rkey": uri.rsplit("/", 1)[1]}
        ).value

    assert get(root.remote_id).embed.external.uri == "https://example.ac.uk/news"
    assert get(grandchild.remote_id).reply.root.uri == root.remote_id
    assert get(grandchild.remote_id).reply.parent.uri == child.remote_id
    connector.delete(creds, grandchild.remote_id)
    assert connector.find_published(creds, key + "-2") is None


@pytest.mark.pds
def test_unreachable_pds_is_transient():
    with pytest.raises(TransientError):
        connector.verify_credentials(Credentials("alice.test", "x-y-z-123456", "http://127.0.0.1:9"))


def test_an_expired_session_logs_in_again_instead_of_failing_every_post(monkeypatch):
    """The PDS refuses a stale refresh token with 400 ExpiredToken, which the SDK raises as a bad
    request; read as "the post was rejected", every post of the account failed until the worker
    restarted (reliability review of 2026-12-06). Now the connector logs in again once."""
    from atproto_client import exceptions as ex
    from atproto_client.models.common import XrpcError
    from atproto_client.request import Response

    from townhall.connectors.bluesky import BlueskyConnector

    def refused(error: str) -> ex.BadRequestError:
        return ex.BadRequestError(Response(False, 400, XrpcError(error=error, message="Token has expired"), {}))

    bluesky = BlueskyConnector()
    logins: list[bool] = []
    monkeypatch.setattr(bluesky, "_client", lambda creds, fresh=False: logins.append(fresh) or f"client{len(logins)}")
    creds = Credentials("uni.example", "app-password", "https://pds.example")
    calls: list[str] = []

    def publish(client):
        calls.append(client)
        if client == "client1":
            raise refused("ExpiredToken")
        return "ok"

    assert bluesky._call(creds, publish) == "ok"
    assert logins == [False, True] and calls == ["client1", "client2"]

    def rejected(client):
        raise refused("InvalidRequest")  # a real rejection is not retried with a new login

    logins.clear()
    with pytest.raises(PermanentError, match="rejected"):
        bluesky._call(creds, rejected)
    assert logins == [False]
