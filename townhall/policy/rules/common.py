"""Helpers for writing rules: word-bounded lexicon regexes and person cues."""

from __future__ import annotations

import functools
import re
import re._constants as _sre  # the pattern parser's op codes, for required_parts
import re._parser as _re_parser
from collections.abc import Callable, Iterable, Iterator

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

# Posts whose word views stay cached. Why this many: ``check_many`` scores a chunk of 512 posts
# first (CON003's topic gate reads ``tokens``/``token_set`` of every post while priming) and only
# then runs the rules post by post; with room for fewer posts than a chunk, the LRU has dropped
# every post's views by the time its rules ask, and each post's words are found twice.
_POST_VIEWS = 2048


@functools.lru_cache(maxsize=_POST_VIEWS)
def tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, lower-case word) for each word; cached because several lexicons scan each post."""
    if "’" not in text and text.lower() == text:
        # already lower case (the rules pass doc.masked): each word's lower() is itself, since
        # only a capital sigma lowers differently by context, and there is none
        return tuple([(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)])
    # (a list built and frozen: faster than tuple() over a generator)
    return tuple([(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in TOKEN_RE.finditer(text)])


@functools.lru_cache(maxsize=_POST_VIEWS)
def token_set(text: str) -> frozenset[str]:
    """The distinct lower-case words of ``text`` (for a C-speed 'any lexicon word here?' test),
    possessives also without their 's ("Reform UK's" holds "uk's" and "uk")."""
    words = {t[2] for t in tokens(text)}
    if "'" not in text and "’" not in text:  # no possessive to strip
        return frozenset(words)
    return frozenset(words | {w[:-2] for w in words if w.endswith("'s")})


@functools.lru_cache(maxsize=_POST_VIEWS)
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


def phrase_rest_at(toks: list[tuple[int, int, str]], i: int, ph: tuple[str, ...]) -> bool:
    """Whether the words after the first of phrase ``ph`` (two or more words) follow token ``i``,
    each as written or in its bare form ("university's" for "university"); the caller has checked
    the first word and that the phrase fits. The second word is tested first, inline: most
    candidate phrases fail there (the topic lexicons and ``Lexicon.finditer`` share this)."""
    w1 = toks[i + 1][2]
    if w1 != ph[1] and (w1[:-2] != ph[1] or w1[-2:] != "'s"):  # nor its bare form
        return False
    return all(toks[i + j][2] == ph[j] or _bare(toks[i + j][2]) == ph[j] for j in range(2, len(ph)))


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

    def __init__(self, phrases_: Iterable[str], not_before: dict[str, re.Pattern[str]] | None = None):
        """``not_before`` maps a phrase to a pattern that, matched right after it, makes it another
        phrase ("just run" as advice to flee, not "just run her first marathon")."""
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for ph in {p.strip().lower() for p in phrases_ if p.strip()}:
            toks = tuple(t.lower() for t in TOKEN_RE.findall(ph))
            if toks:
                self.first.setdefault(toks[0], []).append(toks)
        for v in self.first.values():
            v.sort(key=len, reverse=True)
        self.keys = frozenset(self.first)
        self.not_before = {tuple(TOKEN_RE.findall(k.lower())): v for k, v in (not_before or {}).items()}

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
                if i + k <= n and (k == 1 or phrase_rest_at(toks, i, ph)):
                    stop = self.not_before.get(ph) if self.not_before else None
                    if stop is not None and stop.match(text, toks[i + k - 1][1]):
                        continue
                    yield LexMatch(text, s, toks[i + k - 1][1])
                    break

    def search(self, text: str) -> LexMatch | None:
        return next(self.finditer(text), None)

    def findall(self, text: str) -> list[str]:
        return [m.group(0) for m in self.finditer(text)]


def words_re(words: Iterable[str], not_before: dict[str, re.Pattern[str]] | None = None) -> Lexicon:
    """A case-insensitive whole-word lexicon of ``words`` (multi-word phrases allowed)."""
    return Lexicon(words, not_before)


# A club's or society's contest or show (round 41, from round 40's near-misses: "Varsity hype: we are
# coming for that trophy", "Cricket Club: we're going to skittle them out before lunch", "Dance Society:
# showcase night was 🔥", "Saturday's the derby. We'll batter them"): rivalry between teams, which the
# learned contentious detector read as a side taken and ABU004 as a threat.
CONTEST_RE = re.compile(
    r"\b(?:varsity|derby|fixtures?|trophy|league\s+(?:title|table|match|game)|tournament|showcase|kick-?off|innings|"
    r"regatta|match\s*day|cup\s+(?:final|tie|run)|(?:football|rugby|cricket|netball|hockey|rowing|boat|dance|drama|"
    r"choir|basketball|athletics|swimming|tennis|badminton|lacrosse|volleyball)\s+(?:club|society|team|squad))\b",
    re.IGNORECASE,
)


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


# How far from a cue a rule looks for the edges of "this sentence" (and the next). Rules cut their
# look here so that a post without full stops costs time in proportion to its length, not its
# square (a 72,000-character one took 20 s); the corpus's longest sentence is 319 characters, so
# ordinary posts read exactly as before.
SENTENCE_REACH = 1000


def sentence_start(text: str, pos: int, marks: str | tuple[str, ...] = ".!?\n") -> int:
    """Where the sentence holding ``pos`` starts: just past the last of ``marks`` before it, or
    ``SENTENCE_REACH`` characters back (the post's start when that is nearer)."""
    lo = max(0, pos - SENTENCE_REACH)
    return max(lo - 1, *(text.rfind(c, lo, pos) for c in marks)) + 1


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


# --- required-literal gates (abuse.py's _GatedPattern and this module's GatedPattern) -----------

_PROP_RE = re.compile(r"\\[pP]\{[^}]*\}|\\[pP][A-Za-z]")


@functools.lru_cache(maxsize=16)
def folded(text: str) -> str:
    """The text case-folded for required-literal gates: every character that IGNORECASE (re or
    regex) matches to an ASCII letter becomes that letter (test_speed_rules.py checks every code
    point). casefold() maps 'ſ' and the Kelvin sign; a dotted capital I folds to 'i' plus a
    combining dot, which must not split the word; a dotless 'ı', which the re module matches to
    'i', is mapped by hand. Cached by text, as several rules' gates ask for it."""
    return text.casefold().replace("i\u0307", "i").replace("\u0131", "i")


def _leading_literals(items: list) -> str:  # type: ignore[type-arg]
    """The ASCII literals a parsed branch starts with, lower-cased."""
    out = ""
    for op, av in items:
        if op is not _sre.LITERAL or av >= 128:
            break
        out += chr(av).lower()
    return out


def _required_parts(items: list) -> frozenset[str] | None:  # type: ignore[type-arg]
    """Strings one of which every match of the parsed pattern ``items`` holds, lower-cased: the
    longest run of ASCII literals it must match in a row, or, for an alternation it must pass
    through, one such string from each branch (the choice whose shortest string is longest).
    None when nothing is required (a branch of classes, repeats and lookarounds only)."""
    best: frozenset[str] | None = None

    def consider(cand: frozenset[str] | None) -> None:
        nonlocal best
        if cand and all(cand) and (best is None or min(map(len, cand)) > min(map(len, best))):
            best = cand

    run = ""
    for op, av in [*items, (_sre.AT, None)]:
        if op is _sre.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        consider(frozenset([run]) if run else None)
        prefix, run = run, ""
        if op is _sre.BRANCH:
            parts = [_required_parts(list(b)) for b in av[1]]
            consider(None if any(x is None for x in parts) else frozenset().union(*parts))  # type: ignore[arg-type]
            if prefix:  # the parser pulls out a prefix all branches share ('damn|dead' -> 'd(?:amn|ead)')
                consider(frozenset(prefix + _leading_literals(list(b)) for b in av[1]))
        elif op is _sre.SUBPATTERN:
            consider(_required_parts(list(av[3])))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_required_parts(list(av[2])))
            if prefix:  # 'xx+' holds 'xx', 'yes+' holds 'yes'
                consider(frozenset([prefix + _leading_literals(list(av[2]))]))
    return best


_POSSESSIVE_REPEAT = getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _POSSESSIVE_REPEAT)


def required_parts(source: str) -> frozenset[str]:
    """_required_parts of a pattern's source. A regex-module property class (\\p{Lu}) is read as
    \\w: a class is never a required literal, so what it stands for does not change the answer."""
    found = _required_parts(list(_re_parser.parse(_PROP_RE.sub(r"\\w", source), re.IGNORECASE).data))
    if not found:
        raise ValueError(f"no part of {source[:60]!r} is required")
    return found


# A gate tree: a literal (str), ("all", nodes) or ("any", nodes); True stands for "no test".
_Gate = str | tuple[str, tuple["_Gate", ...]] | bool


def _gate_tree(items: list, prefix: str = "") -> _Gate:  # type: ignore[type-arg]
    """What the folded text must hold for the parsed sequence ``items`` to match: each run of ASCII
    literals it matches in a row, and for each alternation or group it must pass through, the tree
    of that. Lookarounds, classes, optional parts and non-ASCII literals require nothing. A run
    just before an alternation is glued onto each branch ('d(?:amn|ead)' -> 'damn' or 'dead')."""
    need: list[_Gate] = []
    run = prefix
    for op, av in [*items, (_sre.AT, None)]:
        if op is _sre.LITERAL and av < 128:
            run += chr(av).lower()
            continue
        if op is _sre.BRANCH:
            branches = [_gate_tree(list(b), run) for b in av[1]]
            run = ""
            need.append(True if any(b is True for b in branches) else ("any", tuple(branches)))
            continue
        body = _leading_literals(list(av[2])) if op in _REPEATS and av[0] >= 1 else ""
        if body and len(body) == len(av[2]):
            # a repeated run of literals ('shh+'): its first copy follows the run, its last copy
            # is followed by what comes next
            need.append(run + body)
            run = body
            continue
        if run:
            need.append(run)
        run = ""
        if op is _sre.SUBPATTERN:
            need.append(_gate_tree(list(av[3])))
        elif op in _REPEATS and av[0] >= 1:
            need.append(_gate_tree(list(av[2])))
    need = [n for n in need if n is not True]
    if not need:
        return True
    if len(need) == 1:
        return need[0]
    # the longest literal first: it is the likeliest to be absent, which ends the test
    return ("all", tuple(sorted(need, key=lambda n: -len(n) if isinstance(n, str) else 0)))


def gate_tree(source: str) -> _Gate:
    """_gate_tree of a pattern's source (regex-module property classes read as \\w, see
    required_parts)."""
    return _gate_tree(list(_re_parser.parse(_PROP_RE.sub(r"\\w", source), re.IGNORECASE).data))


def _gate_expr(node: _Gate) -> str:
    """The tree as a Python expression on ``s``: nested and/or of ``'lit' in s``."""
    if isinstance(node, str):
        return f"{node!r} in s"
    if node is True:
        return "True"
    kind, subs = node  # type: ignore[misc]
    return "(" + f" {'and' if kind == 'all' else 'or'} ".join(map(_gate_expr, subs)) + ")"


def gate_function(tree: _Gate) -> Callable[[str], bool]:
    """The tree compiled to one function: walking it node by node in Python cost ~1 us a node
    (~400 us a post for CIP006's 107 branches), where the compiled and/or chain runs each ``in``
    at bytecode speed. The literals are ASCII words from our own pattern sources, printed by repr."""
    return eval(compile("lambda s: " + _gate_expr(tree), "<gate>", "eval"))  # noqa: S307


class GatedPattern:
    """A case-insensitive pattern searched only on posts whose folded text (see ``folded``) holds
    what every match holds: the literal runs of the branch it takes (``gate_tree``, derived from
    the pattern's own source).

    Why: every character a match holds as one of those ASCII literals folds to that literal, so a
    post without them cannot match, and ``in`` tests a hundred short literals in a few
    microseconds where a ~100-branch alternation tries every position. A branch is tested by all
    its literal runs (its rarest first), not one: 'before the launch' needs 'before' and 'launch',
    where one required part per branch let almost every post through on 'the'.
    test_speed_rules.py compares each gate with its pattern on bench, corpus and dev texts."""

    __slots__ = ("full", "holds", "tree")

    def __init__(self, full: re.Pattern[str] | regex.Pattern[str]) -> None:
        self.full = full
        self.tree = gate_tree(full.pattern)
        if self.tree is True:
            raise ValueError(f"no part of {full.pattern[:60]!r} is required")
        self.holds = gate_function(self.tree)

    def may_match(self, text: str) -> bool:
        return self.holds(folded(text))

    def search(self, text: str, *args: int) -> re.Match[str] | regex.Match[str] | None:
        return self.full.search(text, *args) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
        return self.full.finditer(text) if self.may_match(text) else iter(())


# A unit named by its capitalised name, then how to reach it ("the Postgrad Office is on 028 9097 0000 or
# pgr@..."): the address that follows is the office's own (round 21; privacy and personal-use both ask).
_OFFICE_BEFORE_RE = regex.compile(
    r"(?-i:\p{Lu}[\p{L}'’-]+)(?:\s+(?-i:\p{Lu}[\p{L}'’-]+)){0,3}\s+(?:Office|Service|Services|Team|Hub|Desk|Centre|Center|"
    r"Registry|Library|Helpdesk|Help\s+Desk)\b(?:['’]s)?\s+(?:is|are|can\s+be\s+reached)\s+(?:on|at|via)\b[^.!?\n]{0,60}$"
)


def office_address(text: str, at: int, local: str) -> bool:
    """Whether the address at ``at`` (local part ``local``) is an office's own short one, named just before
    as the one to contact (see _OFFICE_BEFORE_RE): a word of at most six letters, not a person's name.first."""
    return local.isalpha() and len(local) <= 6 and _OFFICE_BEFORE_RE.search(text, max(0, at - 80), at) is not None
