"""Tokenising helpers shared by the platform counter and the rules (compiled once)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

_TLDS = (
    "com|org|net|edu|gov|io|co|uk|ac\\.uk|org\\.uk|co\\.uk|gov\\.uk|nhs\\.uk|eu|de|fr|nl|es|it|ie|"
    "info|biz|app|dev|ai|me|ly|gl|tv|news|social|online|site|be|ca|au|us|jp|cn|in"
)
# Links as the networks see them: explicit scheme, www., or a bare domain with a known TLD.
# The standard library's engine: this pattern needs no ``regex`` feature and runs twice as fast.
URL_RE = re.compile(
    r"(?:(?<![\w@.])(?:https?://|www\.)[^\s<>\"]+"
    r"|(?<![\w@./-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:" + _TLDS + r")\b(?:/[^\s<>\"]*)?)",
    re.IGNORECASE,
)
# A necessary condition for URL_RE, searched first: every match holds "://" or "www." (the first
# branch) or ".<tld>" followed by a word boundary (the second), so a text without any of them has
# no link. Most posts have none, and this literal-led search costs a quarter of URL_RE's scan.
_URL_GATE_RE = re.compile(r"://|www\.|\.(?:" + _TLDS + r")\b", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"’”…"
# @user, @user@instance.social (Mastodon) and @handle.bsky.social (Bluesky)
MENTION_RE = regex.compile(
    r"(?<![\w@/])@([A-Za-z0-9_]{1,30})((?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)|(?:\.[A-Za-z0-9-]+)+)?"
)
HASHTAG_RE = regex.compile(r"(?<![\w&#/])[#＃]([\p{L}\p{M}\p{N}_]*[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*)")
EMAIL_RE = regex.compile(
    r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@((?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24})\b"
)
GRAPHEME_RE = regex.compile(r"\X")
EMOJI_CLUSTER_RE = regex.compile(
    r"(?:\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3)"
)
WORD_RE = regex.compile(r"[\p{L}\p{M}'’]+")


# A DOI ("doi:10.5555/ac.2023.551", "10.1038/s41586-020-2649-2") is a link to a paper: its digits are
# no phone number, address or code (round 19 of issue 12).
_DOI_RE = re.compile(r"(?i)(?<![\w/.])(?:doi:\s*)?10\.\d{4,9}/[^\s\"<>]+")


def urls(text: str) -> list[tuple[int, int]]:
    """Spans of links (and DOIs), with trailing sentence punctuation trimmed as the networks do."""
    out: list[tuple[int, int]] = []
    if "." not in text and "://" not in text:  # every link has one or the other
        return out
    dois = _trimmed(text, _DOI_RE.finditer(text)) if "10." in text else []
    if _URL_GATE_RE.search(text) is None:
        return dois
    out = _trimmed(text, URL_RE.finditer(text))
    if dois:
        out = sorted([*out, *(d for d in dois if not any(s < d[1] and d[0] < e for s, e in out))])
    return out


def _trimmed(text: str, matches: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    """The matches' spans, trailing sentence punctuation trimmed (a closing bracket kept when its
    opening partner is inside), spans shorter than 4 characters dropped."""
    out: list[tuple[int, int]] = []
    for m in matches:
        s, e = m.span()
        while e > s and text[e - 1] in _TRAILING:
            if text[e - 1] == ")" and "(" in text[s:e]:
                break
            e -= 1
        if e - s >= 4:
            out.append((s, e))
    return out


def is_emoji_cluster(cluster: str) -> bool:
    """Whether a grapheme cluster renders as an emoji (pictographic, flag or keycap)."""
    return EMOJI_CLUSTER_RE.match(cluster) is not None or (
        len(cluster) > 1 and EMOJI_CLUSTER_RE.search(cluster) is not None
    )
