# ruff: noqa: E501 (SQL text reads better unwrapped)
"""Query benchmarks: list, facets and full-text latency over a fixed set of realistic filters.

The databases are built by importing generated articles (truth extractions, so facets have their
real shape) and cached under benchmarks/out/. Every filter is timed through the query engine (a
session per call, as the app does) and, as its floor, as raw SQL on a bare DBAPI connection: the
same filter written by hand against the same indexes, giving the same rows and counts.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import OUT, corpus, corpus_info, log, median, p95, run_child

REPS = 5


@dataclass(frozen=True)
class Filter:
    name: str
    query: str
    where: str  # the same filter on `meeting m`, as hand-written SQL ({fts} = full-text subquery)
    fts: str | None = None  # words for the full-text floor


FILTERS = [
    Filter("everything", "", "1=1"),
    Filter(
        "country", "country:UA", "m.id IN (SELECT meeting_id FROM meeting_country WHERE country_code = 'UA')"
    ),
    Filter(
        "country or",
        "country:NO,SE",
        "m.id IN (SELECT meeting_id FROM meeting_country WHERE country_code IN ('NO', 'SE'))",
    ),
    Filter(
        "two countries",
        "country:UA country:PL",
        "m.id IN (SELECT meeting_id FROM meeting_country WHERE country_code = 'UA') "
        "AND m.id IN (SELECT meeting_id FROM meeting_country WHERE country_code = 'PL')",
    ),
    Filter(
        "topic",
        "topic:air-defense",
        "m.id IN (SELECT meeting_id FROM meeting_topic WHERE topic_id = 'air-defense')",
    ),
    Filter(
        "person",
        "person:koval",
        "m.id IN (SELECT meeting_id FROM participant WHERE person_id IN (SELECT person_id FROM person_alias "
        "WHERE folded LIKE 'koval%' OR folded LIKE '% koval%'))",
    ),
    Filter(
        "date range",
        "after:2023-01 before:2023-06",
        "m.date_start >= '2023-01-01' AND m.date_start <= '2023-06-30'",
    ),
    Filter("format", "format:video", "m.format = 'video'"),
    Filter(
        "country topic date",
        "country:UA topic:sanctions after:2023",
        "m.id IN (SELECT meeting_id FROM meeting_country WHERE country_code = 'UA') "
        "AND m.id IN (SELECT meeting_id FROM meeting_topic WHERE topic_id = 'sanctions') "
        "AND m.date_start >= '2023-01-01'",
    ),
    Filter(
        "organization",
        "org:nato",
        "m.id IN (SELECT meeting_id FROM meeting_organization WHERE organization_id IN "
        "(SELECT id FROM organization WHERE lower(name) LIKE 'nato%'))",
    ),
    Filter(
        "negated country",
        "-country:UA",
        "m.id NOT IN (SELECT meeting_id FROM meeting_country WHERE country_code = 'UA')",
    ),
    Filter("location", "location:brussels", "lower(m.location) LIKE '%brussels%'"),
    Filter(
        "outlet",
        "source:baltic",
        "m.id IN (SELECT meeting_id FROM meeting_source WHERE article_id IN (SELECT id FROM article "
        "WHERE lower(outlet) LIKE '%baltic%' OR lower(url) LIKE '%baltic%' OR lower(source) LIKE '%baltic%'))",
    ),
]
TEXT_FILTERS = [
    Filter("word", "interceptor", "{fts}", "interceptor"),
    Filter("two words", "sanctions loopholes", "{fts}", "sanctions loopholes"),
    Filter(
        "phrase and country",
        '"air defense" country:UA',
        "{fts} AND m.id IN (SELECT meeting_id FROM meeting_country WHERE country_code = 'UA')",
        '"air defense"',
    ),
    Filter("word and date", "reconstruction after:2024", "{fts} AND m.date_start >= '2024-01-01'", "reconstruction"),
]  # fmt: skip


def _fts(dialect: str, words: str) -> str:
    if dialect == "postgresql":
        fn = "phraseto_tsquery" if words.startswith('"') else "plainto_tsquery"
        w = words.strip('"').replace("'", "''")
        return (
            "m.id IN (SELECT meeting_id FROM meeting_source WHERE article_id IN (SELECT id FROM article WHERE "
            "article.article_fts_vector "
            f"@@ {fn}('english', '{w}')))"
        )
    expr = words if words.startswith('"') else " ".join(f'"{w}"' for w in words.split())
    expr = expr.replace("'", "''")
    return (
        "m.id IN (SELECT meeting_id FROM meeting_source WHERE article_id IN "
        f"(SELECT rowid FROM article_fts WHERE article_fts MATCH '{expr}'))"
    )


def where_of(f: Filter, dialect: str) -> str:
    return f.where.replace("{fts}", _fts(dialect, f.fts)) if f.fts else f.where


# --- the floor: raw SQL on a DBAPI connection ------------------------------------------------------

LIST_COLUMNS = (
    "m.id, m.date, m.participants_label, m.countries_label, m.topics_label, m.organizations_label, "
    "m.format, m.location, m.n_sources, m.evidence"
)


def floor_list(cur, where: str, limit: int = 200) -> tuple[int, int]:
    cur.execute(
        f"SELECT {LIST_COLUMNS} FROM meeting m WHERE {where} "
        f"ORDER BY m.date_start DESC NULLS LAST, m.id DESC LIMIT {limit}"
    )
    rows = cur.fetchall()
    total = len(rows)
    if total == limit:
        cur.execute(f"SELECT count(*) FROM meeting m WHERE {where}")
        total = cur.fetchone()[0]
    return len(rows), total


def floor_facets(cur, where: str, dialect: str, limit: int = 30) -> dict:
    scoped = "" if where == "1=1" else f"WHERE meeting_id IN (SELECT m.id FROM meeting m WHERE {where})"
    out = {}
    cur.execute(f"SELECT count(*) FROM meeting m WHERE {where}")
    out["total"] = cur.fetchone()[0]
    for name, table, key, names in (
        ("countries", "meeting_country", "country_code", "JOIN country d ON d.code = x.k"),
        ("topics", "meeting_topic", "topic_id", "JOIN topic d ON d.id = x.k"),
        ("people", "participant", "person_id", "JOIN person d ON d.id = x.k"),
        ("organizations", "meeting_organization", "organization_id", "JOIN organization d ON d.id = x.k"),
    ):
        label = "d.label" if name == "topics" else "d.name"
        cur.execute(
            f"SELECT x.k, {label}, x.n FROM (SELECT {key} AS k, count(*) AS n FROM {table} {scoped} "
            f"GROUP BY {key} ORDER BY n DESC, {key} LIMIT {limit}) x {names} ORDER BY x.n DESC, x.k"
        )
        out[name] = cur.fetchall()
    month = (
        "to_char(m.date_start, 'YYYY-MM')" if dialect == "postgresql" else "strftime('%Y-%m', m.date_start)"
    )
    cur.execute(
        f"SELECT {month} AS k, count(*) FROM meeting m WHERE m.date_precision IN ('day', 'month') AND {where} "
        "GROUP BY k ORDER BY k"
    )
    out["months"] = cur.fetchall()
    return out


# --- timing ---------------------------------------------------------------------------------------


def _time(fn: Callable[[], object], reps: int = REPS, cpu: list[float] | None = None) -> list[float]:
    """Wall milliseconds of each run (after a warm-up); this process's CPU milliseconds into `cpu`."""
    fn()  # warm: caches, statement compilation
    out = []
    for _ in range(reps):
        c = time.process_time()
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - c) * 1000)
    return out


def rss_mb() -> float:
    """This process's resident memory now (not its peak), in MB."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def load_index(store) -> tuple[object, dict]:
    """The app's in-memory index of this store, with its load time, CPU time and memory."""
    from meetview.query.index import MeetingIndex

    before = rss_mb()
    c, t = time.process_time(), time.perf_counter()
    with store.session() as s:
        index = MeetingIndex.load(s)
    info = {
        "seconds": time.perf_counter() - t,
        "cpu_seconds": time.process_time() - c,
        "rss_mb": rss_mb() - before,
        "meetings": len(index),
    }
    return index, info


def measure(url: str, filters: list[Filter], index_info: dict | None = None) -> dict:
    """Milliseconds per call, engine, index and floor, per filter: {filter: {list, facets, ...}}.

    The index's calls are cold: its remembered masks are dropped before each call, so every call
    evaluates the query afresh (full text in the database included)."""
    from meetview import query
    from meetview.store import open_store

    store = open_store(url)
    dialect = store.backend
    index, info = load_index(store)
    if index_info is not None:
        index_info.update(info)
    raw = store.engine.raw_connection()
    cur = raw.cursor()
    results = {}
    for f in filters:
        q = query.parse(f.query)
        where = where_of(f, dialect)

        def engine_list(q=q):
            with store.session() as s:
                return query.search(s, q, limit=200)

        def engine_facets(q=q):
            with store.session() as s:
                return query.facets(s, q)

        def index_list(q=q):
            index.clear_cache()
            with store.session() as s:
                return index.search(s, q, limit=200)

        def index_facets(q=q):
            index.clear_cache()
            with store.session() as s:
                return index.facets(s, q)

        def raw_list(where=where):
            r = floor_list(cur, where)
            raw.rollback()
            return r

        def raw_facets(where=where):
            r = floor_facets(cur, where, dialect)
            raw.rollback()
            return r

        page, fac = engine_list(), engine_facets()
        n_rows, total = raw_list()
        floor = raw_facets()
        # The floor answers the same question: same page size and totals.
        assert (len(page.rows), page.total) == (n_rows, total), (
            f.name,
            len(page.rows),
            page.total,
            n_rows,
            total,
        )
        assert fac.total == floor["total"], (f.name, fac.total, floor["total"])
        assert [c.count for c in fac.countries] == [r[2] for r in floor["countries"]], f.name
        # The index gives the engine's answers exactly.
        assert index_list() == page and index_facets() == fac, f.name
        cpu: dict[str, list[float]] = {
            k: [] for k in ("list", "facets", "index_list", "index_facets", "floor_list", "floor_facets")
        }
        results[f.name] = {
            "query": f.query,
            "matches": total,
            "list": _time(engine_list, cpu=cpu["list"]),
            "facets": _time(engine_facets, cpu=cpu["facets"]),
            "index_list": _time(index_list, cpu=cpu["index_list"]),
            "index_facets": _time(index_facets, cpu=cpu["index_facets"]),
            "floor_list": _time(raw_list, cpu=cpu["floor_list"]),
            "floor_facets": _time(raw_facets, cpu=cpu["floor_facets"]),
            "cpu": cpu,  # on SQLite the whole query runs in this process: CPU is its work, load aside
        }
    raw.close()
    store.close()
    return results


def summarize(results: dict) -> dict:
    def pool(key):
        return [x for r in results.values() for x in r[key]]

    def both(first: str, second: str, cpu: bool = False) -> dict:
        xs = [
            a + b
            for r in results.values()
            for a, b in zip((r["cpu"] if cpu else r)[first], (r["cpu"] if cpu else r)[second], strict=True)
        ]
        return {"median": median(xs), "p95": p95(xs)}

    out = {}
    for key in ("list", "facets", "index_list", "index_facets", "floor_list", "floor_facets"):
        xs = pool(key)
        out[key] = {"median": median(xs), "p95": p95(xs)}
    out["list+facets"] = both("list", "facets")
    out["index_list+facets"] = both("index_list", "index_facets")
    out["floor_list+facets"] = both("floor_list", "floor_facets")
    out["cpu_list+facets"] = both("list", "facets", cpu=True)
    out["cpu_index_list+facets"] = both("index_list", "index_facets", cpu=True)
    out["cpu_floor_list+facets"] = both("floor_list", "floor_facets", cpu=True)
    for prefix in ("", "index_"):
        worst = max(
            results.items(), key=lambda kv: median(kv[1][prefix + "list"]) + median(kv[1][prefix + "facets"])
        )
        out[prefix + "slowest_filter"] = {
            "name": worst[0],
            "query": worst[1]["query"],
            "list_plus_facets_median": median(worst[1][prefix + "list"])
            + median(worst[1][prefix + "facets"]),
        }
    return out


# --- the databases ------------------------------------------------------------------------------------


def sqlite_db(meetings: int) -> tuple[str, dict]:
    """A SQLite store of about `meetings` meetings, imported from generated articles (cached)."""
    path = OUT / f"query-m{meetings}.db"
    done = OUT / f"query-m{meetings}.done.json"
    if not done.exists():  # the corpus is only needed to build the database
        src = corpus(meetings=meetings)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        log(f"importing {corpus_info(src)['articles']} articles into {path.name} ...")
        r = _import(src, str(path))
        done.write_text(json.dumps(r))
    return str(path), json.loads(done.read_text())


def pg_db(base_url: str, meetings: int) -> tuple[str, dict]:
    """A PostgreSQL database meetview_bench_m{meetings} beside the given server's (cached)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"meetview_bench_m{meetings}"
    url = make_url(base_url).set(database=name).render_as_string(hide_password=False)
    done = OUT / f"query-pg-m{meetings}.done.json"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}).first()
        if exists and not done.exists():
            conn.execute(text(f"DROP DATABASE {name}"))
            exists = None
        if not exists:
            conn.execute(text(f"CREATE DATABASE {name}"))
            done.unlink(missing_ok=True)
    admin.dispose()
    if not done.exists():
        src = corpus(meetings=meetings)
        log(f"importing {corpus_info(src)['articles']} articles into PostgreSQL {name} ...")
        r = _import(src, url)
        done.write_text(json.dumps(r))
    return url, json.loads(done.read_text())


def _import(src: Path, db: str) -> dict:
    args = ["child", "--db", db, "--src", str(src / "articles"), "--jobs", "2", "--truth", str(src)]
    r = run_child("benchmarks.bench_import", *args)
    log(f"  {r['imported']} articles, {r['meetings']} meetings in {r['seconds']:.0f} s")
    return r


def meeting_count(url: str) -> int:
    from sqlalchemy import func, select

    from meetview.store import open_store
    from meetview.store.models import Meeting

    store = open_store(url)
    with store.session() as s:
        n = s.execute(select(func.count()).select_from(Meeting)).scalar_one()
    store.close()
    return n


def bench(url: str) -> dict:
    n = meeting_count(url)
    log(f"  filters on {n} meetings ...")
    index: dict = {}
    filters = measure(url, FILTERS, index)
    log(
        f"  index loaded in {index['seconds']:.2f} s (CPU {index['cpu_seconds']:.2f} s), {index['rss_mb']:.0f} MB"
    )
    log("  full text ...")
    text = measure(url, TEXT_FILTERS)
    return {
        "meetings": n,
        "index": index,
        "filters": summarize(filters),
        "fulltext": summarize(text),
        "detail": {**filters, **{"text: " + k: v for k, v in text.items()}},
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--meetings", type=int, default=10000)
    ap.add_argument("--pg", help="PostgreSQL server URL (a database meetview_bench_m<N> is created there)")
    args = ap.parse_args(argv)
    url = pg_db(args.pg, args.meetings)[0] if args.pg else sqlite_db(args.meetings)[0]
    r = bench(url)
    print(json.dumps({k: v for k, v in r.items() if k != "detail"}, indent=1))


if __name__ == "__main__":
    main()
