"""Issue 15, a first week's audit in a real browser: pages found rough by a new user.

At a laptop (1366 px) and a phone (390 px): the incidents list and the saved searches are cards
on a phone instead of tables wider than the screen, an account's long profile address wraps, and
the audit trail reads as sentences on /audit/ and in the admin. Every page is held to axe (no
violation of any impact) and may not scroll sideways."""

from __future__ import annotations

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = [1366, 390]


def check_page(page, axe, where: str) -> None:
    assert axe(page) == [], where
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        f"{where} scrolls sideways at {page.viewport_size['width']} px"
    )


@pytest.fixture
def world(units, make_user):
    from townhall.audit.services import record, snapshot
    from townhall.incidents.models import Incident
    from townhall.incidents.services import FIELDS
    from townhall.listening.models import SavedSearch
    from townhall.registry.models import Account

    author = make_user("staff", units["physics"], username="sam", first_name="Sam", last_name="Patel")
    admin = make_user(
        "admin", units["school"], username="ada", first_name="Ada", last_name="Admin", is_staff=True, is_superuser=True
    )
    account = Account.objects.create(
        network="bluesky",
        handle="physics-department-news.example.ac.uk",
        profile_url="https://bsky.app/profile/physics-department-news.example.ac.uk",
        org_unit=units["physics"],
        status="active",
    )
    account.owners.add(author)
    search = SavedSearch.objects.create(
        name="Conversations about the School of Science open days",
        query='("open day" OR #openday) AND (example OR #exampleuni OR @physics-department-news.example.ac.uk)',
        created_by=admin,
    )
    search.owners.add(admin, author)
    incident = Incident.objects.create(
        kind="disparaging", created_by=author, description="A thread disparaging our students"
    )
    before = snapshot(incident, FIELDS)
    incident.status, incident.assigned_to = "triaging", admin
    incident.save()
    record(admin, "incident.updated", incident, before=before, after=snapshot(incident, FIELDS))
    return {"author": author, "admin": admin, "account": account, "incident": incident}


def _admin_signs_in(page, live_server, sign_in, admin) -> None:
    device = TOTPDevice.objects.create(user=admin, name="phone", confirmed=True)
    sign_in(page, live_server.url, admin.username, device)


@pytest.mark.parametrize("width", WIDTHS)
def test_lists_and_an_accounts_page_fit_a_phone(page, live_server, world, axe, sign_in, width):
    page.set_viewport_size({"width": width, "height": 900})
    _admin_signs_in(page, live_server, sign_in, world["admin"])
    page.goto(f"{live_server.url}/incidents/")
    page.get_by_role("link", name=f"Incident #{world['incident'].pk}").wait_for()
    check_page(page, axe, "incidents list")
    page.goto(f"{live_server.url}/listening/searches/")
    page.get_by_role("link", name="Conversations about the School of Science open days").wait_for()
    body = page.inner_text("main")
    assert "Ada Admin" in body and "Sam Patel" in body and "system" not in body
    check_page(page, axe, "saved searches")
    page.goto(f"{live_server.url}/accounts/{world['account'].pk}/")
    page.get_by_role("link", name="https://bsky.app/profile/physics-department-news.example.ac.uk").wait_for()
    check_page(page, axe, "account with a long profile address")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_audit_trail_reads_as_words_on_its_page_and_in_the_admin(page, live_server, world, axe, sign_in, width):
    page.set_viewport_size({"width": width, "height": 900})
    _admin_signs_in(page, live_server, sign_in, world["admin"])
    page.goto(f"{live_server.url}/audit/")
    page.get_by_text("Ada Admin updated incident").first.wait_for()
    body = page.inner_text("main")
    assert "incident.updated" not in body and "assigned_to_id" not in body and "{'" not in body
    check_page(page, axe, "audit trail")
    page.goto(f"{live_server.url}/admin/audit/auditentry/")
    page.get_by_text("Ada Admin updated incident").first.wait_for()
    assert "incident.updated" not in page.inner_text("body")
    from townhall.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="incident.updated")
    page.goto(f"{live_server.url}/admin/audit/auditentry/{entry.pk}/change/")
    table = page.locator("table", has_text="Before")
    assert "Being triaged" in table.inner_text() and "Ada Admin" in table.inner_text()
    text = page.inner_text("body")
    assert "assigned_to_id" not in text and "incident.updated" not in text and '{"' not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_a_buttons_address_opened_as_a_page_says_so_in_the_layout(page, live_server, world, axe, sign_in, width):
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, live_server.url, "sam")
    response = page.goto(f"{live_server.url}/posts/notifications/read")
    assert response.status == 405
    page.get_by_role("heading", name="This address is for a button, not a page").wait_for()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My posts").wait_for()
    check_page(page, axe, "405 page")


def test_the_admins_forms_pass_axe(page, live_server, world, axe, sign_in):
    page.set_viewport_size({"width": 1366, "height": 900})
    _admin_signs_in(page, live_server, sign_in, world["admin"])
    for path in (
        "/admin/registry/account/add/",
        f"/admin/core/user/{world['author'].pk}/change/",
        "/admin/registry/networkaudience/",
    ):
        page.goto(f"{live_server.url}{path}")
        assert axe(page) == [], path
