"""Review 16 (authorization and data protection): a staff member's personal account is never
monitored, whichever path a post takes, and the never-to-store list cannot be turned against
the institution's own listening.

- A never-to-store entry for one network was ignored for posts arriving by file import (network
  "import", or any label the file gives) and by web feeds (network "web"): the person's posts
  were stored, and adding the entry did not delete the imported copies.
- A web feed of a personal profile (a Mastodon `https://host/@name.rss`, a Bluesky
  `https://bsky.app/profile/name/rss`) carries no handle per entry, so its posts were stored
  under the server's name whatever the never-to-store list said.
- Anyone signed in could put an *official* account's handle on their never-to-store list: every
  stored post by that account was deleted at once and none was collected again (`from:` searches
  went silent), with an audit entry that by design does not say which handle.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.listening.models import Mention, NeverStore
from townhall.listening.pipeline import Pipeline
from townhall.listening.runner import import_posts
from townhall.listening.services import add_never_store, create_search
from townhall.listening.sources.feeds import FeedSource
from townhall.listening.types import Batch, IncomingPost

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(make_user, units):
    return make_user(role="digital", unit=units["school"])


@pytest.fixture
def physics_search(team):
    return create_search(team, "Physics", "physics")


def _csv(author: str, rid: str = "1", network: str = "") -> bytes:
    head = "id,text,author,created_at" + (",network" if network else "")
    row = f"{rid},Physics lecture tonight,{author},2026-03-01T10:00:00Z" + (f",{network}" if network else "")
    return f"{head}\n{row}\n".encode()


@pytest.mark.parametrize("label", ["", "Bluesky", "bsky"])
def test_s16_network_entry_covers_imported_posts(physics_search, team, make_user, label):
    add_never_store(make_user(), "ben.bsky.social", "bluesky")
    summary = import_posts(team, _csv("@ben.bsky.social", network=label), "csv")
    assert summary["stored"] == 0 and summary["never_stored"] == 1
    assert not Mention.objects.exists()


def test_s16_adding_a_network_entry_deletes_imported_copies(physics_search, team, make_user):
    import_posts(team, _csv("cara.bsky.social"), "csv")
    assert Mention.objects.filter(author_handle="cara.bsky.social").count() == 1
    add_never_store(make_user(), "cara.bsky.social", "bluesky")
    assert not Mention.objects.filter(author_handle="cara.bsky.social").exists()


def test_s16_network_entries_still_tell_the_live_networks_apart(physics_search, make_user):
    """An entry for Mastodon does not drop a Bluesky post by someone else with the same name."""
    add_never_store(make_user(), "dan.example", "mastodon")
    post = IncomingPost(
        network="bluesky",
        remote_id="at://x/1",
        text="physics",
        author_handle="dan.example",
        created_at=timezone.now() - timedelta(minutes=1),
    )
    assert Pipeline.load().run(Batch([post], None)).stored == 1


def _feed_entry(link: str) -> dict:
    return {"title": "Physics marking tonight", "summary": "physics physics", "link": link, "id": link}


@pytest.mark.parametrize(
    ("feed_url", "link", "entry"),
    [
        ("https://mastodon.example/@jane.rss", "https://mastodon.example/@jane/111", ("jane@mastodon.example", "")),
        (
            "https://mastodon.example/users/jane.rss",
            "https://mastodon.example/@jane/112",
            ("jane@mastodon.example", "mastodon"),
        ),
        (
            "https://bsky.app/profile/jane.bsky.social/rss",
            "https://bsky.app/profile/did:plc:abcdefghijklmnopqrstuvwx/post/3k",
            ("jane.bsky.social", "bluesky"),
        ),
        (
            "https://aggregator.example/feed.xml",
            "https://mastodon.example/@jane/113",
            ("@jane@mastodon.example", "mastodon"),
        ),
    ],
)
def test_s16_profile_feed_of_a_personal_account_is_not_stored(physics_search, make_user, feed_url, link, entry):
    add_never_store(make_user(), *entry)
    source = FeedSource(feed_url)
    post = source.to_post(_feed_entry(link), link, "Jane's posts")
    result = Pipeline.load().run(Batch([post], None))
    assert result.stored == 0 and result.never_stored == 1
    assert not Mention.objects.exists()


def test_s16_ordinary_feed_posts_are_still_stored(physics_search, make_user):
    add_never_store(make_user(), "jane@mastodon.example", "mastodon")
    source = FeedSource("https://news.example/feed.xml")
    link = "https://news.example/2026/physics-prize"
    post = source.to_post(_feed_entry(link), link, "News")
    assert Pipeline.load().run(Batch([post], None)).stored == 1


@pytest.mark.parametrize("typed", ["example.ac.uk", "@Example.ac.uk", "physics@mastodon.example.ac.uk"])
def test_s16_official_accounts_cannot_go_on_a_never_store_list(call, make_user, units, team, typed):
    from townhall.registry.models import Account

    blue = Account.objects.create(network="bluesky", handle="example.ac.uk", org_unit=units["school"], status="active")
    Account.objects.create(
        network="mastodon", handle="@physics@mastodon.example.ac.uk", org_unit=units["physics"], status="active"
    )
    create_search(team, "Ours", "from:example.ac.uk")
    post = IncomingPost(
        network="bluesky",
        remote_id="at://ours/1",
        text="Open day on Saturday",
        author_handle=blue.handle,
        created_at=timezone.now() - timedelta(minutes=1),
    )
    Pipeline.load().run(Batch([post], None))
    assert Mention.objects.count() == 1

    staff = make_user(unit=units["history"])
    response = call(staff, "post", "/api/listening/never-store", {"handle": typed, "network": ""})
    assert response.status_code == 400, response.content
    assert "official account" in response.json()["detail"]
    assert not NeverStore.objects.exists()
    assert Mention.objects.count() == 1


def test_s16_the_list_never_says_that_a_colleague_listed_a_handle(physics_search, make_user):
    """"X is already on the never-to-store list" told anyone that someone had listed X. Each person now
    has their own entry; the handle stays dropped until every entry for it is removed."""
    from townhall.listening.services import remove_never_store

    ann, ben = make_user(), make_user()
    first = add_never_store(ann, "eve.bsky.social", "bluesky")
    add_never_store(ben, "eve.bsky.social", "bluesky")  # no error that would reveal Ann's entry
    with pytest.raises(ValueError, match="already on your never-to-store list"):
        add_never_store(ben, "eve.bsky.social", "bluesky")

    def stored() -> int:
        post = IncomingPost(network="bluesky", remote_id=f"at://eve/{Mention.objects.count() + 1}", text="physics",
                            author_handle="eve.bsky.social", created_at=timezone.now() - timedelta(minutes=1))
        return Pipeline.load().run(Batch([post], None)).stored

    remove_never_store(ann, first)
    assert stored() == 0  # Ben's entry still keeps it out
    remove_never_store(ben, NeverStore.objects.get(user=ben))
    assert stored() == 1
