"""Incident reports: the guidance's "duty to speak up".

Staff report content that disparages the institution, its staff or students, or a misuse of
social media (a compromised or impersonating account, a harmful post from an official
account). Governance triages them. A report records a link and the reporter's description,
not a copy of anyone's profile: personal data is kept to what the case needs.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Incident(models.Model):
    class Kind(models.TextChoices):
        DISPARAGING = "disparaging", "Content disparaging the institution, staff or students"
        HARASSMENT = "harassment", "Harassment or abuse of staff or students"
        IMPERSONATION = "impersonation", "Impersonation of the institution or an official account"
        COMPROMISED = "compromised", "An official account may be compromised"
        OFFICIAL_POST = "official_post", "A harmful or mistaken post from an official account"
        DATA_LEAK = "data_leak", "Personal or confidential information posted"
        OTHER = "other", "Other misuse of social media"

    class Status(models.TextChoices):
        NEW = "new", "New"
        TRIAGING = "triaging", "Being triaged"
        ACTIONED = "actioned", "Actioned"
        CLOSED = "closed", "Closed, no action needed"

    class Severity(models.TextChoices):
        LOW = "low", "Low"
        MEDIUM = "medium", "Medium"
        HIGH = "high", "High"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    url = models.URLField(max_length=500, blank=True, help_text="Link to the content, if it is online.")
    network = models.CharField(max_length=30, blank=True)
    description = models.TextField(max_length=5000)
    account = models.ForeignKey(
        "registry.Account", null=True, blank=True, on_delete=models.SET_NULL, related_name="incidents"
    )
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.MEDIUM)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reported_incidents"
    )
    created_at = models.DateTimeField(default=timezone.now)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution = models.TextField(blank=True, max_length=5000)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Incident #{self.pk}: {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.TRIAGING)


# --- Containment (issue 14): stop harm from spreading while an incident is handled. ---------


class PublishingPause(models.Model):
    """An institution-wide stop on publishing. The row with `resumed_at` empty is the pause in force.

    Kept as rows, not a flag, so the history of every crisis stop (who, why, how long) stays.
    """

    reason = models.TextField(max_length=2000)
    paused_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    paused_at = models.DateTimeField(default=timezone.now)
    resumed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resumed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-paused_at"]


class AccountLock(models.Model):
    """An official account locked in an emergency: nothing is sent from it or approved for it.

    The account's scheduled posts keep their state and simply wait; unlocking lets them go.
    `rotation_required` flags the credentials: a lock means they may be in the wrong hands.
    """

    account = models.ForeignKey("registry.Account", on_delete=models.CASCADE, related_name="locks")
    reason = models.TextField(max_length=2000)
    incident = models.ForeignKey(Incident, null=True, blank=True, on_delete=models.SET_NULL, related_name="locks")
    locked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    locked_at = models.DateTimeField(default=timezone.now)
    rotation_required = models.BooleanField(default=True)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    unlocked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-locked_at"]


class PostRemoval(models.Model):
    """One published part of a post that Townhall was asked to delete from the network.

    The post keeps these rows as its record of what was removed, when and why; a part whose
    deletion failed keeps its error and is tried again by the next delete request.
    """

    post = models.ForeignKey("publishing.Post", on_delete=models.CASCADE, related_name="removals")
    delivery = models.ForeignKey("publishing.Delivery", on_delete=models.CASCADE, related_name="removals")
    remote_id = models.CharField(max_length=300)
    url = models.URLField(max_length=500, blank=True)
    text = models.TextField(max_length=20_000, blank=True)
    reason = models.TextField(max_length=2000)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["requested_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["delivery", "remote_id"], name="one_removal_per_part")]
