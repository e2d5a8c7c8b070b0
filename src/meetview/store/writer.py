"""Writes: store one article with its extracted meetings, merging meetings and people across articles.

A meeting is recomputed from the records of all its sources, so an article that changes or goes
away leaves every meeting exactly as the remaining sources describe it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache

from sqlalchemy import Connection, bindparam, delete, event, func, insert, select, text, update
from sqlmodel import Session

from meetview import records
from meetview.extract import names as _names
from meetview.extract.countries import country_name
from meetview.extract.names import fuller
from meetview.extract.taxonomy import topic_label
from meetview.sanitize import clean_line, clean_text, lines_are_clean
from meetview.store.dates import date_bounds
from meetview.store.db import SQLITE_WRITE
from meetview.store.lean import Lean
from meetview.store.models import (
    Article,
    Country,
    ImportSource,
    Meeting,
    MeetingCountry,
    MeetingOrganization,
    MeetingSource,
    MeetingTopic,
    Meta,
    Organization,
    Participant,
    Person,
    PersonAlias,
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
    """Serialize writers; call it before the first statement of a write transaction.

    PostgreSQL: an advisory lock held until this transaction ends, so two importers writing the
    same articles never race on people, countries or articles. SQLite: the transaction begins with
    BEGIN IMMEDIATE, taking the database's write lock up front (waiting the busy timeout for it).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
    else:
        session.connection(execution_options={SQLITE_WRITE: True})


# --- import sources ------------------------------------------------------------------------------


def known_sources(session: Session) -> dict[str, str]:
    """location -> hash of every source imported so far (for the unchanged check before parsing)."""
    return dict(session.execute(select(ImportSource.location, ImportSource.source_hash)).all())


def known_source_rows(session: Session) -> dict[str, tuple[str, int]]:
    """location -> (bytes' hash, articles it gave) of every source imported so far, in one query."""
    rows = session.execute(select(ImportSource.location, ImportSource.source_hash, ImportSource.articles))
    return {location: (digest, articles) for location, digest, articles in rows}


def record_source(session: Session, location: str, source_hash: str, articles: int) -> None:
    """Remember a source and its bytes' hash: one upsert statement."""
    values = {"location": location, "source_hash": source_hash, "articles": articles, "imported_at": now()}
    db = session.connection()
    _upsert_source(db.dialect.name).execute(db, values)


@lru_cache(maxsize=4)
def _upsert_source(dialect: str) -> Lean:
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as upsert
    else:
        from sqlalchemy.dialects.sqlite import insert as upsert
    stmt = upsert(ImportSource)
    return Lean(
        stmt.on_conflict_do_update(
            index_elements=[ImportSource.location],
            set_={k: stmt.excluded[k] for k in ("source_hash", "articles", "imported_at")},
        )
    )


# --- a cache of what this transaction has seen --------------------------------------------------------


@dataclass
class _KnownPerson:
    id: int
    name: str
    country: str | None
    aliases: list[str]


@dataclass
class _Cache:
    """Rows this transaction has read or written: countries, topics, organizations and people by key.

    Valid for one root transaction only (another writer may change the tables between ours; on
    PostgreSQL the write lock is held for the whole transaction). Dropped on any rollback, since a
    rolled-back savepoint takes its inserts with it.
    """

    transaction: object
    db: Connection  # the session's connection for this transaction
    countries: set[str] | None = None  # every code in the table, read on first need
    topics: set[str] | None = None  # every topic id in the table, read on first need
    organizations: dict[str, int] = field(default_factory=dict)
    people: dict[str, list[_KnownPerson]] = field(default_factory=dict)


_CACHE_KEY = "meetview.writer.cache"


def _cache(session: Session) -> _Cache:
    root = session.get_transaction()
    cache = session.info.get(_CACHE_KEY)
    if cache is None or cache.transaction is not root:
        if _CACHE_KEY not in session.info:
            event.listen(session, "after_soft_rollback", forget)
        cache = session.info[_CACHE_KEY] = _Cache(root, session.connection())
    return cache


def _conn(session: Session) -> Connection:
    """The session's connection, cached for the transaction: Core statements on it skip the ORM's
    per-statement work. Entry points (save_article, record_source, recompute_meeting) first call
    session.connection() themselves: that is what emits a pending SAVEPOINT of begin_nested()."""
    return _cache(session).db


def forget(session: Session, *_args) -> None:
    """Drop the writer's cache (after a rollback, or when rows were changed behind its back)."""
    session.info[_CACHE_KEY] = None


_SAVEPOINT = "meetview_write"


@contextlib.contextmanager
def savepoint(session: Session) -> Iterator[None]:
    """Writes that succeed or are undone together, inside the session's transaction: SAVEPOINT and
    RELEASE sent on the connection directly (begin_nested() costs ~0.1 ms of bookkeeping each, for
    an importer that opens one per source). On an error they are rolled back, the writer's cache is
    dropped and the error raised; the transaction goes on. Only for Core writes (no ORM objects)."""
    cursor = session.connection().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f"SAVEPOINT {_SAVEPOINT}")
        try:
            yield
        except BaseException:
            cursor.execute(f"ROLLBACK TO SAVEPOINT {_SAVEPOINT}")
            cursor.execute(f"RELEASE SAVEPOINT {_SAVEPOINT}")
            forget(session)
            raise
        cursor.execute(f"RELEASE SAVEPOINT {_SAVEPOINT}")
    finally:
        cursor.close()


# --- articles ------------------------------------------------------------------------------------


def _inert_article(a: records.Article) -> records.Article:
    """The last guard: no control or escape character reaches the database (PostgreSQL rejects NUL)."""
    text = clean_text(a.text)
    lines = [a.source, *(v for v in (a.title, a.published, a.outlet, a.url) if v is not None)]
    if (
        text is a.text
        and (a.original is a.text or clean_text(a.original) is a.original)
        and "" not in lines
        and lines_are_clean(lines)
    ):
        return a  # already inert, as most articles are: no copy
    return replace(
        a,
        source=clean_line(a.source) or "(unnamed)",
        text=text,
        original=text if a.original == a.text else clean_text(a.original),
        title=_line(a.title),
        published=_line(a.published),
        outlet=_line(a.outlet),
        url=_line(a.url),
    )


def _line(value: str | None) -> str | None:
    return clean_line(value) or None


def _lines(values: list[str]) -> list[str]:
    cleaned = [clean_line(v) for v in values]
    return values if all(a is b for a, b in zip(cleaned, values, strict=True)) else cleaned


def _inert_participant(p: records.Participant) -> records.Participant:
    name, role, country = clean_line(p.name), _line(p.role), _line(p.country)
    organization, aliases = _line(p.organization), _lines(p.aliases)
    if (name, role, country, organization) == (p.name, p.role, p.country, p.organization) and (
        aliases is p.aliases
    ):
        return p  # already inert: most records are, and a copy of each costs more than the check
    return replace(p, name=name, role=role, country=country, organization=organization, aliases=aliases)


def _inert_span(sp: records.Span) -> records.Span:
    value = clean_line(sp.value)
    return sp if value == sp.value else replace(sp, value=value)


def _inert_meeting(m: records.Meeting) -> records.Meeting:
    lines = [v for v in (m.date, m.format, m.location, m.evidence) if v is not None]
    lines += m.countries + m.topics + m.organizations
    for p in m.participants:
        lines += [v for v in (p.name, p.role, p.country, p.organization) if v is not None]
        lines += p.aliases
    lines += [sp.value for sp in m.spans]
    if "" not in lines and lines_are_clean(lines):
        return m  # already inert, as most records are: one scan instead of a call and a copy per field
    people = [_inert_participant(p) for p in m.participants]
    return replace(
        m,
        date=_line(m.date),
        format=_line(m.format),
        location=_line(m.location),
        participants=[p for p in people if p.name],
        countries=_lines(m.countries),
        topics=_lines(m.topics),
        organizations=_lines(m.organizations),
        evidence=_line(m.evidence),
        spans=[_inert_span(sp) for sp in m.spans],
    )


def save_article(
    session: Session,
    article: records.Article,
    extraction: records.Extraction,
    *,
    origin: str,
    force: bool = False,
    bump: bool = True,
    inert: bool = False,
) -> Outcome:
    """Store one article and its meetings. Idempotent: same content -> UNCHANGED, nothing written.
    `bump=False` leaves the data version to the caller (an importer bumps it once per transaction).
    `inert=True`: the article comes from `ingest.parse`, which made its fields inert, so its texts are
    not scanned again (the meeting records always are)."""
    if not inert:
        article = _inert_article(article)
    extraction = replace(
        extraction,
        title=clean_line(extraction.title) or None,
        published=clean_line(extraction.published) or None,
        meetings=[_inert_meeting(m) for m in extraction.meetings],
    )
    origin = clean_line(origin)
    chash = content_hash(article)
    db = session.connection()
    same = _SELECT_ARTICLE.all(db, {"source": article.source, "content_hash": chash})
    existing = next((r for r in same if r[1] == article.source), None)
    if existing is not None and existing[2] == chash and not force:
        return Outcome.UNCHANGED
    if existing is None and not force and same:  # the same content under another name: stored once
        return Outcome.UNCHANGED

    published = extraction.published or article.published
    stamp = now()
    values = {
        "url": article.url,
        "title": extraction.title or article.title,
        "outlet": article.outlet,
        "published": published,
        "kind": article.kind,
        "original_text": article.original,
        "clean_text": article.text,
        "content_hash": chash,
        "origin": origin,
        "updated_at": stamp,
    }
    if existing is None:
        article_id = _INSERT_ARTICLE.scalar(db, {"source": article.source, "imported_at": stamp, **values})
        _index_at_commit(session)
        outcome = Outcome.IMPORTED
    else:
        article_id = existing[0]
        index_new_articles(
            session
        )  # the update trigger replaces the article's full-text row: it must be there
        affected = detach_article(session, article_id)
        session.execute(update(Article).where(Article.id == article_id).values(**values))
        for meeting_id in affected:
            recompute_meeting(session, meeting_id)
        outcome = Outcome.UPDATED

    own: set[int] = set()  # this article's meetings never merge with each other
    for position, meeting in enumerate(extraction.meetings):
        record = _RECORD_JSON.encode(_record(meeting))
        twin_id = _find_twin(session, meeting, own)
        # A meeting only this article reports is built from its record directly, with no re-read.
        meeting_id = _write_meeting(session, None, [meeting]) if twin_id is None else twin_id
        own.add(meeting_id)
        _INSERT_SOURCE.execute(
            db, {"meeting_id": meeting_id, "article_id": article_id, "position": position, "record": record}
        )
        if twin_id is not None:
            recompute_meeting(session, meeting_id)
    if bump:
        _BUMP_DATA_VERSION.execute(db)
    return outcome


# The article with this source, and any with the same content (one indexed OR lookup).
_SELECT_ARTICLE = Lean(
    select(Article.id, Article.source, Article.content_hash).where(
        (Article.source == bindparam("source")) | (Article.content_hash == bindparam("content_hash"))
    )
)
_INSERT_ARTICLE = Lean(insert(Article).returning(Article.id))
_INSERT_SOURCE = Lean(insert(MeetingSource))
_INSERT_MEETING = Lean(insert(Meeting).returning(Meeting.id))
_UPDATE_MEETING = Lean(update(Meeting).where(Meeting.id == bindparam("meeting_id")))
_INSERT_PARTICIPANT = Lean(insert(Participant))
_INSERT_MEETING_COUNTRY = Lean(insert(MeetingCountry))
_INSERT_MEETING_ORG = Lean(insert(MeetingOrganization))
_INSERT_MEETING_TOPIC = Lean(insert(MeetingTopic))
_INSERT_PERSON = Lean(insert(Person).returning(Person.id))
_UPDATE_PERSON = Lean(update(Person).where(Person.id == bindparam("person_id")))
_INSERT_ALIAS = Lean(insert(PersonAlias))
_SELECT_COUNTRY_CODES = Lean(select(Country.code))
_INSERT_COUNTRY = Lean(insert(Country))
_SELECT_TOPIC_IDS = Lean(select(Topic.id))
_INSERT_TOPIC = Lean(insert(Topic))
_SELECT_ORGANIZATION = Lean(select(Organization.id).where(Organization.name == bindparam("name")))
_INSERT_ORGANIZATION = Lean(insert(Organization).returning(Organization.id))


# json.dumps(..., ensure_ascii=False) builds this encoder on every call
_RECORD_JSON = json.JSONEncoder(ensure_ascii=False)


def _record(m: records.Meeting) -> dict:
    """records.Meeting.to_dict(), written out: dataclasses.asdict's deep copy costs 10x more."""
    return {
        "date": m.date,
        "format": m.format,
        "location": m.location,
        "participants": [
            {
                "name": p.name,
                "role": p.role,
                "country": p.country,
                "organization": p.organization,
                "aliases": list(p.aliases),
            }
            for p in m.participants
        ],
        "countries": list(m.countries),
        "organizations": list(m.organizations),
        "topics": list(m.topics),
        "evidence": m.evidence,
        "status": m.status,
        "spans": [{"field": s.field, "value": s.value, "start": s.start, "end": s.end} for s in m.spans],
    }


def detach_article(session: Session, article_id: int) -> list[int]:
    """Remove an article's sources (with their spans); returns the meetings that need recomputing."""
    affected = list(
        session.execute(
            select(MeetingSource.meeting_id).where(MeetingSource.article_id == article_id)
        ).scalars()
    )
    session.execute(delete(MeetingSource).where(MeetingSource.article_id == article_id))
    return affected


def delete_article(session: Session, article_id: int) -> None:
    index_new_articles(session)  # the delete trigger removes the article's full-text row
    for meeting_id in detach_article(session, article_id):
        recompute_meeting(session, meeting_id)
    session.execute(delete(Article).where(Article.id == article_id))
    bump_data_version(session)


# --- the full-text index (SQLite) -------------------------------------------------------------------
# A new article's FTS5 row is written when its transaction commits, all of the transaction's at once
# (migration 0007 dropped the insert trigger): FTS5 flushes the terms it holds to a new segment at every
# savepoint and statement journal, so rows written one by one among the writer's statements made a
# segment an article, merged over and over (docs/scale.md, item 19). Updates and deletes keep their
# triggers, and the new rows are written before either runs.

_FTS_PENDING = "meetview.writer.fts_pending"
# Every article up to the highest indexed id is indexed (a new id is above every existing one), so the
# rows to write are the ones above it: inserts rolled back need no bookkeeping.
_INDEX_NEW_ARTICLES = text(
    "INSERT INTO article_fts(rowid, title, clean_text) "
    "SELECT id, coalesce(title, ''), clean_text FROM article "
    "WHERE id > (SELECT coalesce(max(id), 0) FROM article_fts_docsize)"
)


def _index_at_commit(session: Session) -> None:
    """Note that this transaction inserted articles: their full-text rows are written before it commits."""
    pending = session.info.get(_FTS_PENDING)
    if pending is None:
        sqlite = session.get_bind().dialect.name == "sqlite"  # PostgreSQL: a generated tsvector column
        if sqlite:
            event.listen(session, "before_commit", index_new_articles)
        session.info[_FTS_PENDING] = pending = [sqlite, False]
    pending[1] = pending[0]


def index_new_articles(session: Session) -> None:
    """Write the full-text rows of the articles inserted since the last call (SQLite; a no-op when none
    were). Called before a commit by the session itself; callers that insert articles other than through
    save_article call it before they commit."""
    pending = session.info.get(_FTS_PENDING)
    if pending is not None and not pending[1]:
        return
    if session.get_bind().dialect.name == "sqlite":
        session.connection().execute(_INDEX_NEW_ARTICLES)
    if pending is not None:
        pending[1] = False


# --- the data version ---------------------------------------------------------------------------

DATA_VERSION = "data_version"
# One statement per article written: readers that keep a copy of the data compare it with theirs.
_BUMP_DATA_VERSION = Lean(update(Meta).where(Meta.key == DATA_VERSION).values(value=Meta.value + 1))
_SELECT_DATA_VERSION = select(Meta.value).where(Meta.key == DATA_VERSION)


def data_version(session: Session) -> int | None:
    """The data's version: it changes whenever an article is saved, changed or deleted (None in a
    database without one)."""
    return session.execute(_SELECT_DATA_VERSION).scalar_one_or_none()


def bump_data_version(session: Session) -> None:
    """Tell readers the data changed (for writes that bypass save_article and delete_article, and
    once per transaction for save_article(bump=False))."""
    _BUMP_DATA_VERSION.execute(session.connection())


# --- merging the same meeting across articles -------------------------------------------------------


def _find_twin(session: Session, meeting: records.Meeting, own: set[int]) -> int | None:
    """An existing meeting, reported by another article, that this record describes too.

    Conservative on purpose (a wrong merge hides a meeting): on the same day, either two shared
    participants; or one shared participant and mostly the same countries (a busy minister's
    separate bilaterals on one day share him, not the counterpart's country); or, with no named
    participants in common, the same set of two or more countries. `own` are the meetings of the
    article being saved: records of one article never merge.
    """
    start, _, precision = date_bounds(meeting.date)
    if precision != "day":
        return None
    db = _conn(session)
    rows = _SELECT_SAME_DAY.all(db, {"start": start})
    if not rows:
        return None
    theirs: dict[int, list[str]] = {}
    for meeting_id, name in rows:
        names = theirs.setdefault(meeting_id, [])
        if name is not None:
            names.append(name)
    candidates = [m for m in theirs if m not in own]
    if not candidates:
        return None
    keys = {_surname_key(p.name) for p in meeting.participants}
    names = [p.name for p in meeting.participants]
    countries = set(meeting.countries)
    their_countries: dict[int, set[str]] = {}
    for meeting_id, code in _countries_of(db, candidates):
        their_countries.setdefault(meeting_id, set()).add(code)
    for meeting_id in candidates:
        shared = sum(
            1 for b in theirs[meeting_id] if _surname_key(b) in keys and any(same_person(a, b) for a in names)
        )
        other = their_countries.get(meeting_id, set())
        overlap = len(countries & other) / len(countries | other) if countries | other else 0.0
        if shared >= 2 or (shared == 1 and overlap >= 0.5):
            return meeting_id
        if len(countries) >= 2 and other == countries:
            return meeting_id
    return None


_SELECT_SAME_DAY = Lean(
    select(Meeting.id, Participant.name)
    .outerjoin(Participant, Participant.meeting_id == Meeting.id)
    .where(Meeting.date_start == bindparam("start"), Meeting.date_precision == "day")
    .order_by(Meeting.id)
)


@lru_cache(maxsize=64)
def _select_countries_of(n: int) -> Lean:
    """The countries of n meetings: one statement per n, since a lean statement cannot expand a list."""
    ids = [bindparam(f"id{i}") for i in range(n)]
    stmt = select(MeetingCountry.meeting_id, MeetingCountry.country_code)
    return Lean(stmt.where(MeetingCountry.meeting_id.in_(ids)))


def _countries_of(db: Connection, meeting_ids: list[int]) -> list[tuple]:
    rows: list[tuple] = []
    for i in range(0, len(meeting_ids), 32):
        chunk = meeting_ids[i : i + 32]
        rows += _select_countries_of(len(chunk)).all(db, {f"id{k}": v for k, v in enumerate(chunk)})
    return rows


# The name functions are pure and called for the same few thousand names over and over.
surname_key = _surname_key = lru_cache(maxsize=65536)(_names.surname_key)
given_names = lru_cache(maxsize=65536)(_names.given_names)
skeleton = lru_cache(maxsize=65536)(_names.skeleton)
same_person = lru_cache(maxsize=65536)(_names.same_person)


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
    db = session.connection()
    rows = _SELECT_RECORDS.all(db, {"meeting_id": meeting_id})
    for stmt in _DELETE_LINKS:
        stmt.execute(db, {"meeting_id": meeting_id})
    if not rows:
        _DELETE_MEETING.execute(db, {"meeting_id": meeting_id})
        return
    _write_meeting(session, meeting_id, [records.Meeting.from_dict(json.loads(r[0])) for r in rows])


_SELECT_RECORDS = Lean(
    select(MeetingSource.record)
    .where(MeetingSource.meeting_id == bindparam("meeting_id"))
    .order_by(MeetingSource.article_id)
)
_DELETE_LINKS = [
    Lean(delete(t).where(t.meeting_id == bindparam("meeting_id")))
    for t in (Participant, MeetingCountry, MeetingOrganization, MeetingTopic)
]
_DELETE_MEETING = Lean(delete(Meeting).where(Meeting.id == bindparam("meeting_id")))


def _write_meeting(session: Session, meeting_id: int | None, recs: list[records.Meeting]) -> int:
    """Write a meeting's columns and links merged from its records (a new meeting if no id is given;
    an existing one must have no links left). Returns the meeting's id."""
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
    if countries:
        _ensure_countries(session, countries)
    if topics:
        _ensure_topics(session, topics)
    org_ids = [_organization_id(session, o) for o in organizations]

    start, end, precision = date_bounds(merged.date)
    stamp = now()
    values = {
        "date": merged.date,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "format": merged.format,
        "location": merged.location,
        "evidence": merged.evidence,
        "status": merged.status,
        "participants_label": "; ".join(p.name for _, p in people),
        "countries_label": " ".join(countries),
        "organizations_label": ", ".join(organizations),
        "topics_label": ", ".join(topics),
        "n_sources": len(recs),
        "updated_at": stamp,
    }
    db = _conn(session)
    if meeting_id is None:
        meeting_id = _INSERT_MEETING.scalar(db, {"created_at": stamp, **values})
    else:
        _UPDATE_MEETING.execute(db, {"meeting_id": meeting_id, **values})

    if people:
        _INSERT_PARTICIPANT.run_many(
            db,
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
    _INSERT_MEETING_COUNTRY.run_many(db, [{"meeting_id": meeting_id, "country_code": c} for c in countries])
    _INSERT_MEETING_ORG.run_many(db, [{"meeting_id": meeting_id, "organization_id": oid} for oid in org_ids])
    _INSERT_MEETING_TOPIC.run_many(db, [{"meeting_id": meeting_id, "topic_id": t} for t in topics])
    return meeting_id


def _union(lists: Iterable[Iterable[str]]) -> list[str]:
    seen: dict[str, None] = {}
    for values in lists:
        for v in values:
            if v:
                seen.setdefault(v, None)
    return list(seen)


def _ensure_countries(session: Session, codes: list[str]) -> None:
    cache = _cache(session)
    if cache.countries is None:  # a small table (~250 rows): read whole, once per transaction
        cache.countries = {row[0] for row in _SELECT_COUNTRY_CODES.all(cache.db)}
    missing = [c for c in codes if c not in cache.countries]
    if missing:
        _INSERT_COUNTRY.run_many(cache.db, [{"code": c, "name": country_name(c)} for c in missing])
        cache.countries.update(missing)


def _ensure_topics(session: Session, ids: list[str]) -> None:
    cache = _cache(session)
    if cache.topics is None:  # the taxonomy's size: read whole, once per transaction
        cache.topics = {row[0] for row in _SELECT_TOPIC_IDS.all(cache.db)}
    missing = [t for t in ids if t not in cache.topics]
    if missing:
        _INSERT_TOPIC.run_many(cache.db, [{"id": t, "label": topic_label(t)} for t in missing])
        cache.topics.update(missing)


def _organization_id(session: Session, name: str) -> int:
    cache = _cache(session)
    found = cache.organizations.get(name)
    if found is None:
        found = _SELECT_ORGANIZATION.scalar(cache.db, {"name": name})
        if found is None:
            found = _INSERT_ORGANIZATION.scalar(cache.db, {"name": name})
        cache.organizations[name] = found
    return found


# --- people -------------------------------------------------------------------------------------


def resolve_person(session: Session, participant: records.Participant) -> int:
    """The person this written name denotes: an existing one (transliteration-tolerant) or a new one."""
    name = participant.name
    key = surname_key(name) or skeleton(name) or name.lower()
    cache = _cache(session)
    candidates = cache.people.get(key)
    if candidates is None:
        candidates = cache.people[key] = _people_with_key(session, key)
    for person in candidates:
        if participant.country and person.country and participant.country != person.country:
            continue
        if _is_alias_of(name, person.aliases):
            before = (person.name, person.country)
            _add_aliases(session, person, [name, *participant.aliases])
            if person.country is None and participant.country:
                person.country = participant.country
            if (person.name, person.country) != before:
                _UPDATE_PERSON.execute(
                    _conn(session), {"person_id": person.id, "name": person.name, "country": person.country}
                )
            return person.id
    names = [n for n in dict.fromkeys([name, *participant.aliases]) if n]
    canonical = name
    for alias in names:
        canonical = fuller(canonical, alias)
    person_id = _INSERT_PERSON.scalar(
        _conn(session), {"name": canonical, "key": key, "country": participant.country}
    )
    person = _KnownPerson(person_id, canonical, participant.country, [])
    candidates.append(person)
    _add_aliases(session, person, names)
    return person_id


_SELECT_PEOPLE_WITH_KEY = Lean(
    select(Person.id, Person.name, Person.country, PersonAlias.alias)
    .outerjoin(PersonAlias, PersonAlias.person_id == Person.id)
    .where(Person.key == bindparam("key"))
    .order_by(Person.id, PersonAlias.id)
)


def _people_with_key(session: Session, key: str) -> list[_KnownPerson]:
    people: dict[int, _KnownPerson] = {}
    rows = _SELECT_PEOPLE_WITH_KEY.all(_conn(session), {"key": key})
    for pid, name, country, alias in rows:
        person = people.setdefault(pid, _KnownPerson(pid, name, country, []))
        if alias is not None:
            person.aliases.append(alias)
    return list(people.values())


def _is_alias_of(name: str, aliases: list[str]) -> bool:
    """A full name must agree with a full alias (Joe ~ Joseph, not Hunter); a bare surname agrees."""
    full = [a for a in aliases if given_names(a)]
    if not given_names(name) or not full:
        return any(surname_key(name) == surname_key(a) for a in aliases)
    return any(same_person(name, a) for a in full)


def _add_aliases(session: Session, person: _KnownPerson, names: list[str]) -> None:
    have = set(person.aliases)
    rows = []
    for alias in names:
        if alias and alias not in have:
            rows.append({"person_id": person.id, "alias": alias, "folded": skeleton(alias)})
            have.add(alias)
            person.aliases.append(alias)
            person.name = fuller(person.name, alias)
    _INSERT_ALIAS.run_many(_conn(session), rows)


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
        "import sources": ImportSource,
    }
    return {
        name: session.execute(select(func.count()).select_from(t)).scalar_one() for name, t in tables.items()
    }
