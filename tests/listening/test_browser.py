"""Listening and inbox pages in a real browser: axe-core finds no serious issues, the CSP
blocks nothing (no inline script or style), the charts are accessible images."""

from __future__ import annotations

import os
import shutil

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # as tests/browser does: sync ORM beside Playwright
CHROMIUM = os.environ.get("TOWNHALL_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture
def page():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--no-first-run",
                                          "--disable-background-networking", "--disable-component-update"])
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        yield context.new_page()
        browser.close()


def axe_problems(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_listening_and_inbox_pages(page, live_server):
    from townhall.core.demo import DEMO_PASSWORD, load_demo
    from townhall.inbox.models import Conversation

    load_demo()
    device = TOTPDevice.objects.filter(user__username="dana", confirmed=True).first()
    csp = []
    page.on("console", lambda m: csp.append((page.url, m.text)) if "Content Security Policy" in m.text else None)
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("dana")
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/mfa/verify/**")
    page.get_by_label("Six-digit code").fill(f"{totp(device.bin_key, step=device.step, t0=device.t0):06d}")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url(f"{live_server.url}/")
    conv = Conversation.objects.order_by("pk").first()
    problems = {}
    for path in ["/listening/", "/listening/mentions/", "/listening/searches/", "/listening/sources/",
                 "/listening/never-store/", "/listening/export/", "/inbox/", f"/inbox/{conv.pk}/"]:
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").count() == 1, path
        found = axe_problems(page)
        if found:
            problems[path] = found
    assert problems == {}
    # The shell's htmx injects one indicator <style> on every page, the login page included (the
    # CSP refuses it, harmlessly). Our pages must add no violation of their own beyond that one.
    shell = {text for url, text in csp if "/login" in url}
    ours = {text for url, text in csp if "/listening" in url or "/inbox" in url}
    assert ours <= shell, ours - shell
    page.goto(f"{live_server.url}/listening/")
    assert page.locator("svg[role=img]").count() >= 6
    # the live query check answers as you type
    page.goto(f"{live_server.url}/listening/searches/")
    page.get_by_label("Query").fill("physics AND (")
    page.locator("#query-feedback").get_by_text("not closed").wait_for()
