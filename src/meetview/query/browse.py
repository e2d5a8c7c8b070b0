"""Small reads the browser needs besides search and facets: date coverage and completion vocabulary."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, func, select, true
from sqlmodel import Session

from meetview.extract.taxonomy import load_topics
from meetview.query.engine import SORTS, FacetValue, conditions, iso_weeks
from meetview.query.parser import Query
from meetview.query.values import FORMATS
from meetview.store.models import (
    Country,
    Meeting,
    MeetingCountry,
    MeetingOrganization,
    MeetingTopic,
    Organization,
    Participant,
    Person,
    Topic,
)


@dataclass(frozen=True)
class DateCoverage:
    """How precisely the query's meetings are dated: the timeline buckets only day and month dates."""

    day: int = 0
    month: int = 0
    year: int = 0
    undated: int = 0

    @property
    def total(self) -> int:
        return self.day + self.month + self.year + self.undated


def date_coverage(session: Session, query: Query) -> DateCoverage:
    """Counts of the query's meetings by date precision (day, month-only, year-only, undated)."""
    conds = conditions(query, session.get_bind().dialect.name)
    rows = session.execute(
        select(Meeting.date_precision, func.count())
        .where(and_(true(), *conds))
        .group_by(Meeting.date_precision)
    ).all()
    counts = {p: n for p, n in rows}
    return DateCoverage(
        day=counts.get("day", 0),
        month=counts.get("month", 0),
        year=counts.get("year", 0),
        undated=counts.get(None, 0),
    )


def months_and_coverage(
    session: Session, query: Query, *, bucket: str = "month"
) -> tuple[list[FacetValue], DateCoverage]:
    """The timeline's buckets and the date coverage in one scan of the query's meetings.

    Months count day- and month-precise meetings (as `timeline` does); ISO weeks count day-precise
    ones only (a second query). Year-only and undated meetings are counted in the coverage, never
    put in a bucket.
    """
    dialect = session.get_bind().dialect.name
    conds = conditions(query, dialect)
    if dialect == "postgresql":
        key = func.to_char(Meeting.date_start, "YYYY-MM")
    else:  # dates are stored as ISO text: a substring is 2-3x cheaper than strftime
        key = func.substr(Meeting.date_start, 1, 7)
    k = key.label("k")
    rows = session.execute(
        select(k, Meeting.date_precision, func.count())
        .where(and_(true(), *conds))
        .group_by(k, Meeting.date_precision)
    ).all()
    counts = {"day": 0, "month": 0, "year": 0, None: 0}
    months: dict[str, int] = {}
    for month, precision, n in rows:
        counts[precision if precision in counts else None] += n
        if precision in ("day", "month") and month:
            months[month] = months.get(month, 0) + n
    coverage = DateCoverage(counts["day"], counts["month"], counts["year"], counts[None])
    if bucket == "week":
        return iso_weeks(session, conds), coverage
    return [FacetValue(m, m, n) for m, n in sorted(months.items())], coverage


TABLE_COLUMNS = (
    Meeting.id,
    Meeting.date,
    Meeting.participants_label,
    Meeting.countries_label,
    Meeting.topics_label,
    Meeting.format,
    Meeting.n_sources,
)


def table_page(
    session: Session,
    query: Query,
    *,
    sort: str = "date",
    descending: bool = True,
    limit: int,
    offset: int = 0,
) -> list[tuple]:
    """The rows a meetings table shows, as plain tuples (id, date, participants, countries, topics,
    format, sources), in `search`'s order: the same page without the columns and objects a table
    does not need (a quarter less time for 1,000 of 100k meetings)."""
    keys = SORTS.get(sort)
    if keys is None:
        raise ValueError(f"unknown sort {sort!r}")
    order = [(k.desc() if descending else k.asc()).nulls_last() for k in keys]
    order.append(Meeting.id.desc() if descending else Meeting.id.asc())
    conds = conditions(query, session.get_bind().dialect.name)
    stmt = select(*TABLE_COLUMNS).where(and_(true(), *conds)).order_by(*order).offset(offset).limit(limit)
    return [tuple(r) for r in session.execute(stmt).all()]


@dataclass(frozen=True)
class Choice:
    """One value a filter field can take: what to type, what to show, how many meetings have it."""

    value: str
    label: str
    count: int = 0


@dataclass
class Vocabulary:
    """Values worth completing per field, most frequent first."""

    countries: list[Choice] = field(default_factory=list)
    topics: list[Choice] = field(default_factory=list)
    people: list[Choice] = field(default_factory=list)  # value: "#id"
    organizations: list[Choice] = field(default_factory=list)
    formats: list[Choice] = field(default_factory=list)


def vocabulary(session: Session, *, people_limit: int = 5000) -> Vocabulary:
    """What the database holds, for completing `country:`, `topic:`, `person:`, `org:` and `format:`."""
    n = func.count().label("n")
    out = Vocabulary()
    seen_countries = session.execute(
        select(Country.code, Country.name, func.count(MeetingCountry.meeting_id))
        .join(MeetingCountry, MeetingCountry.country_code == Country.code, isouter=True)
        .group_by(Country.code, Country.name)
        .order_by(func.count(MeetingCountry.meeting_id).desc(), Country.code)
    ).all()
    out.countries = [Choice(code, name, c) for code, name, c in seen_countries]
    topic_counts = dict(
        session.execute(select(MeetingTopic.topic_id, n).group_by(MeetingTopic.topic_id)).all()
    )
    labels = {t.id: t.label for t in load_topics().values()}
    labels.update(dict(session.execute(select(Topic.id, Topic.label)).all()))
    out.topics = sorted(
        (Choice(tid, label, topic_counts.get(tid, 0)) for tid, label in labels.items()),
        key=lambda c: (-c.count, c.value),
    )
    out.people = [
        Choice(f"#{pid}", name, c)
        for pid, name, c in session.execute(
            select(Person.id, Person.name, n)
            .join(Participant, Participant.person_id == Person.id)
            .group_by(Person.id, Person.name)
            .order_by(n.desc(), Person.name)
            .limit(people_limit)
        ).all()
    ]
    out.organizations = [
        Choice(name, name, c)
        for name, c in session.execute(
            select(Organization.name, n)
            .join(MeetingOrganization, MeetingOrganization.organization_id == Organization.id)
            .group_by(Organization.name)
            .order_by(n.desc(), Organization.name)
        ).all()
    ]
    format_counts = dict(
        session.execute(
            select(Meeting.format, n).where(Meeting.format.is_not(None)).group_by(Meeting.format)
        ).all()
    )
    out.formats = [Choice(f, f, format_counts.get(f, 0)) for f in sorted(set(FORMATS.values()))]
    return out
