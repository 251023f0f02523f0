"""Per-post cost of the learned family detector alone (tokenise + score all families + the span of
each flagged family), over distinct TweetEval texts, and how often it flags each family there.

    python bench/family_model_bench.py [--data ../shared] [--n 20000]

Prints numbers only; the budget is 0.15 ms per post (the whole engine must reach 1,000 posts/s).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from townhall.policy import Context, default_pack, learned
from townhall.policy.doc import Doc
from townhall.policy.evaluate import find_data_dir


def load_texts(data: Path, n: int) -> list[str]:
    tw = data / "data" / "tweeteval"
    seen: dict[str, None] = {}
    for rel in ("offensive/train_text.txt", "hate/train_text.txt", "offensive/val_text.txt", "hate/val_text.txt"):
        p = tw / rel
        if p.exists():
            seen.update((t, None) for t in p.read_text(encoding="utf-8").splitlines() if t.strip())
        if len(seen) >= n:
            break
    return list(seen)[:n]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--n", type=int, default=20000)
    args = ap.parse_args()
    data = find_data_dir(args.data)
    if data is None:
        print("no shared data folder found", file=sys.stderr)
        return 2
    texts = load_texts(data, args.n)
    t0 = time.perf_counter()
    model = learned.load()
    cp = default_pack().compiled()
    load_s = time.perf_counter() - t0
    if model is None:
        print(learned.status())
        return 1
    flagged = dict.fromkeys(model.families, 0)
    for account in ("official", "personal"):
        ctx = Context("x", account)
        per: list[float] = []
        c0 = time.process_time()
        w0 = time.perf_counter()
        for t in texts:
            s = time.perf_counter()
            doc = Doc(t, ctx)
            res = learned.analyse(doc, cp)
            if res is not None:
                for fam in model.families:
                    if res.flagged(fam):
                        res.span(fam, t)
                        if account == "personal":
                            flagged[fam] += 1
            per.append(time.perf_counter() - s)
        wall = time.perf_counter() - w0
        cpu = time.process_time() - c0
        per.sort()
        print(
            f"{account:<9} n={len(texts)} distinct texts: mean {wall / len(texts) * 1e3:.4f} ms/post wall, "
            f"{cpu / len(texts) * 1e3:.4f} ms CPU; p50 {statistics.median(per) * 1e3:.4f} ms, "
            f"p99 {per[int(len(per) * 0.99)] * 1e3:.4f} ms"
        )
    print(f"model load + pack compile: {load_s * 1e3:.0f} ms; {len(model.index)} features")
    print(
        "share of these tweets flagged (personal account): "
        + ", ".join(f"{k} {v / len(texts):.2%}" for k, v in flagged.items())
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
