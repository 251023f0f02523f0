"""Network names as the brands write them, wherever a person reads them (issue 15).

The database stores lower-case codes ("bluesky", "x", "linkedin"); people must read
"Bluesky", "X", "LinkedIn". The main pages are rendered with the demo data plus an account,
a published post, a listened mention, an incident and a short link on every network, and the
words people see (text, and the alt, title, aria-label and placeholder attributes) are searched
for a code standing alone as a word. Addresses and handles (mastodon.example.ac.uk,
@physics@mastodon.social) are not words and are left alone.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from html.parser import HTMLParser

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

CODES = ["bluesky", "mastodon", "x", "linkedin", "threads", "facebook", "instagram"]
# A code as a word: not part of an address, a handle, a file name or a longer word.
RAW = re.compile(r"(?<![\w.@/:#-])(" + "|".join(CODES) + r")(?![\w.@/-]|:\S)")
READ_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}


class _Words(HTMLParser):
    """The text a person reads: element text (not scripts, styles or code) and read-out attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "code", "pre", "kbd", "samp"):
            self._skip += 1
        self.parts.extend(v for k, v in attrs if k in READ_ATTRIBUTES and v)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "code", "pre", "kbd", "samp") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def raw_codes(html: str) -> list[str]:
    parser = _Words()
    parser.feed(html)
    found = []
    for part in parser.parts:
        for m in RAW.finditer(part):
            found.append(part[max(0, m.start() - 40) : m.end() + 40].strip())
    return found


@pytest.fixture
def everywhere(db):
    """The demo institution, plus one of everything on every network."""
    from townhall.core.demo import load_demo
    from townhall.core.models import OrgUnit
    from townhall.incidents.models import Incident
    from townhall.links.models import Link
    from townhall.listening.models import Mention
    from townhall.publishing.models import Delivery, Post
    from townhall.registry.models import Account

    people = load_demo()
    unit = OrgUnit.objects.get(slug="physics")
    now = timezone.now()
    post = Post.objects.create(
        created_by=people["amara"],
        org_unit=unit,
        text="Open day on every network",
        status="published",
        approved_by=people["dana"],
    )
    for code in CODES:
        account, _ = Account.objects.get_or_create(
            network=code,
            handle=f"physicsdept{code[:2]}",
            defaults={"org_unit": unit, "status": "active", "quiet_start": time(0, 0), "quiet_end": time(0, 0)},
        )
        account.owners.add(people["amara"])
        Delivery.objects.create(
            post=post,
            account=account,
            status="published",
            published_at=now,
            remote_id=f"{code}-1",
            url=f"https://{code}.example/p/1",
        )
        Mention.objects.create(
            network=code,
            remote_id=f"m-{code}",
            author_handle=f"fan{code[:2]}",
            text="Loved the physics open day",
            created_at=now - timedelta(hours=1),
            expires_at=now + timedelta(days=30),
            text_hash=f"h{code}",
        )
        Incident.objects.create(
            kind="impersonation",
            network=code,
            description="A fake account copies ours.",
            created_by=people["amara"],
            account=account,
        )
        Link.objects.create(
            code=f"n{code[:3]}",
            target="https://example.ac.uk/open",
            destination=f"https://example.ac.uk/open?utm_source={code}",
            network=code,
            account=account,
            org_unit=unit,
            created_by=people["dana"],
        )
    return {"people": people, "post": post}


PAGES = [
    "/",
    "/posts/",
    "/posts/calendar/",
    "/posts/compose/",
    "/accounts/",
    "/accounts/requests/",
    "/accounts/requests/new/",
    "/accounts/requests/recommend/",
    "/listening/",
    "/listening/mentions/",
    "/listening/sources/",
    "/inbox/",
    "/analytics/",
    "/analytics/campaigns/",
    "/incidents/",
    "/links/",
    "/status/",
    "/policy/",
    "/help/",
    "/policy/versions/",
    "/incidents/new/",
    "/incidents/containment/",
]


def test_main_pages_show_no_lower_case_network_code(everywhere, verified_client):
    from townhall.incidents.models import Incident
    from townhall.links.models import Link
    from townhall.registry.models import Account

    client = verified_client(everywhere["people"]["ada"])
    pages = list(PAGES)
    pages.append(f"/posts/{everywhere['post'].pk}/")
    pages += [f"/accounts/{a.pk}/" for a in Account.objects.filter(handle__startswith="physicsdept")]
    pages += [f"/incidents/{i.pk}/" for i in Incident.objects.filter(description="A fake account copies ours.")]
    pages += [f"/links/{link.code}/" for link in Link.objects.filter(code__startswith="n")][:3]
    problems = {}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        found = raw_codes(response.content.decode())
        if found:
            problems[url] = found
    assert problems == {}, "\n".join(f"{u}: {f}" for u, f in problems.items())


def test_the_filter_and_the_detector_agree():
    from townhall.web.templatetags.townhall_ui import network_name

    assert [network_name(c) for c in CODES] == [
        "Bluesky",
        "Mastodon",
        "X",
        "LinkedIn",
        "Threads",
        "Facebook",
        "Instagram",
    ]
    assert raw_codes("<p>Posted on bluesky and x</p>") == ["Posted on bluesky and x", "Posted on bluesky and x"]
    assert raw_codes('<p>@physics@mastodon.social at <a href="https://x.com/a">x.com/a</a></p>') == []
    assert raw_codes("<p>Posted on Bluesky and X</p><code>--network bluesky</code>") == []


def test_the_composers_live_check_names_the_network_as_its_brand(everywhere, verified_client):
    """Platform findings ("at most 2 hashtags on ...") and limits are read in the composer."""
    from townhall.registry.models import Account

    client = verified_client(everywhere["people"]["amara"])
    html = ""
    for code in ("x", "bluesky", "linkedin"):
        account = Account.objects.get(network=code, handle__startswith="physicsdept")
        text = "Open day! " + " ".join(f"#tag{i}" for i in range(12)) + " " + "long words " * 400
        response = client.post("/posts/compose/check", {"text": text, "accounts": [account.pk]})
        assert response.status_code == 200
        html += response.content.decode()
    assert raw_codes(html) == []
    assert " on X" in html and " on Bluesky" in html and " on LinkedIn" in html
