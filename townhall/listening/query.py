"""The saved-search query language: a small, hand-written recursive-descent parser.

Grammar (docs/listening.md has the user-facing version)::

    query   := or
    or      := and ( "OR" and )*
    and     := unary ( ["AND"] unary )*        -- adjacent terms are ANDed
    unary   := "NOT" unary | "-" unary | primary
    primary := "(" or ")" | term
    term    := word | "quoted phrase" | #hashtag | @handle | lang:xx | from:handle | to:handle

Operators are upper-case (a lower-case "and"/"or"/"not" is an ordinary word, so people can
search for the word "not"). Matching is case-insensitive. Every error is a `QuerySyntaxError`
carrying the 0-based character position, so the UI can point at it.

Why hand-written: the language is tiny, the error messages matter more than the grammar,
and a parser generator would be a dependency for fifty lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_QUERY_CHARS = 2000
MAX_DEPTH = 32

# A word: letters, digits, and inner apostrophes/hyphens/dots ("o'brien", "covid-19", "ac.uk").
WORD_CHARS = re.compile(r"[\w][\w'’.\-]*", re.UNICODE)
HANDLE_CHARS = re.compile(r"[\w][\w.\-]*(?:@[\w.\-]+)?", re.UNICODE)
LANG_CODE = re.compile(r"[a-zA-Z]{2,3}(?:-[a-zA-Z]{2})?$")
TOKEN_SPLIT = re.compile(r"#?[\w]+(?:['’.\-][\w]+)*|@[\w][\w.\-]*\w", re.UNICODE)


class QuerySyntaxError(ValueError):
    """A query that cannot be parsed; `position` is the 0-based offset of the problem."""

    def __init__(self, message: str, position: int, query: str = ""):
        self.message = message
        self.position = position
        self.query = query
        super().__init__(f"{message} (at character {position + 1})")

    def pointer(self) -> str:
        """The query with a caret under the problem, for the CLI and the API."""
        return f"{self.query}\n{' ' * self.position}^"


# --- the tree -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    """One atom. kind: word, phrase, hashtag, handle, lang, from, to. value is normalised."""

    kind: str
    value: str
    position: int = 0

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.value)


@dataclass(frozen=True)
class And:
    items: tuple


@dataclass(frozen=True)
class Or:
    items: tuple


@dataclass(frozen=True)
class Not:
    item: object


Node = Term | And | Or | Not


def normalise_word(text: str) -> str:
    return text.lower().replace("’", "'")


def phrase_tokens(text: str) -> list[str]:
    """How a phrase (and a post) is cut into words: the same function on both sides."""
    return [normalise_word(t) for t in TOKEN_SPLIT.findall(text) if not t.startswith(("#", "@"))]


# --- the lexer ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Token:
    kind: str  # LPAREN RPAREN AND OR NOT TERM EOF
    text: str
    position: int
    term: Term | None = None


OPERATORS = {"AND", "OR", "NOT"}
FIELDS = {"lang", "from", "to"}


def _lex(query: str) -> list[Token]:
    tokens: list[Token] = []
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
            continue
        if ch == "(":
            tokens.append(Token("LPAREN", ch, i))
            i += 1
            continue
        if ch == ")":
            tokens.append(Token("RPAREN", ch, i))
            i += 1
            continue
        if ch == "-" and i + 1 < n and not query[i + 1].isspace():
            tokens.append(Token("NOT", ch, i))
            i += 1
            continue
        if ch in "\"“”":
            end = i + 1
            while end < n and query[end] not in "\"“”":
                end += 1
            if end >= n:
                raise QuerySyntaxError("this quoted phrase is not closed: add a closing \"", i, query)
            words = phrase_tokens(query[i + 1 : end])
            if not words:
                raise QuerySyntaxError("this quoted phrase has no words in it", i, query)
            kind = "phrase" if len(words) > 1 else "word"
            tokens.append(Token("TERM", query[i : end + 1], i, Term(kind, " ".join(words), i)))
            i = end + 1
            continue
        if ch == "#":
            m = WORD_CHARS.match(query, i + 1)
            if not m or m.group().startswith(("'", "-", ".")):
                raise QuerySyntaxError("a # must be followed by the hashtag, e.g. #openday", i, query)
            value = normalise_word(m.group().rstrip(".'-"))
            tokens.append(Token("TERM", query[i : m.end()], i, Term("hashtag", value, i)))
            i = m.end()
            continue
        if ch == "@":
            m = HANDLE_CHARS.match(query, i + 1)
            if not m:
                raise QuerySyntaxError("an @ must be followed by a handle, e.g. @example.ac.uk", i, query)
            value = m.group().rstrip(".-").lower()
            tokens.append(Token("TERM", query[i : m.end()], i, Term("handle", value, i)))
            i = m.end()
            continue
        m = WORD_CHARS.match(query, i)
        if not m:
            raise QuerySyntaxError(f"unexpected character {ch!r}", i, query)
        word = m.group()
        end = m.end()
        # field:value
        if end < n and query[end] == ":" and word.lower() in FIELDS:
            field = word.lower()
            start = end + 1
            if field == "lang":
                vm = re.compile(r"[\w\-]+").match(query, start)
                if not vm or not LANG_CODE.match(vm.group()):
                    raise QuerySyntaxError(
                        "lang: needs a language code such as lang:en or lang:cy", start if vm else end, query
                    )
                tokens.append(Token("TERM", query[i : vm.end()], i, Term("lang", vm.group().lower()[:2], i)))
                i = vm.end()
                continue
            if start < n and query[start] == "@":
                start += 1
            vm = HANDLE_CHARS.match(query, start)
            if not vm:
                raise QuerySyntaxError(
                    f"{field}: needs an official account's handle, e.g. {field}:example.ac.uk", start, query
                )
            value = vm.group().rstrip(".-").lower()
            tokens.append(Token("TERM", query[i : vm.end()], i, Term(field, value, i)))
            i = vm.end()
            continue
        if end < n and query[end] == ":":
            raise QuerySyntaxError(
                f"unknown field {word!r}: the fields are lang:, from: and to: (quote the text to search for it)",
                i,
                query,
            )
        if word in OPERATORS:
            tokens.append(Token(word, word, i))
        else:
            # "covid-19." -> covid-19 ; keep inner punctuation, drop trailing.
            value = normalise_word(word.rstrip(".'’-"))
            tokens.append(Token("TERM", word, i, Term("word", value, i)))
        i = end
    tokens.append(Token("EOF", "", n))
    return tokens


# --- the parser -----------------------------------------------------------------------------


class _Parser:
    def __init__(self, query: str):
        self.query = query
        self.tokens = _lex(query)
        self.pos = 0
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.pos]

    def take(self) -> Token:
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def error(self, message: str, tok: Token) -> QuerySyntaxError:
        return QuerySyntaxError(message, tok.position, self.query)

    def parse(self) -> Node:
        if self.peek().kind == "EOF":
            raise self.error("the query is empty: type at least one word, #hashtag or @handle", self.peek())
        node = self.parse_or()
        tok = self.peek()
        if tok.kind == "RPAREN":
            raise self.error("this ) has no matching (", tok)
        if tok.kind != "EOF":  # pragma: no cover - parse_or consumes everything else
            raise self.error(f"unexpected {tok.text!r}", tok)
        return node

    def parse_or(self) -> Node:
        items = [self.parse_and()]
        while self.peek().kind == "OR":
            op = self.take()
            if self.peek().kind in ("EOF", "RPAREN", "OR", "AND"):
                raise self.error("OR needs a term on both sides", op)
            items.append(self.parse_and())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while True:
            tok = self.peek()
            if tok.kind == "AND":
                self.take()
                if self.peek().kind in ("EOF", "RPAREN", "OR", "AND"):
                    raise self.error("AND needs a term on both sides", tok)
                items.append(self.parse_unary())
            elif tok.kind in ("TERM", "LPAREN", "NOT"):
                items.append(self.parse_unary())
            else:
                break
        return items[0] if len(items) == 1 else And(tuple(items))

    def parse_unary(self) -> Node:
        tok = self.peek()
        if tok.kind == "NOT":
            self.take()
            if self.peek().kind in ("EOF", "RPAREN", "OR", "AND"):
                raise self.error("NOT needs a term after it", tok)
            self._enter(tok)
            node = Not(self.parse_unary())
            self.depth -= 1
            return node
        return self.parse_primary()

    def _enter(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"the query nests deeper than {MAX_DEPTH} levels", tok)

    def parse_primary(self) -> Node:
        tok = self.take()
        if tok.kind == "TERM":
            assert tok.term is not None
            return tok.term
        if tok.kind == "LPAREN":
            self._enter(tok)
            if self.peek().kind == "RPAREN":
                raise self.error("these parentheses are empty", tok)
            if self.peek().kind == "EOF":
                raise self.error("this ( is not closed: add a )", tok)
            node = self.parse_or()
            if self.peek().kind != "RPAREN":
                raise self.error("this ( is not closed: add a )", tok)
            self.take()
            self.depth -= 1
            return node
        if tok.kind == "RPAREN":
            raise self.error("this ) has no matching (", tok)
        if tok.kind == "EOF":
            raise self.error("the query ends too early", tok)
        raise self.error(f"{tok.text} needs a term before it", tok)


def parse(query: str) -> Node:
    """Parse a query into a tree, or raise QuerySyntaxError pointing at the problem.

    A query must be able to match on its own positive terms: `NOT spam` alone would match
    (and store) every post on the network, which privacy by design forbids.
    """
    if not isinstance(query, str):
        raise QuerySyntaxError("the query must be text", 0, "")
    if len(query) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(f"the query is longer than {MAX_QUERY_CHARS} characters", MAX_QUERY_CHARS, query)
    node = _Parser(query).parse()
    if evaluate(node, frozenset()):
        raise QuerySyntaxError(
            "this query matches posts that contain none of its terms (only NOT); add a word, "
            "#hashtag or @handle that a post must contain",
            0,
            query,
        )
    langs = frozenset(t.key for t in terms(node) if t.kind == "lang")
    if langs and evaluate(node, langs):
        raise QuerySyntaxError(
            "lang: only narrows a search; add a word, #hashtag, @handle, from: or to: as well", 0, query
        )
    return node


def terms(node: Node) -> list[Term]:
    """Every atom in the tree, in order."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return terms(node.item)  # type: ignore[arg-type]
    out: list[Term] = []
    for item in node.items:
        out.extend(terms(item))
    return out


def positive_terms(node: Node, negated: bool = False) -> list[Term]:
    """Atoms not under a NOT: the words a post is shown for (used for 'top terms')."""
    if isinstance(node, Term):
        return [] if negated else [node]
    if isinstance(node, Not):
        return positive_terms(node.item, not negated)  # type: ignore[arg-type]
    out: list[Term] = []
    for item in node.items:
        out.extend(positive_terms(item, negated))
    return out


def evaluate(node: Node, present: frozenset | set) -> bool:
    """True when the tree holds given the set of atom keys present in a post."""
    if isinstance(node, Term):
        return node.key in present
    if isinstance(node, Not):
        return not evaluate(node.item, present)  # type: ignore[arg-type]
    if isinstance(node, And):
        return all(evaluate(i, present) for i in node.items)
    return any(evaluate(i, present) for i in node.items)


def to_text(node: Node) -> str:
    """A canonical rendering (fully parenthesised), for logs and tests."""
    if isinstance(node, Term):
        if node.kind == "word":
            return node.value
        if node.kind == "phrase":
            return f'"{node.value}"'
        if node.kind == "hashtag":
            return f"#{node.value}"
        if node.kind == "handle":
            return f"@{node.value}"
        return f"{node.kind}:{node.value}"
    if isinstance(node, Not):
        return f"NOT {to_text(node.item)}"  # type: ignore[arg-type]
    op = " AND " if isinstance(node, And) else " OR "
    return "(" + op.join(to_text(i) for i in node.items) + ")"
