"""Demo listening data: saved searches and ~400 mentions over 30 days, with a visible spike.

The mentions go through the real pipeline (matching, enrichment, storage, inbox), only
their timestamps are spread over the month. Deterministic (seeded), and idempotent: a
second run adds nothing.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from townhall.listening import alerts, services
from townhall.listening.models import SavedSearch, Source
from townhall.listening.pipeline import Pipeline
from townhall.listening.types import Batch, IncomingPost

SEARCHES = [
    ("Example University", '"example university" OR #exampleuni OR @example.ac.uk', "#1f5fa8"),
    ("Physics", "physics AND (example OR #exampleuni OR @physics.example.ac.uk OR #examplephysics)", "#b3541e"),
    ("Open days", '("open day" OR #openday) AND (example OR #exampleuni)', "#2e7d32"),
    ("Nursing", "(nursing OR #nursingstudents) AND (example OR #exampleuni)", "#7b1fa2"),
    ("Students' union", '"example su" OR #examplesu OR "students union"', "#00695c"),
]

AUTHORS = [
    ("sam.bsky.social", "Sam Patel", 320), ("lin.bsky.social", "Lin Zhou", 1200),
    ("prospective-alex.bsky.social", "Alex", 45), ("localnews.bsky.social", "Midlands News", 48000),
    ("drjones.bsky.social", "Dr R. Jones", 5400), ("parent-kim.bsky.social", "Kim", 80),
    ("alumni-ola.bsky.social", "Ola (2019)", 610), ("edu-blogger.bsky.social", "HE Watch", 15300),
    ("nurse-jo.bsky.social", "Jo, RN", 900), ("physicsfan.bsky.social", "Quark Fan", 230),
]

POSITIVE = [
    "Brilliant #openday at Example University today, the campus tour was fantastic",
    "So proud to have graduated from Example University, best years of my life #exampleuni",
    "The physics lecture at Example on dark matter was amazing, thank you @physics.example.ac.uk",
    "Loved the nursing simulation ward at Example University, really impressive #nursingstudents",
    "Great news: Example University physics team wins research award #examplephysics",
    "The students union welcome fair was so much fun #examplesu",
]
NEUTRAL = [
    "Example University publishes its new research strategy for 2026 #exampleuni",
    "Open day at Example on Saturday 10am to 3pm, registration on the website",
    "Example University physics department announces a public lecture series",
    "Nursing placements at Example University start in September #nursingstudents",
    "The students union elections open next week #examplesu",
]
QUESTIONS = [
    "When is the next open day at Example University? @example.ac.uk",
    "Does anyone know if the Example physics labs are open to visitors? @physics.example.ac.uk",
    "How do I apply for nursing at Example University? @example.ac.uk",
    "Is the library at Example University open on Sundays? @example.ac.uk",
    "Can someone tell me where the physics open day talks are? @physics.example.ac.uk",
]
NEGATIVE = [
    "Really disappointed that Example University cancelled the physics open day with no notice",
    "The parking at Example University open day was terrible, waited an hour #exampleuni",
    "Example University accommodation is awful this year, mould everywhere @example.ac.uk",
]
SPIKE = [
    "Shocking that Example University is closing the physics lab, terrible decision #savephysics",
    "Angry about Example University physics lab closure, students deserve better #savephysics",
    "Example University physics lab closure is a disgrace @physics.example.ac.uk #savephysics",
    "Awful news from Example: physics lab shutting, staff and students furious #savephysics",
]


OPENERS = ["", "Honestly,", "Just saw this:", "Wow.", "Update:", "FYI", "Hmm,", "Well,", "Today:", "So", "Ok,",
           "Heads up:", "Not gonna lie,", "Quick one:", "Reminder:"]
CLOSERS = ["", "this week", "#campuslife", "again", "for sure", "as usual", "if you ask me", "right now",
           "this morning", "tonight", "at last", "no surprise", "honestly", "finally", "so there's that"]


def _post(i: int, text: str, author: tuple[str, str, int], when, rng: random.Random) -> IncomingPost:
    handle, name, followers = author
    text = " ".join(p for p in (rng.choice(OPENERS), text, rng.choice(CLOSERS)) if p)
    to = tuple(h.lstrip("@") for h in ("@example.ac.uk", "@physics.example.ac.uk") if h in text)
    return IncomingPost(
        network="bluesky",
        remote_id=f"at://did:plc:demo{abs(hash(handle)) % 10**8}/app.bsky.feed.post/demo{i:05d}",
        text=text,
        author_handle=handle,
        author_name=name,
        author_followers=followers,
        created_at=when,
        url=f"https://bsky.app/profile/{handle}/post/demo{i:05d}",
        lang="en",
        to_handles=to,
    )


def load(people: dict) -> None:
    if SavedSearch.objects.filter(name=SEARCHES[0][0]).exists():
        return
    owners = [people[k] for k in ("dana", "eli") if k in people]
    for name, query, color in SEARCHES:
        try:
            search = services.create_search(people.get("dana"), name, query, owners=owners)
        except ValueError:  # e.g. @example.ac.uk missing from a trimmed registry
            search = services.create_search(people.get("dana"), name, query.split(" OR @")[0], owners=owners)
        search.color = color
        search.save(update_fields=["color"])
    services.ensure_inbox_search()
    Source.objects.get_or_create(
        name="Campus news (RSS)", defaults={"kind": "feed", "active": False, "config": {
            "url": "https://news.example.ac.uk/feed.xml"}},
    )
    Source.objects.get_or_create(
        name="#exampleuni on Mastodon", defaults={"kind": "mastodon", "active": False, "config": {
            "instance": "https://mastodon.example.ac.uk", "timeline": "tag", "hashtag": "exampleuni"}},
    )

    rng = random.Random(6)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    posts: list[IncomingPost] = []
    i = 0
    for day in range(30, 0, -1):
        for _ in range(rng.randint(9, 16)):
            when = now - timedelta(days=day, hours=rng.randint(0, 23), minutes=rng.randint(0, 59))
            pool = rng.choices([POSITIVE, NEUTRAL, QUESTIONS, NEGATIVE], weights=[4, 4, 2, 1.5])[0]
            posts.append(_post(i, rng.choice(pool), rng.choice(AUTHORS), when, rng))
            i += 1
    # the spike: three days ago, a burst of angry posts about a lab closure within one hour
    spike_hour = now - timedelta(days=3, hours=5)
    for _ in range(45):
        when = spike_hour + timedelta(minutes=rng.randint(0, 59))
        author = (f"student{rng.randint(1, 400)}.bsky.social", "A student", rng.randint(20, 3000))
        posts.append(_post(i, rng.choice(SPIKE), author, when, rng))
        i += 1
    Pipeline.load().run(Batch(posts, None))
    # alerts as the periodic task would have raised them at the time
    alerts.detect(now=spike_hour + timedelta(hours=1, minutes=5))
