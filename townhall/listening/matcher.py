"""All saved searches compiled into one matcher.

Every text atom of every query (words, phrases, hashtags, handles) goes into a single
Aho-Corasick automaton (pyahocorasick). A post is normalised once into a space-separated
token string, the automaton finds every atom present in one pass, and only the queries that
own at least one of those atoms have their boolean tree evaluated. Queries are validated so
that a query with none of its atoms present is false (see `query.parse`), which makes
skipping the others exact, not a heuristic. Metadata atoms (lang:, from:, to:) are dict
lookups on the post's fields.

The cost per post is therefore one regex pass, one automaton pass and a handful of tree
evaluations, independent of the number of saved searches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from townhall.listening.query import And, Node, Not, Term, evaluate, normalise_word, positive_terms, terms
from townhall.listening.types import IncomingPost

TEXT_KINDS = {"word", "phrase", "hashtag", "handle"}
POST_TOKENS = re.compile(r"#?\w+(?:['’.\-]\w+)*|@\w[\w.\-]*\w(?:@\w[\w.\-]*\w)?|@\w", re.UNICODE)
PARTS = re.compile(r"['’.\-]")
SEP = " \x00 "  # phrases never match across this


def post_key_text(text: str, mentions: Iterable[str] = ()) -> tuple[str, list[str]]:
    """The string the automaton runs over, and the post's hashtags.

    The first segment is the tokens in order (so phrases match); after a separator come
    the hashtag bodies and the parts of compound words ("covid-19" -> "covid", "19";
    "university's" -> "university"), so a plain word also finds "#physics" and "physics-led".
    """
    if text.isascii():  # most posts: one lower() for the whole text (the same result, faster)
        main = POST_TOKENS.findall(text.lower())
    else:  # lower-casing can change what \w sees outside ASCII, so cut first, then normalise
        # (all tokens at once: normalise_word on the space-joined tokens, then split; tokens hold
        # no spaces and lower() adds none, so this is the same as normalising each one)
        main = normalise_word(" ".join(POST_TOKENS.findall(text))).split(" ")
        if main == [""]:
            main = []
    extra: list[str] = []
    tags: list[str] = []
    for tok in main:
        first = tok[0]
        if first == "#":
            body = tok[1:]
            tags.append(body)
            extra.append(body)
        elif first == "@":
            continue
        else:
            body = tok
        # substring tests instead of PARTS.search on every token (the matcher's hottest loop)
        if "'" in body or "-" in body or "." in body or "’" in body:
            extra.extend(p for p in PARTS.split(body) if p)
    for handle in mentions:
        extra.append("@" + handle.lower().lstrip("@"))
    return " " + " ".join(main) + SEP + " ".join(extra) + " ", tags


def _pattern(term: Term) -> str:
    if term.kind == "hashtag":
        return f" #{term.value} "
    if term.kind == "handle":
        return f" @{term.value} "
    return f" {term.value} "


@dataclass
class Match:
    search_ids: list[int]
    terms: dict[int, list[str]]  # search id -> the positive atoms of it that the post contains
    hashtags: list[str]


def _compile(node: Node, ids: dict[tuple[str, str], int]) -> str:
    """A boolean tree as a Python expression over `p`, the set of present atom ids.

    Only integers and the words and/or/not/in appear in the generated source (never query
    text), so compiling it is safe; it evaluates several times faster than walking the tree.
    """
    if isinstance(node, Term):
        return f"({ids[node.key]} in p)"
    if isinstance(node, Not):
        return f"(not {_compile(node.item, ids)})"  # type: ignore[arg-type]
    op = " and " if isinstance(node, And) else " or "
    return "(" + op.join(_compile(i, ids) for i in node.items) + ")"


class Matcher:
    """Build once per set of saved searches (about 0.2 s for 1,000); reuse for every post."""

    def __init__(self, searches: Iterable[tuple[int, Node]]):
        self.trees: dict[int, Node] = {}
        self.ids: dict[tuple[str, str], int] = {}
        self.labels: list[str] = []
        self.anchor_queries: dict[int, list[int]] = {}  # atom id -> searches it can make true
        self.tests: dict[int, object] = {}
        self.positive: dict[int, list[int]] = {}
        self.meta: dict[tuple[str, str], int] = {}
        self.automaton = ahocorasick.Automaton()
        text_atoms: dict[str, int] = {}
        for sid, tree in searches:
            self.trees[sid] = tree
            for term in terms(tree):
                if term.key not in self.ids:
                    self.ids[term.key] = len(self.labels)
                    self.labels.append(f"{term.kind}:{term.value}")
                    if term.kind in TEXT_KINDS:
                        text_atoms[_pattern(term)] = self.ids[term.key]
                    else:
                        self.meta[term.key] = self.ids[term.key]
                atom = self.ids[term.key]
                # lang: never anchors a query (parse() guarantees it cannot make one true alone),
                # so the 2/3 of posts that are English do not make every lang:en query a candidate.
                if term.kind != "lang":
                    owners = self.anchor_queries.setdefault(atom, [])
                    if not owners or owners[-1] != sid:
                        owners.append(sid)
            self.positive[sid] = list(dict.fromkeys(self.ids[t.key] for t in positive_terms(tree)))
            self.tests[sid] = eval(f"lambda p: {_compile(tree, self.ids)}")  # noqa: S307 - ints and operators only
        for pattern, atom in text_atoms.items():
            self.automaton.add_word(pattern, atom)
        self.empty = not text_atoms
        if not self.empty:
            self.automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.trees)

    def atoms(self, post: IncomingPost) -> tuple[set[int], list[str]]:
        """The atom ids present in a post, and its hashtags."""
        key_text, tags = post_key_text(post.text, post.mentions)
        present: set[int] = set()
        if not self.empty:
            present.update(atom for _end, atom in self.automaton.iter(key_text))
        if self.meta:
            meta = self.meta
            if post.lang:
                a = meta.get(("lang", post.lang[:2].lower()))
                if a is not None:
                    present.add(a)
            if post.author_handle:
                a = meta.get(("from", post.author_handle.lower().lstrip("@")))
                if a is not None:
                    present.add(a)
            for handle in post.to_handles:
                a = meta.get(("to", handle.lower().lstrip("@")))
                if a is not None:
                    present.add(a)
        return present, tags

    def match(self, post: IncomingPost) -> Match:
        present, tags = self.atoms(post)
        if not present:
            return Match([], {}, tags)
        candidates: set[int] = set()
        anchors = self.anchor_queries
        for atom in present:
            owners = anchors.get(atom)
            if owners:
                candidates.update(owners)
        tests = self.tests
        hits = sorted(sid for sid in candidates if tests[sid](present))  # type: ignore[operator]
        labels = self.labels
        found = {sid: [labels[a] for a in self.positive[sid] if a in present] for sid in hits}
        return Match(hits, found, tags)


def naive_match(searches: Iterable[tuple[int, Node]], post: IncomingPost) -> list[int]:
    """The obvious loop over queries: the reference the compiled matcher is tested against."""
    key_text, _ = post_key_text(post.text, post.mentions)
    out = []
    for sid, tree in searches:
        present = set()
        for term in terms(tree):
            if term.kind in TEXT_KINDS:
                if _pattern(term) in key_text:
                    present.add(term.key)
            elif term.kind == "lang":
                if post.lang and post.lang[:2].lower() == term.value:
                    present.add(term.key)
            elif term.kind == "from":
                if post.author_handle.lower().lstrip("@") == term.value:
                    present.add(term.key)
            elif term.kind == "to" and term.value in {h.lower().lstrip("@") for h in post.to_handles}:
                present.add(term.key)
        if evaluate(tree, present):
            out.append(sid)
    return out
