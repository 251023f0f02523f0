"""The shipped pattern file (``townhall/policy/data/patterns.marshal``, registry.py): a fresh
process builds the rules' regexes from their stored compiled form, and each so built matches
exactly as a fresh compile does; a damaged, foreign or stale file only means compiling as usual."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import regex

from townhall.policy import registry
from townhall.policy.evaluate import find_data_dir

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "townhall" / "policy" / "data" / "corpus"


def _shipped() -> dict:
    return marshal.loads(zlib.decompress(registry._SHIPPED_PATTERNS.read_bytes()))


def _texts() -> list[str]:
    """Corpus posts (every tenth), the first 300 bench texts where the shared data is, and
    those also lower-cased (the rules match a masked, lower-cased copy too). Fewer than the
    rules see, since every one is matched by ~290 patterns twice (~15 s)."""
    texts = [
        line.split("|", 1)[1].strip()
        for f in sorted(CORPUS.glob("*.txt"))
        for line in f.read_text(encoding="utf-8").splitlines()
        if "|" in line and not line.startswith("#")
    ][::10]
    data = find_data_dir(None)
    if data is not None:
        sys.path.insert(0, str(REPO / "bench"))
        try:
            from policy_bench import load_texts
        finally:
            sys.path.remove(str(REPO / "bench"))
        bench = load_texts(data, 300)
        texts += bench + [t.lower() for t in bench]
    return texts


def test_the_shipped_file_holds_every_pattern_a_fresh_process_compiles() -> None:
    """Fails when a rule's pattern changed without ``python -m townhall.policy.data.build_patterns``
    (start-up is then slower by the missing patterns' compile time, never wrong)."""
    if _shipped()["tag"] != registry.pattern_cache_tag():
        pytest.skip(f"file built for {_shipped()['tag']}, running {registry.pattern_cache_tag()}")
    env = {k: v for k, v in os.environ.items() if k not in ("TOWNHALL_CACHE_DIR", "TOWNHALL_REGEX_CACHE")}
    code = (
        "import json\n"
        "from townhall.policy import Context, check_many, registry\n"
        "check_many(['Call 07700 900123, @someone #tag https://example.org'], Context())\n"
        "print(json.dumps(registry.PATTERN_STATS))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO,
                         timeout=300, check=True)
    stats = json.loads(out.stdout.strip().splitlines()[-1])
    assert stats["miss"] == 0, f"{stats}: run python -m townhall.policy.data.build_patterns"
    assert stats["hit"] >= 500, stats


def test_every_stored_pattern_matches_as_a_fresh_compile() -> None:
    """Each entry of the shipped file, built by the C constructor, finds the same matches and
    groups as the library compiling its pattern now (``re``: the very same compiled code)."""
    from regex import _regex

    shipped = _shipped()
    if shipped["tag"] != registry.pattern_cache_tag():
        pytest.skip("file built for other versions")
    texts = _texts()
    assert len(texts) > 700
    import _sre

    for (kind, pattern, flags), data in shipped["patterns"].items():
        if kind == "re":
            stored, fresh = _sre.compile(*data), re.compile(pattern, flags)
            assert stored == fresh, pattern  # Pattern equality compares flags, pattern and code
            continue
        stored, fresh = _regex.compile(*data), regex.compile(pattern, flags)
        assert (stored.pattern, stored.flags, stored.groupindex, stored.groups) == (
            fresh.pattern, fresh.flags, fresh.groupindex, fresh.groups), pattern
        for t in texts:
            got = [(m.span(), m.groups()) for m in stored.finditer(t)]
            assert got == [(m.span(), m.groups()) for m in fresh.finditer(t)], (pattern, t)


def _write(path: Path, tag: str, entries: dict) -> None:
    path.write_bytes(zlib.compress(marshal.dumps({"tag": tag, "patterns": entries})))


def test_a_damaged_foreign_or_wrong_file_means_compiling_as_usual(tmp_path, monkeypatch) -> None:
    """Entries are used only from a file for the running versions and only for their own
    pattern: here a file claims the compiled form of one pattern for another."""
    from regex import _regex

    pat_a, pat_b = r"(?<![\w])colou?r\s+(?P<what>\w+)", r"grey|gray"
    b = regex.compile(pat_b)
    shipped = tmp_path / "shipped.marshal"
    monkeypatch.setattr(registry, "_SHIPPED_PATTERNS", shipped)
    monkeypatch.delenv("TOWNHALL_CACHE_DIR", raising=False)
    monkeypatch.delenv("TOWNHALL_REGEX_CACHE", raising=False)

    def compiled_a() -> tuple[object, dict]:
        before = dict(registry.PATTERN_STATS)
        with registry.compiled_regex_cache():
            got = regex.compile(pat_a)
        return got, {k: registry.PATTERN_STATS[k] - before[k] for k in before}

    cases = [
        b"not compressed marshal data",
        zlib.compress(b"neither is this"),
        zlib.compress(marshal.dumps(["a", "list"])),
    ]
    for raw in cases:
        shipped.write_bytes(raw)
        got, delta = compiled_a()
        assert delta == {"hit": 0, "miss": 1}
        assert got.search("the colour blue").group("what") == "blue"
    # another version's file: ignored as a whole
    _write(shipped, "another version", {("regex", pat_a, 0): b._pickled_data})
    got, delta = compiled_a()
    assert delta == {"hit": 0, "miss": 1} and got.pattern == pat_a
    # this version's file, but the entry holds another pattern's form, or garbage
    for wrong in (b._pickled_data, ("garbage",), (pat_a, 0, [1, 2, 3])):
        _write(shipped, registry.pattern_cache_tag(), {("regex", pat_a, 0): wrong})
        got, delta = compiled_a()
        assert got.pattern == pat_a and got.search("the colour blue").group("what") == "blue"
    # and a good entry is used
    _write(shipped, registry.pattern_cache_tag(), {("regex", pat_a, 0): regex.compile(pat_a)._pickled_data})
    got, delta = compiled_a()
    assert delta == {"hit": 1, "miss": 0} and isinstance(got, type(_regex.compile(*b._pickled_data)))
    assert got.search("the colour blue").group("what") == "blue"
    # TOWNHALL_REGEX_CACHE=0: no file is read
    monkeypatch.setenv("TOWNHALL_REGEX_CACHE", "0")
    got, delta = compiled_a()
    assert delta == {"hit": 0, "miss": 1}


def test_re_patterns_are_stored_and_built_alike(tmp_path, monkeypatch) -> None:
    """``re.compile`` goes through the same files: the user's file receives what was missing,
    and a second process (here: a second use) builds the very same Pattern from it."""
    monkeypatch.setattr(registry, "_SHIPPED_PATTERNS", tmp_path / "none.marshal")
    monkeypatch.setenv("TOWNHALL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("TOWNHALL_REGEX_CACHE", raising=False)
    pats = [(r"(?P<num>\d+)[.,](?P<frac>\d{2})", 0), (r"colou?r|grey", re.IGNORECASE),
            (r"(?x) \b (?:vote|elect) \s+ (\w+)", 0), (r"\bcaf\u00e9\b", re.ASCII)]
    with registry.compiled_regex_cache():
        first = [re.compile(p, f) for p, f in pats]
        locale = re.compile(rb"\w+", re.LOCALE)  # bytes and LOCALE: passed through, never stored
    assert locale.match(b"abc")
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1
    stored = marshal.loads(zlib.decompress(files[0].read_bytes()))["patterns"]
    assert {k for k in stored if k[0] == "re"} == {("re", p, int(f)) for p, f in pats}
    before = registry.PATTERN_STATS["hit"]
    with registry.compiled_regex_cache():
        again = [re.compile(p, f) for p, f in pats]
    assert registry.PATTERN_STATS["hit"] - before == len(pats)
    assert re.compile is not None and again == first
    assert again[0].match("12.50").groupdict() == {"num": "12", "frac": "50"}
