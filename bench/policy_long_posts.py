"""Seconds to check one very long post with no full stops (a pasted wall of text), per rule family.

Why: a rule that looks for "this sentence" from each cue scans the whole post when there is no
sentence end, so its cost grows with the square of the length; a 72,000-character post of one
repeated clause took 20 s, and a run of digits with no space at all did the same to patterns that
look ahead along a word. Listening and the inbox check whatever text arrives, so the worst
case matters, not the median. Prints, for each wall of text, the check time on a personal and
on an official LinkedIn post, and the slowest rules; the last line is the slowest check.

    python bench/policy_long_posts.py [--chars 72000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from townhall.policy import Context, check
from townhall.policy.doc import Doc
from townhall.policy.fold import fold
from townhall.policy.pack import default_pack

# One clause each from the corpus's risky and clean posts, the full stops taken out.
WALLS = [
    'My boss said my promotion case was "',
    "As the voice of Northbridge University I want to say how proud we are of this year's results ",
    "new starters - until your card works, the back door code for the Aston Webb building is 19 then 09 ",
    "my colleague Sarah has been off sick with depression for months and honestly she is useless ",
    "DM me your Moodle password and I'll upload the marks for you ",
    "Told in confidence by my best friend that she's getting married Not public yet so ",
    "Off the record I think the new canteen menu is a vast improvement The curry is great ",
    "I share full paper from Elsevier journal here because is not fair that paywall ",
    'Sharing this vile message I received today ("go back where you came from") because ',
    "Reposting Kim's message from our private peer support group because people need to see it ",
    "@user you are a disgrace and everyone at this university knows it ",
    # Runs without a space (security review of 2026-12-05: 100,000 digits took 131 s before
    # `fold` cut such runs), and a short repeated cue.
    "1",
    ":",
    "\U0001f600",
    "password ",
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=72_000)
    args = ap.parse_args()
    cp = default_pack().compiled()
    check("warm up", Context("linkedin", "official"))
    worst = 0.0
    for wall in WALLS:
        text = (wall * (args.chars // len(wall) + 1))[: args.chars]
        parts = []
        for account in ("personal", "official"):
            ctx = Context("linkedin", account)
            t0 = time.perf_counter()
            check(text, ctx)
            took = time.perf_counter() - t0
            worst = max(worst, took)
            doc = Doc(fold(text)[0], ctx)  # what the rules read (check folds first)
            per_rule = []
            for rule, _severity in cp.plan(ctx.account, ctx.network):
                r0 = time.perf_counter()
                list(rule.detector(doc, cp))
                per_rule.append((time.perf_counter() - r0, rule.code))
            top = ", ".join(f"{code} {s:.2f}" for s, code in sorted(per_rule, reverse=True)[:3])
            parts.append(f"{account} {took:.2f} s (slowest rules: {top})")
        print(f"{wall[:40]!r:44} " + "; ".join(parts), flush=True)
    print(f"slowest check of a {args.chars:,}-character post: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
