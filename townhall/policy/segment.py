"""Split letters written without spaces into the fewest dictionary words ("refugeeswelcome" ->
"refugees welcome"): hashtags for the accessibility advice, and words spelled out one letter at
a time with single spaces between letters and words alike ("y o u a r e a n i d i o t") for
`fold`, which keeps the spaces at the word boundaries found here."""

from __future__ import annotations

import functools

# Words of one or two letters a split may use: junk entries of the frequency list are not.
_SHORT_OK_TEXT = "a i in of on to at by is it we my me up us an or as be do go no so if"
SHORT_OK = frozenset(_SHORT_OK_TEXT.split())

# Common words that words.txt leaves out because zxcvbn lists them as passwords ("welcome", "summer"):
# hashtags are made of them ("#refugeeswelcome" was split "RefugeeSwelcoMe"). For segmentation only:
# the credential rules read words.txt as "a dictionary word is no secret", and "Welcome1" must stay one.
_SEGMENT_EXTRA_TEXT = """welcome hello love summer winter spring autumn sunshine happy christmas monday tuesday
    wednesday
    thursday friday saturday sunday weekend football soccer freedom princess dragon password passwords
    secret master shadow superman batman"""
SEGMENT_EXTRA = frozenset(_SEGMENT_EXTRA_TEXT.split())


@functools.cache
def segment_words(extra: frozenset[str] = frozenset()) -> frozenset[str]:
    """The dictionary a split may use: words.txt, `SEGMENT_EXTRA` and the caller's ``extra``."""
    from townhall.policy.compiled import wordset  # not at import: fold is imported by compiled's users

    return wordset() | SEGMENT_EXTRA | extra


@functools.lru_cache(maxsize=8192)
def segment(body: str, extra: frozenset[str] = frozenset()) -> tuple[str, ...] | None:
    """Split a lower-case run of letters into the fewest dictionary words (None if impossible).

    Words of one or two letters are only allowed from `SHORT_OK`, so that junk entries in the
    frequency list do not produce spurious splits.
    """
    words = segment_words(extra)
    n = len(body)
    best: list[tuple[int, int] | None] = [None] * (n + 1)  # (word count, previous index)
    best[0] = (0, -1)
    for i in range(n):
        if best[i] is None:
            continue
        count = best[i][0]  # type: ignore[index]
        for j in range(i + 1, min(n, i + 20) + 1):
            w = body[i:j]
            if (len(w) >= 3 and w in words) or w in SHORT_OK:
                cand = (count + 1, i)
                if best[j] is None or cand[0] < best[j][0]:  # type: ignore[index]
                    best[j] = cand
    if best[n] is None:
        return None
    out = []
    j = n
    while j > 0:
        i = best[j][1]  # type: ignore[index]
        out.append(body[i:j])
        j = i
    return tuple(reversed(out))
