from __future__ import annotations

import sys
from datetime import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "connectors"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pds"))

from fake_mastodon import FakeMastodon
from pds_fixture import pds_network  # noqa: F401

TOKEN = "fake-mastodon-token-3f9a7c1e2b"
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def mastodon_server():
    server = FakeMastodon().start()
    server.add_account("physics", TOKEN)
    yield server
    server.stop()


@pytest.fixture
def people(units, make_user):
    author = make_user("staff", units["physics"], username="author")
    owner = make_user("staff", units["physics"], username="owner")
    digital = make_user("digital", units["school"], username="digital")
    governance = make_user("governance", units["school"], username="governance")
    outsider = make_user("staff", units["history"], username="outsider")
    return {"author": author, "owner": owner, "digital": digital, "governance": governance, "outsider": outsider}


@pytest.fixture
def account(people, units, mastodon_server, settings):
    """A Mastodon account of Physics with stored credentials for the fake server; no quiet hours."""
    from townhall.registry.models import Account
    from townhall.registry.vault import store_credentials

    settings.TOWNHALL_COOL_OFF_SECONDS = 120
    acc = Account.objects.create(
        network="mastodon",
        handle="@physics@mastodon.test",
        service_url=mastodon_server.url,
        org_unit=units["physics"],
        status="active",
        min_gap_minutes=60,
        max_per_day=4,
        quiet_start=time(0, 0),
        quiet_end=time(0, 0),
    )
    acc.owners.add(people["owner"])
    store_credentials(acc, TOKEN, actor=people["owner"], kind="api_token")
    return acc
