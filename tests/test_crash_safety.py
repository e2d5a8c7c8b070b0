"""kill -9 during an import leaves a sound database with no half-written article; re-running completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from factories import write_articles

from meetview.importer import run_import
from meetview.store import open_store
from meetview.store.writer import table_counts


def _articles(db) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        return con.execute("select count(*) from article").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_kill_9_mid_import_then_resume(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(folder, 1000, seed=3)
    db = tmp_path / "killed.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "meetview", "import", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while _articles(db) < 50 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, "the import finished before it could be killed; use more articles"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    written = con.execute("select count(*) from article").fetchone()[0]
    assert 0 < written < 1000
    # no half-written article: every article is recorded with its source, every source with its articles,
    # and every meeting has the sources it was built from
    orphans = con.execute(
        "select count(*) from article a left join import_source s on s.location = a.origin "
        "where s.location is null"
    ).fetchone()[0]
    mismatched = con.execute(
        "select count(*) from import_source s where s.articles != "
        "(select count(*) from article a where a.origin = s.location)"
    ).fetchone()[0]
    sourceless = con.execute(
        "select count(*) from meeting m where not exists "
        "(select 1 from meeting_source ms where ms.meeting_id = m.id)"
    ).fetchone()[0]
    assert (orphans, mismatched, sourceless) == (0, 0, 0)
    con.close()

    resumed = run_import(open_store(str(db)), [str(folder)])
    assert resumed.ok and resumed.imported == 1000 - written and resumed.unchanged == written
    clean = open_store(str(tmp_path / "clean.db"))
    run_import(clean, [str(folder)])
    with open_store(str(db)).session() as a, clean.session() as b:
        assert table_counts(a) == table_counts(b)
