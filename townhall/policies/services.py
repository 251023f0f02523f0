"""Writes: first-run setup, drafts, publishing, rollback, impact preview, acknowledgements.

Every write is audited. A pack that does not validate never reaches the database as a draft,
and publishing re-validates the draft inside the transaction, so a corrupt or invalid pack can
never become the current version (the one every check in the app uses).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from townhall.audit.services import record
from townhall.core import locks
from townhall.core.permissions import require
from townhall.policies import selectors
from townhall.policies.models import Acknowledgement, AckReminder, Institution, PolicyVersion
from townhall.policy.pack import DEFAULT_PACK_PATH, Pack, PackError, pack_from_text

# Publishing a version that would newly block more than this share of past approved posts
# needs an explicit confirmation.
CONFIRM_SHARE = 0.05


class NeedsConfirmation(ValidationError):
    """Publishing would block many past approved posts; the caller must confirm."""


def _institution_section(names: list[str], domains: list[str], handles: list[str], discouraged: list[str],
                         contacts: list[str]) -> dict:
    section: dict[str, Any] = {"name": names[0]}
    if names[1:]:
        section["aliases"] = [*names[1:]]
    section["domains"] = domains
    section["official_handles"] = handles
    section["public_contacts"] = contacts
    section["discouraged_names"] = discouraged
    return section


def pack_yaml_for(base_text: str, institution_section: dict) -> str:
    """``base_text`` with its institution section replaced (the rest kept as written)."""
    data = yaml.safe_load(base_text)
    data["institution"] = {**data.get("institution", {}), **institution_section}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def setup_institution(actor: Any, *, names: list[str], domains: list[str], handles: list[str],
                      discouraged: list[str] | None = None, public_contacts: list[str] | None = None,
                      **profile: Any) -> Institution:
    """First run: the institution's profile and version 1 of its policy (the shipped rules,
    with its own names, domains and handles)."""
    require(actor, "institution.manage")
    names = [n.strip() for n in names if n.strip()]
    if not names:
        raise ValidationError("Give the institution's name.")
    with transaction.atomic():
        inst = selectors.institution()
        created = inst is None
        if inst is None:
            inst = Institution(name=names[0])
        before = {"name": inst.name} if not created else None
        inst.name = names[0]
        for key, value in profile.items():
            setattr(inst, key, value)
        inst.full_clean()
        inst.save()
        record(actor, "institution.setup" if created else "institution.update", inst, before=before,
               after={"name": inst.name, **{k: str(v) for k, v in profile.items()}})
        if selectors.current_version() is None:
            text = pack_yaml_for(
                DEFAULT_PACK_PATH.read_text(encoding="utf-8"),
                _institution_section(names, domains, handles, discouraged or [], public_contacts or []),
            )
            save_draft(actor, text, inst=inst)
            publish(actor, note=f"First policy for {inst.name}.", ack_mode=PolicyVersion.Ack.INFO, confirm=True)
    return inst


def save_draft(
    actor: Any, text: str, *, inst: Institution | None = None, source: str = "policy.yaml"
) -> PolicyVersion:
    """Validate ``text`` and make it the draft. Raises PackError ('FILE:LINE: key: message');
    nothing changes when it does not validate."""
    require(actor, "policy.edit")
    pack_from_text(text, source)  # raises PackError with key and line
    inst = inst or selectors.institution()
    if inst is None:
        raise ValidationError("Set up the institution first.")
    with transaction.atomic():
        locks.hold("townhall-policy-draft")  # two first drafts saved at once: one waits, then edits it
        drafts = PolicyVersion.objects.select_for_update().filter(institution=inst, status=PolicyVersion.Status.DRAFT)
        d = drafts.first()
        before = d.sha256 if d else None
        if d is None:
            d = PolicyVersion(institution=inst, created_by=actor, based_on=selectors.current_version())
        d.yaml_text = text
        d.save()
        record(actor, "policy.draft", d, before={"sha256": before}, after={"sha256": d.sha256})
    return d


def discard_draft(actor: Any) -> None:
    require(actor, "policy.edit")
    d = selectors.draft()
    if d is not None:
        record(actor, "policy.discard_draft", d, before={"sha256": d.sha256})
        d.delete()


def publish(actor: Any, *, note: str, ack_mode: str = PolicyVersion.Ack.REQUIRED, confirm: bool = False,
            impact_share: float | None = None, expected_sha256: str | None = None) -> PolicyVersion:
    """Publish the draft as the next version. Needs a change note; re-validates the text.

    ``expected_sha256``: the fingerprint of the draft the publisher reviewed (the page sends it);
    if someone saved another draft meanwhile, nothing is published (review of 2026-12-06: the
    other text went out under the first person's name and note, its impact unchecked)."""
    require(actor, "policy.publish")
    note = (note or "").strip()
    if not note:
        raise ValidationError("Say what changed and why: publishing needs a change note.")
    if ack_mode not in PolicyVersion.Ack.values:
        raise ValidationError("Choose whether staff must acknowledge this version.")
    with transaction.atomic():
        d = PolicyVersion.objects.select_for_update().filter(status=PolicyVersion.Status.DRAFT).first()
        if d is None:
            raise ValidationError("There is no draft to publish.")
        if expected_sha256 is not None and d.sha256 != expected_sha256:
            raise ValidationError(
                "The draft was changed since you reviewed it; look at it again (and at its impact) before publishing."
            )
        try:
            pack = pack_from_text(d.yaml_text, "draft")
            pack.compiled()
        except PackError as exc:
            raise ValidationError(f"The draft does not validate: {exc.errors[0]}") from None
        if not confirm:
            share = impact_share if impact_share is not None else impact(d, limit=1000, seconds=5.0).blocked_share
            if share > CONFIRM_SHARE:
                raise NeedsConfirmation(
                    f"This version would block {share:.0%} of recent approved posts. Confirm to publish it anyway."
                )
        last = selectors.published().filter(institution=d.institution).values_list("number", flat=True).first() or 0
        d.number = last + 1
        d.status = PolicyVersion.Status.PUBLISHED
        d.note = note
        d.ack_mode = ack_mode
        d.published_by = actor
        d.published_at = timezone.now()
        # The row is still a draft in the database, so save() accepts this one transition.
        d.save()
        record(actor, "policy.publish", d, after={"number": d.number, "sha256": d.sha256, "note": note,
                                                  "acknowledgement": ack_mode})
    return d


def rollback(actor: Any, number: int, *, note: str = "", ack_mode: str = PolicyVersion.Ack.REQUIRED) -> PolicyVersion:
    """Publish a new version with version ``number``'s text (history is never rewritten)."""
    require(actor, "policy.publish")
    old = selectors.version(number)
    if old is None:
        raise ValidationError(f"There is no published version {number}.")
    with transaction.atomic():
        # No select_related here: PostgreSQL refuses FOR UPDATE across the nullable author join.
        pending = PolicyVersion.objects.select_for_update().filter(
            institution=old.institution, status=PolicyVersion.Status.DRAFT
        ).first()
        if pending is not None and pending.yaml_text != old.yaml_text:
            # Rolling back through the draft would overwrite someone's unpublished work (review of
            # 2026-12-06: it was lost, only its fingerprint left in the audit trail).
            who = pending.created_by.label if pending.created_by_id else "someone"
            raise ValidationError(
                f"There is an unpublished draft (started by {who}). Publish or discard it before rolling back."
            )
        d = save_draft(actor, old.yaml_text, inst=old.institution)
        d.rolled_back_from = number
        d.save()
        v = publish(actor, note=note or f"Rolled back to version {number}.", ack_mode=ack_mode, confirm=True)
        record(actor, "policy.rollback", v, after={"number": v.number, "content_of": number})
    return v


# --- impact preview ------------------------------------------------------------------------


@dataclass
class Change:
    post_id: int | None
    text: str
    code: str
    before: str  # severity, or "none"
    after: str


@dataclass
class Impact:
    checked: int = 0
    approved_checked: int = 0
    approved_newly_blocked: int = 0
    truncated: bool = False
    changes: list[Change] = field(default_factory=list)
    example_changes: list[Change] = field(default_factory=list)
    per_rule: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def blocked_share(self) -> float:
        return self.approved_newly_blocked / self.approved_checked if self.approved_checked else 0.0


def _worst(findings: list[Any]) -> dict[str, str]:
    from townhall.policy.types import SEVERITY_RANK

    out: dict[str, str] = {}
    for f in findings:
        if SEVERITY_RANK[f.severity] > SEVERITY_RANK.get(out.get(f.code, "off"), -1):
            out[f.code] = f.severity
    return out


def _compare(before: Pack, after: Pack, text: str, ctx: Any) -> list[tuple[str, str, str]]:
    from townhall.policy import check

    a, b = _worst(check(text, ctx, before)), _worst(check(text, ctx, after))
    return [(code, a.get(code, "none"), b.get(code, "none")) for code in sorted(set(a) | set(b))
            if a.get(code, "none") != b.get(code, "none")]


def impact(d: PolicyVersion, *, limit: int = 1000, seconds: float = 10.0) -> Impact:
    """Re-check the last ``limit`` posts and every rule example with the current pack and the
    draft; what would newly block or warn, and which findings disappear, per rule. Stops after
    ``seconds`` (``truncated``) so the page always answers."""
    from django.db.models import Prefetch

    from townhall.policy import Context, ImageRef
    from townhall.policy.registry import rules_registry
    from townhall.publishing.models import Post, PostImage

    current, _ = selectors.current_pack()
    draft_pack = pack_from_text(d.yaml_text, "draft")
    out = Impact()
    deadline = time.monotonic() + seconds
    approved = {Post.Status.APPROVED, Post.Status.SCHEDULED, Post.Status.PUBLISHING, Post.Status.PUBLISHED}
    # The images' alt text only (one query, not one per post; never the image bytes).
    alts = Prefetch("images", queryset=PostImage.objects.only("id", "post_id", "alt", "position"))
    posts = Post.objects.order_by("-created_at").prefetch_related("deliveries__account", alts)[:limit]
    for post in posts:
        if time.monotonic() > deadline:
            out.truncated = True
            break
        deliveries = list(post.deliveries.all())
        account = deliveries[0].account if deliveries else None
        network = account.network if account and account.network in _NETWORKS else "bluesky"
        kind = "research" if account and account.purpose in ("research", "teaching") else "official"
        ctx = Context(network, kind, [ImageRef(i.alt) for i in post.images.all()], scholarly=post_scholarly(post))
        newly_blocked = False
        for code, was, now in _compare(current, draft_pack, post.text, ctx):
            out.changes.append(Change(post.pk, post.text, code, was, now))
            stats = out.per_rule.setdefault(code, {"block": 0, "warn": 0, "gone": 0})
            if now == "block":
                stats["block"] += 1
                newly_blocked = True
            elif now == "warn" and was != "block":
                stats["warn"] += 1
            elif now == "none" or (was == "block"):
                stats["gone"] += 1
        out.checked += 1
        if post.status in approved:
            out.approved_checked += 1
            out.approved_newly_blocked += newly_blocked
    for code, r in rules_registry().items():
        for ex in r.examples:
            ctx = Context(ex.network, ex.account, [ImageRef(a) for a in ex.alts])
            for c, was, now in _compare(current, draft_pack, ex.text, ctx):
                if c == code:
                    out.example_changes.append(Change(None, ex.text, code, was, now))
    return out


_NETWORKS = {"x", "bluesky", "mastodon", "linkedin", "threads", "facebook", "instagram"}


def post_scholarly(post: Any) -> bool:
    return bool(post.scholarly)


# --- acknowledgements ----------------------------------------------------------------------


def acknowledge(user: Any, v: PolicyVersion) -> Acknowledgement:
    require(user, "policy.acknowledge")
    if not v.is_published:
        raise ValidationError("Only a published version can be acknowledged.")
    ack, created = Acknowledgement.objects.get_or_create(version=v, user=user)
    if created:
        record(user, "policy.acknowledge", v, after={"number": v.number})
    return ack


def remind_unacknowledged(now: Any = None, every_days: int = 7) -> int:
    """Remind, at most weekly, everyone who has not acknowledged the newest required version."""
    from datetime import timedelta

    from townhall.core.mail import email_people
    from townhall.core.models import User

    now = now or timezone.now()
    v = selectors.published().filter(ack_mode=PolicyVersion.Ack.REQUIRED).first()
    if v is None:
        return 0
    done = Acknowledgement.objects.filter(version=v).values("user_id")
    recent = AckReminder.objects.filter(version=v, at__gte=now - timedelta(days=every_days)).values("user_id")
    people = list(User.objects.filter(is_active=True).exclude(pk__in=done).exclude(pk__in=recent))
    for person in people:
        AckReminder.objects.update_or_create(version=v, user=person, defaults={"at": now})
    email_people(
        people,
        f"Please read and acknowledge version {v.number} of the social media policy",
        f"The social media policy changed: {v.note}\nPlease read what changed and acknowledge it.",
        "/policy/acknowledge/",
    )
    return len(people)
