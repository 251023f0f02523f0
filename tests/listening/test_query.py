import pytest
from hypothesis import given
from hypothesis import strategies as st

from townhall.listening.query import QuerySyntaxError, parse, to_text


@pytest.mark.parametrize(
    "query,expected",
    [
        ("physics", "physics"),
        ("Physics open", "(physics AND open)"),
        ('"open day" OR #OpenDay', '("open day" OR #openday)'),
        ("a OR b c", "(a OR (b AND c))"),
        ("a AND (b OR c) NOT d", "(a AND (b OR c) AND NOT d)"),
        ("aston -union", "(aston AND NOT union)"),
        ("@Example.ac.uk", "@example.ac.uk"),
        ("research lang:EN", "(research AND lang:en)"),
        ("from:example.ac.uk OR to:@physics.example.ac.uk", "(from:example.ac.uk OR to:physics.example.ac.uk)"),
        ("covid-19 and not", "(covid-19 AND and AND not)"),  # lower-case operators are words
        ('"single"', "single"),
        ("@jane@mastodon.social", "@jane@mastodon.social"),
    ],
)
def test_parses(query, expected):
    assert to_text(parse(query)) == expected


@pytest.mark.parametrize(
    "query,position,words",
    [
        ("", 0, "empty"),
        ("(physics", 0, "not closed"),
        ("physics)", 7, "no matching"),
        ('open "day', 5, "not closed"),
        ("a OR", 2, "OR needs"),
        ("a AND AND b", 2, "AND needs"),
        ("NOT spam", 0, "none of its terms"),
        ("lang:en", 0, "only narrows"),
        ("foo:bar x", 0, "unknown field"),
        ("x lang:1", 7, "language code"),
        ("x # y", 2, "hashtag"),
        ("x ()", 2, "empty"),
        ("x NOT", 2, "NOT needs"),
        ('x ""', 2, "no words"),
        ("x $", 2, "unexpected character"),
    ],
)
def test_errors_point_at_the_problem(query, position, words):
    with pytest.raises(QuerySyntaxError) as info:
        parse(query)
    assert info.value.position == position
    assert words in info.value.message
    assert f"at character {position + 1}" in str(info.value)
    assert info.value.pointer().endswith(" " * position + "^")


def test_deep_nesting_is_refused_not_a_crash():
    with pytest.raises(QuerySyntaxError, match="deeper"):
        parse("(" * 100 + "x" + ")" * 100)


def test_overlong_query():
    with pytest.raises(QuerySyntaxError, match="longer"):
        parse("x " * 2000)


@given(st.text(alphabet='ab()"#@:- ORANDTlng', max_size=40))
def test_any_input_parses_or_gives_a_positioned_error(text):
    try:
        parse(text)
    except QuerySyntaxError as exc:
        assert 0 <= exc.position <= len(text)
