"""SQLModel tables: articles, meetings and what they link to (people, countries, orgs, topics).

A meeting is an aggregate over its sources: each MeetingSource keeps the record one article gave
for it (JSON, spans included: the offsets of its values in that article), and the meeting's own
columns and link rows are recomputed from all its sources.
The *_label columns are denormalized display text so a table of 100k meetings is one indexed scan.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def _fk(target: str, *, primary_key: bool = False, nullable: bool = False, index: bool = False):
    """An integer foreign key that cascades deletes (so removing an article removes its sources)."""
    return Field(
        default=None if nullable else ...,
        sa_column=Column(
            Integer,
            ForeignKey(target, ondelete="CASCADE"),
            primary_key=primary_key,
            nullable=nullable,
            index=index,
        ),
    )


class Article(SQLModel, table=True):
    __tablename__ = "article"

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(unique=True)  # path, URL or FEED#entry: one row per source
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, index=True)  # ISO date or partial
    kind: str = "text"
    original_text: str = Field(sa_column=Column(Text, nullable=False))
    clean_text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(index=True)  # sha256 of title + cleaned text: same content stored once
    origin: str = Field(index=True)  # the ImportSource it came from (a feed gives many articles)
    imported_at: dt.datetime
    updated_at: dt.datetime


class ImportSource(SQLModel, table=True):
    """A file or URL as imported: its bytes' hash lets a re-import skip it before any parsing."""

    __tablename__ = "import_source"

    location: str = Field(primary_key=True)
    source_hash: str
    articles: int = 0
    imported_at: dt.datetime


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"
    __table_args__ = (
        Index("ix_meeting_date_start_id", "date_start", "id"),
        Index("ix_meeting_precision_start", "date_precision", "date_start"),  # timeline, month facet
    )

    id: int | None = Field(default=None, primary_key=True)
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    date_start: dt.date | None = None  # first day the date can mean
    date_end: dt.date | None = None  # last day the date can mean
    date_precision: str | None = None  # day | month | year
    format: str | None = Field(default=None, index=True)
    location: str | None = Field(default=None, index=True)
    evidence: str | None = Field(default=None, sa_column=Column(Text))
    status: str = "held"
    participants_label: str = ""
    countries_label: str = ""
    organizations_label: str = ""
    topics_label: str = ""
    n_sources: int = 0
    created_at: dt.datetime
    updated_at: dt.datetime


class Person(SQLModel, table=True):
    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    name: str  # canonical: the fullest form seen
    key: str = Field(index=True)  # folded surname skeleton, for transliteration-tolerant matching
    country: str | None = Field(default=None, index=True)


class PersonAlias(SQLModel, table=True):
    __tablename__ = "person_alias"
    __table_args__ = (UniqueConstraint("person_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = _fk("person.id", index=True)
    alias: str
    folded: str = Field(index=True)  # full-name skeleton, what person:... searches


class Participant(SQLModel, table=True):
    __tablename__ = "participant"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        Index("ix_participant_person_meeting", "person_id", "meeting_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = _fk("meeting.id")
    person_id: int = _fk("person.id")
    name: str  # the name as this meeting's sources wrote it
    role: str | None = None
    country: str | None = None
    organization: str | None = None


class Country(SQLModel, table=True):
    __tablename__ = "country"

    code: str = Field(primary_key=True, max_length=2)
    name: str


class MeetingCountry(SQLModel, table=True):
    __tablename__ = "meeting_country"
    __table_args__ = (Index("ix_meeting_country_country_meeting", "country_code", "meeting_id"),)

    meeting_id: int = _fk("meeting.id", primary_key=True)
    country_code: str = Field(foreign_key="country.code", primary_key=True, max_length=2)


class Organization(SQLModel, table=True):
    __tablename__ = "organization"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True)


class MeetingOrganization(SQLModel, table=True):
    __tablename__ = "meeting_organization"
    __table_args__ = (Index("ix_meeting_org_org_meeting", "organization_id", "meeting_id"),)

    meeting_id: int = _fk("meeting.id", primary_key=True)
    organization_id: int = _fk("organization.id", primary_key=True)


class Topic(SQLModel, table=True):
    __tablename__ = "topic"

    id: str = Field(primary_key=True)  # taxonomy id, e.g. air-defense
    label: str


class MeetingTopic(SQLModel, table=True):
    __tablename__ = "meeting_topic"
    __table_args__ = (Index("ix_meeting_topic_topic_meeting", "topic_id", "meeting_id"),)

    meeting_id: int = _fk("meeting.id", primary_key=True)
    topic_id: str = Field(foreign_key="topic.id", primary_key=True)


class MeetingSource(SQLModel, table=True):
    """One article reporting one meeting, with the record that article gave for it."""

    __tablename__ = "meeting_source"
    __table_args__ = (Index("ix_meeting_source_article", "article_id"),)

    meeting_id: int = _fk("meeting.id", primary_key=True)
    article_id: int = _fk("article.id", primary_key=True)
    position: int = 0  # the meeting's order in the article
    record: str = Field(sa_column=Column(Text, nullable=False))  # records.Meeting as JSON


class Meta(SQLModel, table=True):
    """Facts about the data as a whole. `data_version` goes up with every article saved, changed
    or deleted, so a reader holding a copy of the data (the app's in-memory index) can tell with
    one primary-key read whether it is still current."""

    __tablename__ = "meta"

    key: str = Field(primary_key=True)
    value: int = Field(sa_column=Column(BigInteger, nullable=False))
