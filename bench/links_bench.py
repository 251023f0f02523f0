"""Redirects per second and latency for /l/<code> under `townhall serve`, on loopback only.

    python bench/links_bench.py [--requests 20000] [--workers 8] [--threads 8]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/townhall_links python bench/links_bench.py

Starts a real `townhall serve` with a fresh database (SQLite in a temporary folder, or a
throw-away PostgreSQL database beside the one DATABASE_URL names), makes one tracked link, fires
the requests from threads with keep-alive connections (http.client), prints redirects/s, p50 and
p99, then checks that every click was counted. Target: >= 1,000/s and p99 <= 20 ms on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.links import served
from tests.links.served import fire, own_database, prepare, serving, townhall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=4, help="client threads (keep-alive connections)")
    parser.add_argument("--threads", type=int, default=4, help="waitress threads")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, own_database(Path(folder)) as env:
        code = prepare(env)
        engine = "PostgreSQL" if "DATABASE_URL" in env else "SQLite"
        with serving(env, threads=args.threads) as port:
            fire(port, f"/l/{code}", 500, args.workers)  # warm-up: imports, caches, connections
            server_cpu = served.cpu_seconds(served.SERVER_PID)
            client_cpu = time.process_time()
            started = time.perf_counter()
            latencies, statuses = fire(port, f"/l/{code}", args.requests, args.workers)
            elapsed = time.perf_counter() - started
            server_cpu = served.cpu_seconds(served.SERVER_PID) - server_cpu
            client_cpu = time.process_time() - client_cpu
        counted = json.loads(townhall(env, "links", "stats", code, "--format", "json"))
    latencies.sort()
    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
    print(f"links_bench ({engine}, {args.requests} requests, {args.workers} client threads, "
          f"{args.threads} server threads)")
    print(f"  redirects/s: {args.requests / elapsed:,.0f}")
    print(f"  p50: {pct(0.50):.2f} ms   p99: {pct(0.99):.2f} ms   max: {latencies[-1] * 1000:.1f} ms")
    print(f"  statuses: {statuses}")
    per = server_cpu / args.requests * 1000
    print(f"  server CPU: {per:.3f} ms per redirect (= {1000 / per:,.0f} redirects per CPU-second); "
          f"load generator CPU: {client_cpu / args.requests * 1000:.3f} ms per request; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    expected = args.requests + 500
    lost = "" if counted["clicks"] == expected else "  LOST"
    print(f"  clicks counted: {counted['clicks']} of {expected} sent{lost}")
    return 0 if counted["clicks"] == expected and statuses == {302: args.requests} else 1


if __name__ == "__main__":
    raise SystemExit(main())
