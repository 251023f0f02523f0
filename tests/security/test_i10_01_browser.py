"""Issue 10, items 1 and 10, in a real browser: the second-factor pages and the admin refusal
are accessible (axe) and fit a 390 px phone screen."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

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


def test_the_admin_refusal_page(page, live_server, make_user, axe, sign_in):
    make_user("staff", username="sam")
    sign_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/admin/")
    assert page.get_by_role("heading", name="No access to the administration site").is_visible()
    assert axe(page) == [] and fits_390(page)
