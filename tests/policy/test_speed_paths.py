"""Speed paths give the same answers as the direct code they replace (issue 12, speed work)."""

from __future__ import annotations

import random
import re

import pytest

from townhall.policy import Context, check, default_pack, learned, tagger
from townhall.policy.doc import Doc
from townhall.policy.rules import common

TEXTS = [
    "Congrats to Marta Kowalczyk in my tutor group, who passed her resit!",
    "Dr Amy Smith Jones said the University of Example is great. Priya Patel. Kowalski went home",
    "Call 0121 204 4869 or email admissions@example.ac.uk. Visit https://example.ac.uk/open-day",
    "my manager at work is useless... the department never listens #fedup @user",
    "Lives at 14 Elm Grove Road, B15 2TT!!! £500 reward, code Tr0ub4dor&3",
    "",
    "   ",
    "Reform UK's campaign: vote Labour? No. Don’t!",
]


def _mixes(n: int) -> list[str]:
    rng = random.Random(12)
    words = " ".join(TEXTS).split() + default_pack().compiled().names + ["Birmingham", "Nkechi", "O'Neill", "\n"]
    return [" ".join(rng.choice(words) for _ in range(rng.randint(1, 25))) for _ in range(n)]


@pytest.mark.parametrize("with_pack", [True, False])
def test_learned_feature_dict_is_features_in_the_same_order(with_pack: bool) -> None:
    cp = default_pack().compiled() if with_pack else None
    for text in TEXTS + _mixes(3000):
        want = list(learned.Featuriser(cp).features(text, "official")[0].items())
        assert list(learned.Featuriser(cp).feature_dict(text).items()) == want, text


def test_learned_result_works_out_its_tokens_when_asked() -> None:
    cp = default_pack().compiled()
    for text in TEXTS + _mixes(300):
        res = learned.analyse(Doc(text, Context("x", "personal")), cp)
        if res is None:
            continue
        assert res.tokens == learned.Featuriser(cp).tokens(text)
        for fam in res.model.families:
            s, e = res.span(fam, text)
            assert 0 <= s <= e <= len(text)


def _shape_reference(tok: str) -> str:
    s = tok.translate(tagger._SHAPE_TABLE)
    if not s.isascii():
        s = "".join("X" if c.isupper() else "x" if c.isalpha() else "d" if c.isdigit() else c for c in s)
    return re.sub(r"(.)\1{3,}", r"\1\1\1\1", s)


def test_tagger_token_hashes_computed_once_per_token_are_the_same() -> None:
    rng = random.Random(7)
    alphabet = "aAbZ09éÉß-.'İ٣"
    for _ in range(5000):
        tok = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        assert tagger.shape(tok) == _shape_reference(tok), tok
        low, shp = tok.lower(), tagger.shape(tok)
        assert tagger._ctx_all_of(low, shp) == tuple(tagger._ctx(tok, k) for k in tagger._OFFSETS)
        want = tuple(tagger.hashed(tagger.token_features([tok], 0))[:7])
        assert tagger._own_of(tok, low, shp) == want


def test_common_tokens_and_token_set() -> None:
    for text in TEXTS + _mixes(500):
        for t in (text, text.lower()):
            want = tuple(
                (m.start(), m.end(), m.group(0).lower().replace("’", "'")) for m in common.TOKEN_RE.finditer(t)
            )
            assert common.tokens(t) == want
            words = {w for _s, _e, w in want}
            assert common.token_set(t) == frozenset(words | {w[:-2] for w in words if w.endswith("'s")})


def test_check_still_runs_on_the_examples() -> None:
    for text in TEXTS:
        for f in check(text, Context("bluesky", "personal")):
            assert 0 <= f.span[0] <= f.span[1] <= len(text)


def test_the_shipped_pack_validates_against_the_schema() -> None:
    """``default_pack`` parses the shipped pack without the schema check (start-up time); this is
    where it is validated, with the same data."""
    from townhall.policy import pack

    data = pack.validate_text(pack.DEFAULT_PACK_PATH.read_text(encoding="utf-8"), str(pack.DEFAULT_PACK_PATH))
    assert data == default_pack().data


def test_pack_errors_still_name_key_and_line() -> None:
    from townhall.policy import PackError, pack

    text = "institution:\n  name: X\n  colour: red\nthresholds:\n  abuse: 2\n"
    with pytest.raises(PackError) as exc:
        pack.validate_text(text, "p.yaml")
    assert any(e.startswith("p.yaml:3: institution.colour") for e in exc.value.errors), exc.value.errors
    assert any(e.startswith("p.yaml:5: thresholds.abuse") for e in exc.value.errors), exc.value.errors


def test_regex_cache_builds_the_same_patterns(tmp_path, monkeypatch) -> None:
    """``compiled_regex_cache``: patterns built from the stored compiled form match as compiled
    ones do; a damaged file or TOWNHALL_REGEX_CACHE=0 only means compiling as usual."""
    import regex

    from townhall.policy import registry

    monkeypatch.setenv("TOWNHALL_CACHE_DIR", str(tmp_path))
    pats = [(r"(?<![\w])(?:vote|elect)\s+(?:for\s+)?\p{Lu}\w+", 0), (r"colou?r|grey", regex.IGNORECASE),
            (r"(?P<num>\d+)[.,](?P<frac>\d{2})", regex.VERBOSE)]
    texts = TEXTS + _mixes(200) + ["Vote for Smith", "COLOUR Grey", "12.50 and 3,99"]
    with registry.compiled_regex_cache():
        first = [regex.compile(p, f) for p, f in pats]
    files = list(tmp_path.iterdir())
    assert len(files) == 1
    with registry.compiled_regex_cache():
        again = [regex.compile(p, f) for p, f in pats]
    assert regex.compile is not None and not hasattr(regex.compile, "__wrapped__")
    for a, b in zip(first, again, strict=True):
        assert (a.pattern, a.flags, a.groupindex) == (b.pattern, b.flags, b.groupindex)
        for t in texts:
            assert [m.span() for m in a.finditer(t)] == [m.span() for m in b.finditer(t)]
            assert [m.groupdict() for m in a.finditer(t)] == [m.groupdict() for m in b.finditer(t)]
    files[0].write_bytes(b"not marshal data")
    with registry.compiled_regex_cache():
        assert regex.compile(pats[0][0]).search("vote for Jones")
    monkeypatch.setenv("TOWNHALL_REGEX_CACHE", "0")
    for f in tmp_path.iterdir():
        f.unlink()
    with registry.compiled_regex_cache():
        regex.compile(pats[1][0])
    assert list(tmp_path.iterdir()) == []


def test_the_regex_cache_is_off_unless_a_folder_is_named(monkeypatch, tmp_path):
    """A question (`townhall rules`, `townhall check`) writes nothing anywhere: no default cache
    folder under the home directory (tests/core/test_cli_read_only.py found one)."""
    from townhall.policy import registry

    monkeypatch.delenv("TOWNHALL_CACHE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert registry._regex_cache_path() is None
    monkeypatch.setenv("TOWNHALL_CACHE_DIR", "relative/dir")
    assert registry._regex_cache_path() is None
    monkeypatch.setenv("TOWNHALL_CACHE_DIR", str(tmp_path / "cache"))
    assert registry._regex_cache_path().parent == tmp_path / "cache"
