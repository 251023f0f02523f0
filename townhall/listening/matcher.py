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

from townhall.listening.query import Node, Term, evaluate, normalise_word, positive_terms, terms
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
    main: list[str] = []
    extra: list[str] = []
    tags: list[str] = []
    for tok in POST_TOKENS.findall(text):
        tok = normalise_word(tok)
        main.append(tok)
        if tok[0] == "#":
            tags.append(tok[1:])
            extra.append(tok[1:])
            body = tok[1:]
        elif tok[0] == "@":
            continue
        else:
            body = tok
        if PARTS.search(body):
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


class Matcher:
    """Build once per set of saved searches (cheap: ~1 ms per 100 queries); reuse per post."""

    def __init__(self, searches: Iterable[tuple[int, Node]]):
        self.trees: dict[int, Node] = {}
        self.atom_queries: dict[tuple[str, str], list[int]] = {}
        self.positive: dict[int, list[tuple[str, str]]] = {}
        self.automaton = ahocorasick.Automaton()
        self.meta: dict[tuple[str, str], list[int]] = {}
        text_atoms: dict[str, tuple[str, str]] = {}
        for sid, tree in searches:
            self.trees[sid] = tree
            self.positive[sid] = list(dict.fromkeys(t.key for t in positive_terms(tree)))
            for term in terms(tree):
                owners = self.atom_queries.setdefault(term.key, [])
                if not owners or owners[-1] != sid:
                    owners.append(sid)
                if term.kind in TEXT_KINDS:
                    text_atoms[_pattern(term)] = term.key
                else:
                    self.meta.setdefault(term.key, [])
        for pattern, key in text_atoms.items():
            self.automaton.add_word(pattern, key)
        self.empty = not text_atoms
        if not self.empty:
            self.automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.trees)

    def atoms(self, post: IncomingPost) -> tuple[set[tuple[str, str]], list[str]]:
        """The atom keys present in a post, and its hashtags."""
        key_text, tags = post_key_text(post.text, post.mentions)
        present: set[tuple[str, str]] = set()
        if not self.empty:
            for _end, key in self.automaton.iter(key_text):
                present.add(key)
        if self.meta:
            if post.lang:
                k = ("lang", post.lang[:2].lower())
                if k in self.meta:
                    present.add(k)
            if post.author_handle:
                k = ("from", post.author_handle.lower().lstrip("@"))
                if k in self.meta:
                    present.add(k)
            for handle in post.to_handles:
                k = ("to", handle.lower().lstrip("@"))
                if k in self.meta:
                    present.add(k)
        return present, tags

    def match(self, post: IncomingPost) -> Match:
        present, tags = self.atoms(post)
        if not present:
            return Match([], {}, tags)
        candidates: set[int] = set()
        for key in present:
            candidates.update(self.atom_queries[key])
        hits = [sid for sid in sorted(candidates) if evaluate(self.trees[sid], present)]
        found = {sid: [f"{k}:{v}" for k, v in self.positive[sid] if (k, v) in present] for sid in hits}
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
