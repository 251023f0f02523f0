"""A real `townhall serve` on loopback with its own fresh database, for the click-count test and
bench/links_bench.py: SQLite in a temporary folder, or (when DATABASE_URL names PostgreSQL) a
database of its own on that server, dropped afterwards."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from tests import subprocess_env

SERVER_PID = 0  # the latest `townhall serve` started by serving(), for CPU accounting in the bench


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def own_database(folder: Path) -> contextlib.AbstractContextManager[dict[str, str]]:
    """Environment for the subprocesses: a fresh SQLite file, or a fresh PostgreSQL database."""
    return subprocess_env.own_database(folder, "townhall_clicks", PYTHONUNBUFFERED="1")


def townhall(env: dict[str, str], *args: str, timeout: int = 300) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "townhall", *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise RuntimeError(f"townhall {' '.join(args)} failed: {result.stderr or result.stdout}")
    return result.stdout


def prepare(env: dict[str, str]) -> str:
    """Migrate, make a digital-team user and one tracked link; returns the link's code."""
    townhall(env, "migrate", "--no-input")
    script = (
        "from townhall.core.models import User, OrgUnit;"
        "u=OrgUnit.objects.create(name='Web', slug='web', kind='department');"
        "User.objects.create_user(username='loadtest', password='correct horse battery 9', role='digital', org_unit=u)"
    )
    townhall(env, "shell", "-c", script)
    out = townhall(env, "links", "create", "https://www.example.ac.uk/clearing?x=1", "--as", "loadtest")
    return out.strip().splitlines()[-1].rsplit("/", 1)[-1]


@contextlib.contextmanager
def serving(env: dict[str, str], threads: int = 8) -> Iterator[int]:
    """`townhall serve` on a free loopback port. Its output goes to a file, not a pipe: waitress
    logs a line per queued task under load, and an unread pipe would fill and stall the server."""
    port = free_port()
    log = Path(env["TOWNHALL_DATA_DIR"]) / "serve.log"
    with open(log, "w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "townhall", "serve", "--port", str(port), "--threads", str(threads)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"townhall serve stopped: {log.read_text()[-2000:]}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("townhall serve did not come up within 90 seconds") from None
                time.sleep(0.2)
        global SERVER_PID
        SERVER_PID = proc.pid
        yield port
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


def fire(
    port: int,
    path: str,
    total: int,
    workers: int,
    user_agents: list[str] | None = None,
) -> tuple[list[float], dict[int, int]]:
    """`total` GETs of `path` from `workers` threads, each on its own keep-alive connection.

    Returns each request's latency in seconds and a count of the status codes seen."""
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    lock = threading.Lock()
    per = [total // workers + (1 if i < total % workers else 0) for i in range(workers)]
    start = threading.Barrier(workers)

    def worker(n: int, index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, seen = [], {}
        start.wait()
        for i in range(n):
            agents = user_agents or ["Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"]
            ua = agents[(index + i) % len(agents)]
            t0 = time.perf_counter()
            try:
                conn.request("GET", path, headers={"User-Agent": ua, "Referer": "https://bsky.app/"})
                response = conn.getresponse()
                response.read()
            except (ConnectionError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", path, headers={"User-Agent": ua, "Referer": "https://bsky.app/"})
                response = conn.getresponse()
                response.read()
            mine.append(time.perf_counter() - t0)
            seen[response.status] = seen.get(response.status, 0) + 1
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.close()
        with lock:
            latencies.extend(mine)
            for k, v in seen.items():
                statuses[k] = statuses.get(k, 0) + v

    pool = [threading.Thread(target=worker, args=(n, i)) for i, n in enumerate(per)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return latencies, statuses
