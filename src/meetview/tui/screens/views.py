"""The person view (aliases, roles over time, meetings, counterparts) and the country-pair view."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

import pyarrow as pa
from rich.text import Text
from textual import on, work
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from meetview.query.entities import PersonView
from meetview.tui import data
from meetview.tui.text import line
from meetview.tui.widgets.tables import FastTable

if TYPE_CHECKING:
    from meetview.tui.app import MeetviewApp

ROLE_COLUMNS = (("role", "role"), ("first", "first"), ("last", "last"))
VIEW_MEETING_COLUMNS = tuple((name, label) for name, label, _ in data.MEETING_COLUMNS[1:])


def view_meetings_table(id: str) -> FastTable:
    return FastTable(VIEW_MEETING_COLUMNS, sortable=tuple(range(len(VIEW_MEETING_COLUMNS))), id=id)


class ViewScreen(Screen[None]):
    """Shared keys of the entity views: Esc/q back, f filters the main table."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("f", "filter", "Filter meetings to this"),
        Binding("question_mark,f1", "app.help", "Help"),
    ]
    CSS_PATH = "views.tcss"

    @property
    def mv(self) -> MeetviewApp:
        return self.app  # type: ignore[return-value]

    @on(FastTable.SortRequested)
    def _sort(self, event: FastTable.SortRequested) -> None:
        event.stop()
        table = event.table
        table.show_sort(event.column, event.descending)
        assert table.backend is not None
        name = table.backend.data.column_names[event.column]
        table.replace(table.backend.data.sort_by([(name, "descending" if event.descending else "ascending")]))

    def filter_main(self, text: str, select_id: int | None = None) -> None:
        self.mv.pop_screen()
        self.mv.set_query(text, select_id=select_id)


class PersonScreen(ViewScreen):
    class Loaded(Message):
        def __init__(self, view: PersonView | None) -> None:
            super().__init__()
            self.view = view

    def __init__(self, person_id: int) -> None:
        super().__init__()
        self.person_id = person_id
        self.view: PersonView | None = None

    def compose(self):
        yield Static(Text("Loading…", style="dim"), id="view-head")
        with Horizontal(id="view-body"):
            with Vertical(id="view-side"):
                roles = FastTable(ROLE_COLUMNS, id="person-roles")
                roles.border_title = "Roles over time"
                yield roles
                counterparts = OptionList(id="person-counterparts")
                counterparts.border_title = "Most frequent counterparts (Enter: their view)"
                yield counterparts
            meetings = view_meetings_table("person-meetings")
            meetings.border_title = "Meetings (Enter: show in the main table)"
            yield meetings
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="person-view")
    def load(self) -> None:
        view = data.fetch_person(self.mv.store, self.person_id)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(view))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        view = self.view = message.view
        head = self.query_one("#view-head", Static)
        if view is None:
            head.update(Text("This person is no longer in the database.", style="dim"))
            return
        t = Text()
        t.append_text(line(view.name, "bold"))
        if view.country:
            t.append_text(line(f"  ({view.country})", "dim"))
        t.append(f"   {len(view.meetings):,} meeting{'s' if len(view.meetings) != 1 else ''}", style="dim")
        t.append(f"   person:#{view.id}", style="dim")
        others = [a for a in view.aliases if a != view.name]
        if others:
            t.append("\nAlso written: ", style="dim")
            t.append_text(line(", ".join(others)))
        head.update(t)
        self.query_one("#person-roles", FastTable).replace(
            pa.table(
                {
                    "role": data._s(r for r, _, _ in view.roles),
                    "first": data._s(a for _, a, _ in view.roles),
                    "last": data._s(b for _, _, b in view.roles),
                }
            )
        )
        options = self.query_one("#person-counterparts", OptionList)
        options.clear_options()
        options.add_options(
            [
                Option(Text(f"{n:>4} ", style="dim") + line(name), id=str(pid))
                for pid, name, n in view.counterparts
            ]
        )
        table = self.query_one("#person-meetings", FastTable)
        table.replace(data.meetings_arrow(view.meetings, frozenset()).drop_columns(["mark"]))
        table.focus()

    @on(OptionList.OptionSelected, "#person-counterparts")
    def _counterpart(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.push_screen(PersonScreen(int(event.option.id)))

    @on(FastTable.Activated, "#person-meetings")
    def _meeting(self, event: FastTable.Activated) -> None:
        mid = event.table.row_value(event.row, 0)
        self.filter_main(f"person:#{self.person_id}", select_id=mid)

    def action_filter(self) -> None:
        self.filter_main(f"person:#{self.person_id}")


class PairScreen(ViewScreen):
    """One country's partners; choose one to list every meeting both took part in."""

    class Loaded(Message):
        def __init__(self, result: data.PairResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, a: str, b: str | None = None) -> None:
        super().__init__()
        self.a, self.b = a, b
        self.result: data.PairResult | None = None

    def compose(self):
        yield Static(Text("Loading…", style="dim"), id="view-head")
        with Horizontal(id="view-body"):
            partners = OptionList(id="pair-partners")
            partners.border_title = "Partners (Enter: the pair's meetings)"
            yield partners
            meetings = view_meetings_table("pair-meetings")
            meetings.border_title = "Meetings of both (Enter: show in the main table)"
            yield meetings
        yield Footer()

    def on_mount(self) -> None:
        self.load(self.b)

    @work(thread=True, exclusive=True, group="pair-view")
    def load(self, b: str | None) -> None:
        result = data.fetch_pair(self.mv.store, self.a, b)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(result))

    @on(Loaded)
    def _loaded(self, message: Loaded) -> None:
        r = self.result = message.result
        self.b = r.b
        name_a = r.names.get(r.a, r.a)
        t = Text()
        t.append_text(line(f"{name_a} ({r.a})", "bold"))
        if r.b:
            t.append(" and ", style="dim")
            t.append_text(line(f"{r.names.get(r.b, r.b)} ({r.b})", "bold"))
            t.append(f"   {r.total:,} meeting{'s' if r.total != 1 else ''} together", style="dim")
            t.append(f"   country:{r.a} country:{r.b}", style="dim")
        else:
            t.append(f"   {len(r.partners):,} partner countries; choose one", style="dim")
        self.query_one("#view-head", Static).update(t)
        partners = self.query_one("#pair-partners", OptionList)
        if partners.option_count == 0:
            partners.add_options(
                [
                    Option(Text(f"{p.meetings:>5} ", style="dim") + line(f"{p.name} ({p.key})"), id=p.key)
                    for p in r.partners
                ]
            )
            partners.focus()
        table = self.query_one("#pair-meetings", FastTable)
        if r.table is not None:
            table.replace(r.table.drop_columns(["mark"]))

    @on(OptionList.OptionSelected, "#pair-partners")
    def _partner(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.load(event.option.id)

    @on(FastTable.Activated, "#pair-meetings")
    def _meeting(self, event: FastTable.Activated) -> None:
        if self.b:
            self.filter_main(
                f"country:{self.a} country:{self.b}", select_id=event.table.row_value(event.row, 0)
            )

    def action_filter(self) -> None:
        self.filter_main(f"country:{self.a} country:{self.b}" if self.b else f"country:{self.a}")
