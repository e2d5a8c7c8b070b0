"""Facets: countries, topics, people and organizations with counts for the current filter."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from meetview.query.engine import Facets, FacetValue
from meetview.tui.text import line

FACETS: tuple[tuple[str, str, str], ...] = (
    # (Facets attribute, filter field, title)
    ("countries", "country", "Countries"),
    ("topics", "topic", "Topics"),
    ("people", "person", "People"),
    ("organizations", "org", "Organizations"),
)


class FacetList(OptionList):
    """One facet's values; Enter or a click adds the value's term to the query."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "Top", show=False),
        Binding("G", "last", "Bottom", show=False),
    ]

    class Chosen(Message):
        def __init__(self, field: str, value: str, label: str) -> None:
            super().__init__()
            self.field = field
            self.value = value
            self.label = label

    def __init__(self, field: str, title: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.field = field
        self.title = title
        self.border_title = title  # a fixed string: never untrusted text in a title
        self._values: list[FacetValue] = []

    def show(self, values: list[FacetValue]) -> None:
        self._values = list(values)
        highlighted = self.highlighted
        self.clear_options()
        width = max((len(f"{v.count:,}") for v in values), default=1)
        options = []
        for i, v in enumerate(values):
            prompt = Text(f"{v.count:>{width},} ", style="dim") + line(v.label)
            if self.field == "country":
                prompt += Text(f" {v.value}", style="dim")
            options.append(Option(prompt, id=str(i)))
        self.add_options(options)
        if not values:
            self.add_option(Option(Text("none for this filter", style="dim italic"), disabled=True))
        elif highlighted is not None:
            self.highlighted = min(highlighted, len(values) - 1)
        self.border_subtitle = f"{len(values)}" if values else ""

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is None:
            return
        v = self._values[int(event.option.id)]
        self.post_message(self.Chosen(self.field, v.value, v.label))


class FacetPanel(VerticalScroll, can_focus=False):
    """The facet lists stacked in one scrollable column."""

    def compose(self):
        for attr, field, title in FACETS:
            yield FacetList(field, title, id=f"facet-{attr}", classes="facet")

    def show(self, facets: Facets) -> None:
        for attr, _, _ in FACETS:
            self.query_one(f"#facet-{attr}", FacetList).show(getattr(facets, attr))
