"""The long fuzz run: mutated seed articles and random bytes through ingest and the extractor, random
queries through the parser. Deterministic (--seed); prints inputs tried, failures, the slowest input, time.

    PYTHONPATH=src python scripts/fuzz.py --seconds 300 [--seed 7] [--out fuzz-failures/]

A failure is: parse raising anything but IngestError, an Article field that is not inert, the extractor
raising (extract_strict: without extract's safety net), output breaking SCHEMA.md (tests/schema_check.py),
or the query parser raising anything but QueryError. Exit status 1 when any failure was found; with
--out each failing input is saved.
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
import traceback
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # the seeds, the mutator and the schema validator live with the tests

from fuzz_corpus import SEEDS, SUFFIXES, mutate  # noqa: E402
from schema_check import problems  # noqa: E402

from meetview.extract.pipeline import extract_strict  # noqa: E402
from meetview.ingest import Document, IngestError, parse  # noqa: E402
from meetview.query import QueryError  # noqa: E402
from meetview.query import parse as parse_query  # noqa: E402
from meetview.sanitize import is_clean  # noqa: E402

QUERY_PIECES = [*'ab :,-"\t\\%_*^()', "country:", "topic:", "person:", "org:", "location:", "after:", "date:",
                "NO", "2025-02-30", "é", "\x00", "'", "OR 1=1", "NEAR(", "[/"]  # fmt: skip


def one_input(rng: random.Random) -> tuple[str, bytes]:
    """A (source name, bytes) pair: mostly mutated seeds, some random bytes, some gzip-wrapped."""
    kind = rng.random()
    suffix = rng.choice(SUFFIXES)
    if kind < 0.8:
        name = rng.choice(sorted(SEEDS))
        data = mutate(SEEDS[name], rng)
        suffix = suffix if rng.random() < 0.3 else name
    else:
        data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 4000)))
    if suffix == ".gz" or rng.random() < 0.03:
        data = gzip.compress(data)
        suffix = ".txt.gz"
    return f"fuzz{suffix}", data


def check(source: str, data: bytes) -> str | None:
    """None when the input is handled as promised; else a one-line description of the failure."""
    try:
        articles = parse(Document(source=source, data=data))
    except IngestError:
        return None
    except Exception as e:
        return f"parse raised {type(e).__name__}: {e}"
    for a in articles:
        for field in ("text", "title", "outlet", "url", "source"):
            value = getattr(a, field)
            if value is not None and not is_clean(value):
                return f"article {field} not inert: {value[:80]!r}"
        try:
            found = problems(extract_strict(a).to_json())  # no safety net: hidden errors count
        except Exception as e:
            return f"extract raised {type(e).__name__}: {e}"
        if found:
            return "schema: " + "; ".join(found[:3])
    return None


def check_query(text: str) -> str | None:
    try:
        parse_query(text)
    except QueryError:
        return None
    except Exception as e:
        return f"query parser raised {type(e).__name__}: {e}"
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=300.0, help="CPU seconds to spend (default 300)")
    ap.add_argument("--max-inputs", type=int, default=0, help="stop after this many article inputs")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, help="folder to save failing inputs in")
    args = ap.parse_args()

    warnings.simplefilter("ignore")  # dateutil warns about odd time zones in mutated dates
    rng = random.Random(args.seed)
    for suffix, data in SEEDS.items():  # warm up: first calls import trafilatura, charset models, ...
        if failure := check(f"seed{suffix}", data):
            print(f"FAIL seed{suffix}: {failure}")
    start = time.process_time()
    tried = queries = 0
    failures: Counter[str] = Counter()
    slowest = (0.0, "", b"")
    while time.process_time() - start < args.seconds and not (args.max_inputs and tried >= args.max_inputs):
        source, data = one_input(rng)
        t0 = time.process_time()
        try:
            failure = check(source, data)
        except Exception:  # a bug in the checks themselves: report, do not stop the campaign
            failure = "checker crashed: " + traceback.format_exc(limit=1).splitlines()[-1]
        spent = time.process_time() - t0
        tried += 1
        if spent > slowest[0]:
            slowest = (spent, f"{source} ({len(data):,} bytes)", data)
        if failure:
            key = failure.split(":", 1)[0]
            failures[key] += 1
            if failures[key] <= 3:
                print(f"FAIL #{tried} {source} ({len(data)} bytes): {failure[:300]}", flush=True)
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"{tried:07d}{Path(source).suffix or '.bin'}").write_bytes(data)
        for _ in range(5):  # queries are cheap: several per article input
            text = "".join(rng.choice(QUERY_PIECES) for _ in range(rng.randint(0, 25)))
            queries += 1
            if failure := check_query(text):
                failures["query"] += 1
                print(f"FAIL query {text!r}: {failure}", flush=True)
        if tried % 2000 == 0:
            print(f"... {tried:,} inputs, {sum(failures.values())} failures, "
                  f"{time.process_time() - start:.0f} s", flush=True)  # fmt: skip
    cpu = time.process_time() - start
    print(f"seed {args.seed}: {tried:,} article inputs and {queries:,} queries in {cpu:.0f} s CPU "
          f"({tried / cpu if cpu else 0:.0f} inputs/s)")  # fmt: skip
    print(f"slowest input: {slowest[1]} in {slowest[0]:.2f} s")
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / ("slowest" + Path(slowest[1].split(" ")[0]).suffix)).write_bytes(slowest[2])
    print(
        f"failures: {sum(failures.values())}" + "".join(f"\n  {n:5d}  {k}" for k, n in failures.most_common())
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
