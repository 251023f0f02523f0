"""Saved searches, sources with their cursors, the mentions they found, and spike alerts.

Privacy by design shapes this schema: a `Mention` exists only because it matched a saved
search (`MentionMatch`), carries an `expires_at` after which the retention task deletes it,
and handles on the `NeverStore` list never become rows at all.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone


class SavedSearch(models.Model):
    class Rule(models.TextChoices):
        QUERY = "query", "The query"
        OFFICIAL_ACCOUNTS = "official_accounts", "Replies to and mentions of every official account"

    name = models.CharField(max_length=120)
    query = models.TextField(help_text="See docs/listening.md for the query language.")
    description = models.CharField(max_length=300, blank=True)
    owners = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="saved_searches")
    retention_days = models.PositiveIntegerField(
        null=True, blank=True, help_text="Keep matching mentions this many days (empty: the global setting)."
    )
    active = models.BooleanField(default=True)
    system = models.BooleanField(default=False, help_text="Maintained by Townhall (the inbox search).")
    # The inbox search is a rule, not a query string: "addressed to any registry account" is
    # built from the registry when the pipeline loads, so it covers every account whatever
    # their number (a `to:a OR to:b ...` string ran past the query length limit at ~54).
    rule = models.CharField(max_length=20, choices=Rule.choices, default=Rule.QUERY)
    color = models.CharField(max_length=7, default="#1f5fa8")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "saved searches"
        indexes = [models.Index(fields=["name"], name="listening_search_name")]

    def __str__(self) -> str:
        return self.name

    def is_owned_by(self, user) -> bool:
        return bool(user and user.is_authenticated and self.owners.filter(pk=user.pk).exists())


class Source(models.Model):
    """Where posts come from. The cursor is saved in the same transaction as the mentions."""

    class Kind(models.TextChoices):
        BLUESKY = "bluesky", "Bluesky firehose"
        MASTODON = "mastodon", "Mastodon timeline"
        FEED = "feed", "RSS/Atom feed"
        IMPORT = "import", "CSV/JSON import"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=120, unique=True)
    config = models.JSONField(default=dict, blank=True, help_text="url, instance, hashtag, timeline…")
    cursor = models.TextField(blank=True, default="")
    active = models.BooleanField(default=True)
    poll_minutes = models.PositiveIntegerField(default=5)
    last_polled_at = models.DateTimeField(null=True, blank=True)
    last_ok_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    events_seen = models.BigIntegerField(default=0)
    posts_stored = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"


class Mention(models.Model):
    class Sentiment(models.TextChoices):
        POSITIVE = "positive", "Positive"
        NEUTRAL = "neutral", "Neutral"
        NEGATIVE = "negative", "Negative"

    network = models.CharField(max_length=20)
    remote_id = models.CharField(max_length=500)
    url = models.URLField(max_length=1000, blank=True)
    source = models.ForeignKey(Source, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    author_handle = models.CharField(max_length=300, db_index=True)
    author_name = models.CharField(max_length=300, blank=True)
    author_id = models.CharField(max_length=300, blank=True)
    author_followers = models.PositiveIntegerField(default=0)
    text = models.TextField()
    lang = models.CharField(max_length=8, blank=True)
    created_at = models.DateTimeField(db_index=True)
    collected_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(db_index=True)
    reply_to = models.CharField(max_length=500, blank=True)
    to_handles = models.JSONField(default=list, blank=True)
    hashtags = models.JSONField(default=list, blank=True)
    terms = models.JSONField(default=list, blank=True)
    sentiment = models.CharField(max_length=10, choices=Sentiment.choices, default=Sentiment.NEUTRAL)
    sentiment_score = models.FloatField(default=0.0, help_text="P(positive) - P(negative)")
    abuse = models.FloatField(default=0.0)
    is_question = models.BooleanField(default=False)
    needs_reply = models.BooleanField(default=False)
    text_hash = models.CharField(max_length=32, db_index=True)
    repeats = models.PositiveIntegerField(default=0, help_text="Near-identical copies (reposts) seen and dropped.")
    searches = models.ManyToManyField(SavedSearch, through="MentionMatch", related_name="mentions")

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["network", "remote_id"], name="unique_mention_per_network")]
        # The mentions list pages by (created_at, id) newest first (keyset pagination);
        # text search has its own index on PostgreSQL (migration 0003).
        indexes = [models.Index(fields=["-created_at", "-id"], name="listening_mention_newest")]

    def __str__(self) -> str:
        return f"{self.author_handle}: {self.text[:60]}"


class MentionMatch(models.Model):
    """Which search found which mention; `at` copies the post time so charts need no join."""

    mention = models.ForeignKey(Mention, on_delete=models.CASCADE, related_name="matches")
    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="matches")
    at = models.DateTimeField(db_index=True)
    sentiment = models.CharField(max_length=10, default="neutral")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["mention", "search"], name="unique_match")]
        indexes = [models.Index(fields=["search", "at"])]


class HourCount(models.Model):
    """Matches per search, hour (UTC) and sentiment, kept at ingest: spike detection reads these.

    ``search_id`` 0 counts each mention once if it matched any search that is not the inbox's.
    Kept by `rollups.py` in the transaction that stores (or deletes) the mentions.
    """

    search_id = models.IntegerField()
    hour = models.DateTimeField()
    sentiment = models.CharField(max_length=10)
    n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["search_id", "hour", "sentiment"], name="unique_hour_count")
        ]


class DayCount(models.Model):
    """Counts per search, day (in the site's time zone), dimension and value: the dashboards.

    dim: ``v`` volume (key ""), ``s`` sentiment, ``l`` language, ``t`` matched term, ``h`` hashtag, ``a`` author
    (key "network handle"; ``reach`` is the highest follower count seen that day). A 90-day
    dashboard reads a few thousand of these rows instead of re-aggregating every mention;
    days before today keep only their top values for t/h/l/a (see `rollups.compact`).
    """

    search_id = models.IntegerField()
    dim = models.CharField(max_length=1)
    day = models.DateField()
    key = models.CharField(max_length=320)
    n = models.BigIntegerField(default=0)
    reach = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["search_id", "dim", "day", "key"], name="unique_day_count")
        ]
        # The dashboard's reads, answered from the index alone on PostgreSQL (no heap visits).
        indexes = [models.Index(fields=["search_id", "dim", "day"], include=["key", "n", "reach"],
                                name="listening_daycount_read")]


class NeverStore(models.Model):
    """A personal handle whose posts are dropped before storage, whatever they say."""

    handle = models.CharField(max_length=300, help_text="e.g. jane.bsky.social or @jane@mastodon.social")
    network = models.CharField(max_length=20, blank=True, help_text="Empty: every network.")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="never_store")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["handle"]
        indexes = [models.Index(fields=["user", "handle"], name="listening_never_user")]
        # One entry per person and handle: "already on the list" must not tell someone that a colleague
        # listed the same handle (review 16); two people listing it keep it dropped until both remove it.
        constraints = [
            models.UniqueConstraint(fields=["user", "handle", "network"], name="unique_never_store_per_user"),
        ]

    def __str__(self) -> str:
        return self.handle

    def is_owned_by(self, user) -> bool:
        return bool(user and user.pk == self.user_id)


class Alert(models.Model):
    """A surge against the rolling baseline; links to the mentions in the window."""

    class Kind(models.TextChoices):
        VOLUME = "volume", "Volume spike"
        NEGATIVE = "negative", "Negative sentiment surge"

    search = models.ForeignKey(SavedSearch, on_delete=models.CASCADE, related_name="alerts")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    window_start = models.DateTimeField()
    window_end = models.DateTimeField()
    observed = models.FloatField()
    baseline = models.FloatField()
    message = models.CharField(max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-window_end"]
        indexes = [models.Index(fields=["-window_end"], name="listening_alert_newest")]
        constraints = [
            models.UniqueConstraint(fields=["search", "kind", "window_start"], name="unique_alert_window")
        ]

    def __str__(self) -> str:
        return self.message

    def get_absolute_url(self) -> str:
        return (
            reverse("listening:mentions")
            + f"?search={self.search_id}&since={self.window_start.isoformat()}&until={self.window_end.isoformat()}"
        ).replace("+", "%2B")


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="listening_notes")
    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="notifications")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["user", "alert"], name="unique_notification")]
        indexes = [models.Index(fields=["user", "-created_at"], name="listening_note_user_newest")]
