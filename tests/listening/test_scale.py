"""Issue 13: the inbox rule for any number of accounts, rollups consistent with the raw
mentions, keyset pagination, indexed text search, and query counts that cannot creep up."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from townhall.listening import rollups, selectors, services
from townhall.listening.models import DayCount, HourCount, Mention, MentionMatch, SavedSearch
from townhall.listening.pipeline import Pipeline
from townhall.listening.types import Batch, IncomingPost

# --- the inbox covers every official account ------------------------------------------------


@pytest.mark.django_db
def test_a_reply_to_each_of_250_accounts_reaches_the_inbox(units):
    from townhall.inbox.models import Conversation
    from townhall.registry.models import Account

    Account.objects.bulk_create([
        Account(network="bluesky", handle=f"dept{i:03d}.example.ac.uk", org_unit=units["school"], status="active")
        for i in range(250)
    ])
    search = services.ensure_inbox_search()
    assert search.active and search.rule == SavedSearch.Rule.OFFICIAL_ACCOUNTS
    now = timezone.now()
    posts = [
        IncomingPost("bluesky", f"at://did:plc:p{i}/app.bsky.feed.post/1", f"When does the library open, {i}?",
                     author_handle=f"student{i}.bsky.social", to_handles=(f"dept{i:03d}.example.ac.uk",),
                     created_at=now - timedelta(minutes=i))
        for i in range(250)
    ]
    posts.append(IncomingPost("bluesky", "at://did:plc:q/app.bsky.feed.post/1", "unrelated chatter about cats",
                              author_handle="someone.bsky.social", to_handles=("not-ours.bsky.social",)))
    counts = Pipeline.load().run(Batch(posts, None))
    assert counts.stored == 250
    reached = set(Conversation.objects.values_list("account__handle", flat=True))
    assert reached == {f"dept{i:03d}.example.ac.uk" for i in range(250)}
    assert Conversation.objects.filter(status="open", is_question=True).count() == 250
    checks = {c["name"]: c for c in selectors.status_checks(now)}
    assert checks["Inbox: replies to official accounts"]["state"] == "ok"
    assert "all 250 official accounts" in checks["Inbox: replies to official accounts"]["detail"]


@pytest.mark.django_db
def test_a_search_that_cannot_be_applied_is_an_error_on_the_status_page(units, team):
    from townhall.registry.models import Account

    Account.objects.create(network="bluesky", handle="ok.example.ac.uk", org_unit=units["school"], status="active")
    now = timezone.now()
    # No inbox search yet although there are accounts: replies would be lost.
    checks = {c["name"]: c for c in selectors.status_checks(now)}
    assert checks["Inbox: replies to official accounts"]["state"] == "fail"
    services.ensure_inbox_search()
    Account.objects.create(network="mastodon", handle="bad handle", org_unit=units["school"], status="active")
    checks = {c["name"]: c for c in selectors.status_checks(now)}
    assert checks["Inbox: replies to official accounts"]["state"] == "fail"
    assert "'bad handle'" in checks["Inbox: replies to official accounts"]["detail"]
    s = services.create_search(team, "Broken", "physics")
    SavedSearch.objects.filter(pk=s.pk).update(query="physics (")  # e.g. a grammar change since it was saved
    checks = {c["name"]: c for c in selectors.status_checks(now)}
    assert checks["Saved search: Broken"]["state"] == "fail"
    # and the web status page shows them
    from townhall.web.status import checks as all_checks

    assert any(c.name == "Saved search: Broken" and c.state == "fail" for c in all_checks(now))


@pytest.mark.django_db
def test_the_inbox_search_cannot_be_edited_away(units, team):
    from townhall.registry.models import Account

    Account.objects.create(network="bluesky", handle="a.example.ac.uk", org_unit=units["school"], status="active")
    search = services.ensure_inbox_search()
    with pytest.raises(ValueError, match="kept by Townhall"):
        services.update_search(team, search, query="cats")
    with pytest.raises(ValueError, match="kept by Townhall"):
        services.delete_search(team, search)


# --- rollups ------------------------------------------------------------------------------------


def expected_rollups() -> tuple[Counter, Counter, dict]:
    """The rollups computed the slow way, straight from the mentions and their matches."""
    zone = rollups.site_zone()
    system = set(SavedSearch.objects.filter(system=True).values_list("pk", flat=True))
    searches: dict[int, list[int]] = defaultdict(list)
    for mid, sid in MentionMatch.objects.values_list("mention_id", "search_id"):
        searches[mid].append(sid)
    hours: Counter = Counter()
    days: Counter = Counter()
    reach: dict = {}
    for m in Mention.objects.all():
        ids = searches[m.pk] + ([0] if set(searches[m.pk]) - system else [])
        hour = m.created_at.astimezone(timezone.UTC).replace(minute=0, second=0, microsecond=0)
        day = m.created_at.astimezone(zone).date()
        keys = [("v", ""), ("s", m.sentiment), ("a", f"{m.network} {m.author_handle}")]
        keys += [("l", m.lang)] if m.lang else []
        keys += [("t", {"word": "", "phrase": "", "hashtag": "#", "handle": "@"}[t.split(":")[0]] + t.split(":", 1)[1])
                 for t in m.terms if t.split(":")[0] in ("word", "phrase", "hashtag", "handle")]
        keys += [("h", f"#{t}") for t in set(m.hashtags)]
        for sid in ids:
            hours[(sid, hour, m.sentiment)] += 1
            for dim, key in keys:
                days[(sid, dim, day, key)] += 1
                if dim == "a":
                    reach[(sid, dim, day, key)] = max(reach.get((sid, dim, day, key), 0), m.author_followers)
    return hours, days, reach


def stored_rollups() -> tuple[Counter, Counter, dict]:
    hours = Counter({(r.search_id, r.hour, r.sentiment): r.n for r in HourCount.objects.all()})
    days = Counter({(r.search_id, r.dim, r.day, r.key): r.n for r in DayCount.objects.all()})
    reach = {(r.search_id, r.dim, r.day, r.key): r.reach for r in DayCount.objects.filter(dim="a")}
    return hours, days, reach


def assert_consistent(check_reach: bool = True) -> None:
    want_h, want_d, want_r = expected_rollups()
    got_h, got_d, got_r = stored_rollups()
    assert got_h == want_h
    assert got_d == want_d
    if check_reach:
        assert got_r == want_r


def mixed_posts(now, prefix="p", n=60):
    langs = ["en", "cy", "fr", ""]
    texts = ["physics open day is wonderful #openday #physics", "chemistry lab fire awful terrible",
             "physics and chemistry together #science", "what time is the physics lecture?"]
    return [
        IncomingPost("bluesky", f"{prefix}{i}", f"{texts[i % 4]} number {i}", author_handle=f"u{i % 7}.bsky.social",
                     author_followers=(i * 37) % 500, lang=langs[i % 4],
                     created_at=now - timedelta(days=(i * 5) % 40, hours=i % 24))
        for i in range(n)
    ]


@pytest.mark.django_db
def test_rollups_match_the_raw_mentions_after_ingest_and_every_kind_of_deletion(team, search, make_user):
    physics = search("physics OR #openday", name="Physics", retention_days=30)
    search("chemistry", name="Chemistry")
    now = timezone.now()
    Pipeline.load().run(Batch(mixed_posts(now), None))
    assert Mention.objects.count() > 40
    assert DayCount.objects.filter(search_id=0).exists()
    assert_consistent()

    # the dashboard reads them: top hashtags over the whole window, one search or all
    tags = dict(selectors.top_hashtags(None, 90))
    assert tags["#openday"] == Mention.objects.filter(text__contains="#openday").count()
    first = rollups.local_day(now) - timedelta(days=7)
    raw = Counter(f"#{t}" for m in Mention.objects.filter(matches__search=physics) for t in set(m.hashtags)
                  if rollups.local_day(m.created_at) >= first)
    assert dict(selectors.top_hashtags([physics], 7)) == dict(raw)

    # retention: physics keeps 30 days; mentions only it matched and older than that go
    assert services.enforce_retention() > 0
    assert_consistent(check_reach=False)  # a max cannot be subtracted; counts are exact

    # never-to-store purge and erasure
    services.add_never_store(make_user(), "u3.bsky.social")
    services.erase_handle(team, "u4.bsky.social")
    assert not Mention.objects.filter(author_handle__in=["u3.bsky.social", "u4.bsky.social"]).exists()
    assert_consistent(check_reach=False)

    # deleting a search removes its rows and the mentions only it found
    services.delete_search(team, SavedSearch.objects.get(name="Chemistry"))
    assert_consistent(check_reach=False)

    # the rebuild command brings everything back to exactly the raw figures (reach included)
    from django.core.management import call_command

    DayCount.objects.all().update(n=999)
    call_command("listening", "rebuild-rollups")
    assert_consistent()


@pytest.mark.django_db
def test_compaction_keeps_each_past_days_top_values(search):
    search("physics", name="Physics")
    now = timezone.now()
    yesterday = now - timedelta(days=1)
    posts = [IncomingPost("bluesky", f"c{i}", f"physics #tag{i % 70} #common", author_handle=f"a{i}.bsky.social",
                          author_followers=i, created_at=yesterday) for i in range(140)]
    posts += [IncomingPost("bluesky", f"t{i}", f"physics #today{i}", created_at=now) for i in range(60)]
    Pipeline.load().run(Batch(posts, None))
    _, want, _ = expected_rollups()
    rollups.compact()
    day = rollups.local_day(yesterday)
    kept = dict(DayCount.objects.filter(search_id=0, dim="h", day=day).values_list("key", "n"))
    assert len(kept) == rollups.KEEP["h"]
    assert kept["#common"] == 140
    assert all(want[(0, "h", day, k)] == n for k, n in kept.items())  # what is kept stays exact
    authors = DayCount.objects.filter(search_id=0, dim="a", day=day).order_by("-reach")
    assert [a.reach for a in authors] == list(range(139, 129, -1))  # top 10 by reach, exact
    assert DayCount.objects.filter(search_id=0, dim="h", day=rollups.local_day(now)).count() == 60  # today untouched
    assert selectors.top_authors(None, 7)[0] == {"author_handle": "a139.bsky.social", "network": "bluesky",
                                                 "reach": 139, "mentions": 1}


@pytest.mark.django_db
def test_batched_ingest_stores_and_counts_each_post_once_across_retries_and_races(search, monkeypatch):
    """Exactly once at batch level: a batch replayed after it was stored, a batch whose
    transaction failed half-way and is then retried, and a batch racing another writer (rows it
    did not see when it looked) all leave the mentions, matches and rollups as one clean pass
    would, and the rollups equal a rebuild from the raw mentions."""
    from django.db import IntegrityError

    from townhall.listening import pipeline as pipeline_module

    search("physics OR #openday", name="Physics")
    search("chemistry", name="Chemistry")
    now = timezone.now()
    copy = "the physics open day was a wonderful day for everyone who came along to see it"
    posts = mixed_posts(now, n=150)
    posts += [IncomingPost("bluesky", f"copy{i}", f"{copy} https://t.co/{i}", author_handle=f"c{i}.bsky.social",
                           created_at=now) for i in range(5)]  # near-identical copies in one batch
    batches = [Batch(posts[i : i + 40], str(i)) for i in range(0, len(posts), 40)]
    pipeline = Pipeline.load()
    for batch in batches[:2]:
        pipeline.run(batch)

    # a failure inside the storage transaction (after the mentions were written) leaves nothing behind
    real_apply = rollups.Deltas.apply

    def failing_apply(self):
        real_apply(self)
        raise RuntimeError("database went away")

    monkeypatch.setattr(rollups.Deltas, "apply", failing_apply)
    before = Mention.objects.count()
    with pytest.raises(RuntimeError):
        pipeline.run(batches[2])
    assert Mention.objects.count() == before
    monkeypatch.setattr(rollups.Deltas, "apply", real_apply)
    for batch in batches[2:]:  # the retry, and the rest
        pipeline.run(batch)
    once = (Mention.objects.count(), MentionMatch.objects.count(), stored_rollups())
    assert once[0] > 60
    assert Mention.objects.get(text__startswith=copy).repeats == 4
    assert_consistent()

    # every batch replayed (a restart from an older cursor): nothing new, nothing counted twice
    for batch in batches:
        assert pipeline.run(batch).stored == 0
    assert (Mention.objects.count(), MentionMatch.objects.count(), stored_rollups()) == once

    # a race: another writer stored these posts after we looked (simulated by a lookup that sees
    # none of them). PostgreSQL skips them in the INSERT itself; elsewhere the batch fails whole.
    monkeypatch.setattr(pipeline_module, "_stored_and_recent", lambda keys, hashes, since: (set(), {}))
    try:
        counts = pipeline.run(batches[1])
        assert counts.stored == 0
        assert counts.duplicates > 0
    except IntegrityError:
        assert connection.vendor != "postgresql"
    assert (Mention.objects.count(), MentionMatch.objects.count(), stored_rollups()) == once
    assert_consistent()

    # and a rebuild from the raw mentions gives exactly what ingest kept
    rollups.rebuild()
    assert stored_rollups() == once[2]


# --- the mentions list ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_keyset_pages_walk_every_mention_once_both_ways(search, monkeypatch, team, client):
    search("physics")
    now = timezone.now()
    same = now - timedelta(hours=2)  # ties on the time are ordered by id
    Pipeline.load().run(Batch([
        IncomingPost("bluesky", f"k{i}", f"physics note {i}", created_at=same if i % 3 == 0 else now - timedelta(
            minutes=i)) for i in range(130)
    ], None))
    qs = selectors.mentions({})
    seen, pages, before = [], [], ""
    while True:
        page = selectors.keyset_page(qs, before=before, size=50)
        pages.append(page)
        seen += [m.pk for m in page["items"]]
        if not page["older"]:
            break
        before = page["older"]
    assert len(seen) == len(set(seen)) == 130 == Mention.objects.count()
    assert seen == list(Mention.objects.order_by("-created_at", "-pk").values_list("pk", flat=True))
    assert pages[0]["count_text"] == "130"
    back = selectors.keyset_page(qs, after=pages[-1]["newer"], size=50)
    assert [m.pk for m in back["items"]] == [m.pk for m in pages[-2]["items"]]
    monkeypatch.setattr(selectors, "COUNT_CAP", 100)
    assert selectors.keyset_page(qs)["count_text"] == "100+"
    # the API pages the same way with `before` = the last item's cursor
    from townhall.core.models import ApiToken

    _, key = ApiToken.issue(team, "t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    first = client.get("/api/listening/mentions?limit=50", **auth).json()
    second = client.get(f"/api/listening/mentions?limit=50&before={first[-1]['cursor']}", **auth).json()
    assert [m["id"] for m in first + second] == seen[:100]
    assert client.get("/api/listening/mentions?before=nonsense", **auth).status_code == 400


@pytest.mark.django_db
def test_text_search_finds_words_and_handles(search, verified_client, team):
    search("physics")
    Pipeline.load().run(Batch([
        IncomingPost("bluesky", "w1", "Physics lecture moved to the Great Hall", author_handle="prof.bsky.social"),
        IncomingPost("bluesky", "w2", "physics exam results out", author_handle="dean.bsky.social"),
    ], None))
    found = lambda q: sorted(m.remote_id for m in selectors.mentions({"q": q}))  # noqa: E731
    assert found("great hall") == ["w1"]
    assert found("lecture") == ["w1"]
    assert found("@dean.bsky.social") == ["w2"]
    r = verified_client(team).get("/listening/mentions/?q=exam")
    assert r.status_code == 200 and "physics exam results out" in r.content.decode()
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'listening_mention_text_fts'")
            assert cur.fetchone()


# --- query counts do not grow with the rows -----------------------------------------------------


def queries(client, url, **kw) -> int:
    with CaptureQueriesContext(connection) as ctx:
        r = client.get(url, **kw)
    assert r.status_code == 200, (url, r.content[:300])
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_list_pages_and_endpoints_make_a_fixed_number_of_queries(verified_client, team, search, units, make_user):
    from townhall.core.models import ApiToken
    from townhall.registry.models import Account

    _, key = ApiToken.issue(team, "t")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    client = verified_client(team)
    urls = ["/listening/", "/listening/?days=90", "/listening/mentions/", "/listening/mentions/?q=physics",
            "/listening/searches/", "/inbox/?status=all", "/inbox/"]
    api = ["/api/listening/searches", "/api/listening/mentions", "/api/listening/alerts",
           "/api/inbox/conversations?status=all"]

    def fill(n: int, tag: str) -> None:
        owners = [make_user() for _ in range(2)]
        for i in range(n):
            s = search(f"physics{tag}{i} OR physics", name=f"S {tag}{i}")
            s.owners.add(*owners)
        accounts = Account.objects.bulk_create([
            Account(network="bluesky", handle=f"{tag}{i}.example.ac.uk", org_unit=units["school"], status="active")
            for i in range(n)])
        services.ensure_inbox_search()
        now = timezone.now()
        Pipeline.load().run(Batch([
            IncomingPost("bluesky", f"{tag}{i}", f"physics question {i}, when is it?",
                         author_handle=f"x{i}.bsky.social", to_handles=(accounts[i % n].handle,),
                         created_at=now - timedelta(hours=i))
            for i in range(n * 4)], None))

    fill(3, "a")
    small = [queries(client, u) for u in urls] + [queries(client, u, **auth) for u in api]
    fill(25, "b")
    large = [queries(client, u) for u in urls] + [queries(client, u, **auth) for u in api]
    assert dict(zip(urls + api, large, strict=True)) == dict(zip(urls + api, small, strict=True))
    assert queries(client, "/api/listening/searches", **auth) <= 8  # was one per search: 56 for 51 (issue 13)
