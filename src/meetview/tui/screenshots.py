"""SVG screenshots of the real app, for the README: main screen, a filtered view, help, person view."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path

from meetview.store import Store

SIZE = (220, 55)


@dataclass
class Shot:
    name: str
    path: Path
    note: str = ""


async def _settle(pilot, rounds: int = 4) -> None:
    await pilot.pause(0.1)
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def _take(store: Store, out: Path, state_dir: Path) -> list[Shot]:
    from textual.widgets import Input

    from meetview.tui import make_app

    app = make_app(store, state_dir=state_dir, remember=False)
    shots: list[Shot] = []

    def save(name: str, note: str = "") -> None:
        path = out / f"{name}.svg"
        path.write_text(app.export_screenshot(title=f"meetview: {name.replace('-', ' ')}"), "utf-8")
        shots.append(Shot(name, path, note))

    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        for widget in app.query(Input):
            widget.cursor_blink = False
        save("main")

        v = app.vocabulary
        if v.countries and v.countries[0].count:
            text, note = f"country:{v.countries[0].value}", ""
        elif v.topics and v.topics[0].count:
            text, note = f"topic:{v.topics[0].value}", ""
        else:
            text, note = "defense", "no country or topic in the data yet: a full-text filter"
        app.set_query(text)
        await _settle(pilot)
        await pilot.press("slash")
        await _settle(pilot)
        save("filtered", note)
        await pilot.press("escape")
        app.set_query("")
        await _settle(pilot)

        await pilot.press("question_mark")
        await _settle(pilot)
        save("help")
        await pilot.press("escape")
        await _settle(pilot)

        if v.people:
            app.open_person(int(v.people[0].value[1:]))
            await _settle(pilot)
            save("person-view")
        else:
            await pilot.press("2")
            await _settle(pilot)
            save("person-view", "no named people in the data yet: the People tab instead")
    return shots


def take_screenshots(store: Store, out: Path, state_dir: Path) -> list[Shot]:
    out.mkdir(parents=True, exist_ok=True)
    return asyncio.run(_take(store, out, state_dir))
