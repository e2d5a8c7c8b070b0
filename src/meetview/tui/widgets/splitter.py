"""A one-column bar between panes: drag it with the mouse to resize the pane beside it."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget


class Splitter(Widget):
    """Resizes `target` (the pane to its left when side == "left", else to its right)."""

    DEFAULT_CSS = """
    Splitter { width: 1; height: 1fr; color: $foreground 30%; }
    Splitter:hover, Splitter.-dragging { color: $accent; background: $accent 20%; }
    """

    class Resized(Message):
        def __init__(self, target: str, width: int, final: bool) -> None:
            super().__init__()
            self.target = target
            self.width = width
            self.final = final

    def __init__(self, target: str, side: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.target = target
        self.side = side
        self._start: tuple[int, int] | None = None

    def render(self) -> Text:
        return Text("\n".join("│" * 1 for _ in range(max(1, self.size.height))))

    def _width(self) -> int:
        return self.screen.query_one(f"#{self.target}").outer_size.width

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._start = (event.screen_x, self._width())
        self.capture_mouse()
        self.add_class("-dragging")
        event.stop()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._start is None:
            return
        self._post(event.screen_x, final=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._start is None:
            return
        self._post(event.screen_x, final=True)
        self._start = None
        self.release_mouse()
        self.remove_class("-dragging")

    def _post(self, x: int, *, final: bool) -> None:
        assert self._start is not None
        x0, width = self._start
        delta = x - x0
        new = width + delta if self.side == "left" else width - delta
        self.post_message(self.Resized(self.target, new, final))
