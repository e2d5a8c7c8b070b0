"""Run every scale benchmark and print the figures beside their floors (and the bars of issue #6).

    python -m benchmarks.run            # SQLite: import, re-import, size, RSS, queries at 10k and 100k
    python -m benchmarks.run --pg URL   # ... and the same queries on PostgreSQL at 10k
    python -m benchmarks.run --quick    # small sizes, a minute or two (a smoke run)
    python -m benchmarks.run --write    # also write benchmarks/RESULTS.md and out/results.json

`MEETVIEW_TEST_PG_URL` is used when --pg is not given. Corpora and databases are generated once
and cached in benchmarks/out/ (delete it to start over). The machine should be otherwise idle:
the load average at the start and the end is printed with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from benchmarks import bench_import, bench_query
from benchmarks.common import OUT, ROOT, host_reference_ms, log, machine

BARS = {
    "import_extractor_j2": ("≥ 200 articles/s", lambda v: v >= 200),
    "reimport_j1": ("≥ 2,000 articles/s", lambda v: v >= 2000),
    "reimport_j2": ("≥ 2,000 articles/s", lambda v: v >= 2000),
}


def _f(x: float, digits: int = 0) -> str:
    return f"{x:,.{digits}f}"


def import_rows(r: dict) -> list[list[str]]:
    c = r["corpus"]
    rows = []
    names = {
        "import_extractor_j1": "import --jobs 1 (ingest + extractor + store)",
        "import_extractor_j2": "import --jobs 2 (ingest + extractor + store)",
        "import_truth_j1": "import --jobs 1, store only (truth extractions)",
        "import_truth_j2": "import --jobs 2, store only (truth extractions)",
        "reimport_j1": "re-import of 10,000 unchanged, --jobs 1",
        "reimport_j2": "re-import of 10,000 unchanged, --jobs 2",
    }
    for key, label in names.items():
        v = r[key]
        bar, ok = BARS.get(key, ("", None))
        floor = "read + hash" if key.startswith("reimport") else "read + bare insert"
        extra = f" ({_f(v['cpu_per_article_ms'], 1)} ms CPU/article" if "cpu_per_article_ms" in v else ""
        if extra:
            extra += f"; host {_f(v['reference_ms'], 1)} ms)" if "reference_ms" in v else ")"
        if len(v.get("runs", ())) > 1:
            extra += f"; median of {' / '.join(_f(x) for x in v['runs'])}"
        verdict = "" if ok is None else (" ✅" if ok(v["value"]) else " ❌")
        rows.append(
            [label, f"{_f(v['value'])} articles/s{extra}", f"{_f(v['floor'])} ({floor})", bar + verdict]
        )
    for key, label in (
        ("size_extractor", "database size (extractor)"),
        ("size_truth", "database size (truth)"),
    ):
        v = r[key]
        rows.append(
            [label, f"{_f(v['value'], 1)} MB / 1,000 articles", f"{_f(v['floor'], 1)} (bare table)", ""]
        )
    for key, label in (("rss_extractor_j1", "--jobs 1"), ("rss_extractor_j2", "--jobs 2")):
        v = r[key]
        workers = f", workers {_f(v['workers'])} MB each at most" if v["workers"] else ""
        rows.append([f"peak RSS of import {label}", f"{_f(v['value'])} MB main{workers}", "", ""])
    words = f"~{c['words_per_article']} words each"
    if "text_words_per_article" in c:
        words += f" (~{c['text_words_per_article']} in the article text ingest keeps)"
    rows.append(["(corpus)", f"{c['articles']:,} articles, {words}", "", ""])
    return rows


def query_rows(name: str, r: dict, bar: bool) -> list[list[str]]:
    """The SQL path (what the CLI runs) and the in-memory index (what the app runs) beside the floor;
    the bar applies to the app's path."""
    rows = []
    f, t = r["filters"], r["fulltext"]

    def cell(d: dict) -> str:
        return f"{_f(d['median'], 1)} / {_f(d['p95'], 1)}"

    def verdict(d: dict) -> str:
        return ("p95 < 100 ms" + (" ✅" if d["p95"] < 100 else " ❌")) if bar else ""

    if "index" in r:
        i = r["index"]
        rows.append(
            [
                f"{name}: index load (once per data version, in the app's background)",
                f"{_f(i['seconds'], 2)} s (CPU {_f(i['cpu_seconds'], 2)} s), +{_f(i['rss_mb'])} MB RSS",
                "",
                "",
            ]
        )
    rows.append([f"{name}: list (200 rows + total), SQL", cell(f["list"]), cell(f["floor_list"]), ""])
    rows.append([f"{name}: facets (5 facets + total), SQL", cell(f["facets"]), cell(f["floor_facets"]), ""])
    rows.append(
        [f"{name}: filter + facets, SQL (CLI)", cell(f["list+facets"]), cell(f["floor_list+facets"]), ""]
    )
    if "index_list+facets" in f:
        rows.append([f"{name}: list, index", cell(f["index_list"]), "", ""])
        rows.append([f"{name}: facets, index", cell(f["index_facets"]), "", ""])
        rows.append(
            [
                f"{name}: filter + facets, index (app)",
                cell(f["index_list+facets"]),
                cell(f["floor_list+facets"]),
                verdict(f["index_list+facets"]),
            ]
        )
    if name.startswith("sqlite"):
        rows.append(
            [
                f"{name}: filter + facets, CPU ms, SQL",
                cell(f["cpu_list+facets"]),
                cell(f["cpu_floor_list+facets"]),
                "",
            ]
        )
        if "cpu_index_list+facets" in f:
            rows.append([f"{name}: filter + facets, CPU ms, index", cell(f["cpu_index_list+facets"]), "", ""])
    rows.append(
        [f"{name}: full text, list + facets, SQL", cell(t["list+facets"]), cell(t["floor_list+facets"]), ""]
    )
    if "index_list+facets" in t:
        rows.append(
            [
                f"{name}: full text, list + facets, index",
                cell(t["index_list+facets"]),
                cell(t["floor_list+facets"]),
                "",
            ]
        )
    for prefix, label in (("", "SQL"), ("index_", "index")):
        key = prefix + "slowest_filter"
        if key in f:
            rows.append(
                [
                    f"{name}: slowest filter, {label}",
                    f"`{f[key]['query'] or '(none)'}` {_f(f[key]['list_plus_facets_median'], 1)}",
                    "",
                    "",
                ]
            )
    return rows


def table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def tui_figures() -> str | None:
    """The TUI helper's benchmark, when it is in the tree: its own output, as it prints it."""
    if not (ROOT / "benchmarks" / "bench_tui.py").exists():
        return None
    log("TUI (benchmarks/bench_tui.py) ...")
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_tui"], cwd=ROOT, capture_output=True, text=True
    )
    return (proc.stdout + ("" if proc.returncode == 0 else f"\n(failed: {proc.stderr[-500:]})")).strip()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="meetview scale benchmarks")
    ap.add_argument("--pg", default=os.environ.get("MEETVIEW_TEST_PG_URL"), help="PostgreSQL server URL")
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    ap.add_argument("--no-100k", action="store_true", help="skip the 100k-meeting SQLite database")
    ap.add_argument("--pg-100k", action="store_true", help="also PostgreSQL at 100k meetings")
    ap.add_argument("--no-tui", action="store_true")
    ap.add_argument("--write", action="store_true", help="write benchmarks/RESULTS.md and out/results.json")
    args = ap.parse_args(argv)

    started = time.perf_counter()
    info = machine()
    results: dict = {"machine": info}
    n_articles, n_reimport = (300, 1000) if args.quick else (2000, 10000)
    small, large = (1000, 3000) if args.quick else (10000, 100000)

    results["import"] = bench_import.bench(n_articles, n_reimport)
    results["queries"] = {}
    sizes = [small] if args.no_100k else [small, large]
    for size in sizes:
        log(f"queries, SQLite, {size:,} meetings ...")
        url, _ = bench_query.sqlite_db(size)
        results["queries"][f"sqlite-{size}"] = bench_query.bench(url)
    if args.pg:
        for size in [small, large] if args.pg_100k else [small]:
            log(f"queries, PostgreSQL, {size:,} meetings ...")
            url, _ = bench_query.pg_db(args.pg, size)
            results["queries"][f"postgresql-{size}"] = bench_query.bench(url)
    tui = None if args.no_tui else tui_figures()
    results["tui"] = tui
    info["load_1min_end"] = round(os.getloadavg()[0], 2)
    info["reference_ms_end"] = host_reference_ms()
    info["minutes"] = round((time.perf_counter() - started) / 60, 1)

    text = report(results, large)
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, indent=1, default=str))
    if args.write:
        path = ROOT / "benchmarks" / "RESULTS.md"
        path.write_text(with_history(text, path.read_text("utf-8") if path.exists() else ""))


HISTORY = "\n## Import measured again"  # hand-written sections under the tables: kept by --write


def with_history(text: str, old: str) -> str:
    """The new report followed by the earlier file's "measured again" sections, newest first."""
    at = old.find(HISTORY)
    return text.rstrip("\n") + "\n" + (old[at:].rstrip("\n") + "\n" if at >= 0 else "")


def report(results: dict, large: int) -> str:
    m = results["machine"]
    parts = [
        "# Scale benchmark results",
        "",
        "Made by `python -m benchmarks.run --write` (see docs/scale.md). Every figure sits beside its "
        "floor, measured in the same run on the same data: for imports, reading the same files and "
        "inserting their text into a bare SQLite table (or only hashing them, for re-imports); for "
        "queries, the same filter as hand-written SQL on a bare DBAPI connection over the same indexes.",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_mb']:,} MB; {m['os']}; Python {m['python']} "
        f"({m.get('python_path', '?')}), "
        f"SQLite {m['sqlite']}, SQLAlchemy {m['sqlalchemy']}; commit {m['commit']}; "
        f"load average {m['load_1min']} at the start, {m.get('load_1min_end', '?')} at the end "
        f"({m.get('minutes', '?')} min). Host speed: a fixed pure-Python workload took "
        f"{m.get('reference_ms', '?')} ms of CPU at the start and {m.get('reference_ms_end', '?')} ms "
        "at the end "
        "(`host` beside an import: just before it); this shared host's speed moves by a quarter within "
        "an hour, so compare figures from different runs through it.",
        "",
        "## Import",
        "",
        table(["figure", "value", "floor", "bar"], import_rows(results["import"])),
        "",
        "## Queries",
        "",
        "Milliseconds, median / p95 over "
        f"{len(bench_query.FILTERS)} filters (and {len(bench_query.TEXT_FILTERS)} full-text ones) x "
        f"{bench_query.REPS} runs each; a session per call, as the app makes. *SQL* is the query "
        "engine (what the CLI runs); *index* is the in-memory index the app keeps (docs/index.md), "
        "each call cold (the index's remembered masks dropped first); the bar applies to the app's path.",
        "",
    ]
    rows = []
    for name, r in results["queries"].items():
        label = f"{name.split('-')[0]} {int(name.split('-')[1]):,} ({r['meetings']:,} meetings)"
        rows += query_rows(label, r, bar=name == f"sqlite-{large}")
    parts.append(table(["figure", "engine", "floor", "bar"], rows))
    if results.get("tui"):
        parts += ["", "## Terminal app (benchmarks/bench_tui.py)", "", "```", results["tui"], "```"]
    return "\n".join(parts)


if __name__ == "__main__":
    main()
