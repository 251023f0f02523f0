"""Writing and verifying the audit trail. Call `record()` from every governance service."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from townhall.audit.models import AuditEntry, AuditHead

GENESIS = "0" * 64


def _jsonable(value: Any) -> Any:
    """Normalise to what a JSONField gives back, so the stored value hashes the same."""
    if value is None:
        return None
    return json.loads(json.dumps(value, default=str, sort_keys=True))


def _digest(fields: dict[str, Any]) -> str:
    blob = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def _hash_fields(entry: AuditEntry) -> dict[str, Any]:
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
    with transaction.atomic():
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
        entry.hash = _digest(_hash_fields(entry))
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


def verify(batch: int = 2000) -> Verification:
    """Walk the chain in order; report the first entry that is missing, edited or out of place."""
    expected_prev, expected_seq, checked = GENESIS, 1, 0
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
            if _digest(_hash_fields(entry)) != entry.hash:
                return Verification(False, checked, entry.seq, "content was changed after it was written")
            expected_prev, expected_seq = entry.hash, expected_seq + 1
            checked += 1
        last_id = rows[-1].seq
    head = AuditHead.objects.filter(pk=1).first()
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != checked or head_hash != expected_prev:
        return Verification(False, checked, checked + 1, "newest entries were deleted")
    return Verification(True, checked)
