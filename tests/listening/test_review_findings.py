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


def test_deleting_a_search_gives_its_shared_mentions_the_expiry_of_the_searches_left(search, team):
    from townhall.listening.services import delete_search, enforce_retention

    long = search("physics", retention_days=3650)
    search("chemistry", retention_days=7)
    search("biology", retention_days=60)
    old = timezone.now() - timedelta(days=10)
    Pipeline.load().run(Batch([_post("1", "physics and chemistry", created_at=old),
                               _post("2", "physics and biology", created_at=old),
                               _post("3", "physics alone", created_at=old)], None))
    delete_search(team, long)
    assert enforce_retention() == 1  # "1": only the 7-day search is left for it, and it is 10 days old
    kept = Mention.objects.get()
    assert kept.remote_id == "2" and kept.expires_at.date() == (kept.created_at + timedelta(days=60)).date()


def test_deleting_a_search_takes_mentions_only_the_inbox_keeps_out_of_the_all_searches_counts(search, team, units):
    from townhall.listening.models import DayCount, HourCount
    from townhall.listening.rollups import ALL
    from townhall.listening.services import delete_search, enforce_retention, ensure_inbox_search
    from townhall.registry.models import Account

    Account.objects.create(network="bluesky", handle="physics.example.ac.uk", status="active",
                           org_unit=units["physics"])
    ensure_inbox_search()
    physics = search("physics", retention_days=1)
    old = timezone.now() - timedelta(days=3)
    Pipeline.load().run(Batch([_post("1", "physics @physics.example.ac.uk", created_at=old,
                                     to_handles=("physics.example.ac.uk",))], None))
    assert list(DayCount.objects.filter(search_id=ALL, dim="v").values_list("n", flat=True)) == [1]
    delete_search(team, physics)
    assert Mention.objects.count() == 1  # the inbox search keeps it
    assert not DayCount.objects.filter(search_id=ALL).exists()
    assert not HourCount.objects.filter(search_id=ALL).exists()
    enforce_retention(timezone.now() + timedelta(days=400))
    assert Mention.objects.count() == 0
    assert not DayCount.objects.filter(search_id=ALL).exists()


def test_a_retention_change_updates_every_stored_mention_in_a_few_statements(
    search, team, django_assert_max_num_queries
):
    from townhall.listening.services import update_search

    physics = search("physics", retention_days=30)
    search("chemistry", retention_days=90)
    old = timezone.now() - timedelta(days=5)
    Pipeline.load().run(Batch([_post(str(i), "physics" + (" chemistry" if i % 2 else ""), created_at=old)
                               for i in range(300)], None))
    with django_assert_max_num_queries(40):
        update_search(team, physics, retention_days=365)
    for m in Mention.objects.all():
        assert m.expires_at == m.created_at + timedelta(days=365)
    update_search(team, physics, retention_days=7)
    for m in Mention.objects.all():
        assert m.expires_at == m.created_at + timedelta(days=90 if int(m.remote_id) % 2 else 7)
