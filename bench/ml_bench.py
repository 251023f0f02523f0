"""Latency / throughput / load-time benchmark for townhall.policy.ml (one core, pure numpy).

    python bench/ml_bench.py

Prints, per classifier: model load time (cold, in a fresh interpreter state), per-post latency
p50/p99 and posts/s over a mix of short and medium university-style posts.
"""

from __future__ import annotations

import importlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

POSTS = [
    "Congratulations to our graduating class of 2025! 🎓 #ProudMoment",
    "The library opens at 9 tomorrow; exam week hours are on the website https://example.edu/lib",
    "you are a pathetic idiot and everyone in your department knows it",
    "Abortion is murder and this university should say so. #prolife",
    "Join us Thursday for a panel on climate policy with Prof. Smith @user",
    "Sooooo excited for homecoming weekend!!! Go team 💙💛",
    "Parking on campus is a nightmare again, thanks for nothing facilities",
    "Our researchers just published a study on coral reefs in Nature. Read more: https://t.co/abc",
    ("Today the board approved the new budget, which includes funding for student mental health "
     "services, expanded library hours, and a new scholarship for first-generation students. "
     "We thank everyone who took part in the consultation over the last six months."),
]


def bench(name: str, fn, posts: list[str], rounds: int = 300) -> None:
    times = []
    for i in range(rounds):
        # Distinct texts defeat the shared analysis cache, so this is the full per-model cost.
        t = posts[i % len(posts)] + f" {i}"
        t0 = time.perf_counter()
        fn(t)
        times.append(time.perf_counter() - t0)
    times.sort()
    p50 = statistics.median(times) * 1e3
    p99 = times[int(0.99 * len(times)) - 1] * 1e3
    print(f"{name:10s} p50 {p50:.3f} ms  p99 {p99:.3f} ms  {len(times) / sum(times):,.0f} posts/s")


def main() -> None:
    import numpy  # noqa: F401  (import cost is not model load cost)

    t0 = time.perf_counter()
    ml = importlib.import_module("townhall.policy.ml")
    print(f"import townhall.policy.ml: {(time.perf_counter() - t0) * 1e3:.1f} ms")
    for name in ("abuse", "stance", "sentiment", "stance3"):
        if name == "stance3" and not ml.has_stance3():
            continue
        size = (ml.MODELS_DIR / f"{name}.npz").stat().st_size / 1e6
        t0 = time.perf_counter()
        ml._model(name)
        print(f"load {name:9s}: {(time.perf_counter() - t0) * 1e3:.1f} ms ({size:.2f} MB)")
    bench("abuse", ml.abuse_probability, POSTS)
    bench("stance", ml.stance_probability, POSTS)
    bench("sentiment", ml.sentiment, POSTS)

    def all_three(t: str) -> None:
        ml.abuse_probability(t)
        ml.stance_probability(t)
        ml.sentiment(t)

    bench("all three", all_three, POSTS)


if __name__ == "__main__":
    main()
