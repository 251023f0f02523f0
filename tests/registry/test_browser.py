"""The registry pages in a real browser (Debian's chromium): axe-core finds no violation,
and the request form's network suggestions update as audiences are ticked (htmx under the CSP)."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _network_table():
    """The network/audience table is seeded by a data migration, which an earlier transactional
    test's flush empties; put it back as the migration would have."""
    from townhall.registry.models import NetworkAudience
    from townhall.registry.recommend import load_table

    if not NetworkAudience.objects.exists():
        load_table()


def test_staff_request_form_suggests_networks(page, live_server, people, account, axe, sign_in, csp_errors):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, live_server.url, "amara")
    for path in ("/accounts/", f"/accounts/{account.pk}/", "/accounts/requests/"):
        page.goto(f"{live_server.url}{path}")
        assert axe(page) == [], path
    page.goto(f"{live_server.url}/accounts/requests/new/")
    assert axe(page) == []
    page.get_by_label("Prospective students").check()
    page.locator("#recommendations").get_by_text("TikTok").first.wait_for(timeout=5000)
    assert "Think twice" in page.locator("#recommendations").inner_text()
    assert errors == [] and csp_errors == []


def test_digital_team_pages(page, live_server, people, account, axe, sign_in, csp_errors):
    from townhall.registry import services

    req = services.submit_request(
        people["amara"],
        {
            "org_unit": account.org_unit,
            "network": "bluesky",
            "handle": "outreach.example.ac.uk",
            "purpose": "research",
            "audiences": ["researchers"],
            "audience_presence": "Bluesky",
            "why_not_existing": "Specialist",
            "content_plan": "Weekly",
            "runners": "Amara",
            "hours_per_week": 2,
        },
    )
    device = TOTPDevice.objects.create(user=people["dana"], name="test", confirmed=True)
    sign_in(page, live_server.url, "dana", device)
    for path in (
        f"/accounts/requests/{req.pk}/",
        f"/accounts/{account.pk}/edit/",
        f"/accounts/{account.pk}/archive/",
        "/accounts/connect/",
        "/accounts/import/",
        "/accounts/notices/",
        f"/accounts/{account.pk}/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe(page) == [], path
    assert csp_errors == []
    page.goto(f"{live_server.url}/accounts/requests/{req.pk}/")
    page.get_by_label("Ask for changes").check()
    page.get_by_label("Reason (sent to the requester)").fill("How many hours a week, really?")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Decision recorded").wait_for()
    req.refresh_from_db()
    assert req.status == "changes"
