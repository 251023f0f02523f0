"""The registry of the institution's official accounts.

Only institutional accounts live here. Personal accounts of staff are never registered,
connected or monitored: that is a promise of the product.
"""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import models
from django.utils import timezone

from townhall.core.models import OrgUnit


class Network(models.TextChoices):
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    X = "x", "X"
    LINKEDIN = "linkedin", "LinkedIn"
    THREADS = "threads", "Threads"
    FACEBOOK = "facebook", "Facebook"
    INSTAGRAM = "instagram", "Instagram"
    YOUTUBE = "youtube", "YouTube"
    TIKTOK = "tiktok", "TikTok"


class Purpose(models.TextChoices):
    RESEARCH = "research", "Research"
    TEACHING = "teaching", "Teaching and learning"
    COLLABORATION = "collaboration", "Collaboration"
    COMMUNICATIONS = "communications", "Communications and external relations"
    STUDENTS = "students", "Student engagement"
    ALUMNI = "alumni", "Alumni engagement"
    UNION = "union", "Students' union"


class Account(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Approved, being set up"
        ACTIVE = "active", "Active"
        DORMANT = "dormant", "Dormant"
        ARCHIVED = "archived", "Archived"

    network = models.CharField(max_length=20, choices=Network.choices)
    handle = models.CharField(max_length=200)
    display_name = models.CharField(max_length=200, blank=True)
    profile_url = models.URLField(blank=True)
    service_url = models.URLField(blank=True, help_text="The server for federated networks (PDS, instance).")
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="accounts")
    purpose = models.CharField(max_length=20, choices=Purpose.choices, default=Purpose.COMMUNICATIONS)
    audiences = models.JSONField(default=list, blank=True)
    owners = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="owned_accounts")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    content_plan = models.TextField(blank=True)
    # Cadence plan: the publishing cadence guard enforces these.
    cadence_per_week = models.PositiveSmallIntegerField(default=3)
    min_gap_minutes = models.PositiveIntegerField(default=60)
    max_per_day = models.PositiveSmallIntegerField(default=4)
    quiet_start = models.TimeField(default=time(21, 0))
    quiet_end = models.TimeField(default=time(7, 0))
    review_date = models.DateField(null=True, blank=True)
    last_posted_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["network", "handle"]
        constraints = [models.UniqueConstraint(fields=["network", "handle"], name="unique_handle_per_network")]

    def __str__(self) -> str:
        return f"{self.get_network_display()} {self.handle}"

    def is_owned_by(self, user) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return self.owners.filter(pk=user.pk).exists()
