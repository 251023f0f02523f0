"""Exact per-network length counting."""

import pytest

from townhall.policy.platform import measure


@pytest.mark.parametrize(
    ("text", "network", "expected"),
    [
        ("hello", "x", 5),
        ("Read https://www.example.ac.uk/a/very/long/path/that/is/longer/than/23", "x", 5 + 23),
        ("see example.com", "x", 4 + 23),
        ("日本語", "x", 6),
        ("café", "x", 4),
        ("👍", "x", 2),
        ("👨‍👩‍👧‍👦", "x", 2),
        ("🇬🇧", "x", 2),
        ("e\u0301", "x", 1),  # NFC-normalised to é
        ("👨‍👩‍👧‍👦", "bluesky", 1),
        ("e\u0301e\u0301", "bluesky", 2),
        ("hi @alice@mastodon.social", "mastodon", 9),
        ("https://example.com/" + "a" * 100, "mastodon", 23),
        ("HTTP://example.com/" + "a" * 100, "mastodon", 23),
        # without its scheme a link is plain text to Mastodon (its URL pattern requires http(s)://)
        ("example.com/" + "a" * 100, "mastodon", 112),
        ("see doi:10.1000/xyz123 and https://t.co/x", "mastodon", len("see doi:10.1000/xyz123 and ") + 23),
        ("a" * 10, "linkedin", 10),
    ],
)
def test_measure(text, network, expected):
    assert measure(text, network)[0] == expected


def test_limits():
    assert measure("", "x")[1] == 280
    assert measure("", "bluesky")[1] == 300
    assert measure("", "mastodon")[1] == 500
    assert measure("", "threads")[1] == 500
    assert measure("", "linkedin")[1] == 3000
    assert measure("", "facebook")[1] == 63206
    assert measure("", "instagram")[1] == 2200


def test_unknown_network():
    with pytest.raises(ValueError):
        measure("x", "myspace")
