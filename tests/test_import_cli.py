"""`meetview import` and friends as a user meets them: idempotent, robust to bad files, --db / MEETVIEW_DB."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from meetview.cli import app
from meetview.config import seeds_dir

runner = CliRunner()

GOOD = [
    (
        "talks.txt",
        "Ministers hold talks\n\nThe foreign ministers of Norway and Ukraine met in Oslo on "
        "Monday to discuss air defense.\n",
    ),
    (
        "call.md",
        "# Leaders speak by phone\n\nThe presidents of France and Poland held a phone call on "
        "energy security.\n",
    ),
    ("visit.txt", "Visit to Kyiv\n\nThe Japanese ambassador met the deputy head of the office.\n"),
]


def write_corpus(folder: Path, bad: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in GOOD:
        (folder / name).write_text(text, encoding="utf-8")
    if bad:
        (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        (folder / "empty.md").write_bytes(b"")
    return folder


def invoke(*args: str, env: dict | None = None):
    return runner.invoke(app, list(args), env=env, catch_exceptions=False)


def stats_of(db: Path) -> str:
    result = invoke("stats", "--db", str(db))
    assert result.exit_code == 0, result.output
    return result.output


def test_import_twice_gives_identical_stats_and_a_sound_database(tmp_path):
    db = tmp_path / "m.db"
    first = invoke("import", str(seeds_dir()), "--db", str(db))
    assert first.exit_code == 0, first.output
    assert "5 imported" in first.output
    once = stats_of(db)
    second = invoke("import", str(seeds_dir()), "--db", str(db))
    assert second.exit_code == 0
    assert "0 imported, 0 updated, 5 unchanged, 0 skipped" in second.output
    assert stats_of(db) == once
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("select count(*) from alembic_version").fetchone() == (1,)


def test_changed_file_updates_its_record(tmp_path):
    folder = write_corpus(tmp_path / "in")
    db = tmp_path / "m.db"
    assert invoke("import", str(folder), "--db", str(db)).exit_code == 0
    (folder / "talks.txt").write_text(
        "Ministers hold talks\n\nThe defense ministers of Norway and Ukraine met in Bergen on Monday.\n",
        encoding="utf-8",
    )
    result = invoke("import", str(folder), "--db", str(db))
    assert "0 imported, 1 updated, 2 unchanged" in result.output
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from article").fetchone() == (3,)
    [text] = con.execute("select clean_text from article where source like '%talks.txt'").fetchone()
    assert "Bergen" in text


def test_bad_files_are_reported_and_skipped_and_the_rest_imported(tmp_path):
    folder = write_corpus(tmp_path / "in", bad=True)
    db = tmp_path / "m.db"
    result = invoke("import", str(folder), str(tmp_path / "missing.txt"), "--db", str(db))
    assert result.exit_code == 1
    assert "3 imported" in result.output and "3 skipped" in result.output
    for name in ("image.txt", "empty.md", "missing.txt"):
        assert name in result.output
    assert "Traceback" not in result.output
    con = sqlite3.connect(db)
    assert con.execute("select count(*) from article").fetchone() == (3,)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_glob_and_single_file_inputs(tmp_path):
    folder = write_corpus(tmp_path / "in")
    db = tmp_path / "m.db"
    result = invoke("import", str(folder / "*.txt"), str(folder / "call.md"), "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "3 imported" in result.output


def test_meetview_db_environment_variable_and_db_option(tmp_path):
    folder = write_corpus(tmp_path / "in")
    env_db, opt_db = tmp_path / "env.db", tmp_path / "opt.db"
    assert invoke("import", str(folder / "talks.txt"), env={"MEETVIEW_DB": str(env_db)}).exit_code == 0
    assert env_db.exists() and not opt_db.exists()
    # --db wins over the environment
    assert (
        invoke(
            "import", str(folder / "call.md"), "--db", str(opt_db), env={"MEETVIEW_DB": str(env_db)}
        ).exit_code
        == 0
    )
    count = lambda p: sqlite3.connect(p).execute("select count(*) from article").fetchone()[0]  # noqa: E731
    assert (count(env_db), count(opt_db)) == (1, 1)
    # a SQLAlchemy URL is used as given
    url_db = tmp_path / "url.db"
    assert invoke("import", str(folder / "visit.txt"), "--db", f"sqlite:///{url_db}").exit_code == 0
    assert count(url_db) == 1


def test_db_before_the_command_names_the_database_the_command_uses(tmp_path):
    """`meetview --db X import ...` (the option as `meetview --help` lists it) imports into X, not into the
    default database; a command's own --db wins over it, and the next run does not inherit it."""
    from meetview.config import default_db_path

    folder = write_corpus(tmp_path / "in")
    team, other = tmp_path / "team.db", tmp_path / "other.db"
    count = lambda p: sqlite3.connect(p).execute("select count(*) from article").fetchone()[0]  # noqa: E731
    assert invoke("--db", str(team), "import", str(folder / "talks.txt")).exit_code == 0
    assert count(team) == 1 and not default_db_path().exists()
    result = invoke("--db", str(team), "stats")
    assert result.exit_code == 0 and str(team) in result.output
    assert invoke("--db", str(team), "import", str(folder / "call.md"), "--db", str(other)).exit_code == 0
    assert (count(team), count(other)) == (1, 1)
    assert invoke("import", str(folder / "visit.txt")).exit_code == 0  # no --db: the default again
    assert count(default_db_path()) == 1 and (count(team), count(other)) == (1, 1)


def test_import_uses_the_cpus_available_unless_told(tmp_path, monkeypatch):
    """Without --jobs an import runs one worker per CPU this process may use, at most four (the one
    writer sets the pace beyond that); --jobs N is taken as given."""
    import os

    from meetview import importer

    seen = []
    real = importer.run_import

    def spy(store, paths, *, jobs=1, **kwargs):
        seen.append(jobs)
        return real(store, paths, jobs=jobs, **kwargs)

    monkeypatch.setattr(importer, "run_import", spy)
    folder = write_corpus(tmp_path / "in")
    for cpus, given, expected in [(8, None, 4), (1, None, 1), (3, None, 3), (8, "2", 2)]:
        monkeypatch.setattr(os, "sched_getaffinity", lambda pid, n=cpus: set(range(n)), raising=False)
        monkeypatch.setattr(os, "cpu_count", lambda n=cpus: n)
        db = tmp_path / f"{cpus}-{given}.db"
        result = invoke("import", str(folder), "--db", str(db), *(["--jobs", given] if given else []))
        assert result.exit_code == 0 and "3 imported" in result.output, result.output
        assert seen.pop() == expected


def test_first_run_imports_the_seeds_into_the_default_database(isolated_env):
    from meetview.config import default_db_path

    result = invoke("--help")
    assert result.exit_code == 0
    path = default_db_path()
    assert str(isolated_env) in str(path) and not path.exists()
    result = invoke("stats")  # stats alone never imports
    assert "articles" in result.output
    assert sqlite3.connect(path).execute("select count(*) from article").fetchone() == (0,)
    path.unlink()
    from meetview.importer import first_run_import
    from meetview.store import open_store

    store = open_store(None)
    report = first_run_import(store)
    assert report is not None and report.imported == len(list(seeds_dir().glob("*.txt")))
    assert first_run_import(store) is None  # only when empty


def test_db_current_and_upgrade(tmp_path):
    db = tmp_path / "m.db"
    result = invoke("db", "upgrade", "--db", str(db))
    from meetview.store.db import head_revision

    assert result.exit_code == 0 and f"-> {head_revision()}" in result.output
    result = invoke("db", "current", "--db", str(db))
    assert "up to date" in result.output


@pytest.mark.slow
def test_console_script_exit_status_in_a_real_process(tmp_path):
    folder = write_corpus(tmp_path / "in", bad=True)
    cmd = [sys.executable, "-m", "meetview", "import", str(folder), "--db", str(tmp_path / "m.db")]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "image.txt" in proc.stdout
