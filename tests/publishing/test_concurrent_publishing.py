"""Issue 13: 200 accounts' posts due at the same minute go out concurrently, each exactly once.

200 posts, one per account, all due now; the fake Mastodon answers every request after
100 ms. It also holds a creation that arrives alone (up to 10 s, under the client's 30 s
timeout) until two have been in flight at once (`overlap_wait`), so whether sends overlap
does not depend on how loaded the machine is: a concurrent worker makes a second request
while the first waits, a one-at-a-time sender never does (checked: with
TOWNHALL_PUBLISH_CONCURRENCY=1 this test fails on the overlap assertion).

A long-running worker (its publishing loop alone, `--no-schedule`) starts first; once its
sends overlap, a `--burst` worker (the periodic sweep) joins, so the claim is contended too.
Every post must be on the server exactly once and recorded as published, never more
creations in flight than the two workers' per-network limits together. How fast the burst
leaves is measured by `python bench/publishing_bench.py --burst-only` (timing is for
benchmarks, not tests)."""

from __future__ import annotations

import json
import secrets
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from fake_mastodon import FakeMastodon
from faults.conftest import REPO, townhall  # noqa: F401

pytestmark = pytest.mark.slow

ACCOUNTS = 200
LIMIT = 6

SETUP = """
import json
from datetime import time
from django.utils import timezone
from townhall.core.models import OrgUnit, User
from townhall.publishing.models import Delivery, Post
from townhall.registry.models import Account
from townhall.registry.vault import store_credentials

url, token, count = json.loads({args!r})
unit = OrgUnit.objects.create(name="Burst", slug="burst")
author = User.objects.create_user("author", role="staff", org_unit=unit)
now = timezone.now()
for i in range(count):
    account = Account.objects.create(network="mastodon", handle=f"@b{{i}}@mastodon.test", service_url=url,
                                     org_unit=unit, status="active", min_gap_minutes=0, max_per_day=1000,
                                     quiet_start=time(0), quiet_end=time(0))
    store_credentials(account, f"burst-{{i}}-{{token}}", actor=author, kind="api_token")
    post = Post.objects.create(created_by=author, org_unit=unit, text=f"Welcome week {{i}} ({{token}})",
                               status="scheduled")
    Delivery.objects.create(post=post, account=account, status="scheduled", due_at=now)
"""

STATES = """
import json
from collections import Counter
from townhall.publishing.models import Delivery
print(json.dumps(Counter(Delivery.objects.values_list("status", flat=True))))
"""


def test_burst_of_200_accounts_goes_out_concurrently_and_exactly_once(townhall):  # noqa: F811
    token = secrets.token_hex(3)
    fake = FakeMastodon(latency=0.1, overlap_wait=10).start()
    try:
        for i in range(ACCOUNTS):
            fake.add_account(f"b{i}", f"burst-{i}-{token}")
        townhall.shell(SETUP.format(args=json.dumps([fake.url, token, ACCOUNTS])))
        env = {**townhall.env, "TOWNHALL_PUBLISH_CONCURRENCY": "16",
               "TOWNHALL_PUBLISH_NETWORK_LIMITS": f"mastodon={LIMIT}"}
        # A long-running worker (its publishing loop) and a burst worker (the periodic sweep) at once.
        # The burst worker starts once the loop worker has two creations in flight, so both take
        # part however slowly a loaded machine starts Python, and the overlap seen is one worker's.
        def start(*extra: str) -> subprocess.Popen:
            return subprocess.Popen([sys.executable, "-m", "townhall", "worker", *extra], cwd=REPO, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

        workers = [start("--no-schedule")]  # its publishing loop alone sends until the second starts
        deadline = time.monotonic() + 120
        while fake.max_concurrent_creates < 2 and time.monotonic() < deadline and workers[0].poll() is None:
            time.sleep(0.05)
        overlap_in_one_worker = fake.max_concurrent_creates  # before the second worker exists
        workers.append(start("--burst"))
        out, _ = workers[1].communicate(timeout=300)
        assert workers[1].returncode == 0, out[-3000:]
        deadline = time.monotonic() + 120
        while len(fake.statuses) < ACCOUNTS and time.monotonic() < deadline:
            time.sleep(0.5)
        deadline = time.monotonic() + 120  # the loop records its last results (bounded wait)
        while (states := json.loads(townhall.shell(STATES).strip().splitlines()[-1])) != {"published": ACCOUNTS}:
            if time.monotonic() > deadline:
                break
            time.sleep(1)
        workers[0].send_signal(signal.SIGTERM)  # stops cleanly
        out, _ = workers[0].communicate(timeout=120)
        assert workers[0].returncode == 0, out[-3000:]
        made = Counter(s["text"] for s in fake.statuses.values())
        assert states == {"published": ACCOUNTS}
        assert len(made) == ACCOUNTS and set(made.values()) == {1}  # each exactly once
        assert fake.create_calls == ACCOUNTS
        # One worker's sends overlapped (a one-at-a-time worker's first creation would have been
        # held alone until the probe gave up), and never beyond the limit (two workers: twice one's).
        assert overlap_in_one_worker >= 2
        assert fake.max_concurrent_creates <= 2 * LIMIT
    finally:
        fake.stop()
