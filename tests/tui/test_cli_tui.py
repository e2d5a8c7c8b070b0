"""The CLI side of the app: plain `meetview` opens it, `meetview screenshots`; no Textual in the core."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from meetview.cli import app

runner = CliRunner()


def test_core_commands_never_import_textual(db_path):
    code = f"""
import sys
from typer.testing import CliRunner
from meetview.cli import app
import meetview.importer, meetview.query, meetview.export
r = CliRunner().invoke(app, ["list", "--db", {str(db_path)!r}])
assert r.exit_code == 0, r.output
r = CliRunner().invoke(app, ["--db", {str(db_path)!r}])  # no terminal: prints the summary
assert r.exit_code == 0 and "Counts" in r.output, r.output
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "textual_fastdatatable", "pyarrow"))
assert not loaded, loaded
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stdout + proc.stderr


def test_plain_meetview_opens_the_app_in_a_terminal(db, monkeypatch):
    opened = []
    monkeypatch.setattr("meetview.tui.run", lambda store: opened.append(store.url))
    monkeypatch.setattr("meetview.cli._is_terminal", lambda: True)
    result = runner.invoke(app, ["--db", db.url])
    assert result.exit_code == 0, result.output
    assert opened == [db.url]


def test_screenshots_command_writes_four_svgs(tmp_path):
    out = tmp_path / "shots"
    result = runner.invoke(app, ["screenshots", "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.glob("*.svg"))
    assert names == ["filtered.svg", "help.svg", "main.svg", "person-view.svg"]
    main = (out / "main.svg").read_text("utf-8")
    assert main.startswith("<svg") and "meetview" in main
    assert "Timeline" in main.replace("&#160;", " ")
