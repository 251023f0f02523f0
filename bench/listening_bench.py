"""Listening throughput: matching, matching + enrichment, and batched storage, one process.

    python bench/listening_bench.py [--posts 50000] [--searches 1000] [--store 20000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/townhall_bench python bench/listening_bench.py

The stream is real tweets (TweetEval hate + offensive train texts, ../shared/data), recycled
with fresh ids. The 1,000 saved searches are built from the corpus's own mid-frequency words
(so they match the way a university's searches match the firehose: a small share of posts),
with phrases, hashtags, handles, AND/OR/NOT and lang: mixed in. Prints:

* matching only: posts/s through the compiled matcher (all 1,000 searches per post);
* matching + enrichment: posts/s for the full select step (match, never-to-store, dedupe)
  plus enrichment (language, sentiment, abuse, question, hash) of the posts that matched;
  also the enrichment rate per matched post, i.e. the worst case where every post matches;
* storage: mentions/s written in batches of 500 (mentions + matches + rollups + cursor, one
  transaction per batch), on the configured database (SQLite unless DATABASE_URL);
* end to end: `Pipeline.run` on the stream in batches of 500, as the firehose consumer runs it.
  Storage and end to end also print events per CPU-second of this process and the load
  average: on a shared machine wall time mostly measures the neighbours, CPU time much less;
* sentiment quality is not measured here by default: TweetEval sentiment *val* is part of the
  model's training pool (see policy/ml/train.py), so a figure on it would flatter the model.
  The held-out figure comes from ``python -m townhall.policy.ml.evaluate --split test``
  (``--sentiment-split test`` runs the same split through enrichment).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "tweeteval"
sys.path.insert(0, str(ROOT))


def setup_django() -> None:
    os.environ.setdefault("TOWNHALL_DATA_DIR", tempfile.mkdtemp(prefix="listening-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "townhall.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def corpus() -> list[str]:
    texts: list[str] = []
    for task in ("hate", "offensive"):
        path = DATA / task / "train_text.txt"
        if path.exists():
            texts.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    if not texts:
        sys.exit(f"No corpus under {DATA}; this benchmark needs the shared TweetEval data.")
    return texts


def build_queries(texts: list[str], n: int, rng: random.Random, first_rank: int = 2500) -> list[str]:
    words = Counter(w.lower() for t in texts for w in re.findall(r"[A-Za-z]{4,}", t))
    # Institution-like searches name specific things (places, people, courses), not "love"
    # or "today": take the corpus's less common words, which is also what keeps the share of
    # the stream that matches small, as it is for a university on the real firehose.
    mid = [w for w, _ in words.most_common(40000)[first_rank:]]
    tags = [w.lower() for w, _ in Counter(re.findall(r"#(\w{3,})", " ".join(texts))).most_common(800)[50:]]
    queries = []
    for i in range(n):
        a, b, c, d = rng.sample(mid, 4)
        shape = i % 6
        if shape == 0:
            q = f"{a} AND ({b} OR {c})"
        elif shape == 1:
            q = f'"{a} {b}" OR {c}'
        elif shape == 2:
            q = f"#{rng.choice(tags)} OR {a}" if tags else f"{a} OR {b}"
        elif shape == 3:
            q = f"{a} {b} NOT {c}"
        elif shape == 4:
            q = f"({a} OR {b} OR @{c}.bsky.social) lang:en"
        else:
            q = f"{a} OR {b} -{d}"
        queries.append(q)
    return queries


def stream(texts: list[str], n: int):
    from townhall.listening.types import IncomingPost

    return [
        IncomingPost(network="bluesky", remote_id=f"at://did:plc:bench/app.bsky.feed.post/{i}",
                     text=texts[i % len(texts)], author_handle=f"user{i % 5000}.bsky.social",
                     author_followers=i % 3000, lang="en" if i % 3 else "")
        for i in range(n)
    ]


def server_cpu(connection) -> float | None:
    """CPU seconds used so far by this connection's PostgreSQL backend, when the server runs on
    this machine (read from /proc); None otherwise. Why: the database's share of the ingest
    cost, which a busy machine hides in wall time."""
    if connection.vendor != "postgresql":
        return None
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pid = cursor.fetchone()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--posts", type=int, default=50_000)
    parser.add_argument("--searches", type=int, default=1000)
    parser.add_argument("--store", type=int, default=20_000, help="mentions to write in the storage test")
    parser.add_argument("--sentiment-split", default="", choices=["", "test"],
                        help="run TweetEval sentiment test through enrichment (held-out; report it once)")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.utils import timezone

    from townhall.listening.enrich import enrich
    from townhall.listening.matcher import Matcher
    from townhall.listening.models import Mention, SavedSearch, Source
    from townhall.listening.pipeline import BatchResult, Pipeline
    from townhall.listening.query import parse

    rng = random.Random(6)
    texts = corpus()
    queries = build_queries(texts, args.searches, rng)
    rows = SavedSearch.objects.bulk_create([SavedSearch(name=f"bench {i}", query=q) for i, q in enumerate(queries)])
    if rows[0].pk is None:
        rows = list(SavedSearch.objects.filter(name__startswith="bench ").order_by("pk"))
    t0 = time.perf_counter()
    trees = [(row.pk, parse(q)) for row, q in zip(rows, queries, strict=True)]
    matcher = Matcher(trees)
    build_s = time.perf_counter() - t0
    posts = stream(texts, args.posts)
    print(f"{len(queries)} saved searches parsed and compiled in {build_s * 1000:.0f} ms; "
          f"{len(posts)} posts from {len(texts)} real tweets; database: {connection.vendor}")

    # warm up (model loading, regex caches)
    enrich(posts[:200])
    for p in posts[:200]:
        matcher.match(p)

    t0 = time.perf_counter()
    hits = 0
    for p in posts:
        if matcher.match(p).search_ids:
            hits += 1
    match_s = time.perf_counter() - t0
    print(f"matching only:            {len(posts) / match_s:>10,.0f} posts/s  "
          f"({hits / len(posts):.1%} of posts match at least one search)")

    def match_and_enrich(searches, label):
        pipeline = Pipeline(searches)
        t0 = time.perf_counter()
        counts = BatchResult()
        selected_total = 0
        for i in range(0, len(posts), 1000):
            selected = pipeline.enrich(pipeline.select(posts[i : i + 1000], counts))
            selected_total += len(selected)
        full_s = time.perf_counter() - t0
        print(f"matching + enrichment:    {len(posts) / full_s:>10,.0f} posts/s  ({label}: "
              f"{selected_total / len(posts):.1%} of posts matched and were enriched)")

    match_and_enrich(trees, "the 1,000 searches above")
    narrow = build_queries(texts, args.searches, random.Random(7), first_rank=8000)
    match_and_enrich([(pk, parse(q)) for (pk, _), q in zip(trees, narrow, strict=True)],
                     "1,000 narrower searches, rarer words")
    # The shape of a university's real searches: a topic AND an institutional context word.
    context = "(university OR college OR campus OR students OR lecture OR degree OR research)"
    shaped = [f"({q}) AND {context}" for q in queries]
    match_and_enrich([(pk, parse(q)) for (pk, _), q in zip(trees, shaped, strict=True)],
                     "1,000 institution-shaped searches: topic AND campus word")

    sample = posts[: min(len(posts), 10_000)]
    t0 = time.perf_counter()
    for i in range(0, len(sample), 1000):
        enrich(sample[i : i + 1000])
    enrich_s = time.perf_counter() - t0
    print(f"enrichment alone:         {len(sample) / enrich_s:>10,.0f} posts/s  "
          "(worst case: every post matched and is enriched)")

    # storage: every post matches one search here, so every row is written
    search = SavedSearch.objects.create(name="bench store", query="bench")
    store_pipeline = Pipeline([(search.pk, parse("bench"))])
    source = Source.objects.create(kind="bluesky", name=f"bench-{time.time()}")
    rows = stream([f"bench {t}" for t in texts], args.store)
    now = timezone.now()
    for j, p in enumerate(rows):
        p.remote_id = f"at://did:plc:store/app.bsky.feed.post/{j}-{now.timestamp()}"
        p.created_at = now
    prepared = []
    for i in range(0, len(rows), 500):
        prepared.append(store_pipeline.enrich(store_pipeline.select(rows[i : i + 500])))
    before = Mention.objects.count()
    t0, c0 = time.perf_counter(), time.process_time()
    for k, batch in enumerate(prepared):
        store_pipeline.store(batch, source, cursor=str(k))
    store_s, store_cpu = time.perf_counter() - t0, time.process_time() - c0
    written = Mention.objects.count() - before
    print(f"storage, batches of 500:  {written / store_s:>10,.0f} mentions/s  "
          f"({written / store_cpu:,.0f} per CPU-s of this process; "
          f"{written} mentions + matches + rollups + cursor, one transaction per batch)")

    # the whole path on the stream, as the firehose consumer runs it
    Mention.objects.filter(source=source).delete()
    full = Pipeline(trees)
    src2 = Source.objects.create(kind="bluesky", name=f"bench2-{time.time()}")
    from townhall.listening.types import Batch

    stored = repeats = 0
    server0 = server_cpu(connection)
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(posts), 500):
        counts = full.run(Batch(posts[i : i + 500], str(i)), src2)
        stored += counts.stored
        repeats += counts.duplicates
    all_s, all_cpu = time.perf_counter() - t0, time.process_time() - c0
    server1 = server_cpu(connection)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"end to end (match+enrich+store): {len(posts) / all_s:>10,.0f} events/s  "
          f"({len(posts) / all_cpu:,.0f} per CPU-s of this process; {stored} stored, "
          f"{repeats} near-identical copies counted as repeats; load average {load:.2f})")
    if server0 is not None and server1 is not None:
        server_s = server1 - server0
        print(f"  CPU: this process {all_cpu:.1f} s, its PostgreSQL backend {server_s:.1f} s; "
              f"{len(posts) / (all_cpu + server_s):,.0f} events per CPU-s of both together")

    val = DATA / "sentiment"
    split = args.sentiment_split
    if not split:
        print("sentiment quality: not measured here (val is in the training pool); "
              "python -m townhall.policy.ml.evaluate --split test")
    elif (val / f"{split}_text.txt").exists():
        from townhall.listening.types import IncomingPost

        vtexts = (val / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
        labels = [int(x) for x in (val / f"{split}_labels.txt").read_text().split()]
        names = ["negative", "neutral", "positive"]
        got = enrich([IncomingPost("x", str(i), t) for i, t in enumerate(vtexts)])
        recalls = []
        for k, name in enumerate(names):
            idx = [i for i, y in enumerate(labels) if y == k]
            recalls.append(sum(1 for i in idx if got[i].sentiment == name) / len(idx))
        print(f"sentiment macro-recall, TweetEval {split} ({len(labels)} tweets): {sum(recalls) / 3:.3f} "
              f"(negative {recalls[0]:.3f}, neutral {recalls[1]:.3f}, positive {recalls[2]:.3f})")


if __name__ == "__main__":
    main()
