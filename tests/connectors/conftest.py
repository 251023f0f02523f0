from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pds"))

from fake_mastodon import FakeMastodon
from pds_fixture import pds_network  # noqa: F401


@pytest.fixture
def mastodon_server():
    server = FakeMastodon().start()
    yield server
    server.stop()
