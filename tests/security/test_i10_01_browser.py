"""Issue 10, items 1 and 10, in a real browser: the second-factor pages and the admin refusal
are accessible (axe) and fit a 390 px phone screen."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def fits_390(page) -> bool:
    page.set_viewport_size({"width": 390, "height": 844})
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_prompt_and_moving_to_a_new_app(page, live_server, make_user, axe, sign_in, csp_errors):
    user = make_user("admin", username="ada", is_staff=True, is_superuser=True)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    # The prompt as a password-only session sees it: nothing else is reachable.
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("ada")
    page.get_by_label("Password").fill("correct horse battery 9")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/mfa/verify/**")
    page.goto(f"{live_server.url}/admin/")
    assert "/mfa/verify/" in page.url
    assert axe(page) == [] and fits_390(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.context.clear_cookies()
    sign_in(page, live_server.url, "ada", device)
    page.goto(f"{live_server.url}/mfa/setup/")
    assert page.get_by_label("Six-digit code from the authenticator app you use now").is_visible()
    assert page.get_by_label("Six-digit code from the new authenticator app").is_visible()
    assert axe(page) == [] and fits_390(page)
    assert csp_errors == []


def test_first_enrolment_asks_for_the_administrators_code(page, live_server, make_user, axe, csp_errors, settings):
    from townhall.core import enrolment

    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    gil = make_user("governance", username="gil")
    typed, _ = enrolment.issue(None, gil)
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("gil")
    page.get_by_label("Password").fill("correct horse battery 9")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/mfa/setup/**")
    assert page.get_by_label("Enrolment code from your administrator").is_visible()
    assert page.locator("img[alt^='QR code']").count() == 0
    assert axe(page) == [] and fits_390(page)
    page.get_by_label("Enrolment code from your administrator").fill("WRONG-CODE-HERE")
    page.get_by_role("button", name="Continue").click()
    # The click submits a form; expect() waits for the answer page (is_visible() would not).
    expect(page.get_by_text("That code did not match")).to_be_visible()
    assert axe(page) == [] and fits_390(page)
    page.get_by_label("Enrolment code from your administrator").fill(typed.lower())
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("img[alt^='QR code']")).to_be_visible()
    assert page.get_by_label("Six-digit code from the new authenticator app").is_visible()
    assert axe(page) == [] and fits_390(page)
    assert csp_errors == []


def test_the_admin_refusal_page(page, live_server, make_user, axe, sign_in):
    make_user("staff", username="sam")
    sign_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/admin/")
    assert page.get_by_role("heading", name="No access to the administration site").is_visible()
    assert axe(page) == [] and fits_390(page)


def test_the_administrator_issues_a_code(page, live_server, make_user, axe, sign_in, csp_errors):
    admin = make_user("admin", username="ada", is_staff=True, is_superuser=True)
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    gil = make_user("governance", username="gil", first_name="Gil", last_name="Grant")
    sign_in(page, live_server.url, "ada", device)
    page.goto(f"{live_server.url}/admin/core/user/")
    assert page.get_by_text("Not set up; needs an enrolment code").first.is_visible()
    page.locator(f"input[name='_selected_action'][value='{gil.pk}']").check()
    page.select_option("select[name='action']", "issue_enrolment_code")
    page.get_by_role("button", name="Run").or_(page.get_by_role("button", name="Go")).first.click()
    row = page.locator("tr", has_text="Gil Grant")
    assert row.locator("code").inner_text().count("-") == 2
    assert axe(page) == [] and fits_390(page)
    assert csp_errors == []
