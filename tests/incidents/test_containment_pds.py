"""Containment against the Bluesky reference PDS, through the real `townhall` commands and worker.

A published post deleted through Townhall is gone from the repository; while the account is
locked (and, separately, while publishing is paused) a due post is not sent, and after the
release it is sent exactly once.
"""

from __future__ import annotations

import json
import secrets

import pytest
from publishing.test_e2e_pds import connect, delivery_state

pytestmark = [pytest.mark.pds, pytest.mark.slow]

ERIN = ("from townhall.core.models import OrgUnit, User; "
        "User.objects.create_user('erin', password='x-irrelevant-9', role='digital', "
        "org_unit=OrgUnit.objects.get(slug='physics'))")


def texts(pds_network, handle: str, text: str) -> list:
    return [r for r in pds_network.records(handle) if r.value.text == text]


def test_a_published_post_deleted_through_townhall_is_gone_from_the_repository(cli, pds_network):
    account_id = connect(cli, pds_network, "alice.test")
    cli("shell", "-c", ERIN)
    text = f"Wrong date for the open day, sorry. {secrets.token_hex(3)}"
    post_id = cli("post", "--account", account_id, "--text", text, "--now", "--as", "dana").stdout.split()[-1]
    cli("worker", "--burst")
    assert len(texts(pds_network, "alice.test", text)) == 1
    listed = json.loads(cli("posts", "list", "--format", "json").stdout)
    remote = next(row for row in listed if row["id"] == int(post_id))["remote_ids"]
    assert remote and remote[0].startswith("at://")
    refused = cli("posts", "delete", post_id, "--reason", "Mine", "--as", "dana", check=False)
    assert refused.returncode == 1 and "may not" in refused.stderr  # the author may not decide alone
    out = cli("posts", "delete", post_id, "--reason", "Wrong date", "--as", "erin").stdout.strip().splitlines()
    assert len(out) == 1 and out[0].startswith(f"Post {post_id} deleted")
    assert texts(pds_network, "alice.test", text) == []
    listed = json.loads(cli("posts", "list", "--format", "json").stdout)
    assert next(row for row in listed if row["id"] == int(post_id))["status"] == "removed"


def test_a_due_post_waits_while_locked_or_paused_and_goes_out_once_after(cli, pds_network):
    handle = "bob.test"
    account_id = connect(cli, pds_network, handle)
    cli("shell", "-c", ERIN)
    brakes = {
        "lock": (("accounts", "lock", account_id, "--reason", "Password phished", "--as", "erin"),
                 ("accounts", "unlock", account_id, "--as", "erin")),
        "pause": (("publishing", "pause", "--reason", "Campus emergency", "--as", "erin"),
                  ("publishing", "resume", "--as", "erin")),
    }
    for brake, (hold, release) in brakes.items():
        text = f"Library opening hours change next week ({brake}). {secrets.token_hex(3)}"
        post_id = cli("post", "--account", account_id, "--text", text, "--now", "--as", "dana").stdout.split()[-1]
        assert len(cli(*hold).stdout.strip().splitlines()) == 1
        cli("worker", "--burst")
        assert texts(pds_network, handle, text) == [], brake
        assert delivery_state(cli, post_id).startswith("scheduled"), brake
        assert len(cli(*release).stdout.strip().splitlines()) == 1
        cli("worker", "--burst")
        cli("worker", "--burst")
        assert len(texts(pds_network, handle, text)) == 1, brake
        status, _remote, attempts = delivery_state(cli, post_id).split()
        assert status == "published" and attempts == "1", brake
        # The account's plan allows one post an hour: let the next one through for this test.
        cli("shell", "-c", f"from townhall.registry.models import Account; "
            f"Account.objects.filter(pk={account_id}).update(min_gap_minutes=0, max_per_day=50)")
