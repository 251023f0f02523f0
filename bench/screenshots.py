"""Regenerate docs/screenshots/ (the pictures in the README) in one command.

    python bench/screenshots.py

Runs tests/browser/test_screenshots.py against a throw-away database with Debian's chromium,
writing PNGs named <page>-<width>.png (1366 px laptop, 390 px phone) in the light theme and
<page>-dark-<width>.png in the dark one (prefers-color-scheme: dark), charts included."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    out = ROOT / "docs" / "screenshots"
    env = {**os.environ, "TOWNHALL_SCREENSHOTS": str(out)}
    env.setdefault("TOWNHALL_DATA_DIR", tempfile.mkdtemp(prefix="townhall-shots-"))
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/browser/test_screenshots.py"]
    result = subprocess.run(command, cwd=ROOT, env=env, check=False)
    if result.returncode == 0:
        names = ", ".join(sorted(p.name for p in out.glob("*.png")))
        print(f"Screenshots written to {out.relative_to(ROOT)}/: {names}")
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
