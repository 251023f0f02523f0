"""The registry pages in a real browser (Debian's chromium): axe-core finds no serious issues,
and the request form's network suggestions update as audiences are ticked (htmx under the CSP)."""

from __future__ import annotations

import os
import shutil

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
CHROMIUM = os.environ.get("TOWNHALL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PASSWORD = "correct horse battery 9"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


def axe_problems(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def sign_in(page, base, username, device=None):
    page.goto(f"{base}/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if device is not None:
        page.wait_for_url("**/mfa/verify/**")
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        page.get_by_label("Six-digit code").fill(f"{code:06d}")
        page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{base}/")


def test_staff_request_form_suggests_networks(page, live_server, people, account):
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, live_server.url, "amara")
    for path in ("/accounts/", f"/accounts/{account.pk}/", "/accounts/requests/"):
        page.goto(f"{live_server.url}{path}")
        assert axe_problems(page) == [], path
    page.goto(f"{live_server.url}/accounts/requests/new/")
    assert axe_problems(page) == []
    page.get_by_label("Prospective students").check()
    page.locator("#recommendations").get_by_text("TikTok").first.wait_for(timeout=5000)
    assert "Think twice" in page.locator("#recommendations").inner_text()
    # htmx's own indicator <style> (inserted by the shell's htmx on every page) is the shell's
    # to switch off (htmx.config.includeIndicatorStyles); nothing of the registry's may break the CSP.
    assert not [e for e in errors if "Content Security Policy" in e and "inline style" not in e]


def test_digital_team_pages(page, live_server, people, account):
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
        assert axe_problems(page) == [], path
    page.goto(f"{live_server.url}/accounts/requests/{req.pk}/")
    page.get_by_label("Ask for changes").check()
    page.get_by_label("Reason (sent to the requester)").fill("How many hours a week, really?")
    page.get_by_role("button", name="Record the decision").click()
    page.get_by_text("Decision recorded").wait_for()
    req.refresh_from_db()
    assert req.status == "changes"
