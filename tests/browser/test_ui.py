"""Sign in, visit every section, and run axe-core on each page: no serious or critical issues."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def test_login_page_is_accessible(page, live_server, axe):
    page.goto(f"{live_server.url}/login/")
    assert page.title().startswith("Sign in")
    assert axe(page) == []


def test_wrong_password_shows_an_error(page, live_server, make_user, axe):
    make_user("staff", username="sam")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("sam")
    page.get_by_label("Password").fill("not it")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").is_visible()
    assert axe(page) == []


def test_every_section_as_an_administrator(page, live_server, make_user, units, axe, sign_in, csp_errors):
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
        found = axe(page)
        if found:
            problems[label] = found
    assert problems == {}
    assert csp_errors == [], "the Content-Security-Policy refused something"


def test_staff_member_sees_their_sections_and_can_check_a_post(page, live_server, make_user, units, axe, sign_in):
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
    assert axe(page) == []


def test_keyboard_users_can_skip_to_content(page, live_server, make_user, sign_in):
    make_user("staff", username="sam")
    sign_in(page, live_server.url, "sam")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_report_an_incident_in_the_browser(page, live_server, make_user, axe, sign_in):
    make_user("staff", username="sam")
    sign_in(page, live_server.url, "sam")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Incidents").click()
    page.get_by_role("link", name="Report an incident").click()
    assert axe(page) == []
    page.get_by_label("What kind of problem is it?").select_option("impersonation")
    page.get_by_label("What happened?").fill("An account pretends to be our admissions office.")
    page.get_by_role("button", name="Send report").click()
    page.get_by_text("The governance team has your report").wait_for()
    assert axe(page) == []


def test_people_reach_their_settings_from_the_header(page, live_server, make_user, axe, sign_in, csp_errors):
    make_user("staff", username="sam", first_name="Sam", last_name="Patel")
    sign_in(page, live_server.url, "sam")
    page.get_by_role("link", name="Sam Patel").click()
    page.get_by_role("heading", name="Your settings").wait_for()
    assert axe(page) == []
    page.get_by_label("Your time zone").select_option("Europe/Dublin")
    page.get_by_label("Send me an e-mail copy of my notifications").uncheck()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your settings are saved.").wait_for()
    page.get_by_role("link", name="Change your password").click()
    assert axe(page) == []
    assert csp_errors == []
    from townhall.core.models import User

    sam = User.objects.get(username="sam")
    assert (sam.time_zone, sam.notify_by_email) == ("Europe/Dublin", False)
