"""Everything about given meetings (participants, countries, topics, sources, spans) as plain dataclasses."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session

from meetview.query.engine import Page
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
    Topic,
)


@dataclass(frozen=True)
class ParticipantInfo:
    person_id: int
    name: str
    role: str | None
    country: str | None
    organization: str | None


@dataclass(frozen=True)
class SpanInfo:
    field: str
    value: str
    start: int
    end: int


@dataclass
class SourceInfo:
    article_id: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    source: str
    evidence: str | None
    spans: list[SpanInfo] = field(default_factory=list)


@dataclass
class MeetingDetail:
    id: int
    date: str | None
    format: str | None
    location: str | None
    status: str
    evidence: str | None
    participants: list[ParticipantInfo] = field(default_factory=list)
    countries: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    organizations: list[str] = field(default_factory=list)
    topics: list[tuple[str, str]] = field(default_factory=list)  # (id, label)
    sources: list[SourceInfo] = field(default_factory=list)

    def to_record(self) -> dict:
        """The SCHEMA.md meeting record, plus id and sources: what JSON export writes."""
        return {
            "id": self.id,
            "date": self.date,
            "format": self.format,
            "location": self.location,
            "participants": [
                {"name": p.name, "role": p.role, "country": p.country, "organization": p.organization}
                for p in self.participants
            ],
            "countries": [c for c, _ in self.countries],
            "organizations": list(self.organizations),
            "topics": [t for t, _ in self.topics],
            "evidence": self.evidence,
            "sources": [
                {
                    "title": s.title,
                    "outlet": s.outlet,
                    "published": s.published,
                    "url": s.url,
                    "source": s.source,
                    "evidence": s.evidence,
                }
                for s in self.sources
            ],
        }


def meeting_details(session: Session, ids: list[int], *, with_spans: bool = False) -> list[MeetingDetail]:
    """Details of the given meetings, in the order of `ids` (unknown ids are left out)."""
    if not ids:
        return []
    out: dict[int, MeetingDetail] = {}
    for chunk in _chunks(ids, 500):
        for m in session.execute(select(Meeting).where(Meeting.id.in_(chunk))).scalars():
            out[m.id] = MeetingDetail(m.id, m.date, m.format, m.location, m.status, m.evidence)  # type: ignore[arg-type]
        found = [i for i in chunk if i in out]
        for row in session.execute(
            select(Participant)
            .where(Participant.meeting_id.in_(found))
            .order_by(Participant.meeting_id, Participant.id)
        ).scalars():
            out[row.meeting_id].participants.append(
                ParticipantInfo(row.person_id, row.name, row.role, row.country, row.organization)
            )
        for mid, code, name in session.execute(
            select(MeetingCountry.meeting_id, Country.code, Country.name)
            .join(Country, Country.code == MeetingCountry.country_code)
            .where(MeetingCountry.meeting_id.in_(found))
            .order_by(Country.code)
        ):
            out[mid].countries.append((code, name))
        for mid, name in session.execute(
            select(MeetingOrganization.meeting_id, Organization.name)
            .join(Organization, Organization.id == MeetingOrganization.organization_id)
            .where(MeetingOrganization.meeting_id.in_(found))
            .order_by(Organization.name)
        ):
            out[mid].organizations.append(name)
        for mid, tid, label in session.execute(
            select(MeetingTopic.meeting_id, Topic.id, Topic.label)
            .join(Topic, Topic.id == MeetingTopic.topic_id)
            .where(MeetingTopic.meeting_id.in_(found))
            .order_by(Topic.id)
        ):
            out[mid].topics.append((tid, label))
        for mid, record, art in session.execute(
            select(MeetingSource.meeting_id, MeetingSource.record, Article)
            .join(Article, Article.id == MeetingSource.article_id)
            .where(MeetingSource.meeting_id.in_(found))
            .order_by(MeetingSource.meeting_id, Article.published, Article.id)
        ):
            data = json.loads(record)
            spans = _spans(data) if with_spans else []
            out[mid].sources.append(
                SourceInfo(
                    art.id,
                    art.title,
                    art.outlet,
                    art.published,
                    art.url,
                    art.source,
                    data.get("evidence"),
                    spans,
                )
            )
    return [out[i] for i in ids if i in out]


def _spans(record: dict) -> list[SpanInfo]:
    """The spans a source's stored record gives (offsets into that article's clean text), in text order."""
    spans = [SpanInfo(s["field"], s["value"], s["start"], s["end"]) for s in record.get("spans") or []]
    return sorted(spans, key=lambda s: s.start)


def page_details(session: Session, page: Page) -> list[MeetingDetail]:
    return meeting_details(session, [r.id for r in page.rows])


@dataclass
class ArticleText:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    source: str
    text: str
    original: str


def article_text(session: Session, article_id: int) -> ArticleText | None:
    a = session.get(Article, article_id)
    if a is None:
        return None
    return ArticleText(a.id, a.title, a.outlet, a.published, a.url, a.source, a.clean_text, a.original_text)  # type: ignore[arg-type]


def _chunks(values: list[int], size: int):
    for i in range(0, len(values), size):
        yield values[i : i + size]
