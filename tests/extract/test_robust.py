"""Any input gives valid output: junk, markup, huge or empty texts never raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetview.extract import extract

from .conftest import article, assert_valid, run

WORDS = st.sampled_from(
    [
        "President",
        "met",
        "with",
        "Minister",
        "of",
        "Ukraine",
        "the",
        "on",
        "Monday",
        "talks",
        "NATO",
        "Kyiv",
        "'s",
        ",",
        ".",
        "\n",
        "\n\n",
        "Jan",
        "2024",
        "May",
        "said",
        "Mr",
        "John",
        "Smith",
        "“",
        "”",
        "-",
        "<p>",
        "</p>",
        "---",
        "G7",
        "ministers",
        "did",
        "not",
        "attend",
        "will",
        "meet",
        "Baltic",
        "call",
        "phone",
        "today",
        "He",
        "14",
        "November",
        "scheduled",
        "&amp;",
        "U.S.",
        "Jr.",
        "de",
        "von",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=600))
def test_arbitrary_text_gives_valid_output(text):
    ex = run(text)
    assert_valid(ex, text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=120), st.one_of(st.none(), st.sampled_from(["2024-11-20", "1999-01-01"])))
def test_word_salad_gives_valid_output(words, published):
    text = " ".join(words)
    ex = run(text, published=published)
    assert_valid(ex, text)


def test_degenerate_inputs():
    for text in ["", " ", "\n\n\n", "---\n---\n", "<html></html>", "x" * 50000, "“" * 300, "met " * 2000]:
        ex = extract(article(text))
        assert_valid(ex, text)
    assert extract(article("They met.", published="not a date")).published is None
