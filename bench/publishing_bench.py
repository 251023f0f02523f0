"""Publishing benchmarks: cadence checks, the approve-and-enqueue path, publish latency, a burst.

    python bench/publishing_bench.py [--posts 200] [--checks 2000] [--publishes 20]
    python bench/publishing_bench.py --burst-only [--burst-accounts 200] [--latency 0.1]

The burst (issue 13): one post due at the same moment on each of 200 Mastodon accounts,
against the fake Mastodon with 100 ms latency per request (in its own process, as a real
server is, so its CPU is not the worker's), sent by the worker's dispatcher.
It prints how long after the due time the last status was made (the spread,
from the fake's own clock), once one at a time (concurrency 1: how the worker sent before)
and once with the configured concurrency (TOWNHALL_PUBLISH_CONCURRENCY, per-network limits).

Runs against a fresh SQLite database in a temporary folder (or DATABASE_URL if set to a
database you can throw away), a local fake Mastodon server, and the Bluesky reference PDS
when `npm ci --prefix tests/pds` has been run. Prints one line per figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "connectors"))


def setup_django() -> None:
    os.environ.setdefault("TOWNHALL_DATA_DIR", tempfile.mkdtemp(prefix="townhall-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
    os.environ["TOWNHALL_COOL_OFF_SECONDS"] = "0"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=200)
    parser.add_argument("--checks", type=int, default=2000)
    parser.add_argument("--publishes", type=int, default=20)
    parser.add_argument("--burst-accounts", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds the fake Mastodon takes per request")
    parser.add_argument("--burst-only", action="store_true", help="only the 200-account burst")
    args = parser.parse_args()
    setup_django()
    if args.burst_only:
        burst(args.burst_accounts, args.latency, concurrency=1)
        burst(args.burst_accounts, args.latency, concurrency=None)
        return

    from datetime import time as dtime

    from fake_mastodon import FakeMastodon

    from townhall.core.models import OrgUnit, User
    from townhall.publishing import cadence, publisher, services
    from townhall.publishing.models import Delivery, Post
    from townhall.registry.models import Account
    from townhall.registry.vault import store_credentials

    unit = OrgUnit.objects.create(name="Bench", slug="bench")
    author = User.objects.create_user("bench-author", role="staff", org_unit=unit)
    approver = User.objects.create_user("bench-approver", role="digital", org_unit=unit)
    fake = FakeMastodon().start()
    fake.add_account("bench", "bench-token-5d1f0a9c")
    account = Account.objects.create(
        network="mastodon", handle="@bench@mastodon.test", service_url=fake.url, org_unit=unit, status="active",
        min_gap_minutes=1, max_per_day=1000, quiet_start=dtime(0), quiet_end=dtime(0),
    )
    account.owners.add(approver)
    store_credentials(account, "bench-token-5d1f0a9c", actor=approver, kind="api_token")

    # 1. cadence guard: one check against an account with a busy month of posts
    busy = Post.objects.create(created_by=author, text="busy", status="scheduled")
    start = datetime(2031, 1, 1, 9, tzinfo=UTC)
    busy_account = Account.objects.create(network="bluesky", handle="busy.example.ac.uk", org_unit=unit)
    Delivery.objects.bulk_create(
        [Delivery(post=busy if i == 0 else Post.objects.create(created_by=author, text=f"b{i}", status="scheduled"),
                  account=busy_account, status="scheduled", due_at=start + timedelta(hours=3 * i),
                  idempotency_key=f"bench-{i}") for i in range(240)]
    )
    slots = cadence.busy_slots(busy_account)
    t0 = time.perf_counter()
    for i in range(args.checks):
        cadence.check(busy_account, start + timedelta(minutes=37 * i), slots=slots)
    dt = time.perf_counter() - t0
    print(f"cadence.check (240 busy slots, in memory): {args.checks / dt:,.0f} checks/s")
    t0 = time.perf_counter()
    for i in range(200):
        cadence.check(busy_account, start + timedelta(minutes=37 * i))
    dt = time.perf_counter() - t0
    print(f"cadence.check with DB read: {200 / dt:,.0f} checks/s ({dt / 200 * 1000:.2f} ms each)")

    # 2. create → submit (policy check) → approve (cadence + enqueue) throughput
    t0 = time.perf_counter()
    base = datetime.now(UTC) + timedelta(days=400)
    for i in range(args.posts):
        post = services.create_post(author, [account], f"Bench post {i}: seminar at 16:00, all welcome.",
                                    scheduled_at=base + timedelta(minutes=2 * i))
        services.submit(post, author)
        services.approve(post, approver)
    dt = time.perf_counter() - t0
    print(f"create+submit+approve+enqueue: {args.posts / dt:,.1f} posts/s ({dt / args.posts * 1000:.1f} ms each)")

    # 3. publish latency (claim, network call, record) against the fake Mastodon server
    latencies = []
    for i in range(args.publishes):
        post = services.create_post(author, [account], f"Publish bench {i}")
        services.submit(post, author)
        services.approve(post, approver, publish_now=True)
        delivery = post.deliveries.get()
        t0 = time.perf_counter()
        assert publisher.run(delivery.pk) == "published"
        latencies.append((time.perf_counter() - t0) * 1000)
        Account.objects.filter(pk=account.pk).update(min_gap_minutes=0)
        Delivery.objects.filter(pk=delivery.pk).update(published_at=datetime(2020, 1, 1, tzinfo=UTC))
    print(f"publish to fake Mastodon: median {statistics.median(latencies):.1f} ms, "
          f"p95 {pct(latencies, 95):.1f} ms over {len(latencies)}")
    fake.stop()

    # 4. publish latency against the Bluesky reference PDS, when installed
    pds_dir = ROOT / "tests" / "pds"
    if not (pds_dir / "node_modules" / "@atproto" / "dev-env").is_dir():
        print("publish to Bluesky PDS: skipped (run `npm ci --prefix tests/pds`)")
        return
    password = "Bench-PDS-password-8841"
    proc = subprocess.Popen(["node", str(pds_dir / "start-pds.js"), f"bench.test:{password}"], cwd=pds_dir,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        info = json.loads(proc.stdout.readline())
        sky = Account.objects.create(network="bluesky", handle="bench.test", service_url=info["pds_url"],
                                     org_unit=unit, status="active", min_gap_minutes=0, max_per_day=1000,
                                     quiet_start=dtime(0), quiet_end=dtime(0))
        sky.owners.add(approver)
        store_credentials(sky, password, actor=approver)
        latencies = []
        for i in range(args.publishes):
            post = services.create_post(author, [sky], f"PDS bench {i} #bench https://example.ac.uk/{i}")
            services.submit(post, author)
            services.approve(post, approver, publish_now=True)
            delivery = post.deliveries.get()
            t0 = time.perf_counter()
            assert publisher.run(delivery.pk) == "published"
            latencies.append((time.perf_counter() - t0) * 1000)
        print(f"publish to Bluesky PDS (facets, createRecord at a fixed rkey): median "
              f"{statistics.median(latencies):.1f} ms, p95 {pct(latencies, 95):.1f} ms over {len(latencies)} "
              f"(first, with login: {latencies[0]:.1f} ms)")
    finally:
        proc.stdin.close()
        proc.wait(timeout=20)


def _serve_fake(conn, latency: float, tokens: list[str]) -> None:
    """The fake Mastodon in its own process, as a real server is: its CPU is not the worker's."""
    from fake_mastodon import FakeMastodon

    fake = FakeMastodon(latency=latency).start()
    for i, token in enumerate(tokens):
        fake.add_account(f"b{i}", token)
    conn.send(fake.url)
    conn.recv()  # the burst is over
    conn.send({"created": [t for t, _sid, _key in fake.created_log], "max": fake.max_concurrent_creates})
    fake.stop()


def burst(accounts: int, latency: float, concurrency: int | None) -> None:
    """Posts due at the same moment on `accounts` accounts; prints the spread of send times."""
    import multiprocessing
    from datetime import time as dtime

    from django.conf import settings
    from django.utils import timezone

    from townhall.core.models import OrgUnit, User
    from townhall.publishing.dispatch import Dispatcher
    from townhall.publishing.models import Delivery, Post
    from townhall.registry.models import Account
    from townhall.registry.vault import store_credentials

    tag = f"c{concurrency or 'default'}"
    unit = OrgUnit.objects.create(name=f"Burst {tag}", slug=f"burst-{tag}")
    author = User.objects.create_user(f"burst-author-{tag}", role="staff", org_unit=unit)
    tokens = [f"burst-{tag}-{i}" for i in range(accounts)]
    ours, theirs = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(target=_serve_fake, args=(theirs, latency, tokens))
    server.start()
    url = ours.recv()
    now = timezone.now()
    for i, token in enumerate(tokens):
        account = Account.objects.create(
            network="mastodon", handle=f"@b{i}-{tag}@mastodon.test", service_url=url, org_unit=unit,
            status="active", min_gap_minutes=0, max_per_day=1000, quiet_start=dtime(0), quiet_end=dtime(0),
        )
        store_credentials(account, token, actor=author, kind="api_token")
        post = Post.objects.create(created_by=author, org_unit=unit, text=f"Welcome week, account {i}.",
                                   status="scheduled")
        Delivery.objects.create(post=post, account=account, status="scheduled", due_at=now)
    due = time.time()
    Delivery.objects.filter(post__org_unit=unit).update(due_at=timezone.now())
    if concurrency:
        dispatcher = Dispatcher(concurrency=concurrency, network_limits={"mastodon": concurrency})
    else:
        dispatcher = Dispatcher()
    cpu = time.process_time()
    outcomes = dispatcher.sweep()
    cpu = time.process_time() - cpu
    dispatcher.close()
    ours.send("done")
    seen = ours.recv()
    server.join(timeout=20)
    times = sorted(t - due for t in seen["created"])
    label = (f"concurrency {concurrency} (one at a time, as before)" if concurrency == 1 else
             f"concurrency {settings.TOWNHALL_PUBLISH_CONCURRENCY}, mastodon limit "
             f"{settings.TOWNHALL_PUBLISH_NETWORK_LIMITS.get('mastodon')}")
    print(f"burst: {accounts} accounts, {accounts} posts due at once, fake Mastodon (own process) "
          f"{latency * 1000:.0f} ms/request, {label}: {dict(outcomes)}; {len(times)} statuses made; "
          f"first {times[0]:.2f} s, median {statistics.median(times):.2f} s, last {times[-1]:.2f} s after the due "
          f"time; at most {seen['max']} creates in flight at once; worker CPU {cpu * 1000 / accounts:.1f} ms "
          f"per delivery", flush=True)


if __name__ == "__main__":
    main()
