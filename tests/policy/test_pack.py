"""Policy packs: schema validation with key and line, overrides, caching."""

from __future__ import annotations

import pytest

from townhall.policy import Context, PackError, check, default_pack, load_pack
from townhall.policy.pack import validate_text


def test_default_pack_is_valid_and_cached():
    assert default_pack() is default_pack()
    assert default_pack().compiled() is default_pack().compiled()


@pytest.mark.parametrize(
    ("yaml_text", "expected"),
    [
        ("institution:\n  name: X\n  nmae: y\n", "p.yaml:3: institution.nmae"),
        ("institution:\n  name: X\nthresholds:\n  abuse: 3\n", "p.yaml:4: thresholds.abuse"),
        ("institution:\n  name: X\nrules:\n  prv1: {severity: block}\n", "p.yaml:4: rules"),
        ("institution:\n  name: X\nnetworks:\n  x:\n    max_hashtags: many\n", "p.yaml:5: networks.x.max_hashtags"),
        ("families: {}\n", "p.yaml:1: (top level): 'institution' is a required property"),
        ("institution: [\n", "p.yaml:2: not valid YAML"),
        ("", "the pack is empty"),
    ],
)
def test_errors_name_key_and_line(yaml_text, expected):
    with pytest.raises(PackError) as exc:
        validate_text(yaml_text, "p.yaml")
    assert any(expected in e for e in exc.value.errors), exc.value.errors


def test_family_and_rule_overrides(tmp_path):
    p = tmp_path / "p.yaml"
    p.write_text(
        "institution:\n  name: Aston University\n  aliases: [Aston]\n"
        "families:\n  contentious: {official: warn}\n  engagement: {official: 'off'}\n"
        "rules:\n  ACC002: {enabled: false}\n"
        "networks:\n  x:\n    max_hashtags: 1\n"
    )
    pack = load_pack(p)
    fs = check("We urge everyone to boycott the election #greatdaysout #Two", Context("x", "official"), pack)
    assert {f.severity for f in fs if f.family == "contentious"} <= {"warn", "info"}
    assert not any(f.family == "engagement" for f in fs)
    assert not any(f.code == "ACC002" for f in fs)
    assert any(f.code == "PLT002" for f in fs)


def test_missing_file():
    with pytest.raises(PackError):
        load_pack("/nonexistent/pack.yaml")


def test_aliases_are_refused_before_they_can_expand():
    """Security review of 2026-12-05: 427 bytes of nested aliases took 39 s and 3.2 GB when the
    schema validator printed the value; a pack needs no aliases, so they are refused at parse."""
    from townhall.policy.pack import PackError, pack_from_text

    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 7)]
    text = "x:\n" + "\n".join("  " + line for line in lines) + "\ninstitution:\n  name: Uni\n  aliases: *a6\n"
    with pytest.raises(PackError, match=r"aliases .* are not allowed"):
        pack_from_text(text, "t")
