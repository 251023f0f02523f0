from __future__ import annotations

import pytest


@pytest.fixture
def account(db, units, make_user):
    from townhall.registry.models import Account

    owner = make_user(role="staff", unit=units["physics"])
    acc = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"],
                                 status="active")
    acc.owners.add(owner)
    acc.owner = owner
    return acc


@pytest.fixture
def feed(account):
    """Run posts through the listening pipeline, as the listener would."""
    from django.utils import timezone

    from townhall.listening.pipeline import Pipeline
    from townhall.listening.services import ensure_inbox_search
    from townhall.listening.types import Batch, IncomingPost

    ensure_inbox_search()

    def run(*items):
        posts = [
            IncomingPost("bluesky", f"at://did:plc:x/app.bsky.feed.post/{i}", text, author_handle=author,
                         to_handles=("physics.example.ac.uk",), created_at=timezone.now())
            for i, (text, author) in enumerate(items)
        ]
        return Pipeline.load().run(Batch(posts, None))

    return run
