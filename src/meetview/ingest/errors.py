"""The ingest error type and the Skip record: what the importer reports for a source it cannot read."""

from __future__ import annotations

from dataclasses import dataclass


class IngestError(Exception):
    """A source that cannot be imported; the message is the one-line reason shown to the user."""


@dataclass
class Skip:
    """An input that names nothing to read (a missing path, a pattern with no match), and why."""

    source: str
    reason: str
