"""The ingest pipeline's steps and types: discover sources, load bytes, parse into Articles."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from meetview.records import Article
from meetview.sanitize import clean_text

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".xml", ".rss", ".atom", ".json"}
MAX_BYTES = 20 * 1024 * 1024


class IngestError(Exception):
    """A source that cannot be imported; the message is the reason shown to the user."""


@dataclass
class Skip:
    source: str
    reason: str


@dataclass
class Document:
    source: str
    data: bytes
    content_type: str | None = None
    url: str | None = None


def discover(inputs: list[str]) -> Iterator[str | Skip]:
    """Expand files, folders (recursively) and globs into sources, in a stable order."""
    for item in inputs:
        if item.startswith(("http://", "https://")):
            yield item
            continue
        path = Path(item).expanduser()
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUFFIXES and not child.name.startswith("."):
                    yield str(child)
        elif path.is_file():
            yield str(path)
        elif glob.has_magic(item):
            matches = sorted(glob.glob(os.path.expanduser(item), recursive=True))
            files = [m for m in matches if Path(m).is_file()]
            if not files:
                yield Skip(item, "no file matches this pattern")
            yield from files
        else:
            yield Skip(item, "no such file or folder")


def load(source: str) -> Document:
    try:
        size = os.path.getsize(source)
        if size > MAX_BYTES:
            raise IngestError(f"file too large ({size:,} bytes; limit {MAX_BYTES:,})")
        with open(source, "rb") as fh:
            return Document(source=source, data=fh.read())
    except OSError as e:
        raise IngestError(f"cannot read: {e.strerror or e}") from e


def parse(doc: Document) -> list[Article]:
    if not doc.data.strip():
        raise IngestError("empty file")
    try:
        text = doc.data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError("not UTF-8 text") from e
    text = clean_text(text)
    lines = [ln.strip(" #") for ln in text.splitlines() if ln.strip()]
    return [Article(source=doc.source, text=text, original=text, title=lines[0] if lines else None)]
