"""Shared helpers for the scale benchmarks: cached corpora and databases, the machine, statistics."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("MEETVIEW_BENCH_OUT", ROOT / "benchmarks" / "out"))
SEED = 1


def corpus(*, articles: int | None = None, meetings: int | None = None, seed: int = SEED) -> Path:
    """A generated corpus under benchmarks/out/, made once and reused (same seed, same files)."""
    from benchmarks.corpus import generate

    name = f"corpus-s{seed}-" + (f"a{articles}" if articles else f"m{meetings}")
    path = OUT / name
    if not (path / "corpus.json").exists():
        log(f"generating {name} ...")
        started = time.perf_counter()
        generate(path, n_articles=articles, n_meetings=meetings, seed=seed)
        log(f"  {time.perf_counter() - started:.0f} s")
    return path


def corpus_info(path: Path) -> dict:
    return json.loads((path / "corpus.json").read_text())


def files_of(path: Path) -> list[Path]:
    return sorted(p for p in (path / "articles").rglob("*") if p.is_file())


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) // 1024
    except OSError:
        pass
    import sqlite3

    import sqlalchemy

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": mem,
        "python": platform.python_version(),
        # which build: a distribution's (PGO + LTO) CPython runs the import ~12% faster than a plain
        # source build such as pyenv's default (docs/scale.md, "Which Python")
        "python_path": os.path.realpath(getattr(sys, "_base_executable", sys.executable)),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "os": platform.platform(),
        "load_1min": round(os.getloadavg()[0], 2),
        "reference_ms": host_reference_ms(),
        "commit": _git("rev-parse", "--short", "HEAD"),
    }


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def p95(xs: list[float]) -> float:
    if not xs:
        return float("nan")
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, round(0.95 * len(s)) - 1))]


def peak_rss_mb() -> tuple[float, float]:
    """(this process, the largest of its waited-for children) peak resident set, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def host_reference_ms() -> float:
    """CPU milliseconds of a fixed pure-Python workload (dict, string and list work; best of five).

    The shared host's speed moves by a quarter within an hour (the same code, the same data);
    a figure read beside this one can be compared with another run's."""

    def work() -> int:
        counts: dict[str, int] = {}
        words = []
        for i in range(300_000):
            w = str(i % 997)
            counts[w] = counts.get(w, 0) + len(w)
            if i % 7 == 0:
                words.append(w.upper())
        return len(counts) + len(words)

    best = float("inf")
    for _ in range(5):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return round(best * 1000, 1)


def cpu_seconds() -> float:
    a = resource.getrusage(resource.RUSAGE_SELF)
    b = resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def run_child(module: str, *args: str) -> dict:
    """Run `python -m module args` in a fresh process and return the JSON it prints last."""
    cmd = [sys.executable, "-m", module, *args]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def db_url(path: Path) -> str:
    return f"sqlite:///{path}"
