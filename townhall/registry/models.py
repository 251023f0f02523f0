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


class Audience(models.TextChoices):
    PROSPECTIVE_STUDENTS = "prospective_students", "Prospective students"
    CURRENT_STUDENTS = "current_students", "Current students"
    INTERNATIONAL_STUDENTS = "international_students", "International students"
    PARENTS = "parents", "Parents and supporters"
    ALUMNI = "alumni", "Alumni"
    RESEARCHERS = "researchers", "Researchers and academic peers"
    INDUSTRY = "industry", "Industry and employers"
    POLICYMAKERS = "policymakers", "Policymakers"
    JOURNALISTS = "journalists", "Journalists and media"
    FUNDERS = "funders", "Funders and donors"
    LOCAL_COMMUNITY = "local_community", "Local community"
    GENERAL_PUBLIC = "general_public", "General public"
    STAFF = "staff", "Staff"


# The account's plan and security checklist: what owners keep up to date, in the edit form,
# the API and the CSV import/export alike (one list, so the three cannot drift apart).
PLAN_AND_SECURITY_FIELDS = [
    "audiences",
    "content_plan",
    "cadence_per_week",
    "min_gap_minutes",
    "max_per_day",
    "quiet_start",
    "quiet_end",
    "review_date",
    "mfa_enabled",
    "recovery_email",
    "people_with_access",
    "credentials_rotated_on",
]


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
    content_plan = models.TextField(blank=True, max_length=20_000)
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
    status_changed_at = models.DateTimeField(null=True, blank=True)
    # Security checklist (the vault and the owners list supply the other items).
    mfa_enabled = models.BooleanField("Multi-factor sign-in is on at the network", default=False)
    recovery_email = models.EmailField(
        blank=True, help_text="The address the network sends resets to: a role mailbox, not a person's."
    )
    people_with_access = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="How many people can sign in to the network account directly."
    )
    credentials_rotated_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the network password was last changed (if not through the vault).",
    )
    # Decommissioning.
    archived_at = models.DateTimeField(null=True, blank=True)
    archive_reason = models.TextField(blank=True, max_length=10_000)
    handover = models.JSONField(default=dict, blank=True)
    successor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The account followers were pointed to when this one closed.",
    )

    class Meta:
        ordering = ["network", "handle"]
        constraints = [models.UniqueConstraint(fields=["network", "handle"], name="unique_handle_per_network")]

    def __str__(self) -> str:
        return f"{self.get_network_display()} {self.handle}"

    def is_owned_by(self, user) -> bool:
        if user is None or not user.is_authenticated:
            return False
        return self.owners.filter(pk=user.pk).exists()


class Credential(models.Model):
    """An account's network credential, encrypted at rest (see `townhall.registry.vault`).

    One row per account. Only ciphertext and a keyed fingerprint are stored: the
    fingerprint (an HMAC under a key derived from the vault key) lets the vault notice the
    same secret stored for two accounts without ever comparing plaintext. Revoking wipes
    the ciphertext and keeps the row as evidence of when it happened.
    """

    class Kind(models.TextChoices):
        APP_PASSWORD = "app_password", "App password"
        PASSWORD = "password", "Password"
        OAUTH_TOKEN = "oauth_token", "OAuth access token"
        API_TOKEN = "api_token", "API token"

    account = models.OneToOneField(Account, on_delete=models.CASCADE, related_name="credential")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.APP_PASSWORD)
    ciphertext = models.TextField(blank=True, editable=False)
    fingerprint = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    stored_at = models.DateTimeField(default=timezone.now)
    stored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    encrypted_at = models.DateTimeField(default=timezone.now, help_text="When the ciphertext was last (re)encrypted.")
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.account}"

    @property
    def is_usable(self) -> bool:
        return bool(self.ciphertext) and self.revoked_at is None


class AccountRequest(models.Model):
    """A staff member asks for a new institutional account; the digital team advises and decides.

    The questions are the ones the digital team needs to advise well: who the audience is
    and where it already is, why existing accounts will not do, who will run it and for
    how long each week, and whether the requester knows the network from personal use.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Awaiting review"
        CHANGES = "changes", "Changes requested"
        APPROVED = "approved", "Approved"
        DECLINED = "declined", "Declined"
        WITHDRAWN = "withdrawn", "Withdrawn"

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="account_requests"
    )
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="account_requests")
    network = models.CharField(max_length=20, choices=Network.choices)
    handle = models.CharField(max_length=200, blank=True, help_text="The handle you would like, if you know it.")
    display_name = models.CharField(max_length=200, blank=True)
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    audiences = models.JSONField(default=list)
    audience_presence = models.TextField(
        max_length=10_000, help_text="Where your audience already is, and how you know."
    )
    why_not_existing = models.TextField(
        max_length=10_000, help_text="Why the existing institutional accounts will not do."
    )
    content_plan = models.TextField(max_length=20_000)
    cadence_per_week = models.PositiveSmallIntegerField(default=3)
    co_owners = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    runners = models.TextField(max_length=10_000, help_text="Who will run the account day to day.")
    hours_per_week = models.DecimalField(max_digits=4, decimal_places=1)
    used_personally = models.BooleanField(default=False)
    personal_experience = models.TextField(blank=True, max_length=10_000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True, max_length=10_000)
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.SET_NULL, related_name="requests")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        what = self.handle or self.display_name or "new account"
        return f"Request for {self.get_network_display()} {what} ({self.org_unit})"

    @property
    def created_by_id(self) -> int | None:
        """The requester, for the permission rule that nobody approves their own request."""
        return self.requested_by_id

    def is_owned_by(self, user) -> bool:
        return bool(user is not None and user.is_authenticated and user.pk == self.requested_by_id)


class NetworkAudience(models.Model):
    """One row of the recommendation table: how much an audience uses a network, and why we think so.

    Ships seeded from townhall/registry/data/network_audiences.csv; admins edit it in the
    admin as the evidence changes.
    """

    audience = models.CharField(max_length=40, choices=Audience.choices)
    network = models.CharField(max_length=20, choices=Network.choices)
    strength = models.PositiveSmallIntegerField(
        default=2, help_text="3: the main place to reach them; 2: a good place; 1: some of them; 0: avoid."
    )
    reason = models.TextField(max_length=2000)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["audience", "-strength", "network"]
        constraints = [models.UniqueConstraint(fields=["audience", "network"], name="unique_audience_network")]

    def __str__(self) -> str:
        return f"{self.get_audience_display()} on {self.get_network_display()} ({self.strength})"


class Notice(models.Model):
    """An in-app message to one person: decisions on their requests and registry reminders.

    `key` identifies the subject (e.g. "rotation:12") so periodic reminders are not repeated
    while an earlier one is still unread.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="registry_notices")
    key = models.CharField(max_length=100, db_index=True)
    message = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    account = models.ForeignKey(Account, null=True, blank=True, on_delete=models.CASCADE, related_name="notices")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.message[:80]
