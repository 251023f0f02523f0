"""Recall of the privacy and credentials families on Presidio's synthetic PII sentences.

Each sentence of ``data/pii/synth_dataset_v2.json`` that holds an e-mail address, phone number,
street address, payment card, IBAN or US SSN is checked as an official LinkedIn post; it counts
as caught when it gets a privacy or credentials finding at block or warn. Printed overall and
per entity type (a sentence counts once for each type it holds). This file is the yardstick:
nothing in the engine is trained or tuned on it.

    python bench/pii_recall.py [--data ../shared] [--misses TYPE] [--show N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from townhall.policy import Context, check
from townhall.policy.evaluate import find_data_dir

TYPES = ("EMAIL_ADDRESS", "PHONE_NUMBER", "STREET_ADDRESS", "CREDIT_CARD", "IBAN_CODE", "US_SSN")


def caught(text: str, ctx: Context) -> bool:
    """Whether the post gets a privacy or credentials finding that blocks or warns."""
    return any(
        f.family in ("privacy", "credentials") and f.severity in ("block", "warn") for f in check(text, ctx)
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data")
    ap.add_argument("--misses", help="print missed sentences of this entity type (or ALL)")
    ap.add_argument("--show", type=int, default=20)
    args = ap.parse_args(argv)
    data = find_data_dir(args.data)
    path = data / "data" / "pii" / "synth_dataset_v2.json" if data else None
    if path is None or not path.exists():
        print("no data/pii/synth_dataset_v2.json; pass --data", file=sys.stderr)
        return 2
    rows = json.loads(path.read_text(encoding="utf-8"))
    ctx = Context("linkedin", "official")
    total = hit = 0
    per_n: Counter[str] = Counter()
    per_hit: Counter[str] = Counter()
    misses: list[tuple[set[str], str]] = []
    for r in rows:
        types = {s["entity_type"] for s in r["spans"]} & set(TYPES)
        if not types:
            continue
        ok = caught(r["full_text"], ctx)
        total += 1
        hit += ok
        for t in types:
            per_n[t] += 1
            per_hit[t] += ok
        if not ok:
            misses.append((types, r["full_text"]))
    print(f"Presidio synthetic PII sentences (official LinkedIn post): recall {hit / total:.3f} ({hit}/{total})")
    for t in TYPES:
        if per_n[t]:
            print(f"  {t:<16} {per_hit[t] / per_n[t]:.3f}  ({per_hit[t]}/{per_n[t]})")
    if args.misses:
        shown = [m for m in misses if args.misses == "ALL" or args.misses in m[0]][: args.show]
        for types, text in shown:
            print(f"MISS {sorted(types)}: {text!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
