"""The browser app: facets | meetings (and entity tabs) | reader, a timeline below, a filter bar on `/`.

Data flow: an action sets the query -> thread workers ask `meetview.query` (tui/data.py) -> they post
messages (tui/messages.py) -> handlers here update the widgets. Workers never touch widgets;
results of a superseded query are dropped by their generation number.
"""

from __future__ import annotations

import functools
import gc
import time
import webbrowser
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane, Tabs
from textual.worker import get_current_worker

from meetview import query
from meetview.query.browse import Vocabulary
from meetview.sanitize import clean_line
from meetview.store import Store
from meetview.tui import data
from meetview.tui.commands import GoToProvider
from meetview.tui.messages import (
    Copied,
    Counted,
    DetailLoaded,
    EntitiesLoaded,
    Exported,
    FacetsLoaded,
    IndexLoaded,
    MeetingsLoaded,
    QueryFailed,
    TimelineLoaded,
    VocabularyLoaded,
    WorkFailed,
)
from meetview.tui.querytext import DATE_FIELDS, add_term, replace_fields, term
from meetview.tui.screens.prompt import ChooseScreen, PathPrompt
from meetview.tui.screens.views import PairScreen, PersonScreen
from meetview.tui.state import TABS, UiState, load_state, save_state
from meetview.tui.text import line
from meetview.tui.widgets.facets import FacetList, FacetPanel
from meetview.tui.widgets.filter_bar import FilterBar
from meetview.tui.widgets.reader import Reader
from meetview.tui.widgets.splitter import Splitter
from meetview.tui.widgets.status import StatusLine
from meetview.tui.widgets.tables import EntityTable, FastTable, MeetingTable
from meetview.tui.widgets.timeline import Timeline

if TYPE_CHECKING:
    from meetview.query.index import MeetingIndex


def _while_mounted(handler):
    """Results can arrive while the app shuts down, after its widgets are gone: drop them then."""

    @functools.wraps(handler)
    def wrapper(self, *args, **kwargs):
        try:
            return handler(self, *args, **kwargs)
        except NoMatches:
            if self.is_running and not self._closing:
                raise
            return None

    return wrapper


def _freeze_long_lived() -> None:
    """Move every object alive now (the app's widgets, the libraries, the index) out of the garbage
    collector's sight: a full collection over them took 250-400 ms of the UI thread every few
    queries, the worst of the filter-to-table times (docs/index.md). Objects made later are
    collected as usual."""
    gc.freeze()


TAB_TITLES = {
    "meetings": "Meetings",
    "people": "People",
    "countries": "Countries",
    "organizations": "Organizations",
    "topics": "Topics",
}
SORT_BY_COLUMN = {i: key for i, (_, _, key) in enumerate(data.MEETING_COLUMNS) if key}
COLUMN_OF_SORT = {key: i for i, key in SORT_BY_COLUMN.items()}
READER_DEBOUNCE = 0.06
LOAD_MORE_MARGIN = 200


class MeetviewApp(App[None]):
    """Browse the meetings of a store. Construct it with `meetview.tui.make_app`."""

    TITLE = "meetview"
    CSS_PATH = "app.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {GoToProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "open_filter", "Filter"),
        Binding("escape", "escape", "Clear", show=False),
        Binding("space", "toggle_mark", "Mark"),
        Binding("e", "export", "Export"),
        Binding("y", "copy", "Copy"),
        Binding("o", "open_url", "Open URL"),
        Binding("v", "view", "View"),
        Binding("s", "source(1)", "Next source", show=False),
        Binding("S", "source(-1)", "Previous source", show=False),
        Binding("w", "toggle_bucket", "Month/week", show=False),
        Binding("1", "tab('meetings')", "Meetings", show=False),
        Binding("2", "tab('people')", "People", show=False),
        Binding("3", "tab('countries')", "Countries", show=False),
        Binding("4", "tab('organizations')", "Organizations", show=False),
        Binding("5", "tab('topics')", "Topics", show=False),
        Binding("left_square_bracket", "resize('facets', -2)", "Narrower facets", show=False),
        Binding("right_square_bracket", "resize('facets', 2)", "Wider facets", show=False),
        Binding("left_curly_bracket", "resize('reader', -2)", "Narrower reader", show=False),
        Binding("right_curly_bracket", "resize('reader', 2)", "Wider reader", show=False),
        Binding("minus", "resize('timeline', -1)", "Lower timeline", show=False),
        Binding("plus,equals_sign", "resize('timeline', 1)", "Taller timeline", show=False),
        Binding("ctrl+r,f5", "reload", "Reload", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        state_dir: Path | None = None,
        page_size: int = data.PAGE_SIZE,
        remember: bool = True,
    ) -> None:
        super().__init__()
        self.t_created = time.perf_counter()
        self.store = store
        self.state_dir = state_dir
        self.remember = remember
        self.ui: UiState = load_state(state_dir, store.url) if remember else UiState()
        self.page_size = page_size
        self.query_text = self.ui.query
        self.sort = self.ui.sort
        self.descending = self.ui.descending
        self.generation = 0
        self.marks: set[int] = set()
        self.ids: list[int] = []
        self.total = 0
        self.counting = False  # a full page is shown and its total is being counted
        self.loaded_once = False
        self.loading_more = False
        self.vocabulary = Vocabulary()
        self.last_error: str | None = None
        self.entities_text: dict[str, str | None] = {k: None for k in TABS if k != "meetings"}
        # The in-memory index of the meetings (query.index), built in a worker after the first
        # screen; None until then and while it is stale (the workers use SQL meanwhile).
        self.index: MeetingIndex | None = None
        self.index_loading = False
        self.index_seconds: list[float] = []  # load times (benchmarks/bench_tui.py reads them)
        # measurements (benchmarks/bench_tui.py reads them)
        self.first_table_seconds: float | None = None
        self.first_screen_seconds: float | None = None
        self.latencies: list[float] = []
        self.fetch_seconds: list[float] = []  # the meetings worker's own time, per query
        self._started: dict[int, float] = {}
        self._facets_shown = False
        self._timeline_shown = False
        self._side_gen = -1
        self._pending_select: int | None = None
        self._reader_timer = None
        self._detail_for: int | None = None

    # --- layout -----------------------------------------------------------------------------------

    def compose(self):
        yield StatusLine(id="status")
        yield FilterBar(id="filter-bar")
        with Horizontal(id="main"):
            yield FacetPanel(id="facets")
            yield Splitter("facets", "left", id="split-left")
            with TabbedContent(id="tabs", initial=f"tab-{self.ui.tab}"):
                with TabPane(TAB_TITLES["meetings"], id="tab-meetings"):
                    yield MeetingTable(
                        tuple((name, label) for name, label, _ in data.MEETING_COLUMNS), id="meetings"
                    )
                for kind, columns in data.ENTITY_COLUMNS.items():
                    with TabPane(TAB_TITLES[kind], id=f"tab-{kind}"):
                        yield EntityTable(kind, columns, id=f"table-{kind}")
            yield Splitter("reader", "right", id="split-right")
            yield Reader(id="reader")
        yield Timeline(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        if self.remember and self.ui.theme in self.available_themes:
            self.theme = self.ui.theme
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.query_one(Tabs).can_focus = False
        self.query_one("#filter-bar", FilterBar).display = False
        self._apply_sizes()
        self.query_one("#reader", Reader).border_title = "Reader"
        self.query_one("#timeline", Timeline).border_title = "Timeline"
        self.query_one("#meetings", MeetingTable).show_sort(COLUMN_OF_SORT.get(self.sort), self.descending)
        self._update_status()
        self.set_query(self.query_text, save=False)
        self._focus_table()

    def _apply_sizes(self) -> None:
        """The remembered pane sizes, shrunk (not forgotten) when the terminal is too small for them."""
        self.query_one("#facets").styles.width = min(self.ui.facets_width, self._max_size("facets"))
        self.query_one("#reader").styles.width = min(self.ui.reader_width, self._max_size("reader"))
        self.query_one("#timeline").styles.height = min(self.ui.timeline_height, self._max_size("timeline"))

    def _max_size(self, target: str) -> int:
        """The most a pane may take: the meetings table always keeps 40% of the width."""
        width, height = self.size
        facets = max(12, width // 4)
        if target == "facets":
            return facets
        if target == "reader":
            shown_facets = min(self.ui.facets_width, facets)
            return max(20, width - shown_facets - 2 - max(30, width * 2 // 5))
        return max(4, height // 3)

    def on_resize(self) -> None:
        self._apply_sizes()

    @property
    def active_tab(self) -> str:
        active = self.query_one("#tabs", TabbedContent).active or "tab-meetings"
        return active.removeprefix("tab-")

    @property
    def meetings_table(self) -> MeetingTable:
        return self.query_one("#meetings", MeetingTable)

    def _focus_table(self) -> None:
        tab = self.active_tab
        target = self.meetings_table if tab == "meetings" else self.query_one(f"#table-{tab}", EntityTable)
        target.focus()

    # --- the query --------------------------------------------------------------------------------

    def set_query(self, text: str, *, save: bool = True, select_id: int | None = None) -> None:
        """Run a query: the meetings page first, then facets and timeline, each in its own worker."""
        self.generation += 1
        gen = self.generation
        self._started[gen] = time.perf_counter()
        self.query_text = text
        self.last_error = None
        self._pending_select = select_id
        self.loading_more = False
        self.load_meetings(gen, text, self.sort, self.descending, 0, frozenset(self.marks))
        if not self.loaded_once:  # the first screen needs all of it: start everything at once
            self._load_side(gen, text)
        for kind in self.entities_text:
            self.entities_text[kind] = None
        self._update_status()
        if save:
            self.ui.query = text
            self._save()

    def add_filter(self, new_term: str) -> None:
        self.set_query(add_term(self.query_text, new_term))
        self.action_tab("meetings")

    @work(thread=True, exclusive=True, group="meetings")
    def load_meetings(
        self, gen: int, text: str, sort: str, descending: bool, offset: int, marks: frozenset[int]
    ) -> None:
        worker = get_current_worker()
        try:
            result = data.fetch_meetings(
                self.store,
                text,
                sort=sort,
                descending=descending,
                limit=min(self.page_size, data.FIRST_PAGE) if offset == 0 else self.page_size,
                offset=offset,
                marks=marks,
                index=self.index,
            )
        except query.QueryError as e:
            if not worker.is_cancelled:
                self.post_message(QueryFailed(gen, text, e.message, e.position))
            return
        except Exception as e:  # a broken or locked database: say so, keep running
            self.post_message(WorkFailed("loading meetings", str(e)))
            return
        if not worker.is_cancelled:
            self.post_message(MeetingsLoaded(gen, result, append=offset > 0))

    @work(thread=True, exclusive=True, group="more")
    def load_more(self, gen: int, text: str, sort: str, descending: bool, offset: int) -> None:
        worker = get_current_worker()
        try:
            result = data.fetch_meetings(
                self.store,
                text,
                sort=sort,
                descending=descending,
                limit=self.page_size,
                offset=offset,
                marks=frozenset(self.marks),
                index=self.index,
            )
        except Exception as e:
            self.post_message(WorkFailed("loading more meetings", str(e)))
            return
        if not worker.is_cancelled:
            self.post_message(MeetingsLoaded(gen, result, append=True))

    @work(thread=True, exclusive=True, group="count")
    def count_total(self, gen: int, text: str) -> None:
        worker = get_current_worker()
        try:
            total = data.count_meetings(self.store, text, index=self.index)
        except Exception as e:
            self.post_message(WorkFailed("counting meetings", str(e)))
            return
        if not worker.is_cancelled:
            self.post_message(Counted(gen, total))

    @on(Counted)
    @_while_mounted
    def _counted(self, message: Counted) -> None:
        if message.generation == self.generation:
            self.total, self.counting = max(message.total, len(self.ids)), False
            self._update_status()

    @work(thread=True, exclusive=True, group="facets")
    def load_facets(self, gen: int, text: str) -> None:
        self._answer(
            "counting facets",
            lambda: data.fetch_facets(self.store, text, index=self.index),
            gen,
            FacetsLoaded,
        )

    @work(thread=True, exclusive=True, group="timeline")
    def load_timeline(self, gen: int, text: str, bucket: str) -> None:
        self._answer(
            "counting the timeline",
            lambda: data.fetch_timeline(self.store, text, bucket=bucket, index=self.index),
            gen,
            TimelineLoaded,
        )

    @work(thread=True, exclusive=True, group="entities")
    def load_entities(self, gen: int, kind: str, text: str) -> None:
        self._answer(
            f"loading {kind}", lambda: data.fetch_entities(self.store, kind, text), gen, EntitiesLoaded
        )

    def _answer(self, doing: str, fetch, gen: int, loaded) -> None:
        """In a thread worker: run a fetch and post its result as `loaded(gen, result)` unless the worker
        was cancelled meanwhile. A query error is left to the meetings worker to report; any other
        failure becomes a WorkFailed message (the worker never touches widgets)."""
        worker = get_current_worker()
        try:
            result = fetch()
        except query.QueryError:
            return
        except Exception as e:
            self.post_message(WorkFailed(doing, str(e)))
            return
        if not worker.is_cancelled:
            self.post_message(loaded(gen, result))

    @work(thread=True, exclusive=True, group="reader")
    def load_detail(self, meeting_id: int) -> None:
        worker = get_current_worker()
        try:
            result = data.fetch_detail(self.store, meeting_id)
        except Exception as e:
            self.post_message(WorkFailed("reading the meeting", str(e)))
            return
        if not worker.is_cancelled:
            self.post_message(DetailLoaded(result))

    @work(thread=True, exclusive=True, group="vocabulary")
    def load_vocabulary(self) -> None:
        try:
            vocab = data.fetch_vocabulary(self.store)
        except Exception as e:
            self.post_message(WorkFailed("reading completions", str(e)))
            return
        self.post_message(VocabularyLoaded(vocab))

    @work(thread=True, exclusive=True, group="index")
    def load_index(self) -> None:
        worker = get_current_worker()
        started = time.perf_counter()
        try:
            index = data.load_index(self.store)
        except Exception as e:  # the SQL path keeps working without it
            self.post_message(WorkFailed("indexing the meetings", str(e)))
            self.post_message(IndexLoaded(None, 0.0))
            return
        if not worker.is_cancelled:
            self.post_message(IndexLoaded(index, time.perf_counter() - started))

    def reload_index(self) -> None:
        """Build the index afresh in a worker (SQL answers meanwhile); a load under way is replaced."""
        self.index = None
        self.index_loading = True
        self.load_index()

    # --- results arrive -----------------------------------------------------------------------------

    @on(IndexLoaded)
    def _index_loaded(self, message: IndexLoaded) -> None:
        self.index_loading = False
        if message.index is not None:
            self.index = message.index
            self.index_seconds.append(message.seconds)
            _freeze_long_lived()

    @on(MeetingsLoaded)
    @_while_mounted
    def _meetings_loaded(self, message: MeetingsLoaded) -> None:
        if message.generation != self.generation:
            return  # a newer query is on its way
        r = message.result
        if r.index_stale and not self.index_loading:  # the data changed: SQL answered, reindex
            self.reload_index()
        table = self.meetings_table
        if message.append:
            self.loading_more = False
            if r.offset != len(self.ids):
                return
            table.append(r.table, r.widths)
            self.ids.extend(r.ids)
            if r.total is not None:
                self.total, self.counting = r.total, False
        else:
            self.last_error = None
            self.fetch_seconds.append(r.seconds)
            table.replace(r.table, widths=r.widths)
            self.ids = list(r.ids)
            self.loaded_once = True  # an answer came, rows or none
            self.counting = r.total is None
            self.total = len(r.ids) if r.total is None else r.total
            bar = self.query_one("#filter-bar", FilterBar)
            if bar.has_class("-error"):  # its hint is a Static: updating it re-runs the screen's layout
                bar.clear_error()
            if self._pending_select in self.ids:
                table.move_cursor(row=self.ids.index(self._pending_select), animate=False)
            self._pending_select = None
            started = self._started.pop(message.generation, None)
            self.call_after_refresh(self._table_shown, message.generation, r.text, started)
        self._update_status()

    @_while_mounted
    def _table_shown(self, gen: int, text: str, started: float | None) -> None:
        """The new table is on screen: record the latency, then start what can wait for it (the reader,
        facets, timeline, entity tables), so their threads never slow the table's own paint."""
        now = time.perf_counter()
        if started is not None:
            if self.first_table_seconds is None:
                self.first_table_seconds = now - self.t_created
                self._check_first_screen()
            else:
                self.latencies.append(now - started)
        if gen != self.generation:
            return
        self._show_current_detail(immediate=True)
        if self.counting:
            self.count_total(gen, text)
        self._load_side(gen, text)

    def _load_side(self, gen: int, text: str) -> None:
        """Facets, timeline and the active entity table for query `gen` (once)."""
        if self._side_gen == gen:
            return
        self._side_gen = gen
        self.load_facets(gen, text)
        self.load_timeline(gen, text, self.ui.timeline_bucket)
        if self.active_tab != "meetings":
            self.load_entities(gen, self.active_tab, text)

    def _check_first_screen(self) -> None:
        if (
            self.first_screen_seconds is None
            and self.first_table_seconds is not None
            and self._facets_shown
            and self._timeline_shown
        ):
            self.first_screen_seconds = time.perf_counter() - self.t_created
            _freeze_long_lived()
            self.load_vocabulary()  # only completion needs it: after the first screen
            if self.index is None and not self.index_loading:
                self.reload_index()  # SQL answers until it is built

    @on(FacetsLoaded)
    @_while_mounted
    def _facets_loaded(self, message: FacetsLoaded) -> None:
        if message.generation != self.generation:
            return
        self.query_one("#facets", FacetPanel).show(message.result.facets)
        if not self._facets_shown:
            self._facets_shown = True
            self.call_after_refresh(self._check_first_screen)

    @on(TimelineLoaded)
    @_while_mounted
    def _timeline_loaded(self, message: TimelineLoaded) -> None:
        if message.generation != self.generation:
            return
        r = message.result
        self.query_one("#timeline", Timeline).show(r.buckets, r.bucket, r.coverage)
        if not self._timeline_shown:
            self._timeline_shown = True
            self.call_after_refresh(self._check_first_screen)

    @on(EntitiesLoaded)
    @_while_mounted
    def _entities_loaded(self, message: EntitiesLoaded) -> None:
        if message.generation != self.generation:
            return
        r = message.result
        table = self.query_one(f"#table-{r.kind}", EntityTable)
        table.show_sort(table.column_names.index("meetings"), True)  # the query's order
        table.replace(r.table, widths=r.widths)
        self.entities_text[r.kind] = r.text
        pane = self.query_one(f"#tab-{r.kind}", TabPane)
        pane.border_subtitle = f"{r.count:,}"

    @on(DetailLoaded)
    @_while_mounted
    def _detail_loaded(self, message: DetailLoaded) -> None:
        if message.result.meeting_id != self.current_meeting_id():
            return
        self.query_one("#reader", Reader).show(message.result)

    @on(VocabularyLoaded)
    @_while_mounted
    def _vocabulary_loaded(self, message: VocabularyLoaded) -> None:
        self.vocabulary = message.vocabulary
        self.query_one("#filter-bar", FilterBar).suggester.vocabulary = message.vocabulary

    @on(QueryFailed)
    @_while_mounted
    def _query_failed(self, message: QueryFailed) -> None:
        if message.generation != self.generation:
            return
        self.last_error = f"{message.message} (at column {message.position + 1})"
        bar = self.query_one("#filter-bar", FilterBar)
        if not bar.display:
            bar.open(message.text)
        bar.show_error(message.message, message.position, message.text)
        self._update_status()

    @on(WorkFailed)
    @_while_mounted
    def _work_failed(self, message: WorkFailed) -> None:
        self.loading_more = False
        self.notify(
            f"Error while {message.what}: {clean_line(message.error)[:300]}",
            severity="error",
            markup=False,
        )

    @on(Exported)
    @_while_mounted
    def _exported(self, message: Exported) -> None:
        self.notify(
            f"Exported {message.count:,} meeting{'s' if message.count != 1 else ''} to {message.path}",
            title="Export",
            markup=False,
        )

    @on(Copied)
    @_while_mounted
    def _copied(self, message: Copied) -> None:
        if message.markdown is None:
            self.notify("That meeting is no longer in the database.", severity="warning", markup=False)
            return
        self.copy_to_clipboard(message.markdown)
        self.notify(f"Copied meeting #{message.meeting_id} as Markdown", markup=False)

    # --- status line --------------------------------------------------------------------------------

    def _update_status(self) -> None:
        t = Text(no_wrap=True, overflow="ellipsis")
        t.append(" meetview ", style="bold reverse")
        t.append("  ")
        shown, total = len(self.ids), self.total
        if self.generation and not self.loaded_once and not self.ids:
            t.append("loading…", style="dim")
        elif self.counting:
            t.append(f"{shown:,} of more meetings", style="bold")
            t.append(" (counting…)", style="dim")
        elif shown < total:
            t.append(f"{shown:,} of {total:,} meetings", style="bold")
            t.append(" (more load as you scroll)", style="dim")
        else:
            t.append(f"{total:,} meeting{'s' if total != 1 else ''}", style="bold")
        t.append("  ·  filter: ", style="dim")
        if self.query_text.strip():
            t.append_text(line(self.query_text, "bold"))
        else:
            t.append("none (press / to filter)", style="dim")
        if self.last_error:
            t.append("  ·  error: ", style="bold red")
            t.append_text(line(self.last_error, "red"))
        if self.marks:
            t.append(f"  ·  {len(self.marks):,} marked", style="bold")
        t.append(f"  ·  sorted by {self.sort} {'▼' if self.descending else '▲'}", style="dim")
        self.query_one("#status", StatusLine).show(t)

    # --- selection and the reader -----------------------------------------------------------------------

    def current_meeting_id(self) -> int | None:
        table = self.meetings_table
        if not table.row_count:
            return None
        value = table.row_value(table.cursor_row, data.ID_COLUMN)
        return int(value) if value is not None else None

    @on(FastTable.RowHighlighted, "#meetings")
    def _row_highlighted(self, event: FastTable.RowHighlighted) -> None:
        self._show_current_detail()
        if (
            not self.loading_more
            and (self.counting or len(self.ids) < self.total)
            and event.cursor_row >= len(self.ids) - LOAD_MORE_MARGIN
        ):
            self._load_more()

    def _load_more(self) -> None:
        self.loading_more = True
        self.load_more(self.generation, self.query_text, self.sort, self.descending, len(self.ids))

    def _show_current_detail(self, immediate: bool = False) -> None:
        if self._reader_timer is not None:
            self._reader_timer.stop()
            self._reader_timer = None
        mid = self.current_meeting_id()
        if mid is None:
            self.query_one("#reader", Reader).clear("No meetings match this filter.")
            self._detail_for = None
            return
        if mid == self._detail_for:
            return
        self._detail_for = mid
        if immediate:
            self.load_detail(mid)
        else:
            self._reader_timer = self.set_timer(READER_DEBOUNCE, lambda: self.load_detail(mid))

    @on(FastTable.Activated, "#meetings")
    def _meeting_activated(self, event: FastTable.Activated) -> None:
        self.query_one("#reader", Reader).focus()

    @on(FastTable.Activated, "EntityTable")
    def _entity_activated(self, event: FastTable.Activated) -> None:
        table = event.table
        assert isinstance(table, EntityTable)
        key = table.row_value(event.row, 0)
        if key is None:
            return
        field = data.ENTITY_FIELD[table.kind]
        value = f"#{key}" if table.kind == "people" else str(key)
        self.add_filter(term(field, value))

    @on(FastTable.SortRequested, "#meetings")
    def _sort_meetings(self, event: FastTable.SortRequested) -> None:
        key = SORT_BY_COLUMN.get(event.column)
        if key is None:
            return
        self.sort, self.descending = key, event.descending
        self.ui.sort, self.ui.descending = key, event.descending
        self.meetings_table.show_sort(event.column, event.descending)
        self.set_query(self.query_text)

    @on(FastTable.SortRequested, "EntityTable")
    def _sort_entities(self, event: FastTable.SortRequested) -> None:
        table = event.table
        assert isinstance(table, EntityTable)
        table.sort_locally(event.column, event.descending)

    @on(FacetList.Chosen)
    def _facet_chosen(self, event: FacetList.Chosen) -> None:
        value = f"#{event.value}" if event.field == "person" else clean_line(event.value)
        self.add_filter(term(event.field, value))
        self.notify(
            f"Filter: {term(event.field, value)}  ({clean_line(event.label)})", markup=False, timeout=3
        )

    @on(Timeline.Chosen)
    def _period_chosen(self, event: Timeline.Chosen) -> None:
        new = data.period_term(event.value, event.bucket)
        if new:
            self.set_query(replace_fields(self.query_text, DATE_FIELDS, new))
            self.action_tab("meetings")

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        kind = (event.pane.id or "tab-meetings").removeprefix("tab-")
        if kind not in TABS:
            return
        if kind != self.ui.tab:
            self.ui.tab = kind
            self._save()
        if kind != "meetings" and self.entities_text.get(kind) != self.query_text:
            self.load_entities(self.generation, kind, self.query_text)
        self.call_after_refresh(self._focus_table)

    # --- the filter bar ---------------------------------------------------------------------------------

    def action_open_filter(self) -> None:
        self.query_one("#filter-bar", FilterBar).open(self.query_text)

    @on(FilterBar.Applied)
    def _filter_applied(self, event: FilterBar.Applied) -> None:
        bar = self.query_one("#filter-bar", FilterBar)
        try:
            query.parse(event.text)
        except query.QueryError as e:
            bar.show_error(e.message, e.position, event.text)
            return
        if event.text != self.query_text or (event.final and self.last_error):
            self.set_query(event.text)
        if event.final:  # if the query fails after all, QueryFailed opens the bar again, with the error
            bar.close()
            self._focus_table()

    # --- actions -----------------------------------------------------------------------------------------

    def action_escape(self) -> None:
        bar = self.query_one("#filter-bar", FilterBar)
        if bar.display:
            bar.close()
            self._focus_table()
        elif self.marks:
            self.marks.clear()
            self._redraw_marks()
            self.notify("Marks cleared", markup=False, timeout=2)
        elif self.query_text:
            self.set_query("")
            self.notify("Filter cleared", markup=False, timeout=2)

    def action_toggle_mark(self) -> None:
        if self.active_tab != "meetings":
            return
        table = self.meetings_table
        mid = self.current_meeting_id()
        if mid is None:
            return
        if mid in self.marks:
            self.marks.discard(mid)
        else:
            self.marks.add(mid)
        table.update_cell(table.cursor_row, 0, data.MARK if mid in self.marks else "")
        table.refresh_row(table.cursor_row)
        table.action_cursor_down()
        self._update_status()

    def _redraw_marks(self) -> None:
        table = self.meetings_table
        if self.ids:
            marks = [data.MARK if i in self.marks else "" for i in self.ids]
            import pyarrow as pa

            assert table.backend is not None
            current = table.backend.data
            if current.num_rows == len(marks):
                table.replace(current.set_column(0, "mark", pa.array(marks, pa.string())), keep_cursor=True)
        self._update_status()

    def action_export(self) -> None:
        n = len(self.marks) if self.marks else self.total
        what = "marked" if self.marks else "filtered"
        if self.counting and not self.marks:
            question = Text("Export every filtered meeting as a Markdown brief to:")
        else:
            question = Text(f"Export the {n:,} {what} meeting{'s' if n != 1 else ''} as a Markdown brief to:")
        self.push_screen(
            PathPrompt("Export", question, data.default_export_path()),
            self._export_to,
        )

    def _export_to(self, path: str | None) -> None:
        if not path:
            return
        target = Path(path).expanduser()
        if target.is_dir():
            target = target / Path(data.default_export_path()).name
        ids = sorted(self.marks) if self.marks else None
        self.notify(f"Exporting to {target}…", markup=False, timeout=2)
        self.run_export(target, ids, self.query_text, self.sort, self.descending)

    @work(thread=True, exclusive=True, group="export")
    def run_export(self, path: Path, ids: list[int] | None, text: str, sort: str, descending: bool) -> None:
        try:
            n = data.export_brief(self.store, path, ids=ids, text=text, sort=sort, descending=descending)
        except Exception as e:
            self.post_message(WorkFailed(f"exporting to {path}", str(e)))
            return
        self.post_message(Exported(path, n))

    def action_copy(self) -> None:
        mid = self.current_meeting_id()
        if mid is not None:
            self.copy_meeting(mid)

    @work(thread=True, exclusive=True, group="copy")
    def copy_meeting(self, meeting_id: int) -> None:
        try:
            md = data.meeting_markdown(self.store, meeting_id)
        except Exception as e:
            self.post_message(WorkFailed("copying the meeting", str(e)))
            return
        self.post_message(Copied(meeting_id, md))

    def action_open_url(self) -> None:
        reader = self.query_one("#reader", Reader)
        src = reader.source
        url = clean_line(src.url) if src is not None else ""
        if not url:
            self.notify("This source has no web address.", severity="warning", markup=False)
            return
        if not url.lower().startswith(("http://", "https://")):
            self.notify("Only http and https addresses are opened.", severity="warning", markup=False)
            return
        self.open_in_browser(url)
        self.notify(f"Opening {url}", markup=False, timeout=3)

    @work(thread=True, group="browser")
    def open_in_browser(self, url: str) -> None:
        webbrowser.open(url)

    def action_source(self, step: int) -> None:
        self.query_one("#reader", Reader).next_source(step)

    def action_toggle_bucket(self) -> None:
        self.ui.timeline_bucket = "week" if self.ui.timeline_bucket == "month" else "month"
        self._save()
        self.load_timeline(self.generation, self.query_text, self.ui.timeline_bucket)

    def action_reload(self) -> None:
        """Read the database afresh: the index, completions, and the current query."""
        self.reload_index()
        self.load_vocabulary()
        self.set_query(self.query_text, save=False)
        self.notify("Reloading from the database", markup=False, timeout=2)

    def action_tab(self, kind: str) -> None:
        if kind in TABS:
            self.query_one("#tabs", TabbedContent).active = f"tab-{kind}"

    def action_view(self) -> None:
        tab = self.active_tab
        if tab in ("people", "countries"):
            table = self.query_one(f"#table-{tab}", EntityTable)
            key = table.row_value(table.cursor_row, 0)
            if key is None:
                return
            if tab == "people":
                self.open_person(int(key))
            else:
                self.open_pair(str(key))
            return
        if tab != "meetings":
            return
        detail = self.query_one("#reader", Reader).detail
        if detail is None or detail.id != self.current_meeting_id() or not detail.participants:
            self.notify("No named participants in this meeting.", severity="warning", markup=False)
            return
        people = detail.participants
        if len(people) == 1:
            self.open_person(people[0].person_id)
            return
        labels = [
            p.name
            + (f" ({', '.join(x for x in (p.role, p.country, p.organization) if x)})" if p.role else "")
            for p in people
        ]

        def chosen(index: int | None) -> None:
            if index is not None:
                self.open_person(people[index].person_id)

        self.push_screen(ChooseScreen("Person view of…", labels), chosen)

    def open_person(self, person_id: int) -> None:
        self.push_screen(PersonScreen(person_id))

    def open_pair(self, a: str, b: str | None = None) -> None:
        self.push_screen(PairScreen(a, b))

    def action_help(self) -> None:
        from meetview.tui.screens.help import HelpScreen  # Markdown costs 70 ms to import: on demand

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_resize(self, target: str, delta: int) -> None:
        if target == "facets":
            self._set_width("facets", self.ui.facets_width + delta, final=True)
        elif target == "reader":
            self._set_width("reader", self.ui.reader_width + delta, final=True)
        elif target == "timeline":
            self.ui.timeline_height = max(4, min(30, self.ui.timeline_height + delta))
            self._apply_sizes()
            self._save()

    @on(Splitter.Resized)
    def _splitter(self, event: Splitter.Resized) -> None:
        self._set_width(event.target, event.width, final=event.final)

    def _set_width(self, target: str, width: int, *, final: bool) -> None:
        width = max(12 if target == "facets" else 20, min(width, self._max_size(target)))
        if target == "facets":
            self.ui.facets_width = width
        else:
            self.ui.reader_width = width
        self._apply_sizes()
        if final:
            self._save()

    # --- palette, theme, state -----------------------------------------------------------------------------

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Filter", "Open the filter bar (/)", self.action_open_filter)
        yield SystemCommand("Clear the filter", "Show every meeting", lambda: self.set_query(""))
        yield SystemCommand(
            "Export", "Marked or filtered meetings to a Markdown brief (e)", self.action_export
        )
        yield SystemCommand("Copy meeting", "The highlighted meeting as Markdown (y)", self.action_copy)
        yield SystemCommand(
            "Timeline: months or weeks", "Switch the timeline's buckets (w)", self.action_toggle_bucket
        )
        for kind, title in TAB_TITLES.items():
            yield SystemCommand(f"Show {title}", f"The {title} tab", lambda k=kind: self.action_tab(k))
        yield SystemCommand("Reload", "Read the database afresh (Ctrl+R)", self.action_reload)
        yield SystemCommand("Keys", "Every key (?)", self.action_help)

    def _theme_changed(self, theme) -> None:
        if self.ui.theme != self.theme:
            self.ui.theme = self.theme
            self._save()

    def _save(self) -> None:
        if self.remember:
            self.ui.query = self.query_text
            save_state(self.state_dir, self.ui, self.store.url)
