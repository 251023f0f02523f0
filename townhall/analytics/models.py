"""Objectives and the measurements that show progress towards them.

The guidance: "measure the success of your social media activity against clear objectives"
(page hits, referrals from social media, downloads of a document, new contacts). An
objective names one metric, a target and a period; measurements come from manual entry,
CSV exports of web analytics, or connectors.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Metric(models.TextChoices):
    PAGE_HITS = "page_hits", "Page hits"
    REFERRALS = "referrals", "Referrals from social media"
    DOWNLOADS = "downloads", "Downloads"
    CONTACTS = "contacts", "New contacts"
    FOLLOWERS = "followers", "New followers"
    ENGAGEMENTS = "engagements", "Engagements (replies, reposts, likes)"
    APPLICATIONS = "applications", "Applications or sign-ups"


class Objective(models.Model):
    name = models.CharField(max_length=200)
    metric = models.CharField(max_length=20, choices=Metric.choices)
    target = models.PositiveIntegerField()
    period_start = models.DateField()
    period_end = models.DateField()
    account = models.ForeignKey(
        "registry.Account", null=True, blank=True, on_delete=models.CASCADE, related_name="objectives"
    )
    org_unit = models.ForeignKey("core.OrgUnit", on_delete=models.PROTECT, related_name="objectives")
    tracked_url = models.URLField(blank=True, help_text="The page or document whose hits or downloads count.")
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["period_end", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")), name="period_in_order")
        ]

    def __str__(self) -> str:
        return self.name

    def is_owned_by(self, user) -> bool:
        return self.account is not None and self.account.is_owned_by(user)


class Measurement(models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", "Entered by hand"
        CSV = "csv", "Imported from a CSV export"
        CONNECTOR = "connector", "Fetched from the network"

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measurements")
    date = models.DateField()
    value = models.PositiveIntegerField(help_text="The count for that day.")
    source = models.CharField(max_length=20, choices=Source.choices, default=Source.MANUAL)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["objective", "date", "source"], name="one_measurement_per_day_and_source")
        ]
