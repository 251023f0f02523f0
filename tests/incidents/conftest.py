"""The publishing fixtures (people, a Mastodon account on the strict fake, the reference PDS) reused."""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "connectors"))
sys.path.insert(0, str(HERE.parent / "pds"))

from pds_fixture import pds_network  # noqa: E402, F401
from publishing.conftest import PNG, TOKEN, account, mastodon_server, people  # noqa: E402, F401
from publishing.test_e2e_pds import cli  # noqa: E402, F401  (the real `townhall` on a database of its own)
