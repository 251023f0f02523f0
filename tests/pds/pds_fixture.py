"""The session-scoped fixture that runs the Bluesky reference PDS and PLC (@atproto/dev-env).

`start-pds.js` (next to this file) starts `TestNetworkNoAppView` on loopback, creates the
accounts it is given and prints one JSON line; closing its stdin shuts it down. The npm
packages are installed by CI (`npm ci --prefix tests/pds`); without them the tests that
need the PDS are skipped with that instruction.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
PASSWORD = "Townhall-test-PDS-pass-7391"
ACCOUNTS = ["alice.test", "bob.test", "carol.test", "dave.test"]
START_TIMEOUT = 90


@dataclass
class PdsNetwork:
    url: str
    plc_url: str
    accounts: dict[str, dict[str, str]]
    password: str = PASSWORD

    def client(self, handle: str):
        """A logged-in atproto SDK client, to look at what the PDS stored."""
        from atproto import Client

        client = Client(base_url=self.url)
        client.login(handle, self.password, fetch_bsky_profile=False)
        return client

    def records(self, handle: str, collection: str = "app.bsky.feed.post") -> list:
        client = self.client(handle)
        did = self.accounts[handle]["did"]
        out = client.com.atproto.repo.list_records({"repo": did, "collection": collection, "limit": 100})
        return list(out.records)


def skip_reason() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed: the Bluesky PDS tests need Node.js 18+"
    if not (HERE / "node_modules" / "@atproto" / "dev-env").is_dir():
        return "the reference PDS is not installed: run `npm ci --prefix tests/pds` (CI does)"
    return None


@pytest.fixture(scope="session")
def pds_network():
    reason = skip_reason()
    if reason:
        pytest.skip(reason)
    env = {**os.environ, "NODE_ENV": "test", "LOG_ENABLED": "false"}
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (lives as long as the PDS)
    proc = subprocess.Popen(
        ["node", str(HERE / "start-pds.js"), *[f"{h}:{PASSWORD}" for h in ACCOUNTS]],
        cwd=HERE,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
        env=env,
    )
    ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT)
    line = proc.stdout.readline() if ready else ""
    if not line:
        proc.kill()
        log.seek(0)
        err = log.read()[-2000:]
        pytest.fail(f"the reference PDS did not start: {err}")
    info = json.loads(line)
    network = PdsNetwork(
        url=info["pds_url"], plc_url=info["plc_url"], accounts={a["handle"]: a for a in info["accounts"]}
    )
    try:
        yield network
    finally:
        try:
            proc.stdin.close()
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
