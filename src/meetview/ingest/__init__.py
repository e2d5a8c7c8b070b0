"""Ingest: find sources (files, folders, globs, URLs), load their bytes, and parse them into Articles.

Three steps, so the importer can skip unchanged sources by hashing bytes before any parsing:
    discover(inputs) -> sources and skips;  load(source) -> Document;  parse(document) -> [Article]
"""

from meetview.ingest.core import Document, discover, load, parse
from meetview.ingest.errors import IngestError, Skip

__all__ = ["Document", "IngestError", "Skip", "discover", "load", "parse"]
