"""The speed-ups of the abuse rules (ABU001-ABU005 and the helpers ABU003 and other rules call)
change no output.

Each pre-check (a gate tried before a pattern, on the lower-cased or case-folded text) must pass
every text the pattern matches: checked on the bench's TweetEval texts (when the shared data
folder is there), the hand-written corpus lines and the dev cases, each also lower- and
upper-cased, plus generated spellings of every listed word. The gates read ASCII letters off the
lower-cased or case-folded text, which is right only because of what IGNORECASE matches and what
lowering and folding do to each character: those facts are checked for every code point.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
import regex

from townhall.policy.rules import abuse, common

from .test_speed_regex import _bench, _corpus

# Characters that IGNORECASE matches to an ASCII letter without being one (re: all four; regex:
# all but the dotless i).
SPECIAL = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
ODD = ["ſlut", "\u212aike", "İdiot", "ıdiot", "you are a ſtupid İdiot", "Muslıms are vermin", "YOU ARE PATHETİC"]


def _doc_lower(text: str) -> str:
    """Doc.lower: str.lower(), or lower-casing char by char where that would change the length."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] or c for c in text)


@pytest.fixture(scope="module")
def base_texts() -> list[str]:
    base = _corpus() + _bench(3000) + ODD
    assert len(base) > 1000
    return base


@pytest.fixture(scope="module")
def texts(base_texts: list[str]) -> list[str]:
    return base_texts + [t.lower() for t in base_texts] + [t.upper() for t in base_texts]


def _every_char() -> str:
    """Every code point but the surrogates, as one string (one C-speed scan per pattern)."""
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def _changed_by(f: Callable[[str], str]) -> list[str]:
    """The characters ``f`` changes (the others keep every class trivially)."""
    return [c for c in _every_char() if f(c) != c]


def test_ignorecase_ascii_letters_are_only_the_known_ones() -> None:
    """The gates assume these four are the only non-ASCII characters IGNORECASE matches to an
    ASCII letter, in re and in regex."""
    every = _every_char()
    found_re = {c for c in re.findall("[a-z]", every, re.IGNORECASE) if not c.isascii()}
    found_rx = {c for c in regex.findall("[a-z]", every, regex.IGNORECASE) if not c.isascii()}
    assert found_re == set(SPECIAL)
    assert found_rx <= set(SPECIAL)
    for c, letter in SPECIAL.items():
        assert re.fullmatch(letter, c, re.IGNORECASE)


def test_lowering_keeps_the_gates_classes() -> None:
    """On the lower-cased text (Doc.lower, or str.lower()): a character outside the boundary
    classes stays outside, and a character IGNORECASE matches to an ASCII letter becomes that
    letter or one of the gates' extra letters ('ı', 'ſ', a combining dot after an 'i')."""
    outside = re.compile(r"[\w*@#!$|+.\-\s]")
    changed = _changed_by(str.lower)
    assert len(changed) > 1000
    for c in changed:
        if outside.match(c) is None:
            assert outside.match(_doc_lower(c)) is None, hex(ord(c))
            assert all(outside.match(x) is None for x in c.lower()), hex(ord(c))
    extra = re.compile("[" + abuse._LOWER_LETTER_OR_DOT + "]+")
    for c in [*SPECIAL, *"ABCXYZabcxyz"]:
        assert extra.fullmatch(c.lower()) and extra.fullmatch(_doc_lower(c)), c


def _fold(c: str) -> str:
    return c.casefold().replace("i\u0307", "i").replace("\u0131", "i")


def test_folding_keeps_words_whole() -> None:
    """_ascii_runs: only a word character (in re and in regex) folds to anything holding an ASCII
    letter, and each special character folds to its letter."""
    letter = re.compile("[a-z]")
    changed = _changed_by(_fold)
    assert len(changed) > 1000
    for c in changed:
        if letter.search(_fold(c)):
            assert re.match(r"\w", c) and regex.match(r"\w", c), hex(ord(c))
    for c, want in SPECIAL.items():
        assert abuse._ascii_runs(f"x {c} y") >= {want}, unicodedata.name(c)


def _disguises(word: str) -> list[str]:
    """Symbol-and-digit spellings of a slur, as DISGUISED_SLURS_RE accepts them."""
    out = []
    for i in range(1, len(word)):
        for sub in ["*", "**", "#", *abuse._LOOKALIKE.get(word[i], "")]:
            out.append(word[:i] + sub + word[i + 1 :])
    return out


def _generated_slurs() -> list[str]:
    out = []
    for w in abuse._DISGUISABLE:
        for d in _disguises(w):
            out += [d, d.upper(), d + "s", f"what a {d}!", f"@x {d.capitalize()}"]
            out += [d.replace("s", "\u017f").replace("k", "\u212a").replace("i", "\u0131"), d.replace("i", "\u0130")]
        for sep in [" ", ".", "-", "_", ". ", "  "]:
            spaced = sep.join(w)
            out += [spaced, spaced.upper(), f"you {spaced}"]
            out += [spaced.replace("i", "\u0130"), spaced.replace("i", "\u0131")]
    return out


def test_disguise_precheck_keeps_every_match(texts: list[str]) -> None:
    found = 0
    for t in [*texts, *_generated_slurs()]:
        if any(abuse._DISGUISE_CHAR_RE.search(m.group(0)) for m in abuse.DISGUISED_SLURS_RE.finditer(t)):
            found += 1
            assert abuse._may_be_disguised(_doc_lower(t)), t
            assert abuse._may_be_disguised(t), t
    assert found > 500


def test_disguise_precheck_skips_ordinary_symbols() -> None:
    for t in ["@user hello 2024", "Great day!!! 10/10", "email me at a@b.com", "A 9 and M 8"]:
        assert not abuse._may_be_disguised(t), t


def test_spaced_precheck_keeps_every_match(texts: list[str]) -> None:
    found = 0
    for t in [*texts, *_generated_slurs()]:
        if abuse.SPACED_SLURS_RE.search(t):
            found += 1
            assert abuse._SPACED_LETTERS_RE.search(_doc_lower(t)), t
            assert abuse._SPACED_LETTERS_RE.search(t.lower()), t
    assert found > 100


def test_directed_and_hate_prechecks_keep_every_match(texts: list[str]) -> None:
    """ABU002's and ABU005's word pre-checks read the shared _ascii_runs."""
    directed = hate = 0
    extra = ["you are a ſtupid İdiot", "YOU ARE PATHETİC", "you are pathetıc", "Muslıms are vermin"]
    for t in [*texts, *extra]:
        if abuse.DIRECTED_RE.search(t):
            directed += 1
            assert abuse._may_direct(t), t
        if abuse.HATE_GENERALISATION_RE.search(t):
            hate += 1
            runs = abuse._ascii_runs(t)
            assert not abuse._GROUP_LAST_WORDS.isdisjoint(runs) and not abuse._HATE_VERBS.isdisjoint(runs), t
    assert directed > 50 and hate > 5


def test_required_parts_reads_each_branch() -> None:
    assert common.required_parts(r"\b(?:idiots?|p(?:a|ae|e)dophiles?|waste\s+of\s+space)\b") == {
        "idiot",
        "dophile",
        "waste",
    }
    assert common.required_parts(r"(?<!april\s)fools?(?!['’])|brain-dead") == {"fool", "brain-dead"}
    got = common.required_parts(r"(?:so\s+)?(?:damn|dead)\s+good|oh\s+my\s+(?:god|gosh)")
    assert got == {"damn", "dead", "god", "gosh"}
    assert common.required_parts(r"x|f+[u*]+") == {"x", "f"}  # a repeat at least once is required
    with pytest.raises(ValueError):
        common.required_parts(r"idiot|[a-z]+")  # the second branch holds no literal


def _gated() -> dict[str, abuse._GatedPattern]:
    found = {name: g for name, g in vars(abuse).items() if isinstance(g, abuse._GatedPattern)}
    assert len(found) >= 12
    return found


def _word_samples() -> list[str]:
    """The listed insults, profanity and slurs in short posts, also with the characters IGNORECASE
    matches to ASCII letters put in."""
    words = [w.replace("\\s+", " ") for w in f"{abuse.INSULT_ADJ}|{abuse.INSULT_NOUNS}".split("|")]
    words += ["fuck", "fuuuck", "f*ck", "f**k", "fck", "sh1t", "bullshit", "sh*tty", "c*nt", "b1tch", "b!tches", "ass"]
    words += ["asses", "asshole", "pussy", "stfu", "kys", "wtf", "goddamn", "motherfucker", "brain-dead", "april fools"]
    words += ["hillbillies", "paedophile", "pedophiles", "hypocritical", "subhuman", "sub-humans", "cockroaches"]
    out = []
    for w in words:
        for v in {w, w.upper(), w.replace("s", "\u017f"), w.replace("k", "\u212a"), w.replace("i", "\u0131"),
                  w.replace("I", "\u0130").replace("i", "\u0130")}:
            out += [v, f"you {v}!", f"What a {v}. He is {v}, they said", f'the word "{v}" in a paper on slurs']
    return out


def test_gated_patterns_match_their_full_pattern(base_texts: list[str]) -> None:
    """(On the texts as written: the word samples carry the upper-case and odd-letter spellings.)"""
    samples = [*base_texts, *_word_samples()]
    for name, g in _gated().items():
        matched = skipped = 0
        for t in samples:
            a = [(m.span(), m.group(0)) for m in g.full.finditer(t)]
            if not g.may_match(t):
                assert not a, (name, t)
                skipped += 1
                continue
            b = [(m.span(), m.group(0)) for m in g.finditer(t)]
            assert a == b, (name, t)
            s1, s2 = g.full.search(t), g.search(t)
            assert (s1 and s1.span()) == (s2 and s2.span()), (name, t)
            matched += bool(a)
        assert matched > 3, name
        assert skipped > len(samples) // 10, name  # the gate is worth having


def test_profanity_branches_kept_out_of_the_parts_exist() -> None:
    branches = abuse._PROFANITY.split("|")
    assert set(abuse._PROFANITY_CLASSED) <= set(branches)


# --- the helpers as they were (each pattern searched anew, no gate), to compare with ------------
def _full(name: str) -> re.Pattern[str]:
    p = getattr(abuse, name)
    return p.full if isinstance(p, abuse._GatedPattern) else p


def _old_scorns(t: str) -> bool:
    return any(
        not abuse._SELF_BEFORE_RE.search(t, max(0, m.start() - 40), m.start())
        and t[m.start() - 1 : m.start()] not in abuse._QUOTES
        for m in _full("_PERSON_CONTEMPT_RE").finditer(t)
    )


def _old_third(t: str) -> bool:
    return abuse._TARGET_RE.search(t) is not None and abuse._FONDNESS_RE.search(t) is None


def _harm(t: str, *names: str) -> bool:
    return any(_full(n).search(t) for n in names)


def _old_cue(t: str) -> bool:
    if abuse._ADDRESSED_RE.search(t) or abuse._YOU_INSULT_FULL_RE.search(t) or abuse._YOU_SUBJECT_RE.search(t):
        return True
    if _old_third(t) or _old_scorns(t):
        return True
    if abuse._PUNISH_RE.search(t) or abuse._NAMED_VERDICT_RE.search(t) or _full("_BARE_VERDICT_RE").fullmatch(t):
        return True
    for m in _full("_STRONG_RE").finditer(t):
        if not abuse._SELF_BEFORE_RE.search(t, max(0, m.start() - 40), m.start()):
            return True
    return _harm(t, "_VIOLENT_RE", "_WISH_HARM_RE", "_DEHUMANISING_RE", "THREAT_RE")


def _old_aims(t: str) -> bool:
    return bool(
        abuse._OTHER_PERSON_RE.search(t)
        or _old_third(t)
        or _old_scorns(t)
        or abuse._PUNISH_RE.search(t)
        or abuse._NAMED_VERDICT_RE.search(t)
        or _full("_BARE_VERDICT_RE").fullmatch(t)
        or _full("_PROFANITY_RE").search(t)
        or abuse.SLURS.search(t)
    )


def _old_banter(t: str) -> bool:
    return bool(
        _full("_WARMTH_RE").search(t)
        and all(m.group(0).lower() in abuse._FOND_INSULTS for m in _full("_STRONG_RE").finditer(t))
        and not _full("_PROFANITY_RE").search(t)
        and not _full("_STRONG_NOUN_RE").search(t)
        and not abuse.SLURS.search(t)
        and not _harm(t, "_VIOLENT_RE", "_WISH_HARM_RE", "_DEHUMANISING_RE", "THREAT_RE")
    )


def _old_delight(t: str) -> bool:
    spans = [m.span() for m in _full("_DELIGHT_RE").finditer(t)]
    if not spans:
        return False
    for m in _full("_PROFANITY_RE").finditer(t):
        if not any(s <= m.start() < e for s, e in spans):
            return False
    if abuse._YOU_INSULT_FULL_RE.search(t) or _old_scorns(t) or abuse.SLURS.search(t):
        return False
    if _harm(t, "_VIOLENT_RE", "_WISH_HARM_RE", "_DEHUMANISING_RE", "THREAT_RE", "_STRONG_NOUN_RE"):
        return False
    return all(
        any(s <= m.start() < e for s, e in spans) or m.group(0).lower() in abuse._MILD_INSULTS
        for m in _full("_STRONG_RE").finditer(t)
    )


def _old_quotes(t: str) -> bool:
    if _full("_DISCUSSES_RE").search(t) is None:
        return False
    found = False
    for name in ("_STRONG_RE", "_PERSON_CONTEMPT_RE", "_DEHUMANISING_RE", "_PROFANITY_RE"):
        for m in _full(name).finditer(t):
            if not abuse._in_quotes(t, m.start(), m.end()):
                return False
            found = True
    return found


def _old_judges(t: str) -> bool:
    if _full("_THING_SUBJECT_RE").search(t) is None:
        return False
    if abuse._ADDRESSED_RE.search(t) or abuse._YOU_INSULT_FULL_RE.search(t) or abuse._YOU_SUBJECT_RE.search(t):
        return False
    if _old_scorns(t) or _full("_PROFANITY_RE").search(t) or abuse.SLURS.search(t):
        return False
    if _full("_STRONG_NOUN_RE").search(t):
        return False
    if any(m.group(0).lower() not in abuse._INSULT_ADJ_WORDS for m in _full("_STRONG_RE").finditer(t)):
        return False
    return not _harm(t, "_VIOLENT_RE", "_WISH_HARM_RE", "_DEHUMANISING_RE", "THREAT_RE", "_PUNISH_RE")


def _old_studies(t: str) -> bool:
    if _full("_RESEARCH_RE").search(t) is None or _full("_ABUSE_TOPIC_RE").search(t) is None:
        return False
    if abuse._ADDRESSED_RE.search(t) or abuse._YOU_INSULT_FULL_RE.search(t) or _full("_PROFANITY_RE").search(t):
        return False
    if abuse.SLURS.search(t) or _full("_STRONG_NOUN_RE").search(t):
        return False
    return not _harm(t, "_VIOLENT_RE", "_WISH_HARM_RE", "THREAT_RE", "_PUNISH_RE")


HELPERS = [
    (abuse.has_offence_cue, _old_cue),
    (abuse.aims_at_someone, _old_aims),
    (abuse.is_banter, _old_banter),
    (abuse.swears_in_delight, _old_delight),
    (abuse.quotes_to_discuss, _old_quotes),
    (abuse.judges_a_thing, _old_judges),
    (abuse.studies_abuse, _old_studies),
    (abuse._scorns_a_person, _old_scorns),
    (abuse._targets_a_third_party, _old_third),
]


def test_helpers_answer_as_before(base_texts: list[str]) -> None:
    """Each helper, its answers remembered per post and its patterns gated, says what the old
    code said on every text (each helper asked first, and again after the others)."""
    extra = [
        "Fucking delighted to announce I passed my viva!",
        'propaganda that described Jews as "vermin"',
        "Research seminar: racist abuse of footballers on social media, Thursday 4pm",
        "the government's plan to cap visas is economically illiterate",
        "@x shut up you daft eejit, you know you're welcome any time ❤",
        "I'm a useless idiot, booked the wrong room",
    ]
    texts = [*base_texts[:4000], *extra, *_word_samples()[::7]]
    yes = dict.fromkeys(range(len(HELPERS)), 0)
    for order in (HELPERS, HELPERS[::-1]):
        abuse._reading.cache_clear()
        for t in texts:
            for new, old in order:
                want = old(t)
                assert new(t) == want, (new.__name__, t)
                yes[HELPERS.index((new, old))] += want
    assert all(v > 0 for v in yes.values()), yes


def test_you_insult_word_gate_keeps_every_match(base_texts: list[str]) -> None:
    """_YOU_INSULT_RE's insult-word gate (on top of its 'you' gate) never hides a match."""
    gated, full = abuse._YOU_INSULT_RE, abuse._YOU_INSULT_FULL_RE
    hits = 0
    for t in [*base_texts, *_word_samples(), "you brain-dead lot", "idiot u", "you're a ſtupid clown"]:
        a, b = full.search(t), gated.search(t)
        assert (a and a.span()) == (b and b.span()), t
        hits += a is not None
    assert hits > 100
