"""The Textual browser (the only package that imports Textual; the CLI imports it lazily).

`make_app` is the one way to build the app: the CLI, the tests, the screenshots and the
benchmark all construct it here, with the store injected and the state directory injectable.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meetview.store import Store
    from meetview.tui.app import MeetviewApp


def make_app(
    store: Store,
    *,
    state_dir: Path | None = None,
    remember: bool = True,
    page_size: int | None = None,
) -> MeetviewApp:
    """The browser over `store`; UI state lives in `state_dir` (default: the user state dir)."""
    from meetview.config import state_dir as default_state_dir
    from meetview.tui.app import MeetviewApp
    from meetview.tui.data import PAGE_SIZE

    return MeetviewApp(
        store,
        state_dir=state_dir if state_dir is not None else default_state_dir(),
        remember=remember,
        page_size=page_size or PAGE_SIZE,
    )


def run(store: Store) -> None:
    """Open the browser on `store` until the user quits."""
    make_app(store).run()
