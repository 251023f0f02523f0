"""Helpers for writing rules: word-bounded lexicon regexes and person cues."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import regex

from townhall.policy.compiled import given_names
from townhall.policy.tagger import name_probability


def wordlist(block: str) -> list[str]:
    """Whitespace-separated words of a lexicon block (kept as prose blocks for readability)."""
    return block.split()


def phrases(block: str) -> list[str]:
    """'|'-separated phrases of a lexicon block, stripped of the line-wrapping whitespace."""
    return [p.strip() for p in block.split("|") if p.strip()]


TOKEN_RE = re.compile(r"\w+(?:['’-]\w+)*")


@functools.lru_cache(maxsize=256)
def tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, lower-case word) for each word; cached because several lexicons scan each post."""
    if "’" not in text and text.lower() == text:
        # already lower case (the rules pass doc.masked): each word's lower() is itself, since
        # only a capital sigma lowers differently by context, and there is none
        return tuple([(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)])
    # (a list built and frozen: faster than tuple() over a generator)
    return tuple([(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in TOKEN_RE.finditer(text)])


@functools.lru_cache(maxsize=256)
def token_set(text: str) -> frozenset[str]:
    """The distinct lower-case words of ``text`` (for a C-speed 'any lexicon word here?' test),
    possessives also without their 's ("Reform UK's" holds "uk's" and "uk")."""
    words = {t[2] for t in tokens(text)}
    if "'" not in text and "’" not in text:  # no possessive to strip
        return frozenset(words)
    return frozenset(words | {w[:-2] for w in words if w.endswith("'s")})


@functools.lru_cache(maxsize=256)
def token_index(text: str) -> dict[str, tuple[int, ...]]:
    """Word -> the token positions holding it (possessives also under their bare word): built in
    one pass per post, so each lexicon visits only the positions of its own first words instead
    of walking every token (a dozen lexicons scan each post)."""
    idx: dict[str, list[int]] = {}
    for i, (_s, _e, w) in enumerate(tokens(text)):
        idx.setdefault(w, []).append(i)
        if w.endswith("'s"):
            idx.setdefault(w[:-2], []).append(i)
    return {w: tuple(v) for w, v in idx.items()}


def _bare(w: str) -> str:
    return w[:-2] if w.endswith("'s") else w


def gate(text: str, words: frozenset[str]) -> bool:
    """Cheap pre-check: does ``text`` hold any of ``words`` (lower-case whole tokens)? Rules run
    their big patterns only when it does, which keeps the whole rule set fast on ordinary posts."""
    return not words.isdisjoint(token_set(text))


def gate_words(block: str) -> frozenset[str]:
    return frozenset(block.split())


def may_hold(low: str, stems: tuple[str, ...]) -> bool:
    """Whether the lower-cased ``low`` holds any of ``stems`` (lower-case ASCII) as a substring.

    Why: a case-insensitive pattern each of whose branches needs one of the stems literally cannot
    match a post without any, and ``in`` finds a stem in well under a microsecond where the
    pattern scans every position. 'ſ' (long s) is the one character that stays itself when
    lower-cased yet matches an ASCII letter ('s') under IGNORECASE (the Kelvin sign lower-cases
    to 'k'), so a post holding it always passes.
    """
    return "ſ" in low or any(s in low for s in stems)


class LexMatch:
    """The part of ``re.Match`` the rules use, for a lexicon hit."""

    __slots__ = ("_e", "_s", "_text")

    def __init__(self, text: str, s: int, e: int):
        self._text, self._s, self._e = text, s, e

    def start(self) -> int:
        return self._s

    def end(self) -> int:
        return self._e

    def span(self) -> tuple[int, int]:
        return self._s, self._e

    def group(self, _n: int = 0) -> str:
        return self._text[self._s : self._e]


class Lexicon:
    """Whole-word / whole-phrase lookup by hashing tokens: O(words in the post), whatever the
    lexicon's size, which is what a regex alternation of hundreds of phrases is not."""

    def __init__(self, phrases_: Iterable[str]):
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for ph in {p.strip().lower() for p in phrases_ if p.strip()}:
            toks = tuple(t.lower() for t in TOKEN_RE.findall(ph))
            if toks:
                self.first.setdefault(toks[0], []).append(toks)
        for v in self.first.values():
            v.sort(key=len, reverse=True)
        self.keys = frozenset(self.first)

    def finditer(self, text: str) -> Iterator[LexMatch]:
        words = token_set(text)
        if self.keys.isdisjoint(words):  # most posts: no set built
            return
        present = self.keys.intersection(words)
        toks = tokens(text)
        first = self.first
        n = len(toks)
        index = token_index(text)
        where = index[next(iter(present))] if len(present) == 1 else sorted({i for w in present for i in index[w]})
        for i in where:
            s, _e, w = toks[i]
            cands = first.get(w) or first.get(_bare(w))
            if not cands:
                continue
            for ph in cands:
                k = len(ph)
                if i + k > n:
                    continue
                if k > 1:
                    # the second word first, inline: most candidate phrases fail there
                    w1 = toks[i + 1][2]
                    if w1 != ph[1] and (w1[:-2] != ph[1] or w1[-2:] != "'s"):  # nor its bare form
                        continue
                    if k > 2 and not all(
                        toks[i + j][2] == ph[j] or _bare(toks[i + j][2]) == ph[j] for j in range(2, k)
                    ):
                        continue
                yield LexMatch(text, s, toks[i + k - 1][1])
                break

    def search(self, text: str) -> LexMatch | None:
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list[str]:
        return [m.group(0) for m in self.finditer(text)]


def words_re(words: Iterable[str]) -> Lexicon:
    """A case-insensitive whole-word lexicon of ``words`` (multi-word phrases allowed)."""
    return Lexicon(words)


SENTENCE_RE = regex.compile(r"[^.!?\n]+(?:[.!?\n]+|$)")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    for m in SENTENCE_RE.finditer(text):
        yield m.span()


CAP_WORD_RE = regex.compile(r"(?<![\w'’])\p{Lu}\p{Ll}{1,20}(?![\w])")
PERSON_WORDS_RE = regex.compile(
    r"(?<![\w])(?:(?:my|our|a|one\s+of\s+my|one\s+of\s+our|this|that|the|his|her|their)\s+"
    r"(?:\w+\s+)?(?:student|pupil|tutee|supervisee|colleague|co-?worker|classmate|flatmate|housemate|"
    r"lecturer|professor|tutor|supervisor|manager|boss|head\s+of\s+\w+|line\s+manager|intern|"
    r"postdoc|phd\s+student|member\s+of\s+staff|friend|neighbou?r|patient|client)s?"
    r"|(?:dr|prof|professor|mr|mrs|ms|miss|mx)\.?\s+\p{Lu}\p{Ll}+"
    r"|(?:she|he)(?:'s|\s+(?:is|has|was|had|got|told|said|failed|admitted|returns|returned|must|needs))"
    r"|student\s+in\s+my|(?:one\s+of\s+)?my\s+(?:first|second|third|final)[-\s]years"
    r"|(?:from|in)\s+my\s+(?:\w+\s+)?(?:class|lab|group|seminar|tutorial|module|team|cohort|office))(?![\w])",
    regex.IGNORECASE,
)


def person_cue(text: str, s: int, e: int) -> tuple[int, int] | None:
    """Span of something identifying a specific person in text[s:e] (a given name,
    'my student', 'Dr Smith', 'she has'), or None."""
    seg = text[s:e]
    m = PERSON_WORDS_RE.search(seg)
    if m:
        return s + m.start(), s + m.end()
    names = given_names()
    for m in CAP_WORD_RE.finditer(seg):
        w = m.group(0)
        known = w.lower() in names
        if not known and (w.lower() in _NOT_NAMES or name_probability(w) < 0.5):
            continue
        # a capitalised word opening a sentence is only a name when it is followed by a verb-like
        # lower-case word, a comma or a possessive ("Ahmed got 38%", "Chloe, second row")
        start = m.start() == 0 or seg[: m.start()].rstrip()[-1:] in ".!?\n:"
        nxt = seg[m.end() : m.end() + 12]
        if not start or nxt[:1] in ",'’" or (known and regex.match(r" [a-z]", nxt)) or regex.match(
            r" (?:\p{Lu}\p{Ll}+ )?(?:is|was|has|had|got|from|in|who|failed|scraped|must|just|told)\b", nxt
        ):
            return s + m.start(), s + m.end()
    return None


# capitalised words the name model may mistake for names in academic posts
_NOT_NAMES = frozenset(
    wordlist("""dean chancellor registrar provost professor doctor student students staff the this that our their
    senate council faculty school""")
)
