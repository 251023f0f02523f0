"""Sign the existing audit trail with the audit key (HMAC-SHA256 instead of plain SHA-256).

Chosen over keeping a "legacy up to here" boundary: a boundary stored in the database could be
moved by the very attacker the key is meant to stop (declare every row legacy, recompute plain
SHA-256), so after this migration there is one rule for every entry. The old chain is checked
first and the result is written into the trail: an "audit.rekeyed" entry, itself signed, holds
the number of entries, the old head hash (so an anchor or backup taken before the upgrade can
still be compared) and whether the old chain was intact, and where it broke if not. Re-signing
cannot launder a past edit silently: a broken old chain is named in that entry.
"""

from django.db import migrations, models
from django.utils import timezone

BATCH = 1000


def rekey(apps, schema_editor):
    from townhall.audit import keys
    from townhall.audit.services import GENESIS, hash_fields, keyed_digest, legacy_digest

    AuditEntry = apps.get_model("audit", "AuditEntry")
    AuditHead = apps.get_model("audit", "AuditHead")
    if not AuditEntry.objects.exists():
        return
    kid, key = keys.current()
    old_prev, new_prev, expected_seq, count = GENESIS, GENESIS, 1, 0
    broken = ""
    last = 0
    while True:
        rows = list(AuditEntry.objects.filter(seq__gt=last).order_by("seq")[:BATCH])
        if not rows:
            break
        for entry in rows:
            if not broken:
                if entry.seq != expected_seq:
                    broken = f"entry #{expected_seq} was missing"
                elif entry.prev_hash != old_prev:
                    broken = f"entry #{entry.seq} did not link to the one before"
                elif legacy_digest(hash_fields(entry, with_key_id=False)) != entry.hash:
                    broken = f"entry #{entry.seq} had been changed"
            old_prev, expected_seq = entry.hash, entry.seq + 1
            entry.prev_hash, entry.key_id = new_prev, kid
            entry.hash = keyed_digest(hash_fields(entry), key)
            new_prev = entry.hash
            count += 1
        AuditEntry.objects.bulk_update(rows, ["prev_hash", "hash", "key_id"])
        last = rows[-1].seq
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and not broken and (head.seq != count or head.hash != old_prev):
        broken = "the newest entries had been deleted"
    entry = AuditEntry(
        seq=last + 1, at=timezone.now(), actor_id=None, actor_label="system", action="audit.rekeyed",
        object_type="audit", object_id="", object_repr="audit trail",
        before={"hash": "sha256", "entries": count, "head_hash": old_prev},
        after={"hash": "hmac-sha256", "old_chain": f"broken: {broken}" if broken else "intact"},
        prev_hash=new_prev, key_id=kid,
    )
    entry.hash = keyed_digest(hash_fields(entry), key)
    entry.save()
    AuditHead.objects.update_or_create(pk=1, defaults={"seq": entry.seq, "hash": entry.hash})


class Migration(migrations.Migration):

    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="auditentry",
            name="key_id",
            field=models.CharField(blank=True, default="", max_length=16),
        ),
        migrations.RunPython(rekey, migrations.RunPython.noop),
    ]
