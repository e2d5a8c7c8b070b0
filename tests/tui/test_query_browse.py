"""The query functions the browser added: date coverage and the completion vocabulary."""

from __future__ import annotations

from meetview import query
from meetview.query.browse import date_coverage, vocabulary


def test_date_coverage_counts_by_precision(db):
    with db.session() as s:
        every = date_coverage(s, query.parse(""))
        ukraine = date_coverage(s, query.parse("country:UA"))
    assert (every.day, every.month, every.year, every.undated) == (3, 1, 0, 1)
    assert every.total == 5
    assert (ukraine.day, ukraine.month, ukraine.undated) == (3, 0, 1)


def test_vocabulary_lists_values_most_frequent_first(db):
    with db.session() as s:
        v = vocabulary(s)
    assert v.countries[0].value == "UA" and v.countries[0].count == 4
    assert ("NO", "Norway") in {(c.value, c.label) for c in v.countries}
    assert v.topics[0].value == "air-defense" and v.topics[0].count == 4
    assert any(t.count == 0 for t in v.topics)  # the whole taxonomy is offered
    boiev = v.people[0]
    assert boiev.value.startswith("#") and boiev.count == 2
    assert {o.value for o in v.organizations} == {"NATO", "UDCG"}
    assert {f.value: f.count for f in v.formats} == {"in-person": 1, "phone": 1, "video": 1}


def test_months_and_coverage_agree_with_timeline_and_date_coverage(db):
    from meetview.query.browse import months_and_coverage

    for text in ("", "country:UA", "-format:video"):
        q = query.parse(text)
        with db.session() as s:
            months, coverage = months_and_coverage(s, q)
            weeks, _ = months_and_coverage(s, q, bucket="week")
            assert months == query.timeline(s, q)
            assert sum(w.count for w in weeks) == coverage.day
            assert coverage == date_coverage(s, q)
    assert [m.value for m in months] == ["2024-11", "2024-12", "2025-06"]
    assert [(w.value, w.count) for w in weeks] == [("2024-W46", 1), ("2024-W50", 1)]  # -format:video


def test_facets_can_leave_months_out(db):
    with db.session() as s:
        f = query.facets(s, query.parse(""), months=False)
    assert f.months == [] and f.total == 5 and f.countries[0].value == "UA"


def test_table_page_is_search_in_fewer_columns(db):
    from meetview.query.browse import table_page

    for text in ("", "country:UA", "-format:video"):
        for sort in ("date", "participants", "sources"):
            for descending in (True, False):
                q = query.parse(text)
                with db.session() as s:
                    rows = table_page(s, q, sort=sort, descending=descending, limit=3, offset=1)
                    page = query.search(s, q, sort=sort, descending=descending, limit=3, offset=1)
                assert rows == [
                    (r.id, r.date, r.participants, r.countries, r.topics, r.format, r.n_sources)
                    for r in page.rows
                ]
