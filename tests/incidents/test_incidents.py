from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from townhall.audit.models import AuditEntry
from townhall.audit.services import verify
from townhall.incidents import services
from townhall.incidents.models import Incident


@pytest.fixture
def reported(make_user):
    reporter = make_user("staff")
    incident = services.report(
        reporter, kind="impersonation", url="https://bsky.app/profile/fake", network="bluesky",
        description="Someone pretends to be our admissions office.",
    )
    return reporter, incident


def test_any_signed_in_person_can_report_and_it_is_audited(reported):
    reporter, incident = reported
    assert incident.status == "new" and incident.created_by == reporter
    entry = AuditEntry.objects.get(action="incident.reported")
    assert entry.object_id == str(incident.pk)
    assert verify().ok


def test_compromised_accounts_are_high_severity(make_user):
    incident = services.report(make_user(), kind="compromised", description="Our page posted crypto spam.")
    assert incident.severity == "high"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [("kind", "gossip", "Unknown kind"), ("description", "bad", "at least 10"), ("url", "not a link", "https://")],
)
def test_bad_reports_are_refused_with_a_reason_and_nothing_saved(make_user, field, value, message):
    data = {"kind": "other", "description": "A long enough description.", "url": ""}
    data[field] = value
    with pytest.raises(ValidationError, match=message):
        services.report(make_user(), **data)
    assert not Incident.objects.exists()


def test_only_governance_triages(reported, make_user):
    _, incident = reported
    with pytest.raises(PermissionDenied):
        services.triage(make_user("digital"), incident, status="triaging")
    services.triage(make_user("governance"), incident, status="triaging")
    incident.refresh_from_db()
    assert incident.status == "triaging"


def test_closing_needs_a_resolution_and_sets_closed_at(reported, make_user):
    _, incident = reported
    gov = make_user("governance")
    with pytest.raises(ValidationError, match="Say what was done"):
        services.triage(gov, incident, status="closed")
    services.triage(gov, incident, status="closed", resolution="Reported to the network; removed.")
    incident.refresh_from_db()
    assert incident.status == "closed" and incident.closed_at is not None
    entry = AuditEntry.objects.filter(action="incident.updated").first()
    assert entry.before["status"] == "new" and entry.after["status"] == "closed"


def test_illegal_transition_is_refused(reported, make_user):
    _, incident = reported
    gov = make_user("governance")
    services.triage(gov, incident, status="actioned", resolution="Done.")
    with pytest.raises(ValidationError, match="cannot become"):
        services.triage(gov, incident, status="closed")


def test_staff_see_only_their_own_reports(client, reported, make_user):
    reporter, incident = reported
    other = make_user("staff")
    client.force_login(other)
    assert client.get(reverse("incidents:detail", args=[incident.pk])).status_code == 404
    client.force_login(reporter)
    page = client.get(reverse("incidents:index")).content.decode()
    assert f"#{incident.pk}" in page
    response = client.post(reverse("incidents:detail", args=[incident.pk]), {"status": "closed"})
    assert response.status_code == 403


def test_report_through_the_web_form(client, make_user):
    client.force_login(make_user())
    response = client.post(
        reverse("incidents:new"),
        {"kind": "disparaging", "url": "https://example.org/post/1", "network": "x",
         "description": "A post mocking our students by name."},
    )
    assert response.status_code == 302
    assert Incident.objects.get().kind == "disparaging"


def test_api_report_and_triage(client, make_user):
    from townhall.core.models import ApiToken

    _, staff_key = ApiToken.issue(make_user(), "t")
    _, gov_key = ApiToken.issue(make_user("governance"), "t")
    created = client.post(
        "/api/incidents", {"kind": "other", "description": "Too short"}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {staff_key}",
    )
    assert created.status_code == 400 and "10 characters" in created.json()["detail"]
    created = client.post(
        "/api/incidents", {"kind": "harassment", "description": "Students are being harassed in replies."},
        content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {staff_key}",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    denied = client.patch(f"/api/incidents/{pk}", {"status": "triaging"}, content_type="application/json",
                          HTTP_AUTHORIZATION=f"Bearer {staff_key}")
    assert denied.status_code == 403
    ok = client.patch(f"/api/incidents/{pk}", {"status": "triaging"}, content_type="application/json",
                      HTTP_AUTHORIZATION=f"Bearer {gov_key}")
    assert ok.status_code == 200 and ok.json()["status"] == "triaging"
