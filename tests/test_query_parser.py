"""The filter language parser: terms, negation, alternatives, phrases, and errors with positions."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meetview.query import QueryError, Term, parse


def test_fields_values_negation_and_phrases():
    text = 'country:NO,SE -topic:air-defense person:"Serhii Boiev" JATEC "air shield" -sanctions'
    at = text.index
    assert parse(text).terms == (
        Term("country", ("NO", "SE"), False, False, 0),
        Term("topic", ("air-defense",), True, False, at("-topic")),
        Term("person", ("Serhii Boiev",), False, False, at("person")),
        Term(None, ("JATEC",), False, False, at("JATEC")),
        Term(None, ("air shield",), False, True, at('"air')),
        Term(None, ("sanctions",), True, False, at("-sanctions")),
    )


def test_short_field_names_and_case():
    q = parse("C:no t:drones P:boyev since:2024-11 until:2025 loc:Brussels f:video o:nato")
    assert [t.field for t in q.terms] == [
        "country",
        "topic",
        "person",
        "after",
        "before",
        "location",
        "format",
        "org",
    ]


def test_empty_and_blank_queries_mean_everything():
    assert parse("").is_empty and parse("   \t ").is_empty


def test_words_with_colons_that_are_not_fields_are_free_text():
    q = parse("10:30 https://example.org/x")
    assert [t.values for t in q.terms] == [("10:30",), ("https://example.org/x",)]


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("country:", 8, "needs a value"),
        ("topic:air-defense country: x", 26, "needs a value"),
        ("country:NO,", 11, "needs a value"),
        ('"unterminated phrase', 0, "unterminated quote"),
        ('person:"Boiev', 7, "unterminated quote"),
        ("contry:NO", 0, "unknown field 'contry'"),
        ("- NO", 0, "'-' must be followed"),
        ('air"defense', 3, "quote inside a word"),
        (":NO", 0, "needs a field name"),
    ],
)
def test_errors_point_at_the_position(text, position, fragment):
    with pytest.raises(QueryError) as info:
        parse(text)
    assert fragment in info.value.message
    assert info.value.position == position
    assert info.value.pointer().splitlines()[1].index("^") == position


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*'ab :,-"\t', "country", "topic:", "é", "\x00", "NO"]), max_size=20))
def test_any_input_parses_or_gives_a_clean_error(pieces):
    text = "".join(pieces)
    try:
        q = parse(text)
    except QueryError as e:
        assert 0 <= e.position <= len(text)
        assert e.message
    else:
        for term in q.terms:
            assert term.values and all(v.strip() for v in term.values)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_arbitrary_unicode_never_raises_anything_but_query_error(text):
    with contextlib.suppress(QueryError):
        parse(text)
