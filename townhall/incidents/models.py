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
        ESCALATED = "escalated", "Escalated to the Director of Governance"
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
    # Where it was reported from (a listened mention, an inbox conversation, a published post) and
    # what that item said when it was reported: the original can vanish before anyone looks.
    source_kind = models.CharField(max_length=20, blank=True)
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    captured = models.JSONField(default=dict, blank=True)
    # The reporter asked that assignees not see their name (governance still does).
    withhold_name = models.BooleanField(default=False)
    # Response target (from the severity), reminder sent, escalated to the Director of Governance.
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(null=True, blank=True)
    legal_hold = models.BooleanField(default=False, help_text="Never deleted by retention while held.")
    linked = models.ManyToManyField("self", blank=True, symmetrical=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Incident #{self.pk}: {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.TRIAGING, self.Status.ESCALATED)


def evidence_path(instance: Evidence, filename: str) -> str:
    """Stored under a random name: the uploaded name is kept in a column, never trusted as a path."""
    import secrets

    return f"incidents/{instance.incident_id}/{secrets.token_hex(16)}"


class Evidence(models.Model):
    """An uploaded screenshot or PDF, stored through Django's storage API (never in a database row)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=evidence_path, max_length=300)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "pk"]


class Event(models.Model):
    """The incident's timeline: every comment and every change, in order."""

    class Kind(models.TextChoices):
        REPORTED = "reported", "Reported"
        COMMENT = "comment", "Comment"
        CHANGE = "change", "Change"
        EVIDENCE = "evidence", "Evidence added"
        REMINDER = "reminder", "Reminder"
        ESCALATION = "escalation", "Escalation"
        CONTAINMENT = "containment", "Containment"

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                              related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class IncidentNotice(models.Model):
    """An in-app notice about an incident (always sent; e-mail only when SMTP is set up)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="incident_notices")
    incident = models.ForeignKey(Incident, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class IncidentSettings(models.Model):
    """Governance's settings for incidents (one row): response targets and how long records are kept."""

    target_high_hours = models.PositiveIntegerField("Response target, high severity (hours)", default=4)
    target_medium_hours = models.PositiveIntegerField("Response target, medium severity (hours)", default=24)
    target_low_hours = models.PositiveIntegerField("Response target, low severity (hours)", default=72)
    remind_before_hours = models.PositiveIntegerField("Remind the assignee this many hours before", default=1)
    retention_years = models.PositiveIntegerField("Keep closed incidents for (years)", default=6)

    @classmethod
    def get(cls) -> IncidentSettings:
        return cls.objects.get_or_create(pk=1)[0]

    def target_hours(self, severity: str) -> int:
        return {"high": self.target_high_hours, "low": self.target_low_hours}.get(severity, self.target_medium_hours)


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
