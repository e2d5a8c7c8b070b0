"""The writer's shortcuts give exactly what the general functions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetview import records
from meetview.sanitize import clean_text
from meetview.store.writer import _inert_text, _record

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@given(TEXT)
def test_inert_text_is_clean_text(text):
    assert _inert_text(text) == clean_text(text)


def test_inert_text_keeps_ordinary_text_as_it_is():
    text = "Ministers met in Kyiv \u2014 \u201cair defense\u201d\tand\nmore."
    assert _inert_text(text) is text


@given(
    st.builds(
        records.Meeting,
        date=st.none() | st.just("2024-05-01"),
        format=st.sampled_from([None, "video", "phone", "in-person"]),
        location=st.none() | TEXT,
        participants=st.lists(
            st.builds(
                records.Participant,
                name=TEXT,
                role=st.none() | TEXT,
                country=st.none() | st.just("UA"),
                organization=st.none() | TEXT,
                aliases=st.lists(TEXT, max_size=2),
            ),
            max_size=3,
        ),
        countries=st.lists(st.sampled_from(["UA", "NO", "SE"]), max_size=3),
        organizations=st.lists(TEXT, max_size=2),
        topics=st.lists(st.sampled_from(["air-defense", "energy"]), max_size=2),
        evidence=st.none() | TEXT,
        status=st.sampled_from(["held", "planned"]),
        spans=st.lists(
            st.builds(records.Span, field=TEXT, value=TEXT, start=st.integers(0, 9), end=st.integers(0, 9)),
            max_size=2,
        ),
    )
)
def test_record_is_to_dict(meeting):
    assert _record(meeting) == meeting.to_dict()
    assert list(_record(meeting)) == list(meeting.to_dict())
