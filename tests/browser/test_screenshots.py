"""Screenshots of the main pages for docs/screenshots/ (README). Run by `python bench/screenshots.py`.

Skipped in the normal test run (TOWNHALL_SCREENSHOTS unset): pictures are documentation, not checks;
the daily-path and dark-theme tests hold the same pages to axe and the 390 px rule. Each page is taken
in the light theme (<page>-<width>.png) and, for the main ones, in the dark theme the browser asks for
with prefers-color-scheme (<page>-dark-<width>.png)."""

from __future__ import annotations

import os
from datetime import time, timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

OUT = os.environ.get("TOWNHALL_SCREENSHOTS", "")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not OUT, reason="screenshots are made by `python bench/screenshots.py`"),
]


def test_screenshots_of_the_main_pages(page, live_server, units, make_user, sign_in):
    from townhall.publishing import services
    from townhall.registry.models import Account
    from townhall.registry.vault import store_credentials

    out = Path(OUT)
    out.mkdir(parents=True, exist_ok=True)
    author = make_user("staff", units["physics"], username="sam", first_name="Sam", last_name="Patel")
    make_user("staff", units["physics"], username="kim", first_name="Kim", last_name="Lee")
    digital = make_user("digital", units["school"], username="dana", first_name="Dana", last_name="Okafor")
    account = Account.objects.create(
        network="mastodon",
        handle="@physics@mastodon.example.ac.uk",
        service_url="https://mastodon.example.ac.uk",
        org_unit=units["physics"],
        status="active",
        quiet_start=time(0, 0),
        quiet_end=time(0, 0),
        display_name="Physics at Example University",
    )
    account.owners.add(author)
    store_credentials(account, "token-abc-123", actor=author, kind="api_token")
    Account.objects.create(
        network="bluesky",
        handle="history.example.ac.uk",
        org_unit=units["history"],
        status="active",
        display_name="History at Example University",
    )
    services.create_post(author, [account], "Draft: our new telescope arrives next week, photos to follow.")
    waiting = services.create_post(
        author,
        [account],
        "Open day on Saturday: come and see the new physics labs!",
        scheduled_at=timezone.now() + timedelta(days=3),
    )
    services.submit(waiting, author)

    def shoot(name: str, width: int, dark: bool = False) -> None:
        _shoot(page, out, name, width, dark)

    sign_in(page, live_server.url, "sam")
    shoot("home-staff", 1366)
    page.goto(f"{live_server.url}/posts/")
    shoot("my-posts", 1366)
    shoot("my-posts", 390)
    shoot("my-posts", 390, dark=True)
    page.goto(f"{live_server.url}/posts/compose/")
    page.get_by_label("Text", exact=True).fill("Call me on 07700 900123 about the open day on Saturday!")
    page.get_by_label(str(account), exact=False).check()
    page.locator("#live .findings").first.wait_for()
    shoot("compose", 1366)
    shoot("compose", 1366, dark=True)
    page.goto(f"{live_server.url}/status/")
    shoot("refused", 1366)
    page.context.clear_cookies()
    device = TOTPDevice.objects.create(user=digital, name="phone", confirmed=True)
    sign_in(page, live_server.url, "dana", device)
    shoot("home-digital", 1366)
    shoot("home-digital", 1366, dark=True)
    page.goto(f"{live_server.url}/posts/{waiting.pk}/")
    shoot("post", 1366)
    page.goto(f"{live_server.url}/accounts/")
    shoot("accounts", 1366)
    shoot("accounts", 390)
    page.goto(f"{live_server.url}/status/")
    shoot("status", 1366)


def test_screenshots_of_the_charts(page, live_server, sign_in):
    """The listening dashboard and the objectives, with the demo's figures, in light and dark."""
    from townhall.analytics.models import Objective
    from townhall.core.demo import DEMO_PASSWORD, load_demo

    out = Path(OUT)
    out.mkdir(parents=True, exist_ok=True)
    load_demo()
    device = TOTPDevice.objects.filter(user__username="dana", confirmed=True).first()
    sign_in(page, live_server.url, "dana", device, password=DEMO_PASSWORD)
    objective = Objective.objects.filter(measurements__isnull=False).order_by("pk").first()
    for name, path, anchor in [
        ("listening", "/listening/", "#h-volume"),
        ("analytics", "/analytics/", "h1"),
        ("objective", f"/analytics/objectives/{objective.pk}/", "h1"),
    ]:
        page.goto(f"{live_server.url}{path}")
        page.locator(anchor).evaluate("heading => heading.scrollIntoView()")  # the charts, not the filters
        for dark in (False, True):
            _shoot(page, out, name, 1366, dark)
    _shoot(page, out, "objective", 390, dark=True)


def _shoot(page, out: Path, name: str, width: int, dark: bool = False) -> None:
    page.emulate_media(color_scheme="dark" if dark else "light")
    page.set_viewport_size({"width": width, "height": 900})
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(out / f"{name}{'-dark' if dark else ''}-{width}.png"), full_page=width < 500)
    page.emulate_media(color_scheme="light")
