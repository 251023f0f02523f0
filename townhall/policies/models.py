"""The institution's profile and its policy, stored as immutable published versions.

A published ``PolicyVersion`` never changes: the findings stored with a post name the version
they were made with, so the version must still say what it said then. Edits go to the one
draft; publishing turns the draft into the next number; a rollback publishes a new version
with an old version's text. The guards are in ``save``/``delete`` so no code path (admin,
shell, a future view) can rewrite history.
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class Institution(models.Model):
    """Who the institution is, and the contacts and wording the guidance refers staff to.

    The names, aliases, domains and handles the *checks* use live in the policy pack (so a
    version records them); this row holds what people read: contacts, links, wording."""

    name = models.CharField(max_length=200)
    digital_team_email = models.EmailField("Digital team e-mail", blank=True)
    governance_name = models.CharField("Director of Governance", max_length=200, blank=True)
    governance_contact = models.CharField("Director of Governance's contact", max_length=200, blank=True)
    policy_url = models.URLField("Full social media policy", blank=True)
    brand_url = models.URLField("Brand guidelines", blank=True)
    concern_howto = models.TextField("How to report a concern", blank=True)
    breach_consequence = models.TextField(
        "What a breach of the policy may lead to",
        blank=True,
        default="Any breach of the Social Media Policy may result in disciplinary action.",
    )
    monitoring_notice = models.TextField("ICT monitoring notice", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name


class ImmutableVersionError(ValidationError):
    """Raised when code tries to change or delete a published policy version."""


class PolicyVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    class Ack(models.TextChoices):
        REQUIRED = "required", "Staff must acknowledge it"
        INFO = "info", "For information"

    institution = models.ForeignKey(Institution, on_delete=models.PROTECT, related_name="versions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    number = models.PositiveIntegerField(null=True, blank=True)
    yaml_text = models.TextField()
    sha256 = models.CharField(max_length=64, editable=False)
    note = models.TextField(blank=True)
    ack_mode = models.CharField(max_length=10, choices=Ack.choices, default=Ack.INFO)
    based_on = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    rolled_back_from = models.PositiveIntegerField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-number", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "number"], name="policy_version_number_unique"),
            models.UniqueConstraint(
                fields=["institution"], condition=models.Q(status="draft"), name="policy_one_draft"
            ),
        ]
        indexes = [models.Index(fields=["status", "number"], name="policies_po_status_5b2f0e_idx")]

    def __str__(self) -> str:
        return f"version {self.number}" if self.number else "draft"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = PolicyVersion.objects.filter(pk=self.pk).values_list("status", flat=True).first()
            if stored == self.Status.PUBLISHED:
                raise ImmutableVersionError("A published policy version cannot be changed; publish a new one.")
        self.sha256 = hashlib.sha256(self.yaml_text.encode("utf-8")).hexdigest()
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        if PolicyVersion.objects.filter(pk=self.pk, status=self.Status.PUBLISHED).exists():
            raise ImmutableVersionError("A published policy version cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Acknowledgement(models.Model):
    """A person confirmed they read a version that needed acknowledging."""

    version = models.ForeignKey(PolicyVersion, on_delete=models.PROTECT, related_name="acknowledgements")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="policy_acks")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="policy_ack_once")]


class AckReminder(models.Model):
    """When a person was last reminded about a version (reminders are at most weekly)."""

    version = models.ForeignKey(PolicyVersion, on_delete=models.CASCADE, related_name="reminders")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "user"], name="policy_reminder_once")]
