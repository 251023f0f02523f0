"""Enrichment of matched posts: language, sentiment, abuse score, question/needs-reply, text hash.

Only posts that matched a saved search get here, so the models run on a small share of the
stream. The models are the policy engine's (`townhall.policy.ml`, numpy only at run time), so a
mention's abuse score means the same as a post's in the composer.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from py3langid import classify as _langid_classify

from townhall.listening.types import IncomingPost
from townhall.policy.ml import abuse_and_sentiment_batch

log = logging.getLogger("townhall.listening")

# --- language ----------------------------------------------------------------------------

STOPWORDS = {
    "en": "the and is are was to of in that it for you this with on not have be at we they but what",
    "cy": "y yr a ac mae yn i o ar ei am gyda ond hefyd nid eu wedi bod fel sydd roedd",
    "fr": "le la les et est de des une un que pour dans pas avec sur qui nous vous ce il",
    "de": "der die das und ist nicht ein eine zu mit den von auf für sich wir ich sie es",
    "es": "el la los las y es de que en un una para por con no se del al como su",
    "it": "il lo la gli le e di che un una per non con del della sono si è da",
    "nl": "de het een en van is dat op te in niet met voor zijn ik je we ze",
    "pt": "o a os as e de que em um uma para não com do da no na se por",
}
_STOP = {lang: set(words.split()) for lang, words in STOPWORDS.items()}
# word -> the languages that list it: one dict lookup per word instead of one set per language
_STOP_LANGS: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOP.items():
    for _w in _words:
        _STOP_LANGS[_w] = (*_STOP_LANGS.get(_w, ()), _lang)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def stopword_language(text: str, *, margin: int = 2) -> str:
    """A tiny offline detector: the language whose stopwords the text uses most, when it
    leads the runner-up by `margin` words ('' if unsure)."""
    words = _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]
    if len(words) < 3:
        return ""
    counts = dict.fromkeys(_STOP, 0)
    for w in words:
        for lang in _STOP_LANGS.get(w, ()):
            counts[lang] += 1
    scores = sorted(((n, lang) for lang, n in counts.items()), reverse=True)
    (best_n, best), (second_n, _) = scores[0], scores[1]
    return best if best_n >= 2 and best_n - second_n >= margin else ""


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text.

    Stopwords first (microseconds, and decisive for most posts in the languages we list);
    py3langid's model (about 0.2 ms a post, 97 languages) when the stopwords are not sure.
    """
    quick = stopword_language(text, margin=3)
    if quick:
        return quick
    if len(text) >= 12:
        lang, _ = _langid_classify(text)
        return lang
    return stopword_language(text)


# --- questions ---------------------------------------------------------------------------

_QUESTION_START = re.compile(
    r"(?:^|[.!?\n]\s*|@\S+\s+)(?:who|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|"
    r"will|would|should|shall|may|has|have|any(?:one|body)|is there|are there)\b",
    re.IGNORECASE,
)
_ASK = re.compile(
    r"\b(?:does anyone know|can (?:someone|anyone|you)|could (?:someone|anyone|you)|how do i|how can i|"
    r"where (?:can|do|should) i|who (?:do|should) i|i(?:'d| would) like to know|please (?:help|advise|let me know)|"
    r"any (?:idea|news|update)s?|wondering (?:if|whether|when|how))\b",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+")


def is_question(text: str) -> bool:
    """A post that asks something: a question mark after an interrogative, or a request phrase.

    Why not just '?': rhetorical "?!" reactions and URLs with query strings are common; a
    question word before the mark, or an explicit ask, is a far better signal.
    """
    clean = _URL.sub(" ", text)
    if _ASK.search(clean):
        return True
    return "?" in clean and bool(_QUESTION_START.search(clean))


# --- duplicates -------------------------------------------------------------------------

_DEDUP_DROP = re.compile(r"https?://\S+|@\S+|^rt\b|[^\w\s]", re.IGNORECASE | re.UNICODE)
_SPACES = re.compile(r"\s+")


def text_hash(text: str, author: str = "", to_handles: Sequence[str] = ()) -> str:
    """Hash of the text without links, handles, punctuation, case and spacing: reposts collide.

    A post addressed to someone (a reply, a mention) is a person speaking to them, not a repost:
    its hash also holds its author and whom it addresses, so two people asking an official account
    the same question are two conversations, while one person's repeated copies still merge
    (reliability review of 2026-12-06: the second person's question never reached the inbox)."""
    norm = _SPACES.sub(" ", _DEDUP_DROP.sub(" ", text.lower())).strip()
    if to_handles:
        norm += "\x00" + author.lower() + "\x00" + " ".join(sorted(h.lower() for h in to_handles))
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).hexdigest()


# --- all together -------------------------------------------------------------------------


@dataclass
class Enrichment:
    lang: str
    sentiment: str
    sentiment_score: float
    abuse: float
    is_question: bool
    needs_reply: bool
    text_hash: str


def enrich(posts: Sequence[IncomingPost]) -> list[Enrichment]:
    """Enrich a batch (the models run batched, which is what makes 10k posts/s possible)."""
    unique = list(dict.fromkeys(p.text for p in posts))  # the models see the text only: once per text
    scored = dict(zip(unique, abuse_and_sentiment_batch(unique), strict=True))
    out = []
    for post in posts:
        ab, (label, probs) = scored[post.text]
        question = is_question(post.text)
        addressed = bool(post.to_handles)
        out.append(
            Enrichment(
                lang=(post.lang or detect_language(post.text))[:8],
                sentiment=label,
                sentiment_score=round(probs.get("positive", 0.0) - probs.get("negative", 0.0), 4),
                abuse=round(ab, 4),
                is_question=question,
                needs_reply=question or (addressed and label == "negative"),
                text_hash=text_hash(post.text, post.author_handle, post.to_handles),
            )
        )
    return out
