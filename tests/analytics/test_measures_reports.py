"""Measurements that fill themselves, one figure per day, reports (page, PDF, CSV), campaigns."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from townhall.analytics import monthly, reports, selectors, services
from townhall.analytics.models import Campaign, FollowerCount, Measurement, ReportSent
from townhall.links import services as links
from townhall.links.models import ClickCount
from townhall.registry.models import Account

TODAY = date.today()
START, END = TODAY.replace(day=1), (TODAY.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)


@pytest.fixture
def account(units, make_user):
    owner = make_user("staff", units["physics"], username="owner")
    acc = Account.objects.create(network="bluesky", handle="physics.example.ac.uk", org_unit=units["physics"],
                                 status="active")
    acc.owners.add(owner)
    return acc, owner


def objective(account, metric, **extra):
    acc, owner = account
    return services.create_objective(owner, name=f"{metric} this month", metric=metric, target=100,
                                     period_start=START, period_end=END, org_unit=acc.org_unit, account=acc, **extra)


def test_manual_and_csv_for_the_same_day_are_not_added(account):
    _acc, owner = account
    o = objective(account, "page_hits")
    services.import_csv(owner, o, f"date,value\n{START},40\n{START + timedelta(days=1)},10\n")
    services.record_measurement(owner, o, day=START, value=42)  # a correction of the imported day
    assert selectors.progress(o).total == 52  # 42 (by hand wins) + 10, not 40 + 42 + 10
    assert selectors.daily(o)[START] == (42, "manual")


def test_referrals_fill_themselves_from_tracked_link_clicks_without_bots(account):
    acc, owner = account
    o = objective(account, "referrals")
    link = links.create_link(owner, "https://www.example.ac.uk/clearing", account=acc)
    for ua in ["Mozilla/5.0 (iPhone; Mobile)", "Mozilla/5.0 (X11; Linux) Firefox/140.0", "Twitterbot/1.0"]:
        links.count_click(link.id, user_agent=ua, referer="")
    assert selectors.progress(o).total == 2
    assert selectors.daily(o)[timezone.localdate()] == (2, "links")
    services.record_measurement(owner, o, day=timezone.localdate(), value=5)  # a person's figure wins
    assert selectors.progress(o).total == 5


def test_followers_objective_counts_the_daily_rise(account):
    acc, _ = account
    o = objective(account, "followers")
    FollowerCount.objects.create(account=acc, day=START - timedelta(days=1), followers=100)
    FollowerCount.objects.create(account=acc, day=START, followers=107)
    FollowerCount.objects.create(account=acc, day=START + timedelta(days=1), followers=105)  # a loss is 0 new
    FollowerCount.objects.create(account=acc, day=START + timedelta(days=2), followers=111)
    assert selectors.progress(o).total == 13


def test_followers_fetched_from_mastodon_and_stored(units, mastodon_server, make_user):
    from townhall.registry.vault import store_credentials

    token = "token-for-followers-3b9f2a"
    info = mastodon_server.add_account("physics", token)
    info["followers_count"] = 321
    acc = Account.objects.create(network="mastodon", handle="@physics@mastodon.test", org_unit=units["physics"],
                                 service_url=mastodon_server.url, status="active")
    owner = make_user("staff", units["physics"])
    acc.owners.add(owner)
    store_credentials(acc, token, actor=owner, kind="api_token")
    other = Account.objects.create(network="mastodon", handle="@gone@mastodon.test", org_unit=units["physics"],
                                   service_url=mastodon_server.url, status="active")
    store_credentials(other, "revoked-token-zzzzzz", actor=owner, kind="api_token")  # the server says 401
    assert services.fetch_followers() == {"updated": 1, "failed": 1}
    assert FollowerCount.objects.get(account=acc).followers == 321
    info["followers_count"] = 325
    services.fetch_followers()
    assert FollowerCount.objects.get(account=acc, day=timezone.localdate()).followers == 325  # one row a day


@pytest.fixture
def mastodon_server():
    from fake_mastodon import FakeMastodon

    server = FakeMastodon().start()
    yield server
    server.stop()


def test_report_page_pdf_csv_and_export(client, account):
    acc, owner = account
    o = objective(account, "referrals")
    link = links.create_link(owner, "https://www.example.ac.uk/open-day", account=acc)
    links.count_click(link.id, user_agent="Mozilla/5.0 (iPhone; Mobile)", referer="https://bsky.app/")
    FollowerCount.objects.create(account=acc, day=timezone.localdate(), followers=50)
    client.force_login(owner)
    scope = f"account:{acc.pk}"
    page = client.get(f"/analytics/report/?scope={scope}&month={START:%Y-%m}").content.decode()
    assert o.name in page and "<svg" in page and "Clicks" in page and "The numbers by day" in page
    pdf = client.get(f"/analytics/report/?scope={scope}&month={START:%Y-%m}&format=pdf")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    csv_text = client.get(f"/analytics/report/?scope={scope}&format=csv").content.decode()
    assert o.name in csv_text and "clicks by people" in csv_text
    export = client.get("/analytics/export.csv")
    assert export.status_code == 200 and f"{o.name},Referrals from social media" in export.content.decode()
    assert ",links" in export.content.decode()
    assert client.get("/analytics/report/?scope=account:999999").status_code == 404


def test_campaign_page_groups_posts_links_and_objectives(client, account, make_user, units, verified_client):
    _acc, _owner = account
    digital = make_user("digital", units["physics"])
    campaign = services.create_campaign(digital, name="Clearing 2027", org_unit=units["physics"])
    link = links.create_link(digital, "https://www.example.ac.uk/clearing", campaign=campaign)
    links.count_click(link.id, user_agent="Mozilla/5.0 (iPhone; Mobile)", referer="")
    c = verified_client(digital)
    page = c.get(f"/analytics/campaigns/{campaign.pk}/").content.decode()
    assert "Clearing 2027" in page and link.short_url in page
    assert "clearing-2027" in link.destination
    assert c.get("/analytics/campaigns/").status_code == 200
    with pytest.raises(Exception, match="already"):
        services.create_campaign(digital, name="clearing 2027", org_unit=units["physics"])
    assert Campaign.objects.count() == 1


def test_monthly_reports_go_out_once(account, make_user, units, mailoutbox, settings):
    from townhall.publishing.models import Notification

    _acc, owner = account
    make_user("digital", units["physics"])
    first = monthly.send_due(today=date(2027, 1, 1))
    assert first == 2  # the account (to its owners) and its unit (to the digital team)
    assert Notification.objects.filter(user=owner, message__contains="report for").exists()
    assert monthly.send_due(today=date(2027, 1, 5)) == 0
    assert ReportSent.objects.filter(month=date(2026, 12, 1)).count() == 2


def test_report_builder_lists_published_posts_with_clicks(account):
    acc, owner = account
    from townhall.publishing.models import Delivery, Post

    post = Post.objects.create(created_by=owner, org_unit=acc.org_unit, text="Clearing open", status="published")
    Delivery.objects.create(post=post, account=acc, status="published", published_at=timezone.now(),
                            metrics={"likes": 3, "reposts": 1, "replies": 2})
    link = links.create_link(owner, "https://www.example.ac.uk/c", account=acc, post=post)
    links.count_click(link.id, user_agent="Mozilla/5.0 (iPhone; Mobile)", referer="")
    links.count_click(link.id, user_agent="Mozilla/5.0 (compatible; Bluesky Cardyb/1.1)", referer="")
    r = reports.build(f"account:{acc.pk}", START, END)
    assert r.posts[0]["clicks"] == 1 and r.posts[0]["bot_clicks"] == 1 and r.posts[0]["engagement"] == 6
    assert r.top_posts[0]["id"] == post.pk
    assert b"Clearing open" in reports.to_pdf(r) or reports.to_pdf(r).startswith(b"%PDF")
    assert ClickCount.objects.count() == 2
    assert Measurement.objects.count() == 0  # derived figures are read live, never copied


def test_review_2026_12_06_out_of_range_months_and_counts_are_answered_in_words(client, account):
    """`?month=9999-12` overflowed the month's end (a 500); a count beyond the 32-bit column, or
    "inf", failed the import with a 500 instead of naming the line."""
    from django.core.exceptions import ValidationError

    from townhall.analytics import services
    from townhall.analytics.importers import ImportFailed, ga4_csv

    acc, owner = account
    o = objective(account, "page_hits")
    client.force_login(owner)
    assert client.get(f"/analytics/report/?scope=account:{acc.pk}&month=9999-12").status_code == 200
    with pytest.raises(ValidationError, match=r"Line 1: .* more than any count"):
        services.import_csv(owner, o, f"{START:%Y-%m-%d},99999999999999999999\n")
    for value in ("99999999999", "inf"):
        with pytest.raises(ImportFailed, match="Row 2"):
            ga4_csv(f"Date,Views\n{START:%Y%m%d},{value}\n", START, START)
