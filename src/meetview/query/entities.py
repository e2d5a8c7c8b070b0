"""Tables of people, countries, organizations and topics for a query's meetings, and a person view."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import and_, func, select, true
from sqlalchemy.orm import aliased
from sqlmodel import Session

from meetview.query.engine import ROW_COLUMNS, MeetingRow, conditions, search
from meetview.query.parser import Query
from meetview.store.models import (
    Country,
    Meeting,
    MeetingCountry,
    MeetingOrganization,
    MeetingTopic,
    Organization,
    Participant,
    Person,
    PersonAlias,
    Topic,
)


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    aliases: str  # other written forms, comma separated
    country: str | None
    roles: str
    meetings: int
    last_met: str | None


@dataclass(frozen=True)
class GroupRow:
    """A country or an organization: how often it took part, and with whom most."""

    key: str  # ISO code or organization name (what a filter term takes)
    name: str
    meetings: int
    partners: str  # most frequent co-participating countries, e.g. "NO 4, SE 3"
    last_met: str | None


@dataclass(frozen=True)
class TopicRow:
    id: str
    label: str
    meetings: int
    trend: tuple[int, ...]  # meetings per month over the last months that have data, oldest first
    last_met: str | None


@dataclass
class PersonView:
    id: int
    name: str
    country: str | None
    aliases: list[str] = field(default_factory=list)
    roles: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # (role, first, last date)
    meetings: list[MeetingRow] = field(default_factory=list)
    counterparts: list[tuple[int, str, int]] = field(default_factory=list)  # (person id, name, meetings)


def _ids(session: Session, query: Query):
    conds = conditions(query, session.get_bind().dialect.name)
    return select(Meeting.id).where(and_(true(), *conds)) if conds else None


def _scope(stmt, column, ids):
    return stmt.where(column.in_(ids)) if ids is not None else stmt


def people(session: Session, query: Query, *, limit: int = 500) -> list[PersonRow]:
    ids = _ids(session, query)
    n = func.count(func.distinct(Participant.meeting_id)).label("n")
    last = func.max(Meeting.date).label("last")
    stmt = (
        _scope(
            select(Participant.person_id, n, last)
            .join(Meeting, Meeting.id == Participant.meeting_id)
            .group_by(Participant.person_id),
            Participant.meeting_id,
            ids,
        )
        .order_by(n.desc())
        .limit(limit)
    )
    rows = session.execute(stmt).all()
    pids = [r.person_id for r in rows]
    persons = {p.id: p for p in session.execute(select(Person).where(Person.id.in_(pids))).scalars()}
    aliases: dict[int, list[str]] = defaultdict(list)
    for pid, alias in session.execute(
        select(PersonAlias.person_id, PersonAlias.alias)
        .where(PersonAlias.person_id.in_(pids))
        .order_by(PersonAlias.id)
    ):
        aliases[pid].append(alias)
    roles: dict[int, Counter] = defaultdict(Counter)
    for pid, role in session.execute(
        select(Participant.person_id, Participant.role).where(
            Participant.person_id.in_(pids), Participant.role.is_not(None)
        )
    ):
        roles[pid][role] += 1
    out = []
    for r in rows:
        p = persons.get(r.person_id)
        if p is None:
            continue
        others = [a for a in aliases[p.id] if a != p.name]
        out.append(
            PersonRow(
                p.id,
                p.name,
                ", ".join(others),
                p.country,  # type: ignore[arg-type]
                "; ".join(role for role, _ in roles[p.id].most_common(3)),
                r.n,
                r.last,
            )
        )
    return out


def _partners(session: Session, link_col, key_col, keys: list, ids) -> dict:
    """For each key (country or organization), the countries that most often met alongside it."""
    other = aliased(MeetingCountry)
    stmt = select(key_col, other.country_code, func.count().label("n")).join(
        other, other.meeting_id == link_col
    )
    stmt = _scope(stmt.where(key_col.in_(keys)), link_col, ids).group_by(key_col, other.country_code)
    counts: dict = defaultdict(Counter)
    for key, code, n in session.execute(stmt):
        if key != code:
            counts[key][code] = n
    return {k: ", ".join(f"{c} {n}" for c, n in v.most_common(4)) for k, v in counts.items()}


def _groups(session: Session, query: Query, link, key_col, entity_key, entity_name, limit: int):
    """Meetings per country or organization for a query, the most first, with each one's name, most
    frequent partners and last meeting date: (key, name, count, partners, last) rows."""
    ids = _ids(session, query)
    n = func.count().label("n")
    last = func.max(Meeting.date).label("last")
    stmt = (
        _scope(
            select(key_col.label("key"), n, last)
            .join(Meeting, Meeting.id == link.meeting_id)
            .group_by(key_col),
            link.meeting_id,
            ids,
        )
        .order_by(n.desc())
        .limit(limit)
    )
    rows = session.execute(stmt).all()
    keys = [r.key for r in rows]
    names = dict(session.execute(select(entity_key, entity_name).where(entity_key.in_(keys))).all())
    partners = _partners(session, link.meeting_id, key_col, keys, ids)
    return [(r.key, names.get(r.key), r.n, partners.get(r.key, ""), r.last) for r in rows]


def countries(session: Session, query: Query, *, limit: int = 300) -> list[GroupRow]:
    rows = _groups(
        session, query, MeetingCountry, MeetingCountry.country_code, Country.code, Country.name, limit
    )
    return [GroupRow(code, name or code, n, partners, last) for code, name, n, partners, last in rows]


def organizations(session: Session, query: Query, *, limit: int = 300) -> list[GroupRow]:
    rows = _groups(
        session,
        query,
        MeetingOrganization,
        MeetingOrganization.organization_id,
        Organization.id,
        Organization.name,
        limit,
    )
    return [
        GroupRow(name, name, n, partners, last) for _, name, n, partners, last in rows if name is not None
    ]


def topics(session: Session, query: Query, *, months: int = 12) -> list[TopicRow]:
    ids = _ids(session, query)
    dialect = session.get_bind().dialect.name
    month = (
        func.to_char(Meeting.date_start, "YYYY-MM")
        if dialect == "postgresql"
        else func.strftime("%Y-%m", Meeting.date_start)
    ).label("month")
    stmt = _scope(
        select(MeetingTopic.topic_id, month, func.count().label("n"), func.max(Meeting.date).label("last"))
        .join(Meeting, Meeting.id == MeetingTopic.meeting_id)
        .group_by(MeetingTopic.topic_id, month),
        MeetingTopic.meeting_id,
        ids,
    )
    per: dict[str, Counter] = defaultdict(Counter)
    last: dict[str, str | None] = {}
    all_months: set[str] = set()
    for tid, m, n, latest in session.execute(stmt):
        per[tid][m] += n
        if m:
            all_months.add(m)
        if latest and (last.get(tid) is None or latest > (last[tid] or "")):
            last[tid] = latest
        last.setdefault(tid, latest)
    window = sorted(all_months)[-months:]
    labels = dict(session.execute(select(Topic.id, Topic.label).where(Topic.id.in_(list(per)))).all())
    rows = [
        TopicRow(
            tid, labels.get(tid, tid), sum(c.values()), tuple(c.get(m, 0) for m in window), last.get(tid)
        )
        for tid, c in per.items()
    ]
    return sorted(rows, key=lambda r: (-r.meetings, r.id))


def person_view(session: Session, person_id: int, *, limit: int = 500) -> PersonView | None:
    """One person: aliases, roles over time, meetings, and most frequent counterparts."""
    person = session.get(Person, person_id)
    if person is None:
        return None
    view = PersonView(person.id, person.name, person.country)  # type: ignore[arg-type]
    view.aliases = list(
        session.execute(
            select(PersonAlias.alias).where(PersonAlias.person_id == person_id).order_by(PersonAlias.id)
        ).scalars()
    )
    for role, first, latest in session.execute(
        select(Participant.role, func.min(Meeting.date), func.max(Meeting.date))
        .join(Meeting, Meeting.id == Participant.meeting_id)
        .where(Participant.person_id == person_id, Participant.role.is_not(None))
        .group_by(Participant.role)
        .order_by(func.min(Meeting.date))
    ):
        view.roles.append((role, first, latest))
    ids_q = select(Participant.meeting_id).where(Participant.person_id == person_id)
    view.meetings = _meetings_by_ids(session, ids_q, limit)
    other = aliased(Participant)
    for pid, name, n in session.execute(
        select(other.person_id, Person.name, func.count().label("n"))
        .join(Person, Person.id == other.person_id)
        .where(other.meeting_id.in_(ids_q), other.person_id != person_id)
        .group_by(other.person_id, Person.name)
        .order_by(func.count().desc())
        .limit(20)
    ):
        view.counterparts.append((pid, name, n))
    return view


def _meetings_by_ids(session: Session, ids_q, limit: int) -> list[MeetingRow]:
    stmt = (
        select(*ROW_COLUMNS)
        .where(Meeting.id.in_(ids_q))
        .order_by(Meeting.date_start.is_(None), Meeting.date_start.desc(), Meeting.id.desc())
        .limit(limit)
    )
    return [MeetingRow(*r) for r in session.execute(stmt).all()]


def country_pair(session: Session, a: str, b: str, *, limit: int | None = 500):
    """Every meeting both countries took part in (the same as the query `country:A country:B`)."""
    from meetview.query.parser import parse

    return search(session, parse(f"country:{a} country:{b}"), limit=limit)
