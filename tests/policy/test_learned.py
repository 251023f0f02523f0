"""The learned family detector (townhall/policy/learned.py, rules/learned.py): it loads, catches
paraphrases the regex rules miss, leaves the institution's own contact details alone, keeps its
spans inside the text, respects accounts, packs and academic freedom, and the engine survives
without its model file."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from townhall.policy import Context, check, default_pack, learned
from townhall.policy.doc import Doc
from townhall.policy.pack import Pack
from townhall.policy.registry import rules_registry

LEARNED_CODES = {"PRV010", "CRD010", "CIP010", "CON010", "ABU010", "BRD010", "CPY010", "PER010"}


def _codes(text: str, ctx: Context, pack: Pack | None = None) -> dict[str, str]:
    return {f.code: f.severity for f in check(text, ctx, pack)}


def test_model_loads_with_one_rule_per_risk_family():
    model = learned.load()
    assert model is not None, learned.status()
    assert set(model.families) == {
        "privacy",
        "credentials",
        "confidential-ip",
        "contentious",
        "abuse",
        "brand",
        "copyright",
        "personal-use",
    }
    assert model.W.shape == (len(model.index), len(model.columns)) and model.W.dtype == np.float32
    reg = rules_registry()
    assert set(reg) >= LEARNED_CODES
    assert {reg[c].family for c in LEARNED_CODES} == set(model.families)
    for c in LEARNED_CODES:
        assert reg[c].severity == "warn" and reg[c].clause and reg[c].fix


def test_flags_a_paraphrase_the_regex_rules_miss():
    # credited to nobody, taken from a newspaper: no copyright regex matches this wording
    text = "We've stuck the Times cartoon about tuition fees on our page, too good not to share"
    found = check(text, Context("x", "official"))
    assert {f.code for f in found if f.family == "copyright"} == {"CPY010"}
    f = next(f for f in found if f.code == "CPY010")
    assert f.severity == "warn" and "ask the owner" in f.fix and 0 <= f.span[0] < f.span[1] <= len(text)


def test_institutions_own_contact_details_are_not_flagged():
    text = (
        "Questions about your offer? Email admissions@example.ac.uk, call 0121 204 4869 or visit us at "
        "Aston Triangle, Birmingham B4 7ET. Follow @exampleuni for updates."
    )
    for account in ("official", "personal"):
        got = {f.family for f in check(text, Context("linkedin", account)) if f.severity != "info"}
        assert not got & {"privacy", "credentials"}, got
    assert learned.scores(text, "official", default_pack().compiled())["privacy"] < 0


def test_span_is_the_sentence_that_drove_the_score():
    text = "Lovely sunny morning on campus. The code for the server room door is 4471, help yourselves."
    found = [f for f in check(text, Context("x", "personal")) if f.code == "CRD010"]
    assert found
    s, e = found[0].span
    assert "4471" in text[s:e] and "sunny" not in text[s:e]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.one_of(
        st.text(),
        st.lists(
            st.sampled_from(
                [
                    "password",
                    " is ",
                    "Hunter2!",
                    "İ",
                    "\u202e",
                    "07700 900123",
                    ". ",
                    "\n",
                    "B4 7ET",
                    "@user",
                    "a@b.co",
                    "https://x.co/a",
                    "Example University",
                    "日本",
                    "e\u0301",
                    "#Tag",
                ]
            ),
            max_size=30,
        ).map("".join),
    ),
    account=st.sampled_from(["official", "personal", "research"]),
)
def test_spans_inside_any_unicode(text, account):
    cp = default_pack().compiled()
    doc = Doc(text, Context("x", account))
    res = learned.analyse(doc, cp)
    for fam in learned.load().families:
        if res is not None:
            s, e = res.span(fam, text)
            assert 0 <= s <= e <= len(text)
    for f in check(text, Context("x", account)):
        assert 0 <= f.span[0] <= f.span[1] <= len(text)


def test_account_applicability_and_academic_freedom():
    stance = "As a university we think leaving the EU was a disaster and we will keep saying it."
    assert _codes(stance, Context("x", "official")).get("CON010") == "warn"
    assert "CON010" not in _codes(stance, Context("x", "personal"))
    assert _codes(stance, Context("x", "research")).get("CON010") == "info"
    assert _codes(stance, Context("x", "official", scholarly=True)).get("CON010") == "info"
    assert "PER010" not in _codes("the VC at my uni is a dinosaur who thinks email is a fad", Context("x", "official"))


def test_pack_can_switch_a_learned_rule_off():
    data = default_pack().data
    pack = Pack({**data, "rules": {"CRD010": {"enabled": False}}})
    text = "Quick one: the alarm code for the music building is 5512, so whoever locks up tonight use that"
    assert "CRD010" in _codes(text, Context("x", "personal"))
    assert "CRD010" not in _codes(text, Context("x", "personal"), pack)


def test_engine_survives_a_missing_model(monkeypatch, tmp_path):
    assert learned.load(tmp_path / "nope.npz") is None
    (tmp_path / "broken.npz").write_bytes(b"not a zip")
    assert learned.load(tmp_path / "broken.npz") is None
    monkeypatch.setattr(learned, "MODEL_PATH", tmp_path / "nope.npz")
    monkeypatch.setattr(learned, "_LOADED", False)
    monkeypatch.setattr(learned, "_MODEL", None)
    assert "unavailable" in learned.status()
    assert learned.scores("anything") == {}
    text = "Quick one: the alarm code for the music building is 5512, so whoever locks up tonight use that"
    codes = _codes(text, Context("x", "personal"))
    assert not codes.keys() & LEARNED_CODES
    assert "CRD004" in codes or "CRD001" in codes  # the rules still run


@pytest.mark.parametrize("account", ["official", "personal"])
def test_word_cache_does_not_change_scores(account):
    text = "Congrats to Marta Kowalczyk on passing her resit after months off sick with depression"
    fresh = learned.Featuriser(default_pack().compiled())
    a = fresh.features(text, account)[0]
    b = fresh.features(text, account)[0]
    assert a == b


def test_short_plain_official_posts_are_not_read_as_taking_a_side():
    """CON010 only judges posts that give it something to judge (a topic, a hashtag, a name, or
    length): these once went to governance as 'contentious'."""
    from townhall.policy import Context, check

    for text in ("This one goes out.", "This one breaks the connector.", "Careers fair on Tuesday."):
        assert not [f for f in check(text, Context("mastodon", "official")) if f.code == "CON010"], text
