"""End to end: a hostile article imported for real, then every CLI view and export of it is inert.

tests/test_export.py and tests/tui/test_hostile.py cover hand-made records; this one goes through the
real importer in a subprocess, so every layer in between (ingest, extract, store, query) is on the path.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_article import QUIT, RAW, write_hostile_article

ROOT = Path(__file__).resolve().parents[1]


def meetview(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), COLUMNS="400")
    cmd = [sys.executable, "-m", "meetview", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)
    assert "Traceback" not in proc.stdout + proc.stderr
    return proc


def assert_inert(text: str) -> None:
    for bad in RAW:
        assert bad not in text, repr(bad)
    assert "ZXZpbA==" not in text  # the OSC 52 payload is dropped with its sequence


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    db = tmp / "m.db"
    proc = meetview("import", str(write_hostile_article(tmp)), "--db", str(db))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "1 imported" in proc.stdout
    return tmp, db


def test_list_show_and_stats_print_no_escape_and_show_markup_literally(imported):
    _, db = imported
    listing = meetview("list", "--db", str(db))
    assert listing.returncode == 0 and "2025-03-03" in listing.stdout
    shown = meetview("show", "1", "--db", str(db))
    assert shown.returncode == 0
    stats = meetview("stats", "--db", str(db))
    assert stats.returncode == 0
    for out in (listing, shown, stats):
        assert_inert(out.stdout + out.stderr)
    assert f"Talks {QUIT}quit [bold]loud[/bold]" in shown.stdout  # markup shown, not applied
    assert "in Oslo [/" in shown.stdout
    assert "[link=https://evil.example]Daily[/link]" in shown.stdout


def test_exports_are_inert_and_the_markdown_cannot_be_broken(imported):
    tmp, db = imported
    outputs = {}
    for fmt in ("md", "json", "csv"):
        path = tmp / f"brief.{fmt}"
        proc = meetview("export", "--format", fmt, "--output", str(path), "--db", str(db))
        assert proc.returncode == 0, proc.stdout + proc.stderr
        outputs[fmt] = path.read_text(encoding="utf-8")
        assert_inert(outputs[fmt])
    md = outputs["md"]
    assert "\\[@click=app.quit\\]quit \\[bold\\]loud\\[/bold\\]" in md  # escaped, so it renders literally
    assert "](https://evil" not in md and "[link=" not in md.replace("\\[link=", "")
    assert len([line for line in md.splitlines() if line.startswith("#")]) == 3  # title, month, meeting
    doc = json.loads(outputs["json"])
    [source] = doc["meetings"][0]["sources"]
    assert source["title"] == "Talks [@click=app.quit]quit [bold]loud[/bold] in Oslo [/"
    [row] = list(csv.DictReader(io.StringIO(outputs["csv"])))
    assert row["date"] == "2025-03-03" and "Norway" in row["evidence"]


def test_extract_json_of_a_hostile_article_is_inert(tmp_path):
    proc = meetview("extract", "--json", str(write_hostile_article(tmp_path)))
    assert proc.returncode == 0, proc.stderr
    assert_inert(proc.stdout)
    [record] = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert record["title"].startswith(f"Talks {QUIT}quit")
    assert record["meetings"][0]["date"] == "2025-03-03"


def test_extract_json_writes_controls_as_escapes(tmp_path, monkeypatch):
    """Should a raw control ever reach a record, `extract --json` prints it as a \\u escape."""
    from typer.testing import CliRunner

    import meetview.extract
    from meetview.cli import app

    class Record:
        def to_json(self):
            return {"title": "a\x9b31m\u202eb\u2028c\x85d"}

    monkeypatch.setattr(meetview.extract, "extract", lambda article: Record())
    path = tmp_path / "a.txt"
    path.write_text("Some text about talks.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--json", str(path)])
    assert result.exit_code == 0, result.output
    assert_inert(result.stdout)
    assert "\u2028" not in result.stdout and "\x85" not in result.stdout
    assert "\\u009b" in result.stdout and "\\u202e" in result.stdout
    assert json.loads(result.stdout)["title"] == "a\x9b31m\u202eb\u2028c\x85d"  # the value is kept


def test_the_stored_article_and_records_are_inert(imported):
    """The importer's articles come from ingest, which cleans them: the database holds no raw escape."""
    import sqlite3

    _, db = imported
    conn = sqlite3.connect(db)
    try:
        article = conn.execute(
            "SELECT source, url, title, outlet, published, original_text, clean_text FROM article"
        ).fetchone()
        records = [r[0] for r in conn.execute("SELECT record FROM meeting_source")]
    finally:
        conn.close()
    assert "Espen Barth Eide" in article[6]  # the article's text is there, cleaned
    for value in (*article, *records):
        if value:
            assert_inert(value)
