"""The speed-ups of the rule engine's slowest regular expressions change no output.

Each cheaper matcher (a leading lookahead of the branches' openings, a gate searched first) is
compared with the original pattern, rebuilt here the old way, on the bench's TweetEval texts (when
the shared data folder is there), the hand-written corpus lines and the dev cases, each also
lower-cased (the rules often scan a lower-cased or masked copy): the same (span, text) from
finditer and the same search result, text by text.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
import regex

from townhall.policy import textutil
from townhall.policy.evaluate import find_data_dir
from townhall.policy.rules import confidential, copyright

REPO = Path(__file__).resolve().parents[2]
# Characters whose case folding differs between engines or flags: the lookaheads must agree on them.
ODD = ["ſecret between uſ", "the \u212aeep it quiet", "İ'm on the panel", "NDA'D", "(CONFIDENTIAL) list", "wWw.x.CO.UK"]


def _corpus() -> list[str]:
    out: list[str] = []
    for p in sorted((REPO / "townhall/policy/data/corpus").glob("*.txt")):
        out += [line.split(" | ", 1)[1] for line in p.read_text(encoding="utf-8").splitlines() if " | " in line]
    for line in (REPO / "tests/policy/cases/dev.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            out.append(json.loads(line)["text"])
    return out


def _bench(n: int) -> list[str]:
    data = find_data_dir(None)
    if data is None:
        return []
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from policy_bench import load_texts
    finally:
        sys.path.remove(str(REPO / "bench"))
    return load_texts(data, n)


@pytest.fixture(scope="module")
def texts() -> list[str]:
    base = _corpus() + _bench(3000) + ODD
    assert len(base) > 1000  # the corpus alone holds well over a thousand lines
    return base + [t.lower() for t in base]


def _same(old: Callable[[str], Iterable], new: Callable[[str], Iterable], texts: list[str]) -> int:
    """Assert both give the same (span, text) list on every text; return how many matches there were."""
    n = 0
    for t in texts:
        a = [(m.span(), m.group(0)) for m in old(t)]
        b = [(m.span(), m.group(0)) for m in new(t)]
        assert a == b, t
        n += len(a)
    return n


# (module, pattern, its openings): each pattern is the original with "(?=" + openings + ")" put in.
OPENED = [
    (confidential, "_C6_SECRET_RE", "_C6_OPENINGS"),
    (confidential, "_INSIDER_RE", "_INSIDER_OPENINGS"),
    (copyright, "_PERMISSION_RE", "_PERMISSION_OPENINGS"),
    (copyright, "_EVASION_RE", "_EVASION_OPENINGS"),
    (copyright, "_C4_ALONE_RE", "_C4_ALONE_OPENINGS"),
]


def _without_openings(mod: object, name: str, openings: str) -> regex.Pattern:
    """The pattern as it was: the same branches without the openings lookahead."""
    pat: regex.Pattern = getattr(mod, name)
    look = "(?=" + getattr(mod, openings) + ")"
    assert pat.pattern.count(look) == 1
    return regex.compile(pat.pattern.replace(look, "", 1), pat.flags)


def _old_c6() -> regex.Pattern:
    return _without_openings(confidential, "_C6_SECRET_RE", "_C6_OPENINGS")


@pytest.mark.parametrize(("mod", "name", "openings"), OPENED, ids=[n for _, n, _ in OPENED])
def test_openings_keep_matches(texts: list[str], mod: object, name: str, openings: str) -> None:
    old, new = _without_openings(mod, name, openings), getattr(mod, name)
    assert _same(old.finditer, new.finditer, texts) > 20
    for t in texts:
        a, b = old.search(t), new.search(t)
        assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0))), t


def test_c6_openings_lookahead_can_fail() -> None:
    """A lookahead missing one opening ('between') loses that branch's match: the test above would see it."""
    look = "(?=" + confidential._C6_OPENINGS + ")"
    broken = confidential._C6_SECRET_RE.pattern.replace(look, look.replace("|between|", "|", 1), 1)
    assert broken != confidential._C6_SECRET_RE.pattern
    b = regex.compile(broken, confidential._C6_SECRET_RE.flags)
    t = "between us, the merger is off"
    assert _old_c6().search(t) is not None and b.search(t) is None


# URL_RE as it was used in urls(): the whole pattern over every text holding "." or "://".
_URL_OLD = re.compile(
    r"(?:(?<![\w@.])(?:https?://|www\.)[^\s<>\"]+"
    r"|(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + textutil._TLDS + r")\b(?:/[^\s<>\"]*)?)",
    re.IGNORECASE,
)


def test_url_gate_keeps_links(texts: list[str]) -> None:
    assert _URL_OLD.pattern == textutil.URL_RE.pattern
    extra = ["see www.example.com.", "HTTP://X", "go to ox.ac.uk/news)", "a.b.c", "mail.co", "e.g. foo.ukx"]

    def gated(t: str) -> Iterable:
        return textutil.URL_RE.finditer(t) if textutil._URL_GATE_RE.search(t) else ()

    assert _same(_URL_OLD.finditer, gated, texts + extra) > 10
    for t in texts + extra:
        spans = []
        for m in _URL_OLD.finditer(t):
            s, e = m.span()
            while e > s and t[e - 1] in textutil._TRAILING:
                if t[e - 1] == ")" and "(" in t[s:e]:
                    break
                e -= 1
            if e - s >= 4:
                spans.append((s, e))
        assert textutil.urls(t) == spans, t


def test_gated_you_insult_search_matches_the_full_pattern(texts: list[str]) -> None:
    """ABU's second-person insult: the gate ("you", "u", "ya" ... as a word) never hides a match."""
    from townhall.policy.rules import abuse

    gated, full = abuse._YOU_INSULT_RE, abuse._YOU_INSULT_FULL_RE
    hits = 0
    for t in [*texts, "ur a muppet", "idiot u", "you're a clown", "YOURE a tosser", "x-you idiot"]:
        a, b = full.search(t), gated.search(t)
        assert (a and (a.span(), a.group(0))) == (b and (b.span(), b.group(0))), t
        hits += a is not None
    assert hits > 10
