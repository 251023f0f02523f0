"""Demo inbox: the listening demo already opened conversations for posts addressed to the
demo accounts; here some of them get answered (with realistic response times) and assigned."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from townhall.inbox.models import Conversation
from townhall.registry.models import Account

REPLIES = [
    "Thanks for asking! All the details are on our open days page.",
    "Good question: the timetable is on the department pages under Teaching.",
    "Sorry to hear this. Please message us your details and we will look into it today.",
]


def load(people: dict) -> None:
    accounts = list(Account.objects.filter(network="bluesky", handle__in=["example.ac.uk", "physics.example.ac.uk"]))
    if not accounts:
        return  # the registry demo did not create the accounts: nothing to answer
    if Conversation.objects.filter(first_response_at__isnull=False).exists():
        return
    rng = random.Random(66)
    helpers = [people[k] for k in ("dana", "eli", "amara") if k in people]
    now = timezone.now()
    open_convs = list(Conversation.objects.filter(account__in=accounts, status="open").order_by("received_at"))
    # answer the older two thirds, leave the recent ones waiting in the queue
    for conv in open_convs[: len(open_convs) * 2 // 3]:
        delay = timedelta(minutes=rng.choice([25, 50, 90, 180, 300, 720, 1500, 2900]))
        conv.first_response_at = min(conv.received_at + delay, now)
        conv.status = Conversation.Status.ANSWERED
        conv.reply_text = rng.choice(REPLIES)
        conv.assigned_to = rng.choice(helpers) if helpers else None
        conv.save()
    for conv in open_convs[len(open_convs) * 2 // 3 :: 2]:
        conv.assigned_to = rng.choice(helpers) if helpers else None
        conv.save(update_fields=["assigned_to", "updated_at"])
