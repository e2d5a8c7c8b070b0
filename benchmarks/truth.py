"""An extractor that returns the corpus generator's truth records: stores loaded with exact meetings.

Used to build the query benchmark databases (their facets then have the real shape, whatever the
state of the extractor) and to measure the store's share of import time apart from extraction.
`install(corpus_dir)` replaces the importer's extractor in this process and in forked workers.
"""

from __future__ import annotations

import json
from pathlib import Path

from meetview import records

_TRUTH: dict[str, list[dict]] = {}


def load(corpus_dir: Path) -> None:
    _TRUTH.clear()
    with open(corpus_dir / "truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            _TRUTH[row["file"]] = row["meetings"]


def extract(article: records.Article) -> records.Extraction:
    meetings = []
    for m in _TRUTH.get(article.file, []):
        rec = records.Meeting(
            date=m["date"],
            format=m["format"],
            location=m["location"],
            participants=[records.Participant(**p) for p in m["participants"]],
            countries=list(m["countries"]),
            organizations=list(m["organizations"]),
            topics=list(m["topics"]),
            evidence=m["evidence"],
        )
        rec.spans = _spans(article.text, rec)
        meetings.append(rec)
    return records.Extraction(
        file=article.file, title=article.title, published=article.published, meetings=meetings
    )


def _spans(text: str, m: records.Meeting) -> list[records.Span]:
    """Evidence and participant spans where the text has them verbatim (as an extractor would give)."""
    out = []
    start = text.find(m.evidence or "\x00")
    if start >= 0:
        end = start + len(m.evidence or "")
        out.append(records.Span("evidence", m.evidence or "", start, end))
        for p in m.participants:
            i = text.find(p.name, start, end)
            if i >= 0:
                out.append(records.Span("participant", p.name, i, i + len(p.name)))
    return out


def install(corpus_dir: Path) -> None:
    import meetview.importer

    load(corpus_dir)
    meetview.importer.extract = extract  # type: ignore[assignment]
