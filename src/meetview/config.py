"""Where things live: the database URL (--db, MEETVIEW_DB, user data dir), bundled seeds and migrations."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "meetview"
ENV_DB = "MEETVIEW_DB"
_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """Where the app keeps remembered UI state (last query, sort, pane sizes)."""
    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "meetview.db"


def is_url(value: str) -> bool:
    return "://" in value


def resolve_db(value: str | None = None) -> tuple[str, bool]:
    """The SQLAlchemy URL to use, and whether it is the default database.

    `value` is the --db option: a plain path means SQLite, a URL is used as given. Without it,
    MEETVIEW_DB is read the same way, and without that the user data dir holds the database.
    """
    value = value or os.environ.get(ENV_DB) or None
    if value is None:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return sqlite_url(path), True
    if is_url(value):
        return value, False
    path = Path(value).expanduser()
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite_url(path), False


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def _bundled(name: str) -> Path:
    """A folder shipped with the package (wheel installs) or at the project root (editable/dev)."""
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent.parent / name


def seeds_dir() -> Path:
    return _bundled("seeds")


def migrations_dir() -> Path:
    return _bundled("migrations")
