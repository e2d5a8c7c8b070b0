"""Writes: store one article with its extracted meetings, merging meetings and people across articles.

A meeting is recomputed from the records of all its sources, so an article that changes or goes
away leaves every meeting exactly as the remaining sources describe it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import delete, func, insert, select, text, update
from sqlmodel import Session

from meetview import records
from meetview.extract.countries import country_name
from meetview.extract.names import fuller, given_names, same_person, skeleton, surname_key
from meetview.extract.taxonomy import topic_label
from meetview.sanitize import clean_line, clean_text
from meetview.store.dates import date_bounds
from meetview.store.models import (
    Article,
    Country,
    ImportSource,
    Meeting,
    MeetingCountry,
    MeetingOrganization,
    MeetingSource,
    MeetingTopic,
    Organization,
    Participant,
    Person,
    PersonAlias,
    Span,
    Topic,
)


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def content_hash(article: records.Article) -> str:
    h = hashlib.sha256()
    h.update((article.title or "").encode("utf-8", "surrogatepass"))
    h.update(b"\x00")
    h.update(article.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def bytes_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


WRITE_LOCK = 0x6D657772  # "mewr": one writer at a time on a shared PostgreSQL


def lock_for_writing(session: Session) -> None:
    """Serialize writers: on PostgreSQL, an advisory lock held until this transaction ends.

    Two importers writing the same articles then never race on people, countries or articles;
    SQLite's own database lock already serializes its writers.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})


# --- import sources ------------------------------------------------------------------------------


def known_sources(session: Session) -> dict[str, str]:
    """location -> hash of every source imported so far (for the unchanged check before parsing)."""
    return dict(session.execute(select(ImportSource.location, ImportSource.source_hash)).all())


def record_source(session: Session, location: str, source_hash: str, articles: int) -> None:
    row = session.get(ImportSource, location)
    if row is None:
        session.add(
            ImportSource(location=location, source_hash=source_hash, articles=articles, imported_at=now())
        )
    else:
        row.source_hash, row.articles, row.imported_at = source_hash, articles, now()
    session.flush()


# --- articles ------------------------------------------------------------------------------------


def _inert_article(a: records.Article) -> records.Article:
    """The last guard: no control or escape character reaches the database (PostgreSQL rejects NUL)."""
    return replace(
        a,
        source=clean_line(a.source) or "(unnamed)",
        text=clean_text(a.text),
        original=clean_text(a.original),
        title=_line(a.title),
        published=_line(a.published),
        outlet=_line(a.outlet),
        url=_line(a.url),
    )


def _line(value: str | None) -> str | None:
    return clean_line(value) or None


def _inert_meeting(m: records.Meeting) -> records.Meeting:
    people = [
        replace(
            p,
            name=clean_line(p.name),
            role=_line(p.role),
            country=_line(p.country),
            organization=_line(p.organization),
            aliases=[clean_line(a) for a in p.aliases],
        )
        for p in m.participants
    ]
    return replace(
        m,
        date=_line(m.date),
        format=_line(m.format),
        location=_line(m.location),
        participants=[p for p in people if p.name],
        countries=[clean_line(c) for c in m.countries],
        topics=[clean_line(t) for t in m.topics],
        organizations=[clean_line(o) for o in m.organizations],
        evidence=_line(m.evidence),
        spans=[replace(sp, value=clean_line(sp.value)) for sp in m.spans],
    )


def save_article(
    session: Session,
    article: records.Article,
    extraction: records.Extraction,
    *,
    origin: str,
    force: bool = False,
) -> Outcome:
    """Store one article and its meetings. Idempotent: same content -> UNCHANGED, nothing written."""
    article = _inert_article(article)
    extraction = replace(
        extraction,
        title=clean_line(extraction.title) or None,
        published=clean_line(extraction.published) or None,
        meetings=[_inert_meeting(m) for m in extraction.meetings],
    )
    origin = clean_line(origin)
    chash = content_hash(article)
    existing = session.execute(select(Article).where(Article.source == article.source)).scalar_one_or_none()
    if existing is not None and existing.content_hash == chash and not force:
        return Outcome.UNCHANGED
    if existing is None and not force:
        twin = session.execute(
            select(Article.id).where(Article.content_hash == chash).limit(1)
        ).scalar_one_or_none()
        if twin is not None:  # the same content under another name: stored once
            return Outcome.UNCHANGED

    published = extraction.published or article.published
    if existing is None:
        row = Article(
            source=article.source,
            url=article.url,
            title=extraction.title or article.title,
            outlet=article.outlet,
            published=published,
            kind=article.kind,
            original_text=article.original,
            clean_text=article.text,
            content_hash=chash,
            origin=origin,
            imported_at=now(),
            updated_at=now(),
        )
        session.add(row)
        session.flush()
        outcome = Outcome.IMPORTED
    else:
        row = existing
        affected = detach_article(session, row.id)
        row.url, row.title, row.outlet = article.url, extraction.title or article.title, article.outlet
        row.published, row.kind, row.origin = published, article.kind, origin
        row.original_text, row.clean_text, row.content_hash = article.original, article.text, chash
        row.updated_at = now()
        session.flush()
        for meeting_id in affected:
            recompute_meeting(session, meeting_id)
        outcome = Outcome.UPDATED

    _insert_spans(session, row.id, None, extraction.spans)
    for position, meeting in enumerate(extraction.meetings):
        meeting_id = _find_twin(session, meeting, row.id) or _new_meeting(session)
        session.execute(
            insert(MeetingSource).values(
                meeting_id=meeting_id,
                article_id=row.id,
                position=position,
                record=json.dumps(meeting.to_dict(), ensure_ascii=False),
            )
        )
        _insert_spans(session, row.id, meeting_id, meeting.spans)
        recompute_meeting(session, meeting_id)
    return outcome


def detach_article(session: Session, article_id: int) -> list[int]:
    """Remove an article's sources and spans; returns the meetings that need recomputing."""
    affected = list(
        session.execute(
            select(MeetingSource.meeting_id).where(MeetingSource.article_id == article_id)
        ).scalars()
    )
    session.execute(delete(MeetingSource).where(MeetingSource.article_id == article_id))
    session.execute(delete(Span).where(Span.article_id == article_id))
    return affected


def delete_article(session: Session, article_id: int) -> None:
    for meeting_id in detach_article(session, article_id):
        recompute_meeting(session, meeting_id)
    session.execute(delete(Article).where(Article.id == article_id))


def _insert_spans(
    session: Session, article_id: int, meeting_id: int | None, spans: Iterable[records.Span]
) -> None:
    rows = [
        {
            "article_id": article_id,
            "meeting_id": meeting_id,
            "field": s.field,
            "value": s.value,
            "start": s.start,
            "end": s.end,
        }
        for s in spans
    ]
    if rows:
        session.execute(insert(Span), rows)


def _new_meeting(session: Session) -> int:
    stamp = now()
    return session.execute(
        insert(Meeting).values(created_at=stamp, updated_at=stamp).returning(Meeting.id)
    ).scalar_one()


# --- merging the same meeting across articles -------------------------------------------------------


def _find_twin(session: Session, meeting: records.Meeting, article_id: int) -> int | None:
    """An existing meeting, reported by another article, that this record describes too.

    Conservative on purpose (a wrong merge hides a meeting): same day, and a shared participant
    or the same set of two or more countries.
    """
    start, _, precision = date_bounds(meeting.date)
    if precision != "day":
        return None
    candidates = (
        session.execute(
            select(Meeting.id).where(Meeting.date_start == start, Meeting.date_precision == "day")
        )
        .scalars()
        .all()
    )
    if not candidates:
        return None
    own = set(
        session.execute(
            select(MeetingSource.meeting_id).where(MeetingSource.article_id == article_id)
        ).scalars()
    )
    names = [p.name for p in meeting.participants]
    countries = set(meeting.countries)
    for meeting_id in candidates:
        if meeting_id in own:
            continue
        theirs = session.execute(
            select(Participant.name).where(Participant.meeting_id == meeting_id)
        ).scalars()
        if any(same_person(a, b) for a in names for b in theirs):
            return meeting_id
        if len(countries) >= 2:
            their_countries = set(
                session.execute(
                    select(MeetingCountry.country_code).where(MeetingCountry.meeting_id == meeting_id)
                ).scalars()
            )
            if their_countries == countries:
                return meeting_id
    return None


@dataclass
class _Merged:
    date: str | None = None
    format: str | None = None
    location: str | None = None
    evidence: str | None = None
    status: str = "held"


_PRECISION_RANK = {"day": 3, "month": 2, "year": 1, None: 0}


def recompute_meeting(session: Session, meeting_id: int) -> None:
    """Rebuild a meeting's columns and links from its sources' records; delete it if none is left."""
    rows = session.execute(
        select(MeetingSource.record, Article.published)
        .join(Article, Article.id == MeetingSource.article_id)
        .where(MeetingSource.meeting_id == meeting_id)
        .order_by(MeetingSource.article_id)
    ).all()
    for table in (Participant, MeetingCountry, MeetingOrganization, MeetingTopic):
        session.execute(delete(table).where(table.meeting_id == meeting_id))
    if not rows:
        session.execute(delete(Meeting).where(Meeting.id == meeting_id))
        return
    recs = [records.Meeting.from_dict(json.loads(r.record)) for r in rows]

    merged = _Merged(status="held" if any(r.status == "held" for r in recs) else recs[0].status)
    best = max(recs, key=lambda r: _PRECISION_RANK[date_bounds(r.date)[2]])
    merged.date = best.date
    for rec in recs:
        merged.format = merged.format or rec.format
        merged.location = merged.location or rec.location
        merged.evidence = merged.evidence or rec.evidence

    people: list[tuple[int, records.Participant]] = []
    for rec in recs:
        for p in rec.participants:
            person_id = resolve_person(session, p)
            for i, (pid, q) in enumerate(people):
                if pid == person_id:
                    people[i] = (
                        pid,
                        records.Participant(
                            name=fuller(q.name, p.name),
                            role=q.role or p.role,
                            country=q.country or p.country,
                            organization=q.organization or p.organization,
                        ),
                    )
                    break
            else:
                people.append((person_id, p))
    countries = _union(r.countries for r in recs)
    organizations = _union(r.organizations for r in recs)
    topics = _union(r.topics for r in recs)

    if people:
        session.execute(
            insert(Participant),
            [
                {
                    "meeting_id": meeting_id,
                    "person_id": pid,
                    "name": p.name,
                    "role": p.role,
                    "country": p.country,
                    "organization": p.organization,
                }
                for pid, p in people
            ],
        )
    if countries:
        _ensure_countries(session, countries)
        session.execute(
            insert(MeetingCountry), [{"meeting_id": meeting_id, "country_code": c} for c in countries]
        )
    if organizations:
        session.execute(
            insert(MeetingOrganization),
            [
                {"meeting_id": meeting_id, "organization_id": _organization_id(session, o)}
                for o in organizations
            ],
        )
    if topics:
        _ensure_topics(session, topics)
        session.execute(insert(MeetingTopic), [{"meeting_id": meeting_id, "topic_id": t} for t in topics])

    start, end, precision = date_bounds(merged.date)
    session.execute(
        update(Meeting)
        .where(Meeting.id == meeting_id)
        .values(
            date=merged.date,
            date_start=start,
            date_end=end,
            date_precision=precision,
            format=merged.format,
            location=merged.location,
            evidence=merged.evidence,
            status=merged.status,
            participants_label="; ".join(p.name for _, p in people),
            countries_label=" ".join(countries),
            organizations_label=", ".join(organizations),
            topics_label=", ".join(topics),
            n_sources=len(recs),
            updated_at=now(),
        )
    )


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for values in lists:
        for v in values:
            if v:
                seen.setdefault(v, None)
    return list(seen)


def _ensure_countries(session: Session, codes: list[str]) -> None:
    have = set(session.execute(select(Country.code).where(Country.code.in_(codes))).scalars())
    missing = [c for c in codes if c not in have]
    if missing:
        session.execute(insert(Country), [{"code": c, "name": country_name(c)} for c in missing])


def _ensure_topics(session: Session, ids: list[str]) -> None:
    have = set(session.execute(select(Topic.id).where(Topic.id.in_(ids))).scalars())
    missing = [t for t in ids if t not in have]
    if missing:
        session.execute(insert(Topic), [{"id": t, "label": topic_label(t)} for t in missing])


def _organization_id(session: Session, name: str) -> int:
    found = session.execute(select(Organization.id).where(Organization.name == name)).scalar_one_or_none()
    if found is not None:
        return found
    return session.execute(insert(Organization).values(name=name).returning(Organization.id)).scalar_one()


# --- people -------------------------------------------------------------------------------------


def resolve_person(session: Session, participant: records.Participant) -> int:
    """The person this written name denotes: an existing one (transliteration-tolerant) or a new one."""
    name = participant.name
    key = surname_key(name) or skeleton(name) or name.lower()
    candidates = session.execute(select(Person).where(Person.key == key)).scalars().all()
    for person in candidates:
        if participant.country and person.country and participant.country != person.country:
            continue
        aliases = (
            session.execute(select(PersonAlias.alias).where(PersonAlias.person_id == person.id))
            .scalars()
            .all()
        )
        if _is_alias_of(name, aliases):
            _add_aliases(session, person, [name, *participant.aliases])
            if person.country is None and participant.country:
                person.country = participant.country
            return person.id  # type: ignore[return-value]
    person = Person(name=name, key=key, country=participant.country)
    session.add(person)
    session.flush()
    _add_aliases(session, person, [name, *participant.aliases])
    return person.id  # type: ignore[return-value]


def _is_alias_of(name: str, aliases: list[str]) -> bool:
    """A full name must agree with a full alias (Joe ~ Joseph, not Hunter); a bare surname agrees."""
    full = [a for a in aliases if given_names(a)]
    if not given_names(name) or not full:
        return any(surname_key(name) == surname_key(a) for a in aliases)
    return any(same_person(name, a) for a in full)


def _add_aliases(session: Session, person: Person, names: list[str]) -> None:
    have = set(session.execute(select(PersonAlias.alias).where(PersonAlias.person_id == person.id)).scalars())
    for alias in names:
        if alias and alias not in have:
            session.add(PersonAlias(person_id=person.id, alias=alias, folded=skeleton(alias)))
            have.add(alias)
            person.name = fuller(person.name, alias)
    session.flush()


def table_counts(session: Session) -> dict[str, int]:
    """Rows per table, for `meetview stats` and the tests."""
    tables = {
        "articles": Article,
        "meetings": Meeting,
        "people": Person,
        "participants": Participant,
        "countries": Country,
        "organizations": Organization,
        "topics": Topic,
        "meeting sources": MeetingSource,
        "spans": Span,
        "import sources": ImportSource,
    }
    return {
        name: session.execute(select(func.count()).select_from(t)).scalar_one() for name, t in tables.items()
    }
