"""Helpers for the ingest tests: fixture paths, parsing bytes as a named source, where ../shared is."""

from __future__ import annotations

from pathlib import Path

from meetview.ingest import Document, parse
from meetview.records import Article

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
SHARED = (REPO / ".." / "shared").resolve()


def parse_bytes(data: bytes | str, name: str = "article.txt", **kw) -> list[Article]:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return parse(Document(source=name, data=data, **kw))


def parse_one(data: bytes | str, name: str = "article.txt", **kw) -> Article:
    articles = parse_bytes(data, name, **kw)
    assert len(articles) == 1
    return articles[0]


def fixture_path(name: str) -> Path:
    return FIXTURES / name


def lines_of(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln]
