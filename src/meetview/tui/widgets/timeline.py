"""The timeline: meetings per month (or week) for the current filter as bars, with a movable cursor."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from meetview.query.browse import DateCoverage
from meetview.query.engine import FacetValue

BLOCKS = " ▁▂▃▄▅▆▇█"


class Timeline(Widget, can_focus=True):
    """Bars of meetings per bucket; ←/→ (h/l) move the cursor, Enter narrows the query to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "move(-1)", "Earlier", show=False),
        Binding("right,l", "move(1)", "Later", show=False),
        Binding("home,g", "jump(0)", "First", show=False),
        Binding("end,G", "jump(-1)", "Last", show=False),
        Binding("enter", "choose", "Narrow to period", show=False),
        Binding("w", "app.toggle_bucket", "Month/week", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--bar",
        "timeline--cursor",
        "timeline--axis",
        "timeline--note",
        "timeline--empty",
    }

    cursor = reactive(-1)

    class Chosen(Message):
        """Enter on a bucket."""

        def __init__(self, value: str, bucket: str, count: int) -> None:
            super().__init__()
            self.value = value
            self.bucket = bucket
            self.count = count

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.buckets: list[FacetValue] = []
        self.bucket = "month"
        self.coverage = DateCoverage()
        self.loaded = False
        self._first_column = 0
        self._bar_width = 1

    def show(self, buckets: list[FacetValue], bucket: str, coverage: DateCoverage) -> None:
        old = self.buckets[self.cursor].value if 0 <= self.cursor < len(self.buckets) else None
        self.buckets, self.bucket, self.coverage, self.loaded = list(buckets), bucket, coverage, True
        keys = [b.value for b in self.buckets]
        if old in keys:
            self.cursor = keys.index(old)
        else:
            self.cursor = len(self.buckets) - 1
        self.refresh()

    @property
    def current(self) -> FacetValue | None:
        return self.buckets[self.cursor] if 0 <= self.cursor < len(self.buckets) else None

    def action_move(self, step: int) -> None:
        if self.buckets:
            self.cursor = max(0, min(len(self.buckets) - 1, self.cursor + step))

    def action_jump(self, index: int) -> None:
        if self.buckets:
            self.cursor = index % len(self.buckets)

    def action_choose(self) -> None:
        b = self.current
        if b is not None:
            self.post_message(self.Chosen(b.value, self.bucket, b.count))

    def watch_cursor(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        if not self.buckets:
            return
        index = self._first_column + event.x // max(1, self._bar_width)
        if 0 <= index < len(self.buckets):
            self.cursor = index
            if event.chain >= 2:
                self.action_choose()

    # --- drawing ---------------------------------------------------------------------------------

    def _layout(self, width: int) -> tuple[int, int]:
        """(first bucket shown, columns per bucket) so that the cursor is always in view."""
        n = len(self.buckets)
        bar = max(1, min(6, width // max(1, n)))
        visible = max(1, width // bar)
        first = 0
        if n > visible:
            first = max(0, min(n - visible, self.cursor - visible // 2))
        return first, bar

    def render(self) -> Text:
        width, height = self.size.width, self.size.height
        style = self.get_component_rich_style
        bar_style, cursor_style = style("timeline--bar"), style("timeline--cursor")
        axis_style, note_style = style("timeline--axis"), style("timeline--note")
        note = self._note()
        if not self.loaded:
            return Text("Loading the timeline…", style=note_style)
        if not self.buckets:
            return Text(note or "No dated meetings for this filter.", style=note_style)
        first, bar = self._layout(width)
        self._first_column, self._bar_width = first, bar
        shown = self.buckets[first : first + max(1, width // bar)]
        rows = max(1, height - 2)
        top = max(b.count for b in shown) or 1
        lines: list[Text] = []
        for r in range(rows):
            t = Text(no_wrap=True, overflow="crop")
            level_low = (rows - 1 - r) * 8  # eighths below this row
            for i, b in enumerate(shown):
                filled = round(b.count / top * rows * 8)
                part = max(0, min(8, filled - level_low))
                ch = BLOCKS[part] if b.count else (" " if r < rows - 1 else "·")
                cell = ch * max(1, bar - 1) + (" " if bar > 1 else "")
                t.append(cell, cursor_style if first + i == self.cursor else bar_style)
            lines.append(t)
        lines.append(self._axis(shown, bar, axis_style))
        cur = self.current
        info = Text(no_wrap=True, overflow="ellipsis")
        if cur is not None:
            unit = "month" if self.bucket == "month" else "week"
            info.append(f"◀ {cur.value} ▶ ", style=cursor_style)
            info.append(f"{cur.count:,} meeting{'s' if cur.count != 1 else ''} this {unit}")
            info.append("  ·  Enter: narrow to it  ·  w: ", style=note_style)
            info.append("weeks" if self.bucket == "month" else "months", style=note_style)
        if note:
            info.append("  ·  " + note, style=note_style)
        lines.append(info)
        return Text("\n").join(lines)

    def _axis(self, shown: list[FacetValue], bar: int, style) -> Text:
        """Year (and month, when there is room) labels under the bars."""
        width = len(shown) * bar
        chars = [" "] * width
        last_end = -1
        for i, b in enumerate(shown):
            key = b.value
            if self.bucket == "month":
                label = key if bar >= 7 else (key[:4] if key.endswith("-01") or i == 0 else "")
                if not label and bar >= 3:
                    label = key[5:7]
            else:
                label = key[:4] if (i == 0 or key[:4] != shown[i - 1].value[:4]) else ""
            x = i * bar
            if label and x > last_end and x + len(label) <= width:
                chars[x : x + len(label)] = list(label)
                last_end = x + len(label)
        return Text("".join(chars), style=style, no_wrap=True, overflow="crop")

    def _note(self) -> str:
        """Meetings the bars cannot place exactly, counted (never silently left out)."""
        c = self.coverage
        bits = []
        if self.bucket == "month" and c.month:
            bits.append(f"{c.month:,} known only to the month (counted in its bar)")
        if self.bucket == "week" and c.month:
            bits.append(f"{c.month:,} known only to the month (no week bar)")
        if c.year:
            bits.append(f"{c.year:,} known only to the year (no bar)")
        if c.undated:
            bits.append(f"{c.undated:,} undated (no bar)")
        return "; ".join(bits)
