"""Untrusted text in every field: shown literally, never run as markup, never reaching the terminal raw."""

from __future__ import annotations

import pytest
from factories import make_article, meeting, person, save
from helpers import screen_output, screen_text, settle

from meetview.tui.screens.views import PairScreen, PersonScreen
from meetview.tui.widgets.filter_bar import FilterBar
from meetview.tui.widgets.reader import Reader

SIZE = (220, 55)
OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # write "evil" to the clipboard
OSC8 = "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"  # a hidden hyperlink
TITLE = "\x1b]0;pwned\x07"  # set the window title
CSI = "\x1b[2J\x1b[6n"  # clear the screen, ask for the cursor position
C1 = "\x9b31m\x9d0;x\x9c"
BIDI = "\u202egnp.exe\u202c"
QUIT = "[@click=app.quit]"

RAW = ("\x1b]", "\x07", "\x1b[2J", "\x1b[6n", "\x9b", "\x9d", "\x9c", "\u202e", "\u202c", "\x00", "ZXZpbA==")


def hostile_store(store):
    save(
        store,
        make_article(
            "evil.txt",
            f"Intro {OSC52} text.\n{QUIT}Click here{OSC8} to quit.\n"
            f"Mallory met Eve {CSI} in {C1} Oslo {BIDI}.\0NUL",
            title=f"Evil {QUIT}click me [bold]B[/bold] {TITLE} ends badly [/",
            outlet=f"[red]Outlet{OSC52}[/",
            url="https://ok.example/[/]",
        ),
        meeting(
            "2025-02-02",
            [
                person(f"Mal[bold]ory [/{CSI}", "[@click=app.bell]Chief", "UA"),
                person(f"{QUIT}Eve{OSC8}", f"Role{C1}", "NO"),
                person(f"{BIDI}Trudy [/", None, organization=f"[/]ORG{TITLE}[/"),
            ],
            ["UA", "NO"],
            ["air-defense", f"{QUIT}topic"],
            [f"[/]ORG{TITLE}[/", f"Org {OSC52}"],
            fmt="video",
            location=f"{TITLE}Oslo[/",
            evidence=f"[link=https://evil.example]x[/link] {C1} {OSC52} evidence [/",
        ),
    )
    save(
        store,
        make_article("calm.txt", "A calm meeting.", title="Calm"),
        meeting("2025-01-01", [person("Ann Lee", "Envoy", "US")], ["US", "UA"], ["energy"]),
    )
    return store


@pytest.fixture
def evil_app(store, make_app):
    return make_app(hostile_store(store))


def assert_inert(app) -> None:
    out = screen_output(app)
    for bad in RAW:
        assert bad not in out, repr(bad)
    assert app.is_running


async def test_hostile_text_is_shown_literally_and_nothing_escapes(evil_app):
    app = evil_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.1)
        text = screen_text(app)
        assert "Evil [@click=app.quit]click me [bold]B[/bold]" in text  # markup shown, not applied
        assert "ends badly [/" in text
        assert "Mal[bold]ory [/" in text and "[@click=app.quit]Eve" in text
        assert "[link=https://evil.example]x[/link]" in text
        assert "[red]Outlet[/" in text
        assert_inert(app)


async def test_clicking_hostile_text_does_not_run_actions(evil_app):
    app = evil_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.1)
        lines = screen_text(app).split("\n")
        hits = [(y, line.index(QUIT)) for y, line in enumerate(lines) if QUIT in line]
        assert hits
        for y, x in hits:
            for dx in (1, 5, 10):
                await pilot.click(offset=(x + dx, y))
                await pilot.pause()
                assert app.is_running
        assert app.return_code is None


async def test_every_view_of_hostile_values(evil_app, tmp_path):
    app = evil_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.1)
        for key in ("2", "3", "4", "5"):
            await pilot.press(key)
            await settle(pilot)
            assert_inert(app)
        await pilot.press("5")
        await settle(pilot)
        assert QUIT + "topic" in screen_text(app)
        await pilot.press("2")
        await settle(pilot)
        people = app.query_one("#table-people")
        names = [people.row_value(i, 1) for i in range(people.row_count)]
        assert "Mal[bold]ory [/" in names  # sanitized, markup kept as text
        people.move_cursor(row=names.index("Mal[bold]ory [/"))
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert "Mal[bold]ory [/" in screen_text(app)
        assert_inert(app)
        await pilot.press("escape", "3")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, PairScreen)
        assert_inert(app)
        await pilot.press("enter")
        await settle(pilot)
        assert_inert(app)
        await pilot.press("escape", "1")
        await settle(pilot)
        # facets: choosing a hostile person notifies with its name (markup=False) and filters
        people_facet = app.query_one("#facet-people")
        people_facet.focus()
        labels = [v.label for v in people_facet._values]
        people_facet.highlighted = next(i for i, lbl in enumerate(labels) if lbl.startswith("Mal[bold]ory"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.query_text.startswith("person:#") and len(app.ids) == 1
        assert_inert(app)


async def test_palette_and_completion_with_hostile_names(evil_app):
    app = evil_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.1)
        await pilot.press("ctrl+p")
        await pilot.press(*"Mal")
        await settle(pilot, delay=0.5)
        assert "Person: Mal[bold]ory [/" in screen_text(app)
        assert_inert(app)
        await pilot.press("escape")
        await pilot.press("slash")
        app.query_one(FilterBar).input.value = "org:"
        await settle(pilot, delay=0.1)
        assert_inert(app)
        app.query_one(FilterBar).input.value = 'person:"mal'
        await settle(pilot, delay=0.4)
        assert_inert(app)


async def test_reader_body_and_copy_and_export_are_inert(evil_app, tmp_path):
    app = evil_app
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.1)
        reader = app.query_one(Reader)
        assert reader.detail is not None and reader.detail.date == "2025-02-02"
        body = screen_text(app)
        assert "Mallory met Eve" in body and "Click here" in body
        await pilot.press("y")
        await settle(pilot)
        for bad in RAW:
            assert bad not in app.clipboard
        await pilot.press("e")
        app.screen.query_one("#path").value = str(tmp_path / "evil.md")
        await pilot.press("enter")
        await settle(pilot)
        brief = (tmp_path / "evil.md").read_text("utf-8")
        for bad in RAW:
            assert bad not in brief
        assert app.is_running


async def test_open_refuses_what_is_not_http(store, make_app, monkeypatch):
    opened = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url) or True)
    for i, url in enumerate(("javascript:alert(1)", "file:///etc/passwd", f"https://x.example/{OSC52}")):
        save(
            store,
            make_article(f"u{i}.txt", f"They met {i}.", title=f"U{i}", url=url),
            meeting(f"2025-03-0{i + 1}", [person(f"Person{i} Name{i}", "Envoy", "US")], ["US"], ["energy"]),
        )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.1)
        for _ in range(3):
            await pilot.press("o")
            await pilot.press("j")
            await settle(pilot, delay=0.1)
    assert opened == ["https://x.example/"]  # the escape sequence removed; the others refused
