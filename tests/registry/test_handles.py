"""Handle rules per network: examples, and properties over arbitrary text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from townhall.registry.handles import normalise_handle, profile_url
from townhall.registry.models import Network


@pytest.mark.parametrize(
    ("network", "raw", "canonical"),
    [
        ("bluesky", "@Physics.Example.ac.uk", "physics.example.ac.uk"),
        ("bluesky", "exampleuni.bsky.social", "exampleuni.bsky.social"),
        ("mastodon", "nursing@Mastodon.Example.ac.uk", "@nursing@mastodon.example.ac.uk"),
        ("x", "@Example_Uni", "Example_Uni"),
        ("linkedin", "Example-University", "example-university"),
        ("instagram", "exampleuni_su", "exampleuni_su"),
        ("youtube", "@ExampleUniLectures", "ExampleUniLectures"),
        ("tiktok", "examplemarketing", "examplemarketing"),
    ],
)
def test_valid_handles(network, raw, canonical):
    assert normalise_handle(network, raw) == canonical
    assert profile_url(network, canonical).startswith("https://")


@pytest.mark.parametrize(
    ("network", "raw"),
    [
        ("bluesky", "physics"),
        ("bluesky", "-bad.example.ac.uk"),
        ("bluesky", "physics.example.123"),
        ("mastodon", "@nursing"),
        ("mastodon", "@nur-sing@mastodon.example"),
        ("x", "ExampleUniversityAlumniOffice"),
        ("x", "Example-Uni"),
        ("linkedin", "-example"),
        ("instagram", "example..uni"),
        ("tiktok", "exampleuni."),
    ],
)
def test_invalid_handles_name_the_rule(network, raw):
    with pytest.raises(ValueError, match=r"handle|address|space"):
        normalise_handle(network, raw)


@given(st.sampled_from(Network.values), st.text(max_size=80))
def test_any_text_gives_a_canonical_handle_or_a_value_error(network, raw):
    try:
        handle = normalise_handle(network, raw)
    except ValueError as exc:
        assert str(exc)
    else:
        assert handle == normalise_handle(network, handle)  # canonical form is stable
        assert not any(ch.isspace() for ch in handle)
