"""Registry fixtures: a fake network connector (registered the way real ones are) and accounts."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pds"))
from pds_fixture import pds_network  # noqa: F401  (the reference Bluesky PDS, for test_pds)

from townhall.connectors.base import CONNECTORS, AccountInfo, PermanentError, TransientError

GOOD_SECRET = "vq7t-k2mz-p9xa-4hbe"  # shaped like a Bluesky app password


class FakeConnector:
    """Accepts GOOD_SECRET (or any secret in `valid`), refuses others like a network would."""

    def __init__(self, network: str):
        self.network = network
        self.valid = {GOOD_SECRET}
        self.down = False
        self.calls: list[str] = []

    def verify_credentials(self, creds):
        self.calls.append(creds.handle)
        if self.down:
            raise TransientError("service unavailable")
        if creds.secret not in self.valid:
            raise PermanentError("Invalid identifier or password")
        return AccountInfo(handle=creds.handle, remote_id=f"did:plc:{abs(hash(creds.handle))}", display_name="Fake")


@pytest.fixture
def fake_connectors(monkeypatch):
    """Replace the bluesky and mastodon connectors with in-process fakes; returns them by network."""
    fakes = {}
    for network in ("bluesky", "mastodon"):
        fake = FakeConnector(network)
        module = types.ModuleType(f"townhall_test_fake_{network}")
        module.connector = fake
        monkeypatch.setitem(sys.modules, module.__name__, module)
        monkeypatch.setitem(CONNECTORS, network, module.__name__)
        fakes[network] = fake
    return fakes


@pytest.fixture
def people(units, make_user):
    return {
        "amara": make_user("staff", units["physics"], "amara"),
        "ben": make_user("staff", units["history"], "ben"),
        "dana": make_user("digital", units["school"], "dana"),
        "eli": make_user("digital", units["school"], "eli"),
        "gwen": make_user("governance", units["school"], "gwen"),
        "ada": make_user("admin", units["school"], "ada"),
    }


@pytest.fixture
def account(units, people):
    from townhall.registry.models import Account

    acc = Account.objects.create(
        network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"], status="active"
    )
    acc.owners.set([people["amara"], people["dana"]])
    return acc
