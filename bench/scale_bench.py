"""Listening and inbox at a large university's scale: ingest N mentions, then time the pages.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/townhall_scale \\
        python bench/scale_bench.py --mentions 1000000 --accounts 200
    ... --mentions 100000 --accounts 200      # the same at a tenth, to see how cost grows

The database is emptied of listening data first (use a database of your own). Posts are real
tweets (TweetEval, ../shared/data) with a unique tag each (so near-duplicate merging does not
shrink the set), spread over the last 90 days; each carries a word of one of the 50 saved
searches, and one in twenty is a reply to one of the registry accounts (so the inbox fills
through the system search). Ingest goes through the real pipeline (`Pipeline.load().run`, the
path of imports and the firehose: matching, enrichment, storage, rollups, inbox), in batches.

Then each page is requested through Django's test client as a digital-team user (signed in
with two-factor, as in production) and p50/p95 printed: the dashboard (7, 30, 90 days), the
mentions list (first page, a deep page about 50,000 mentions in, text search), the inbox (all
statuses), the API lists, and the spike-detection task. The first request of each is a warm-up
and is not counted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import listening_bench  # noqa: E402 - the shared corpus and Django set-up


def setup_django() -> None:
    """The listening bench's set-up (temporary data folder unless set, migrate), shared."""
    os.environ.setdefault("TOWNHALL_DATA_DIR", tempfile.mkdtemp(prefix="scale-bench-"))
    listening_bench.setup_django()


corpus = listening_bench.corpus  # the same TweetEval train texts as the listening bench


def reset() -> None:
    """Remove earlier bench data (the bench owns its database)."""
    from django.db import connection

    from townhall.core.models import OrgUnit, User
    from townhall.inbox.models import Conversation
    from townhall.listening.models import Alert, Mention, MentionMatch, SavedSearch, Source
    from townhall.registry.models import Account

    with connection.cursor() as cur:
        for model in (Conversation, MentionMatch, Mention, Alert):
            if connection.vendor == "postgresql":
                cur.execute(f"TRUNCATE {model._meta.db_table} CASCADE")
            else:
                model.objects.all().delete()
    try:  # the rollup tables, where this version has them
        from townhall.listening import rollups

        rollups.clear_all()
    except ImportError:
        pass
    SavedSearch.objects.all().delete()
    Source.objects.filter(name__startswith="scale-bench").delete()
    Account.objects.filter(handle__startswith="acct").delete()
    User.objects.filter(username="scale-bench").delete()
    OrgUnit.objects.filter(slug="scale-bench").delete()


def cached_enrichment(real):
    """Enrichment with the expensive part (sentiment and abuse models) run once per corpus tweet.

    The bench's posts are corpus tweets plus a topic word and a unique tag, so the models'
    verdict on the tweet stands for the post; language, question and the text hash are still
    computed per post by the real functions."""
    from dataclasses import replace

    from townhall.listening.enrich import is_question, text_hash

    cache: dict[tuple[str, bool], object] = {}

    def enrich(posts):
        keys = [(p.text.rsplit(" ref", 1)[0], bool(p.to_handles)) for p in posts]
        missing = {k: p for k, p in zip(keys, posts, strict=True) if k not in cache}
        if missing:
            for k, info in zip(missing, real(list(missing.values())), strict=True):
                cache[k] = info
        out = []
        for k, p in zip(keys, posts, strict=True):
            info = cache[k]
            question = is_question(p.text)
            out.append(replace(info, is_question=question, text_hash=text_hash(p.text),
                               needs_reply=question or (bool(p.to_handles) and info.sentiment == "negative")))
        return out

    return enrich


def replicate(target: int, base: int) -> None:
    """Grow the stored set to `target` mentions by copying what the pipeline stored, in SQL
    (PostgreSQL): each copy k shifts the time by k x 7 minutes and tags ids and text, and
    brings its matches and inbox conversations. The rollups are then rebuilt by
    `rollups.rebuild()`, which runs the same `Deltas` code as live ingest. Why: on 2 busy
    shared cores the pipeline stores ~150-500 mentions/s, so a million through it takes hours."""
    from django.db import connection

    from townhall.listening import rollups
    from townhall.listening.models import Mention

    t0 = time.perf_counter()
    stored = Mention.objects.count()
    copies = max(0, -(-(target - stored) // max(stored, 1)))
    with connection.cursor() as cur:
        for k in range(1, copies + 1):
            limit = min(stored, target - Mention.objects.count())
            if limit <= 0:
                break
            cur.execute(
                "INSERT INTO listening_mention (network, remote_id, url, source_id, author_handle, author_name, "
                "author_id, author_followers, text, lang, created_at, collected_at, expires_at, reply_to, to_handles, "
                "hashtags, terms, sentiment, sentiment_score, abuse, is_question, needs_reply, text_hash, repeats) "
                "SELECT network, remote_id || '/r' || %s, url, source_id, author_handle, author_name, author_id, "
                "author_followers, text || ' r' || %s, lang, created_at - %s * interval '7 minutes', collected_at, "
                "expires_at - %s * interval '7 minutes', reply_to, to_handles, hashtags, terms, sentiment, "
                "sentiment_score, abuse, is_question, needs_reply, md5(text_hash || %s), repeats "
                "FROM listening_mention WHERE remote_id NOT LIKE '%%/r%%' ORDER BY id LIMIT %s",
                [k, k, k, k, str(k), limit],
            )
            cur.execute(
                "INSERT INTO listening_mentionmatch (mention_id, search_id, at, sentiment) "
                "SELECT c.id, mm.search_id, c.created_at, mm.sentiment FROM listening_mentionmatch mm "
                "JOIN listening_mention o ON o.id = mm.mention_id "
                "JOIN listening_mention c ON c.network = o.network AND c.remote_id = o.remote_id || '/r' || %s",
                [k],
            )
            cur.execute(
                "INSERT INTO inbox_conversation (account_id, mention_id, status, is_question, needs_reply, "
                "received_at, reply_text, created_at, updated_at) "
                "SELECT v.account_id, c.id, v.status, v.is_question, v.needs_reply, c.created_at, '', now(), now() "
                "FROM inbox_conversation v JOIN listening_mention o ON o.id = v.mention_id "
                "JOIN listening_mention c ON c.network = o.network AND c.remote_id = o.remote_id || '/r' || %s",
                [k],
            )
    copied_s = time.perf_counter() - t0
    print(f"replicated in SQL to {Mention.objects.count():,} mentions in {copied_s:.0f} s")
    t0 = time.perf_counter()
    summary = rollups.rebuild()
    print(f"rollups rebuilt by the ingest code (rollups.rebuild) in {time.perf_counter() - t0:.0f} s: {summary}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--accounts", type=int, default=200)
    parser.add_argument("--searches", type=int, default=50)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--reps", type=int, default=20, help="timed requests per page (after one warm-up)")
    parser.add_argument("--skip-ingest", action="store_true", help="time the pages on the data already there")
    parser.add_argument("--full-enrichment", action="store_true",
                        help="run the sentiment/abuse models on every post (slow: ~1,000 posts/s on 2 cores); by "
                             "default they run once per distinct corpus tweet and the result is reused")
    parser.add_argument("--replicate-to", type=int, default=0,
                        help="after --mentions went through the pipeline, copy them in SQL (shifted minutes "
                             "apart, text tagged) up to this many, then rebuild the rollups with the ingest code")
    parser.add_argument("--copy", action="store_true",
                        help="no longer needed (kept so old command lines run): Pipeline.store writes each batch's "
                             "mentions, matches and rollups in one statement per table on PostgreSQL")
    parser.add_argument("--sample", type=int, default=20_000,
                        help="posts timed through the unmodified Pipeline.run before the bulk load")
    args = parser.parse_args()
    setup_django()
    from django.db import connection
    from django.test import Client
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from townhall.core.models import OrgUnit, User
    from townhall.inbox.models import Conversation
    from townhall.listening import alerts, selectors
    from townhall.listening.models import Mention, SavedSearch, Source
    from townhall.listening.pipeline import Pipeline
    from townhall.listening.services import create_search, ensure_inbox_search
    from townhall.listening.types import Batch, IncomingPost
    from townhall.registry.models import Account

    print(f"database: {connection.vendor} {connection.settings_dict.get('NAME')}")
    rng = random.Random(13)
    texts = corpus()
    words = Counter(w.lower() for t in texts for w in re.findall(r"[A-Za-z]{5,}", t))
    vocab = [w for w, _ in words.most_common(3000)[1000:]]
    if not args.skip_ingest:
        reset()
        unit = OrgUnit.objects.create(name="Scale bench", slug="scale-bench")
        user = User.objects.create_user(username="scale-bench", password="x" * 20, role="digital", org_unit=unit)
        accounts = Account.objects.bulk_create([
            Account(network="bluesky", handle=f"acct{i}.example.ac.uk", org_unit=unit, status="active")
            for i in range(args.accounts)
        ])
        topics = rng.sample(vocab, args.searches * 2)
        for i in range(args.searches):
            a, b = topics[2 * i], topics[2 * i + 1]
            create_search(user, f"Topic {i}: {a}", f"{a} OR {b}" if i % 2 else f'{a} OR "{b} news"', owners=[user])
        ensure_inbox_search()
        source = Source.objects.create(kind="import", name="scale-bench import")
        handles = [a.handle for a in accounts]
        now = timezone.now()
        span = 90 * 86400 - 3600
        stored = 0
        pipeline = Pipeline.load()

        def make(start: int, end: int) -> list[IncomingPost]:
            posts = []
            for i in range(start, end):
                topic = topics[(i * 7) % len(topics)]
                if topic in topics[1::2] and (i // len(topics)) % 2 == 0:
                    topic = f"{topic} news"
                text = f"{texts[i % len(texts)]} {topic} ref{i}"
                to = (handles[i % len(handles)],) if handles and i % 20 == 0 else ()
                if to:
                    text = f"@{to[0]} does anyone know about {topic}? ref{i}"
                posts.append(IncomingPost(
                    network="bluesky", remote_id=f"at://did:plc:u{i % 20000}/app.bsky.feed.post/{i}",
                    text=text, author_handle=f"user{i % 20000}.bsky.social", author_followers=(i * 7919) % 100_000,
                    lang="en", created_at=now - timedelta(seconds=span * (1 - i / args.mentions)),
                    to_handles=to, mentions=to,
                ))
            return posts

        # 1. The unmodified path (match, enrich with the models, store, rollups, inbox) on a sample.
        sample = min(args.sample, args.mentions)
        t0 = time.perf_counter()
        for start in range(0, sample, args.batch):
            stored += pipeline.run(Batch(make(start, min(sample, start + args.batch)), str(start)), source).stored
        full_s = time.perf_counter() - t0
        if sample:
            print(f"ingest, full path: {sample:,} posts in {full_s:.0f} s = {sample / full_s:,.0f} posts/s "
                  f"(Pipeline.run: match + enrich + store + rollups + inbox; every post matches)")
        # 2. The rest: the same Pipeline.run, with the models' verdict reused per distinct tweet.
        import townhall.listening.pipeline as pipeline_module

        if not args.full_enrichment:
            pipeline_module.enrich = cached_enrichment(pipeline_module.enrich)
        t0 = time.perf_counter()
        for start in range(sample, args.mentions, args.batch):
            stored += pipeline.run(Batch(make(start, min(args.mentions, start + args.batch)), str(start)),
                                   source).stored
        bulk_s = time.perf_counter() - t0
        rest = args.mentions - sample
        if rest:
            print(f"ingest, bulk: {rest:,} posts in {bulk_s:.0f} s = {rest / bulk_s:,.0f} posts/s "
                  f"({'models on every post' if args.full_enrichment else 'model verdicts reused per tweet'}); "
                  f"{stored:,} stored in all")
        if args.replicate_to > args.mentions:
            replicate(args.replicate_to, args.mentions)
        try:  # the hourly task compacts past days' rollups; a bulk load of 90 days does it once here
            from townhall.listening import rollups

            t0 = time.perf_counter()
            removed = rollups.compact()
            print(f"rollups compacted to each past day's top values: {removed:,} rows dropped in "
                  f"{time.perf_counter() - t0:.1f} s")
        except ImportError:
            pass
        if connection.vendor == "postgresql":
            with connection.cursor() as cur:
                cur.execute("VACUUM ANALYZE")  # as autovacuum would after a bulk load
    user = User.objects.get(username="scale-bench")
    print(f"data: {Mention.objects.count():,} mentions, {Conversation.objects.count():,} inbox conversations, "
          f"{SavedSearch.objects.count()} saved searches, {Account.objects.count()} accounts")

    client = Client()
    client.force_login(user)
    if user.mfa_required:
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()

    word = next(t for t in vocab if t not in {s.query for s in SavedSearch.objects.all()})
    deep_url = "/listening/mentions/?page=1000"
    if hasattr(selectors, "mention_cursor"):  # keyset pagination: the link a reader follows 1,000 pages in
        deep = Mention.objects.order_by("-created_at", "-pk")[49_950:49_951].first()
        if deep is not None:
            deep_url = f"/listening/mentions/?before={selectors.mention_cursor(deep)}"
    pages = [
        ("dashboard 7 days", "/listening/?days=7"),
        ("dashboard 30 days", "/listening/?days=30"),
        ("dashboard 90 days", "/listening/?days=90"),
        ("dashboard 90 days, one search", f"/listening/?days=90&search={SavedSearch.objects.first().pk}"),
        ("mentions, first page", "/listening/mentions/"),
        ("mentions, deep page (50,000 in)", deep_url),
        ("mentions, text search", f"/listening/mentions/?q={word}"),
        ("inbox, all statuses", "/inbox/?status=all"),
        ("inbox, open", "/inbox/"),
        ("API searches", "/api/listening/searches"),
        ("API mentions", "/api/listening/mentions"),
        ("API alerts", "/api/listening/alerts"),
        ("API inbox conversations", "/api/inbox/conversations?status=all"),
    ]
    print(f"{'page':<36} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8} {'db p50':>8} {'cpu p50':>8}")
    print("(p50/p95: wall time of the request; db: its queries' time; cpu: this process's CPU time,\n"
          " which a busy shared machine does not inflate the way it inflates wall time)")
    from django.db import reset_queries
    from django.test.utils import CaptureQueriesContext

    for label, url in pages:
        times, db, cpu = [], [], []
        for rep in range(args.reps + 1):
            reset_queries()
            with CaptureQueriesContext(connection) as ctx:
                t0, c0 = time.perf_counter(), time.process_time()
                response = client.get(url)
                elapsed, used = time.perf_counter() - t0, time.process_time() - c0
            if response.status_code != 200:
                print(f"{label}: HTTP {response.status_code} {response.content[:200]!r}")
                break
            if rep:
                times.append(elapsed * 1000)
                cpu.append(used * 1000)
                db.append(sum(float(q["time"]) for q in ctx.captured_queries) * 1000)
        if times:
            print(f"{label:<36} {statistics.median(times):>8.1f} {percentile(times, 0.95):>8.1f} "
                  f"{len(ctx.captured_queries):>8} {statistics.median(db):>8.1f} {statistics.median(cpu):>8.1f}")
    times = []
    for _ in range(max(3, args.reps // 4)):
        t0 = time.perf_counter()
        alerts.detect()
        times.append((time.perf_counter() - t0) * 1000)
    print(f"{'spike detection (all searches)':<36} {statistics.median(times):>8.1f} {percentile(times, 0.95):>8.1f}")


if __name__ == "__main__":
    main()
