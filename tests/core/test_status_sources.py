"""/status/ lists every listening source, paused and failing ones included (issue 15).

The README says the status page shows listening; before, only active sources appeared (as
checks), so a paused source vanished from it, and their times were in the site's zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from townhall.web.status import listening_sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def sources():
    from townhall.listening.models import Source

    now = timezone.now()
    seen = datetime(2026, 12, 2, 13, 5, tzinfo=UTC)  # 08:05 in New York, 13:05 in London
    return {
        "running": Source.objects.create(
            kind="feed",
            name="Campus news",
            config={"url": "https://n.example/feed"},
            last_ok_at=now - timedelta(minutes=1),
            last_polled_at=now,
        ),
        "failing": Source.objects.create(
            kind="mastodon",
            name="Physics hashtag",
            config={"instance": "https://m.example", "hashtag": "physics"},
            last_ok_at=seen,
            last_polled_at=now,
            last_error="HTTP 503 from m.example (the server is busy)",
        ),
        "paused": Source.objects.create(
            kind="feed",
            name="Alumni blog",
            config={"url": "https://a.example/feed"},
            active=False,
            last_ok_at=seen,
            last_error="HTTP 404 from a.example",
        ),
        "waiting": Source.objects.create(kind="feed", name="Research news", config={"url": "https://r.example/f"}),
        "import": Source.objects.create(kind="import", name="Upload of 2 Dec", active=False),
    }


def test_every_source_is_listed_with_its_state_in_words(sources):
    rows = {r.name: r for r in listening_sources()}
    assert set(rows) == {"Campus news", "Physics hashtag", "Alumni blog", "Research news"}  # not the upload
    assert rows["Campus news"].state == "Running" and rows["Campus news"].tone == "ok"
    assert rows["Physics hashtag"].state == "Failing" and "HTTP 503" in rows["Physics hashtag"].last_error
    assert rows["Alumni blog"].state == "Paused" and rows["Alumni blog"].last_error == "HTTP 404 from a.example"
    assert rows["Research news"].state == "Waiting for its first poll"


def test_the_page_shows_paused_and_failing_sources_in_the_readers_zone(sources, make_user, verified_client):
    reader = make_user("digital", time_zone="America/New_York")
    html = verified_client(reader).get("/status/").content.decode()
    table = html.split('id="sources-h"', 1)[1]
    for name in ("Campus news", "Physics hashtag", "Alumni blog", "Research news"):
        assert f'<th scope="row">{name}</th>' in table, name
    for words in ("Running", "Failing", "Paused", "Waiting for its first poll"):
        assert f">{words}</span>" in table, words
    assert "HTTP 503 from m.example (the server is busy)" in table and "HTTP 404 from a.example" in table
    assert "2 Dec 2026 08:05" in table and "13:05" not in table  # New York, not London
    assert "times in your time zone (America/New_York)" in table
    assert "Upload of 2 Dec" not in html
    # A source's health is said once, in its own row, not again in the table of checks above.
    checks_table = html.split('id="sources-h"', 1)[0]
    assert not re.search(r"RSS/Atom feed: Campus news|Mastodon timeline: Physics hashtag", checks_table)
    # ... but a failing source still counts towards the summary at the top.
    assert "Needs a look" in html or "Something has stopped" in html


def test_no_sources_says_how_to_add_one(make_user, verified_client):
    html = verified_client(make_user("digital")).get("/status/").content.decode()
    assert "No listening sources yet" in html
