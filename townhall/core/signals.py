"""Audit changes to people and units however they are made (admin, shell, API).

Roles, activation, superuser status and review scopes decide who may govern what, so a
change to any of them is itself a governance action.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_save, pre_save
from django.dispatch import receiver

from townhall.audit.services import record
from townhall.core.actor import current_actor
from townhall.core.models import OrgUnit, User

WATCHED_USER_FIELDS = ["role", "is_active", "is_staff", "is_superuser", "org_unit"]


def _pick(obj, fields):
    return {f: getattr(obj, f + "_id" if f == "org_unit" else f) for f in fields}


@receiver(pre_save, sender=User)
def _remember_user(sender, instance: User, **kwargs):
    old = User.objects.filter(pk=instance.pk).first() if instance.pk else None
    instance._audit_before = _pick(old, WATCHED_USER_FIELDS) if old else None


@receiver(post_save, sender=User)
def _audit_user(sender, instance: User, created: bool, **kwargs):
    after = _pick(instance, WATCHED_USER_FIELDS)
    before = getattr(instance, "_audit_before", None)
    if created:
        record(current_actor(), "user.created", instance, after=after)
    elif before != after:
        changed = {k: v for k, v in after.items() if before.get(k) != v}
        record(current_actor(), "user.changed", instance, before={k: before[k] for k in changed}, after=changed)


@receiver(m2m_changed, sender=User.review_units.through)
def _audit_review_scope(sender, instance, action, pk_set, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, User):
        record(
            current_actor(),
            "user.review_scope_changed",
            instance,
            after={"action": action.removeprefix("post_"), "units": sorted(pk_set or [])},
        )


@receiver(post_save, sender=OrgUnit)
def _audit_unit(sender, instance: OrgUnit, created: bool, **kwargs):
    record(
        current_actor(),
        "org_unit.created" if created else "org_unit.changed",
        instance,
        after={"name": instance.name, "kind": instance.kind, "parent_id": instance.parent_id},
    )
