"""Issue 10, item 6: the audit chain is an HMAC under a key outside the database, rotatable,
and its head can be anchored outside the database."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.models import QuerySet

from townhall.audit import keys
from townhall.audit.models import AuditEntry, AuditHead
from townhall.audit.services import hash_fields, keyed_digest, legacy_digest, record, verify

KEY_A = "audit-key-A-" + "a" * 40
KEY_B = "audit-key-B-" + "b" * 40


@pytest.fixture
def trail(db, make_user, settings):
    settings.TOWNHALL_AUDIT_KEYS = KEY_A
    actor = make_user("governance")
    for n in range(6):
        record(actor, "thing.changed", object_type="thing", object_id=str(n), after={"n": n})
    return actor


def raw(pk: int):
    """A plain queryset: what SQL access gives, without the model's append-only guard."""
    return QuerySet(model=AuditEntry).filter(pk=pk)


def rewrite(from_seq: int, change: dict, digest) -> None:
    """What someone with write access to the database does: edit a row, then recompute every
    hash from there on with `digest(entry)` and move the head along."""
    prev = None
    for entry in AuditEntry.objects.filter(seq__gte=from_seq).order_by("seq"):
        if entry.seq == from_seq:
            for field, value in change.items():
                setattr(entry, field, value)
        if prev is not None:
            entry.prev_hash = prev
        entry.hash = digest(entry)
        prev = entry.hash
        raw(entry.pk).update(after=entry.after, prev_hash=entry.prev_hash, hash=entry.hash)
    last = AuditEntry.objects.order_by("-seq").first()
    AuditHead.objects.filter(pk=1).update(seq=last.seq, hash=last.hash)


def seq_of(n: int) -> int:
    return AuditEntry.objects.get(action="thing.changed", object_id=str(n)).seq


def test_entries_are_hmac_signed_and_name_their_key(trail):
    entry = AuditEntry.objects.get(seq=seq_of(2))
    assert entry.key_id == keys.key_id(KEY_A.encode())
    assert entry.hash == keyed_digest(hash_fields(entry), KEY_A.encode())
    assert entry.hash != legacy_digest(hash_fields(entry))
    assert verify().ok


def test_the_old_attack_recomputing_plain_sha256_is_caught(trail):
    """Rewrite a row and recompute the chain with plain SHA-256: that used to read "intact"."""
    target = seq_of(2)
    rewrite(target, {"after": {"n": 999}}, lambda e: legacy_digest(hash_fields(e, with_key_id=False)))
    result = verify()
    assert not result.ok and result.broken_seq == target and "changed" in result.reason


def test_recomputing_with_a_guessed_key_is_caught(trail):
    target = seq_of(3)
    rewrite(target, {"after": {"n": 999}}, lambda e: keyed_digest(hash_fields(e), b"not-the-key" * 4))
    assert verify().broken_seq == target


def test_rotation_keeps_old_entries_verifiable(trail, settings):
    settings.TOWNHALL_AUDIT_KEYS = f"{KEY_B},{KEY_A}"  # new key in front
    newer = record(None, "thing.changed", object_type="thing", object_id="after-rotation")
    assert newer.key_id == keys.key_id(KEY_B.encode())
    assert verify().ok
    # Dropping the old key leaves the old entries unverifiable, and says why.
    settings.TOWNHALL_AUDIT_KEYS = KEY_B
    result = verify()
    assert not result.ok and "not configured" in result.reason


def test_a_leaked_old_key_cannot_sign_after_a_newer_one(trail, settings):
    settings.TOWNHALL_AUDIT_KEYS = f"{KEY_B},{KEY_A}"
    record(None, "thing.changed", object_type="thing", object_id="after-rotation")
    forged = record(None, "thing.changed", object_type="thing", object_id="forged")
    forged.key_id = keys.key_id(KEY_A.encode())
    forged.hash = keyed_digest(hash_fields(forged), KEY_A.encode())
    raw(forged.pk).update(key_id=forged.key_id, hash=forged.hash)
    AuditHead.objects.filter(pk=1).update(hash=forged.hash)
    result = verify()
    assert not result.ok and result.broken_seq == forged.seq and "older key" in result.reason


def anchor_line() -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("audit", "anchor", stdout=out, stderr=err)
    assert "Keep the line below" in err.getvalue()
    return out.getvalue().strip()


def verify_cli(*anchors: str) -> str:
    out = io.StringIO()
    call_command("audit", "verify", anchor=list(anchors), stdout=out)
    return out.getvalue()


def test_anchor_prints_the_head_and_verify_accepts_it(trail):
    line = anchor_line()
    seq, digest = line.split(":")
    head = AuditHead.objects.get(pk=1)
    assert (int(seq), digest) == (head.seq, head.hash)
    assert AuditEntry.objects.get(seq=int(seq)).action == "audit.anchored"
    record(None, "thing.changed", object_type="thing", object_id="later")
    assert "anchor(s) given are in it" in verify_cli(line)


def test_truncating_after_an_anchor_is_caught_by_the_anchor(trail):
    line = anchor_line()
    record(None, "thing.changed", object_type="thing", object_id="later")
    anchored = int(line.split(":")[0])
    # Remove the newest entries, the anchored one among them, and move the head back.
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE seq >= %s", [anchored])
    last = AuditEntry.objects.order_by("-seq").first()
    AuditHead.objects.filter(pk=1).update(seq=last.seq, hash=last.hash)
    assert verify().ok  # the chain alone cannot tell
    with pytest.raises(CommandError, match="is gone") as caught:
        verify_cli(line)
    assert caught.value.returncode == 1


def test_a_rewrite_with_the_right_key_is_caught_by_the_anchor(trail, settings):
    line = anchor_line()
    rewrite(seq_of(1), {"after": {"n": 999}}, lambda e: keyed_digest(hash_fields(e), KEY_A.encode()))
    assert verify().ok  # whoever holds the key can re-sign...
    with pytest.raises(CommandError, match="not the one anchored"):
        verify_cli(line)  # ...but not match a head kept elsewhere


def test_a_malformed_anchor_is_one_sentence(trail):
    with pytest.raises(CommandError, match="is not an anchor"):
        verify_cli("12:abc")


def test_the_anchor_is_emailed_to_administrators(trail, make_user, settings):
    settings.TOWNHALL_EMAIL_NOTIFICATIONS = True
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    mail.outbox = []
    make_user("admin", email="admin@example.ac.uk")
    make_user("staff", email="staff@example.ac.uk")
    line = anchor_line()
    assert [m.to for m in mail.outbox] == [["admin@example.ac.uk"]]
    assert line in mail.outbox[0].body


def test_production_refuses_a_derived_key(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.TOWNHALL_AUDIT_KEYS = ""
    settings.PRODUCTION = True
    with pytest.raises(ImproperlyConfigured, match="TOWNHALL_AUDIT_KEYS"):
        keys.keys()
    settings.TOWNHALL_AUDIT_KEYS = "short"
    with pytest.raises(ImproperlyConfigured, match="shorter than"):
        keys.keys()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("tampered", [False, True])
def test_upgrade_re_signs_the_old_chain_and_says_whether_it_was_intact(tampered, settings):
    """Migration audit.0002 checks the plain-SHA-256 chain, re-signs it, and records the result."""
    import hashlib
    import json
    from datetime import UTC, datetime

    from django.db.migrations.executor import MigrationExecutor

    settings.TOWNHALL_AUDIT_KEYS = KEY_A
    executor = MigrationExecutor(connection)
    executor.migrate([("audit", "0001_initial")])
    prev, rows = "0" * 64, []
    for seq in range(1, 4):
        at = datetime(2026, 1, seq, tzinfo=UTC)
        fields = {"seq": seq, "at": at.isoformat(timespec="microseconds"), "actor_id": None, "actor_label": "system",
                  "action": "old.thing", "object_type": "", "object_id": "", "object_repr": "", "before": None,
                  "after": {"n": seq}, "prev_hash": prev}
        digest = hashlib.sha256(json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
        rows.append((seq, at, json.dumps({"n": 99 if tampered and seq == 2 else seq}), prev, digest))
        prev = digest
    with connection.cursor() as cursor:
        for seq, at, after, prev_hash, digest in rows:
            cursor.execute(
                "INSERT INTO audit_auditentry (seq, at, actor_label, action, object_type, object_id, object_repr,"
                " after, prev_hash, hash) VALUES (%s, %s, 'system', 'old.thing', '', '', '', %s, %s, %s)",
                [seq, at, after, prev_hash, digest],
            )
        cursor.execute("DELETE FROM audit_audithead")
        cursor.execute("INSERT INTO audit_audithead (id, seq, hash) VALUES (1, 3, %s)", [prev])
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert verify().ok
    marker = AuditEntry.objects.get(action="audit.rekeyed")
    assert marker.seq == 4 and marker.before["entries"] == 3 and marker.before["head_hash"] == prev
    expected = "broken: entry #2 had been changed" if tampered else "intact"
    assert marker.after == {"hash": "hmac-sha256", "old_chain": expected}


def test_the_worker_e_mails_an_anchor_daily_or_an_alarm(trail, make_user, settings):
    from townhall.audit.services import daily_anchor

    settings.TOWNHALL_EMAIL_NOTIFICATIONS = False
    assert daily_anchor() == "e-mail is not set up"
    settings.TOWNHALL_EMAIL_NOTIFICATIONS = True
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    mail.outbox = []
    make_user("admin", email="admin@example.ac.uk")
    assert daily_anchor().startswith("anchored")
    head = AuditHead.objects.get(pk=1)
    assert f"{head.seq}:{head.hash}" in mail.outbox[-1].body
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET action = 'x' WHERE seq = %s", [seq_of(1)])
    assert "broken" in daily_anchor()
    assert mail.outbox[-1].subject.endswith("Audit trail broken")
