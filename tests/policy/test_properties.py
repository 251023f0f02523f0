"""Property tests: arbitrary Unicode never crashes the engine, and spans stay inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from townhall.policy import Context, ImageRef, check
from townhall.policy.platform import measure
from townhall.policy.types import NETWORKS

ZWJ_FAMILY = "👨\u200d👩\u200d👧\u200d👦"
PIECES = st.sampled_from(
    [
        ZWJ_FAMILY, "🏳️\u200d🌈", "🇬🇧", "e\u0301", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "\u202e", "\u200f",
        "İ", "ß", "ﬁ", "#hashtag", "@user@host.social", "https://example.com/x", "07700 900123", " ", "\n",
        "password is X1!", "AKIAIOSFODNN7EXAMPLE", "日本語", "\ufe0f", "\u20e3", "\x00",
    ]
)
TEXTS = st.one_of(st.text(), st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=40).map("".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, network=st.sampled_from(NETWORKS), account=st.sampled_from(["official", "personal"]),
       alts=st.lists(st.text(max_size=10), max_size=3))
def test_never_crashes_and_spans_inside(text, network, account, alts):
    findings = check(text, Context(network, account, [ImageRef(a) for a in alts]))
    for f in findings:
        assert 0 <= f.span[0] <= f.span[1] <= len(text)
        assert f.severity in {"block", "warn", "info"}
    length, limit = measure(text, network)
    assert length >= 0 and limit > 0


def test_empty():
    assert all(0 == f.span[0] == f.span[1] for f in check("", Context("x", "official")))


def test_100k_characters():
    text = ("Great day at the lab! " + ZWJ_FAMILY + " e\u0301 \u0627\u0644\u0639 #ok ") * 3000
    text = text[:100_000]
    findings = check(text, Context("bluesky", "official"))
    assert any(f.code == "PLT001" for f in findings)
    assert all(0 <= f.span[0] <= f.span[1] <= len(text) for f in findings)
