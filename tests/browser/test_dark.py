"""The dark theme (prefers-color-scheme: dark) in a real browser: the main pages, charts included,
have no axe violation (colour contrast among them) in dark as in light, and none scrolls sideways."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/",
    "/posts/",
    "/posts/compose/",
    "/posts/calendar/",
    "/accounts/",
    "/listening/",
    "/listening/mentions/",
    "/inbox/",
    "/incidents/",
    "/analytics/",
    "/analytics/report/",
    "/links/",
    "/analytics/campaigns/",
    "/me/",
    "/policy/",
    "/status/",
    "/audit/",
    "/no-such-page/",
]


@pytest.fixture
def dark_page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme="dark")
    page = context.new_page()
    yield page
    context.close()


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def too_wide(page) -> list[str]:
    """The first elements that reach past the window's right edge (for the failure message)."""
    return page.evaluate(
        "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1)"
        ".slice(0, 5).map(e => e.outerHTML.slice(0, 120))"
    )


def test_main_pages_in_the_dark_theme(dark_page, live_server, axe, sign_in, csp_errors):
    from townhall.analytics.models import Campaign, Objective
    from townhall.core.demo import DEMO_PASSWORD, load_demo
    from townhall.inbox.models import Conversation
    from townhall.links.models import Link
    from townhall.links.services import count_click
    from townhall.publishing.models import Post

    page = dark_page
    people = load_demo()
    device = TOTPDevice.objects.filter(user__username="dana", confirmed=True).first()
    sign_in(page, live_server.url, "dana", device, password=DEMO_PASSWORD)
    # the theme is on: the page is dark and its text light
    colours = page.evaluate(
        "[getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color]"
    )
    assert colours == ["rgb(18, 21, 25)", "rgb(230, 233, 237)"], colours
    objective = Objective.objects.filter(measurements__isnull=False).order_by("pk").first()
    conversation = Conversation.objects.order_by("pk").first()
    post = Post.objects.order_by("-pk").first()
    paths = [*PAGES, f"/analytics/objectives/{objective.pk}/", f"/inbox/{conversation.pk}/", f"/posts/{post.pk}/"]
    # a tracked link (its QR code keeps a white background) and a campaign (its clicks chart), with a click
    dana = people["dana"]
    campaign = Campaign.objects.create(name="Open day 2027", org_unit=dana.org_unit, created_by=dana)
    link = Link.objects.create(
        code="dark1",
        target="https://www.example.ac.uk/open-day",
        campaign=campaign,
        destination="https://www.example.ac.uk/open-day?utm_source=bluesky",
        created_by=dana,
    )
    count_click(link.pk, user_agent="Mozilla/5.0 (iPhone)", referer="https://bsky.app/")
    paths += [f"/links/{link.code}/", f"/analytics/campaigns/{campaign.pk}/"]
    problems = {}
    for path in paths:
        status = page.goto(live_server.url + path).status
        assert status == 200 or path in ("/audit/", "/status/", "/no-such-page/"), (path, status)
        page.wait_for_load_state("networkidle")
        for details in page.locator("details.chart-table").all():  # the charts' tables, open, are checked too
            details.locator("summary").click()
        found = axe(page)
        page.set_viewport_size({"width": 390, "height": 844})
        if not fits(page):
            found.append(f"scrolls sideways at 390 px: {too_wide(page)}")
        page.set_viewport_size({"width": 1366, "height": 900})
        if found:
            problems[path] = found
    assert problems == {}
    assert csp_errors == []


def test_charts_fit_a_phone_in_the_dark_theme(dark_page, live_server, axe, sign_in):
    from townhall.analytics.models import Objective
    from townhall.core.demo import DEMO_PASSWORD, load_demo

    page = dark_page
    load_demo()
    page.set_viewport_size({"width": 390, "height": 844})
    device = TOTPDevice.objects.filter(user__username="dana", confirmed=True).first()
    sign_in(page, live_server.url, "dana", device, password=DEMO_PASSWORD)
    objective = Objective.objects.filter(measurements__isnull=False).order_by("pk").first()
    for path in ["/listening/", "/analytics/", f"/analytics/objectives/{objective.pk}/", "/analytics/report/"]:
        page.goto(live_server.url + path)
        for details in page.locator("details.chart-table").all():
            details.locator("summary").click()
        assert fits(page), f"{path} scrolls sideways at 390 px: {too_wide(page)}"
        assert axe(page) == [], path
