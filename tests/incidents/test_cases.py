"""Reporting from anywhere with evidence, triage like a case system, and records (issue 14)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from townhall.audit.models import AuditEntry
from townhall.incidents import records, services
from townhall.incidents.models import Event, Evidence, Incident, IncidentNotice, IncidentSettings

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}


def stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_report_with_evidence_keeps_files_in_storage_with_their_hash(make_user, settings):
    staff = make_user()
    incident = services.report(staff, kind="disparaging", description="A post mocking our students.",
                               files=[SimpleUploadedFile("shot.png", PNG, "image/png"),
                                      SimpleUploadedFile("letter.pdf", PDF, "application/pdf")])
    rows = list(incident.evidence.all())
    assert [r.content_type for r in rows] == ["image/png", "application/pdf"]
    assert rows[0].sha256 == hashlib.sha256(PNG).hexdigest()
    assert rows[0].file.read() == PNG and len(stored_files(settings)) == 2
    assert "shot.png" not in rows[0].file.name  # stored under a random name


@pytest.mark.parametrize(("name", "data", "message"), [
    ("setup.png", b"MZ\x90\x00" + b"\x00" * 200, "not a file we can keep"),
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "not a file"),
    ("huge.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * (50 * 1024 * 1024), "up to 10 MB"),
])
def test_bad_uploads_are_refused_with_a_reason_and_nothing_stored(make_user, settings, name, data, message):
    with pytest.raises(ValidationError, match=message):
        services.report(make_user(), kind="other", description="Something bad happened online.",
                        files=[SimpleUploadedFile(name, data, "image/png")])
    assert not Incident.objects.exists() and not Evidence.objects.exists()
    assert stored_files(settings) == []


def test_bad_upload_through_the_form_says_why(client, make_user, settings):
    client.force_login(make_user())
    page = client.post("/incidents/new/", {
        "kind": "other", "description": "Something bad happened online.",
        "evidence": SimpleUploadedFile("virus.png", b"MZ" + b"\x00" * 100, "image/png"),
    })
    assert page.status_code == 200 and "not a file we can keep" in page.content.decode()
    assert not Incident.objects.exists() and stored_files(settings) == []


def test_assignee_can_open_comment_and_work_but_not_reassign(client, make_user):
    reporter, gov, helper, other = make_user(), make_user("governance"), make_user("staff"), make_user("staff")
    incident = services.report(reporter, kind="harassment", description="Abuse in replies to a student.",
                               withhold_name=True)
    services.triage(gov, incident, assigned_to=helper)
    assert IncidentNotice.objects.filter(user=helper, incident=incident).exists()
    client.force_login(other)
    assert client.get(f"/incidents/{incident.pk}/").status_code == 404
    client.force_login(helper)
    page = client.get(f"/incidents/{incident.pk}/").content.decode()
    assert "Withheld at the reporter" in page and reporter.username not in page
    services.comment(helper, incident, "Asked the network to remove it.")
    services.triage(helper, incident, status="triaging")
    with pytest.raises(PermissionDenied):
        services.triage(helper, incident, assigned_to=other)
    with pytest.raises(PermissionDenied):
        services.comment(other, incident, "Me too")
    texts = list(Event.objects.filter(incident=incident).values_list("text", flat=True))
    assert any("Assigned to" in t for t in texts) and "Asked the network to remove it." in texts
    assert any("being triaged" in t for t in texts)


def test_reminder_then_escalation_to_the_director(make_user):
    from townhall.policies.models import Institution

    director = make_user("governance", email="dog@uni.example")
    Institution.objects.create(name="Example University", governance_name="Dr Ada Director",
                               governance_contact="dog@uni.example")
    assignee = make_user("digital")
    incident = services.report(make_user(), kind="compromised", description="Our page posted crypto spam.")
    assert incident.due_at == incident.created_at + timedelta(hours=IncidentSettings.get().target_high_hours)
    services.triage(make_user("governance"), incident, assigned_to=assignee)
    soon = incident.due_at - timedelta(minutes=30)
    assert services.remind_and_escalate(soon) == {"reminded": 1, "escalated": 0}
    assert services.remind_and_escalate(soon) == {"reminded": 0, "escalated": 0}  # once
    assert IncidentNotice.objects.filter(user=assignee, message__contains="needs a response").exists()
    late = incident.due_at + timedelta(minutes=1)
    assert services.remind_and_escalate(late) == {"reminded": 0, "escalated": 1}
    incident.refresh_from_db()
    assert incident.status == "escalated" and incident.escalated_at
    assert IncidentNotice.objects.filter(user=director, message__contains="Dr Ada Director").exists()
    assert AuditEntry.objects.filter(action="incident.escalated").exists()
    assert services.remind_and_escalate(late + timedelta(hours=1))["escalated"] == 0


def test_report_from_a_listened_mention_captures_it(client, verified_client, make_user):
    from townhall.listening.models import Mention

    mention = Mention.objects.create(
        network="bluesky", remote_id="at://did:plc:x/app.bsky.feed.post/1", url="https://bsky.app/x/1",
        author_handle="troll.example", text="Everyone at this university is useless", created_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=30), text_hash="h",
    )
    client = verified_client(make_user("digital"))
    page = client.get(f"/incidents/new/?mention={mention.pk}").content.decode()
    assert "Everyone at this university is useless" in page
    client.post(f"/incidents/new/?mention={mention.pk}", {"kind": "disparaging", "url": mention.url,
                "description": "Disparaging post about our staff.", "mention": mention.pk})
    incident = Incident.objects.get()
    assert incident.source_kind == "mention" and incident.captured["text"] == mention.text
    staff = make_user()  # staff do not see listening: they cannot report (or read) a mention by its number
    with pytest.raises(PermissionDenied):
        services.report(staff, kind="other", description="A long enough description.",
                        source=("mention", mention.pk))
    mention.delete()  # the original vanishes; the capture stays
    incident.refresh_from_db()
    assert incident.captured["author_handle"] == "troll.example"


def test_retention_deletes_old_closed_cases_and_their_files_but_never_a_held_one(make_user, settings):
    gov = make_user("governance")
    old, held, recent = (
        services.report(make_user(), kind="other", description="A long enough description.",
                        files=[SimpleUploadedFile("a.png", PNG)])
        for _ in range(3)
    )
    for incident in (old, held, recent):
        services.triage(gov, incident, status="closed", resolution="Nothing to do.")
    services.set_legal_hold(gov, held, True)
    seven_years = timezone.now() - timedelta(days=7 * 366)
    Incident.objects.filter(pk__in=[old.pk, held.pk]).update(closed_at=seven_years)
    with django_capture_on_commit():
        assert records.apply_retention() == 1
    assert set(Incident.objects.values_list("pk", flat=True)) == {held.pk, recent.pk}
    assert len(stored_files(settings)) == 2
    assert AuditEntry.objects.filter(action="incident.deleted_by_retention", object_id=str(old.pk)).exists()
    IncidentSettings.objects.update(retention_years=10)
    services.set_legal_hold(gov, held, False)
    assert records.apply_retention() == 0  # ten years now


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_export_is_one_zip_with_matching_hashes_timeline_and_audit(make_user):
    gov = make_user("governance")
    incident = services.report(make_user(), kind="data_leak", description="A student's address was posted.",
                               files=[SimpleUploadedFile("shot.png", PNG)])
    services.comment(gov, incident, "Taken down by the network.")
    with pytest.raises(PermissionDenied):
        records.export_zip(make_user("digital"), incident)
    data = records.export_zip(gov, incident)
    zf = zipfile.ZipFile(io.BytesIO(data))
    report = json.loads(zf.read("report.json"))
    for item in report["evidence"]:
        assert hashlib.sha256(zf.read(item["file"])).hexdigest() == item["sha256"]
    assert zf.read("SHA256SUMS").decode().startswith(hashlib.sha256(PNG).hexdigest())
    timeline = json.loads(zf.read("timeline.json"))
    assert any(t["text"] == "Taken down by the network." for t in timeline)
    actions = [a["action"] for a in json.loads(zf.read("audit.json"))]
    assert "incident.reported" in actions and "incident.comment" in actions


def test_api_assign_comment_hold_and_export(client, make_user):
    from townhall.core.models import ApiToken

    gov, helper, staff = make_user("governance"), make_user("staff"), make_user("staff")
    incident = services.report(staff, kind="other", description="A long enough description.")

    def call(user, method, path, body=None):
        _, key = ApiToken.issue(user, "t")
        return getattr(client, method)(path, body or {}, content_type="application/json",
                                       HTTP_AUTHORIZATION=f"Bearer {key}")

    assert call(helper, "post", f"/api/incidents/{incident.pk}/comments", {"text": "Hi"}).status_code == 404
    assert call(staff, "patch", f"/api/incidents/{incident.pk}", {"assigned_to": helper.pk}).status_code == 403
    assert call(gov, "patch", f"/api/incidents/{incident.pk}", {"assigned_to": helper.pk}).status_code == 200
    assert call(helper, "post", f"/api/incidents/{incident.pk}/comments", {"text": "On it"}).status_code == 201
    assert call(helper, "patch", f"/api/incidents/{incident.pk}", {"legal_hold": True}).status_code == 403
    held = call(gov, "patch", f"/api/incidents/{incident.pk}", {"legal_hold": True})
    assert held.status_code == 200 and held.json()["legal_hold"] is True
    assert any(e["text"] == "On it" for e in call(helper, "get", f"/api/incidents/{incident.pk}/timeline").json())
    assert call(helper, "get", f"/api/incidents/{incident.pk}/export").status_code == 403
    zipped = call(gov, "get", f"/api/incidents/{incident.pk}/export")
    assert zipped.status_code == 200 and zipfile.ZipFile(io.BytesIO(zipped.content)).read("report.json")


def test_governance_sets_targets_and_retention(client, verified_client, make_user):
    client.force_login(make_user("digital"))
    assert client.get("/incidents/settings/").status_code in (302, 403)
    client = verified_client(make_user("governance"))
    response = client.post("/incidents/settings/", {"target_high_hours": 2, "target_medium_hours": 12,
                                                    "target_low_hours": 48, "remind_before_hours": 1,
                                                    "retention_years": 0})
    assert "at least a year" in response.content.decode()
    client.post("/incidents/settings/", {"target_high_hours": 2, "target_medium_hours": 12, "target_low_hours": 48,
                                         "remind_before_hours": 1, "retention_years": 7})
    conf = IncidentSettings.get()
    assert (conf.target_high_hours, conf.retention_years) == (2, 7)
    assert AuditEntry.objects.filter(action="incident.settings").exists()
    incident = services.report(make_user(), kind="compromised", description="Our page posted crypto spam.")
    assert incident.due_at == incident.created_at + timedelta(hours=2)


def test_compromised_case_locks_its_account_in_one_step(verified_client, make_user, units):
    from townhall.incidents import containment
    from townhall.registry.models import Account

    account = Account.objects.create(network="mastodon", handle="@physics@mastodon.test", org_unit=units["physics"],
                                     status="active")
    incident = services.report(make_user(), kind="compromised", description="Our page posted crypto spam.",
                               account=account)
    client = verified_client(make_user("governance"))
    page = client.get(f"/incidents/{incident.pk}/").content.decode()
    assert "Change the password" in page and f"Lock {account}" in page
    client.post("/incidents/containment/", {"action": "lock", "account": account.pk, "incident": incident.pk,
                                            "reason": f"Possibly compromised (incident #{incident.pk})"})
    lock = containment.active_lock(account.pk)
    assert lock is not None and lock.incident_id == incident.pk
    assert incident.events.filter(kind="containment").exists()
