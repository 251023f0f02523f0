"""Posts, their per-account deliveries, comments and notifications.

A `Post` is what a person writes and what is approved; a `Delivery` is that post going
to one account, with its own state, idempotency key and network result. A post for three
accounts is three deliveries: one can fail (revoked credentials) while the others go out.
"""

from __future__ import annotations

import secrets
import time

from django.conf import settings
from django.db import models
from django.utils import timezone

from townhall.registry.models import Account

_B32 = "234567abcdefghijklmnopqrstuvwxyz"


def new_tid() -> str:
    """A fresh AT Protocol TID (13 chars, sortable): the idempotency key of a delivery.

    Using a TID as the key lets the Bluesky connector use it directly as the record key,
    so a retry writes to the same record instead of creating a second post; Mastodon gets
    the same string as its `Idempotency-Key`.
    """
    micros = time.time_ns() // 1000
    value = (micros << 10) | secrets.randbelow(1024)
    out = []
    for _ in range(13):
        out.append(_B32[value & 31])
        value >>= 5
    return "".join(reversed(out))


class Post(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Waiting for approval"
        CHANGES = "changes_requested", "Changes requested"
        REJECTED = "rejected", "Rejected"
        APPROVED = "approved", "Approved (on hold)"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHING = "publishing", "Publishing"
        PUBLISHED = "published", "Published"
        FAILED = "failed", "Failed"

    class Route(models.TextChoices):
        OWNERS = "owners", "Account owners or the digital team"
        DIGITAL = "digital", "Digital team (risk warnings)"
        GOVERNANCE = "governance", "Governance (contentious or confidential)"

    EDITABLE = (Status.DRAFT, Status.CHANGES, Status.REJECTED, Status.FAILED)

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="posts")
    org_unit = models.ForeignKey(
        "core.OrgUnit", null=True, blank=True, on_delete=models.SET_NULL, related_name="posts",
        help_text="The unit of the first target account: the scope of its reviewers.",
    )
    accounts = models.ManyToManyField(Account, through="Delivery", related_name="posts")
    text = models.TextField(max_length=20_000)  # the composer and the API stop there
    # Further parts of a thread, in order; the first part is `text`.
    thread = models.JSONField(default=list, blank=True)
    link_card = models.JSONField(default=dict, blank=True)
    visibility = models.CharField(max_length=20, default="public")
    # The network's id/URI of the post this one answers (a reply from the inbox); the first part
    # is published as a reply to it, so the conversation stays threaded on the network.
    in_reply_to = models.CharField(max_length=500, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True)
    route = models.CharField(max_length=20, choices=Route.choices, default=Route.OWNERS)
    findings = models.JSONField(default=list, blank=True)
    # The published policy version the stored findings were made with (None: the shipped pack).
    policy_version = models.PositiveIntegerField(null=True, blank=True)
    # The author marked the post as research or teaching: contentious topics only inform.
    scholarly = models.BooleanField(default=False)
    scheduled_at = models.DateTimeField(null=True, blank=True, help_text="Stored in UTC.")
    time_zone = models.CharField(max_length=64, default="Europe/London")
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_reason = models.TextField(blank=True, max_length=10_000)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    send_after = models.DateTimeField(null=True, blank=True, help_text="End of the cool-off window.")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        """The post's first words, which is how people recognise a post (never "Post 10")."""
        words = " ".join((self.text or "").split())
        if not words:
            return "Untitled post"
        if len(words) <= 60:
            return words
        return words[:60].rsplit(" ", 1)[0].rstrip(",.;:") + "…"

    def is_reviewed_by(self, user) -> bool:
        """A reviewer reviews the post only if their scope covers every target account's unit: a
        post for a School account and a department's must not pass on the department reviewer's
        word alone (the post's own `org_unit` is only its first account's)."""
        if user is None or not user.is_authenticated:
            return False
        units = {d.account.org_unit for d in self.deliveries.select_related("account__org_unit")}
        return bool(units) and None not in units and all(user.reviews(unit) for unit in units)

    def is_owned_by(self, user) -> bool:
        """Owners of every target account count as the post's owners (they may approve it)."""
        if user is None or not user.is_authenticated:
            return False
        account_ids = list(self.deliveries.values_list("account_id", flat=True))
        if not account_ids:
            return False
        owned = Account.objects.filter(pk__in=account_ids, owners=user).count()
        return owned == len(set(account_ids))

    @property
    def parts(self) -> list[str]:
        return [self.text, *[p for p in self.thread if p.strip()]]

    @property
    def editable(self) -> bool:
        return self.status in self.EDITABLE


class PostImage(models.Model):
    """An image attached to the first part of a post; stored in the database so a post is whole."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    data = models.BinaryField()
    mime_type = models.CharField(max_length=50)
    alt = models.TextField(max_length=5000)
    filename = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]


class Delivery(models.Model):
    """One post going to one account: the unit of exactly-once publishing."""

    class Status(models.TextChoices):
        PENDING = "pending", "Not yet approved"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHING = "publishing", "Publishing"
        PUBLISHED = "published", "Published"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Held"

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="deliveries")
    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="deliveries")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True)
    idempotency_key = models.CharField(max_length=64, unique=True, default=new_tid)
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    attempt_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    lease_until = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # `attempts` when the current round began (first send, or a person's "Try again"): the
    # attempt limit counts attempts in a round, so a manual retry gets a fresh allowance.
    round_base = models.PositiveSmallIntegerField(default=0)
    # When a request with the current part's key may first have reached the network (set and
    # committed before the call). Mastodon remembers an Idempotency-Key for an hour only: within
    # that window a resend with the same key is safe; after it, reconciliation must look.
    key_sent_at = models.DateTimeField(null=True, blank=True)
    # Set when Townhall could not tell whether the post went out and a person must look; the
    # person's "Try again" means "it is not there, send it".
    check_reason = models.TextField(blank=True)
    # One entry per published thread part: {"remote_id": ..., "url": ...}.
    results = models.JSONField(default=list, blank=True)
    remote_id = models.CharField(max_length=300, blank=True)
    url = models.URLField(max_length=500, blank=True)
    last_error = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Interaction on the network (likes, reposts, replies, quotes), refreshed by the worker for
    # a month after publishing: did the post start a conversation, or only broadcast?
    metrics = models.JSONField(default=dict, blank=True)
    metrics_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["post", "account"], name="one_delivery_per_account")]

    def __str__(self) -> str:
        return f"{self.post} → {self.account}"

    def part_key(self, index: int) -> str:
        """The idempotency key of one thread part (the first part uses the delivery's key)."""
        return self.idempotency_key if index == 0 else f"{self.idempotency_key}-{index}"


class Comment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(max_length=10_000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
