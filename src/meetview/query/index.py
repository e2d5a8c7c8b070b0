"""An in-memory index of the meetings' structured fields: filters, date order, counts, facets and the
timeline as array operations, for a long-running reader (the app). Same answers as the SQL path.

`MeetingIndex.load(session)` reads the meetings (id, start date, precision, format, sources,
location) and their links (countries, topics, people, organizations, articles) once, as numpy
arrays, with the data version they belong to; `is_current(session)` compares that version with
the database's (one primary-key read). A query is evaluated term by term into a boolean mask over
the meetings, resolving values with the engine's own functions, so every term means what it
means in SQL; only free text (and any term the index cannot evaluate) runs in the database, as
the ids of what it matches. Rows of a page are read from the database by id. docs/index.md has
the design and the measurements.
"""

from __future__ import annotations

import datetime as dt
import functools
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
from sqlalchemy import Integer, Text, cast, func, select
from sqlmodel import Session

from meetview.query import browse, engine
from meetview.query.browse import TABLE_COLUMNS, DateCoverage
from meetview.query.engine import (
    ROW_COLUMNS,
    Facets,
    FacetValue,
    MeetingRow,
    Page,
    country_codes,
    date_ranges,
    format_values,
    organization_ids,
    person_ids,
    term_condition,
    text_articles,
    topic_ids,
    week_key,
)
from meetview.query.parser import Query, QueryError, Term
from meetview.store.models import Meeting
from meetview.store.writer import data_version

PRECISIONS = {"year": 1, "month": 2, "day": 3}  # anything else (NULL): 0
NO_DATE = 0  # ordinals start at 1 (0001-01-01)
FIELD_SEP = "\x1f"  # between an article's outlet, address and source (sanitized text holds no C0)
ROW_SEP = "\x1e"
_SORTS = ("date", "sources")  # the orders kept in memory; the others are the database's
_MASKS_KEPT = 16  # query masks (and free-text term masks) remembered per index


# --- loading -------------------------------------------------------------------------------------


def _ids(text: str | None) -> np.ndarray:
    """A comma-separated list of integers, as group_concat/string_agg return it."""
    if not text:
        return np.zeros(0, np.int64)
    return np.fromstring(text, dtype=np.int64, sep=",")


class _Sql:
    """The loading statements of one dialect: aggregates return long comma-separated strings, which
    numpy parses 5-10x faster than the database driver builds a tuple per row."""

    def __init__(self, dialect: str) -> None:
        self.pg = dialect == "postgresql"

    def agg(self, expr: str, order: str = "") -> str:
        if self.pg:
            return f"string_agg(({expr})::text, ','{' ORDER BY ' + order if order else ''})"
        return f"group_concat({expr})"  # one scan feeds every aggregate of a statement in one order

    def ordinal(self, column: str) -> str:
        if self.pg:
            return f"coalesce({column} - DATE '0001-01-01' + 1, 0)"
        return f"coalesce(CAST(julianday({column}) - 1721424.5 AS INTEGER), 0)"

    def chr(self, c: str) -> str:
        return f"chr({ord(c)})" if self.pg else f"char({ord(c)})"


@dataclass
class _Links:
    """One link table (meeting -> value) as arrays grouped by value: the meetings of value `c` are
    `meeting[starts[c]:starts[c + 1]]`. Values are numbered in key order (code points for text,
    numbers for ids), which is the facets' tie order."""

    keys: list  # code -> key (ISO code, topic id, person id, organization id)
    labels: list[str | None]  # code -> display label (None: no row in the value's table)
    meeting: np.ndarray  # int32 meeting positions
    code: np.ndarray  # int32 value codes, aligned with `meeting`, ascending
    starts: np.ndarray  # int64, len(keys) + 1
    totals: np.ndarray  # meetings per value over all meetings

    @classmethod
    def build(cls, meeting_ids: np.ndarray, codes: np.ndarray, keys: list, labels: dict, locate) -> _Links:
        """From link rows (meeting id, value code) and the values by code, in key order."""
        pos, ok = locate(meeting_ids)
        pos, codes = pos[ok], codes[ok]
        order = np.argsort(codes, kind="stable")
        meeting, code = pos[order].astype(np.int32), codes[order].astype(np.int32)
        totals = np.bincount(code, minlength=len(keys)).astype(np.int64)
        starts = np.zeros(len(keys) + 1, np.int64)
        np.cumsum(totals, out=starts[1:])
        return cls(keys, [labels.get(k) for k in keys], meeting, code, starts, totals)

    def code_of(self, key) -> int | None:
        return self.by_key.get(key)

    @functools.cached_property
    def by_key(self) -> dict:
        return {k: i for i, k in enumerate(self.keys)}

    def mask_of(self, keys, n: int) -> np.ndarray:
        """Meetings linked to any of the keys."""
        out = np.zeros(n, bool)
        for key in keys:
            c = self.code_of(key)
            if c is not None:
                out[self.meeting[self.starts[c] : self.starts[c + 1]]] = True
        return out

    def counts(self, mask: np.ndarray | None) -> np.ndarray:
        if mask is None:
            return self.totals
        return np.bincount(self.code[mask[self.meeting]], minlength=len(self.keys))

    def top(self, mask: np.ndarray | None, limit: int) -> list[tuple[object, str, int]]:
        """(key, label, count) of the `limit` most frequent values, ties in key order (as the SQL
        facet's ORDER BY count DESC, key LIMIT n), then those without a label dropped (its join)."""
        counts = self.counts(mask)
        order = np.lexsort((np.arange(len(counts)), -counts))
        out = []
        for c in order[:limit]:
            n = int(counts[c])
            if n == 0:
                break
            if self.labels[c] is not None:
                out.append((self.keys[c], self.labels[c], n))
        return out


class MeetingIndex:
    """The meetings' structured fields in memory, as of one data version. Thread-safe for reading."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.dialect = "sqlite"
        self.ids = np.zeros(0, np.int64)  # meeting ids, ascending: a meeting's position is its index here
        self.date = np.zeros(0, np.int32)  # start date as a proleptic ordinal, NO_DATE when unknown
        self.precision = np.zeros(0, np.int8)  # PRECISIONS code
        self.n_sources = np.zeros(0, np.int64)
        self.format = np.zeros(0, np.int32)  # code into format_keys (0: NULL)
        self.format_keys: list[str | None] = [None]
        self.location = np.zeros(
            0, np.int32
        )  # code into location_keys (0: NULL), lower-cased by the database
        self.location_keys: list[str | None] = [None]
        self.links: dict[str, _Links] = {}
        self.source_meeting = np.zeros(0, np.int32)  # meeting_source rows: meeting position ...
        self.source_article = np.zeros(0, np.int64)  # ... and article id
        self.article_ids = np.zeros(0, np.int64)
        self.article_text: list[str] | None = None  # lower(outlet) \x1f lower(url) \x1f lower(source)
        self.month = np.zeros(0, np.int32)  # code into month_keys, -1: not in the month timeline
        self.month_keys: list[str] = []
        self.week = np.zeros(0, np.int32)  # code into week_keys, -1: not in the week timeline
        self.week_keys: list[str] = []
        self.load_seconds = 0.0
        self._orders: dict[tuple[str, bool], np.ndarray] = {}
        self._cache: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.ids)

    def __bool__(self) -> bool:  # an index of no meetings is still an index
        return True

    # --- building -------------------------------------------------------------------------------

    @classmethod
    def load(cls, session: Session) -> MeetingIndex:
        """Read the index from the database in one snapshot (a read transaction on SQLite,
        REPEATABLE READ on PostgreSQL), with the data version it belongs to."""
        started = time.perf_counter()
        self = cls()
        self.dialect = session.get_bind().dialect.name
        if self.dialect == "postgresql" and not session.in_transaction():
            session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        self.version = data_version(session)
        cur = session.connection().connection.cursor()
        try:
            self._load(cur, _Sql(self.dialect))
        finally:
            cur.close()
        self.load_seconds = time.perf_counter() - started
        return self

    def _load(self, cur, sql: _Sql) -> None:
        def rows(statement: str) -> list:
            cur.execute(statement)
            return cur.fetchall()

        precision = "CASE date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END"
        ((ids, dates, precisions, sources),) = rows(
            f"SELECT {sql.agg('id', 'id')}, {sql.agg(sql.ordinal('date_start'), 'id')}, "
            f"{sql.agg(precision, 'id')}, {sql.agg('coalesce(n_sources, 0)', 'id')} FROM meeting"
        )
        meeting_ids = _ids(ids)
        order = np.argsort(meeting_ids, kind="stable")
        self.ids = meeting_ids[order]
        n = len(self.ids)
        self.date = _ids(dates)[order].astype(np.int32)
        self.precision = _ids(precisions)[order].astype(np.int8)
        self.n_sources = _ids(sources)[order]

        top = int(self.ids[-1]) + 1 if n else 0
        lookup = None
        if top <= 4 * n + 1024:  # ids are dense (they are, unless most meetings were deleted): a lookup
            lookup = np.full(top, -1, np.int64)
            lookup[self.ids] = np.arange(n)

        def locate(meeting_ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            """Positions of these meeting ids, and which of them the snapshot holds."""
            if lookup is not None:
                inside = (meeting_ids >= 0) & (meeting_ids < top)
                pos = np.full(len(meeting_ids), -1, np.int64)
                pos[inside] = lookup[meeting_ids[inside]]
                return pos, pos >= 0
            pos = np.searchsorted(self.ids, meeting_ids)
            ok = pos < n
            ok[ok] = self.ids[pos[ok]] == meeting_ids[ok]
            return pos, ok

        def positions(meeting_ids: np.ndarray) -> np.ndarray:
            pos, ok = locate(meeting_ids)
            return pos[ok]

        self.format, self.format_keys = self._coded(
            rows(f"SELECT format, {sql.agg('id')} FROM meeting GROUP BY format"), positions, n
        )
        self.location, self.location_keys = self._coded(
            rows(f"SELECT lower(location), {sql.agg('id')} FROM meeting GROUP BY location"), positions, n
        )
        for name, table, key in (
            ("countries", "meeting_country", "country_code"),
            ("topics", "meeting_topic", "topic_id"),
        ):
            # Few distinct text values: one row each, in key order (code points, as facets break ties).
            groups = sorted(
                rows(f"SELECT {key}, {sql.agg('meeting_id')} FROM {table} GROUP BY {key}"), key=lambda g: g[0]
            )
            parsed = [_ids(ids) for _, ids in groups]
            meeting_ids = np.concatenate(parsed) if parsed else np.zeros(0, np.int64)
            codes = np.repeat(np.arange(len(groups), dtype=np.int32), [len(p) for p in parsed])
            labels = (
                "SELECT code, name FROM country" if name == "countries" else "SELECT id, label FROM topic"
            )
            self.links[name] = _Links.build(
                meeting_ids, codes, [k for k, _ in groups], dict(rows(labels)), locate
            )
        for name, table, key, target in (
            ("people", "participant", "person_id", "person"),
            ("organizations", "meeting_organization", "organization_id", "organization"),
        ):
            # Integer values: the link rows as two aligned lists, numbered in numeric order.
            ((meetings, values),) = rows(
                f"SELECT {sql.agg('meeting_id', 'meeting_id, ' + key)}, "
                f"{sql.agg(key, 'meeting_id, ' + key)} FROM {table}"
            )
            keys, codes = np.unique(_ids(values), return_inverse=True)
            self.links[name] = _Links.build(
                _ids(meetings),
                codes.astype(np.int32),
                [int(k) for k in keys],
                dict(rows(f"SELECT id, name FROM {target}")),
                locate,
            )

        ((meetings, articles),) = rows(
            f"SELECT {sql.agg('meeting_id', 'meeting_id, article_id')}, "
            f"{sql.agg('article_id', 'meeting_id, article_id')} FROM meeting_source"
        )
        pos, ok = locate(_ids(meetings))
        self.source_meeting, self.source_article = pos[ok].astype(np.int32), _ids(articles)[ok]
        self._load_articles(rows, sql)
        self._load_buckets()

    @staticmethod
    def _coded(groups: list, positions: Callable, n: int) -> tuple[np.ndarray, list]:
        """A per-meeting code for a column's value (0: NULL) and the values by code."""
        keys: list = [None]
        out = np.zeros(n, np.int32)
        for value, ids in groups:
            if value is not None:
                keys.append(value)
                out[positions(_ids(ids))] = len(keys) - 1
        return out, keys

    def _load_articles(self, rows: Callable, sql: _Sql) -> None:
        """Each article's lower-cased outlet, address and source (the database's own lower(), so
        `source:` matches exactly as in SQL), in one string per article."""
        fields = f" || {sql.chr(FIELD_SEP)} || ".join(
            f"coalesce(lower({c}), '')" for c in ("outlet", "url", "source")
        )
        sep = sql.chr(ROW_SEP)
        text_agg = f"string_agg({fields}, {sep} ORDER BY id)" if sql.pg else f"group_concat({fields}, {sep})"
        ((ids, text),) = rows(f"SELECT {sql.agg('id', 'id')}, {text_agg} FROM article")
        self.article_ids = _ids(ids)
        texts = text.split(ROW_SEP) if text else []
        # Two field separators per article, no more: a separator in the data would misalign.
        if len(texts) == len(self.article_ids) and (not text or text.count(FIELD_SEP) == 2 * len(texts)):
            self.article_text = texts
        else:  # a separator inside the data: `source:` runs in the database instead
            self.article_text = None

    def _load_buckets(self) -> None:
        """Month and ISO week of every meeting the timeline counts (months: day- and month-precise
        dates; weeks: day-precise ones), as codes into sorted key lists."""
        n = len(self.ids)
        self.month = np.full(n, -1, np.int32)
        self.week = np.full(n, -1, np.int32)
        dated = self.date != NO_DATE
        days, inverse = np.unique(self.date[dated], return_inverse=True)
        months = [dt.date.fromordinal(int(d)).strftime("%Y-%m") for d in days]
        weeks = [week_key(dt.date.fromordinal(int(d))) for d in days]
        for keys_of_day, target, precisions, attr in (
            (months, self.month, (PRECISIONS["day"], PRECISIONS["month"]), "month_keys"),
            (weeks, self.week, (PRECISIONS["day"],), "week_keys"),
        ):
            keys = sorted(set(keys_of_day))
            code = {k: i for i, k in enumerate(keys)}
            day_code = np.array([code[k] for k in keys_of_day], np.int32)
            codes = np.full(n, -1, np.int32)
            codes[dated] = day_code[inverse] if len(days) else -1
            codes[~np.isin(self.precision, precisions)] = -1
            target[:] = codes
            setattr(self, attr, keys)

    # --- freshness --------------------------------------------------------------------------------

    def is_current(self, session: Session) -> bool:
        """True when the database holds the data this index was loaded from (one primary-key read)."""
        return self.version is not None and data_version(session) == self.version

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()

    # --- evaluating a query -----------------------------------------------------------------------

    def mask(self, session: Session, query: Query) -> np.ndarray | None:
        """The meetings the query matches, as a boolean array over `ids` (None: every meeting).
        Raises QueryError as `engine.conditions` does (the same message and position)."""
        if query.is_empty:
            return None
        key = ("query", *((*_term_key(t), t.negated) for t in query.terms))
        found = self._cached(key)
        if found is not None:
            return found
        plans = []
        for term in query.terms:  # every term resolved before any runs: errors come first, as in SQL
            try:
                plans.append((self._plan(term), term.negated))
            except QueryError as e:
                raise QueryError(e.message, term.position, query.text) from None
        out = np.ones(len(self.ids), bool)
        for plan, negated in plans:
            m = plan(session)
            if negated:
                out &= ~m
            else:
                out &= m
        self._remember(key, out)
        return out

    def _cached(self, key: tuple) -> np.ndarray | None:
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
            return found

    def _remember(self, key: tuple, mask: np.ndarray) -> None:
        mask.flags.writeable = False  # shared between threads: nobody may change it
        with self._lock:
            self._cache[key] = mask
            while len(self._cache) > _MASKS_KEPT:
                self._cache.popitem(last=False)

    def _plan(self, term: Term) -> Callable[[Session], np.ndarray]:
        """What the term matches, ignoring its negation: values resolved now (QueryError here),
        evaluated when called."""
        f, n = term.field, len(self.ids)
        if f == "country":
            codes = country_codes(term)
            return lambda s: self.links["countries"].mask_of(codes, n)
        if f == "topic":
            ids = topic_ids(term)
            return lambda s: self.links["topics"].mask_of(ids, n)
        if f == "person":
            people = person_ids(term.values)
            return lambda s: self.links["people"].mask_of(_scalars(s, people), n)
        if f == "org":
            orgs = organization_ids(term.values)
            return lambda s: self.links["organizations"].mask_of(_scalars(s, orgs), n)
        if f == "format":
            wanted = set(format_values(term))
            codes = [i for i, k in enumerate(self.format_keys) if k is not None and k in wanted]
            return lambda s: np.isin(self.format, codes)
        if f in ("after", "before", "date"):
            ranges = date_ranges(term)
            return lambda s: self._dates(ranges)
        if f == "location":
            needles = [v.lower() for v in term.values]
            codes = [
                i
                for i, k in enumerate(self.location_keys)
                if k is not None and any(needle in k for needle in needles)
            ]
            return lambda s: np.isin(self.location, codes)
        if f == "source" and self.article_text is not None and not any(FIELD_SEP in v for v in term.values):
            needles = [v.lower() for v in term.values]
            return lambda s: self._reported_by(self._articles_containing(needles))
        positive = replace(term, negated=False)
        condition = term_condition(positive, self.dialect)  # validates, as the SQL path would
        if f is None:
            articles = text_articles(positive, self.dialect)
            return lambda s: self._memo(
                _term_key(positive), lambda: self._reported_by(_id_array(s, articles))
            )
        return lambda s: self._memo(_term_key(positive), lambda: self._positions_mask(s, condition))

    def _memo(self, key: tuple, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """Database-evaluated terms are remembered (the app asks for a page, then the count, facets
        and timeline of one query; typing adds terms to a full-text word)."""
        key = ("term", *key)
        found = self._cached(key)
        if found is None:
            found = compute()
            self._remember(key, found)
        return found

    def _dates(self, ranges: list[tuple[dt.date | None, dt.date | None]]) -> np.ndarray:
        dated = self.date != NO_DATE
        out = np.zeros(len(self.ids), bool)
        for low, high in ranges:
            m = dated.copy()
            if low is not None:
                m &= self.date >= low.toordinal()
            if high is not None:
                m &= self.date <= high.toordinal()
            out |= m
        return out

    def _articles_containing(self, needles: list[str]) -> np.ndarray:
        texts = self.article_text or []
        hits = np.zeros(len(texts), bool)
        for needle in needles:
            hits |= np.fromiter((needle in t for t in texts), bool, len(texts))
        return self.article_ids[hits]

    def _reported_by(self, article_ids: np.ndarray) -> np.ndarray:
        """Meetings reported by any of the articles."""
        out = np.zeros(len(self.ids), bool)
        if not len(article_ids) or not len(self.source_article):
            return out
        top = int(max(self.source_article.max(), article_ids.max())) + 1
        flag = np.zeros(top, bool)
        flag[article_ids] = True
        out[self.source_meeting[flag[self.source_article]]] = True
        return out

    def _positions_mask(self, session: Session, condition) -> np.ndarray:
        ids = _id_array(session, select(Meeting.id).where(condition))
        out = np.zeros(len(self.ids), bool)
        pos = np.searchsorted(self.ids, ids)
        ok = pos < len(self.ids)
        ok[ok] = self.ids[pos[ok]] == ids[ok]
        out[pos[ok]] = True
        return out

    # --- answers ------------------------------------------------------------------------------------

    def count(self, session: Session, query: Query) -> int:
        m = self.mask(session, query)
        return len(self.ids) if m is None else int(np.count_nonzero(m))

    def ordered_ids(
        self, session: Session, query: Query, *, sort: str = "date", descending: bool = True
    ) -> np.ndarray:
        """Every matching meeting's id in `search`'s order (date or sources only)."""
        order = self._order(sort, descending)
        m = self.mask(session, query)
        chosen = order if m is None else order[m[order]]
        return self.ids[chosen]

    def _order(self, sort: str, descending: bool) -> np.ndarray:
        """Positions sorted as `search` sorts: the key with NULLs last either way, then the id."""
        key = (sort, descending)
        with self._lock:
            found = self._orders.get(key)
        if found is not None:
            return found
        if sort == "date":
            value, missing = self.date.astype(np.int64), self.date == NO_DATE
        elif sort == "sources":
            value, missing = self.n_sources, np.zeros(len(self.ids), bool)
        else:
            raise ValueError(sort)
        ids = self.ids
        order = np.lexsort((-ids, -value, missing)) if descending else np.lexsort((ids, value, missing))
        order = order.astype(np.int32)
        order.flags.writeable = False
        with self._lock:
            self._orders[key] = order
        return order

    def search(
        self,
        session: Session,
        query: Query,
        *,
        sort: str = "date",
        descending: bool = True,
        limit: int | None = 200,
        offset: int = 0,
        with_total: bool = True,
    ) -> Page:
        """`engine.search` through the index (sorts other than date and sources run in SQL)."""
        if sort not in _SORTS:
            return engine.search(
                session,
                query,
                sort=sort,
                descending=descending,
                limit=limit,
                offset=offset,
                with_total=with_total,
            )
        ids = self.ordered_ids(session, query, sort=sort, descending=descending)
        chosen = ids[offset:] if limit is None else ids[offset : offset + limit]
        rows = [MeetingRow(*r) for r in _rows_by_id(session, _SEARCH_COLUMNS, chosen)]
        if not with_total or (limit is None or (offset == 0 and len(rows) < limit)):
            total = offset + len(rows)
        else:
            total = len(ids)
        return Page(rows=rows, total=total, offset=offset)

    def table_page(
        self,
        session: Session,
        query: Query,
        *,
        sort: str = "date",
        descending: bool = True,
        limit: int,
        offset: int = 0,
    ) -> list[tuple]:
        """`browse.table_page` through the index (sorts other than date and sources run in SQL)."""
        if sort not in _SORTS:
            return browse.table_page(
                session, query, sort=sort, descending=descending, limit=limit, offset=offset
            )
        ids = self.ordered_ids(session, query, sort=sort, descending=descending)
        return _rows_by_id(session, TABLE_COLUMNS, ids[offset : offset + limit])

    def facets(self, session: Session, query: Query, *, limit: int = 30, months: bool = True) -> Facets:
        """`engine.facets` through the index."""
        m = self.mask(session, query)
        out = Facets(total=len(self.ids) if m is None else int(np.count_nonzero(m)))
        for name in ("countries", "topics", "people", "organizations"):
            values = self.links[name].top(m, limit)
            if name == "people":
                found = [FacetValue(str(k), label, c) for k, label, c in values]
            elif name == "organizations":
                found = [FacetValue(label, label, c) for _, label, c in values]
            else:
                found = [FacetValue(k, label, c) for k, label, c in values]
            setattr(out, name, found)
        if months:
            out.months = self._buckets(m, self.month, self.month_keys)
        return out

    def timeline(self, session: Session, query: Query, *, bucket: str = "month") -> list[FacetValue]:
        """`engine.timeline` through the index."""
        m = self.mask(session, query)
        if bucket == "week":
            return self._buckets(m, self.week, self.week_keys)
        return self._buckets(m, self.month, self.month_keys)

    def months_and_coverage(
        self, session: Session, query: Query, *, bucket: str = "month"
    ) -> tuple[list[FacetValue], DateCoverage]:
        """`browse.months_and_coverage` through the index."""
        m = self.mask(session, query)
        precision = self.precision if m is None else self.precision[m]
        counts = np.bincount(precision, minlength=4)
        coverage = DateCoverage(
            day=int(counts[PRECISIONS["day"]]),
            month=int(counts[PRECISIONS["month"]]),
            year=int(counts[PRECISIONS["year"]]),
            undated=int(counts[0]),
        )
        if bucket == "week":
            return self._buckets(m, self.week, self.week_keys), coverage
        return self._buckets(m, self.month, self.month_keys), coverage

    @staticmethod
    def _buckets(mask: np.ndarray | None, codes: np.ndarray, keys: list[str]) -> list[FacetValue]:
        chosen = codes if mask is None else codes[mask]
        counts = np.bincount(chosen[chosen >= 0], minlength=len(keys))
        return [FacetValue(keys[i], keys[i], int(counts[i])) for i in np.flatnonzero(counts)]


# --- helpers -------------------------------------------------------------------------------------------

_SEARCH_COLUMNS = ROW_COLUMNS


def _term_key(term: Term) -> tuple:
    return (term.field, term.values, term.phrase)


def _rows_by_id(session: Session, columns, ids: np.ndarray) -> list[tuple]:
    """The rows of these meetings, in this order (a meeting deleted since the index was loaded is
    left out)."""
    if not len(ids):
        return []
    wanted = [int(i) for i in ids]
    found = {r[0]: tuple(r) for r in session.execute(select(*columns).where(Meeting.id.in_(wanted)))}
    return [found[i] for i in wanted if i in found]


def _scalars(session: Session, stmt) -> list:
    return list(session.execute(stmt).scalars())


def _id_array(session: Session, stmt) -> np.ndarray:
    """The integers a one-column SELECT returns, as one aggregated string (tens of thousands of ids
    cost a tuple each otherwise)."""
    sub = stmt.subquery()
    col = next(iter(sub.c))
    if session.get_bind().dialect.name == "postgresql":
        agg = func.string_agg(cast(col, Text), ",")
    else:
        agg = func.group_concat(cast(col, Integer))
    return _ids(session.execute(select(agg)).scalar_one())
