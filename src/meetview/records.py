"""The data shapes that flow between layers: an Article from ingest, the meeting records extract returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Format = Literal["in-person", "video", "phone"]


@dataclass
class Article:
    """One article as ingest delivers it: decoded, cleaned, with what its metadata says."""

    source: str  # file path, URL, or "FEED#entry-id" for a feed entry; the identity of the article
    text: str  # cleaned text the extractor reads; every span offset points into it
    original: str  # the text as read (decoded, markup included), kept for the reader
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) from structured metadata, if any
    outlet: str | None = None
    url: str | None = None
    kind: str = "text"  # text | markdown | html | feed-entry | url

    @property
    def file(self) -> str:
        """Base name used in the JSON contract's "file" field."""
        tail = self.source.rstrip("/").replace("\\", "/").rsplit("/", 1)[-1]
        return tail or self.source


@dataclass
class Span:
    """Where an extracted value came from: [start, end) character offsets into Article.text."""

    field: str  # evidence | date | format | location | participant | role | country | organization | topic
    value: str  # normalized value (ISO code, topic id, name, ...)
    start: int
    end: int


@dataclass
class Participant:
    name: str
    role: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    organization: str | None = None
    aliases: list[str] = field(default_factory=list)  # other forms of the name in the same article

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "country": self.country,
            "organization": self.organization,
        }


@dataclass
class Meeting:
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY | None
    format: Format | None = None
    location: str | None = None
    participants: list[Participant] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    evidence: str | None = None
    status: str = "held"  # held | planned (planned meetings are kept but marked)
    spans: list[Span] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "format": self.format,
            "location": self.location,
            "participants": [p.to_json() for p in self.participants],
            "countries": list(self.countries),
            "organizations": list(self.organizations),
            "topics": list(self.topics),
            "evidence": self.evidence,
        }

    def to_dict(self) -> dict[str, Any]:
        """Everything, spans included: what the store keeps per source."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meeting:
        data = dict(data)
        data["participants"] = [Participant(**p) for p in data.get("participants") or []]
        data["spans"] = [Span(**s) for s in data.get("spans") or []]
        return cls(**data)


@dataclass
class Extraction:
    """What extract returns for one article (the JSON contract of `meetview extract --json`)."""

    file: str
    title: str | None
    published: str | None
    meetings: list[Meeting] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)  # article-level spans (published date, title)

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "title": self.title,
            "published": self.published,
            "meetings": [m.to_json() for m in self.meetings],
        }
