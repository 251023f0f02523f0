"""The Bluesky consumer on real firehose bytes (CAR + DAG-CBOR built with the SDK's codec)."""

import itertools

import pytest
from atproto import parse_subscribe_repos_message
from atproto_subscription.frames import Frame

from townhall.listening.models import Mention, Source
from townhall.listening.runner import consume_bluesky
from townhall.listening.sources.bluesky import Handles, decode_commit

from .atproto_bytes import commit_frame, identity_frame, post_record
from .servers import firehose_server

OFFICIAL = "did:plc:official"


def message(frame):
    return parse_subscribe_repos_message(Frame.from_bytes(frame))


def test_decode_commit_reads_posts_from_the_car_blocks():
    handles = Handles(lookup=False)
    handles.set(OFFICIAL, "example.ac.uk")
    handles.set("did:plc:alice", "alice.bsky.social")
    frame = commit_frame(
        10,
        "did:plc:alice",
        [
            ("3kaaa", post_record("When does the physics open day start?", langs=["en"],
                                  reply_parent=f"at://{OFFICIAL}/app.bsky.feed.post/3kxyz")),
            ("3kbbb", post_record("hello @example.ac.uk", mention_dids=[OFFICIAL])),
            ("3kccc", {"$type": "app.bsky.feed.like", "subject": {"uri": "at://x", "cid": "y"},
                       "createdAt": "2026-03-01T12:00:00Z"}),
        ],
        other_ops=[("delete", "app.bsky.feed.post/3kold")],
    )
    posts = decode_commit(message(frame), handles)
    assert [p.remote_id for p in posts] == [
        "at://did:plc:alice/app.bsky.feed.post/3kaaa",
        "at://did:plc:alice/app.bsky.feed.post/3kbbb",
    ]
    first = posts[0]
    assert first.author_handle == "alice.bsky.social" and first.author_id == "did:plc:alice"
    assert first.lang == "en" and first.to_handles == ("example.ac.uk",)
    assert first.url == "https://bsky.app/profile/alice.bsky.social/post/3kaaa"
    assert first.created_at.year == 2026
    assert posts[1].mentions == ("example.ac.uk",)


def test_unknown_author_keeps_the_did():
    posts = decode_commit(message(commit_frame(1, "did:plc:zed", [("3k", post_record("x"))])), Handles(lookup=False))
    assert posts[0].author_handle == "did:plc:zed"


def frames():
    out = [(1, identity_frame(1, "did:plc:alice", "alice.bsky.social")),
           (2, identity_frame(2, "did:plc:amara", "amara.bsky.social"))]
    for seq in range(3, 31):
        if seq % 3 == 0:
            text = f"The physics department event number {seq} was brilliant"
        elif seq % 3 == 1:
            text = f"my cat number {seq} is asleep"
        else:
            text = f"physics with amara {seq}"
        repo = "did:plc:amara" if seq % 3 == 2 else "did:plc:alice"
        out.append((seq, commit_frame(seq, repo, [(f"3k{seq:04d}", post_record(text))])))
    return out


@pytest.mark.django_db(transaction=True)
def test_dropped_stream_reconnects_and_restart_resumes_without_gaps_or_duplicates(search, make_user):
    from townhall.listening.services import add_never_store

    search("physics")
    add_never_store(make_user(), "amara.bsky.social")  # her posts are dropped before storage
    source = Source.objects.create(kind="bluesky", name="fh")
    all_frames = frames()
    with firehose_server(all_frames[:20], drop_after=7) as server:
        consumer = consume_bluesky(source, server["url"], lookup=False, batch_size=5, max_events=20,
                                   backoff=(0.05, 0.2), recv_timeout=5)
        stats = consumer.run()
    assert stats.reconnects == 1
    assert server["connections"] == 2
    # the 7 events received before the drop were stored, and the stream resumed right after them
    assert server["cursors"] == [None, 7]
    source.refresh_from_db()
    assert source.cursor == "20"
    stored = set(Mention.objects.values_list("remote_id", flat=True))
    expected_first = {f"at://did:plc:alice/app.bsky.feed.post/3k{s:04d}" for s in range(3, 21) if s % 3 == 0}
    assert stored == expected_first
    assert not Mention.objects.filter(author_handle="amara.bsky.social").exists()

    # restart: a new consumer resumes from the saved cursor. The identity events are behind
    # the cursor now, so handles come from resolution (here a pre-filled cache stands in for
    # the PDS lookup, which the PDS end-to-end test exercises).
    handles = Handles(lookup=False)
    handles.set("did:plc:amara", "amara.bsky.social")
    with firehose_server(all_frames) as server:
        consumer = consume_bluesky(Source.objects.get(pk=source.pk), server["url"], handles=handles,
                                   batch_size=4, max_events=10, backoff=(0.05, 0.2), recv_timeout=5)
        consumer.run()
    assert server["cursors"] == [20]
    expected = {f"at://did:plc:alice/app.bsky.feed.post/3k{s:04d}" for s in range(3, 31) if s % 3 == 0}
    assert set(Mention.objects.values_list("remote_id", flat=True)) == expected
    assert Mention.objects.count() == len(expected)
    assert Source.objects.get(pk=source.pk).cursor == "30"


def test_a_failed_store_replays_from_the_last_commit():
    """The pipeline fails once (the database went away): those events are replayed, not lost."""
    from townhall.listening.sources.bluesky import FirehoseConsumer

    committed: list[tuple[int, int]] = []  # (first seq, last seq) of each stored batch
    calls = {"n": 0}

    def flush(batch, posts):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("database is away")
        first = committed[-1][1] + 1 if committed else 1
        committed.append((first, int(batch.cursor)))
        return len(posts)

    all_frames = frames()[:20]
    with firehose_server(all_frames, drop_after=7) as server:
        consumer = FirehoseConsumer(server["url"], flush, batch_size=5, max_events=20, backoff=(0.05, 0.2),
                                    recv_timeout=5)
        consumer.run()
    assert server["cursors"] == [None, 5]  # 6 and 7 were not stored, so they are fetched again
    assert committed[0] == (1, 5) and committed[-1][1] == 20
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(committed))  # no gap, no overlap


def test_a_store_that_fails_inside_the_stream_replays_instead_of_losing_the_batch():
    """Reliability review of 2026-12-06: a failure while storing a batch (not at a reconnect)
    closed the stream normally, the SDK stopped, and the final flush stored the frames received
    after the failed batch with their cursor: events 1-5 were never stored and the listener quit."""
    from townhall.listening.sources.bluesky import FirehoseConsumer

    committed: list[tuple[int, int]] = []
    calls = {"n": 0}

    def flush(batch, posts):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("database is away")
        first = committed[-1][1] + 1 if committed else int(batch.cursor) - batch.events + 1
        committed.append((first, int(batch.cursor)))
        return len(posts)

    with firehose_server(frames()[:20]) as server:
        consumer = FirehoseConsumer(server["url"], flush, batch_size=5, max_events=20, backoff=(0.05, 0.2),
                                    recv_timeout=5)
        consumer.run()
    assert server["connections"] == 2 and server["cursors"] == [None, 0]  # replayed from the first event
    assert committed[0] == (1, 5) and committed[-1][1] == 20
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(committed))


def test_the_handle_map_keeps_the_latest_dids_and_the_registrys(monkeypatch):
    """Reliability review of 2026-12-06: every #identity event of the network grew the map for good."""
    from townhall.listening.sources.bluesky import Handles

    monkeypatch.setattr(Handles, "MAX_KNOWN", 3)
    handles = Handles(lookup=False)
    handles.set("did:plc:uni", "uni.example.ac.uk", pin=True)
    for i in range(10):
        handles.set(f"did:plc:{i}", f"user{i}.bsky.social")
    assert handles.get("did:plc:uni") == "uni.example.ac.uk" and handles.did_of("uni.example.ac.uk") == "did:plc:uni"
    assert [handles.get(f"did:plc:{i}") for i in (6, 7, 8, 9)] == ["", "user7.bsky.social", "user8.bsky.social",
                                                                   "user9.bsky.social"]
    assert handles.did_of("user6.bsky.social") == "" and len(handles.known) == 4
