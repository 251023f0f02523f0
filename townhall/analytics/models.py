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
    campaign = models.ForeignKey(
        "Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="objectives"
    )
    # Where page hits and downloads come from by themselves (see analytics/importers.py).
    web_source = models.CharField(max_length=20, blank=True, help_text="matomo or plausible; empty: none.")
    web_site = models.CharField(max_length=200, blank=True, help_text="Matomo idSite or Plausible site_id.")
    notes = models.TextField(blank=True, max_length=10_000)
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


# How sources for the same objective and day combine: never added together. The day's figure is
# the one from the most trusted source present: a person's correction beats an import, an import
# beats what Townhall counted or fetched itself. Within a tier the most recently recorded wins.
SOURCE_RANK = {"manual": 0, "csv": 1, "ga4": 1, "matomo": 1, "plausible": 1, "connector": 2, "links": 2}


class Measurement(models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", "Entered by hand"
        CSV = "csv", "Imported from a CSV export"
        GA4 = "ga4", "Imported from a Google Analytics export"
        MATOMO = "matomo", "Fetched from Matomo"
        PLAUSIBLE = "plausible", "Fetched from Plausible"
        CONNECTOR = "connector", "Fetched from the network"
        LINKS = "links", "Counted by tracked links"

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


class Campaign(models.Model):
    """A named push ("Clearing 2027") that groups posts, tracked links and objectives, so their
    figures can be read together on one page and in one report."""

    name = models.CharField(max_length=120, unique=True)
    org_unit = models.ForeignKey("core.OrgUnit", on_delete=models.PROTECT, related_name="campaigns")
    description = models.TextField(blank=True, max_length=10_000)
    starts_on = models.DateField(null=True, blank=True)
    ends_on = models.DateField(null=True, blank=True)
    posts = models.ManyToManyField("publishing.Post", blank=True, related_name="campaigns")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def utm_name(self) -> str:
        """The name as web analytics shows it in utm_campaign: lower case, words joined by hyphens."""
        return "-".join("".join(c if c.isalnum() else " " for c in self.name.lower()).split()) or "campaign"


class FollowerCount(models.Model):
    """An account's follower count as the network reported it, once a day (the latest fetch of the
    day wins). New followers for a day are the rise since the previous day's count."""

    account = models.ForeignKey("registry.Account", on_delete=models.CASCADE, related_name="follower_counts")
    day = models.DateField()
    followers = models.PositiveIntegerField()
    fetched_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day"]
        constraints = [models.UniqueConstraint(fields=["account", "day"], name="one_follower_count_per_day")]


class ReportSent(models.Model):
    """Which monthly report went to whom, so the schedule sends each month's report once."""

    month = models.DateField(help_text="First day of the month reported on.")
    scope = models.CharField(max_length=60, help_text="account:ID, unit:ID or campaign:ID")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["month", "scope"], name="one_report_per_month_and_scope")]
