"""Remembered UI state (last query, sort, pane sizes, theme) in a small JSON file; a bad file is ignored."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from meetview.sanitize import clean_line

STATE_FILE = "tui-state.json"
SORTS = ("date", "participants", "countries", "topics", "format", "sources")
TABS = ("meetings", "people", "countries", "organizations", "topics")


@dataclass
class UiState:
    query: str = ""
    sort: str = "date"
    descending: bool = True
    facets_width: int = 34
    reader_width: int = 72
    timeline_height: int = 9
    timeline_bucket: str = "month"
    theme: str = "textual-dark"
    tab: str = "meetings"

    def validated(self) -> UiState:
        """The same state with every out-of-range value replaced by its default."""
        d = UiState()
        return UiState(
            query=clean_line(self.query)
            if isinstance(self.query, str) and len(self.query) <= 2000
            else d.query,
            sort=self.sort if self.sort in SORTS else d.sort,
            descending=bool(self.descending),
            facets_width=_clamp(self.facets_width, 12, 120, d.facets_width),
            reader_width=_clamp(self.reader_width, 20, 200, d.reader_width),
            timeline_height=_clamp(self.timeline_height, 4, 30, d.timeline_height),
            timeline_bucket=self.timeline_bucket if self.timeline_bucket in ("month", "week") else "month",
            theme=self.theme if isinstance(self.theme, str) and self.theme else d.theme,
            tab=self.tab if self.tab in TABS else d.tab,
        )


def _clamp(value, low: int, high: int, default: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        return default
    return max(low, min(high, value))


def load_state(directory: Path | None) -> UiState:
    """The remembered state, or the defaults when there is none or it cannot be read."""
    if directory is None:
        return UiState()
    try:
        data = json.loads((directory / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return UiState()
    if not isinstance(data, dict):
        return UiState()
    known = {f.name for f in fields(UiState)}
    try:
        return UiState(**{k: v for k, v in data.items() if k in known}).validated()
    except TypeError:
        return UiState()


def save_state(directory: Path | None, state: UiState) -> None:
    """Write the state atomically (a crash mid-write never leaves a half file); errors are ignored."""
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tui-state-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(state), f, indent=2)
        os.replace(tmp, directory / STATE_FILE)
    except OSError:
        pass
