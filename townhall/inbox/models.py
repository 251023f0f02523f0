"""Conversations: posts addressed to an official account that may need an answer.

A conversation is made from a stored listening `Mention` (so it follows the same privacy
rules and retention) when the post replies to or mentions a registry account.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from townhall.listening.models import Mention
from townhall.registry.models import Account


class Conversation(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ANSWERED = "answered", "Answered"
        NO_REPLY = "no_reply", "No reply needed"

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="conversations")
    mention = models.OneToOneField(Mention, on_delete=models.CASCADE, related_name="conversation")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN, db_index=True)
    is_question = models.BooleanField(default=False)
    needs_reply = models.BooleanField(default=False)
    received_at = models.DateTimeField(db_index=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="conversations"
    )
    first_response_at = models.DateTimeField(null=True, blank=True)
    reply_text = models.TextField(blank=True, max_length=10_000)
    reply_post_id = models.PositiveIntegerField(null=True, blank=True, help_text="publishing.Post id")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # The queue: open first, then questions, then the longest waiting.
        ordering = ["-needs_reply", "-is_question", "received_at"]
        indexes = [
            models.Index(fields=["account", "status"]),
            # The queue's order, with and without a status filter (the inbox pages and API).
            models.Index(fields=["-needs_reply", "-is_question", "received_at"], name="inbox_queue_order"),
            models.Index(fields=["status", "-needs_reply", "-is_question", "received_at"],
                         name="inbox_queue_status_order"),
        ]

    def __str__(self) -> str:
        return f"{self.mention.author_handle} → {self.account.handle}: {self.mention.text[:50]}"

    @property
    def org_unit(self):
        return self.account.org_unit

    def is_owned_by(self, user) -> bool:
        return self.account.is_owned_by(user)

    @property
    def response_time(self):
        if self.first_response_at is None:
            return None
        return self.first_response_at - self.received_at

    @property
    def response_time_text(self) -> str:
        """'50 min', '5 h 10 min', '2 days 3 h': how long the person waited, for people to read."""
        waited = self.response_time
        if waited is None:
            return ""
        minutes = max(0, int(waited.total_seconds() // 60))
        days, rest = divmod(minutes, 24 * 60)
        hours, mins = divmod(rest, 60)
        if days:
            return f"{days} day{'s' if days != 1 else ''} {hours} h"
        if hours:
            return f"{hours} h {mins} min" if mins else f"{hours} h"
        return f"{mins} min"
