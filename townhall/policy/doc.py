"""A post under analysis: the text, its context, and lazily computed views of it.

Rules share these views (links, hashtags, lower-cased text, classifier scores) so each
is computed at most once per post, which is what keeps the whole rule set fast.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from townhall.policy import mlbridge
from townhall.policy.textutil import EMAIL_RE, HASHTAG_RE, MENTION_RE, urls
from townhall.policy.types import Context


class Doc:
    __slots__ = ("__dict__", "ctx", "text")

    def __init__(self, text: str, ctx: Context):
        self.text = text
        self.ctx = ctx

    def holds(self, pattern: Any, *, masked: bool = False) -> bool:
        """Whether ``pattern`` occurs anywhere in the post (its masked text with ``masked``).

        Why here: rules ask such whole-post questions once per cue, and on a long post that repeats
        its cue that cost the square of the post's length; asked through the post, each question is
        answered once, for every rule.
        """
        answers = self.__dict__.setdefault("_holds", {})
        key = (pattern, masked)
        if key not in answers:
            answers[key] = pattern.search(self.masked if masked else self.text) is not None
        return answers[key]

    @cached_property
    def lower(self) -> str:
        # str.lower() can change length (e.g. 'İ'); keep offsets valid by falling back to casefold-free
        low = self.text.lower()
        return low if len(low) == len(self.text) else "".join(c.lower()[:1] or c for c in self.text)

    @cached_property
    def urls(self) -> list[tuple[int, int]]:
        return urls(self.text) if "." in self.text else []

    @cached_property
    def masked(self) -> str:
        """Lower-cased text with links blanked out, so rules do not fire inside URLs."""
        low = self.lower
        if not self.urls:
            return low
        parts = []
        pos = 0
        for s, e in self.urls:
            parts.append(low[pos:s])
            parts.append(" " * (e - s))
            pos = e
        parts.append(low[pos:])
        return "".join(parts)

    @cached_property
    def hashtags(self) -> list[tuple[int, int, str]]:
        if "#" not in self.text and "＃" not in self.text:
            return []
        inside = self.urls
        return [
            (m.start(), m.end(), m.group(1))
            for m in HASHTAG_RE.finditer(self.text)
            if not any(s <= m.start() < e for s, e in inside)
        ]

    @cached_property
    def mentions(self) -> list[tuple[int, int, str]]:
        if "@" not in self.text:
            return []
        return [(m.start(), m.end(), m.group(0)) for m in MENTION_RE.finditer(self.text)]

    @cached_property
    def emails(self) -> list[tuple[int, int, str, str]]:
        if "@" not in self.text:
            return []
        return [(m.start(), m.end(), m.group(1), m.group(2).lower()) for m in EMAIL_RE.finditer(self.text)]

    @cached_property
    def abuse_probability(self) -> float | None:
        return mlbridge.abuse(self.text) if self.text.strip() else 0.0

    def abuse_at_least(self, floor: float) -> float | None:
        """The abuse probability, exact whenever it is at least ``floor`` (below, possibly an
        upper bound): what a threshold rule needs, and much cheaper on clean posts."""
        if not self.text.strip():
            return 0.0
        if "abuse_probability" in self.__dict__:
            return self.__dict__["abuse_probability"]
        return mlbridge.abuse(self.text, floor)

    @cached_property
    def stance_probability(self) -> float | None:
        return mlbridge.stance(self.text) if self.text.strip() else 0.0
