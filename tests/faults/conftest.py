"""Fixtures for fault injection: the real `townhall` command in subprocesses, on a database of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from subprocess_env import own_database

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "connectors"))
sys.path.insert(0, str(REPO / "tests" / "pds"))

from pds_fixture import pds_network  # noqa: E402, F401


class Townhall:
    """Runs `python -m townhall ...` (and starts workers) against one throwaway database."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env

    def run(self, *args: str, timeout: float = 300) -> str:
        proc = subprocess.run([sys.executable, "-m", "townhall", *args], cwd=REPO, env=self.env,
                              capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise AssertionError(
                f"townhall {args[0]} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr[-4000:]}"
            )
        return proc.stdout

    def shell(self, code: str) -> str:
        return self.run("shell", "-c", code)

    def worker(self, log: Path, extra_env: dict[str, str] | None = None) -> subprocess.Popen:
        handle = log.open("ab")
        return subprocess.Popen([sys.executable, "-m", "townhall", "worker", "--interval", "0.2"], cwd=REPO,
                                env={**self.env, **(extra_env or {})}, stdout=handle, stderr=subprocess.STDOUT)


@pytest.fixture
def townhall(tmp_path):
    with own_database(tmp_path, "townhall_faults", TOWNHALL_COOL_OFF_SECONDS="0") as env:
        th = Townhall(env)
        th.run("migrate", "--no-input")
        yield th
