"""Helpers for writing rules: word-bounded lexicon regexes and person cues."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from townhall.policy.compiled import given_names


def wordlist(block: str) -> list[str]:
    """Whitespace-separated words of a lexicon block (kept as prose blocks for readability)."""
    return block.split()


def phrases(block: str) -> list[str]:
    """'|'-separated phrases of a lexicon block, stripped of the line-wrapping whitespace."""
    return [p.strip() for p in block.split("|") if p.strip()]


def words_re(words: Iterable[str], flags: int = regex.IGNORECASE) -> regex.Pattern[str]:
    """A regex matching any of ``words`` (phrases allowed, spaces match any whitespace) as whole words."""
    alts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    body = "|".join(regex.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return regex.compile(r"(?<![\w])(?:" + body + r")(?![\w])", flags)


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
    r"|(?:she|he)(?:'s|\s+(?:is|has|was|had|got|told|said|failed|admitted))"
    r"|student\s+in\s+my)(?![\w])",
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
        if m.group(0).lower() in names and m.start() > 0:
            return s + m.start(), s + m.end()
        if m.group(0).lower() in names and m.start() == 0 and len(seg) > m.end() and seg[m.end()] in ",'’":
            return s + m.start(), s + m.end()
    return None
