"""The calendar in a real browser (Debian's chromium): a post dragged to another day moves there,
at the same time of day, through the same checks as the post page; axe-core finds no violation."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from townhall.publishing import services
from townhall.publishing.models import Post

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LONDON = ZoneInfo("Europe/London")


def test_drag_a_post_to_another_day(page, live_server, people, account, axe, sign_in, csp_errors):
    day = (timezone.now() + timedelta(days=2)).astimezone(LONDON).date()
    while day.weekday() > 4:  # Monday to Friday, so the next day is in the same week view
        day += timedelta(days=1)
    when = datetime(day.year, day.month, day.day, 10, 30, tzinfo=LONDON)
    post = services.create_post(people["author"], [account], "Open day on Saturday: come and see the lab!",
                                scheduled_at=when)
    services.submit(post, people["author"])
    sign_in(page, live_server.url, "author")
    page.goto(f"{live_server.url}/posts/calendar/?view=week&date={day.isoformat()}")
    assert axe(page) == []
    entry = page.locator(f'li[data-move-url$="/{post.pk}/move"]')
    target = page.locator(f'td[data-day="{(day + timedelta(days=1)).isoformat()}"]')
    entry.drag_to(target)
    page.get_by_text("Moved to").wait_for()
    post = Post.objects.get(pk=post.pk)
    assert post.scheduled_at == when + timedelta(days=1)
    assert target.locator(f'a[href$="/{post.pk}/"]').count() == 1
    assert csp_errors == []
