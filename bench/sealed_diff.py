"""Has a change moved anything on the sealed yardsticks? Counts only, nothing shown.

Why: issue 12's held-back cases (``tests/policy/cases/heldout.jsonl``) and TweetEval's offensive *test*
split are yardsticks. ``townhall eval --split test`` prints their figures, and each such run is a
"look" that the round's notes must declare. Most detection changes (a second learned head, a rule's
false alarm fixed) should not move them at all; this tool says whether they did without showing a
figure, a post or an id: ``--write`` records, per held-back case, the risk families it gets at
block/warn and, per test tweet, whether the abuse family is flagged; ``--compare`` prints only how
many cases and tweets differ from the record, and a digest of each. If nothing differs, the last
look's figures still stand; if something does, the round's rule says whether a look is taken.

    python bench/sealed_diff.py --data ../shared --write /tmp/sealed.json   (before the change)
    python bench/sealed_diff.py --data ../shared --compare /tmp/sealed.json (after)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run from a checkout without installing

from townhall.policy.evaluate import CLEAN_FAMILIES, flagged_families, read_cases  # noqa: E402

HELDOUT = ROOT / "tests" / "policy" / "cases" / "heldout.jsonl"


def _digest(rows: list) -> str:
    return hashlib.sha256(json.dumps(rows, sort_keys=True).encode()).hexdigest()[:16]


def record(data: Path) -> dict[str, list]:
    """Held-back families per case (file order) and TweetEval offensive test abuse flags (file order), each
    read as ``townhall eval`` reads it (a test tweet as a personal X post)."""
    held = [sorted(flagged_families(c) & CLEAN_FAMILIES) for c in read_cases(HELDOUT)]
    tw = data / "data" / "tweeteval" / "offensive" / "test_text.txt"
    lines = tw.read_text(encoding="utf-8").splitlines() if tw.exists() else []
    flags = ["abuse" in flagged_families({"text": t, "network": "x", "account": "personal"}) for t in lines]
    return {"heldout": held, "tweeteval_test": flags}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", required=True, help="the shared folder (holding data/tweeteval)")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write")
    g.add_argument("--compare")
    args = ap.parse_args(argv)
    if args.compare and not Path(args.compare).is_file():
        ap.error(f"--compare {args.compare}: no such record (write one first with --write)")
    now = record(Path(args.data))
    print(f"held-back: {len(now['heldout'])} cases, digest {_digest(now['heldout'])}; "
          f"TweetEval test: {len(now['tweeteval_test'])} tweets, digest {_digest(now['tweeteval_test'])}")
    if args.write:
        Path(args.write).write_text(json.dumps(now), encoding="utf-8")
        return 0
    before = json.loads(Path(args.compare).read_text(encoding="utf-8"))
    worse = 0
    for key in ("heldout", "tweeteval_test"):
        a, b = before[key], now[key]
        if len(a) != len(b):
            print(f"{key}: {len(a)} rows recorded, {len(b)} now: not comparable")
            worse = 1
            continue
        n = sum(1 for x, y in zip(a, b, strict=True) if x != y)
        print(f"{key}: {n} of {len(b)} differ from the record")
        worse |= n > 0
    return 1 if worse else 0


if __name__ == "__main__":
    raise SystemExit(main())
