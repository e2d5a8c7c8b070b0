"""Benchmark the real app (Pilot, headless, 220x55) on a synthetic database of N meetings.

    python benchmarks/bench_tui.py              # 100,000 meetings (built and cached on first use)
    python benchmarks/bench_tui.py --n 20000 --rounds 3

Prints the first-screen time (app created -> meetings table painted, and -> facets and timeline
painted too), the time the app takes to build its in-memory index after the first screen, the
filter-to-table latency for a set of typical queries (median and p95, measured inside the app from
the moment the query is set to the `call_after_refresh` after the new table is shown: Pilot's own
key-press time is not counted), and the process's peak RSS.

The queries run through the index once it is built (`--sql`: never build it, the SQL path), each
one cold: the index's remembered masks are dropped before every query, so a query repeated in a
later round costs what it cost the first time.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

QUERIES = [
    "country:NO",
    "country:UA topic:air-defense",
    "topic:drones",
    "format:video",
    "person:lund",
    "after:2024-01 before:2024-06",
    "ministers",
    "country:DE,FR -format:phone",
    "org:nato",
    "date:2023",
    "",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


async def run(db: Path, rounds: int, sql: bool = False) -> dict:
    from meetview.store import open_store
    from meetview.tui import make_app

    store = open_store(str(db))
    t0 = time.perf_counter()
    c0 = time.process_time()
    with tempfile.TemporaryDirectory() as state:
        app = make_app(store, state_dir=Path(state), remember=False)
        app.t_created = t0
        if sql:
            app.reload_index = lambda: None  # never built: every query through SQL
        async with app.run_test(size=(220, 55)) as pilot:
            while app.first_screen_seconds is None:
                await asyncio.sleep(0.005)
            first_table, first_screen = app.first_table_seconds, app.first_screen_seconds
            first_cpu = time.process_time() - c0
            await app.workers.wait_for_complete()  # the index too, built after the first screen
            total = app.total
            assert sql or app.index is not None
            per_query: dict[str, list[float]] = {q: [] for q in QUERIES}
            cpu: list[float] = []
            fetch_start = len(app.fetch_seconds)
            for _ in range(rounds):
                for q in QUERIES:
                    before = len(app.latencies)
                    if app.index is not None:
                        app.index.clear_cache()
                    c = time.process_time()
                    app.set_query(q)
                    while len(app.latencies) == before:
                        await asyncio.sleep(0.002)
                    cpu.append(time.process_time() - c)
                    per_query[q].append(app.latencies[-1])
                    await app.workers.wait_for_complete()  # facets too, so runs do not overlap
                    await pilot.pause()
            fetch = app.fetch_seconds[fetch_start:]
            # scrolling a page and moving the cursor: the table only renders visible rows
            table = app.meetings_table
            table.focus()
            t = time.perf_counter()
            for _ in range(20):
                await pilot.press("pagedown")
            page_down = (time.perf_counter() - t) / 20
    store.close()
    lat = [x for v in per_query.values() for x in v]
    return {
        "meetings": total,
        "first_table": first_table,
        "first_screen": first_screen,
        "first_cpu": first_cpu,
        "cpu": cpu,
        "fetch": fetch,
        "latencies": lat,
        "per_query": per_query,
        "page_down": page_down,
        "index_seconds": app.index_seconds,
        "index_used": app.index is not None,
    }


def _synthetic(n: int, seed: int) -> Path:
    """The cached synthetic database, built in a child process when it is missing: the peak RSS this
    benchmark prints is then the app's own, not the generator's (it was 279 MB instead of 215 on a
    first run)."""
    path = synth.OUT / f"synth-{n}-s{seed}.db"
    if not path.exists():
        subprocess.run([sys.executable, str(HERE / "synth.py"), str(n), "--seed", str(seed)], check=True)
    return synth.cached(n, seed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000, help="meetings in the synthetic database")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5, help="times each query is run")
    ap.add_argument("--db", type=Path, help="benchmark this database instead of a synthetic one")
    ap.add_argument("--sql", action="store_true", help="no in-memory index: every query through SQL")
    args = ap.parse_args()
    db = args.db or _synthetic(args.n, args.seed)
    r = asyncio.run(run(db, args.rounds, sql=args.sql))
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    lat_ms = [x * 1000 for x in r["latencies"]]
    print(f"database: {db} ({r['meetings']:,} meetings)")
    load = os.getloadavg()[0]
    print(
        f"machine: {os.cpu_count()} CPUs, load average {load:.1f} "
        "(wall times grow with the load; CPU times do not)"
    )
    print(
        f"first screen: table {r['first_table']:.2f} s, with facets and timeline {r['first_screen']:.2f} s "
        f"(CPU {r['first_cpu']:.2f} s; from make_app, Textual's import included)"
    )
    if r["index_seconds"]:
        print(f"in-memory index built after the first screen in {r['index_seconds'][0]:.2f} s (in a worker)")
    print("queries through: " + ("the in-memory index (each cold)" if r["index_used"] else "SQL"))
    print(
        f"filter -> table: median {statistics.median(lat_ms):.0f} ms, p95 {percentile(lat_ms, 95):.0f} ms, "
        f"max {max(lat_ms):.0f} ms ({len(lat_ms)} queries)"
    )
    cpu_ms = [x * 1000 for x in r["cpu"]]
    print(
        f"  CPU per filter change (both threads): median {statistics.median(cpu_ms):.0f} ms, "
        f"p95 {percentile(cpu_ms, 95):.0f} ms"
    )
    fetch_ms = [x * 1000 for x in r["fetch"]]
    print(
        f"  of which the query in its thread (index or SQL, Arrow): "
        f"median {statistics.median(fetch_ms):.0f} ms, "
        f"p95 {percentile(fetch_ms, 95):.0f} ms"
    )
    for q, values in r["per_query"].items():
        print(f"  {q or '(no filter)':<34} median {statistics.median(values) * 1000:6.0f} ms")
    print(f"page down (Pilot key, wall time): {r['page_down'] * 1000:.0f} ms")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
