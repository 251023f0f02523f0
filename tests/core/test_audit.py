from __future__ import annotations

import pytest
from django.db import connection

from townhall.audit.models import AuditEntry
from townhall.audit.services import record, verify


@pytest.fixture
def trail(db, make_user):
    actor = make_user("governance")
    for n in range(5):
        record(actor, "thing.changed", object_type="thing", object_id=str(n), before={"n": n}, after={"n": n + 1})
    return actor


def test_intact_chain_verifies(trail):
    result = verify()
    assert result.ok and result.checked == AuditEntry.objects.count() >= 5
    assert "intact" in str(result)


def seq_of(n: int) -> int:
    """The sequence number of the n-th "thing.changed" entry (earlier entries record the users)."""
    return AuditEntry.objects.get(action="thing.changed", object_id=str(n)).seq


def test_entries_record_who_what_when_and_before_after(trail):
    entry = AuditEntry.objects.get(seq=seq_of(2))
    assert entry.actor_label == trail.username and entry.actor_id == trail.pk
    assert entry.before == {"n": 2} and entry.after == {"n": 3}
    assert entry.prev_hash == AuditEntry.objects.get(seq=entry.seq - 1).hash


def test_an_edited_row_is_detected_and_named(trail):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET after = %s WHERE seq = %s", ['{"n": 99}', seq_of(2)])
    result = verify()
    assert not result.ok and result.broken_seq == seq_of(2)
    assert "changed" in result.reason


def test_a_deleted_row_is_detected(trail):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq = %s", [seq_of(1)])
    result = verify()
    assert not result.ok and result.broken_seq == seq_of(0) + 1


def test_deleting_the_newest_rows_is_detected(trail):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq >= %s", [seq_of(3)])
    result = verify()
    assert not result.ok and result.broken_seq == seq_of(2) + 1


def test_rehashing_an_edit_still_breaks_the_link(trail):
    """An attacker who recomputes the edited row's own hash breaks the next row's link."""
    from townhall.audit import keys
    from townhall.audit.services import hash_fields, keyed_digest

    entry = AuditEntry.objects.get(seq=seq_of(1))
    entry.after = {"n": 1000}
    new_hash = keyed_digest(hash_fields(entry), keys.current()[1])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE audit_auditentry SET after = %s, hash = %s WHERE seq = %s", ['{"n": 1000}', new_hash, entry.seq]
        )
    result = verify()
    assert not result.ok and result.broken_seq == entry.seq + 1


def test_the_orm_refuses_to_edit_or_delete(trail):
    entry = AuditEntry.objects.order_by("seq").first()
    entry.action = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.filter(seq=1).update(action="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


def test_object_and_unicode_values_survive_the_round_trip(db, make_user, units):
    from townhall.audit.services import snapshot

    user = make_user("admin")
    unit = units["physics"]
    record(user, "unit.renamed", unit, before=snapshot(unit), after={"name": "Physique 🌍 ñ"})
    assert verify().ok
    entry = AuditEntry.objects.get(action="unit.renamed")
    assert entry.object_type == "core.orgunit" and entry.object_id == str(unit.pk)
    assert entry.before["slug"] == "physics"


def test_system_actor(db):
    entry = record(None, "retention.purged", object_type="mention", after={"deleted": 3})
    assert entry.actor_label == "system" and entry.actor_id is None


def test_role_and_scope_changes_are_audited_with_the_admin_as_actor(verified_client, make_user, units):
    admin = make_user("admin", is_staff=True, is_superuser=True)
    target = make_user("staff", units["physics"])
    client = verified_client(admin)
    response = client.post(
        f"/admin/core/user/{target.pk}/change/",
        {
            "username": target.username, "role": "digital", "org_unit": units["physics"].pk,
            "review_units": [units["school"].pk], "time_zone": "Europe/London", "is_active": "on",
            "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = AuditEntry.objects.get(action="user.changed", object_id=str(target.pk))
    assert changed.actor_label == admin.username
    assert changed.before == {"role": "staff"} and changed.after == {"role": "digital"}
    scope = AuditEntry.objects.get(action="user.review_scope_changed", object_id=str(target.pk))
    assert scope.after["units"] == [units["school"].pk]
    assert verify().ok


def test_admin_login_goes_through_the_throttled_login(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200 and "Sign in to Townhall" in response.content.decode()
