"""Sign in, visit every section, and run axe-core on each page: no serious or critical issues."""

from __future__ import annotations

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery 9"


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


def test_login_page_is_accessible(page, live_server):
    page.goto(f"{live_server.url}/login/")
    assert page.title().startswith("Sign in")
    assert axe_problems(page) == []


def test_wrong_password_shows_an_error(page, live_server, make_user):
    make_user("staff", username="sam")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("sam")
    page.get_by_label("Password").fill("not it")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").is_visible()
    assert axe_problems(page) == []


def test_every_section_as_an_administrator(page, live_server, make_user, units):
    user = make_user("admin", units["physics"], username="ada", is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(page, live_server.url, "ada", device)
    nav = page.get_by_role("navigation", name="Main")
    labels = [link.inner_text() for link in nav.get_by_role("link").all()]
    for expected in ["Compose", "Calendar", "Accounts", "Listening", "Inbox", "Incidents", "Analytics", "Policy"]:
        assert expected in labels, f"{expected} missing from the navigation: {labels}"
    problems = {}
    for label in labels:
        page.goto(f"{live_server.url}/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").count() >= 1, f"{label} has no heading"
        found = axe_problems(page)
        if found:
            problems[label] = found
    assert problems == {}


def test_staff_member_sees_their_sections_and_can_check_a_post(page, live_server, make_user, units):
    make_user("staff", units["physics"], username="sam")
    sign_in(page, live_server.url, "sam")
    nav = page.get_by_role("navigation", name="Main")
    labels = [link.inner_text() for link in nav.get_by_role("link").all()]
    assert "Listening" not in labels and "Audit" not in labels
    nav.get_by_role("link", name="Policy").click()
    page.get_by_label("Post text").fill("Call me on 07700 900123, my password is Tulips!2026")
    page.get_by_role("button", name="Check").click()
    findings = page.locator("#findings")
    findings.get_by_text("privacy").first.wait_for()
    assert "credentials" in findings.inner_text()
    assert page.locator("mark.finding").count() >= 1
    assert axe_problems(page) == []


def test_keyboard_users_can_skip_to_content(page, live_server, make_user):
    make_user("staff", username="sam")
    sign_in(page, live_server.url, "sam")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_report_an_incident_in_the_browser(page, live_server, make_user):
    make_user("staff", username="sam")
    sign_in(page, live_server.url, "sam")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Incidents").click()
    page.get_by_role("link", name="Report an incident").click()
    assert axe_problems(page) == []
    page.get_by_label("What kind of problem is it?").select_option("impersonation")
    page.get_by_label("What happened?").fill("An account pretends to be our admissions office.")
    page.get_by_role("button", name="Send report").click()
    page.get_by_text("The governance team has your report").wait_for()
    assert axe_problems(page) == []
