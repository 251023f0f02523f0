"""The real `townhall worker`, killed or stopped in the middle of a task (review S16).

- SIGKILL under a task left it RUNNING for ever: nothing took it back. Now the next worker takes
  it over once the dead worker's heartbeat lease runs out, and runs it to the end.
- A second SIGTERM (systemd stopping a worker whose task is slow, Ctrl+C twice) recorded the task
  FAILED with SystemExit: it was never run again. Now it goes back to the queue.

Runs on SQLite and, with DATABASE_URL, on a throwaway PostgreSQL database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.tasks import task

pytestmark = [pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]


@task()
def slow_once(folder: str) -> str:
    """Sleeps a minute the first time it runs; later runs finish at once. Leaves a file per start."""
    here = Path(folder)
    n = len(list(here.glob("start-*")))
    (here / f"start-{n}").write_text(str(os.getpid()))
    if n == 0:
        time.sleep(60)
    (here / "done").write_text(str(n))
    return "done"


class Env:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = {**env, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}

    def run(self, *args: str) -> str:
        proc = subprocess.run([sys.executable, "-m", "townhall", *args], cwd=REPO, env=self.env,
                              capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-3000:]
        return proc.stdout

    def enqueue(self, folder: Path) -> str:
        out = self.run("shell", "-c", "from faults.test_s16_worker_signals import slow_once; "
                       f"print(slow_once.enqueue({str(folder)!r}).id)")
        return out.strip().splitlines()[-1]

    def status(self, result_id: str) -> str:
        out = self.run("shell", "-c", "from django_tasks_db.models import DBTaskResult; "
                       f"print(DBTaskResult.objects.get(pk={result_id!r}).status)")
        return out.strip().splitlines()[-1]

    def worker(self, log: Path, *extra: str) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "townhall", "worker", "--interval", "0.2", "--no-publishing", "--no-schedule",
             *extra], cwd=REPO, env=self.env, stdout=log.open("ab"), stderr=subprocess.STDOUT)


@pytest.fixture(scope="module")
def townhall(tmp_path_factory):
    from subprocess_env import own_database

    with own_database(tmp_path_factory.mktemp("s16"), "townhall_s16") as env:
        th = Env(env)
        th.run("migrate", "--no-input")
        yield th


def _wait_for(path: Path, seconds: float, proc: subprocess.Popen | None = None) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists():
            return True
        if proc is not None and proc.poll() is not None:
            return False
        time.sleep(0.05)
    return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()


def test_a_task_under_a_sigkilled_worker_is_taken_over_and_finished(townhall, tmp_path):
    folder = tmp_path / "kill"
    folder.mkdir()
    log = tmp_path / "worker.log"
    townhall.enqueue(folder)
    first = townhall.worker(log, "--lease", "2")
    try:
        assert _wait_for(folder / "start-0", 15, first), log.read_text()[-3000:]
        first.send_signal(signal.SIGKILL)
        first.wait()
    finally:
        _stop(first)
    second = townhall.worker(log, "--lease", "2")
    try:
        assert _wait_for(folder / "done", 15, second), log.read_text()[-3000:]
        second.send_signal(signal.SIGTERM)
        assert second.wait(timeout=15) == 0, log.read_text()[-3000:]
    finally:
        _stop(second)
    assert sorted(p.name for p in folder.glob("start-*")) == ["start-0", "start-1"]


def test_a_second_sigterm_puts_the_task_in_hand_back_in_the_queue(townhall, tmp_path):
    folder = tmp_path / "term"
    folder.mkdir()
    log = tmp_path / "worker.log"
    result_id = townhall.enqueue(folder)
    worker = townhall.worker(log)
    try:
        assert _wait_for(folder / "start-0", 15, worker), log.read_text()[-3000:]
        worker.send_signal(signal.SIGTERM)  # finish the task in hand: it sleeps for a minute
        time.sleep(0.5)
        assert worker.poll() is None
        worker.send_signal(signal.SIGTERM)  # no more waiting
        worker.wait(timeout=15)
    finally:
        _stop(worker)
    assert townhall.status(result_id) == "READY", log.read_text()[-3000:]
