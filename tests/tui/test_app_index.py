"""The app's in-memory index: built after the first screen, used by the query workers, rebuilt when
the data changes (noticed at the next filter, or on Ctrl+R); SQL answers whenever it is not current."""

from __future__ import annotations

from factories import make_article, meeting, person, save
from helpers import screen_text, settle

from meetview import query
from meetview.query.index import MeetingIndex
from meetview.tui import data
from meetview.tui.widgets.facets import FacetPanel

SIZE = (220, 55)


async def test_the_index_is_built_after_the_first_screen_and_answers_queries(app, monkeypatch):
    asked: list[str] = []
    original = MeetingIndex.table_page

    def spy(self, session, q, **kw):
        asked.append(q.text)
        return original(self, session, q, **kw)

    monkeypatch.setattr(MeetingIndex, "table_page", spy)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.first_screen_seconds is not None
        assert isinstance(app.index, MeetingIndex) and len(app.index) == 5
        assert app.index_seconds and not app.index_loading
        assert asked == []  # the first screen came from SQL
        app.set_query("country:NO -format:video")
        await settle(pilot)
        assert asked == ["country:NO -format:video"]
        assert app.ids == [2, 1] and "2 meetings" in screen_text(app)
        facets = app.query_one(FacetPanel)
        assert "Norway" in screen_text(app) and facets is not None


async def test_a_change_in_the_database_is_noticed_at_the_next_filter(store, make_app):
    save(store, make_article("a.txt", "Oslo talks"), meeting("2025-01-01", [person("Ann Lee")], ["NO"]))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.index
        assert first is not None and len(first) == 1
        # Another process imports an article while the app is open.
        save(store, make_article("b.txt", "Rome talks"), meeting("2025-02-02", [person("Bo Kim")], ["IT"]))
        app.set_query("")
        await settle(pilot)
        assert len(app.ids) == 2  # answered by SQL at once, not from the stale index
        assert app.index is not None and app.index is not first and len(app.index) == 2
        with store.session() as s:
            assert app.index.is_current(s)
        app.set_query("country:IT")
        await settle(pilot)
        assert len(app.ids) == 1 and "Bo Kim" in screen_text(app)


async def test_ctrl_r_reloads_the_index_and_the_query(store, make_app):
    save(store, make_article("a.txt", "Oslo talks"), meeting("2025-01-01", [person("Ann Lee")], ["NO"]))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        first = app.index
        save(store, make_article("b.txt", "Rome talks"), meeting("2025-02-02", [person("Bo Kim")], ["IT"]))
        assert len(app.ids) == 1
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert len(app.ids) == 2 and "2 meetings" in screen_text(app)
        assert app.index is not None and app.index is not first and len(app.index) == 2


async def test_the_workers_answer_alike_through_the_index_and_sql(db):
    """data.* give the same results through the index as through SQL (the app's whole query cycle)."""
    index = data.load_index(db)
    for text in ("", "country:NO", "-format:video", "ministers", "person:boyev after:2024-12"):
        sql = data.fetch_meetings(db, text, limit=3)
        mem = data.fetch_meetings(db, text, limit=3, index=index)
        assert (mem.ids, mem.total, mem.table) == (sql.ids, sql.total, sql.table)
        assert not mem.index_stale
        assert data.count_meetings(db, text, index=index) == data.count_meetings(db, text)
        assert data.fetch_facets(db, text, index=index) == data.fetch_facets(db, text)
        for bucket in ("month", "week"):
            assert data.fetch_timeline(db, text, bucket=bucket, index=index) == data.fetch_timeline(
                db, text, bucket=bucket
            )
    save(db, make_article("z.txt", "New"), meeting("2025-02-02", [], ["BR"]))
    stale = data.fetch_meetings(db, "country:BR", index=index)
    assert stale.index_stale and len(stale.ids) == 1  # SQL answered, with the new meeting
    assert data.count_meetings(db, "country:BR", index=index) == 1
    with db.session() as s:
        assert index.count(s, query.parse("country:BR")) == 0  # the stale index was not asked
