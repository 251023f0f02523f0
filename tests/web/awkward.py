"""Awkward data for page-by-page checks (tests/web/test_awkward_pages.py, tests/browser/test_awkward_pages.py).

On top of the demo institution: long unbroken addresses and handles, a long unit name, right-to-left
and emoji text, many hashtags, a failed delivery, a delivery a person must check, a post with policy
findings, an incident with evidence and captured content, a paused publishing, a locked account, an
expired API token, a failing source. `seed()` returns the objects the pages are reached through.
"""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

LONG_URL = "https://www.example.ac.uk/" + "a" * 100 + "/" + "b" * 73  # 200: a URLField's most
LONG_HANDLE = "physics-" + "x" * 44 + ".bsky.social"  # 60 characters, no break
LONG_UNIT = "Department of " + "Astrophysics" * 10
RTL = "مرحبا بكم في يوم الجامعة المفتوح 🎓🎉 שלום"
EMOJI = "🎓🎉🔬🧪🚀" * 12
HASHTAGS = " ".join(f"#Hashtag{i}OpenDayPhysics" for i in range(30))
LONG_POLICY = ("Staff must not share personal data of students " * 40).strip()
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082"
)


def seed(people) -> dict:
    from townhall.core.models import ApiToken, OrgUnit
    from townhall.incidents import containment
    from townhall.incidents.services import add_evidence_files, report
    from townhall.listening.models import Alert, Mention, MentionMatch, SavedSearch, Source
    from townhall.publishing.models import Comment, Delivery, Post
    from townhall.registry.models import Account, AccountRequest
    from townhall.web import policy_bridge

    now = timezone.now()
    long_unit = OrgUnit.objects.create(name=LONG_UNIT, slug="long-unit", kind="department")
    account = Account.objects.create(
        network="bluesky",
        handle=LONG_HANDLE,
        display_name=RTL,
        profile_url=LONG_URL,
        org_unit=long_unit,
        status="active",
        content_plan=f"{LONG_URL} {EMOJI} {HASHTAGS}",
    )
    account.owners.add(people["amara"])
    # A failed post, a post a person must check and a post with findings, all awkward.
    text = f"{RTL} Call me on 07700 900123, my password is Tulips!2026 {LONG_URL} {HASHTAGS} {EMOJI}"
    failed = Post.objects.create(
        created_by=people["amara"],
        org_unit=long_unit,
        text=text,
        status="failed",
        findings=[{**f, "part": 0, "network": "bluesky"} for f in policy_bridge.check(text)],  # as submit stores them
    )
    Delivery.objects.create(
        post=failed,
        account=account,
        status="failed",
        attempts=5,
        last_error=f"HTTPError: 401 Client Error: Unauthorized for url: {LONG_URL}",
        check_reason=f"The network did not say whether {LONG_URL} was posted.",
    )
    Comment.objects.create(post=failed, author=people["dana"], text=f"{LONG_URL} {EMOJI}")
    # An incident with evidence, a long link and captured content.
    incident = report(
        people["amara"],
        kind="impersonation",
        network="bluesky",
        url=LONG_URL,
        description=f"{RTL} {LONG_URL} {EMOJI}",
        account=account,
        files=[SimpleUploadedFile("screen-" + "s" * 80 + ".png", PNG, "image/png")],
    )
    add_evidence_files(people["gwen"], incident, [SimpleUploadedFile("second.png", PNG, "image/png")])
    # Containment: publishing paused, the awkward account locked.
    containment.pause(people["gwen"], f"Compromised password reported {LONG_URL}")
    containment.lock_account(people["gwen"], account, f"Locked while we look {EMOJI}", incident=incident)
    # An expired API token, and a failing listening source with a long error.
    ApiToken.objects.create(
        user=people["ada"],
        name="old script " + "t" * 60,
        prefix="th_old",
        key_hash="0" * 64,
        expires_at=now - timedelta(days=3),
    )
    source = Source.objects.create(
        kind="feed",
        name="Campus feed " + "f" * 80,
        config={"url": LONG_URL},
        last_error=f"ConnectionError: HTTPSConnectionPool(host='x', port=443): Max retries exceeded {LONG_URL}",
        last_polled_at=now - timedelta(hours=3),
    )
    search = SavedSearch.objects.filter(rule="query").order_by("pk").first()
    mention = Mention.objects.create(
        network="bluesky",
        remote_id="at://" + "m" * 200,
        url=LONG_URL,
        source=source,
        author_handle=LONG_HANDLE,
        author_name=RTL,
        text=f"{RTL} {HASHTAGS} {LONG_URL} {EMOJI}",
        created_at=now - timedelta(hours=1),
        expires_at=now + timedelta(days=30),
        hashtags=[h.lstrip("#") for h in HASHTAGS.split()],
        text_hash="a" * 32,
    )
    alert = None
    if search is not None:
        MentionMatch.objects.create(mention=mention, search=search, at=mention.created_at)
        alert = Alert.objects.create(
            search=search,
            kind="volume",
            window_start=now - timedelta(hours=2),
            window_end=now,
            observed=40,
            baseline=4,
            message=f"{search.name}: 40 mentions in two hours, ten times the usual",
        )
    request = AccountRequest.objects.create(
        requested_by=people["amara"],
        org_unit=long_unit,
        network="bluesky",
        handle=LONG_HANDLE,
        display_name=RTL,
        purpose="communications",
        audiences=["prospective_students"],
        audience_presence=LONG_URL,
        why_not_existing=EMOJI,
        content_plan=HASHTAGS,
        runners=RTL,
        hours_per_week=3,
    )
    return {
        "account": account,
        "failed": failed,
        "incident": incident,
        "source": source,
        "mention": mention,
        "alert": alert,
        "request": request,
        "unit": long_unit,
    }
