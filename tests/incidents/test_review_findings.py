"""Incident holes found by the governance review of 2026-12-06, one regression test each."""

from __future__ import annotations

import pytest

from townhall.audit.models import AuditEntry
from townhall.incidents import services
from townhall.incidents.models import Incident

pytestmark = [pytest.mark.django_db]


def _api(client, user, method, path, body=None):
    from townhall.core.models import ApiToken

    _, key = ApiToken.issue(user, "t")
    return getattr(client, method)(path, body or {}, content_type="application/json",
                                   HTTP_AUTHORIZATION=f"Bearer {key}")


def test_the_reporter_sees_status_and_outcome_but_not_the_internal_timeline(client, make_user):
    """The API already refused the reporter the timeline; the web page showed every comment."""
    reporter = make_user()
    gov = make_user("governance")
    incident = services.report(reporter, kind="harassment", description="A colleague keeps posting about me.")
    services.comment(gov, incident, "INTERNAL: HR says the accused is on a final warning")
    assert _api(client, reporter, "get", f"/api/incidents/{incident.pk}/timeline").status_code == 403
    client.force_login(reporter)
    page = client.get(f"/incidents/{incident.pk}/").content.decode()
    assert "final warning" not in page and "Assigned to" not in page
    assert "Governance is handling this case" in page and "A colleague keeps posting" in page


def test_a_refused_api_change_changes_nothing(client, make_user):
    gov = make_user("governance")
    incident = services.report(make_user(), kind="other", description="Something bad happened online.")
    answer = _api(client, gov, "patch", f"/api/incidents/{incident.pk}", {"legal_hold": True, "status": "closed"})
    assert answer.status_code == 400  # closing needs a resolution
    assert Incident.objects.get(pk=incident.pk).legal_hold is False
    assert not AuditEntry.objects.filter(action="incident.legal_hold").exists()


def test_a_link_longer_than_the_column_is_refused_in_words(client, make_user):
    long = "https://example.com/" + "a" * 600
    answer = _api(client, make_user(), "post", "/api/incidents",
                  {"kind": "other", "description": "Something bad happened online.", "url": long})
    assert answer.status_code in (400, 422)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="longer than 500"):
        services.report(make_user(), kind="other", description="Something bad happened online.", url=long)
    assert not Incident.objects.exists()


def test_the_audit_trail_keeps_a_comments_fingerprint_not_its_words(make_user):
    """The trail outlives the case (retention deletes the case, never the trail)."""
    gov = make_user("governance")
    incident = services.report(make_user(), kind="other", description="Something bad happened online.")
    services.comment(gov, incident, "The person named is Jo Bloggs of 12 Acacia Avenue")
    entry = AuditEntry.objects.get(action="incident.comment")
    assert "Bloggs" not in str(entry.after) and entry.after["comment_length"] == 49
    assert len(entry.after["comment_fingerprint"]) == 64


def test_a_second_pause_while_paused_is_refused(make_user):
    from django.core.exceptions import ValidationError

    from townhall.incidents import containment

    gov = make_user("governance")
    containment.pause(gov, "Account compromised")
    with pytest.raises(ValidationError, match="already paused"):
        containment.pause(gov, "Again")
    containment.resume(gov)


def test_several_files_are_stored_all_or_none(client, make_user, settings, tmp_path):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.publishing.conftest import PNG

    settings.MEDIA_ROOT = tmp_path / "media"
    gov = make_user("governance")
    incident = services.report(make_user(), kind="other", description="Something bad happened online.")
    with pytest.raises(ValidationError):
        services.add_evidence_files(gov, incident, [
            SimpleUploadedFile("a.png", PNG, "image/png"), SimpleUploadedFile("b.png", PNG, "image/png"),
            SimpleUploadedFile("virus.png", b"MZ" + b"\x00" * 100, "image/png"),
        ])
    assert not incident.evidence.exists()
    assert len(services.add_evidence_files(gov, incident, [SimpleUploadedFile("a.png", PNG, "image/png")])) == 1
