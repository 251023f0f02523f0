"""`townhall status` lists every listening source as /status/ does (paused and failing ones too).

Before, the command printed only the checks, and those judge active sources only: a paused
source, or one an operator had switched off after it failed, vanished from the command line
while the web page listed it. Both now read `townhall.web.status.overview`."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from townhall.web.status import overview

pytestmark = pytest.mark.django_db

SEEN = datetime(2026, 12, 2, 13, 5, tzinfo=UTC)


@pytest.fixture
def sources(settings):
    from townhall.listening.models import Source

    settings.TIME_ZONE = "Europe/London"
    now = timezone.now()
    Source.objects.create(
        kind="feed",
        name="Campus news",
        config={"url": "https://n.example/feed"},
        last_ok_at=now - timedelta(minutes=1),
        last_polled_at=now,
    )
    Source.objects.create(
        kind="mastodon",
        name="Physics hashtag",
        config={"instance": "https://m.example", "hashtag": "physics"},
        last_ok_at=SEEN,
        last_polled_at=now,
        last_error="HTTP 503 from m.example (the server is busy)",
    )
    Source.objects.create(
        kind="feed",
        name="Alumni blog",
        config={"url": "https://a.example/feed"},
        active=False,
        last_ok_at=SEEN,
        last_error="HTTP 404 from a.example",
    )
    Source.objects.create(kind="feed", name="Research news", config={"url": "https://r.example/f"})
    Source.objects.create(kind="import", name="Upload of 2 Dec", active=False)


def status(*args: str) -> str:
    out = StringIO()
    try:
        call_command("status", *args, stdout=out)
    except SystemExit:  # exit 1 when something has stopped; the output is what is tested here
        pass
    except Exception as exc:  # CommandError(returncode=1) under call_command
        if "has stopped" not in str(exc):
            raise
    return out.getvalue()


def test_text_lists_every_source_with_its_state_in_words_once(sources):
    text = status()
    section = text.split("Listening sources, paused ones included (times in Europe/London):", 1)[1]
    lines = {line.split()[1]: line for line in section.strip().splitlines()}
    assert "RSS/Atom feed: Running;" in lines["Campus"]
    assert "Failing;" in lines["Physics"] and "HTTP 503 from m.example" in lines["Physics"]
    assert "Paused;" in lines["Alumni"] and "last problem: HTTP 404 from a.example" in lines["Alumni"]
    assert "last data 2 Dec 2026 13:05" in lines["Alumni"]
    assert "Waiting for its first poll" in lines["Research"] and "last data never" in lines["Research"]
    assert "Upload of 2 Dec" not in text  # an import is a one-off upload, not listening
    # Each source is said once: its health check is not repeated among the checks above.
    assert text.count("HTTP 503 from m.example") == 1 and text.count("Campus news") == 1


def test_json_keeps_its_list_of_checks_and_adds_every_source(sources):
    shown = overview()
    rows = json.loads(status("--format", "json"))
    checks = [r for r in rows if "source_state" not in r]
    entries = [r for r in rows if "source_state" in r]
    assert [c["name"] for c in checks] == [c.name for c in shown.checks]  # the same selector as the page
    assert [(e["source"], e["source_state"], e["state"]) for e in entries] == [
        (row.name, row.state, row.tone) for row in shown.sources
    ]
    assert {e["name"]: e["source_state"] for e in entries} == {
        "RSS/Atom feed: Alumni blog": "Paused",
        "RSS/Atom feed: Campus news": "Running",
        "Mastodon timeline: Physics hashtag": "Failing",
        "RSS/Atom feed: Research news": "Waiting for its first poll",
    }
    alumni = next(e for e in entries if e["source"] == "Alumni blog")
    assert alumni["area"] == "Listening" and alumni["state"] == "warn" and alumni["detail"].startswith("Paused; ")
    assert alumni["last_data"] == SEEN.isoformat() and alumni["last_error"] == "HTTP 404 from a.example"
    assert sum("Physics hashtag" in r["name"] for r in rows) == 1  # once, not also as a check


def test_no_sources_says_so():
    assert "Listening sources: none yet" in status()
