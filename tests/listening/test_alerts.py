from datetime import timedelta

import pytest
from django.utils import timezone

from townhall.listening import alerts
from townhall.listening.models import Alert, Notification
from townhall.listening.pipeline import Pipeline
from townhall.listening.types import Batch, IncomingPost


def test_evaluate_volume_and_negative_rules():
    quiet = [2, 3, 1, 2, 4, 3, 2, 3] * 21
    assert alerts.evaluate([*quiet, 3], [0] * (len(quiet) + 1)) == []
    found = alerts.evaluate([*quiet, 30], [*([0] * len(quiet)), 20])
    assert [f["kind"] for f in found] == ["volume", "negative"]
    assert found[0]["observed"] == 30
    # a small absolute number is not a spike, however quiet it usually is
    assert alerts.evaluate([0] * 168 + [4], [0] * 169) == []
    # negative share already high in the baseline: no surge
    assert alerts.evaluate([10] * 168 + [10], [6] * 168 + [7]) == []


@pytest.mark.django_db
def test_spike_notifies_owners_with_a_link_to_the_mentions(search, team):
    s = search("physics")
    now = timezone.now().replace(minute=30, second=0, microsecond=0)
    window = now.replace(minute=0) - timedelta(hours=1)
    posts = [IncomingPost("bluesky", f"base{i}", f"physics is fine number {i} nice day",
                          created_at=window - timedelta(hours=3 * i + 1)) for i in range(40)]
    posts += [IncomingPost("bluesky", f"spike{i}", f"physics lab closure is awful and terrible, case {i} angry",
                           created_at=window + timedelta(minutes=i)) for i in range(25)]
    Pipeline.load().run(Batch(posts, None))
    made = alerts.detect(now=now)
    kinds = sorted(a.kind for a in made)
    assert kinds == ["negative", "volume"]
    assert Notification.objects.filter(user=team).count() == 2
    alert = Alert.objects.get(kind="volume")
    assert "25 mentions" in alert.message
    assert alerts.detect(now=now) == []  # once per window
    url = alert.get_absolute_url()
    assert url.startswith(f"/listening/mentions/?search={s.pk}&since=")
    from urllib.parse import parse_qs, urlsplit

    from townhall.listening.selectors import mentions

    q = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert mentions(q).count() == 25
