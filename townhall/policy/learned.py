"""The learned family detector: one linear model per risk family over shared text features.

Why: the hand-written rules catch the phrasings their authors thought of; a small model trained
on many hand-written posts (``data/build_family_model.py``) catches paraphrases they miss. It
runs beside the rules (``rules/learned.py`` ORs it in at ``warn``), never instead of them.

Features generalise rather than memorise: word uni/bigrams where numbers, e-mails, links,
postcodes, @handles, money and secret-looking tokens become shapes (``<d11>``, ``<email>``,
``Aa9a&9``); the institution's own name, handles, domains, phone numbers and postcodes (from
the pack) become ``<inst…>`` tokens, so its published contact details read differently from a
person's; and the account type. The vocabulary is fixed and
stored in the ``.npz`` (no ``hash()``: it is salted per process). Scoring is numpy only: one
tokenisation pass per post shared by all families, a gather and a sum.

If the model file is missing or broken the detector is simply off (``status()`` says why),
like ``mlbridge`` does for the classifiers: the rules keep working.
"""

from __future__ import annotations

import math
import re
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from townhall.policy.compiled import given_names, wordset

if TYPE_CHECKING:
    from townhall.policy.compiled import CompiledPack
    from townhall.policy.doc import Doc

MODEL_PATH = Path(__file__).with_name("data") / "family_model.npz"
FEATURE_VERSION = 4
CONJUNCTIONS = True
_PERSON_WORDS = (
    "<name> <surname> student students colleague colleagues tutee supervisee she he her his him "
    "mum dad wife husband partner friend flatmate neighbour boss manager"
)
_INST_WORDS = (
    "<inst> uni university employer management managers vc dean hod hr faculty department "
    "leadership senate institution workplace work job"
)
_PERSON_CUES = frozenset("w:" + w for w in _PERSON_WORDS.split())
_INST_CUES = frozenset("w:" + w for w in _INST_WORDS.split())
# A post with fewer known features than this ("No.", "Thanks!") is left to the rules: a bag of
# words that small mostly measures the model's prior, not the post.
MIN_KNOWN = 5
ACCOUNT_FEATURE = "acct:{}"  # one unscaled feature per account type (official, personal)

# One pass: the first alternative that matches wins, so links and e-mails are taken whole
# before their parts could be read as words or numbers.
# Every alternative starts at a non-space character or a newline; the leading look-ahead says so, so
# the scan rejects the spaces between tokens at once instead of trying ten alternatives on each.
_TOKEN_RE = re.compile(
    r"(?=\S|\n)(?:"
    r"(?P<url>(?:https?://|www\.)[^\s<>\"]+|(?<![\w@.])(?:[A-Za-z0-9-]+\.)+(?:com|org|net|edu|gov|io|uk|ly|co)"
    r"(?:/[^\s<>\"]*)?(?![\w.]))"
    r"|(?P<email>[A-Za-z0-9][\w.%+-]*@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24})"
    r"|(?P<mention>@\w+(?:[.@][\w-]+)*)"
    r"|(?P<money>[£$€]\s?\d[\d,]*(?:\.\d+)?(?:k|m|bn)?)"
    r"|(?P<postcode>(?<![\w])(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}(?![\w]))"
    r"|(?P<mixed>(?<![\w])(?=[^\s]*\d)(?=[^\s]*[A-Za-z])[\w!#$%&*+=/^~-]*[\w#$%&*+=^~-](?![\w]))"
    r"|(?P<num>\+?\d+(?:[ .-]?\d{2,})*)"
    r"|(?P<hash>#\w+)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)"
    r"|(?P<stop>[.!?]+(?=\s|$)|\n))"
)
_SHAPE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "A" * 26 + "a" * 26 + "9" * 10,
)
_RUNS = re.compile(r"(.)\1+")
_WEBMAIL = ("gmail.", "googlemail.", "hotmail.", "outlook.", "yahoo.", "icloud.", "live.", "aol.", "proton")
# Character n-grams inside words (3/4-grams of words of 4+ letters) were tried and cut the
# cross-validated recall at the clean-post threshold (0.475 -> 0.408 mean over families): with a
# few hundred posts per family they fit spelling, not meaning. Off; kept switchable for a larger pool.
_CHAR_N: tuple[int, ...] = ()
_MIN_CHAR = 4
_NAME_TOKS = ("<name>", "<surname>")
_STOP = 3  # a unit token that is a sentence break
_GLUE = re.compile(r" (?!\d)")  # the spaces no token can take in (see Featuriser.tokens)


def _units(text: str) -> list[str]:
    """``text`` cut at every space not followed by a digit (the units of ``Featuriser.tokens``)."""
    return _GLUE.split(text) if " " in text else [text]


def scale(n_features: int, how: str) -> float:
    """The value of each feature of a post with ``n_features`` features: 1/sqrt(n) (unit length),
    1/log2(n+2) (gentler: short posts carry less evidence) or 1."""
    if how == "sqrt":
        return 1.0 / math.sqrt(max(1, n_features))
    if how == "log":
        return 1.0 / math.log2(n_features + 2)
    return 1.0


def _shape(tok: str) -> str:
    """'QQ123456C' -> 'A9A', 'Tr0ub4dor&3' -> 'Aa9a9a&9': the form of a code, not its value."""
    return _RUNS.sub(r"\1", tok.translate(_SHAPE))


class Featuriser:
    """Text -> feature strings with the sentence each came from (one pass, shared by all families).

    ``cp`` is the compiled pack: it says which numbers, postcodes, domains and handles are the
    institution's own. Word-level features are cached by word (not by text), which keeps the cost
    flat on distinct posts.
    """

    def __init__(self, cp: CompiledPack | None = None):
        self.cp = cp
        self._word_cache: dict[str, tuple[str, ...]] = {}
        self._tok_cache: dict[str, tuple[str, int]] = {}
        self._units: dict[str, tuple[tuple[str, int, int, int], ...]] = {}

    def word_features(self, w: str) -> tuple[str, ...]:
        f = self._word_cache.get(w)
        if f is None:
            feats = ["w:" + w]
            if len(w) >= _MIN_CHAR:
                p = "<" + w + ">"
                for n in _CHAR_N:
                    feats.extend("c:" + p[i : i + n] for i in range(len(p) - n + 1))
            f = tuple(feats)
            if len(self._word_cache) > 50000:
                self._word_cache.clear()
            self._word_cache[w] = f
        return f

    def tokens(self, text: str) -> list[tuple[str, int, int, int]]:
        """(token, start, end, sentence number); words lower-cased, everything else a shape.

        The text is read in units cut at the spaces that no token can cross (every alternative
        of ``_TOKEN_RE`` that takes in a space needs a digit right after it: money, postcodes,
        spaced numbers), and each unit's tokens are cached: look-behinds at a unit's start and
        look-aheads at its end see a space either way, so a unit's tokens are the same wherever
        it occurs. What depends on the neighbours (the institution's name across units, a
        surname after a name, the sentence count) is worked out here, as before."""
        cp = self.cp
        inst_spans: list[tuple[int, int]] = []
        if cp is not None and cp.specific_names:
            inst_spans = [(m.start(), m.end()) for m in cp.institution_re.finditer(text)]
        out: list[tuple[str, int, int, int]] = []
        append = out.append
        units = self._units
        sent = 0
        k = 0
        base = 0
        for unit in _units(text):
            got = units.get(unit)
            if got is None:
                got = self._unit_tokens(unit)
            for tok, rs, re_, cls in got:
                s = base + rs
                if inst_spans:
                    while k < len(inst_spans) and inst_spans[k][1] <= s:
                        k += 1
                    if k < len(inst_spans) and inst_spans[k][0] <= s:
                        if not out or out[-1][0] != "<inst>" or out[-1][1] != inst_spans[k][0]:
                            append(("<inst>", inst_spans[k][0], inst_spans[k][1], sent))
                        continue
                if cls == _STOP:
                    sent += 1
                    continue
                if cls == 2 and out and out[-1][0] in _NAME_TOKS:
                    tok = "<surname>"
                append((tok, s, base + re_, sent))
            base += len(unit) + 1
        return out

    def _unit_tokens(self, unit: str) -> tuple[tuple[str, int, int, int], ...]:
        """(token, start, end, class) of one unit, cached: class as ``_word_token``'s for words
        (2 may become <surname> after a name), ``_STOP`` for a sentence break."""
        got: list[tuple[str, int, int, int]] = []
        wcache = self._tok_cache
        for m in _TOKEN_RE.finditer(unit):
            s, e = m.span()
            kind = m.lastgroup
            g = m.group()
            if kind == "word":
                w = wcache.get(g)
                if w is None:
                    w = self._word_token(g)
                got.append((w[0], s, e, w[1]))
            elif kind == "stop":
                got.append(("", s, e, _STOP))
            else:
                got.append((self._other_token(kind, g), s, e, 0))
        if len(self._units) > 100000:
            self._units.clear()
        t = self._units[unit] = tuple(got)
        return t

    def tokens_reference(self, text: str) -> list[tuple[str, int, int, int]]:
        """``tokens`` scanning the whole text in one pass (for tests and bench/policy_learned_ab)."""
        cp = self.cp
        inst_spans: list[tuple[int, int]] = []
        if cp is not None and cp.specific_names:
            inst_spans = [(m.start(), m.end()) for m in cp.institution_re.finditer(text)]
        out: list[tuple[str, int, int, int]] = []
        append = out.append
        wcache = self._tok_cache
        sent = 0
        k = 0
        for m in _TOKEN_RE.finditer(text):
            s, e = m.span()
            if inst_spans:
                while k < len(inst_spans) and inst_spans[k][1] <= s:
                    k += 1
                if k < len(inst_spans) and inst_spans[k][0] <= s:
                    if not out or out[-1][0] != "<inst>" or out[-1][1] != inst_spans[k][0]:
                        append(("<inst>", inst_spans[k][0], inst_spans[k][1], sent))
                    continue
            kind = m.lastgroup
            g = m.group()
            if kind == "word":
                w = wcache.get(g)
                if w is None:
                    w = self._word_token(g)
                tok, cls = w
                if cls == 2 and out and out[-1][0] in _NAME_TOKS:
                    tok = "<surname>"
            elif kind == "stop":
                sent += 1
                continue
            else:
                tok = self._other_token(kind, g)
            append((tok, s, e, sent))
        return out

    def _word_token(self, g: str) -> tuple[str, int]:
        """A word's token and class (0 plain, 1 a given name, 2 a capitalised non-word, which reads
        as a surname after a name), cached by the word as written: words repeat across posts."""
        tok = g.lower().replace("’", "'")
        cls = 0
        if g[0].isupper():
            # people's names are not in any list you can finish: a capitalised given name,
            # and the capitalised non-word after it, become shapes the model can learn
            if tok in given_names():
                tok, cls = "<name>", 1
            elif tok not in wordset():
                cls = 2
        if len(self._tok_cache) > 100000:
            self._tok_cache.clear()
        w = self._tok_cache[g] = (tok, cls)
        return w

    def _other_token(self, kind: str | None, g: str) -> str:
        cp = self.cp
        if kind == "num":
            digits = re.sub(r"\D", "", g)
            if cp is not None and digits in cp.public_digits:
                return "<instnum>"
            return f"<d{min(len(digits), 13)}>" if len(digits) < 5 or g.isdigit() else f"<dd{min(len(digits), 13)}>"
        if kind == "email":
            dom = g.rsplit("@", 1)[1].lower()
            if cp is not None and (cp.is_institutional_domain(dom) or g.lower() in cp.public_emails):
                return "<instemail>"
            return "<webmail>" if dom.startswith(_WEBMAIL) else "<email>"
        if kind == "url":
            low = g.lower()
            return "<insturl>" if cp is not None and any(d in low for d in cp.domains) else "<url>"
        if kind == "mention":
            return "<instat>" if cp is not None and g.lower() in cp.handles else "<at>"
        if kind == "postcode":
            pc = g.replace(" ", "").upper()
            return "<instpostcode>" if cp is not None and pc in cp.public_postcodes else "<postcode>"
        if kind == "money":
            return "<money>"
        if kind == "mixed":
            return "s:" + _shape(g)[:12]
        return "#" + g[1:].lower()  # hashtag: the word itself, marked

    def features(self, text: str, account: str) -> tuple[dict[str, int], list[tuple[str, int, int, int]]]:
        """{feature: sentence number of its first occurrence}, and the tokens. The account type is
        not among them: it is scored unscaled (``ACCOUNT_FEATURE``), since a constant feature scaled
        by 1/sqrt(length) would act as a bias that grows as posts get shorter ("Thanks!")."""
        toks = self.tokens(text)
        return self._features_of(toks), toks

    def feature_dict(self, text: str) -> dict[str, int]:
        """``features(text, account)[0]``, the same dict in the same order, without the tokens'
        positions: ``analyse`` needs them only for the rare flagged post (``Result.span``).

        Why: on a post that does not name the institution, a token's text and sentence follow
        from its unit's cached tokens alone, so the features are read straight from those, in one
        loop, instead of first laying out every token with its offsets and then walking them again.
        A post naming the institution (its tokens merge across units) takes ``features``."""
        cp = self.cp
        if _CHAR_N or (cp is not None and cp.specific_names and cp.institution_re.search(text) is not None):
            return self._features_of(self.tokens(text))
        feats: dict[str, int] = {}
        sd = feats.setdefault
        units = self._units
        prev = "<s>"
        sent = 0
        last_sent = -1
        for unit in _units(text):
            got = units.get(unit)
            if got is None:
                got = self._unit_tokens(unit)
            for tok, _rs, _re, cls in got:
                if cls == _STOP:
                    sent += 1
                    continue
                if cls == 2 and prev in _NAME_TOKS:  # ``tokens``' <surname> rule ("<s>" is no name)
                    tok = "<surname>"
                sd("w:" + tok, sent)
                if tok[0] == "#" and len(tok) > 1:
                    sd("w:" + tok[1:], sent)
                sd(f"b:{prev} {tok}", sent)
                prev = tok
                last_sent = sent
        if last_sent >= 0:
            sd("b:" + prev + " </s>", last_sent)
        return self._conjunctions(feats)

    def _features_of(self, toks: list[tuple[str, int, int, int]]) -> dict[str, int]:
        """The feature dict of a post's tokens (see ``features``)."""
        feats: dict[str, int] = {}
        prev = "<s>"
        if not _CHAR_N:
            # each token is one word feature ("w:"+token; a hashtag also its bare word) and one
            # bigram: the same features in the same order as the general loop, cheaper
            sd = feats.setdefault
            for tok, _s, _e, sent in toks:
                sd("w:" + tok, sent)
                if tok[0] == "#" and len(tok) > 1:
                    sd("w:" + tok[1:], sent)
                sd(f"b:{prev} {tok}", sent)  # one string built, not two
                prev = tok
        else:
            for tok, _s, _e, sent in toks:
                if tok[0] == "<" or tok[0] == "#" or tok[:2] == "s:":
                    feats.setdefault("w:" + tok, sent)
                    if tok[0] == "#" and len(tok) > 1:
                        for f in self.word_features(tok[1:]):
                            feats.setdefault(f, sent)
                else:
                    for f in self.word_features(tok):
                        feats.setdefault(f, sent)
                feats.setdefault("b:" + prev + " " + tok, sent)
                prev = tok
        if toks:
            feats.setdefault("b:" + prev + " </s>", toks[-1][3])
        return self._conjunctions(feats)

    @staticmethod
    def _conjunctions(feats: dict[str, int]) -> dict[str, int]:
        """Add the conjoined features (``CONJUNCTIONS``) to ``feats``, in place; returns it."""
        if CONJUNCTIONS:
            # a linear model cannot say "a person AND a health word" or "the employer AND a complaint";
            # words conjoined with the post's subject can
            words = [f for f in feats if f[:2] == "w:"]
            for mark, cue in (("p&", _PERSON_CUES), ("i&", _INST_CUES)):
                if not cue.isdisjoint(words):
                    for w in words:
                        feats.setdefault(mark + w[2:], feats[w])
        return feats


def head_family(column: str) -> str:
    """The family a head's column belongs to: "abuse/2" -> "abuse" (see ``FamilyModel``)."""
    return column.split("/", 1)[0]


class FamilyModel:
    """The fitted weights: ``W`` (vocabulary x heads), biases, per-head thresholds.

    A head is one column. Most families have one; a family may have more (a column named
    ``abuse/2``): a refitted head joins the one it would replace, so a post the earlier head caught
    is still caught (round 28 of issue 12: the refitted abuse head gained fresh writers' posts but
    dropped some the shipped head caught). A family is flagged when any of its heads is."""

    def __init__(self, path: Path):
        with np.load(path, allow_pickle=False) as z:
            if int(z["feature_version"]) != FEATURE_VERSION:
                raise ValueError(f"feature version {int(z['feature_version'])} != {FEATURE_VERSION}")
            vocab = bytes(z["vocab"]).decode("utf-8").split("\n")
            self.W: np.ndarray = np.ascontiguousarray(z["W"], dtype=np.float32)
            self.b: np.ndarray = z["b"].astype(np.float32)
            self.thresholds: np.ndarray = z["thresholds"].astype(np.float32)
            self.columns: tuple[str, ...] = tuple(bytes(z["families"]).decode("utf-8").split("\n"))
            self.scale: str = bytes(z["scale"]).decode() if "scale" in z.files else "sqrt"
        if self.W.shape != (len(vocab), len(self.columns)):
            raise ValueError(f"weights {self.W.shape} do not match vocabulary {len(vocab)} x heads {len(self.columns)}")
        self.index: dict[str, int] = {f: i for i, f in enumerate(vocab)}
        heads: dict[str, list[int]] = {}
        for i, name in enumerate(self.columns):
            heads.setdefault(head_family(name), []).append(i)
        self.families: tuple[str, ...] = tuple(heads)
        self.heads: dict[str, tuple[int, ...]] = {f: tuple(c) for f, c in heads.items()}

    def score_features(self, feats: dict[str, int], account: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(margin per head, i.e. per column of ``W``, feature rows, their sentences). Margin > 0 means over
        the threshold."""
        margin, rows = self.margin(feats, account)
        return margin, rows, self.sentences(feats)

    def margin(self, feats: dict[str, int], account: str) -> tuple[np.ndarray, np.ndarray]:
        """(margin per head, feature rows): the scoring alone, for ``analyse``, which needs the
        features' sentences only for the rare flagged post (``sentences``)."""
        get = self.index.get
        rows = np.array([i for i in map(get, feats) if i is not None], dtype=np.intp)
        # take() gathers the same rows as W[rows], with less indexing overhead
        z = self.W.take(rows, axis=0).sum(axis=0) * scale(len(feats), self.scale) + self.b
        a = get(ACCOUNT_FEATURE.format(account))
        if a is not None:
            z = z + self.W[a]
        margin = z - self.thresholds
        if len(rows) < MIN_KNOWN:
            margin = np.minimum(margin, -1.0)  # too little the model knows to judge: the rules decide
        return margin, rows

    def margins(self, feats: list[dict[str, int]], accounts: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """``[margin(f, a) for f, a in zip(feats, accounts)]`` for many posts: every post's
        features looked up in one pass, their weight rows gathered in one ``take`` and summed per
        post, and the scaling,
        biases and thresholds applied to all posts at once, in float32 as ``margin`` does."""
        get = self.index.get
        n = len(feats)
        lens = [len(f) for f in feats]
        names = [x for f in feats for x in f]
        ids = np.fromiter(map(get, names, repeat(-1, len(names))), dtype=np.intp, count=len(names))
        owner = np.repeat(np.arange(n), lens)
        known = ids >= 0
        ids = ids[known]
        nk = np.bincount(owner[known], minlength=n)
        ends = np.cumsum(nk)
        starts = ends - nk
        g = self.W.take(ids, axis=0)
        z = np.zeros((n, self.W.shape[1]), dtype=np.float32)
        sl = starts.tolist()
        el = ends.tolist()
        for i in range(n):
            if el[i] > sl[i]:
                # sum(axis=0) of the post's own rows, as ``margin`` sums them (numpy's summation
                # order depends on the array's length, so one reduceat would round differently)
                z[i] = g[sl[i] : el[i]].sum(axis=0)
        sc = np.array([scale(k, self.scale) for k in lens], dtype=np.float32)
        z = z * sc[:, None] + self.b
        acct = [get(ACCOUNT_FEATURE.format(a)) for a in accounts]
        if any(a is not None for a in acct):
            add = np.zeros_like(z)
            for i, a in enumerate(acct):
                if a is not None:
                    add[i] = self.W[a]
            z = z + add
        margin = z - self.thresholds
        few = nk < MIN_KNOWN
        if few.any():
            margin[few] = np.minimum(margin[few], -1.0)
        return [(margin[i], ids[sl[i] : el[i]]) for i in range(n)]

    def sentences(self, feats: dict[str, int]) -> np.ndarray:
        """The sentence of each known feature, in the order of ``margin``'s rows."""
        index = self.index
        return np.array([s for f, s in feats.items() if f in index], dtype=np.intp)


_MODEL: FamilyModel | None = None
_ERROR: str | None = None
_LOADED = False
_FEATURISERS: dict[int, Featuriser] = {}


def load(path: Path | None = None) -> FamilyModel | None:
    """The model (loaded once), or None when the file is missing or unreadable."""
    global _MODEL, _ERROR, _LOADED
    if path is not None:
        try:
            return FamilyModel(path)
        except Exception:
            return None
    if not _LOADED:
        _LOADED = True
        try:
            _MODEL = FamilyModel(MODEL_PATH)
        except Exception as exc:  # missing, truncated or from another feature version: run without it
            _ERROR = f"learned family detector unavailable ({type(exc).__name__}: {exc}); its rules are skipped"
    return _MODEL


def status() -> str:
    m = load()
    return f"learned family detector loaded ({len(m.index)} features)" if m else (_ERROR or "unavailable")


def featuriser(cp: CompiledPack | None) -> Featuriser:
    key = id(cp)
    f = _FEATURISERS.get(key)
    if f is None or f.cp is not cp:
        if len(_FEATURISERS) > 16:
            _FEATURISERS.clear()
        f = _FEATURISERS[key] = Featuriser(cp)
    return f


class Result:
    """What the detector says about one post: the margin per family, and enough to find the
    sentence that drove a family's score (computed only for families that are flagged)."""

    __slots__ = ("_feats", "_featuriser", "_flags", "_rows", "_sents", "_text", "_tokens", "margin", "model")

    def __init__(
        self,
        model: FamilyModel,
        margin: np.ndarray,
        rows: np.ndarray,
        sents: np.ndarray | None,
        tokens: list | None,
        feats: dict[str, int] | None = None,
        featuriser: Featuriser | None = None,
        text: str = "",
    ):
        """``sents`` may be None when ``feats`` is given: they are then worked out on first need;
        likewise ``tokens`` when ``featuriser`` and ``text`` are given (``analyse``: only a flagged
        post needs them, for its span)."""
        self.model = model
        self.margin = margin
        self._flags: list[bool] = (margin > 0).tolist()  # read by each of the eight family rules
        self._rows = rows
        self._sents = sents
        self._feats = feats
        self._tokens = tokens
        self._featuriser = featuriser
        self._text = text

    @property
    def tokens(self) -> list[tuple[str, int, int, int]]:
        """The post's tokens (``Featuriser.tokens``), worked out on first need."""
        if self._tokens is None:
            self._tokens = (self._featuriser or Featuriser()).tokens(self._text)
        return self._tokens

    def flagged(self, family: str) -> bool:
        flags = self._flags
        return any(flags[c] for c in self.model.heads.get(family, ()))

    def span(self, family: str, text: str) -> tuple[int, int]:
        """The sentence whose features pushed hardest towards ``family`` (always inside ``text``)."""
        toks = self.tokens
        if not toks:
            return 0, len(text)
        cols = self.model.heads[family]
        c = max(cols, key=lambda k: self.margin[k]) if len(cols) > 1 else cols[0]  # the head most sure of it
        n_sent = toks[-1][3] + 1
        if n_sent > 1 and len(self._rows):
            if self._sents is None:
                self._sents = self.model.sentences(self._feats or {})
            contrib = np.bincount(self._sents, weights=self.model.W[self._rows, c], minlength=n_sent)
            best = int(np.argmax(contrib))
        else:
            best = 0
        inside = [(s, e) for _t, s, e, k in toks if k == best] or [(toks[0][1], toks[-1][2])]
        s, e = inside[0][0], inside[-1][1]
        n = len(text)
        return max(0, min(s, n)), max(0, min(e, n))


def analyse_many(docs: list[Doc], cp: CompiledPack) -> None:
    """``analyse`` for many posts at once (``FamilyModel.margins``), each Result cached on its doc
    as ``analyse`` caches it: the same Results, with a few numpy calls per batch instead of per
    post (``check_many``)."""
    model = load()
    if model is None:
        return
    fz = featuriser(cp)
    todo = [d for d in docs if "_learned" not in d.__dict__ and d.text.strip()]
    if not todo:
        return
    feats = [fz.feature_dict(d.text) for d in todo]
    accounts = ["official" if d.ctx.account == "research" else d.ctx.account for d in todo]
    for d, f, (margin, rows) in zip(todo, feats, model.margins(feats, accounts), strict=True):
        d.__dict__["_learned"] = Result(model, margin, rows, None, None, f, fz, d.text)


def analyse(doc: Doc, cp: CompiledPack) -> Result | None:
    """Score ``doc`` once (cached on the doc, so the eight family rules share one pass)."""
    cached = doc.__dict__.get("_learned", False)
    if cached is not False:
        return cached  # type: ignore[no-any-return]
    model = load()
    res = None
    if model is not None and doc.text.strip():
        account = "official" if doc.ctx.account == "research" else doc.ctx.account
        fz = featuriser(cp)
        feats = fz.feature_dict(doc.text)
        margin, rows = model.margin(feats, account)
        res = Result(model, margin, rows, None, None, feats, fz, doc.text)
    doc.__dict__["_learned"] = res
    return res


def scores(text: str, account: str = "official", cp: CompiledPack | None = None) -> dict[str, float]:
    """Margin over the threshold per family (its most sure head) for one text (for scripts and tests)."""
    model = load()
    if model is None:
        return {}
    feats, _ = featuriser(cp).features(text, account)
    margin, _, _ = model.score_features(feats, account)
    return {f: max(float(margin[c]) for c in cols) for f, cols in model.heads.items()}
