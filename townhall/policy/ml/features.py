"""Tweet normalisation and sparse TF-IDF featurisation shared by training and inference.

The exact same functions run at training time (to build the sparse design matrix fed to
scikit-learn) and at inference time (to score one post with numpy), so the exported model
cannot drift from what was trained.  Only the standard library, ``regex`` and numpy are used.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import pairwise

import numpy as np
import regex

# Longest text a single scoring pass looks at; longer texts are scored in windows (see model.py).
WINDOW_CHARS = 1200

# Stdlib ``re`` is used where it suffices: it is markedly faster than ``regex`` on these patterns.
_ESCAPE_RE = re.compile(r"\\u([0-9a-fA-F]{4})")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.I)
_MENTION_RE = re.compile(r"(?<![\w@])@\w+")
_HASHTAG_RE = re.compile(r"#(\w+)")
_CAMEL_RE = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})")
_ELONG_RE = re.compile(r"(.)\1\1+")
_NUM_RE = re.compile(r"\b\d+(?:[.,:]\d+)*\b")
_DIGIT_RE = re.compile(r"\d")
_QUOTES_RE = re.compile(r'"{2,}')
# Words (with inner apostrophes), or single non-space symbols (punctuation, each emoji codepoint).
_TOKEN_RE = re.compile(r"@user|\w+(?:'\w+)*|[^\w\s]")


def _decode_escapes(text: str) -> str:
    """Turn literal ``\\u2019`` sequences (present in some dataset dumps) into characters."""
    if "\\u" not in text:
        return text
    out = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1), 16)), text)
    try:
        return out.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeError:
        return out.encode("utf-8", "replace").decode("utf-8", "replace")


_HASHTAG_SPLIT: dict[str, str] = {}


def _split_hashtag(match: re.Match[str]) -> str:
    body = match.group(1)
    out = _HASHTAG_SPLIT.get(body)
    if out is None:  # hashtags repeat across posts: split each once
        if len(_HASHTAG_SPLIT) >= 100_000:
            _HASHTAG_SPLIT.clear()
        out = _HASHTAG_SPLIT[body] = "# " + _CAMEL_RE.sub(" ", body) + " #"
    return out


def normalize(text: str) -> str:
    """Canonicalise a post: escapes, HTML entities, URLs, mentions, hashtags, elongation, case.

    Why: tweets spell the same word many ways ("soooo", "#SoTired", "@someone"); collapsing these
    lets a small vocabulary generalise.  Hashtags are split on camel-case because they often carry
    the sentiment/stance ("#HillaryForPrison").
    """
    text = _decode_escapes(text)
    if "&" in text:
        text = html.unescape(text)
    text = text.replace("\\", "").replace("’", "'").replace("‘", "'")
    if '""' in text:  # (each step below is skipped when it cannot change the text: same result, faster)
        text = _QUOTES_RE.sub('"', text)
    if len(text) > 1 and text[0] == '"' and text[-1] == '"':
        text = text[1:-1]
    low = text.lower()
    if "http" in low or "www." in low:
        text = _URL_RE.sub(" http ", text)
    if "@" in text:
        text = _MENTION_RE.sub(" @user ", text)
    if "#" in text:
        text = _HASHTAG_RE.sub(_split_hashtag, text)
    text = text.lower()
    text = _ELONG_RE.sub(r"\1\1", text)
    if _DIGIT_RE.search(text) is not None:
        text = _NUM_RE.sub("0", text)
    # str.split() and re's \s both split on Py_UNICODE_ISSPACE: the same as
    # re.sub(r"\s+", " ", text).strip(), without a match object for every single space
    return " ".join(text.split())


def tokens(norm: str) -> list[str]:
    """Word tokens of normalised text."""
    return _TOKEN_RE.findall(norm)


@lru_cache(maxsize=512)
def normalized_tokens(text: str) -> tuple[str, tuple[str, ...]]:
    """(normalize(text), its tokens), memoised: the featuriser and the lexicon members of the
    abuse and sentiment stacks all start from these, for the same post, one after another."""
    norm = normalize(text)
    return norm, tuple(tokens(norm))


def pairwise_bigrams(toks: Sequence[str]) -> list[str]:
    """Word bigrams joined by a space (which no token contains)."""
    return [a + " " + b for a, b in pairwise(toks)]


def word_ngrams(toks: Sequence[str]) -> list[str]:
    """Word unigrams and bigrams."""
    return [*toks, *pairwise_bigrams(toks)]


CHAR_LO, CHAR_HI = 2, 5


def word_char_ngrams(word: str) -> list[str]:
    """Character 2-5grams of one space-padded word (like scikit-learn's ``char_wb``)."""
    p = " " + word + " "
    n_len = len(p)
    grams: list[str] = []
    for n in range(CHAR_LO, min(CHAR_HI, n_len) + 1):
        grams.extend([p[i : i + n] for i in range(n_len - n + 1)])
    return grams


def char_ngrams(norm: str) -> list[str]:
    """Character n-grams of every word of normalised text."""
    grams: list[str] = []
    for w in norm.split(" "):
        grams.extend(word_char_ngrams(w))
    return grams


def analyze(text: str) -> tuple[list[str], list[str]]:
    """All raw grams of a post, per block: (word 1-2grams, char 2-5grams); used to fit vocabularies."""
    norm = normalize(text)
    return word_ngrams(tokens(norm)), char_ngrams(norm)


class Block:
    """One TF-IDF block: vocabulary, idf, sublinear tf, L2 normalisation."""

    __slots__ = ("idf", "offset", "vocab")

    def __init__(self, vocab: dict[str, int], idf: np.ndarray, offset: int) -> None:
        self.vocab = vocab
        self.idf = idf.astype(np.float64)
        self.offset = offset

    @classmethod
    def fit(cls, docs: Iterable[list[str]], min_df: int, offset: int, max_features: int | None = None) -> Block:
        """Vocabulary of grams seen in >= min_df documents (most frequent first if capped)."""
        df: Counter[str] = Counter()
        n_docs = 0
        for grams in docs:
            df.update(set(grams))
            n_docs += 1
        items = [(g, c) for g, c in df.items() if c >= min_df]
        items.sort(key=lambda gc: (-gc[1], gc[0]))
        if max_features is not None:
            items = items[:max_features]
        items.sort(key=lambda gc: gc[0])
        vocab = {g: i for i, (g, _) in enumerate(items)}
        counts = np.array([c for _, c in items], dtype=np.float64)
        idf = np.log((1.0 + n_docs) / (1.0 + counts)) + 1.0
        return cls(vocab, idf, offset)

    @property
    def size(self) -> int:
        return len(self.vocab)
