"""Issue 15, first-week audit: the audit trail reads as words in every place people meet it.

The /audit/ page already turned action codes and snapshots into sentences; these tests hold the
rest to the same standard: Townhall's own entries (not a person called "system"), dates and
times written by the database in a snapshot, people and accounts behind many-to-many ids, and the
Django admin's audit list and entry page."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_townhall_and_demo_entries_are_not_shown_as_lower_case_user_names(units):
    from townhall.audit.services import record
    from townhall.web.audit_display import present

    entry = record(None, "org_unit.created", units["physics"], after={"name": "Physics"})
    assert present(entry).sentence.startswith("Townhall created org unit")
    demo = record("demo", "demo.loaded", None)
    assert present(demo).sentence.startswith("The demo set-up loaded the demo data")


def test_snapshot_times_dates_and_related_ids_are_shown_as_people_read_them(make_user, units):
    from townhall.audit.services import record
    from townhall.web.audit_display import describe_action, present

    dana = make_user("digital", units["physics"], first_name="Dana", last_name="Fitz")
    entry = record(
        dana,
        "listening.search.create",
        units["physics"],
        before={"closed_at": None, "period_end": None},
        after={"closed_at": "2026-12-02 22:52:34.046957+00:00", "period_end": "2027-01-01"},
    )
    shown = {c.label: c.after for c in present(entry).changes}
    assert "2026-12-02" not in " ".join(shown.values()) and "2027-01-01" not in " ".join(shown.values())
    assert shown["Period end"] == "1 Jan 2027"
    assert describe_action("user.review_scope_changed") == "changed the review scope of user"
    assert describe_action("institution.setup") == "set up institution"


def test_a_saved_searchs_owners_are_named(make_user, units):
    from townhall.audit.services import record
    from townhall.listening.models import SavedSearch
    from townhall.web.audit_display import present

    dana = make_user("digital", units["physics"], first_name="Dana", last_name="Fitz")
    search = SavedSearch.objects.create(name="Physics", query="physics", created_by=dana)
    entry = record(dana, "listening.search.create", search, after={"owners": [dana.pk]})
    assert [c.after for c in present(entry).changes] == ["Dana Fitz"]


def test_the_admin_audit_list_and_entry_read_as_words(make_user, units, verified_client):
    from townhall.audit.models import AuditEntry
    from townhall.audit.services import record, snapshot
    from townhall.incidents.models import Incident
    from townhall.incidents.services import FIELDS

    reporter = make_user("staff", units["physics"])
    gil = make_user("governance", units["physics"], first_name="Gil", last_name="Gray")
    incident = Incident.objects.create(kind="impersonation", created_by=reporter, description="Fake account")
    before = snapshot(incident, FIELDS)
    incident.assigned_to, incident.status = gil, "triaging"
    incident.save()
    record(gil, "incident.updated", incident, before=before, after=snapshot(incident, FIELDS))
    entry = AuditEntry.objects.get(action="incident.updated")
    admin = make_user("admin", units["physics"], is_staff=True, is_superuser=True)
    client = verified_client(admin)
    listing = client.get("/admin/audit/auditentry/").content.decode()
    assert "Gil Gray updated incident “Incident #" in listing
    assert "incident.updated" not in listing.replace("?action=incident.updated", "")
    page = client.get(f"/admin/audit/auditentry/{entry.pk}/change/").content.decode()
    assert "<th scope='row'>Assigned to</th><td>nobody</td><td>Gil Gray</td>" in page.replace("&#x27;", "'")
    assert "assigned_to_id" not in page and "incident.updated" not in page


def test_the_admin_index_names_the_libraries_apps_in_words(make_user, units, verified_client):
    admin = make_user("admin", units["physics"], is_staff=True, is_superuser=True)
    page = verified_client(admin).get("/admin/").content.decode()
    assert "Background tasks" in page and "Two-factor sign-in: authenticator apps" in page
    assert "Otp_Totp" not in page and "Otp_Static" not in page and "Tasks Database Backend" not in page


def test_a_late_post_on_the_status_checks_is_timed_in_the_readers_zone(make_user, units):
    from datetime import UTC, datetime, timedelta

    from django.utils import timezone

    from townhall.publishing.models import Delivery, Post
    from townhall.publishing.selectors import status_checks
    from townhall.registry.models import Account

    author = make_user("staff", units["physics"])
    account = Account.objects.create(network="bluesky", handle="late.example.ac.uk", org_unit=units["physics"])
    post = Post.objects.create(text="Late", created_by=author, org_unit=units["physics"])
    due = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    Delivery.objects.create(post=post, account=account, status=Delivery.Status.SCHEDULED, due_at=due)
    with timezone.override("America/New_York"):
        detail = status_checks(due + timedelta(hours=1))[0]["detail"]
    assert "01 Jul 08:00 EDT" in detail and "UTC" not in detail


def test_my_posts_links_a_report_notification_and_says_what_an_empty_list_means(make_user, units, verified_client):
    from townhall.publishing.models import Notification

    sam = make_user("staff", units["physics"])
    Notification.objects.create(
        user=sam,
        message="Your social media report for Physics, November 2026, is ready: /analytics/report/?month=2026-11",
    )
    html = verified_client(sam).get("/posts/").content.decode()
    assert "Your social media report for Physics, November 2026, is ready." in html
    assert '<a href="/analytics/report/?month=2026-11">Open it</a>' in html
    assert "is ready: /analytics" not in html and ">None.<" not in html
    assert "Nothing is waiting for your approval." in html and "You have not written a post yet" in html
    filtered = verified_client(sam).get("/posts/?status=failed").content.decode()
    assert "None of your posts is in this state" in filtered


def test_findings_name_the_policy_family_in_words(make_user, units, verified_client):
    from townhall.registry.models import Account

    sam = make_user("staff", units["physics"])
    account = Account.objects.create(network="bluesky", handle="fam.example.ac.uk", org_unit=units["physics"])
    account.owners.add(sam)
    text = "Our login is password: Hunter2-Secret! and Jane Doe's mobile is 07700 900123"
    client = verified_client(sam)
    for url, data in (
        ("/posts/compose/check", {"text": text, "accounts": [account.pk]}),
        ("/policy/check", {"text": text}),
    ):
        html = client.post(url, data).content.decode()
        assert "Passwords and keys:" in html, url
        assert "</code> credentials:" not in html and "</code> privacy:" not in html, url


def test_the_browsers_favicon_request_is_answered(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("townhall/favicon.svg")


def test_a_buttons_address_typed_in_is_a_page_in_the_layout(make_user, units, verified_client):
    sam = make_user("staff", units["physics"])
    response = verified_client(sam).get("/posts/notifications/read")
    html = response.content.decode()
    assert response.status_code == 405 and response["Allow"] == "POST"
    assert "This address is for a button, not a page" in html and "My posts" in html and "<nav" in html


def test_an_expired_form_is_a_page_in_the_layout(make_user, units):
    from django.test import Client

    sam = make_user("staff", units["physics"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(sam)
    response = client.post("/posts/notifications/read", {})
    html = response.content.decode()
    assert response.status_code == 403 and "The form had expired, so nothing was saved" in html
    assert "CSRF" not in html and "<nav" in html
