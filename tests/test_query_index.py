"""The in-memory index answers every query exactly as the SQL path does: counts, pages in every
in-memory order, facets, timelines and date coverage, and the same errors at the same positions;
and it knows when the data changed under it."""

from __future__ import annotations

import pytest
from factories import make_article, meeting, person, save

from meetview import query
from meetview.query import browse
from meetview.query.index import MeetingIndex
from meetview.store.writer import delete_article

# Every field, short forms, OR within a field, AND across terms, negations, partial dates, free
# text and phrases, LIKE wildcards as values, values matching nothing.
QUERIES = [
    "",
    "country:UA",
    "c:no,se",
    "country:UA country:PL",
    "country:nordic",
    "country:Norwegian -country:UA",
    "-country:UA",
    "country:CZ",
    "topic:air-defense",
    "topic:air",
    "t:drones,sanctions -topic:air-defense",
    "-topic:energy",
    "person:boyev",
    "person:boiev",
    "person:#1",
    "person:#2,#3",
    "person:#999999",
    "-person:#1",
    "person:čapek",
    "person:lund",
    "person:ma",
    "p:x",
    "org:nato",
    "org:u",
    "o:nato,osce",
    "-org:nato",
    "org:zzz",
    "format:video",
    "f:phone,video",
    "format:in-person",
    "-format:video",
    "-format:phone,in-person",
    "location:brussels",
    "location:OSLO",
    "location:zürich",
    "location:ZÜRICH",
    "location:ägypten",
    "location:istanbul",
    "location:%",
    "location:_",
    "location:50%",
    "-location:brussels",
    "location:zzz",
    "source:ukrinform",
    "source:REUTERS",
    "source:example",
    "source:synth/0000",
    "source:%",
    "source:a%b",
    "source:ä_1",
    "source:zürich",
    "-source:mod",
    "source:zzz",
    "after:2024-11",
    "before:2025-01-31",
    "before:2024-12-10",
    "after:2024-12-10",
    "date:2024-11-14",
    "date:2024-11",
    "date:2024",
    "date:2019",
    "on:2024-02-29",
    "after:2024 before:2024",
    "date:2023,2025-03",
    "-date:2024",
    "-after:2020",
    "before:1900",
    "after:2099",
    "ministers",
    "Ministers met",
    '"joint statement"',
    '"met in brussels"',
    "-ministers",
    "interceptors",
    "zzzunknownword",
    '-"joint statement" country:UA',
    "ministers country:UA after:2023",
    "country:UA topic:air-defense -format:phone after:2020-06",
    "country:DE,FR -format:phone",
    "org:nato location:brussels",
    "person:lund -country:UA topic:sanctions",
    "source:reuters -date:2024 format:video",
    "country:UA -country:UA",
]
ERRORS = [
    "c:xx,UA",
    "country:xx",
    "country:UA country:atlantis",
    "topic:nonexistent",
    "format:fax",
    "format:video,fax",
    "date:2024-13",
    "after:yesterday",
    "country:UA -date:20x4",
    "topic:zzz country:atlantis",
]


def _through(index: MeetingIndex, store, text: str) -> dict:
    return _answers(store, text, index)


def _answers(store, text: str, index: MeetingIndex | None = None) -> dict:
    """Everything the app and the CLI ask about one query, through the index or the SQL path."""
    q = query.parse(text)
    out: dict = {}
    with store.session() as s:
        src = index
        out["count"] = (src if src is not None else query).count(s, q)
        for sort in ("date", "sources"):
            for descending in (True, False):
                key = f"{sort} {'desc' if descending else 'asc'}"
                search = src.search if src else query.search
                table_page = src.table_page if src else browse.table_page
                out[f"search {key}"] = search(s, q, sort=sort, descending=descending, limit=50)
                out[f"search {key} offset"] = search(
                    s, q, sort=sort, descending=descending, limit=20, offset=35
                )
                out[f"table {key}"] = table_page(s, q, sort=sort, descending=descending, limit=40, offset=10)
        out["search all"] = (src if src is not None else query).search(s, q, limit=None)
        out["search no total"] = (src if src is not None else query).search(s, q, limit=10, with_total=False)
        out["search participants"] = (src if src is not None else query).search(
            s, q, sort="participants", limit=25
        )
        out["facets"] = (src if src is not None else query).facets(s, q)
        out["facets 5"] = (src if src is not None else query).facets(s, q, limit=5, months=False)
        out["timeline"] = (src if src is not None else query).timeline(s, q)
        out["timeline week"] = (src if src is not None else query).timeline(s, q, bucket="week")
        months = src.months_and_coverage if src else browse.months_and_coverage
        out["months"] = months(s, q)
        out["weeks"] = months(s, q, bucket="week")
    return out


def _index(store) -> MeetingIndex:
    with store.session() as s:
        return MeetingIndex.load(s)


def _assert_same(store, index: MeetingIndex, text: str) -> dict:
    expected = _answers(store, text)
    index.clear_cache()
    got = _answers(store, text, index)
    for key, value in expected.items():
        assert got[key] == value, (text, key)
    again = _answers(store, text, index)  # from the index's remembered masks
    assert again == expected, text
    return expected


def test_the_sample_database_answers_alike(db):
    index = _index(db)
    assert len(index) == 5
    seen_counts = set()
    for text in QUERIES:
        seen_counts.add(_assert_same(db, index, text)["count"])
    assert {0, 1, 2, 5} <= seen_counts  # the queries are not all empty, nor all everything


@pytest.mark.parametrize("chunk", range(4))
def test_a_generated_database_answers_alike(generated, chunk):
    index = _index(generated)
    counts = []
    for text in QUERIES[chunk::4]:
        counts.append(_assert_same(generated, index, text)["count"])
    assert max(counts) > 100 and len(set(counts)) > 5


def test_facet_ties_at_the_limit_are_broken_alike(generated):
    """Many values share a count where the top-N cut falls: the same ones are kept, in the same order."""
    index = _index(generated)
    for text in ("", "country:UA", "date:2024-02", "person:lund"):
        q = query.parse(text)
        for limit in (1, 2, 3, 7, 11):
            with generated.session() as s:
                assert index.facets(s, q, limit=limit) == query.facets(s, q, limit=limit), (text, limit)


@pytest.mark.parametrize("text", ERRORS)
def test_errors_are_the_same_with_the_same_position(db, text):
    index = _index(db)
    q = query.parse(text)
    with db.session() as s, pytest.raises(query.QueryError) as sql_error:
        query.count(s, q)
    for ask in (index.count, index.facets, index.timeline, index.months_and_coverage, index.search):
        with db.session() as s, pytest.raises(query.QueryError) as index_error:
            ask(s, q)
        got, want = index_error.value, sql_error.value
        assert (got.message, got.position, got.query) == (want.message, want.position, want.query)


def test_other_sorts_are_the_databases(db):
    index = _index(db)
    q = query.parse("country:UA")
    with db.session() as s:
        for sort in ("participants", "countries", "topics", "format", "location"):
            assert index.search(s, q, sort=sort) == query.search(s, q, sort=sort)
            assert index.table_page(s, q, sort=sort, limit=3) == browse.table_page(s, q, sort=sort, limit=3)
        with pytest.raises(query.QueryError):
            index.search(s, q, sort="nonsense")


def test_an_empty_database(store):
    index = _index(store)
    assert len(index) == 0
    for text in ("", "country:UA", "ministers", "source:x", "-format:video"):
        _assert_same(store, index, text)


# --- staleness ----------------------------------------------------------------------------------------


def test_the_index_knows_when_it_is_stale(db):
    index = _index(db)
    with db.session() as s:
        assert index.is_current(s)
    art = make_article("new.txt", "Reykjavik talks", outlet="RUV")
    save(db, art, meeting("2025-02-02", [person("Ann Smith")], ["BR"]))
    with db.session() as s:
        assert not index.is_current(s)
        assert index.count(s, query.parse("country:BR")) == 0  # what it was loaded with
    fresh = _index(db)
    with db.session() as s:
        assert fresh.is_current(s)
        assert fresh.count(s, query.parse("country:BR")) == 1
    _assert_same(db, fresh, "country:BR")
    _assert_same(db, fresh, "source:ruv")


def test_unchanged_saves_keep_it_current_and_deletes_make_it_stale(db):
    save(db, make_article("new.txt", "Reykjavik talks"), meeting("2025-02-02", [], ["BR"]))
    index = _index(db)
    save(db, make_article("new.txt", "Reykjavik talks"), meeting("2025-02-02", [], ["BR"]))  # unchanged
    with db.session() as s:
        assert index.is_current(s)
    save(db, make_article("new.txt", "Reykjavik talks, updated"), meeting("2025-02-03", [], ["BR", "NO"]))
    with db.session() as s:
        assert not index.is_current(s)
    index = _index(db)
    _assert_same(db, index, "country:BR")
    from sqlalchemy import select

    from meetview.store.models import Article

    with db.session() as s:
        article_id = s.execute(select(Article.id).where(Article.source == "new.txt")).scalar_one()
        delete_article(s, article_id)
    with db.session() as s:
        assert not index.is_current(s)
    _assert_same(db, _index(db), "country:BR")


def test_a_failed_write_does_not_change_the_version(db):
    index = _index(db)
    with pytest.raises(RuntimeError), db.session() as s:
        from factories import extraction

        from meetview.store.writer import save_article

        art = make_article("rolled-back.txt", "Never stored")
        save_article(s, art, extraction(art, meeting("2025-02-02", [], ["BR"])), origin="x")
        raise RuntimeError("roll back")
    with db.session() as s:
        assert index.is_current(s)


def test_pages_skip_meetings_deleted_since_loading(db):
    index = _index(db)
    from sqlalchemy import select

    from meetview.store.models import Article

    with db.session() as s:
        article_id = s.execute(select(Article.id).where(Article.source == "e.txt")).scalar_one()
        delete_article(s, article_id)
    with db.session() as s:
        page = index.search(s, query.parse(""), limit=None)
    assert len(page.rows) == 4 and "Ann O'Neil" not in {r.participants for r in page.rows}
