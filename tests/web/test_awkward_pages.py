"""Every page, as an administrator, governance, the digital team and a staff member, with awkward data
(tests/web/awkward.py) and bad querystrings: no page answers 500, and no page shows a raw code, a
Python repr, an enum value or a UTC ISO time where a person reads words."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from . import awkward

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "page=999999",
    "page=abc",
    "page=-1",
    "since=garbage&until=2026-13-45&days=abc&sentiment=bogus&question=x&q=%00x",
    "month=2026-13&scope=bogus&format=bogus",
    "month=abcd&scope=unit:abc",
    "date=garbage&view=bogus&account=abc",
    "status=bogus&account=abc&mine=2&search=abc&before=garbage&after=garbage",
    "a=1&b=x&handle=" + "h" * 400,
    "days=-5&search=999999999999999999999",
    "days=99999999999999999999",
    "before=99999999999999999999999_1&after=1_99999999999999999999999",
    "since=2026-02-30T10:00:00%2B00:00&until=99999-01-01T00:00",
]


class _Text(HTMLParser):
    """The text a person reads: no scripts or styles, no attribute values."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


# What a person should never read: a Python repr, an enum value, a UTC ISO time, an exception's name.
RAW = [
    (re.compile(r"\{'[a-z_]+':|\['[a-z_]+'(, '[a-z_]+')*\]"), "a Python dict or list"),
    (re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?(\+00:00|Z)?\b"), "an ISO time"),
    (
        re.compile(r"\b(scheduled_failed|changes_requested|prospective_students|app_password|api_token)\b"),
        "an enum value",
    ),
    (re.compile(r"\b(Traceback|ValidationError|IntegrityError|KeyError|ValueError|TypeError)\b"), "an exception"),
    (re.compile(r"\bNone\b(?! [a-z])"), "Python's None"),
]


def raw_bits(text: str) -> list[str]:
    found = []
    for pattern, what in RAW:
        for m in pattern.finditer(text):
            found.append(f"{what}: …{text[max(0, m.start() - 40) : m.end() + 40]}…")
    return found


@pytest.fixture
def world(settings, tmp_path):
    from townhall.core.demo import load_demo

    settings.MEDIA_ROOT = tmp_path / "media"
    people = load_demo()
    return people, awkward.seed(people)


def pages(objects) -> list[str]:
    from townhall.analytics.models import Campaign, Objective
    from townhall.inbox.models import Conversation
    from townhall.links.models import Link
    from townhall.listening.models import SavedSearch
    from townhall.policies.models import PolicyVersion

    version = PolicyVersion.objects.order_by("-pk").first()
    objective = Objective.objects.order_by("pk").first()
    campaign = Campaign.objects.order_by("pk").first()
    conversation = Conversation.objects.order_by("pk").first()
    link = Link.objects.order_by("pk").first()
    search = SavedSearch.objects.order_by("pk").first()
    evidence = objects["incident"].evidence.first()
    urls = [
        "/",
        "/me/",
        "/me/password/",
        "/me/tokens/",
        "/policy/",
        "/audit/",
        "/status/",
        "/setup/",
        "/help/",
        "/policy/versions/",
        "/policy/edit/",
        "/policy/edit/yaml/",
        "/policy/draft/",
        "/policy/acknowledge/",
        "/policy/versions/compare?a=1&b=2",
        "/accounts/",
        f"/accounts/{objects['account'].pk}/",
        f"/accounts/{objects['account'].pk}/edit/",
        f"/accounts/{objects['account'].pk}/move/",
        f"/accounts/{objects['account'].pk}/archive/",
        f"/accounts/{objects['account'].pk}/revoke/",
        "/accounts/connect/",
        "/accounts/requests/",
        "/accounts/requests/new/",
        "/accounts/requests/recommend/?audiences=alumni&audiences=bogus",
        f"/accounts/requests/{objects['request'].pk}/",
        f"/accounts/requests/{objects['request'].pk}/edit/",
        f"/accounts/requests/{objects['request'].pk}/withdraw/",
        "/accounts/import/",
        "/accounts/notices/",
        "/posts/",
        "/posts/compose/",
        f"/posts/compose/?post={objects['failed'].pk}",
        "/posts/calendar/",
        "/posts/calendar/?view=month",
        f"/posts/{objects['failed'].pk}/",
        "/listening/",
        "/listening/mentions/",
        "/listening/searches/",
        "/listening/sources/",
        "/listening/never-store/",
        "/listening/export/",
        "/listening/erase/",
        "/inbox/",
        "/incidents/",
        "/incidents/new/",
        f"/incidents/{objects['incident'].pk}/",
        "/incidents/settings/",
        "/incidents/containment/",
        f"/incidents/containment/posts/{objects['failed'].pk}/",
        "/analytics/",
        "/analytics/report/",
        "/analytics/campaigns/",
        "/links/",
        "/sso/",
    ]
    if version:
        urls += [f"/policy/versions/{version.number}/", f"/policy/versions/{version.number}/acknowledgements/"]
    if objective:
        urls.append(f"/analytics/objectives/{objective.pk}/")
    if campaign:
        urls.append(f"/analytics/campaigns/{campaign.pk}/")
    if conversation:
        urls.append(f"/inbox/{conversation.pk}/")
    if link:
        urls.append(f"/links/{link.code}/")
    if search:
        urls.append(f"/listening/searches/{search.pk}/")
    if objects["alert"]:
        urls.append(objects["alert"].get_absolute_url())
    if evidence:
        urls.append(f"/incidents/{objects['incident'].pk}/evidence/{evidence.pk}/")
    return urls


def with_query(url: str, query: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}{query}"


@pytest.mark.parametrize("username", ["ada", "gwen", "dana", "amara"])
def test_no_page_fails_or_shows_raw_values(world, verified_client, username):
    people, objects = world
    client = verified_client(people[username])
    client.raise_request_exception = False  # a failing view is a 500 to list, not a stop
    failures, raw = [], {}
    for url in pages(objects):
        for query in ["", *BAD_QUERIES]:
            address = with_query(url, query) if query else url
            response = client.get(address)
            if response.status_code >= 500:
                failures.append(f"{address}: {response.status_code}")
                continue
            if query or response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
                continue
            bits = raw_bits(visible_text(response.content.decode()))
            if bits:
                raw[address] = bits
    assert not failures, "\n".join(failures)
    assert not raw, "\n".join(f"{url}: {bits}" for url, bits in raw.items())


def test_an_alerts_mentions_show_its_window_in_the_readers_time(world, verified_client):
    """The alert's link carries its window as UTC ISO times; the page says it in the reader's zone."""
    people, objects = world
    dana = people["dana"]
    dana.time_zone = "America/New_York"
    dana.save(update_fields=["time_zone"])
    client = verified_client(dana)
    search = objects["alert"].search_id
    text = visible_text(
        client.get(
            f"/listening/mentions/?search={search}&since=2026-01-15T14:00:00%2B00:00&until=2026-01-15T16:30:00%2B00:00"
        ).content.decode()
    )
    assert "Showing mentions from 15 Jan 2026 09:00 to 15 Jan 2026 11:30" in text
    assert "2026-01-15" not in text and "+00:00" not in text
    # An address that is not a time is said in words, and every time is shown.
    response = client.get(f"/listening/mentions/?search={search}&since=garbage")
    text = visible_text(response.content.decode())
    assert response.status_code == 200
    assert "The time span in the address must be a date and time, and it could not be read" in text
    assert "like 2026-03-01T10:00:00+00:00" not in text and "garbage" not in text


def test_the_policy_rules_are_named_in_words(world, verified_client):
    people, _ = world
    text = visible_text(verified_client(people["amara"]).get("/policy/").content.decode())
    assert "Confidential and unpublished work" in text
    assert "Missing alt text" in text
    for code in ("confidential-ip", "personal-use", "missing-alt-text", "hashtag-not-camelcase"):
        assert f" {code} " not in f" {text} ", code


def test_findings_at_submission_name_their_family(world, verified_client):
    people, objects = world
    text = visible_text(verified_client(people["amara"]).get(f"/posts/{objects['failed'].pk}/").content.decode())
    assert "PRV001 Privacy (Bluesky): Phone number" in text, text[text.find("PRV001") - 80 :][:300]


def test_the_recommendations_opened_on_their_own_are_a_whole_page(world, verified_client):
    people, _ = world
    body = verified_client(people["amara"]).get("/accounts/requests/recommend/?audiences=alumni").content.decode()
    assert "<title>" in body and "<h1>Networks for your audiences</h1>" in body
    partial = verified_client(people["amara"]).get(
        "/accounts/requests/recommend/?audiences=alumni", headers={"HX-Request": "true"}
    )
    assert "<title>" not in partial.content.decode()


def test_adding_a_source_keeps_what_was_typed_after_an_error(world, verified_client):
    people, _ = world
    client = verified_client(people["dana"])
    typed = {
        "name": "Faculty news typed",
        "kind": "mastodon",
        "url": "",
        "instance": "",
        "timeline": "local",
        "hashtag": "typedtag",
        "poll_minutes": "abc",
    }
    response = client.post("/listening/sources/", typed)
    body = response.content.decode()
    assert response.status_code == 200
    assert "whole number of minutes" in visible_text(body) and "invalid literal" not in body
    for value in ('value="Faculty news typed"', 'value="typedtag"', 'value="abc"'):
        assert value in body, value
    assert '<option value="mastodon" selected>' in body and '<option value="local" selected>' in body
    # a refusal from the service (no instance for a Mastodon timeline) keeps them too
    body = client.post("/listening/sources/", {**typed, "poll_minutes": "10"}).content.decode()
    assert "needs the instance URL" in visible_text(body)
    assert 'value="Faculty news typed"' in body and 'value="10"' in body


def test_a_refused_never_store_handle_is_shown_again(world, verified_client):
    people, _ = world
    client = verified_client(people["amara"])
    response = client.post("/listening/never-store/", {"handle": "jane smith typed", "network": "mastodon"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Give the handle without spaces" in visible_text(body)
    assert 'value="jane smith typed"' in body and '<option value="mastodon" selected>' in body
    assert client.post("/listening/never-store/", {"remove": "abc"}).status_code == 404
