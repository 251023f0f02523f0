"""Against the reference Bluesky network with its AppView (the PDS alone cannot answer
app.bsky.actor.getProfile): the test account's follower count is fetched and stored."""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.subprocess_env import scratch_database
from townhall.analytics import services
from townhall.analytics.models import FollowerCount
from townhall.registry.models import Account

pytestmark = [pytest.mark.pds, pytest.mark.slow]

PDS_DIR = Path(__file__).resolve().parents[1] / "pds"
PASSWORD = "correct-horse-battery-9"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _postgres_url() -> str:
    """The test run's PostgreSQL server, or the local one: the AppView needs PostgreSQL even when
    Townhall's own tests run on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres", "pgsql")) else "postgres://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="module")
def bluesky_with_appview():
    if not (PDS_DIR / "node_modules" / "@atproto" / "dev-env").is_dir() or not shutil.which("node"):
        pytest.skip("the reference network is not installed (cd tests/pds && npm ci)")
    if not shutil.which("redis-server"):
        pytest.skip("the AppView needs Redis (apt-get install redis-server)")
    import psycopg

    with contextlib.ExitStack() as stack:
        try:
            db_url = stack.enter_context(scratch_database(_postgres_url(), "townhall_appview", connect_timeout=3))
        except psycopg.Error:
            pytest.skip("the AppView needs a PostgreSQL server on 127.0.0.1:5432")
        yield stack.enter_context(_network(urlunsplit(("postgresql", *urlsplit(db_url)[1:3], "", ""))))


@contextlib.contextmanager
def _network(db_url: str) -> Iterator[dict]:
    """Redis plus the reference PDS and AppView (tests/pds/start-network.js) on ``db_url``."""
    redis_port = _free_port()
    redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                              "--appendonly", "no"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = {**os.environ, "NODE_ENV": "test", "LOG_ENABLED": "false", "DB_POSTGRES_URL": db_url,
           "REDIS_HOST": f"127.0.0.1:{redis_port}"}
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 (lives as long as the network)
    proc = subprocess.Popen(
        ["node", str(PDS_DIR / "start-network.js"), f"alice.test:{PASSWORD}", f"bob.test:{PASSWORD}",
         f"carol.test:{PASSWORD}", "follow=bob.test>alice.test", "follow=carol.test>alice.test"],
        cwd=PDS_DIR, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 240)
        line = proc.stdout.readline() if ready else ""
        if not line:
            log.seek(0)
            pytest.fail(f"the reference network did not start: {log.read()[-3000:]}")
        yield json.loads(line)
    finally:
        try:
            proc.stdin.close()
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        redis.terminate()
        redis.wait(timeout=10)
        log.close()
        time.sleep(0.5)  # let the AppView's connections close before the database is dropped



def test_follower_count_of_the_test_account_is_fetched_and_stored(bluesky_with_appview, units, make_user):
    from townhall.registry.vault import store_credentials

    owner = make_user("staff", units["physics"])
    account = Account.objects.create(network="bluesky", handle="alice.test", org_unit=units["physics"],
                                     service_url=bluesky_with_appview["pds_url"], status="active")
    account.owners.add(owner)
    store_credentials(account, PASSWORD, actor=owner)
    assert services.fetch_followers() == {"updated": 1, "failed": 0}
    assert FollowerCount.objects.get(account=account).followers == 2  # bob and carol follow alice
