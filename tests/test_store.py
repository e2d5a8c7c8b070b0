"""The store: idempotent article upserts, meetings merged across articles, people by transliteration."""

from __future__ import annotations

import json

from factories import make_article, meeting, person, save
from sqlalchemy import select

from meetview.store.models import Meeting, MeetingSource, Participant, Person, PersonAlias
from meetview.store.writer import Outcome, delete_article, table_counts


def _meetings(store):
    with store.session() as s:
        return s.execute(select(Meeting).order_by(Meeting.id)).scalars().all()


def test_same_content_twice_is_stored_once(store):
    a = make_article("one.txt", "Text A")
    m = meeting("2024-11-14", [person("Sergiy Boyev", country="UA")], ["UA", "NO"])
    assert save(store, a, m) is Outcome.IMPORTED
    assert save(store, a, m) is Outcome.UNCHANGED
    assert save(store, make_article("copy-of-one.txt", "Text A"), m) is Outcome.UNCHANGED
    with store.session() as s:
        counts = table_counts(s)
    assert counts["articles"] == 1 and counts["meetings"] == 1


def test_changed_article_replaces_its_meetings(store):
    save(
        store,
        make_article("x.txt", "old"),
        meeting("2024-01-02", [person("Ann Smith", country="GB")], ["GB"]),
    )
    out = save(
        store, make_article("x.txt", "new"), meeting("2024-03-04", [person("Bo Lee", country="KR")], ["KR"])
    )
    assert out is Outcome.UPDATED
    rows = _meetings(store)
    assert [(m.date, m.participants_label, m.countries_label) for m in rows] == [
        ("2024-03-04", "Bo Lee", "KR")
    ]
    with store.session() as s:
        assert s.execute(select(Participant.name)).scalars().all() == ["Bo Lee"]


def test_same_meeting_from_two_articles_becomes_one_with_two_sources(store):
    m1 = meeting(
        "2024-11-14", [person("Serhii Boiev", "Defense Minister", "UA")], ["UA", "NO"], ["air-defense"]
    )
    m2 = meeting(
        "2024-11-14",
        [person("Sergiy Boyev", country="UA"), person("Jon Fredriksen", country="NO")],
        ["UA", "NO"],
        ["ammunition"],
        location="Oslo",
    )
    save(store, make_article("a.txt", "A"), m1)
    save(store, make_article("b.txt", "B"), m2)
    [m] = _meetings(store)
    assert m.n_sources == 2
    assert m.location == "Oslo"
    assert set(m.topics_label.split(", ")) == {"air-defense", "ammunition"}
    with store.session() as s:
        people = s.execute(select(Person)).scalars().all()
        aliases = set(s.execute(select(PersonAlias.alias)).scalars())
    assert len(people) == 2  # Boiev and Boyev are one person
    assert {"Serhii Boiev", "Sergiy Boyev"} <= aliases


def test_meetings_on_different_days_or_without_shared_party_stay_apart(store):
    save(store, make_article("a.txt", "A"), meeting("2024-11-14", [person("Ann Smith")], ["GB", "FR"]))
    save(store, make_article("b.txt", "B"), meeting("2024-11-15", [person("Ann Smith")], ["GB", "FR"]))
    save(store, make_article("c.txt", "C"), meeting("2024-11-14", [person("Bo Lee")], ["KR", "JP"]))
    save(store, make_article("d.txt", "D"), meeting(None, [person("Ann Smith")], ["GB", "FR"]))
    assert len(_meetings(store)) == 4


def test_two_meetings_in_one_article_never_merge(store):
    art = make_article("trip.txt", "Trip")
    save(
        store,
        art,
        meeting("2024-02-19", [person("Volodymyr Zelensky", country="UA"), person("Olaf Scholz")]),
        meeting("2024-02-19", [person("Volodymyr Zelenskyy", country="UA"), person("Kamala Harris")]),
    )
    assert len(_meetings(store)) == 2
    with store.session() as s:
        assert len(s.execute(select(Person)).scalars().all()) == 3  # one Zelensky


def test_different_given_name_is_a_different_person(store):
    save(store, make_article("a.txt", "A"), meeting("2024-01-01", [person("Joe Biden", country="US")]))
    save(store, make_article("b.txt", "B"), meeting("2024-02-01", [person("Hunter Biden", country="US")]))
    save(store, make_article("c.txt", "C"), meeting("2024-03-01", [person("Joseph R. Biden", country="US")]))
    with store.session() as s:
        names = sorted(s.execute(select(Person.name)).scalars())
    assert names == ["Hunter Biden", "Joseph R. Biden"]


def test_deleting_an_article_recomputes_or_removes_its_meetings(store):
    m = meeting("2024-11-14", [person("Ann Smith", country="GB")], ["GB", "FR"], ["trade-economy"])
    save(store, make_article("a.txt", "A"), m)
    save(
        store,
        make_article("b.txt", "B"),
        meeting("2024-11-14", [person("Ann Smith")], ["GB", "FR"], ["energy"]),
    )
    with store.session() as s:
        first = (
            s.execute(select(MeetingSource.article_id).order_by(MeetingSource.article_id)).scalars().first()
        )
        delete_article(s, first)
    [row] = _meetings(store)
    assert row.n_sources == 1 and row.topics_label == "energy"
    with store.session() as s:
        delete_article(s, s.execute(select(MeetingSource.article_id)).scalar_one())
    assert _meetings(store) == []


def test_spans_are_stored_per_article_and_meeting(store):
    """A source's spans live in its stored record; the details give them per source, in text order."""
    from meetview.query.detail import SpanInfo, meeting_details
    from meetview.records import Span as RSpan

    m = meeting("2024-11-14", [person("Ann Smith")], ["GB"])
    m.spans = [RSpan("country", "GB", 20, 27), RSpan("participant", "Ann Smith", 0, 9)]
    save(store, make_article("a.txt", "Ann Smith met British officials."), m)
    other = meeting("2024-11-14", [person("Ann Smith")], ["GB"])
    other.spans = [RSpan("participant", "Smith", 4, 9)]
    save(store, make_article("b.txt", "Ms Smith met British officials in London."), other)
    with store.session() as s:
        record = json.loads(s.execute(select(MeetingSource.record).limit(1)).scalar_one())
        [detail] = meeting_details(s, [s.execute(select(Meeting.id)).scalar_one()], with_spans=True)
        [plain] = meeting_details(s, [detail.id])
    assert record["spans"][1]["value"] == "Ann Smith"
    by_source = {src.source.rsplit("/", 1)[-1]: src.spans for src in detail.sources}
    assert by_source == {
        "a.txt": [SpanInfo("participant", "Ann Smith", 0, 9), SpanInfo("country", "GB", 20, 27)],
        "b.txt": [SpanInfo("participant", "Smith", 4, 9)],
    }
    assert all(src.spans == [] for src in plain.sources)


def test_month_precision_date_bounds(store):
    save(store, make_article("a.txt", "A"), meeting("2024-02", [person("Ann Smith")]))
    [m] = _meetings(store)
    assert (str(m.date_start), str(m.date_end), m.date_precision) == ("2024-02-01", "2024-02-29", "month")


def test_a_busy_principal_s_separate_bilaterals_on_one_day_stay_apart(store):
    zelensky = person("Volodymyr Zelensky", "President", "UA")
    save(
        store,
        make_article("a.txt", "A"),
        meeting("2022-02-19", [zelensky, person("Boris Johnson", country="GB")], ["UA", "GB"]),
    )
    save(
        store,
        make_article("b.txt", "B"),
        meeting("2022-02-19", [zelensky, person("Olaf Scholz", country="DE")], ["UA", "DE"]),
    )
    save(
        store,
        make_article("c.txt", "C"),
        meeting(
            "2022-02-19",
            [person("Volodymyr Zelenskyy", country="UA"), person("Kamala Harris", country="US")],
            ["UA", "US"],
        ),
    )
    assert len(_meetings(store)) == 3
    # the same bilateral reported again, with one side named and the other's country, merges
    save(
        store,
        make_article("d.txt", "D"),
        meeting("2022-02-19", [person("Zelenskiy", country="UA")], ["UA", "DE"]),
    )
    rows = _meetings(store)
    assert len(rows) == 3 and sorted(m.n_sources for m in rows) == [1, 1, 2]
