"""Bluesky's text limits, as the reference PDS enforces them (reliability review of 2026-12-06).

A post's text is at most 300 graphemes *and* 3000 UTF-8 bytes (the lexicon's maxGraphemes and
maxLength). Townhall counted graphemes only, so a post of 300 family emoji, or of a script whose
letters take several bytes, was approved and then refused at publish time.
"""

from __future__ import annotations

import pytest

from townhall.connectors.base import Credentials, PermanentError, PublishRequest
from townhall.connectors.bluesky import connector
from townhall.publishing.models import new_tid
from townhall.publishing.services import validate_content

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # one grapheme, 25 bytes
HEAVY = FAMILY * 300  # 300 graphemes, 7500 bytes


@pytest.mark.pds
def test_the_pds_refuses_text_over_3000_bytes_even_within_300_graphemes(pds_network):
    creds = Credentials("carol.test", pds_network.password, pds_network.url)
    with pytest.raises(PermanentError):
        connector.publish(creds, PublishRequest(HEAVY, new_tid()))
    fits = FAMILY * 120  # 3000 bytes exactly
    assert connector.publish(creds, PublishRequest(fits, new_tid())).remote_id


def test_townhall_refuses_text_over_bluesky_bytes_before_approval():
    errors = validate_content(HEAVY, [], [], ["bluesky"])
    assert any("3000" in e for e in errors), errors
    assert not validate_content(FAMILY * 120, [], [], ["bluesky"])
    # The same text is fine on Mastodon (500 graphemes, no byte limit that it reaches).
    assert not validate_content(HEAVY, [], [], ["mastodon"])
    # A thread part too.
    assert any("Part 2" in e for e in validate_content("Hello", [HEAVY], [], ["bluesky"]))
