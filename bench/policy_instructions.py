"""Machine instructions per post of ``check()``, counted by valgrind: a speed figure that does not move
with the machine.

Why: sessions run on shared machines whose speed changes from one day to the next and within a run
(2026-12-05: the same tree gave 1,723-1,786 posts/s in one session and 600-1,000 in the next, the
spread inside one session as wide as any change being measured). valgrind's callgrind counts
instructions, which repeat for the same interpreter, packages and inputs whatever else the machine
does. This runs the engine twice under callgrind, once checking no post and once checking ``--n``
of the bench's distinct texts (``policy_bench.load_texts``), and prints the difference per post, so
start-up is left out. Compare two trees by running it in each (a git worktree for the other).

    python bench/policy_instructions.py [--data ../shared] [--n 600] [--account official]

Needs valgrind (Debian's package); about a minute per 600 posts.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_DRIVER = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r}); sys.path.insert(0, {bench!r})
from policy_bench import load_texts
from townhall.policy import Context, check
texts = load_texts(Path({data!r}), {n}) if {n} else []
ctx = Context({network!r}, {account!r})
check("warm up the engine", ctx)
for t in texts:
    check(t, ctx)
"""


def count(n: int, args: argparse.Namespace) -> int:
    """Instructions of one run of the driver checking ``n`` posts."""
    driver = _DRIVER.format(
        root=str(ROOT), bench=str(ROOT / "bench"), data=str(args.data), n=n, network=args.network, account=args.account
    )
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", sys.executable, "-c", driver],
            capture_output=True,
            text=True,
            check=True,
        )
    m = re.search(r"Collected : (\d+)", out.stderr)
    if m is None:
        raise SystemExit(f"valgrind printed no instruction count:\n{out.stderr[-2000:]}")
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--n", type=int, default=600)
    ap.add_argument("--network", default="x")
    ap.add_argument("--account", default="official")
    args = ap.parse_args(argv)
    base = count(0, args)
    full = count(args.n, args)
    print(
        f"start-up {base / 1e6:,.0f} M instructions; {(full - base) / args.n / 1e6:.3f} M instructions per post "
        f"over {args.n} distinct texts ({args.network}, {args.account})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
