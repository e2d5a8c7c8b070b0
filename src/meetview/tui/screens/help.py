"""The help screen: every key, from help.md."""

from __future__ import annotations

from importlib import resources
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown


def help_text() -> str:
    return resources.files("meetview.tui").joinpath("help.md").read_text("utf-8")


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", show=True),
        Binding("j,down", "scroll(1)", "Down", show=False),
        Binding("k,up", "scroll(-1)", "Up", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 180; max-width: 98%; height: auto; max-height: 96%;
        border: round $accent; background: $surface; padding: 0 1;
    }
    HelpScreen Horizontal { height: auto; }
    HelpScreen Markdown { width: 1fr; margin: 0 1; }
    """

    def compose(self):
        with VerticalScroll(id="help-scroll") as scroll:
            scroll.border_title = "meetview: keys (Esc closes)"
            with Horizontal():
                for column in help_text().split("<!-- column -->"):
                    yield Markdown(column.strip())

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_relative(y=step * 2, animate=False)
