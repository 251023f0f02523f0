"""2,000 concurrent clicks against a real `townhall serve` on loopback: exactly 2,000 counted.

Runs on SQLite, and on PostgreSQL when DATABASE_URL names one (a throw-away database beside it),
so both engines' atomic upsert is exercised by real concurrent connections."""

from __future__ import annotations

import json

import pytest

from tests.links.served import fire, own_database, prepare, serving, townhall

pytestmark = pytest.mark.slow

CARD_CRAWLER = "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)"
PERSON = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"


def test_two_thousand_concurrent_clicks_are_all_counted(tmp_path):
    with own_database(tmp_path) as env:
        code = prepare(env)
        with serving(env, threads=8) as port:
            # 50 connections at once, every tenth request a link-preview fetcher
            _, statuses = fire(port, f"/l/{code}", 2000, 50, user_agents=[PERSON] * 9 + [CARD_CRAWLER])
        data = json.loads(townhall(env, "links", "stats", code, "--format", "json"))
    assert statuses == {302: 2000}
    assert data["clicks"] + data["bot_clicks"] == 2000
    assert (data["clicks"], data["bot_clicks"]) == (1800, 200)
    assert sum(d["clicks"] + d["bot_clicks"] for d in data["by_day"].values()) == 2000
