"""The extractor's fast paths give exactly what the plain versions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetview.extract.text import _TOKEN, Token, tokenize

# Text dense in what the token pattern decides on: capitals and dots (U.S.), digits and separators,
# apostrophes and hyphens inside words, every kind of space, and any other character.
TOKEN_TEXT = st.lists(
    st.sampled_from([*"Aa.U S1,:-'’\u2010 \n\t\xa0\u2009\u3000", "st", "th", "é", "_", "Ω", "\u0301"]),
    max_size=40,
).map("".join) | st.text(max_size=60)


def reference_tokenize(text: str, start: int, end: int, sent: int) -> list[Token]:
    """One token per match of the token pattern, offsets from the match."""
    return [
        Token(
            m.group(), m.start(), m.end(), m.group().lower().replace("’", "'"), m.group()[0].isupper(), sent
        )
        for m in _TOKEN.finditer(text, start, end)
    ]


@given(TOKEN_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_tokenize_matches_the_token_pattern_match_by_match(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert tokenize(text, start, end, 3) == reference_tokenize(text, start, end, 3)


def test_tokenize_offsets_point_into_the_text():
    text = "  The U.S. envoy met\u00a0Kornhauser-Duda on 3rd May, O’Brien’s aide said.  "
    tokens = tokenize(text, 2)
    assert [t.text for t in tokens][:6] == ["The", "U.S.", "envoy", "met", "Kornhauser-Duda", "on"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.low for t in tokens if "brien" in t.low] == ["o'brien"]
