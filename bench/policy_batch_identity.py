"""check_many() against check(): every finding of every post must be the same.

Why: ``check_many`` scores the classifiers of a whole chunk at once (``ml/batch.py``) and the rules
then read the cached scores; nothing about a post's findings may depend on which way it was
checked. Runs both over the benchmark's distinct texts in the contexts of
``policy_findings_diff.py`` and prints every post whose findings differ (exit status 1 if any).

    python bench/policy_batch_identity.py --data /work/shared [--n 20000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from policy_bench import load_texts
from policy_findings_diff import CONTEXTS

from townhall.policy import check, check_many, mlbridge
from townhall.policy.evaluate import find_data_dir


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data")
    ap.add_argument("--n", type=int, default=20000)
    args = ap.parse_args()
    data = find_data_dir(args.data)
    if data is None:
        print("no shared data folder; pass --data", file=sys.stderr)
        return 2
    texts = load_texts(data, args.n)
    bad = 0
    for ctx in CONTEXTS:
        many = check_many(texts, ctx)
        mlbridge._ABUSE_CACHE.clear()
        mlbridge.stance.cache_clear()
        one = [check(t, ctx) for t in texts]
        diff = [i for i, (a, b) in enumerate(zip(many, one, strict=True)) if a != b]
        bad += len(diff)
        print(f"{ctx.network}/{ctx.account}{' reply' if ctx.is_reply else ''}: {len(texts)} posts, "
              f"{sum(map(len, one))} findings, {len(diff)} posts differ")
        for i in diff[:10]:
            print(f"  {texts[i]!r}\n    check_many: {many[i]}\n    check:      {one[i]}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
