"""Parallel import writes exactly what a serial one does; concurrent importers leave no duplicates."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest
from factories import write_articles
from sqlalchemy import text

from meetview.importer import run_import
from meetview.store import open_store
from meetview.store.writer import table_counts

VOLATILE = {"imported_at", "updated_at", "created_at"}
TABLES = [
    "article",
    "import_source",
    "meeting",
    "person",
    "person_alias",
    "participant",
    "country",
    "meeting_country",
    "organization",
    "meeting_organization",
    "topic",
    "meeting_topic",
    "meeting_source",
]


def dump(store, root) -> dict:
    out = {}
    with store.engine.connect() as conn:
        for table in TABLES:
            result = conn.execute(text(f"SELECT * FROM {table}"))
            cols = [c for c in result.keys() if c not in VOLATILE]  # noqa: SIM118 (a Result, not a dict)
            rows = [tuple(str(r._mapping[c]).replace(str(root), "ROOT") for c in cols) for r in result]
            out[table] = sorted(rows)
    return out


def test_jobs_2_gives_the_same_database_as_serial(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(folder, 60)
    serial, parallel = open_store(str(tmp_path / "s.db")), open_store(str(tmp_path / "p.db"))
    r1 = run_import(serial, [str(folder)], jobs=1)
    r2 = run_import(parallel, [str(folder)], jobs=2)
    assert (r1.imported, r2.imported) == (60, 60) and r1.ok and r2.ok
    assert dump(serial, folder) == dump(parallel, folder)
    assert dump(serial, folder)["meeting"]  # the comparison is not vacuous


@pytest.mark.postgres
def test_two_importers_at_once_on_postgresql_leave_no_duplicates(tmp_path, pg_url):
    folder = tmp_path / "corpus"
    write_articles(folder, 80, seed=7)
    cmd = [sys.executable, "-m", "meetview", "import", str(folder), "--db", pg_url]
    procs = [
        subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)
    ]
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    store = open_store(pg_url)
    with store.session() as s:
        counts = table_counts(s)
        dup_people = s.execute(
            text("SELECT count(*) FROM (SELECT name FROM person GROUP BY name HAVING count(*) > 1) d")
        ).scalar_one()
    assert counts["articles"] == 80 and counts["import sources"] == 80
    assert counts["people"] > 0 and dup_people == 0
    single = open_store(str(tmp_path / "single.db"))
    run_import(single, [str(folder)])
    with single.session() as s:
        assert table_counts(s) == counts


def test_a_parallel_re_import_of_a_partly_changed_folder_matches_a_serial_one(tmp_path):
    """Unchanged files are answered before any worker sees them; changed, new and broken ones still go
    to the workers: the reports and databases of --jobs 1 and --jobs 2 agree."""
    folder = tmp_path / "corpus"
    paths = write_articles(folder, 70, seed=3)
    stores = {jobs: open_store(str(tmp_path / f"j{jobs}.db")) for jobs in (1, 2)}
    for store in stores.values():
        assert run_import(store, [str(folder)]).imported == 70
    for p in paths[5:12]:  # changed
        p.write_text(
            p.read_text() + "\nForeign Minister Anna Berg met Kenyan counterpart Musalia Mudavadi.\n"
        )
    paths[20].write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)  # now binary
    write_articles(tmp_path / "more", 3, seed=11)[0].rename(folder / "zz-new.txt")  # new
    reports = {jobs: run_import(store, [str(folder)], jobs=jobs) for jobs, store in stores.items()}
    summary = {
        j: (r.imported, r.updated, r.unchanged, [s.source for s in r.skipped]) for j, r in reports.items()
    }
    assert summary[1] == summary[2]
    imported, updated, unchanged, skipped = summary[2]
    assert (imported, updated, unchanged) == (1, 7, 62) and skipped == [str(paths[20])]
    assert dump(stores[1], folder) == dump(stores[2], folder)


needs_fork = pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="the workers must inherit the test's patch"
)


def _dying_on(monkeypatch, name: str, marker=None) -> None:
    """Workers preparing `name` die on the spot (SIGKILL: no exception, no clean-up), every time, or
    only the first time when `marker` is given (a worker killed from outside, once)."""
    from meetview import importer

    real, parent = importer.prepare, os.getpid()

    def prepare(source, *args, **kwargs):
        if os.getpid() != parent and source.endswith(name) and (marker is None or not marker.exists()):
            if marker is not None:
                marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(source, *args, **kwargs)

    monkeypatch.setattr(importer, "prepare", prepare)


@needs_fork
def test_a_worker_that_dies_on_a_source_costs_that_source_alone(tmp_path, monkeypatch):
    """The chunks in flight die with the worker; their sources are prepared again one at a time, so
    the import goes on: the source that kills a worker is reported and skipped, nothing else is lost."""
    from meetview.importer import WORKER_DIED

    folder = tmp_path / "corpus"
    paths = write_articles(folder, 60, seed=5)
    poison = paths[17].with_name("poison.txt")
    paths[17].rename(poison)
    good = tmp_path / "good"
    write_articles(good, 60, seed=5)
    (good / paths[17].name).unlink()
    serial = open_store(str(tmp_path / "s.db"))
    assert run_import(serial, [str(good)]).imported == 59

    _dying_on(monkeypatch, "poison.txt")
    parallel = open_store(str(tmp_path / "p.db"))
    report = run_import(parallel, [str(folder)], jobs=2)
    assert report.imported == 59
    assert [(s.source, s.reason) for s in report.skipped] == [(str(poison), WORKER_DIED)]
    assert dump(serial, good) == dump(parallel, folder)
    # the next run tries it again (it was not recorded as imported), and a worker dies of it again
    again = run_import(parallel, [str(folder)], jobs=2)
    assert (again.unchanged, [s.source for s in again.skipped]) == (59, [str(poison)])


@needs_fork
def test_a_worker_killed_once_loses_nothing(tmp_path, monkeypatch):
    folder = tmp_path / "corpus"
    paths = write_articles(folder, 60, seed=6)
    _dying_on(monkeypatch, paths[30].name, marker=tmp_path / "killed-once")
    parallel = open_store(str(tmp_path / "p.db"))
    report = run_import(parallel, [str(folder)], jobs=2)
    assert (tmp_path / "killed-once").exists()  # a worker did die
    assert report.imported == 60 and report.ok
    serial = open_store(str(tmp_path / "s.db"))
    run_import(serial, [str(folder)])
    assert dump(serial, folder) == dump(parallel, folder)


_SLOW_IMPORT = """
import os, sys, time
from meetview import importer
from meetview.store import open_store

def chunk(sources):  # every worker writes its pid, then works for a minute
    with open(sys.argv[3], "a") as f:
        f.write(f"{os.getpid()}\\n")
    time.sleep(60)

importer._prepare_chunk = chunk
importer.run_import(open_store(sys.argv[1]), [sys.argv[2]], jobs=2)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


@needs_fork
@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads process states from /proc")
def test_workers_exit_when_the_importer_is_killed(tmp_path):
    """An importer killed outright (SIGKILL, the out-of-memory killer) leaves no worker waiting forever."""
    folder = tmp_path / "corpus"
    write_articles(folder, 20)
    script, pids = tmp_path / "slow_import.py", tmp_path / "pids"
    script.write_text(_SLOW_IMPORT)
    proc = subprocess.Popen([sys.executable, str(script), str(tmp_path / "m.db"), str(folder), str(pids)])
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = {int(p) for p in pids.read_text().split()} if pids.exists() else set()
        assert len(workers) == 2 and all(_running(p) for p in workers)
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 15
    while any(_running(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if _running(p)]
