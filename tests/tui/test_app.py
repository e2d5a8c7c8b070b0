"""The browser driven with Pilot on the hand-made sample database: every key, filtering, marking, export."""

from __future__ import annotations

import pytest
from factories import make_article, meeting, person, save
from helpers import screen_text, settle

from meetview.tui.screens.help import HelpScreen
from meetview.tui.screens.prompt import PathPrompt
from meetview.tui.screens.views import PairScreen, PersonScreen
from meetview.tui.widgets.filter_bar import FilterBar
from meetview.tui.widgets.reader import Reader
from meetview.tui.widgets.timeline import Timeline

SIZE = (220, 55)


async def type_text(pilot, text: str) -> None:
    await pilot.press(*text)


async def test_first_screen_shows_meetings_facets_and_timeline(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.ids == [4, 3, 2, 1, 5]  # newest first, undated last
        text = screen_text(app)
        assert "5 meetings" in text
        assert "Ukraine UA" in text and "Air defense" in text and "Serhii Boiev" in text
        timeline = app.query_one(Timeline)
        assert [b.value for b in timeline.buckets][:2] == ["2024-11", "2024-12"]
        assert timeline.buckets[-1].value == "2025-06" and len(timeline.buckets) == 8  # gaps filled
        assert "1 undated (no bar)" in text
        assert "Brussels ministerial" in text  # the reader shows the first meeting's article
        assert app.focused is app.meetings_table
        assert app.first_table_seconds is not None and app.first_screen_seconds is not None


async def test_an_empty_database_says_so_instead_of_loading_forever(tmp_path, make_app):
    from meetview.store import open_store

    store = open_store(str(tmp_path / "empty.db"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert "0 meetings" in text and "loading…" not in text
        assert "No meetings match this filter." in text
    store.close()


async def test_filter_bar_applies_the_query_and_closes(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        bar = app.query_one(FilterBar)
        assert bar.display and app.focused is bar.input
        await type_text(pilot, "country:NO")
        await pilot.press("enter")
        await settle(pilot)
        assert app.ids == [2, 1]
        assert not bar.display and app.focused is app.meetings_table
        assert "2 meetings" in screen_text(app) and "filter: country:NO" in screen_text(app)


async def test_typing_filters_after_a_pause(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        bar = app.query_one(FilterBar)
        before = app.generation
        for partial in ("t", "topic:", "topic:dr", "topic:drones"):  # quicker than any typist
            bar.input.value = partial
        await pilot.pause()  # the Changed messages are handled; the debounce timer is still waiting
        assert app.generation == before and app.ids == [4, 3, 2, 1, 5]  # debounced: nothing ran yet
        await settle(pilot, delay=FilterBar.DEBOUNCE + 0.15)
        assert app.generation == before + 1  # one query, for what was typed last
        assert app.ids == [3]
        assert bar.display  # still open until Enter


@pytest.mark.parametrize(
    ("query", "message"),
    [("country:", "needs a value"), ("country:atlantis", "unknown country"), ('"open', "unterminated quote")],
)
async def test_query_errors_show_inline_with_position_and_keep_the_table(app, query, message):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        bar = app.query_one(FilterBar)
        bar.input.value = query  # at once: typed slowly, a prefix may run first and match nothing
        await pilot.press("enter")
        await settle(pilot)
        assert bar.display and bar.has_class("-error")
        text = screen_text(app)
        assert message in text and "at column" in text and "^" in text
        assert app.ids == [4, 3, 2, 1, 5] and app.is_running
        await pilot.press("escape")
        assert not bar.display


async def test_completion_of_field_values(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "country:nor")
        await settle(pilot, delay=0.05)
        bar = app.query_one(FilterBar)
        assert bar.input._suggestion == "country:norway"
        assert "norway" in screen_text(app).lower()
        await pilot.press("tab")
        assert bar.input.value == "country:norway"
        await pilot.press("space", "p", "e", "r", "s", "o", "n", "colon", "b", "o", "i")
        await settle(pilot, delay=0.05)
        assert bar.input._suggestion.lower() == "country:norway person:boiev"
        await pilot.press("right")
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text.lower() == "country:norway person:boiev"
        assert app.ids == [2, 1]  # Boiev and Boyev are one person


async def test_field_name_completion(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await type_text(pilot, "top")
        await settle(pilot, delay=0.05)
        assert app.query_one(FilterBar).input._suggestion == "topic:"


async def test_vim_keys_move_and_the_reader_follows(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.meetings_table
        await pilot.press("j")
        assert table.cursor_row == 1
        await settle(pilot, delay=0.1)
        assert app.query_one(Reader).detail.id == 3
        assert "Umerov held a video conference" in screen_text(app)
        await pilot.press("G")
        assert table.cursor_row == 4
        await pilot.press("k")
        assert table.cursor_row == 3
        await pilot.press("g")
        assert table.cursor_row == 0
        await pilot.press("down", "down")
        assert table.cursor_row == 2


async def test_enter_opens_the_reader_and_tab_moves_between_panes(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        assert isinstance(app.focused, Reader)
        await pilot.press("tab")
        assert isinstance(app.focused, Timeline)
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused is app.meetings_table


async def test_space_marks_and_export_writes_the_marked_meetings(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space")  # meeting 4, cursor moves down
        await pilot.press("space")  # meeting 3
        assert app.marks == {4, 3}
        assert "2 marked" in screen_text(app)
        assert app.meetings_table.row_value(0, 0) == "●"
        await pilot.press("e")
        assert isinstance(app.screen, PathPrompt)
        assert "Export the 2 marked meetings" in screen_text(app)
        prompt_input = app.screen.query_one("#path")
        assert prompt_input.value.startswith("~/meetview-brief-") and prompt_input.value.endswith(".md")
        target = tmp_path / "brief.md"
        prompt_input.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        body = target.read_text("utf-8")
    assert body.startswith("# Meetings\n")
    assert "2 meetings." in body
    assert "Rustem Umerov" in body and "Mark Rutte" in body
    assert "Boiev" not in body and "O'Neil" not in body
    assert body.index("January 2025") < body.index("June 2025")  # oldest first


async def test_export_without_marks_writes_every_filtered_meeting(app, tmp_path):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_query("country:NO")
        await settle(pilot)
        await pilot.press("e")
        assert "Export the 2 filtered meetings" in screen_text(app)
        app.screen.query_one("#path").value = str(tmp_path)  # a folder: the default name goes in it
        await pilot.press("enter")
        await settle(pilot)
        written = list(tmp_path.glob("meetview-brief-*.md"))
        assert len(written) == 1
        body = written[0].read_text("utf-8")
    assert body.startswith("# Meetings: country:NO\n") and "2 meetings." in body
    assert "Jon Fredriksen" in body and "Serhii Boiev" in body and "Umerov" not in body


async def test_export_cancelled_with_escape_writes_nothing(app, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", "escape")
        await settle(pilot)
        assert not isinstance(app.screen, PathPrompt)
    assert not list(tmp_path.glob("*.md"))


async def test_y_copies_the_meeting_as_markdown(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert "### 2025-06: Mark Rutte" in app.clipboard
        assert "Brussels" in app.clipboard and "Boiev" not in app.clipboard


async def test_o_opens_only_http_links(store, make_app, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    save(
        store,
        make_article("web.txt", "They met.", title="Web", url="https://example.org/a?b=1"),
        meeting("2025-02-01", [person("Ann Lee", "Envoy", "US")], ["US"], ["energy"]),
    )
    save(
        store,
        make_article("js.txt", "They met again.", title="Script", url="javascript:alert(1)"),
        meeting("2025-01-01", [person("Bo Kim", "Envoy", "KR")], ["KR"], ["energy"]),
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot, delay=0.1)
        await pilot.press("o")
        await settle(pilot)
    assert opened == ["https://example.org/a?b=1"]


async def test_help_lists_every_key(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for needle in ("`e`" if False else "export", "Space", "Ctrl+P", "Esc", "Tab", "copy", "quit"):
            assert needle.lower() in text.lower(), needle
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_escape_closes_the_bar_then_clears_marks_then_the_filter(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_query("country:UA")
        await settle(pilot)
        await pilot.press("space")
        await pilot.press("slash")
        await pilot.press("escape")
        assert not app.query_one(FilterBar).display and app.marks and app.query_text == "country:UA"
        await pilot.press("escape")
        assert not app.marks and app.query_text == "country:UA"
        await pilot.press("escape")
        await settle(pilot)
        assert app.query_text == "" and len(app.ids) == 5


async def test_q_quits(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_facet_enter_adds_the_term(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        countries = app.query_one("#facet-countries")
        countries.focus()
        values = [v.value for v in countries._values]
        countries.highlighted = values.index("NO")
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text == "country:NO" and app.ids == [2, 1]
        people = app.query_one("#facet-people")
        people.focus()
        people.highlighted = [v.label for v in people._values].index("Jon Fredriksen")
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text.startswith("country:NO person:#") and app.ids == [2]


async def test_facet_click_adds_the_term(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        topics = app.query_one("#facet-topics")
        index = [v.value for v in topics._values].index("drones")
        await pilot.click(topics, offset=(5, 1 + index))
        await settle(pilot)
        assert app.query_text == "topic:drones" and app.ids == [3]


async def test_timeline_enter_narrows_to_the_month_then_the_week(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        timeline = app.query_one(Timeline)
        timeline.focus()
        assert timeline.current.value == "2025-06"
        await pilot.press("left", "left", "left", "left", "left")  # 2025-01
        assert timeline.current.value == "2025-01" and timeline.current.count == 1
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text == "date:2025-01" and app.ids == [3]
        app.set_query("")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert timeline.bucket == "week"
        timeline.focus()
        await pilot.press("g")  # the first week: 2024-11-14 is in week 46
        assert timeline.current.value == "2024-W46"
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text == "after:2024-11-11 before:2024-11-17" and app.ids == [1]
        app.set_query("country:UA date:2024 after:2020")
        await settle(pilot)
        timeline.focus()
        await pilot.press("enter")  # date terms are replaced, the others kept
        await settle(pilot)
        assert app.query_text.startswith("country:UA after:")


async def test_entity_tabs_filter_the_meetings(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        people = app.query_one("#table-people")
        assert app.focused is people and people.row_count == 5
        assert people.row_value(0, 1) == "Serhii Boiev" and people.row_value(0, 2) == "Sergiy Boyev"
        await pilot.press("enter")
        await settle(pilot)
        assert app.active_tab == "meetings" and app.query_text == f"person:#{people.row_value(0, 0)}"
        assert app.ids == [2, 1]
        app.set_query("")
        await pilot.press("3")
        await settle(pilot)
        countries = app.query_one("#table-countries")
        assert countries.row_value(0, 0) == "UA" and countries.row_value(0, 2) == 4
        await pilot.press("j", "enter")  # the second row: a country with 2 meetings
        await settle(pilot)
        assert app.query_text.startswith("country:") and len(app.ids) == 2
        app.set_query("")
        await pilot.press("4")
        await settle(pilot)
        assert app.query_one("#table-organizations").row_count == 2
        await pilot.press("5")
        await settle(pilot)
        topics = app.query_one("#table-topics")
        assert topics.row_value(0, 0) == "air-defense" and topics.row_value(0, 2) == 4
        assert set(topics.row_value(0, 3)) <= set("▁▂▃▄▅▆▇█·")
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text == "topic:air-defense" and len(app.ids) == 4


async def test_entity_tables_follow_the_filter_and_sort(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_query("format:video")
        await pilot.press("3")
        await settle(pilot)
        countries = app.query_one("#table-countries")
        assert countries.row_count == 6
        assert countries.sort_column == 2  # loaded by meetings, most first
        await pilot.press("less_than_sign")  # sort by the column before: the country name
        await settle(pilot)
        assert countries.sort_column == 1
        names = [countries.row_value(i, 1) for i in range(countries.row_count)]
        assert names == sorted(names, reverse=True)
        await pilot.press("r")
        await settle(pilot)
        names = [countries.row_value(i, 1) for i in range(countries.row_count)]
        assert names == sorted(names)


async def test_sorting_the_meetings_by_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("greater_than_sign")
        await settle(pilot)
        assert app.sort == "participants" and app.descending
        labels = [app.meetings_table.row_value(i, 3) for i in range(5)]
        assert labels == sorted(labels, reverse=True)
        await pilot.press("r")
        await settle(pilot)
        assert not app.descending
        assert [app.meetings_table.row_value(i, 3) for i in range(5)] == sorted(labels)
        assert "sorted by participants ▲" in screen_text(app)


async def test_clicking_a_header_sorts(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.meetings_table
        x = sum(c.render_width for c in table.ordered_columns[:7]) + 2  # the "src" header
        await pilot.click(table, offset=(x, 1))  # inside the border
        await settle(pilot)
        assert app.sort == "sources"


async def test_person_view_from_the_people_tab(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        text = screen_text(app)
        assert "Serhii Boiev" in text and "Also written: Sergiy Boyev" in text
        assert "Defense Minister" in text and "Deputy Minister" in text
        assert "Jon Fredriksen" in text  # the counterpart
        roles = app.screen.query_one("#person-roles")
        assert roles.row_count == 2
        await pilot.press("f")
        await settle(pilot)
        assert not isinstance(app.screen, PersonScreen)
        assert app.query_text.startswith("person:#") and app.ids == [2, 1]


async def test_person_view_from_a_meeting_with_a_chooser(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_query("country:NO")
        await settle(pilot, delay=0.1)
        await pilot.press("v")  # meeting 2 has two participants: choose one
        await settle(pilot)
        assert "Jon Fredriksen" in screen_text(app)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "Jon Fredriksen" in screen_text(app).split("\n")[0]
        await pilot.press("escape")
        assert not isinstance(app.screen, PersonScreen)


async def test_country_pair_view(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        await pilot.press("v")  # Ukraine
        await settle(pilot)
        assert isinstance(app.screen, PairScreen)
        partners = app.screen.query_one("#pair-partners")
        ids = [partners.get_option_at_index(i).id for i in range(partners.option_count)]
        assert "UA" not in ids and "NO" in ids
        partners.highlighted = ids.index("NO")
        await pilot.press("enter")
        await settle(pilot)
        assert "2 meetings together" in screen_text(app)
        assert app.screen.query_one("#pair-meetings").row_count == 2
        await pilot.press("f")
        await settle(pilot)
        assert app.query_text == "country:UA country:NO" and app.ids == [2, 1]


async def test_palette_goes_to_a_person_and_filters_by_country(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "Fredriksen")
        await settle(pilot, delay=0.5)
        assert "Person: Jon Fredriksen" in screen_text(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "Jon Fredriksen" in screen_text(app).split("\n")[0]
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_text(pilot, "Country: Norway")
        await settle(pilot, delay=0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text == "country:NO" and app.ids == [2, 1]


async def test_sources_switch_in_the_reader(store, make_app):
    save(
        store,
        make_article("one.txt", "Lee met Kim in Seoul.", title="First report", outlet="A"),
        meeting("2025-03-03", [person("Ann Lee", "Envoy", "US")], ["US", "KR"], ["trade-economy"]),
    )
    save(
        store,
        make_article("two.txt", "Ann Lee and Kim talked trade.", title="Second report", outlet="B"),
        meeting("2025-03-03", [person("Ann Lee", "Envoy", "US")], ["US", "KR"], ["trade-economy"]),
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.meetings_table.row_value(0, 7) == 2  # one meeting, two sources
        reader = app.query_one(Reader)
        assert "First report" in screen_text(app) and "Source 1 of 2" in screen_text(app)
        await pilot.press("s")
        assert reader.source.title == "Second report" and "Second report" in screen_text(app)
        await pilot.press("S")
        assert reader.source.title == "First report"


async def test_reader_highlights_stored_spans(store, make_app):
    from meetview import records
    from meetview.store.writer import save_article

    text = "Intro line.\nBoiev met Fredriksen in Oslo about air defense.\nMore."
    article = make_article("spans.txt", text, title="Spans")
    m = meeting("2025-04-01", [person("Serhii Boiev", "Minister", "UA")], ["UA", "NO"], ["air-defense"])
    ev = text.index("Boiev met")
    m.evidence = text[ev : text.index("\nMore")]
    m.spans = [
        records.Span("evidence", m.evidence, ev, ev + len(m.evidence)),
        records.Span("participant", "Serhii Boiev", ev, ev + 5),
        records.Span("topic", "air-defense", text.index("air defense"), text.index("air defense") + 11),
    ]
    from factories import extraction

    with store.session() as s:
        save_article(s, article, extraction(article, m), origin="spans.txt")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reader = app.query_one(Reader)
        body = reader._article(reader.source, m.evidence)
        assert body.plain == text
        styled = {(s.start, s.end) for s in body.spans}
        assert (ev, ev + len(m.evidence)) in styled and (ev, ev + 5) in styled
        assert (text.index("air defense"), text.index("air defense") + 11) in styled


async def test_resize_keys_and_the_timeline_height(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        facets, reader = app.ui.facets_width, app.ui.reader_width
        await pilot.press("right_square_bracket", "right_square_bracket", "left_curly_bracket")
        await pilot.pause()
        assert app.ui.facets_width == facets + 4 and app.ui.reader_width == reader - 2
        assert app.query_one("#facets").outer_size.width == facets + 4
        await pilot.press("plus")
        assert app.ui.timeline_height == 10


async def test_splitter_drag_resizes_the_facets(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        width = app.query_one("#facets").outer_size.width
        x, y = app.query_one("#split-left").region.offset
        await pilot.mouse_down(offset=(x, y + 5))  # screen coordinates, as a terminal sends them
        await pilot.hover(offset=(x + 10, y + 5))
        await pilot.mouse_up(offset=(x + 10, y + 5))
        await pilot.pause()
        assert app.query_one("#facets").outer_size.width == width + 10 == app.ui.facets_width


async def test_pages_load_on_demand_and_truncation_is_shown(db, make_app):
    app = make_app(db, page_size=2)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.ids == [4, 3] and app.total == 5
        assert "2 of 5 meetings" in screen_text(app)
        app.loading_more = False
        await pilot.press("G")
        await settle(pilot)
        await pilot.press("G")
        await settle(pilot)
        assert app.ids == [4, 3, 2, 1, 5]
        assert "5 meetings" in screen_text(app) and "of 5" not in screen_text(app)


async def test_remembers_query_sort_panes_and_theme(db, make_app, state_dir):
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_query("country:UA")
        await pilot.press("greater_than_sign", "right_square_bracket")
        app.theme = "nord"
        await settle(pilot)
    again = make_app(db)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.query_text == "country:UA" and again.sort == "participants"
        assert again.ui.facets_width == app.ui.facets_width and again.theme == "nord"
        assert len(again.ids) == 4


async def test_each_database_opens_on_its_own_last_filter(db, make_app, tmp_path):
    """A filter names people by id ("person:#2"): another database must not open on it."""
    from factories import build_sample

    from meetview.store import open_store
    from meetview.tui.state import UiState

    other = build_sample(open_store(str(tmp_path / "other.db")))
    try:
        app = make_app(db)
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            app.set_query("country:NO")
            await pilot.press("greater_than_sign")  # the next sort column: this database's view
            await pilot.press("right_square_bracket")  # a wider facet column: layout, for every database
            await settle(pilot)
        width, sort = app.ui.facets_width, app.sort
        assert sort != "date" and width != UiState().facets_width
        second = make_app(other)
        async with second.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert second.query_text == "" and second.sort == "date" and len(second.ids) == 5
            assert second.ui.facets_width == width
            second.set_query("topic:drones")
            await settle(pilot)
        again = make_app(db)
        async with again.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert again.query_text == "country:NO" and again.sort == sort and sorted(again.ids) == [1, 2]
    finally:
        other.close()


async def test_a_corrupt_state_file_is_ignored(db, make_app, state_dir):
    state_dir.mkdir(parents=True)
    (state_dir / "tui-state.json").write_text('{"query": 12, "sort": "nope", "facets_width": "x"', "utf-8")
    app = make_app(db)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.query_text == "" and app.sort == "date" and len(app.ids) == 5


async def test_double_click_on_a_row_opens_the_reader(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.meetings_table
        await pilot.click(table, offset=(20, 3))  # inside the border and header: the second row
        await settle(pilot, delay=0.1)
        assert table.cursor_row == 1 and app.focused is table
        await pilot.click(table, offset=(20, 3), times=2)
        await settle(pilot)
        assert isinstance(app.focused, Reader) and app.query_one(Reader).detail.id == 3


async def test_palette_opens_a_country_pair_and_filters_by_topic(app):
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "pair ukraine")
        await settle(pilot, delay=0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PairScreen) and app.screen.a == "UA"
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await type_text(pilot, "Topic: Drones")
        await settle(pilot, delay=0.5)
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text == "topic:drones" and app.ids == [3]
