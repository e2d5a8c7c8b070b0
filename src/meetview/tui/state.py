"""Remembered UI state in a small JSON file: pane sizes and theme for every database, the last query,
sort and tab for each database on its own; a bad file is ignored."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from meetview.sanitize import clean_line

STATE_FILE = "tui-state.json"
# What belongs to one database: a query names its people by id ("person:#12"), which another
# database gives to someone else
VIEW_FIELDS = ("query", "sort", "descending", "tab")
MAX_DATABASES = 20  # databases remembered, the most recently used
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


def database_key(url: str | None) -> str:
    """An opaque key for a database URL: its password never reaches the state file."""
    if not url:
        return ""
    try:
        from sqlalchemy.engine import make_url

        url = make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL SQLAlchemy reads: the key is still the same for the same text
        pass
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:16]


def _read(directory: Path) -> dict:
    try:
        data = json.loads((directory / STATE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def load_state(directory: Path | None, db: str | None = None) -> UiState:
    """The remembered state for database `db`, or the defaults when there is none or it cannot be
    read. A file written before views were kept per database gives its view to the first database
    opened with it."""
    if directory is None:
        return UiState()
    data = _read(directory)
    known = {f.name for f in fields(UiState)}
    values = {k: v for k, v in data.items() if k in known and k not in VIEW_FIELDS}
    databases = data.get("databases")
    if isinstance(databases, dict):
        view = databases.get(database_key(db))
        if isinstance(view, dict):
            values.update({k: v for k, v in view.items() if k in VIEW_FIELDS})
    else:  # the old file: one view for whatever database was open
        values.update({k: v for k, v in data.items() if k in VIEW_FIELDS})
    try:
        return UiState(**values).validated()
    except TypeError:
        return UiState()


def save_state(directory: Path | None, state: UiState, db: str | None = None) -> None:
    """Write the state atomically (a crash mid-write never leaves a half file); errors are ignored.
    The views of other databases are kept (the most recently used MAX_DATABASES of them)."""
    if directory is None:
        return
    try:
        directory.mkdir(parents=True, exist_ok=True)
        state_dict = asdict(state)
        data = {k: v for k, v in state_dict.items() if k not in VIEW_FIELDS}
        old = _read(directory).get("databases")
        databases = {k: v for k, v in old.items() if isinstance(v, dict)} if isinstance(old, dict) else {}
        databases.pop(database_key(db), None)
        databases[database_key(db)] = {**{k: state_dict[k] for k in VIEW_FIELDS}, "used": time.time()}
        recent = sorted(databases.items(), key=lambda kv: _used(kv[1]), reverse=True)[:MAX_DATABASES]
        data["databases"] = dict(recent)
        fd, tmp = tempfile.mkstemp(prefix=".tui-state-", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2)
        os.replace(tmp, directory / STATE_FILE)
    except OSError:
        pass


def _used(view: dict) -> float:
    used = view.get("used")
    return float(used) if isinstance(used, (int, float)) and not isinstance(used, bool) else 0.0
