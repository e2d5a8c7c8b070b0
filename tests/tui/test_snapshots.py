"""SVG snapshots of the main screen, the help screen and the person view on the hand-made sample.

Run `pytest tests/tui/test_snapshots.py --snapshot-update` after a deliberate UI change and look at
the new SVGs (snapshot_report.html) before committing them.
"""

from __future__ import annotations

from helpers import settle
from textual.widgets import Input

SIZE = (220, 55)


async def ready(pilot) -> None:
    await settle(pilot, delay=0.1)
    for widget in pilot.app.query(Input):
        widget.cursor_blink = False
    await settle(pilot)


def test_main_screen(snap_compare, sqlite_db, make_app):
    assert snap_compare(make_app(sqlite_db, remember=False), terminal_size=SIZE, run_before=ready)


def test_filtered_with_the_filter_bar_open(snap_compare, sqlite_db, make_app):
    async def run_before(pilot):
        await ready(pilot)
        pilot.app.set_query("country:NO")
        await settle(pilot)
        await pilot.press("slash")
        await ready(pilot)

    assert snap_compare(make_app(sqlite_db, remember=False), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare, sqlite_db, make_app):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(make_app(sqlite_db, remember=False), terminal_size=SIZE, run_before=run_before)


def test_person_view(snap_compare, sqlite_db, make_app):
    async def run_before(pilot):
        await ready(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot, delay=0.1)

    assert snap_compare(make_app(sqlite_db, remember=False), terminal_size=SIZE, run_before=run_before)
