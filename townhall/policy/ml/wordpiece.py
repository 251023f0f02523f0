"""BERT uncased WordPiece tokenisation in plain Python (no ``tokenizers``/``transformers``).

The abuse student (``student.py``) reads WordPiece ids of the MiniLM vocabulary it was distilled
with.  It is re-implemented here, following the Hugging Face ``BertNormalizer`` +
``BertPreTokenizer`` + ``WordPiece`` pipeline step for step, so the runtime needs neither library;
``distill.py`` counts disagreements with the reference tokenizer over the whole training corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

MAX_CHARS_PER_WORD = 100


def _is_control(ch: str) -> bool:
    if ch in "\t\n\r":
        return False
    return unicodedata.category(ch).startswith("C")


def _is_whitespace(ch: str) -> bool:
    return ch in " \t\n\r" or unicodedata.category(ch) == "Zs"


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF
            or 0x2A700 <= cp <= 0x2B73F or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF
            or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def _char_map(ch: str) -> str:
    """What one character of NFD text becomes: dropped (controls, accents), a space (whitespace),
    spaced out (CJK ideographs) or itself."""
    cp = ord(ch)
    if cp == 0 or cp == 0xFFFD or _is_control(ch) or unicodedata.category(ch) == "Mn":
        return ""
    if _is_whitespace(ch):
        return " "
    if _is_cjk(cp):
        return f" {ch} "
    return ch


_CHAR_MAP: dict[str, str] = {}
_ASCII_CLEAN = {i: None for i in range(32) if chr(i) not in "\t\n\r"} | {127: None}
# ASCII punctuation is a word of its own; everything else between whitespace is one word.
_ASCII_WORDS = re.compile(r"[^\s!-/:-@\[-`{-~]+|[!-/:-@\[-`{-~]")


class _Table(dict):
    """A ``str.translate`` table that works out (and keeps) each character's mapping on first
    sight: the per-character loop then runs in C."""

    def __init__(self, fn: Callable[[str], str]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, cp: int) -> str:
        m = self[cp] = self.fn(chr(cp))
        return m


# what NFD text's characters become (see _char_map); punctuation spaced out (see pre_tokenize)
_NORM_TABLE = _Table(_char_map)
_PUNCT_TABLE = _Table(lambda ch: f" {ch} " if _is_punctuation(ch) else ch)


def normalize(text: str) -> str:
    """clean_text, spaces around CJK ideographs, strip accents (NFD, drop Mn), lowercase.

    NFD first and then one cached lookup per character: the same result as the reference order
    (clean, CJK, NFD, strip) since NFD creates no controls, whitespace or new ideograph ranges."""
    if text.isascii():
        return text.translate(_ASCII_CLEAN).lower()
    return unicodedata.normalize("NFD", text).translate(_NORM_TABLE).lower()


def normalize_reference(text: str) -> str:
    """``normalize`` with the per-character loop in Python (for the tests)."""
    if text.isascii():
        return text.translate(_ASCII_CLEAN).lower()
    out = []
    cmap = _CHAR_MAP
    for ch in unicodedata.normalize("NFD", text):
        m = cmap.get(ch)
        if m is None:
            m = cmap[ch] = _char_map(ch)
        out.append(m)
    return "".join(out).lower()


def pre_tokenize(text: str) -> list[str]:
    """Split on whitespace, then make every punctuation character a word of its own: the same as
    spacing out every punctuation character and splitting on whitespace."""
    if text.isascii():
        return _ASCII_WORDS.findall(text)
    return text.translate(_PUNCT_TABLE).split()


def pre_tokenize_reference(text: str) -> list[str]:
    """``pre_tokenize`` with the per-character loop in Python (for the tests)."""
    if text.isascii():
        return _ASCII_WORDS.findall(text)
    words: list[str] = []
    for chunk in text.split():
        if chunk.isascii():
            words.extend(_ASCII_WORDS.findall(chunk))
            continue
        cur = []
        for ch in chunk:
            if _is_punctuation(ch):
                if cur:
                    words.append("".join(cur))
                    cur = []
                words.append(ch)
            else:
                cur.append(ch)
        if cur:
            words.append("".join(cur))
    return words


class WordPiece:
    """Greedy longest-match-first WordPiece over a fixed vocabulary (``##`` marks continuations)."""

    def __init__(self, vocab: list[str], unk: str = "[UNK]") -> None:
        self.vocab = {tok: i for i, tok in enumerate(vocab)}
        self.unk_id = self.vocab[unk]
        self.word_ids = lru_cache(maxsize=1 << 16)(self._word_ids)

    def _word_ids(self, word: str) -> tuple[int, ...]:
        if len(word) > MAX_CHARS_PER_WORD:
            return (self.unk_id,)
        hit = self.vocab.get(word)
        if hit is not None:
            return (hit,)
        ids: list[int] = []
        start, n = 0, len(word)
        while start < n:
            end = n
            found = None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return (self.unk_id,)
            ids.append(found)
            start = end
        return tuple(ids)

    def encode(self, text: str, max_len: int | None = None,
               lookup: Callable[[str], Sequence[int]] | None = None) -> list[int]:
        """WordPiece ids of ``text`` (no [CLS]/[SEP]), cut at ``max_len`` ids; ``lookup`` maps a
        word to something else per piece (the student's table rows), cached by the caller."""
        lookup = lookup or self.word_ids
        ids: list[int] = []
        for word in pre_tokenize(normalize(text)):
            ids.extend(lookup(word))
            if max_len is not None and len(ids) >= max_len:
                return ids[:max_len]
        return ids
