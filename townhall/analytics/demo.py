"""Demo objectives with a month of measurements, some on track, one behind."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from townhall.analytics.models import Measurement, Objective
from townhall.analytics.services import create_objective
from townhall.core.models import OrgUnit
from townhall.registry.models import Account

PLANS = [
    # handle, name, metric, target, daily mean
    ("physics.example.ac.uk", "Outreach page visits from social", "referrals", 1500, 60),
    ("example.ac.uk", "Open-day sign-ups from social posts", "applications", 400, 9),
    ("example.ac.uk", "Research report downloads", "downloads", 900, 35),
]


def load(people):
    if Objective.objects.exists():
        return
    rng = random.Random(7)
    today = timezone.localdate()
    start, end = today - timedelta(days=29), today + timedelta(days=30)
    for handle, name, metric, target, mean in PLANS:
        account = Account.objects.filter(handle=handle).first()
        if account is None:
            continue
        objective = create_objective(
            people["dana"], name=name, metric=metric, target=target, period_start=start, period_end=end,
            org_unit=account.org_unit, account=account,
        )
        Measurement.objects.bulk_create(
            Measurement(objective=objective, date=start + timedelta(days=d),
                        value=max(0, int(rng.gauss(mean, mean / 3))), source="csv")
            for d in range(30)
        )
    comms = OrgUnit.objects.filter(slug="comms").first()
    if comms:
        objective = create_objective(
            people["dana"], name="New alumni contacts via LinkedIn", metric="contacts", target=300,
            period_start=start, period_end=end, org_unit=comms,
        )
        Measurement.objects.bulk_create(
            Measurement(objective=objective, date=start + timedelta(days=d), value=rng.randint(0, 4), source="manual")
            for d in range(30)
        )
