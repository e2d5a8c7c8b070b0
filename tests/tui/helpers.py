"""Test helpers: wait for the app's workers, read what the screen shows and what it writes."""

from __future__ import annotations


async def settle(pilot, rounds: int = 4, delay: float = 0.0) -> None:
    """Let every worker finish and every message they post be handled (workers can start workers)."""
    if delay:
        await pilot.pause(delay)
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def screen_lines(app) -> list[str]:
    """The characters on the active screen, one string per row."""
    update = app.screen._compositor.render_full_update()
    return ["".join(segment.text for segment in strip) for strip in update.strips]


def screen_text(app) -> str:
    return "\n".join(screen_lines(app))


def screen_output(app) -> str:
    """What the app would write to the terminal for a full redraw (escape sequences included)."""
    update = app.screen._compositor.render_full_update()
    return update.render_segments(app.console)
