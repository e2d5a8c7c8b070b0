"""Every value comes with a span into the article text that shows where it was read."""

from __future__ import annotations

from .conftest import assert_valid, run

TEXT = (
    "Talks in Oslo\n\n"
    "OSLO, March 2 - Minister of Foreign Affairs of Norway Kari Lunde met with Lithuanian Foreign Minister "
    "Tomas Jonaitis on Monday in Oslo. Lunde and Jonaitis discussed drones and sanctions.\n"
)


def test_spans_point_at_the_values():
    ex = run(TEXT, published="2032-03-02")
    assert_valid(ex, TEXT)
    (m,) = ex.meetings
    by_field: dict[str, list] = {}
    for s in m.spans:
        by_field.setdefault(s.field, []).append(s)
    (ev,) = by_field["evidence"]
    assert (
        TEXT[ev.start : ev.end].startswith("OSLO, March 2 - Minister")
        or "met with" in TEXT[ev.start : ev.end]
    )
    assert " ".join(TEXT[ev.start : ev.end].split()) == m.evidence
    (d,) = by_field["date"]
    assert TEXT[d.start : d.end] in ("on Monday", "Monday") and d.value == m.date == "2032-03-01"
    names = {TEXT[s.start : s.end] for s in by_field["participant"]}
    assert {"Kari Lunde", "Tomas Jonaitis"} <= names
    roles = {TEXT[s.start : s.end] for s in by_field["role"]}
    assert "Minister of Foreign Affairs of Norway" in roles
    countries = {(s.value, TEXT[s.start : s.end]) for s in by_field["country"]}
    assert ("NO", "Norway") in countries and ("LT", "Lithuanian") in countries
    topics = {(s.value, TEXT[s.start : s.end].lower()) for s in by_field["topic"]}
    assert ("drones", "drones") in topics and ("sanctions", "sanctions") in topics
    (loc,) = by_field["location"]
    assert TEXT[loc.start : loc.end] == "Oslo"


def test_spans_survive_markup_and_front_matter():
    text = (
        "---\ntitle: t\ndate: '2032-03-02'\n---\n"
        "<p>President of Ghana <b>Kofi Boateng</b> met with President of Togo Eli Agbo.</p>"
    )
    ex = run(text)
    assert_valid(ex, text)
    assert ex.published == "2032-03-02"
    (m,) = ex.meetings
    spans = [s for s in m.spans if s.field == "participant"]
    assert {text[s.start : s.end] for s in spans} == {"Kofi Boateng", "Eli Agbo"}
