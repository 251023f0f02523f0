"""Writing and verifying the audit trail. Call `record()` from every governance service."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from townhall.audit import keys
from townhall.audit.models import AuditEntry, AuditHead

GENESIS = "0" * 64


def _jsonable(value: Any) -> Any:
    """Normalise to what a JSONField gives back, so the stored value hashes the same."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def _blob(fields: dict[str, Any]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def legacy_digest(fields: dict[str, Any]) -> str:
    """The plain SHA-256 of the first version (anyone could recompute it); used only to check
    the old chain once, when migration audit.0002 re-signs it."""
    return hashlib.sha256(_blob(fields)).hexdigest()


def keyed_digest(fields: dict[str, Any], key: bytes) -> str:
    """HMAC-SHA256 under an audit key: without the key, a rewritten chain cannot be re-signed."""
    return hmac.new(key, _blob(fields), hashlib.sha256).hexdigest()


def hash_fields(entry: Any, *, with_key_id: bool = True) -> dict[str, Any]:
    """What an entry's hash covers: all its content, the previous hash and the signing key's id."""
    fields = _legacy_fields(entry)
    if with_key_id:
        fields["key_id"] = entry.key_id
    return fields


def _legacy_fields(entry: Any) -> dict[str, Any]:
    return {
        "seq": entry.seq,
        "at": entry.at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_id": entry.actor_id,
        "actor_label": entry.actor_label,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "before": entry.before,
        "after": entry.after,
        "prev_hash": entry.prev_hash,
    }


def snapshot(obj: models.Model, fields: list[str] | None = None) -> dict[str, Any]:
    """The before/after picture of a model instance: its concrete fields (FKs as ids)."""
    out: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if fields is not None and field.name not in fields:
            continue
        out[field.attname] = field.value_from_object(obj)
    return _jsonable(out)


def record(
    actor: Any,
    action: str,
    obj: Any = None,
    *,
    before: Any = None,
    after: Any = None,
    object_type: str = "",
    object_id: str = "",
    object_repr: str = "",
) -> AuditEntry:
    """Append one entry. `actor` is a user, None (the system) or a string label."""
    if obj is not None:
        object_type = object_type or f"{obj._meta.app_label}.{obj._meta.model_name}"
        object_id = object_id or str(obj.pk)
        object_repr = object_repr or str(obj)[:300]
    if actor is None or isinstance(actor, str):
        actor_id, actor_label = None, actor or "system"
    else:
        actor_id, actor_label = actor.pk, actor.get_username()
    # No savepoint when already in a transaction (most callers record inside their own): an
    # error here rolls the caller's transaction back with it, which is what the caller wants
    # (no change without its audit entry), and the two extra statements per entry are saved.
    with transaction.atomic(savepoint=False):
        # Locking the head row serialises appends (PostgreSQL row lock; SQLite runs
        # IMMEDIATE transactions, which already hold the write lock).
        head = AuditHead.objects.select_for_update().get_or_create(pk=1)[0]
        entry = AuditEntry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor_id=actor_id,
            actor_label=actor_label[:200],
            action=action,
            object_type=object_type,
            object_id=str(object_id)[:100],
            object_repr=object_repr[:300],
            before=_jsonable(before),
            after=_jsonable(after),
            prev_hash=head.hash,
        )
        entry.key_id, key = keys.current()
        entry.hash = keyed_digest(hash_fields(entry), key)
        entry.save()
        AuditHead.objects.filter(pk=1).update(seq=entry.seq, hash=entry.hash)
    return entry


@dataclass
class Verification:
    ok: bool
    checked: int
    broken_seq: int | None = None
    reason: str = ""

    def __str__(self) -> str:
        if self.ok:
            return f"Audit trail intact: {self.checked} entries verified."
        return f"Audit trail broken at entry #{self.broken_seq}: {self.reason}"


def parse_anchor(text: str) -> tuple[int, str]:
    """`ID:HASH` as printed by `townhall audit anchor`."""
    seq, _, digest = text.strip().partition(":")
    if not seq.isdigit() or len(digest) != 64 or any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(f"{text!r} is not an anchor; it looks like 1234:<64 hex characters>.")
    return int(seq), digest


def verify(batch: int = 2000, anchors: list[tuple[int, str]] | None = None) -> Verification:
    """Walk the chain in order; report the first entry that is missing, edited or out of place.

    Each entry's HMAC is checked under the key its key id names (any configured key), and keys
    may only get newer along the chain: an old key, even a leaked one, cannot sign entries after
    a newer key was in use. `anchors` (seq, hash) taken earlier and kept outside the database
    must still be in the chain unchanged: this catches truncation and a rewrite by someone who
    holds the key, which the chain alone cannot.
    """
    known = {kid: (position, key) for position, (kid, key) in enumerate(keys.keys())}
    expected_prev, expected_seq, checked = GENESIS, 1, 0
    newest_position = len(known)
    seen: dict[int, str] = {}
    wanted = {seq for seq, _ in anchors or []}
    last_id = 0
    while True:
        rows = list(AuditEntry.objects.filter(seq__gt=last_id).order_by("seq")[:batch])
        if not rows:
            break
        for entry in rows:
            if entry.seq != expected_seq:
                return Verification(False, checked, expected_seq, "entry is missing (deleted)")
            if entry.prev_hash != expected_prev:
                return Verification(False, checked, entry.seq, "link to the previous entry does not match")
            if entry.key_id not in known:
                return Verification(False, checked, entry.seq, "signed with a key that is not configured "
                                    f"(key id {entry.key_id or 'none'}; see TOWNHALL_AUDIT_KEYS)")
            position, key = known[entry.key_id]
            if not hmac.compare_digest(keyed_digest(hash_fields(entry), key), entry.hash):
                return Verification(False, checked, entry.seq, "content was changed after it was written")
            if position > newest_position:
                return Verification(False, checked, entry.seq, "signed with an older key after a newer one was in use")
            newest_position = position
            if entry.seq in wanted:
                seen[entry.seq] = entry.hash
            expected_prev, expected_seq = entry.hash, expected_seq + 1
            checked += 1
        last_id = rows[-1].seq
    head = AuditHead.objects.filter(pk=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != checked or head_hash != expected_prev:
        return Verification(False, checked, checked + 1, "newest entries were deleted")
    for seq, digest in sorted(anchors or []):
        if seq not in seen:
            return Verification(False, checked, seq, f"the anchored entry #{seq} is gone: the trail ends at "
                                f"#{checked} (newest entries were removed)")
        if not hmac.compare_digest(seen[seq], digest):
            return Verification(False, checked, seq, f"entry #{seq} is not the one anchored: the trail was "
                                "rewritten up to it")
    return Verification(True, checked)


def anchor(actor: Any = None) -> AuditEntry:
    """Append an "audit.anchored" entry and return it: its `seq:hash` is the head to keep
    outside the database (it covers every entry before it)."""
    return record(actor, "audit.anchored", object_type="audit", after={"entries_before": _head_seq()})


def anchor_and_email(actor: Any = None) -> tuple[AuditEntry, int]:
    """Anchor the trail and e-mail the head to every active administrator with an address
    (when e-mail is set up); returns the anchor entry and how many messages went out."""
    entry = anchor(actor)
    line = f"{entry.seq}:{entry.hash}"
    body = (
        f"The head of Townhall's audit trail is now entry #{entry.seq}:\n\n{line}\n\n"
        "Keep this message. If the trail is ever altered or cut short, `townhall audit verify --anchor "
        f"{line}` says so, even if whoever did it could rewrite the database."
    )
    return entry, _email_admins(f"Audit trail anchor #{entry.seq}", body)


def _email_admins(subject: str, body: str) -> int:
    from django.conf import settings

    from townhall.core.mail import send_now
    from townhall.core.models import User

    if not settings.TOWNHALL_EMAIL_NOTIFICATIONS:
        return 0
    admins = User.objects.filter(models.Q(role="admin") | models.Q(is_superuser=True), is_active=True)
    return send_now(list(admins.exclude(email="").values_list("pk", flat=True)), subject, body)


def daily_anchor() -> str:
    """The worker's daily job: with e-mail set up, check the trail and send administrators
    either the new head (an anchor kept outside the database) or, if it is broken, the alarm."""
    from django.conf import settings

    if not settings.TOWNHALL_EMAIL_NOTIFICATIONS:
        return "e-mail is not set up"
    result = verify()
    if not result.ok:
        _email_admins("Audit trail broken", f"`townhall audit verify` reports: {result}")
        return str(result)
    entry, sent = anchor_and_email("daily anchor")
    return f"anchored #{entry.seq}, sent to {sent}"


def _head_seq() -> int:
    head = AuditHead.objects.filter(pk=1).first()
    return head.seq if head else 0
