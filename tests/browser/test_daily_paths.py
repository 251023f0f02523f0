"""A digital team's daily paths in a real browser, at a laptop (1366 px) and a phone (390 px).

Each path checks axe-core (no violation of any impact) on every page it shows, error
pages included, and that no page scrolls sideways. One shared chromium (tests/conftest.py)."""

from __future__ import annotations

import sys
from datetime import time, timedelta
from pathlib import Path

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "connectors"))

from fake_mastodon import FakeMastodon

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = [1366, 390]
MASTODON_TOKEN = "fake-mastodon-token-daily-paths-7d2e"


def fits(page) -> bool:
    """No horizontal scrolling: the page is no wider than the window."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def check_page(page, axe, where: str) -> None:
    assert axe(page) == [], where
    assert fits(page), f"{where} scrolls sideways at {page.viewport_size['width']} px"


@pytest.fixture
def world(units, make_user):
    from townhall.registry.models import Account
    from townhall.registry.vault import store_credentials

    author = make_user("staff", units["physics"], username="sam", first_name="Sam", last_name="Patel")
    digital = make_user("digital", units["school"], username="dana", first_name="Dana", last_name="Digital")
    admin = make_user("admin", units["school"], username="ada", is_staff=True)
    account = Account.objects.create(
        network="mastodon",
        handle="@physics-department-of-the-school-of-science@mastodon.example.ac.uk",
        service_url="https://mastodon.example.ac.uk",
        org_unit=units["physics"],
        status="active",
        quiet_start=time(0, 0),
        quiet_end=time(0, 0),
        display_name="Physics at Example University",
    )
    account.owners.add(author)
    store_credentials(account, "token-abc-123", actor=author, kind="api_token")
    bare = Account.objects.create(
        network="bluesky",
        handle="physics-news.bsky.social",
        org_unit=units["physics"],
        status="active",
        quiet_start=time(0, 0),
        quiet_end=time(0, 0),
    )
    bare.owners.add(author)
    return {"author": author, "digital": digital, "admin": admin, "account": account, "bare": bare}


def _with_device(page, live_server, sign_in, user):
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(page, live_server.url, user.username, device)


@pytest.mark.parametrize("width", WIDTHS)
def test_find_my_drafts_and_the_refusal_and_missing_pages(page, live_server, world, axe, sign_in, width):
    from townhall.publishing import services

    page.set_viewport_size({"width": width, "height": 900})
    draft = services.create_post(world["author"], [world["account"]], "Open day on Saturday: come and see the lab!")
    sign_in(page, live_server.url, "sam")
    check_page(page, axe, "home")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My posts").click()
    page.get_by_role("heading", name="My posts", exact=True).wait_for()
    check_page(page, axe, "my posts")
    page.get_by_role("link", name="Open day on Saturday: come and see the lab!").first.click()
    page.get_by_role("heading", name="Open day on Saturday").wait_for()
    check_page(page, axe, "post page")
    page.get_by_role("link", name="Back to My posts").click()
    page.wait_for_url(f"{live_server.url}/posts/")
    # A refusal and a missing page: inside the layout, saying what to do next.
    page.goto(f"{live_server.url}/status/")
    page.get_by_role("heading", name="You do not have access to this page").wait_for()
    assert page.get_by_role("navigation", name="Main").is_visible()
    check_page(page, axe, "403 page")
    page.goto(f"{live_server.url}/posts/{draft.pk + 1000}/")
    page.get_by_role("heading", name="We cannot find that page").wait_for()
    check_page(page, axe, "404 page")
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("heading", name="No access to the administration site").wait_for()
    check_page(page, axe, "admin refusal")


@pytest.mark.parametrize("width", WIDTHS)
def test_compose_shows_readiness_then_an_approver_approves(page, live_server, world, axe, sign_in, width):
    from townhall.publishing import services
    from townhall.publishing.models import Post

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/posts/compose/")
    page.get_by_label("Text", exact=True).fill("Open day on Saturday: come and see the new physics labs.")
    page.get_by_label(str(world["bare"]), exact=False).check()
    page.get_by_text("no sign-in details stored in the vault").wait_for()
    region = page.locator("section.compose-live")
    assert region.get_attribute("tabindex") == "0"
    check_page(page, axe, "composer with the live check")
    post = services.create_post(world["author"], [world["account"]], "Lab tour on Friday at noon")
    services.submit(post, world["author"])
    page.context.clear_cookies()
    _with_device(page, live_server, sign_in, world["digital"])
    nav = page.get_by_role("navigation", name="Main")
    approvals = nav.get_by_role("link", name="Approvals")
    assert "1" in approvals.inner_text()
    approvals.click()
    page.get_by_role("link", name="Lab tour on Friday at noon").first.click()
    page.get_by_role("button", name="Approve", exact=True).click()
    page.get_by_role("status").first.wait_for()
    assert Post.objects.get(pk=post.pk).status == "scheduled"
    check_page(page, axe, "approved post")


@pytest.mark.parametrize("width", WIDTHS)
def test_accounts_and_the_request_form_fit_the_screen(page, live_server, world, axe, sign_in, width):
    page.set_viewport_size({"width": width, "height": 900})
    _with_device(page, live_server, sign_in, world["digital"])
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Accounts").click()
    page.get_by_role("heading", name="Account registry").wait_for()
    check_page(page, axe, "accounts")
    page.goto(f"{live_server.url}/accounts/requests/new/")
    box = page.get_by_role("checkbox", name="I have used this network personally first")
    label = page.locator("label", has_text="I have used this network personally first")
    b, lb = box.bounding_box(), label.bounding_box()
    # The box sits at the start of its label's first line (not above it, not at the far end).
    first = label.evaluate("el => { const r = el.getClientRects()[0]; return {x: r.x, y: r.y}; }")
    assert b["x"] + b["width"] <= first["x"] and lb["y"] - 4 <= b["y"] <= lb["y"] + 24, (b, lb, first)
    check_page(page, axe, "account request form")


def test_the_administrators_menu_stays_on_one_line_at_1366(page, live_server, world, axe, sign_in):
    page.set_viewport_size({"width": 1366, "height": 900})
    _with_device(page, live_server, sign_in, world["admin"])
    header = page.locator("header.site")
    assert header.bounding_box()["height"] < 60, "the admin's menu wraps at 1366 px"
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_text("More").click()
    nav.get_by_role("link", name="Audit trail").click()
    page.get_by_role("heading", name="Audit trail").wait_for()
    check_page(page, axe, "audit trail")
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(f"{live_server.url}/")
    nav.get_by_text("More").click()
    nav.get_by_role("link", name="System status").click()
    page.get_by_role("heading", name="System status").first.wait_for()
    check_page(page, axe, "status at 390 px")


@pytest.mark.parametrize("width", WIDTHS)
def test_manage_a_listening_source(page, live_server, world, axe, sign_in, width):
    from townhall.listening.models import Source

    Source.objects.create(
        kind="feed",
        name="Campus news",
        config={"url": "https://news.example.ac.uk/feed"},
        last_error="HTTP 500 from news.example.ac.uk (the feed server failed)",
    )
    page.set_viewport_size({"width": width, "height": 900})
    _with_device(page, live_server, sign_in, world["digital"])
    page.goto(f"{live_server.url}/listening/sources/")
    page.get_by_text("Failing").wait_for()
    assert page.get_by_text("HTTP 500 from news.example.ac.uk").is_visible()
    check_page(page, axe, "sources with a failing source")
    page.get_by_role("button", name="Pause Campus news").click()
    page.get_by_text("Source “Campus news” paused.").wait_for()
    assert Source.objects.get(name="Campus news").active is False
    # The status page lists the paused source too, with its last problem.
    page.goto(f"{live_server.url}/status/")
    row = page.get_by_role("row", name="Campus news")
    assert "Paused" in row.inner_text() and "HTTP 500 from news.example.ac.uk" in row.inner_text()
    check_page(page, axe, "status page with a paused source")
    page.goto(f"{live_server.url}/listening/sources/")
    page.get_by_role("button", name="Resume Campus news").click()
    page.get_by_text("Source “Campus news” resumed.").wait_for()
    page.get_by_text("Edit Campus news", exact=True).click()
    page.get_by_label("Poll every (minutes)").first.fill("15")
    page.get_by_role("button", name="Save Campus news").click()
    page.get_by_text("Source “Campus news” saved.").wait_for()
    assert Source.objects.get(name="Campus news").poll_minutes == 15
    check_page(page, axe, "sources after editing")
    page.get_by_text("Delete Campus news", exact=True).click()
    page.get_by_role("button", name="Delete Campus news for good").click()
    page.get_by_text("Source “Campus news” deleted.").wait_for()
    assert not Source.objects.filter(name="Campus news").exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_failed_post_is_found_and_retried(page, live_server, world, mastodon, axe, sign_in, width):
    from townhall.publishing.models import Delivery, Post

    post = Post.objects.create(
        created_by=world["author"],
        org_unit=world["account"].org_unit,
        text="Results day: congratulations to every graduate!",
        status="failed",
    )
    Delivery.objects.create(
        post=post,
        account=world["account"],
        status="failed",
        last_error="The network refused the sign-in details (401).",
    )
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "sam")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My posts").click()
    page.get_by_label("Show").select_option("failed")
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("link", name="Results day: congratulations to every graduate!").first.click()
    page.get_by_role("heading", name="Results day").wait_for()
    check_page(page, axe, "failed post")
    page.get_by_role("button", name="Try again").click()
    page.get_by_text("Trying again.").wait_for()
    from townhall.audit.models import AuditEntry

    assert AuditEntry.objects.filter(action="post.retry", object_id=str(post.pk)).count() == 1
    check_page(page, axe, "post after retry")
    # The worker runs (the credentials were reconnected: the fake network now accepts them) and
    # the retried post reaches its final state.
    _run_the_worker_once(post)
    post.refresh_from_db()
    assert post.status == "published", post.deliveries.get().last_error
    page.reload()
    assert "Published" in page.get_by_role("heading", level=1).inner_text()
    assert page.get_by_role("link", name="View on Mastodon").get_attribute("href") == post.deliveries.get().url
    check_page(page, axe, "retried post, published")


@pytest.fixture
def mastodon(world, settings):
    """The Physics account publishes to a strict fake Mastodon (tests/connectors/fake_mastodon.py) on
    loopback, with its token stored in the vault; no cool-off, so an approved post is due at once."""
    from townhall.registry.vault import store_credentials

    settings.TOWNHALL_COOL_OFF_SECONDS = 0
    server = FakeMastodon().start()
    server.add_account("physics", MASTODON_TOKEN)
    account = world["account"]
    account.service_url = server.url
    account.save(update_fields=["service_url"])
    store_credentials(account, MASTODON_TOKEN, actor=world["author"], kind="api_token")
    yield server
    server.stop()


def _run_the_worker_once(post) -> None:
    """Make the post's deliveries due and run the worker's publishing sweep in-process (the same
    task `townhall worker` runs every minute), against the fake network."""
    from django.utils import timezone

    from townhall.publishing.models import Delivery
    from townhall.publishing.tasks import publish_due_posts

    Delivery.objects.filter(post=post, status="scheduled").update(due_at=timezone.now() - timedelta(seconds=1))
    publish_due_posts.call()


@pytest.mark.parametrize("width", WIDTHS)
def test_compose_approve_and_see_it_published(page, live_server, world, mastodon, axe, sign_in, width):
    """Compose in the browser, approve as the digital team, the worker publishes, and the post page
    says Published with a link to the post on Mastodon; the author is not offered the deletion."""
    from townhall.publishing.models import Delivery, Post

    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/posts/compose/")
    page.get_by_label("Text", exact=True).fill("Lab tour on Friday at noon: meet the physics team.")
    page.get_by_label(str(world["account"]), exact=False).check()
    page.get_by_role("button", name="Submit for approval").click()
    page.get_by_role("heading", name="Lab tour on Friday at noon").wait_for()
    post = Post.objects.get(text__startswith="Lab tour on Friday")
    assert post.status == "submitted", post.status
    page.context.clear_cookies()
    _with_device(page, live_server, sign_in, world["digital"])
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Approvals").click()
    page.get_by_role("link", name="Lab tour on Friday at noon").first.click()
    page.get_by_role("button", name="Approve", exact=True).click()
    page.get_by_role("status").first.wait_for()
    assert Post.objects.get(pk=post.pk).status == "scheduled"

    _run_the_worker_once(post)
    post.refresh_from_db()
    delivery = Delivery.objects.get(post=post)
    assert post.status == "published" and delivery.status == "published", (post.status, delivery.last_error)
    assert [s["content"] for s in mastodon.posts_by("physics")] == [
        "<p>Lab tour on Friday at noon: meet the physics team.</p>"
    ]

    page.reload()
    heading = page.get_by_role("heading", level=1)
    assert "Published" in heading.inner_text()
    link = page.get_by_role("link", name="View on Mastodon")
    assert link.get_attribute("href") == delivery.url and delivery.url.endswith(delivery.remote_id)
    check_page(page, axe, "published post (approver)")
    # The author sees it published, without a link to a page that would refuse them.
    page.context.clear_cookies()
    sign_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/posts/{post.pk}/")
    page.get_by_role("link", name="View on Mastodon").wait_for()
    assert page.get_by_role("link", name="Delete it from the networks").count() == 0
    assert page.get_by_role("link", name="Report a concern about this post").count() == 1
    check_page(page, axe, "published post (author)")
    # The approver may take it down: the delete page, visited with axe.
    page.context.clear_cookies()
    _with_device(page, live_server, sign_in, world["digital"])
    page.goto(f"{live_server.url}/posts/{post.pk}/")
    page.get_by_role("link", name="Delete it from the networks").click()
    page.get_by_role("heading", name="Delete a post from the networks").wait_for()
    check_page(page, axe, "delete from the networks")
    # ... and does: the status is gone from the fake Mastodon and the record of it is on the page.
    page.get_by_label("Why must it come down?").fill("Wrong day: the tour is on Thursday.")
    page.get_by_role("button", name="Delete from the networks").click()
    page.get_by_role("heading", name="What was removed").wait_for()
    assert delivery.remote_id not in mastodon.statuses
    check_page(page, axe, "delete from the networks, done")
    # The author was never offered the link to a page that would refuse them.
    page.context.clear_cookies()
    sign_in(page, live_server.url, "sam")
    page.goto(f"{live_server.url}/posts/{post.pk}/")
    page.get_by_role("heading", name="Lab tour on Friday at noon").wait_for()
    assert page.get_by_role("link", name="Delete it from the networks").count() == 0
    check_page(page, axe, "post page (author) after the deletion")


@pytest.mark.parametrize("width", WIDTHS)
def test_personal_settings_fit_and_pass_axe(page, live_server, world, axe, sign_in, width):
    """The personal settings and API tokens pages, reached from the header, at both widths."""
    page.set_viewport_size({"width": width, "height": 900})
    _with_device(page, live_server, sign_in, world["digital"])
    page.get_by_role("link", name="Dana Digital").first.click()
    page.get_by_role("heading", name="Your settings").wait_for()
    check_page(page, axe, "personal settings")
    page.get_by_label("Your time zone").select_option("America/New_York")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Your settings are saved.").wait_for()
    check_page(page, axe, "personal settings, saved")
    page.goto(f"{live_server.url}/me/tokens/")
    check_page(page, axe, "API tokens")
