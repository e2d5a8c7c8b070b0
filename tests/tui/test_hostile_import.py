"""The app over a hostile article that went through the real importer: shown literally, nothing runs."""

from __future__ import annotations

from helpers import screen_output, screen_text, settle
from hostile_article import QUIT, RAW, write_hostile_article
from test_hostile import RAW as TUI_RAW

from meetview.importer import run_import
from meetview.tui.widgets.reader import Reader

SIZE = (220, 55)


async def test_imported_hostile_article_in_table_and_reader(store, make_app, tmp_path):
    report = run_import(store, [str(write_hostile_article(tmp_path))])
    assert report.imported == 1 and report.meetings == 1
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, delay=0.1)
        reader = app.query_one(Reader)
        assert reader.detail is not None and reader.detail.date == "2025-03-03"
        text = screen_text(app)
        assert f"Talks {QUIT}quit [bold]loud[/bold]" in text  # the title, markup as text
        assert "[bold]useful[/bold] and [link=https://evil.example]" in text  # the body, in the reader
        out = screen_output(app)
        for bad in TUI_RAW + tuple(c for c in RAW if c != "\x1b"):  # the app's own styles are ESC [
            assert bad not in out, repr(bad)
        assert "ZXZpbA==" not in out
        lines = text.split("\n")
        hits = [(y, line.index(QUIT)) for y, line in enumerate(lines) if QUIT in line]
        assert hits
        for y, x in hits:  # click on and around every [@click=app.quit] shown
            for dx in (0, 2, 8, 17):
                await pilot.click(offset=(x + dx, y))
                await pilot.pause()
                assert app.is_running
        assert app.return_code is None
