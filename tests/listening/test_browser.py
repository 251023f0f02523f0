"""Listening and inbox pages in a real browser: axe-core finds no violation, the CSP
blocks nothing (no inline script or style), the charts are accessible images."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_listening_and_inbox_pages(page, live_server, axe, sign_in, csp_errors):
    from townhall.core.demo import DEMO_PASSWORD, load_demo
    from townhall.inbox.models import Conversation

    load_demo()
    device = TOTPDevice.objects.filter(user__username="dana", confirmed=True).first()
    sign_in(page, live_server.url, "dana", device, password=DEMO_PASSWORD)
    conv = Conversation.objects.order_by("pk").first()
    problems = {}
    for path in ["/listening/", "/listening/mentions/", "/listening/searches/", "/listening/sources/",
                 "/listening/never-store/", "/listening/export/", "/inbox/", f"/inbox/{conv.pk}/"]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").count() == 1, path
        found = axe(page)
        if found:
            problems[path] = found
    assert problems == {}
    assert csp_errors == [], "the Content-Security-Policy refused something"
    page.goto(f"{live_server.url}/listening/")
    assert page.locator("svg[role=img]").count() >= 6
    # the live query check answers as you type
    page.goto(f"{live_server.url}/listening/searches/")
    page.get_by_label("Query").fill("physics AND (")
    page.locator("#query-feedback").get_by_text("not closed").wait_for()
