"""End to end in a real browser: a post with a link is composed, the link becomes a tracked link,
clicks arrive (one from a card crawler, counted apart), the referrals objective fills itself,
and the monthly report PDF renders and lists the post. New pages: axe clean, no sideways scroll
at 390 px."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.analytics import services as analytics
from townhall.analytics.models import Objective
from townhall.links.models import Link
from townhall.registry.models import Account

from .pdf_text import pdf_text  # through the fonts' ToUnicode maps: the PDF embeds a Unicode font

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CARD_CRAWLER = "Mozilla/5.0 (compatible; Bluesky Cardyb/1.1; +mailto:support@bsky.app)"
PERSON = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"
TARGET = "https://www.example.ac.uk/study/clearing-2027"


def fits_390(page) -> bool:
    page.set_viewport_size({"width": 390, "height": 844})
    ok = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    page.set_viewport_size({"width": 1280, "height": 900})
    return ok


def test_post_link_clicks_objective_and_monthly_report(page, live_server, make_user, units, axe, sign_in,
                                                       csp_errors):
    owner = make_user("staff", units["physics"], username="olive")
    account = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"],
                                     status="active", max_per_day=20, min_gap_minutes=0)
    account.owners.add(owner)
    today = timezone.localdate()
    objective = analytics.create_objective(
        owner, name="Clearing referrals", metric="referrals", target=50, period_start=today.replace(day=1),
        period_end=today.replace(day=1) + timedelta(days=40), org_unit=units["physics"], account=account)

    sign_in(page, live_server.url, "olive")
    page.goto(f"{live_server.url}/posts/compose/")
    page.get_by_label(str(account), exact=False).check()
    page.get_by_label("Text", exact=True).fill(f"Clearing 2027 is open: talk to us today {TARGET}")
    page.get_by_text("Links become tracked short links").wait_for()  # the live check explains it
    page.get_by_role("button", name="Submit for approval").click()
    page.wait_for_url(re.compile(r".*/posts/\d+/$"))

    link = Link.objects.get(target=TARGET)
    assert link.post_id is not None and f"/l/{link.code}" in page.content()  # the post now carries it

    for agent in (PERSON, CARD_CRAWLER):
        answer = page.request.get(f"{live_server.url}/l/{link.code}", headers={"User-Agent": agent}, max_redirects=0)
        assert answer.status == 302 and answer.headers["location"].startswith(TARGET + "?utm_source=bluesky")

    page.goto(f"{live_server.url}/links/{link.code}/")
    assert "1 click by people; 1 link preview or bot visit, counted apart" in page.inner_text("main")
    assert axe(page) == [] and fits_390(page)

    page.goto(f"{live_server.url}/analytics/objectives/{objective.pk}/")
    assert "1 of 50" in page.inner_text("main")  # nobody typed a number
    assert Objective.objects.get(pk=objective.pk).measurements.count() == 0

    # The post was published: the report lists it with its click.
    post = link.post
    post.deliveries.update(status="published", published_at=timezone.now(), metrics={"likes": 4})
    report = f"{live_server.url}/analytics/report/?scope=account:{account.pk}&month={today:%Y-%m}"
    page.goto(report)
    main = page.inner_text("main")
    assert "Clearing referrals" in main and "Clearing 2027 is open" in main
    assert axe(page) == [] and fits_390(page)
    pdf = page.request.get(report + "&format=pdf")
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    text = pdf_text(pdf.body())
    assert "Clearing 2027 is open" in text and "Clearing referrals" in text
    assert csp_errors == []


def test_campaign_pages_are_accessible(page, live_server, make_user, units, axe, sign_in):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    digital = make_user("digital", units["physics"], username="dana")
    device = TOTPDevice.objects.create(user=digital, name="phone", confirmed=True)
    campaign = analytics.create_campaign(digital, name="Clearing 2027", org_unit=units["physics"])
    sign_in(page, live_server.url, "dana", device)
    for path in ("/analytics/campaigns/", f"/analytics/campaigns/{campaign.pk}/", "/links/"):
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1
        assert axe(page) == [], path
        assert fits_390(page), path
