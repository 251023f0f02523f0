"""The registry pages render for each role and drive the services; the vault secret never shows."""

from __future__ import annotations

import pytest

from townhall.registry.models import Account, AccountRequest
from townhall.registry.services import HANDOVER_CHECKLIST

GOOD_SECRET = "vq7t-k2mz-p9xa-4hbe"


@pytest.mark.parametrize("who", ["amara", "ben", "dana", "gwen", "ada"])
def test_index_and_detail_render(verified_client, people, account, who):
    c = verified_client(people[who])
    r = c.get("/accounts/")
    assert r.status_code == 200 and b"physics.example.ac.uk" in r.content
    r = c.get(f"/accounts/{account.pk}/")
    assert r.status_code == 200
    private = who in ("amara", "dana", "gwen", "ada")
    assert (b"Security checklist" in r.content) == private


def test_filter(verified_client, people, account, units):
    Account.objects.create(network="x", handle="HistoryDept", org_unit=units["history"])
    c = verified_client(people["ben"])
    body = c.get("/accounts/?network=x").content.decode()
    assert "HistoryDept" in body and "physics.example.ac.uk" not in body


def test_request_form_review_and_archive_flow(verified_client, people, units, client):
    c = verified_client(people["amara"])
    r = c.get("/accounts/requests/new/")
    assert r.status_code == 200 and b"Where is that audience already" in r.content
    r = c.get("/accounts/requests/recommend/?audiences=researchers")
    assert b"Bluesky" in r.content
    data = {
        "org_unit": units["physics"].pk,
        "purpose": "research",
        "audiences": ["researchers"],
        "audience_presence": "Bluesky",
        "network": "bluesky",
        "handle": "outreach.example.ac.uk",
        "why_not_existing": "Specialist",
        "content_plan": "Weekly",
        "cadence_per_week": 2,
        "runners": "Amara, Ben",
        "co_owners": [people["ben"].pk],
        "hours_per_week": "2",
        "used_personally": "on",
        "personal_experience": "",
    }
    r = c.post("/accounts/requests/new/", data)
    assert r.status_code == 302, r.content.decode()[:2000]
    req = AccountRequest.objects.get()
    # The requester cannot see a review form on their own request.
    assert b"Record the decision" not in c.get(f"/accounts/requests/{req.pk}/").content
    client.logout()
    c = verified_client(people["dana"])
    r = c.post(f"/accounts/requests/{req.pk}/", {"decision": "decline", "reason": ""})
    assert b"Give the requester a reason" in r.content
    r = c.post(f"/accounts/requests/{req.pk}/", {"decision": "approve", "reason": "Fine"})
    assert r.status_code == 302
    account = AccountRequest.objects.get().account
    r = c.post(f"/accounts/{account.pk}/move/", {"to": "active"})
    account.refresh_from_db()
    assert account.status == "active"
    r = c.post(f"/accounts/{account.pk}/archive/", {"reason": "Done"})
    assert b"Finish the hand-over" in r.content
    ticks = {f"handover_{code}": "on" for code, _ in HANDOVER_CHECKLIST}
    r = c.post(f"/accounts/{account.pk}/archive/", {"reason": "Done", **ticks})
    assert r.status_code == 302
    account.refresh_from_db()
    assert account.status == "archived"


def test_connect_page_never_echoes_secret(verified_client, people, units, fake_connectors):
    c = verified_client(people["dana"])
    r = c.post(
        "/accounts/connect/", {"network": "bluesky", "handle": "nope", "secret": GOOD_SECRET, "kind": "app_password"}
    )
    assert r.status_code == 200 and b"not a Bluesky handle" in r.content
    assert GOOD_SECRET.encode() not in r.content
    r = c.post(
        "/accounts/connect/",
        {
            "network": "bluesky",
            "handle": "physics.example.ac.uk",
            "secret": GOOD_SECRET,
            "kind": "app_password",
            "org_unit": units["physics"].pk,
        },
    )
    assert r.status_code == 302
    account = Account.objects.get()
    assert GOOD_SECRET.encode() not in c.get(f"/accounts/{account.pk}/").content


def test_edit_page(verified_client, people, account):
    c = verified_client(people["amara"])
    assert c.get(f"/accounts/{account.pk}/edit/").status_code == 200
    r = c.post(
        f"/accounts/{account.pk}/edit/",
        {
            "display_name": "Physics",
            "profile_url": "",
            "org_unit": account.org_unit_id,
            "purpose": "research",
            "audiences": ["researchers"],
            "content_plan": "x",
            "cadence_per_week": 3,
            "min_gap_minutes": 60,
            "max_per_day": 4,
            "quiet_start": "21:00",
            "quiet_end": "07:00",
            "review_date": "",
            "mfa_enabled": "on",
            "recovery_email": "physics-social@example.ac.uk",
            "people_with_access": 2,
            "credentials_rotated_on": "",
            "owners": [people["amara"].pk],
        },
    )
    assert b"at least 2 owners" in r.content
    assert verified_client(people["ben"]).get(f"/accounts/{account.pk}/edit/").status_code == 403


def test_csv_pages(verified_client, people, account):
    c = verified_client(people["dana"])
    text = c.get("/accounts/export.csv").content
    assert b"physics.example.ac.uk" in text
    from django.core.files.uploadedfile import SimpleUploadedFile

    r = c.post("/accounts/import/", {"file": SimpleUploadedFile("a.csv", text), "dry_run": "on"})
    assert b"Check passed" in r.content
    bad = text.replace(b"physics,", b"nowhere,", 1)
    r = c.post("/accounts/import/", {"file": SimpleUploadedFile("a.csv", bad)})
    assert b"Nothing was saved" in r.content and b"nowhere" in r.content


def test_notices_page(verified_client, people, account):
    from townhall.registry.services import notify

    notify(people["amara"], "Rotate the password", key="x")
    c = verified_client(people["amara"])
    assert b"Rotate the password" in c.get("/accounts/notices/").content
    c.post("/accounts/notices/")
    assert not people["amara"].registry_notices.filter(read_at__isnull=True).exists()


def test_dashboard_cards(verified_client, people, account):
    from townhall.registry.selectors import dashboard_cards

    titles = {c["title"] for c in dashboard_cards(people["amara"])}
    assert "My accounts" in titles
    assert "Account requests" in {c["title"] for c in dashboard_cards(people["dana"])}
    assert verified_client(people["amara"]).get("/").status_code == 200
