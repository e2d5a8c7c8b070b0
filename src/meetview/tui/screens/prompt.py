"""Small modal questions: a file path for an export, a choice from a list."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from meetview.tui.text import line

PROMPT_CSS = """
PathPrompt, ChooseScreen { align: center middle; }
PathPrompt > Vertical, ChooseScreen > Vertical {
    width: 90; max-width: 95%; height: auto; max-height: 80%;
    border: round $accent; background: $surface; padding: 0 1;
}
PathPrompt Static, ChooseScreen Static { margin: 0 0 1 0; }
ChooseScreen OptionList { height: auto; max-height: 20; }
"""


class PathPrompt(ModalScreen[str | None]):
    """Ask for a path (Enter accepts, Esc cancels)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = PROMPT_CSS

    def __init__(self, title: str, question: Text, default: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question
        self.default = default

    def compose(self):
        with Vertical() as box:
            box.border_title = self.title_text
            yield Static(self.question)
            yield Input(value=self.default, id="path")
            yield Static(Text("Enter writes the file · Esc cancels", style="dim"))

    @on(Input.Submitted, "#path")
    def _submit(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ChooseScreen(ModalScreen[int | None]):
    """Pick one of several labelled values; returns its index."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = PROMPT_CSS

    def __init__(self, title: str, labels: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.labels = labels

    def compose(self):
        with Vertical() as box:
            box.border_title = self.title_text
            yield OptionList(*[Option(line(lbl), id=str(i)) for i, lbl in enumerate(self.labels)])

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
