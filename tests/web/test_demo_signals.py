"""`townhall demo` stops its worker on SIGINT and SIGTERM, and repeats the logins on exit."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    except FileNotFoundError:
        return False
    return state != "Z"


def _ignore_sigint() -> None:
    """As for a demo started in the background of a script: SIGINT is inherited as ignored."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize(
    ("sig", "start"),
    [(signal.SIGTERM, None), (signal.SIGINT, None), (signal.SIGINT, _ignore_sigint)],
    ids=["SIGTERM", "SIGINT", "SIGINT-started-in-the-background"],
)
def test_demo_stops_its_worker_on_a_signal(tmp_path, sig, start):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE",
                                                            "TOWNHALL_LOG_LEVEL")}
    env["TOWNHALL_DATA_DIR"] = str(tmp_path)
    demo = subprocess.Popen([sys.executable, "-m", "townhall", "demo", "--no-input", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=start)
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while time.monotonic() < deadline and not workers:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    workers = _children(demo.pid)
            time.sleep(0.5)
        assert workers, "the demo did not start its web server and worker"
        time.sleep(2)  # let the worker start its loops, where it would otherwise log
        demo.send_signal(sig)
        out, _ = demo.communicate(timeout=60)
    finally:
        if demo.poll() is None:
            demo.kill()
    deadline = time.monotonic() + 15
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(w) for w in workers), "the worker was left running"
    assert "Demo stopped" in out and out.count("Every demo login uses the password") == 2
    assert " INFO " not in out, out
