"""The writer's shortcuts give exactly what the general functions give."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from meetview import records
from meetview.sanitize import _ESCAPES, _TABLE, clean_line, clean_text, lines_are_clean
from meetview.store.writer import _inert_article, _inert_meeting, _record

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)
# Text dense in what the sanitizer handles: escapes, controls, bidi marks, every kind of whitespace.
TRICKY = st.text(
    alphabet=st.sampled_from(
        [*"ab [] |", "\x1b", "\x9b", "\r", "\n", "\t", "\xa0", "\u2028", "\u202e", "\x00"]
    ),
    max_size=12,
)


def reference_clean_text(text: str) -> str:
    """clean_text with every step applied, no shortcut."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ESCAPES.sub("", text).translate(_TABLE)


@given(TEXT | TRICKY)
def test_clean_text_shortcuts_change_nothing(text):
    assert clean_text(text) == reference_clean_text(text)
    assert clean_line(text) == " ".join(reference_clean_text(text).split())


def test_clean_text_and_line_keep_ordinary_text_as_it_is():
    text = "Ministers met in Kyiv \u2014 \u201cair defense\u201d\tand\nmore."
    assert clean_text(text) is text
    line = "Foreign Minister Dmytro Kuleba (Ukraine)"
    assert clean_line(line) is line
    assert clean_line(" two  spaces") == "two spaces"
    assert clean_line("nbsp\xa0here\u2028") == "nbsp here"


MEETINGS = st.builds(
    records.Meeting,
    date=st.none() | st.just("2024-05-01"),
    format=st.sampled_from([None, "video", "phone", "in-person"]),
    location=st.none() | TEXT | TRICKY,
    participants=st.lists(
        st.builds(
            records.Participant,
            name=TEXT | TRICKY,
            role=st.none() | TEXT | TRICKY,
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
        st.builds(
            records.Span, field=TEXT, value=TEXT | TRICKY, start=st.integers(0, 9), end=st.integers(0, 9)
        ),
        max_size=2,
    ),
)


@given(MEETINGS)
def test_record_is_to_dict(meeting):
    assert _record(meeting) == meeting.to_dict()
    assert list(_record(meeting)) == list(meeting.to_dict())


def _line(value):
    return clean_line(value) or None


def reference_inert_meeting(m: records.Meeting) -> records.Meeting:
    """Every field of the record cleaned, each into a new object."""
    people = [
        replace(
            p,
            name=clean_line(p.name),
            role=_line(p.role),
            country=_line(p.country),
            organization=_line(p.organization),
            aliases=[clean_line(a) for a in p.aliases],
        )
        for p in m.participants
    ]
    return replace(
        m,
        date=_line(m.date),
        format=_line(m.format),
        location=_line(m.location),
        participants=[p for p in people if p.name],
        countries=[clean_line(c) for c in m.countries],
        topics=[clean_line(t) for t in m.topics],
        organizations=[clean_line(o) for o in m.organizations],
        evidence=_line(m.evidence),
        spans=[replace(sp, value=clean_line(sp.value)) for sp in m.spans],
    )


@given(MEETINGS)
def test_inert_meeting_is_every_field_cleaned(meeting):
    assert _inert_meeting(meeting) == reference_inert_meeting(meeting)


def test_inert_meeting_keeps_clean_participants_as_they_are():
    p = records.Participant(name="Anna Berg", role="Foreign Minister", country="NO", aliases=["Berg"])
    dirty = records.Participant(name="Ole\x1b[31m Dahl\t", role="")
    m = records.Meeting(date="2024-03-03", participants=[p, dirty])
    out = _inert_meeting(m)
    assert out.participants[0] is p
    assert out.participants[1] == records.Participant(name="Ole Dahl", role=None)


@given(st.lists(TEXT | TRICKY, max_size=6))
def test_lines_are_clean_only_when_every_value_is(values):
    values = [v for v in values if v]
    if lines_are_clean(values):
        assert all(clean_line(v) == v for v in values)
    elif all(clean_line(v) == v and "| " not in v and " |" not in v for v in values):
        raise AssertionError(f"clean values reported unclean: {values!r}")


def test_inert_meeting_and_article_keep_clean_records_as_they_are():
    m = records.Meeting(
        date="2024-03-03",
        location="Oslo",
        participants=[records.Participant(name="Anna Berg", role="Foreign Minister", aliases=["Berg"])],
        countries=["NO"],
        spans=[records.Span("location", "Oslo", 10, 14)],
    )
    assert _inert_meeting(m) is m
    assert _inert_meeting(replace(m, location="Oslo ")).location == "Oslo"  # a trailing space, then "|"
    assert _inert_meeting(replace(m, spans=[records.Span("x", " Oslo", 0, 1)])).spans[0].value == "Oslo"
    a = records.Article(
        source="a.txt", text="Talks.", original="Talks.\n", title="Talks", url="https://x.org/a"
    )
    assert _inert_article(a) is a
    assert _inert_article(replace(a, title="Talks\x1b[2J")).title == "Talks"
    assert _inert_article(replace(a, outlet="")).outlet is None
    assert _inert_article(replace(a, original="Talks\x07")).original == "Talks"


@given(
    st.builds(
        records.Article,
        source=TEXT | TRICKY,
        text=TEXT | TRICKY,
        original=TEXT | TRICKY,
        title=st.none() | TEXT | TRICKY,
        published=st.none() | st.just("2024-05-01"),
        outlet=st.none() | TRICKY,
        url=st.none() | TRICKY,
    )
)
def test_inert_article_is_every_field_cleaned(a):
    text = clean_text(a.text)
    assert _inert_article(a) == replace(
        a,
        source=clean_line(a.source) or "(unnamed)",
        text=text,
        original=text if a.original == a.text else clean_text(a.original),
        title=_line(a.title),
        published=_line(a.published),
        outlet=_line(a.outlet),
        url=_line(a.url),
    )
