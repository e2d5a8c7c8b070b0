"""What the app's thread workers run: query-layer calls turned into plain results and Arrow tables.

Nothing here touches a widget (or imports Textual): each function opens its own session, asks
`meetview.query`, sanitizes every string for display, and returns a dataclass the worker posts
back to the app as a message. Pages, counts, facets and the timeline go through the app's
in-memory index (`query.index`) when it is given and current, else through SQL: same answers.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

from meetview import query
from meetview.export import to_markdown
from meetview.query import entities
from meetview.query.browse import (
    Choice,
    DateCoverage,
    Vocabulary,
    months_and_coverage,
    table_page,
    vocabulary,
)
from meetview.query.detail import ArticleText, MeetingDetail, article_text, meeting_details
from meetview.query.engine import Facets, FacetValue, MeetingRow, week_key
from meetview.sanitize import clean_line
from meetview.store import Store
from meetview.tui.text import safe_line, sparkline

if TYPE_CHECKING:
    from meetview.query.index import MeetingIndex

PAGE_SIZE = 2000  # rows per page loaded on demand
FIRST_PAGE = 1000  # the first page of a new query: half the rows, a third less time to the table
MARK = "●"

# (arrow column name, label, sort key for the query layer or None)
MEETING_COLUMNS: tuple[tuple[str, str, str | None], ...] = (
    ("mark", " ", None),
    ("id", "id", None),
    ("date", "date", "date"),
    ("participants", "participants", "participants"),
    ("countries", "countries", "countries"),
    ("topics", "topics", "topics"),
    ("format", "format", "format"),
    ("sources", "src", "sources"),
)
ID_COLUMN = 1


def meetings_arrow(rows: list[MeetingRow], marks: frozenset[int] | set[int]) -> pa.Table:
    """The meetings table's data: one column per MEETING_COLUMNS entry, every string sanitized."""
    return pa.table(
        {
            "mark": pa.array([MARK if r.id in marks else "" for r in rows], pa.string()),
            "id": pa.array([r.id for r in rows], pa.int64()),
            "date": pa.array([r.date or "undated" for r in rows], pa.string()),
            "participants": pa.array([safe_line(r.participants) for r in rows], pa.string()),
            "countries": pa.array([safe_line(r.countries) for r in rows], pa.string()),
            "topics": pa.array([safe_line(r.topics) for r in rows], pa.string()),
            "format": pa.array([safe_line(r.format) for r in rows], pa.string()),
            "sources": pa.array([r.n_sources for r in rows], pa.int64()),
        }
    )


def measure(table: pa.Table) -> list[int]:
    """Display width of each column's widest value, measured here in the worker so the UI thread
    does not (the fast table would measure every cell on its first paint)."""
    from rich.cells import cell_len

    widths = []
    for column in table.columns:
        if pa.types.is_integer(column.type):
            values = [v for v in column.to_pylist() if v is not None]
            widths.append(max((len(str(v)) for v in values), default=0))
        else:
            widths.append(
                max((len(v) if v.isascii() else cell_len(v) for v in column.to_pylist() if v), default=0)
            )
    return widths


def page_arrow(rows: list[tuple], marks: frozenset[int] | set[int]) -> pa.Table:
    """meetings_arrow for query.browse.table_page tuples (id, date, participants, countries, topics,
    format, sources)."""
    return pa.table(
        {
            "mark": pa.array([MARK if r[0] in marks else "" for r in rows], pa.string()),
            "id": pa.array([r[0] for r in rows], pa.int64()),
            "date": pa.array([r[1] or "undated" for r in rows], pa.string()),
            "participants": pa.array([safe_line(r[2]) for r in rows], pa.string()),
            "countries": pa.array([safe_line(r[3]) for r in rows], pa.string()),
            "topics": pa.array([safe_line(r[4]) for r in rows], pa.string()),
            "format": pa.array([safe_line(r[5]) for r in rows], pa.string()),
            "sources": pa.array([r[6] for r in rows], pa.int64()),
        }
    )


@dataclass
class MeetingsResult:
    text: str
    sort: str
    descending: bool
    total: int | None  # None: a full page, the total is being counted
    offset: int
    ids: list[int]
    table: pa.Table
    seconds: float
    widths: list[int] = field(default_factory=list)
    index_stale: bool = False  # an index was given but the data changed since it was loaded


def load_index(store: Store) -> MeetingIndex:
    """The in-memory index of the store's meetings (a second or so at 100k meetings)."""
    from meetview.query.index import MeetingIndex  # numpy: imported after the first screen

    with store.session() as session:
        return MeetingIndex.load(session)


def _current(index: MeetingIndex | None, session) -> MeetingIndex | None:
    """The index if it holds the data the database holds now (one primary-key read), else None."""
    return index if index is not None and index.is_current(session) else None


def fetch_meetings(
    store: Store,
    text: str,
    *,
    sort: str = "date",
    descending: bool = True,
    limit: int = PAGE_SIZE,
    offset: int = 0,
    marks: frozenset[int] = frozenset(),
    index: MeetingIndex | None = None,
) -> MeetingsResult:
    """A page of the query's meetings as an Arrow table; raises query.QueryError."""
    t0 = time.perf_counter()
    q = query.parse(text)
    with store.session() as session:
        current = _current(index, session)
        if current is not None:
            rows = current.table_page(
                session, q, sort=sort, descending=descending, limit=limit, offset=offset
            )
        else:
            rows = table_page(session, q, sort=sort, descending=descending, limit=limit, offset=offset)
    table = page_arrow(rows, marks)
    complete = len(rows) < limit  # else the total is counted afterwards (count_meetings)
    return MeetingsResult(
        text,
        sort,
        descending,
        offset + len(rows) if complete else None,
        offset,
        [r[0] for r in rows],
        table,
        time.perf_counter() - t0,
        measure(table),
        index_stale=index is not None and current is None,
    )


def count_meetings(store: Store, text: str, index: MeetingIndex | None = None) -> int:
    with store.session() as session:
        current = _current(index, session)
        return (current if current is not None else query).count(session, query.parse(text))


@dataclass
class FacetsResult:
    text: str
    facets: Facets


def fetch_facets(
    store: Store, text: str, *, limit: int = 30, index: MeetingIndex | None = None
) -> FacetsResult:
    with store.session() as session:
        current = _current(index, session)
        ask = current if current is not None else query
        found = ask.facets(session, query.parse(text), limit=limit, months=False)
    return FacetsResult(text, found)


@dataclass
class TimelineResult:
    text: str
    bucket: str
    buckets: list[FacetValue]
    coverage: DateCoverage


def fetch_timeline(
    store: Store, text: str, *, bucket: str = "month", index: MeetingIndex | None = None
) -> TimelineResult:
    with store.session() as session:
        current = _current(index, session)
        if current is not None:
            buckets, coverage = current.months_and_coverage(session, query.parse(text), bucket=bucket)
        else:
            buckets, coverage = months_and_coverage(session, query.parse(text), bucket=bucket)
    return TimelineResult(text, bucket, fill_gaps(buckets, bucket), coverage)


def fill_gaps(buckets: list[FacetValue], bucket: str) -> list[FacetValue]:
    """Empty months (or weeks) between the first and the last bucket, so the bars keep time's scale."""
    if len(buckets) < 2:
        return list(buckets)
    have = {b.value: b for b in buckets}
    out: list[FacetValue] = []
    if bucket == "month":
        y, m = int(buckets[0].value[:4]), int(buckets[0].value[5:7])
        end = buckets[-1].value
        while True:
            key = f"{y:04d}-{m:02d}"
            out.append(have.get(key) or FacetValue(key, key, 0))
            if key >= end or len(out) > 2400:
                break
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    day = week_start(buckets[0].value)
    last = week_start(buckets[-1].value)
    if day is None or last is None:
        return list(buckets)
    while day <= last and len(out) < 5000:
        key = week_key(day)
        out.append(have.get(key) or FacetValue(key, key, 0))
        day += dt.timedelta(days=7)
    return out


def week_start(key: str) -> dt.date | None:
    """The Monday of an ISO week key."""
    try:
        return dt.date.fromisocalendar(int(key[:4]), int(key[6:]), 1)
    except ValueError:
        return None


def period_term(value: str, bucket: str) -> str:
    """The date term(s) that narrow the query to one timeline bucket."""
    if bucket == "month":
        return f"date:{value}"
    start = week_start(value)
    if start is None:
        return ""
    end = start + dt.timedelta(days=6)
    return f"after:{start.isoformat()} before:{end.isoformat()}"


@dataclass
class DetailResult:
    meeting_id: int
    detail: MeetingDetail | None
    articles: dict[int, ArticleText] = field(default_factory=dict)


def fetch_detail(store: Store, meeting_id: int) -> DetailResult:
    with store.session() as session:
        found = meeting_details(session, [meeting_id], with_spans=True)
        if not found:
            return DetailResult(meeting_id, None)
        detail = found[0]
        articles = {}
        for s in detail.sources[:20]:
            a = article_text(session, s.article_id)
            if a is not None:
                articles[a.id] = a
    return DetailResult(meeting_id, detail, articles)


# --- entity tables ---------------------------------------------------------------------------

ENTITY_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (
        ("id", "id"),
        ("name", "name"),
        ("aliases", "aliases"),
        ("country", "country"),
        ("roles", "roles"),
        ("meetings", "meetings"),
        ("last_met", "last met"),
    ),
    "countries": (
        ("code", "code"),
        ("name", "country"),
        ("meetings", "meetings"),
        ("partners", "most frequent partners"),
        ("last_met", "last met"),
    ),
    "organizations": (
        ("name", "organization"),
        ("meetings", "meetings"),
        ("partners", "most frequent partners"),
        ("last_met", "last met"),
    ),
    "topics": (
        ("id", "topic"),
        ("label", "label"),
        ("meetings", "meetings"),
        ("trend", "trend (12 months)"),
        ("last_met", "last met"),
    ),
}
# the filter field each table's first column feeds
ENTITY_FIELD = {"people": "person", "countries": "country", "organizations": "org", "topics": "topic"}


@dataclass
class EntitiesResult:
    kind: str
    text: str
    table: pa.Table
    count: int
    widths: list[int] = field(default_factory=list)


def _s(values) -> pa.Array:
    return pa.array([safe_line(v) if v is not None else "" for v in values], pa.string())


def fetch_entities(store: Store, kind: str, text: str) -> EntitiesResult:
    q = query.parse(text)
    with store.session() as session:
        if kind == "people":
            rows = entities.people(session, q)
            table = pa.table(
                {
                    "id": pa.array([r.id for r in rows], pa.int64()),
                    "name": _s(r.name for r in rows),
                    "aliases": _s(r.aliases for r in rows),
                    "country": _s(r.country for r in rows),
                    "roles": _s(r.roles for r in rows),
                    "meetings": pa.array([r.meetings for r in rows], pa.int64()),
                    "last_met": _s(r.last_met for r in rows),
                }
            )
        elif kind in ("countries", "organizations"):
            fn = entities.countries if kind == "countries" else entities.organizations
            rows = fn(session, q)
            cols = {
                "code": _s(r.key for r in rows),
                "name": _s(r.name for r in rows),
                "meetings": pa.array([r.meetings for r in rows], pa.int64()),
                "partners": _s(r.partners for r in rows),
                "last_met": _s(r.last_met for r in rows),
            }
            if kind == "organizations":
                cols.pop("code")
            table = pa.table(cols)
        elif kind == "topics":
            rows = entities.topics(session, q)
            table = pa.table(
                {
                    "id": _s(r.id for r in rows),
                    "label": _s(r.label for r in rows),
                    "meetings": pa.array([r.meetings for r in rows], pa.int64()),
                    "trend": pa.array([sparkline(r.trend) for r in rows], pa.string()),
                    "last_met": _s(r.last_met for r in rows),
                }
            )
        else:
            raise ValueError(f"unknown table {kind!r}")
    return EntitiesResult(kind, text, table, table.num_rows, measure(table))


def fetch_person(store: Store, person_id: int) -> entities.PersonView | None:
    with store.session() as session:
        return entities.person_view(session, person_id)


@dataclass
class PairResult:
    a: str
    b: str | None
    names: dict[str, str]
    partners: list[entities.GroupRow]
    total: int = 0
    table: pa.Table | None = None


def fetch_pair(store: Store, a: str, b: str | None) -> PairResult:
    """One country's partners (with counts) and, when b is given, every meeting both took part in."""
    with store.session() as session:
        partners = [r for r in entities.countries(session, query.parse(f"country:{a}")) if r.key != a]
        own = entities.countries(session, query.parse(f"country:{a}"), limit=1)
        names = {r.key: r.name for r in partners}
        if own:
            names[a] = own[0].name
        out = PairResult(a, b, names, partners)
        if b:
            page = entities.country_pair(session, a, b, limit=PAGE_SIZE)
            out.total = page.total
            out.table = meetings_arrow(page.rows, frozenset())
    return out


def fetch_vocabulary(store: Store) -> Vocabulary:
    """Completion values, sanitized: the filter bar shows a suggestion as the input's own text."""
    with store.session() as session:
        v = vocabulary(session)

    def clean(choices: list[Choice]) -> list[Choice]:
        out = []
        for c in choices:
            value, label = clean_line(c.value), clean_line(c.label)
            if value and label:
                out.append(Choice(value, label, c.count))
        return out

    return Vocabulary(
        countries=clean(v.countries),
        topics=clean(v.topics),
        people=clean(v.people),
        organizations=clean(v.organizations),
        formats=clean(v.formats),
    )


def meeting_markdown(store: Store, meeting_id: int) -> str | None:
    with store.session() as session:
        found = meeting_details(session, [meeting_id])
    return to_markdown(found) if found else None


def export_brief(
    store: Store, path: Path, *, ids: list[int] | None, text: str, sort: str, descending: bool
) -> int:
    """Write a Markdown brief of the given meetings (or, without ids, every meeting the query matches)."""
    with store.session() as session:
        if ids is None:
            page = query.search(session, query.parse(text), sort=sort, descending=descending, limit=None)
            ids = [r.id for r in page.rows]
        details = meeting_details(session, ids)
    details.sort(key=lambda d: (d.date is None, d.date or ""))  # a brief reads oldest first
    body = to_markdown(details, query=text)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return len(details)


def default_export_path(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"~/meetview-brief-{today.isoformat()}.md"
