"""Run queries: a parsed Query compiled to SQL (bound parameters only), pages of meetings, facets.

Every caller (CLI, export, TUI) goes through these functions, so they never disagree. Results are
plain dataclasses, never ORM objects, so they can cross threads and be rendered directly.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    column,
    false,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    table,
    true,
    union_all,
)
from sqlmodel import Session

from meetview.extract.names import skeleton
from meetview.query.parser import Query, QueryError, Term
from meetview.query.values import resolve_countries, resolve_format, resolve_topics
from meetview.store.dates import date_bounds
from meetview.store.models import (
    Article,
    Country,
    Meeting,
    MeetingCountry,
    MeetingOrganization,
    MeetingSource,
    MeetingTopic,
    Organization,
    Participant,
    Person,
    PersonAlias,
    Topic,
)

_FTS = table("article_fts", column("rowid"), column("article_fts"))  # FTS5's hidden table-named column
# PostgreSQL: a stored generated tsvector column with a GIN index (migration 0004).
PG_TSVECTOR = literal_column("article.article_fts_vector")
SORTS = {
    "date": (Meeting.date_start,),
    "participants": (Meeting.participants_label,),
    "countries": (Meeting.countries_label,),
    "topics": (Meeting.topics_label,),
    "format": (Meeting.format,),
    "location": (Meeting.location,),
    "sources": (Meeting.n_sources,),
}


@dataclass(frozen=True)
class MeetingRow:
    id: int
    date: str | None
    participants: str
    countries: str
    topics: str
    organizations: str
    format: str | None
    location: str | None
    n_sources: int
    evidence: str | None


# The columns a MeetingRow is made from, in its fields' order (every query that returns rows selects these).
ROW_COLUMNS = (
    Meeting.id,
    Meeting.date,
    Meeting.participants_label,
    Meeting.countries_label,
    Meeting.topics_label,
    Meeting.organizations_label,
    Meeting.format,
    Meeting.location,
    Meeting.n_sources,
    Meeting.evidence,
)


@dataclass
class Page:
    rows: list[MeetingRow]
    total: int
    offset: int = 0

    @property
    def truncated(self) -> bool:
        return self.offset + len(self.rows) < self.total


@dataclass(frozen=True)
class FacetValue:
    value: str  # what a filter term takes (ISO code, topic id, person id, org name, YYYY-MM)
    label: str
    count: int


@dataclass
class Facets:
    total: int
    countries: list[FacetValue] = field(default_factory=list)
    topics: list[FacetValue] = field(default_factory=list)
    people: list[FacetValue] = field(default_factory=list)
    organizations: list[FacetValue] = field(default_factory=list)
    months: list[FacetValue] = field(default_factory=list)


# --- compiling terms ---------------------------------------------------------------------------


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_articles(term: Term, dialect: str) -> Select:
    """SELECT the ids of the articles a free-text term (words or a phrase) matches."""
    words = " ".join(term.values)
    if dialect == "postgresql":
        fn = func.phraseto_tsquery if term.phrase else func.plainto_tsquery
        return select(Article.id).where(PG_TSVECTOR.op("@@")(fn(literal_column("'english'"), words)))
    # Every word quoted as an FTS5 string: the user's text can never be FTS5 syntax.
    tokens = [words] if term.phrase else words.split()
    expr = " ".join('"' + t.replace('"', '""') + '"' for t in tokens if t)
    return select(_FTS.c.rowid).where(_FTS.c.article_fts.op("MATCH")(expr))


def _in_links(column, link_value_column, values) -> ColumnElement[bool]:
    return Meeting.id.in_(select(column).where(link_value_column.in_(values)))


def _reported_by(articles: Select) -> ColumnElement[bool]:
    return Meeting.id.in_(select(MeetingSource.meeting_id).where(MeetingSource.article_id.in_(articles)))


def person_ids(values: tuple[str, ...]) -> Select:
    """SELECT the ids of the people `person:` values denote: `#ID` exactly, else any written form
    whose skeleton has a word starting with the value's skeleton (Boiev finds Boyev)."""
    clauses = []
    for v in values:
        if v.startswith("#") and v[1:].isdigit():  # an exact person id, as facets and the app use
            clauses.append(PersonAlias.person_id == int(v[1:]))
            continue
        s = skeleton(v)
        if not s:
            clauses.append(false())
            continue
        e = _like_escape(s)
        clauses.append(
            or_(
                PersonAlias.folded.like(e + "%", escape="\\"),
                PersonAlias.folded.like("% " + e + "%", escape="\\"),
            )
        )
    return select(PersonAlias.person_id).where(or_(*clauses))


def organization_ids(values: tuple[str, ...]) -> Select:
    """SELECT the ids of the organizations whose name starts with any of the values (any case)."""
    return select(Organization.id).where(
        or_(*[func.lower(Organization.name).like(_like_escape(v.lower()) + "%", escape="\\") for v in values])
    )


def source_articles(values: tuple[str, ...]) -> Select:
    """SELECT the ids of the articles whose outlet, address or source contains any of the values."""
    return select(Article.id).where(
        or_(*[or_(*[contains(column, v) for column in SOURCE_COLUMNS]) for v in values])
    )


SOURCE_COLUMNS = (Article.outlet, Article.url, Article.source)


def contains(column, value: str) -> ColumnElement[bool]:
    """`lower(column)` contains `value.lower()`, as `location:` and `source:` match (the database's
    own lower(); `value.lower()` holds no ASCII capital, so SQLite's case-blind LIKE changes nothing)."""
    return func.lower(column).like("%" + _like_escape(value.lower()) + "%", escape="\\")


def country_codes(term: Term) -> list[str]:
    """The ISO codes a `country:` term takes (any of them); QueryError for an unknown value."""
    codes = []
    for v in term.values:
        found = resolve_countries(v)
        if not found:
            raise QueryError(
                f"unknown country '{v}' (an ISO code, a name, a demonym or a group)", term.position
            )
        codes.extend(found)
    return codes


def topic_ids(term: Term) -> list[str]:
    """The topic ids a `topic:` term takes; QueryError when no topic matches."""
    ids = [t for v in term.values for t in resolve_topics(v)]
    if not ids:
        raise QueryError(f"unknown topic '{','.join(term.values)}'", term.position)
    return ids


def format_values(term: Term) -> list[str]:
    formats = []
    for v in term.values:
        fmt = resolve_format(v)
        if fmt is None:
            raise QueryError(f"unknown format '{v}' (in-person, video, phone)", term.position)
        formats.append(fmt)
    return formats


def date_ranges(term: Term) -> list[tuple[dt.date | None, dt.date | None]]:
    """For each value of an `after:`/`before:`/`date:` term, the first and last start date it admits
    (None: unbounded); QueryError for a value that is not a partial ISO date."""
    out = []
    for value in term.values:
        start, end, _ = date_bounds(value)
        if start is None or end is None:
            raise QueryError(f"'{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", term.position)
        if term.field == "after":
            out.append((start, None))
        elif term.field == "before":
            out.append((None, end))
        else:
            out.append((start, end))
    return out


def _date_condition(low: dt.date | None, high: dt.date | None) -> ColumnElement[bool]:
    if high is None:
        return Meeting.date_start >= low
    if low is None:
        return Meeting.date_start <= high
    return and_(Meeting.date_start >= low, Meeting.date_start <= high)


# Fields whose condition is `meeting.id IN (subquery)`: never NULL, so negation is a plain NOT IN.
LINK_FIELDS = (None, "country", "topic", "person", "org", "source")


def term_condition(term: Term, dialect: str) -> ColumnElement[bool]:
    f, values = term.field, term.values
    if f is None:
        cond = _reported_by(text_articles(term, dialect))
    elif f == "country":
        cond = _in_links(MeetingCountry.meeting_id, MeetingCountry.country_code, country_codes(term))
    elif f == "topic":
        cond = _in_links(MeetingTopic.meeting_id, MeetingTopic.topic_id, topic_ids(term))
    elif f == "person":
        cond = _in_links(Participant.meeting_id, Participant.person_id, person_ids(values))
    elif f == "org":
        cond = _in_links(
            MeetingOrganization.meeting_id, MeetingOrganization.organization_id, organization_ids(values)
        )
    elif f == "format":
        cond = Meeting.format.in_(format_values(term))
    elif f == "location":
        cond = or_(*[contains(Meeting.location, v) for v in values])
    elif f in ("after", "before", "date"):
        cond = or_(*[_date_condition(low, high) for low, high in date_ranges(term)])
    elif f == "source":
        cond = _reported_by(source_articles(values))
    else:  # the parser only produces known fields
        raise QueryError(f"unknown field '{f}'", term.position)
    if term.negated:
        if f in LINK_FIELDS:
            # `meeting.id IN (subquery)` is never NULL (ids and link keys are NOT NULL), so a plain
            # NOT IN, which the database evaluates once, means the same as the coalesce below.
            return not_(cond)
        return not_(func.coalesce(cond, false()))  # a NULL column (no format) does not match
    return cond


def conditions(query: Query, dialect: str) -> list[ColumnElement[bool]]:
    """SQL conditions on Meeting for every term; raises QueryError (with the term's position)."""
    out = []
    for term in query.terms:
        try:
            out.append(term_condition(term, dialect))
        except QueryError as e:
            raise QueryError(e.message, term.position, query.text) from None
    return out


def matching_ids(query: Query, dialect: str) -> Select:
    """SELECT meeting.id for the query: the one subquery facets, exports and pages share."""
    return select(Meeting.id).where(and_(true(), *conditions(query, dialect)))


# --- running -----------------------------------------------------------------------------------


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def count(session: Session, query: Query) -> int:
    conds = conditions(query, _dialect(session))
    return session.execute(select(func.count()).select_from(Meeting).where(and_(true(), *conds))).scalar_one()


def search(
    session: Session,
    query: Query,
    *,
    sort: str = "date",
    descending: bool = True,
    limit: int | None = 200,
    offset: int = 0,
    with_total: bool = True,
) -> Page:
    """A page of meetings matching the query, sorted; `total` counts all matches."""
    conds = conditions(query, _dialect(session))
    keys = SORTS.get(sort)
    if keys is None:
        raise QueryError(f"unknown sort '{sort}' (sorts: {', '.join(SORTS)})", 0)
    # Unknown values last, whatever the direction. NULLS LAST (not an `IS NULL` sort key) lets
    # SQLite walk the (date_start, id) index backwards and stop at the limit: 14 ms instead of
    # 85 ms for the newest 2,000 of 100k meetings.
    order = [(k.desc() if descending else k.asc()).nulls_last() for k in keys]
    order.append(Meeting.id.desc() if descending else Meeting.id.asc())
    stmt = select(*ROW_COLUMNS).where(and_(true(), *conds)).order_by(*order).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    rows = [MeetingRow(*r) for r in session.execute(stmt).all()]
    if not with_total or (limit is None or (offset == 0 and len(rows) < limit)):
        total = offset + len(rows)
    else:
        total = session.execute(
            select(func.count()).select_from(Meeting).where(and_(true(), *conds))
        ).scalar_one()
    return Page(rows=rows, total=total, offset=offset)


def _month_expr(dialect: str):
    if dialect == "postgresql":
        return func.to_char(Meeting.date_start, "YYYY-MM")
    return func.substr(Meeting.date_start, 1, 7)  # dates are ISO text on SQLite: cheaper than strftime


FACETS = ("countries", "topics", "people", "organizations", "total", "months")
# Facets split into two statements of about equal cost (at 100k meetings: countries ~30 ms, topics
# ~30, people ~20, months ~20, organizations and total ~2), run side by side when allowed.
_HALVES = (("countries", "people", "organizations"), ("topics", "months", "total"))
_POOL: ThreadPoolExecutor | None = None


def facets(session: Session, query: Query, *, limit: int = 30, months: bool = True) -> Facets:
    """Counts per country, topic, person, organization and month for the meetings the query matches.

    `months=False` leaves `months` empty (the app counts months and date precision in one scan).
    The matching meetings are computed once per statement (a materialized CTE, however costly the
    filter: full text, outlets), then every facet is a grouped count over them joined to its
    labels, all in a UNION ALL. A session that has not begun a transaction (so holds no writes of
    its own) gets the facets as two statements run side by side, the second on its own connection.
    """
    dialect = _dialect(session)
    conds = conditions(query, dialect)
    wanted = [f for f in FACETS if months or f != "months"]
    if _may_run_side_by_side(session):
        first, second = ([f for f in half if f in wanted] for half in _HALVES)
        engine = session.get_bind()

        def run_second() -> list:
            with Session(engine) as other:
                return other.execute(_facet_statement(dialect, conds, limit, second)).all()

        pending = _pool().submit(run_second)
        rows = session.execute(_facet_statement(dialect, conds, limit, first)).all()
        rows += pending.result()
    else:
        rows = session.execute(_facet_statement(dialect, conds, limit, wanted)).all()

    out = Facets(total=0)
    found: dict[str, list[tuple[str, str, int]]] = {}
    for facet, key_, label_, count_ in rows:
        if facet == "total":
            out.total = count_
        else:
            found.setdefault(facet, []).append((key_, label_, count_))
    for facet, values in found.items():
        if facet == "months":
            per_month: dict[str, int] = {}
            for day, _, c in values:
                per_month[day[:7]] = per_month.get(day[:7], 0) + c
            out.months = [FacetValue(m, m, c) for m, c in sorted(per_month.items())]
            continue
        if facet in ("people", "organizations"):  # integer ids: order as numbers, as the query did
            values.sort(key=lambda v: (-v[2], int(v[0])))
        else:
            values.sort(key=lambda v: (-v[2], v[0]))
        if facet == "organizations":
            values = [(label_, label_, c) for _, label_, c in values]
        setattr(out, facet, [FacetValue(v, label_, c) for v, label_, c in values])
    return out


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="meetview-facets")
    return _POOL


def _may_run_side_by_side(session: Session) -> bool:
    """Another connection sees what this session sees: it has not begun a transaction (no writes
    of its own), the database is a file or a server (not in memory), and there is a second core."""
    if session.in_transaction() or (os.cpu_count() or 1) < 2:
        return False
    url = session.get_bind().url
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        return bool(database) and database != ":memory:" and "mode=memory" not in str(url)
    return True


def _facet_statement(dialect: str, conds: list, limit: int, parts: list[str]):
    """One UNION ALL of (facet, key, label, count) rows for the given facets."""
    matching = None
    if conds:
        matching = select(Meeting.id.label("id")).where(and_(*conds)).cte("matching")
        matching = matching.prefix_with("MATERIALIZED")

    def scoped(stmt, meeting_col):
        return stmt if matching is None else stmt.where(meeting_col.in_(select(matching.c.id)))

    n = func.count().label("n")
    branches = []
    for name, link, key, target, target_key, label in (
        ("countries", MeetingCountry, MeetingCountry.country_code, Country, Country.code, Country.name),
        ("topics", MeetingTopic, MeetingTopic.topic_id, Topic, Topic.id, Topic.label),
        ("people", Participant, Participant.person_id, Person, Person.id, Person.name),
        (
            "organizations",
            MeetingOrganization,
            MeetingOrganization.organization_id,
            Organization,
            Organization.id,
            Organization.name,
        ),
    ):
        if name not in parts:
            continue
        # Ties in code-point order on every database (PostgreSQL would use the locale's collation).
        tie = key.collate("C") if dialect == "postgresql" and name in ("countries", "topics") else key
        top = (
            scoped(select(key.label("k"), n).group_by(key), link.meeting_id)
            .order_by(n.desc(), tie)
            .limit(limit)
            .subquery()
        )
        branches.append(
            select(
                literal(name).label("facet"),
                cast(top.c.k, String).label("k"),
                label.label("label"),
                top.c.n,
            ).join_from(top, target, target_key == top.c.k)
        )
    if "total" in parts:
        if matching is None:
            total = select(func.count()).select_from(Meeting).scalar_subquery()
        else:
            total = select(func.count()).select_from(matching).scalar_subquery()
        branches.append(
            select(literal("total"), literal(None, String), literal(None, String), total.label("n"))
        )
    if "months" in parts:
        # Counts per start date (a walk of the (precision, start) index in its order, no sort);
        # the caller sums them into months: 2.5x cheaper than grouping by a month expression.
        per_day = scoped(
            select(Meeting.date_precision, Meeting.date_start, func.count().label("n"))
            .where(Meeting.date_precision.in_(["day", "month"]), Meeting.date_start.is_not(None))
            .group_by(Meeting.date_precision, Meeting.date_start),
            Meeting.id,
        ).subquery()
        branches.append(
            select(literal("months"), cast(per_day.c.date_start, String), literal(None, String), per_day.c.n)
        )
    return union_all(*branches)


def timeline(session: Session, query: Query, *, bucket: str = "month", _conds=None) -> list[FacetValue]:
    """Meetings per month (or ISO week) in date order; undated or year-only meetings are not bucketed.

    Months count day- and month-precise meetings, ISO weeks day-precise ones only."""
    dialect = _dialect(session)
    conds = _conds if _conds is not None else conditions(query, dialect)
    if bucket == "week":
        return iso_weeks(session, conds)
    k = _month_expr(dialect).label("k")
    stmt = (
        select(k, func.count().label("n"))
        .where(and_(Meeting.date_precision.in_(["day", "month"]), *conds))
        .group_by(k)
        .order_by(k)
    )
    return [FacetValue(v, v, c) for v, c in session.execute(stmt).all() if v]


def week_key(day: dt.date) -> str:
    """An ISO week's key: 2024-W46."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def iso_weeks(session: Session, conds) -> list[FacetValue]:
    """Day-precise meetings per ISO week ("2024-W46"), counted in Python from per-day counts, so
    SQLite and PostgreSQL agree (their own week formats do not)."""
    weeks: dict[str, int] = {}
    for day, n in session.execute(
        select(Meeting.date_start, func.count())
        .where(and_(Meeting.date_precision == "day", *conds))
        .group_by(Meeting.date_start)
    ):
        if day is None:
            continue
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        key = week_key(day)
        weeks[key] = weeks.get(key, 0) + n
    return [FacetValue(k, k, n) for k, n in sorted(weeks.items())]


def date_range(session: Session) -> tuple[dt.date | None, dt.date | None]:
    return session.execute(select(func.min(Meeting.date_start), func.max(Meeting.date_end))).one()  # type: ignore[return-value]
