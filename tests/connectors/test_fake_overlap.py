"""The fake Mastodon's overlap probe tells concurrent senders from one-at-a-time ones.

The 200-account burst test relies on it (`tests/publishing/test_concurrent_publishing.py`),
so it must fail for a serial sender, not only pass for a concurrent one.
"""

from __future__ import annotations

import json
import threading
import urllib.request

from fake_mastodon import FakeMastodon


def _create(fake: FakeMastodon, token: str, text: str) -> int:
    request = urllib.request.Request(
        f"{fake.url}/api/v1/statuses", data=json.dumps({"status": text}).encode(), method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def test_a_serial_sender_never_shows_overlap_even_when_the_first_create_waits():
    fake = FakeMastodon(overlap_wait=0.3).start()
    try:
        fake.add_account("a", "tok-a")
        for i in range(3):
            assert _create(fake, "tok-a", f"one at a time {i}") == 200
        assert fake.max_concurrent_creates == 1
        assert fake.create_calls == 3
    finally:
        fake.stop()


def test_concurrent_senders_overlap_while_the_first_create_is_held():
    fake = FakeMastodon(overlap_wait=30).start()
    try:
        fake.add_account("a", "tok-a")
        fake.add_account("b", "tok-b")
        first = threading.Thread(target=_create, args=(fake, "tok-a", "first"))
        first.start()
        while fake.in_flight == 0:  # the first creation is in flight (held by the probe)
            threading.Event().wait(0.01)
        assert _create(fake, "tok-b", "second") == 200
        first.join(timeout=30)
        assert not first.is_alive()
        assert fake.max_concurrent_creates == 2
        assert fake.create_calls == 2
    finally:
        fake.stop()
