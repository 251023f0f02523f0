"""Evaluation of the policy engine (same as ``townhall eval``): per-family precision/recall on
the shared policy cases and macro-F1 / macro-recall on the TweetEval splits.

    python bench/policy_eval.py [--split val|test] [--data ../shared]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from townhall.policy.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["eval", *sys.argv[1:]]))
