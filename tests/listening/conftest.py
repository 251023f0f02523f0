from __future__ import annotations

import pytest


@pytest.fixture
def team(make_user, units):
    return make_user(role="digital", unit=units["school"])


@pytest.fixture
def official(db, units):
    from townhall.registry.models import Account

    return Account.objects.create(
        network="bluesky", handle="example.ac.uk", org_unit=units["school"], status="active"
    )


@pytest.fixture
def search(team):
    from townhall.listening.services import create_search

    def make(query: str, name: str | None = None, **kw):
        return create_search(team, name or query[:50], query, **kw)

    return make
