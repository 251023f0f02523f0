"""Guard for speed work on the rules: dump every finding over the bench's 20,000 distinct texts
(official and personal accounts) and compare with an earlier dump, so an optimisation can be
shown to change no output.

    python bench/policy_findings_diff.py --write /tmp/before.jsonl
    ... change the engine ...
    python bench/policy_findings_diff.py --compare /tmp/before.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from policy_bench import load_texts

from townhall.policy import Context, check
from townhall.policy.evaluate import find_data_dir

CONTEXTS = (Context("x", "official"), Context("linkedin", "personal"), Context("bluesky", "official", is_reply=True))


def rows(texts: list[str]) -> list[str]:
    out = []
    for i, t in enumerate(texts):
        for c in CONTEXTS:
            fs = [(f.code, f.severity, f.span[0], f.span[1], f.message, f.fix) for f in check(t, c)]
            out.append(json.dumps([i, c.account, c.network, fs], ensure_ascii=False))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--show", type=int, default=10, help="how many differing rows to print")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write")
    g.add_argument("--compare")
    args = ap.parse_args()
    data = find_data_dir(args.data)
    if data is None:
        print("no shared data folder; pass --data", file=sys.stderr)
        return 2
    texts = load_texts(data, args.n)
    got = rows(texts)
    digest = hashlib.sha256("\n".join(got).encode()).hexdigest()[:16]
    if args.write:
        Path(args.write).write_text("\n".join(got) + "\n", encoding="utf-8")
        print(f"wrote {len(got)} rows ({len(texts)} texts x {len(CONTEXTS)} contexts) digest {digest}")
        return 0
    want = Path(args.compare).read_text(encoding="utf-8").splitlines()
    diff = [(a, b) for a, b in zip(want, got, strict=False) if a != b]
    print(f"{len(got)} rows, {len(diff)} differ, digest {digest}")
    for a, b in diff[: args.show]:
        print("-", a, "\n+", b)
    return 1 if diff or len(want) != len(got) else 0


if __name__ == "__main__":
    raise SystemExit(main())
