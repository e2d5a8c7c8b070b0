"""Exports: golden Markdown/JSON/CSV of the sample database, and hostile article text kept inert."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from pathlib import Path

import pytest
from factories import make_article, meeting, person, save
from typer.testing import CliRunner

from meetview import query
from meetview.cli import app
from meetview.export import md_escape, to_csv, to_json, to_markdown
from meetview.query.detail import meeting_details

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("MEETVIEW_UPDATE_GOLDEN") == "1"


def details(store, text: str = ""):
    with store.session() as s:
        page = query.search(s, query.parse(text), descending=False, limit=None)
        return meeting_details(s, [r.id for r in page.rows])


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_markdown_brief_golden(db):
    md = to_markdown(details(db), query="topic:air-defense", today=dt.date(2026, 1, 2))
    check_golden("sample.md", md)
    assert md.startswith("# Meetings: topic:air-defense\n")
    headings = [line for line in md.splitlines() if line.startswith("## ")]
    assert headings == [
        "## November 2024",
        "## December 2024",
        "## January 2025",
        "## June 2025",
        "## Date unknown",
    ]


def test_json_export_golden_and_schema_fields(db):
    doc = json.loads(to_json(details(db), query=""))
    check_golden("sample.json", json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    first = doc["meetings"][0]
    assert set(first) >= {
        "date",
        "format",
        "location",
        "participants",
        "countries",
        "organizations",
        "topics",
        "evidence",
        "sources",
    }
    assert first["participants"][0] == {
        "name": "Serhii Boiev",
        "role": "Defense Minister",
        "country": "UA",
        "organization": None,
    }
    assert first["sources"][0]["title"] == "Nordic talks"


def test_csv_export_golden(db):
    text = to_csv(details(db))
    check_golden("sample.csv", text)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5 and rows[1]["participants"] == "Sergiy Boyev; Jon Fredriksen"


HOSTILE_TITLE = "Talks [bold red]x[/] [@click=app.quit]q[/] \x1b]52;c;SGVsbG8=\x07 \x1b[31mred\u202e evil"
HOSTILE_NAME = "Eve [link=https://evil.example]Mallory[/link] *pwn* <script>x</script>"
HOSTILE_EVIDENCE = (
    '=HYPERLINK("http://evil") ](javascript:alert(1)) | \x9b31m \x00 \x1b]8;;http://x\x1b\\link'
)


@pytest.fixture
def hostile(store):
    art = make_article("h.txt", "hostile", title=HOSTILE_TITLE, url="javascript:alert(1)")
    m = meeting(
        "2024-05-01",
        [person(HOSTILE_NAME, role="=cmd|' /C calc'!A0", country="FR")],
        ["FR"],
        evidence=HOSTILE_EVIDENCE,
    )
    save(store, art, m)
    return store


def _assert_inert(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x9b", "\x00", "\u202e"):
        assert bad not in text


def test_markdown_escapes_hostile_text(hostile):
    md = to_markdown(details(hostile), today=dt.date(2026, 1, 2))
    _assert_inert(md)
    assert "<script>" not in md and "\\<script\\>" in md
    assert "[link=" not in md.replace("\\[link=", "")
    assert "](javascript" not in md.replace("\\](", "")  # no live link: the fake one is escaped
    assert "(<javascript" not in md  # and the source's javascript: URL is never linked
    assert "*pwn*" not in md and "\\*pwn\\*" in md


def test_json_strips_controls(hostile):
    raw = to_json(details(hostile))
    _assert_inert(raw)
    doc = json.loads(raw)
    assert doc["meetings"][0]["participants"][0]["name"] == HOSTILE_NAME  # markup kept literally, as text


def test_csv_defuses_formulas_and_controls(hostile):
    text = to_csv(details(hostile))
    _assert_inert(text)
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["evidence"].startswith("'=") and row["roles"].startswith("'=")


def test_md_escape_is_reversible_by_markdown():
    assert md_escape("a_b*c`d[e]f<g>h|i~j&k\\l") == "a\\_b\\*c\\`d\\[e\\]f\\<g\\>h\\|i\\~j\\&k\\\\l"


def test_cli_export_writes_each_format_and_list_shows_literal_text(hostile, tmp_path):
    runner = CliRunner()
    for fmt in ("md", "json", "csv"):
        out = tmp_path / f"brief.{fmt}"
        result = runner.invoke(app, ["export", "--output", str(out), "--db", hostile.url])
        assert result.exit_code == 0, result.output
        _assert_inert(out.read_text(encoding="utf-8"))
    listing = runner.invoke(app, ["list", "--db", hostile.url])
    assert listing.exit_code == 0
    _assert_inert(listing.output)
    [meeting_id] = [d.id for d in details(hostile)]
    shown = runner.invoke(app, ["show", str(meeting_id), "--db", hostile.url])
    _assert_inert(shown.output)
    assert "[@click=app.quit]" in shown.output  # shown literally, not interpreted
