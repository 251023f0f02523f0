"""Tracked short links and their daily click counters.

A link is served at ``/l/<code>`` and redirects to its target with UTM parameters. Clicks are
kept only as counters per link, day, kind (person or bot), coarse referrer network and device
class: no IP address, no cookie, no user agent string is stored (the guidance asks for
measurement, not tracking people).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class Link(models.Model):
    code = models.CharField(max_length=16, unique=True)
    target = models.CharField(max_length=2048, help_text="The address people asked for, checked and normalised.")
    destination = models.CharField(max_length=2600, help_text="The target with the UTM parameters added.")
    network = models.CharField(max_length=20, blank=True, help_text="utm_source: where the link is posted.")
    campaign_name = models.CharField(max_length=120, blank=True, help_text="utm_campaign as sent.")
    account = models.ForeignKey(
        "registry.Account", null=True, blank=True, on_delete=models.SET_NULL, related_name="links"
    )
    campaign = models.ForeignKey(
        "analytics.Campaign", null=True, blank=True, on_delete=models.SET_NULL, related_name="links"
    )
    post = models.ForeignKey("publishing.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="links")
    org_unit = models.ForeignKey("core.OrgUnit", null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"/l/{self.code}"

    def is_owned_by(self, user) -> bool:
        return self.account is not None and self.account.is_owned_by(user)

    @property
    def short_url(self) -> str:
        return f"{settings.TOWNHALL_SHORT_BASE_URL}/l/{self.code}"

    def expired(self, now=None) -> bool:
        return self.expires_at is not None and (now or timezone.now()) >= self.expires_at


class ClickCount(models.Model):
    """One counter per link, day (site time zone), kind, referrer network and device class.

    Incremented with one atomic INSERT … ON CONFLICT DO UPDATE SET n = n + 1, so concurrent
    clicks never overwrite each other and none is lost."""

    link = models.ForeignKey(Link, on_delete=models.CASCADE, related_name="clicks")
    day = models.DateField()
    bot = models.BooleanField(default=False, help_text="A crawler or link-preview fetcher, not a person.")
    referrer = models.CharField(max_length=20, default="none")
    device = models.CharField(max_length=10, default="unknown")
    n = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["link", "day", "bot", "referrer", "device"], name="one_counter_per_cell")
        ]


class KeepLink(models.Model):
    """A link in a post that its author chose to leave as written (not tracked)."""

    post = models.ForeignKey("publishing.Post", on_delete=models.CASCADE, related_name="+")
    url = models.CharField(max_length=2048)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "url"], name="keep_link_once")]
