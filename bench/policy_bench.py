"""Benchmark the whole policy rule set: posts/second and p50/p99 latency per post.

Single process, start-up included (the clock starts before ``townhall.policy`` is imported
and the default pack compiled), on DISTINCT TweetEval texts from the shared data folder (each
text once, so no cache of repeated texts can be what makes it fast).

    python bench/policy_bench.py [--data ../shared] [--n 20000] [--network x] [--account official]
        [--mode single|batch|both]

``--mode batch`` runs only ``check_many`` (classifiers scored per chunk of 512), start-up
included, in a process that has checked nothing before, so no cache is warm. Why: the batch line
printed after the single-post loop runs on warm word caches and flatters batching (1,137-1,306
posts/s there against 875 from cold, 2026-12-03, when single posts gave 911). Since check_many
scores each chunk's classifiers and learned model in batches (``townhall/policy/ml/batch.py``),
batch mode gives 596-611 CPU posts/s against 432-437 for single-post scoring of the same tree
(2026-12-03 14:08-14:28, load 5-9, alternating runs); ``policy_batch_identity.py`` checks that
both give the same findings.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()
C0 = time.process_time()  # CPU time too: robust when other jobs share the machine

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout without installing

from townhall.policy import Context, check, check_many, mlbridge  # noqa: E402
from townhall.policy.evaluate import find_data_dir  # noqa: E402


def load_texts(data: Path, n: int) -> list[str]:
    """The first ``n`` distinct non-blank texts (the splits hold repeats; they are dropped)."""
    tw = data / "data" / "tweeteval"
    texts: dict[str, None] = {}
    for rel in ("offensive/test_text.txt", "offensive/val_text.txt", "sentiment/val_text.txt",
                "hate/val_text.txt", "sentiment/test_text.txt", "hate/test_text.txt",
                "offensive/train_text.txt", "hate/train_text.txt"):
        p = tw / rel
        if p.exists():
            texts.update((t, None) for t in p.read_text(encoding="utf-8").splitlines() if t.strip())
        if len(texts) >= n:
            break
    return list(texts)[:n]


def _reference_loop() -> float:
    """Seconds for a fixed pure-Python loop, best of three: sessions run on machines of different
    speed (2026-12-05: the same tree gave 1,723-1,786 posts/s on one and 900-1,000 on the next), so
    a figure is quoted with this one beside it."""
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        s = 0
        for i in range(10_000_000):
            s += i
        best = min(best, time.perf_counter() - t)
    return best


def _print_header(texts: list[str], findings: int, args: argparse.Namespace) -> None:
    """What was checked and how loaded the machine was: the machine is shared, so CPU time is the
    robust figure and wall time depends on the others' load."""
    print(f"{mlbridge.status()}")
    print(f"load average (1/5/15 min) at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"machine reference: a 10-million-step Python loop takes {_reference_loop():.2f} s "
          "(posts/s figures from two machines compare only through it)")
    print(f"posts: {len(texts)} ({len(set(texts))} distinct)  findings: {findings}  "
          f"network={args.network} account={args.account}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--network", default="x")
    ap.add_argument("--account", default="official")
    ap.add_argument("--no-ml", action="store_true", help="rules only (as if the classifiers were absent)")
    ap.add_argument("--mode", choices=("single", "batch", "both"), default="both",
                    help="single: check() a post at a time; batch: check_many() only, from a cold start")
    args = ap.parse_args()
    if args.no_ml:
        mlbridge._LOADED, mlbridge._ML, mlbridge._ERROR = True, None, "ML disabled by --no-ml"
    data = find_data_dir(args.data)
    if data is None:
        print("no shared data folder; pass --data", file=sys.stderr)
        return 2
    texts = load_texts(data, args.n)
    ctx = Context(args.network, args.account)
    if args.mode == "batch":
        results = check_many(texts, ctx)
        total = time.perf_counter() - T0
        cpu = time.process_time() - C0
        _print_header(texts, sum(map(len, results)), args)
        print(f"batch mode, wall (start-up included): {total:.2f} s  ->  {len(texts) / total:,.0f} posts/s")
        print(f"batch mode, CPU (start-up included): {cpu:.2f} s  ->  {len(texts) / cpu:,.0f} posts per CPU-second")
        return 0
    lat: list[float] = []
    findings = 0
    for t in texts:
        s = time.perf_counter()
        findings += len(check(t, ctx))
        lat.append(time.perf_counter() - s)
    total = time.perf_counter() - T0
    cpu = time.process_time() - C0
    lat_ms = sorted(x * 1000 for x in lat)
    p99 = lat_ms[min(len(lat_ms) - 1, int(0.99 * len(lat_ms)))]
    _print_header(texts, findings, args)
    print(f"wall (start-up included): {total:.2f} s  ->  {len(texts) / total:,.0f} posts/s")
    print(f"CPU time (start-up included): {cpu:.2f} s  ->  {len(texts) / cpu:,.0f} posts per CPU-second")
    print(f"checking only: {sum(lat):.2f} s  ->  {len(texts) / sum(lat):,.0f} posts/s")
    print(f"latency per post: p50 {statistics.median(lat_ms):.3f} ms  p99 {p99:.3f} ms  max {lat_ms[-1]:.1f} ms")
    if args.mode == "single":
        return 0
    # batch mode (check_many: classifiers scored per chunk of 512), classifier caches cleared (the
    # word-level caches stay warm: --mode batch gives the cold figure)
    mlbridge._ABUSE_CACHE.clear()
    mlbridge.stance.cache_clear()
    s = time.perf_counter()
    check_many(texts, ctx)
    b = time.perf_counter() - s
    print(f"batch mode (check_many): {b:.2f} s  ->  {len(texts) / b:,.0f} posts/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
