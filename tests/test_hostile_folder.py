"""Acceptance for hostile input: one folder mixing good articles with every kind of bad file.

The good ones are imported completely and with the right characters, each bad one is named in the
summary with its reason, nothing blocks or prints a traceback, and the database stays consistent.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from meetview.importer import run_import
from meetview.ingest import core
from meetview.store import open_store

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 2_000_000  # --max-size for the run: above the nested HTML (~1.1 MB), below big.txt

# name -> (bytes, words the stored article text must hold)
GOOD = {
    "talks.txt": (
        b"Ministers hold talks in Oslo\n\nThe foreign ministers of Norway and Ukraine met in Oslo on "
        b"3 March 2025 to discuss air defense and energy.\n",
        ["Oslo", "Ukraine"],
    ),
    "call.md": (
        b"# Leaders speak by phone\n\nThe presidents of France and Poland held a phone call on "
        b"4 March 2025 about energy security.\n",
        ["Poland"],
    ),
    "page.html": (
        b"<!doctype html><html><head><title>Visit to Tokyo</title></head><body><article>"
        b"<p>The Prime Minister of Japan received the President of Kenya in Tokyo on 5 March 2025. "
        b"They discussed trade.</p></article></body></html>",
        ["Kenya", "Tokyo"],
    ),
    "ru.txt": (
        "Переговоры в Москве\n\nМинистр иностранных дел России Сергей Лавров встретился с министром "
        "иностранных дел Китая Ван И в Москве. Стороны обсудили торговлю.\n".encode("cp1251"),
        ["Переговоры", "встретился", "Китая"],
    ),
    "fr.txt": (
        "Entretien à Genève\n\nLe ministre français des Affaires étrangères a rencontré son homologue "
        "suisse à Genève. Ils ont évoqué la sécurité énergétique et la coopération économique.\n".encode(
            "latin-1"
        ),
        ["Genève", "étrangères", "sécurité"],
    ),
    "de.txt": (
        "Gespräch in Berlin\n\nDie deutsche Außenministerin traf in Berlin ihren österreichischen "
        "Amtskollegen. Sie sprachen über Energie und Sicherheit.\n".encode("utf-16"),
        ["Gespräch", "Außenministerin", "österreichischen"],
    ),
    "stray-bytes.txt": (  # invalid UTF-8 bytes in English text: the words survive
        b"Talks in Oslo\n\nThe ministers of Norway and Ukraine met in Oslo. \xff\xfe Caf\xc3 talks.\n",
        ["Norway", "Ukraine"],
    ),
    "nested.html": (
        (
            "<html><head><title>Deep nesting</title></head><body>"
            + "<div>" * 100_000
            + "The foreign ministers of Italy and Spain met in Rome on 6 March 2025."
            + "</div>" * 100_000
            + "</body></html>"
        ).encode(),
        ["Italy", "Rome"],
    ),
}

# name -> a word the summary line's reason must hold
BAD = {
    "image.txt": "binary",
    "empty.md": "empty",
    "blank.txt": "whitespace",
    "big.txt": "too large",
    "broken-utf8.txt": "unknown text encoding",
    "feed.xml": "malformed feed",
    "pipe.txt": "named pipe",
    "dangling.txt": "broken symbolic link",
    "folder.txt": "folder",
}


def build_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, (data, _) in GOOD.items():
        (folder / name).write_bytes(data)
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16)
    (folder / "empty.md").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\t\r\n   \n")
    (folder / "big.txt").write_bytes(b"Ministers met in Oslo. " * (LIMIT // 20))
    # UTF-8 with every fourth byte torn out: no encoding reads it as text
    torn = ("Встреча министров в Москве. " * 100).encode()
    (folder / "broken-utf8.txt").write_bytes(b"".join(torn[i : i + 3] for i in range(0, len(torn), 4)))
    (folder / "feed.xml").write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>unclosed'
        b"<description><![CDATA[ never ends <<<<&&&&\x00\x01"
    )
    os.mkfifo(folder / "pipe.txt")
    (folder / "dangling.txt").symlink_to(folder / "gone-for-good.txt")
    (folder / "folder.txt").mkdir()
    return folder


def meetview(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), COLUMNS="250")
    cmd = [sys.executable, "-m", "meetview", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


def counts(db: Path) -> tuple:
    con = sqlite3.connect(db)
    try:
        return tuple(con.execute(f"select count(*) from {t}").fetchone()[0] for t in ("article", "meeting"))
    finally:
        con.close()


def skip_lines(output: str) -> dict[str, str]:
    lines = {}
    for line in output.splitlines():
        if line.startswith("skipped "):
            source, _, reason = line[len("skipped ") :].partition(": ")
            lines[Path(source).name] = reason
    return lines


def test_hostile_folder_imports_the_good_reports_the_bad_and_stays_consistent(tmp_path):
    folder = build_folder(tmp_path / "in")
    db = tmp_path / "m.db"
    # the FIFO has no writer: a reader that opened it would block, so the timeout is the assertion
    proc = meetview("import", str(folder), "--db", str(db), "--max-size", str(LIMIT))
    out = proc.stdout + proc.stderr
    assert proc.returncode == 1, out
    assert "Traceback" not in out
    assert f"{len(GOOD)} imported" in proc.stdout and f"{len(BAD)} skipped" in proc.stdout, out
    skipped = skip_lines(proc.stdout)
    assert set(skipped) == set(BAD), out
    for name, word in BAD.items():
        assert skipped[name].strip(), name
        assert word in skipped[name].lower(), (name, skipped[name])

    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    texts = {Path(src).name: text for src, text in con.execute("select source, clean_text from article")}
    con.close()
    assert set(texts) == set(GOOD)
    for name, (_, words) in GOOD.items():
        for word in words:
            assert word in texts[name], (name, word)
    before = counts(db)
    assert before[1] >= 2  # the English articles report meetings

    again = meetview("import", str(folder), "--db", str(db), "--max-size", str(LIMIT))
    assert again.returncode == 1 and "Traceback" not in again.stdout + again.stderr
    assert "0 imported, 0 updated" in again.stdout and f"{len(GOOD)} unchanged" in again.stdout
    assert counts(db) == before


def test_a_file_that_vanishes_or_cannot_be_read_mid_run_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (folder / name).write_bytes(GOOD["talks.txt"][0].replace(b"Oslo", name.encode()))
    locked = str(folder / "c.txt")
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):  # root reads past chmod 000: deny this one path
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(core.os, "open", guarded_open)

    def progress(done: int, total: int, source: str) -> None:
        if source.endswith("a.txt"):
            (folder / "b.txt").unlink()  # discovered already, gone before it is read

    store = open_store(str(tmp_path / "m.db"))
    try:
        report = run_import(store, [str(folder)], progress=progress)
    finally:
        store.close()
    reasons = {Path(s.source).name: s.reason for s in report.skipped}
    assert set(reasons) == {"b.txt", "c.txt"}
    assert "no such file" in reasons["b.txt"]
    assert "permission denied" in reasons["c.txt"]
    assert report.imported == 2 and not report.ok
    assert counts(tmp_path / "m.db")[0] == 2


@pytest.mark.parametrize("limit", [100, 10_000])
def test_the_size_limit_comes_from_the_environment(tmp_path, monkeypatch, limit):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 1000)
    monkeypatch.setenv(core.ENV_MAX_BYTES, str(limit))
    if limit < 1000:
        with pytest.raises(core.IngestError, match="too large"):
            core.load(str(path))
    else:
        assert len(core.load(str(path)).data) == 1000
