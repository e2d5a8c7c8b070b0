"""Import benchmarks: throughput (--jobs 1/2), re-import of unchanged files, database size, peak RSS.

Every figure comes with its floor, measured in the same run on the same files:
- import: read the files and insert their texts into a bare SQLite table (one transaction);
- re-import: read the files and hash their bytes;
- size: that bare table's database file.
Each import runs in a fresh process (`child`), so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import time
from pathlib import Path

from benchmarks.common import (
    OUT,
    corpus,
    corpus_info,
    cpu_seconds,
    files_of,
    host_reference_ms,
    log,
    peak_rss_mb,
    run_child,
)


def floor_import(src: Path, db: Path) -> dict:
    """Read every file and insert its text into a bare table: the least any import can do."""
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE doc (id INTEGER PRIMARY KEY, source TEXT UNIQUE, text TEXT)")
    files = files_of(src)
    with conn:
        conn.executemany(
            "INSERT INTO doc (source, text) VALUES (?, ?)",
            ((str(f), f.read_bytes().decode("utf-8")) for f in files),
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    seconds = time.perf_counter() - started
    return {"articles": len(files), "seconds": seconds, "bytes": db.stat().st_size}


def floor_rehash(src: Path) -> dict:
    started = time.perf_counter()
    files = files_of(src)
    for f in files:
        hashlib.sha256(f.read_bytes()).hexdigest()
    return {"articles": len(files), "seconds": time.perf_counter() - started}


def text_words(src: Path) -> int:
    """Words per article in the text the extractor reads (what ingest keeps: no page furniture, headers
    or front matter), beside the corpus's count of every word in the files."""
    from meetview.ingest import load, parse

    files = files_of(src)
    words = sum(len(a.text.split()) for f in files for a in parse(load(str(f))))
    return words // max(1, len(files))


def sqlite_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def child(args: argparse.Namespace) -> None:
    """One import in this process: prints JSON with timings, counts and peak RSS."""
    if args.truth:
        from benchmarks.truth import install

        install(Path(args.truth))
    from meetview.importer import run_import
    from meetview.store import open_store

    store = open_store(args.db)
    cpu0 = cpu_seconds()
    started = time.perf_counter()
    report = run_import(store, [args.src], jobs=args.jobs)
    seconds = time.perf_counter() - started
    cpu = cpu_seconds() - cpu0
    own, kids = peak_rss_mb()
    store.close()
    print(
        json.dumps(
            {
                "seconds": seconds,
                "cpu_seconds": cpu,
                "imported": report.imported,
                "unchanged": report.unchanged,
                "skipped": len(report.skipped),
                "meetings": report.meetings,
                "sources": report.sources,
                "rss_main_mb": own,
                "rss_worker_mb": kids,
            }
        )
    )


def import_once(src: Path, db: Path, jobs: int, *, truth: bool = False, fresh: bool = True) -> dict:
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    args = ["child", "--db", str(db), "--src", str(src / "articles"), "--jobs", str(jobs)]
    if truth:
        args += ["--truth", str(src)]
    return run_child("benchmarks.bench_import", *args)


# Each import is run this many times and the median reported, with every run's rate beside it: the
# shared host's speed moves by a quarter between runs minutes apart.
IMPORT_RUNS = 3


def bench(n_articles: int = 2000, n_reimport: int = 10000, log_prefix: str = "") -> dict:
    """All import figures, as a dict of {name: {value, floor, unit, ...}}."""
    work = OUT / "import"
    work.mkdir(parents=True, exist_ok=True)
    src = corpus(articles=n_articles)
    info = corpus_info(src)
    info["text_words_per_article"] = text_words(src)
    out: dict = {"corpus": info}

    log(f"{log_prefix}import floor ({n_articles} articles) ...")
    floor = floor_import(src, work / "floor.db")
    floor_rate = floor["articles"] / floor["seconds"]

    for label, truth in (("extractor", False), ("truth", True)):
        for jobs in (1, 2):
            log(f"{log_prefix}import --jobs {jobs} ({label}) x{IMPORT_RUNS} ...")
            runs = []
            for _ in range(IMPORT_RUNS):
                reference = host_reference_ms()  # the host's speed just before this run
                r = import_once(src, work / f"import-{label}-j{jobs}.db", jobs, truth=truth)
                runs.append((r["imported"] / r["seconds"], reference, r))
            runs.sort(key=lambda run: run[0])
            rate, reference, r = runs[len(runs) // 2]  # the median run
            out[f"import_{label}_j{jobs}"] = {
                "value": rate,
                "runs": [round(run[0], 1) for run in runs],
                "cpu_per_article_ms": 1000 * r["cpu_seconds"] / max(1, r["imported"]),
                "reference_ms": reference,
                "floor": floor_rate,
                "unit": "articles/s",
                "run": r,
            }
            if jobs == 1:
                size = sqlite_size(work / f"import-{label}-j{jobs}.db")
                out[f"size_{label}"] = {
                    "value": size / r["imported"] * 1000 / 2**20,
                    "floor": floor["bytes"] / floor["articles"] * 1000 / 2**20,
                    "unit": "MB per 1,000 articles",
                }
            out[f"rss_{label}_j{jobs}"] = {
                "value": r["rss_main_mb"],
                "workers": r["rss_worker_mb"],
                "unit": "MB (main process)",
            }

    # Re-import of unchanged files (the hash check before parsing): on a store holding them already.
    big = corpus(articles=n_reimport)
    db = work / f"reimport-a{n_reimport}.db"
    if not db.exists():
        log(f"{log_prefix}loading {n_reimport} articles for the re-import run ...")
        import_once(big, db, 2, truth=True)
    hashed = floor_rehash(big)
    for jobs in (1, 2):
        log(f"{log_prefix}re-import unchanged --jobs {jobs} ...")
        r = import_once(big, db, jobs, fresh=False)
        assert r["imported"] == 0 and r["unchanged"] >= n_reimport, r
        out[f"reimport_j{jobs}"] = {
            "value": r["sources"] / r["seconds"],
            "floor": hashed["articles"] / hashed["seconds"],
            "unit": "articles/s",
            "run": r,
        }
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("child")
    c.add_argument("--db", required=True)
    c.add_argument("--src", required=True)
    c.add_argument("--jobs", type=int, default=1)
    c.add_argument("--truth")
    b = sub.add_parser("bench")
    b.add_argument("--articles", type=int, default=2000)
    b.add_argument("--reimport", type=int, default=10000)
    args = ap.parse_args(argv)
    if args.cmd == "child":
        child(args)
    else:
        print(json.dumps(bench(args.articles, args.reimport), indent=1))


if __name__ == "__main__":
    main()
