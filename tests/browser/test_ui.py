"""Sign in, visit every section, and run axe-core on each page: no violation of any impact, at a
laptop's width and at a phone's (390 px), where no page may scroll sideways either."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def problems(page, axe) -> list[str]:
    """axe's findings at the current width and at 390 px, plus sideways scrolling at 390 px: a phone's
    overflowing states (wide tables, long names) are where new findings appear."""
    found = axe(page)
    before = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        if not page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"):
            wide = page.evaluate(
                "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
                ".slice(0, 3).map(e => e.outerHTML.slice(0, 100))"
            )
            found.append(f"scrolls sideways at 390 px: {wide}")
        found += [f"at 390 px: {p}" for p in axe(page)]
    finally:
        page.set_viewport_size(before)
    return found


def test_login_page_is_accessible(page, live_server, axe):
    page.goto(f"{live_server.url}/login/")
    assert page.title().startswith("Sign in")
    assert problems(page, axe) == []


def test_wrong_password_shows_an_error(page, live_server, make_user, axe):
    make_user("staff", username="sam")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("sam")
    page.get_by_label("Password").fill("not it")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert problems(page, axe) == []


def test_every_section_as_an_administrator(page, live_server, make_user, units, axe, sign_in, csp_errors):
    user = make_user("admin", units["physics"], username="ada", is_staff=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(page, live_server.url, "ada", device)
    nav = page.get_by_role("navigation", name="Main")
    labels = [link.inner_text() for link in nav.get_by_role("link").all()]
    for expected in ["Compose", "Calendar", "Accounts", "Listening", "Inbox", "Incidents", "Analytics", "Policy"]:
        assert expected in labels, f"{expected} missing from the navigation: {labels}"
    found_on = {}
    for label in labels:
        page.goto(f"{live_server.url}/")
        page.get_by_role("navigation", name="Main").get_by_role("link", name=label, exact=True).click()
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").count() >= 1, f"{label} has no heading"
        found = problems(page, axe)
        if found:
            found_on[label] = found
    # the oversight pages folded under "More", by their addresses
    page.goto(f"{live_server.url}/")
    more = page.locator("nav.main .more a").evaluate_all("links => links.map(a => a.href)")
    for href in more:
        page.goto(href)
        page.wait_for_load_state("networkidle")
        found = problems(page, axe)
        if found:
            found_on[href] = found
    assert found_on == {}
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
    assert "Passwords and keys" in findings.inner_text()  # the credentials family, in words
    assert page.locator("mark.finding").count() >= 1
    assert problems(page, axe) == []


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
    page.wait_for_url("**/incidents/new/")
    assert problems(page, axe) == []
    page.get_by_label("What kind of problem is it?").select_option("impersonation")
    page.get_by_label("What happened?").fill("An account pretends to be our admissions office.")
    page.get_by_role("button", name="Send report").click()
    page.get_by_text("The governance team has your report").wait_for()
    assert problems(page, axe) == []


def test_people_reach_their_settings_from_the_header(page, live_server, make_user, axe, sign_in, csp_errors):
    make_user("staff", username="sam", first_name="Sam", last_name="Patel")
    sign_in(page, live_server.url, "sam")
    page.get_by_role("link", name="Sam Patel").click()
    page.get_by_role("heading", name="Your settings").wait_for()
    assert problems(page, axe) == []
    page.get_by_label("Your time zone").select_option("Europe/Dublin")
    page.get_by_label("Send me an e-mail copy of my notifications").uncheck()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your settings are saved.").wait_for()
    page.get_by_role("link", name="Change your password").click()
    page.wait_for_url("**/me/password/")
    assert problems(page, axe) == []
    assert csp_errors == []
    from townhall.core.models import User

    sam = User.objects.get(username="sam")
    assert (sam.time_zone, sam.notify_by_email) == ("Europe/Dublin", False)
