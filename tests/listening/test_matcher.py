from hypothesis import given, settings
from hypothesis import strategies as st

from townhall.listening.matcher import Matcher, naive_match
from townhall.listening.query import QuerySyntaxError, parse
from townhall.listening.types import IncomingPost


def post(text, **kw):
    return IncomingPost(network="bluesky", remote_id="x", text=text, **kw)


def test_words_phrases_hashtags_handles():
    m = Matcher([
        (1, parse('"open day" physics')),
        (2, parse("#OpenDay")),
        (3, parse("@example.ac.uk NOT spam")),
        (4, parse("covid")),
        (5, parse("university")),
    ])
    got = m.match(post("Physics OPEN   day was great! #openday @example.ac.uk covid-19 the university's labs"))
    assert got.search_ids == [1, 2, 3, 4, 5]
    assert got.hashtags == ["openday"]
    assert "phrase:open day" in got.terms[1]
    assert m.match(post("open the day physics")).search_ids == []  # phrase words must be adjacent
    assert m.match(post("@example.ac.uk spam spam")).search_ids == []
    assert m.match(post("physicsopen day")).search_ids == []  # whole words only


def test_plain_word_also_finds_hashtag_body():
    m = Matcher([(1, parse("physics"))])
    assert m.match(post("Loving #physics today")).search_ids == [1]


def test_metadata_terms():
    m = Matcher([
        (1, parse("research lang:cy")),
        (2, parse("from:example.ac.uk")),
        (3, parse("to:example.ac.uk question")),
    ])
    assert m.match(post("research news", lang="cy")).search_ids == [1]
    assert m.match(post("research news", lang="en")).search_ids == []
    assert m.match(post("anything", author_handle="Example.ac.uk")).search_ids == [2]
    assert m.match(post("a question", to_handles=("example.ac.uk",))).search_ids == [3]


def test_only_candidate_queries_are_evaluated():
    searches = [(i, parse(f"(word{i} OR other{i}) lang:en")) for i in range(1000)]
    m = Matcher(searches)
    calls = []
    for sid, test in list(m.tests.items()):
        m.tests[sid] = lambda p, t=test, s=sid: calls.append(s) or t(p)
    assert m.match(post("word5 and word7 and nothing else", lang="en")).search_ids == [5, 7]
    assert sorted(calls) == [5, 7]  # not 1,000, and lang:en alone makes nothing a candidate


WORDS = ["physics", "open", "day", "aston", "union", "covid-19", "lab", "spam"]
atom = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(lambda w: f"#{w.split('-')[0]}"),
    st.sampled_from(['"open day"', '"physics lab"', "@example.ac.uk", "lang:en", "from:a.ac.uk", "to:b.ac.uk"]),
)


def _query(draw_atoms, ops):
    out = [draw_atoms[0]]
    for a, op in zip(draw_atoms[1:], ops, strict=False):
        out.append(op)
        out.append(a)
    return " ".join(out)


queries = st.builds(
    _query,
    st.lists(atom, min_size=1, max_size=5),
    st.lists(st.sampled_from(["AND", "OR", "AND NOT", "OR NOT", ""]), max_size=4),
)
texts = st.lists(st.sampled_from([*WORDS, "#physics", "#open", "@example.ac.uk", "the", "Day!"]), max_size=12).map(
    " ".join
)


@settings(max_examples=150, deadline=None)
@given(st.lists(queries, min_size=1, max_size=12), texts, st.sampled_from(["", "en", "fr"]),
       st.sampled_from(["", "a.ac.uk"]), st.sampled_from([(), ("b.ac.uk",)]))
def test_compiled_matcher_equals_naive_loop(qs, text, lang, author, to):
    searches = []
    for i, q in enumerate(qs):
        try:
            searches.append((i, parse(q)))
        except QuerySyntaxError:
            continue
    p = post(text, lang=lang, author_handle=author, to_handles=to)
    assert Matcher(searches).match(p).search_ids == naive_match(searches, p)
