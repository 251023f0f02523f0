"""Posts from the networks that used to fail a whole batch (reliability review of 2026-12-06):
every poll replayed the batch and failed again, so the source stood still for good."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from townhall.listening.models import Mention, Source
from townhall.listening.pipeline import MAX_FOLLOWERS, Pipeline
from townhall.listening.types import Batch, IncomingPost

pytestmark = [pytest.mark.django_db]


def _post(rid: str, text: str, **kw) -> IncomingPost:
    kw.setdefault("author_handle", "someone.bsky.social")
    kw.setdefault("created_at", timezone.now() - timedelta(minutes=5))
    return IncomingPost(network="bluesky", remote_id=rid, text=text, **kw)


def test_a_year_one_date_is_read_as_when_it_was_seen(search):
    """Go's zero time: Hugo's feeds give it to undated pages ("Mon, 01 Jan 0001 00:00:00 +0000")."""
    search("physics")
    source = Source.objects.create(kind="bluesky", name="firehose", cursor="41")
    before = timezone.now()
    Pipeline.load().run(Batch([_post("bad", "physics open day", created_at=datetime(1, 1, 1, tzinfo=UTC)),
                               _post("good", "physics lab")], "42"), source)
    source.refresh_from_db()
    assert source.cursor == "42" and Mention.objects.count() == 2
    assert Mention.objects.get(remote_id="bad").created_at >= before


def test_a_date_without_a_zone_or_in_the_future_is_made_plausible(search):
    search("physics")
    naive = datetime(2026, 3, 1, 12, 0)
    Pipeline.load().run(Batch([_post("naive", "physics naive", created_at=naive),
                               _post("future", "physics future", created_at=timezone.now() + timedelta(days=9))],
                              None))
    assert Mention.objects.get(remote_id="naive").created_at == naive.replace(tzinfo=UTC)
    assert Mention.objects.get(remote_id="future").created_at <= timezone.now()


def test_a_follower_count_beyond_the_column_is_capped(search):
    search("physics")
    Pipeline.load().run(Batch([_post("big", "physics star", author_followers=10**12)], None))
    assert Mention.objects.get().author_followers == MAX_FOLLOWERS


def test_erasure_and_export_find_the_posts_stored_under_the_did_or_an_old_handle(search, team):
    """A firehose post collected before its author's handle was known carries the DID as its
    handle; the person's other posts link the two (reliability review of 2026-12-06)."""
    from townhall.listening.services import erase_handle, export_handle

    search("physics")
    did = "did:plc:carolcarolcarol"
    Pipeline.load().run(Batch([
        _post("1", "physics one", author_handle=did, author_id=did),  # handle not looked up yet
        _post("2", "physics two", author_handle="carol.bsky.social", author_id=did),
        _post("3", "physics three", author_handle="carol-old.bsky.social", author_id=did),  # before a rename
        _post("4", "physics four", author_handle="dave.bsky.social", author_id="did:plc:dave"),
    ], None))
    assert sorted(m["id"] for m in export_handle(team, "carol.bsky.social")["mentions"]) == ["1", "2", "3"]
    assert sorted(m["id"] for m in export_handle(team, did)["mentions"]) == ["1", "2", "3"]
    assert erase_handle(team, "carol.bsky.social") == 3
    assert list(Mention.objects.values_list("remote_id", flat=True)) == ["4"]
