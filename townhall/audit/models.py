"""The audit trail: an append-only, hash-chained log of every governance action.

Each entry's hash is an HMAC-SHA256, under a key kept outside the database
(TOWNHALL_AUDIT_KEYS; `key_id` names which), of its own content and the previous entry's
hash, so editing or deleting any past entry breaks the chain from that point on, and someone
who can write to the database but lacks the key cannot recompute it. `AuditHead` remembers the
latest sequence number and hash, so deleting the newest entries is detected too.
Actors are stored by id and name, not by foreign key: deleting a user must never
rewrite history.
"""

from __future__ import annotations

from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit trail is append-only.")

    def delete(self):
        raise PermissionError("The audit trail is append-only.")


class AuditEntry(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    actor_label = models.CharField(max_length=200)
    action = models.CharField(max_length=100, db_index=True)
    object_type = models.CharField(max_length=100, blank=True)
    object_id = models.CharField(max_length=100, blank=True)
    object_repr = models.CharField(max_length=300, blank=True)
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)
    key_id = models.CharField(max_length=16, blank=True, default="")

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["object_type", "object_id"])]

    def __str__(self) -> str:
        return f"Audit entry {self.seq}: {self.object_repr}" if self.object_repr else f"Audit entry {self.seq}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("The audit trail is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit trail is append-only.")


class AuditHead(models.Model):
    """One row: the newest sequence number and hash; also the lock that serialises appends."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)
