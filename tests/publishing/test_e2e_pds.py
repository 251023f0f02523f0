"""End to end on the Bluesky reference PDS, through the real command line and worker.

Each test runs `townhall` in subprocesses against its own database (a temporary SQLite
file, or a throwaway PostgreSQL database when DATABASE_URL is PostgreSQL): connect an
account, `townhall post ... --now`, `townhall worker --burst`, and look at the PDS.
The crash test makes the worker SIGKILL itself right after the PDS accepted the post and
before the result is recorded, restarts it, and checks there is still exactly one record.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
from subprocess_env import own_database

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.pds, pytest.mark.slow]

SETUP = """
from townhall.core.models import OrgUnit, User
unit, _ = OrgUnit.objects.get_or_create(slug="physics", defaults={"name": "Physics"})
User.objects.create_user("dana", password="x-irrelevant-9", role="digital", org_unit=unit)
"""


@pytest.fixture
def cli(tmp_path):
    """Run `python -m townhall ...` against a fresh database of its own."""
    with own_database(tmp_path, "townhall_e2e") as env:
        yield _runner(env)


def _runner(env: dict[str, str]):
    def run(*args: str, extra_env: dict[str, str] | None = None, check: bool = True) -> subprocess.CompletedProcess:
        proc = subprocess.run(
            [sys.executable, "-m", "townhall", *args],
            cwd=REPO, env={**env, **(extra_env or {})}, capture_output=True, text=True, timeout=180,
        )
        if check and proc.returncode != 0:
            command = " ".join(args[:2])
            raise AssertionError(f"townhall {command} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        return proc

    run("migrate", "--no-input")
    run("shell", "-c", SETUP)
    return run


def connect(cli, pds_network, handle: str) -> str:
    out = cli(
        "accounts", "connect", "--network", "bluesky", "--handle", handle, "--app-password", pds_network.password,
        "--service-url", pds_network.url, "--unit", "physics", "--as", "dana",
    )
    account_id = out.stdout.strip().splitlines()[-1]
    # This account's plan has no quiet hours, so the test passes at any time of day.
    cli("shell", "-c", f"from datetime import time; from townhall.registry.models import Account; "
        f"Account.objects.filter(pk={account_id}).update(quiet_start=time(0), quiet_end=time(0))")
    return account_id


def delivery_state(cli, post_id: str) -> str:
    out = cli("shell", "-c", f"from townhall.publishing.models import Delivery; "
              f"d = Delivery.objects.get(post_id={post_id}); print(d.status, d.remote_id or '-', d.attempts)")
    return out.stdout.strip().splitlines()[-1]


def test_post_now_and_worker_publish_exactly_once(cli, pds_network):
    account_id = connect(cli, pds_network, "carol.test")
    text = f"Physics open day on Saturday: labs, talks and a planetarium show. #OpenDay {secrets.token_hex(3)}"
    out = cli("post", "--account", account_id, "--text", text, "--now", "--as", "dana")
    post_id = out.stdout.strip().splitlines()[-1]
    assert delivery_state(cli, post_id).startswith("scheduled")
    cli("worker", "--burst")
    status, remote_id, attempts = delivery_state(cli, post_id).split()
    assert status == "published" and attempts == "1"
    records = [r for r in pds_network.records("carol.test") if r.value.text == text]
    assert len(records) == 1 and records[0].uri == remote_id
    assert records[0].value.facets[0].features[0].tag == "OpenDay"
    cli("worker", "--burst")  # running the worker again sends nothing more
    assert len([r for r in pds_network.records("carol.test") if r.value.text == text]) == 1


def test_worker_killed_mid_publish_still_one_record(cli, pds_network):
    account_id = connect(cli, pds_network, "dave.test")
    text = f"Lab tours all week: book a slot at the front desk. {secrets.token_hex(3)}"
    post_id = cli("post", "--account", account_id, "--text", text, "--now", "--as", "dana").stdout.split()[-1]
    crashed = cli(
        "worker", "--burst", check=False,
        extra_env={"TOWNHALL_TEST_CRASH_AFTER_PUBLISH": "1", "TOWNHALL_PUBLISH_LEASE_SECONDS": "1"},
    )
    assert crashed.returncode == -9, crashed.stderr  # SIGKILLed right after the network call
    assert len([r for r in pds_network.records("dave.test") if r.value.text == text]) == 1
    assert delivery_state(cli, post_id).startswith("publishing")  # the success was never recorded
    time.sleep(1.5)  # the dead worker's lease runs out
    # A minute later the periodic sweep is due again; make it due now instead of waiting.
    cli("shell", "-c", "from townhall.core.models import PeriodicState; PeriodicState.objects.all().delete()")
    cli("worker", "--burst")
    status, remote_id, attempts = delivery_state(cli, post_id).split()
    records = [r for r in pds_network.records("dave.test") if r.value.text == text]
    assert status == "published" and attempts == "2"
    assert len(records) == 1 and records[0].uri == remote_id
