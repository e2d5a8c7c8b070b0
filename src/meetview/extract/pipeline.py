"""The extractor's entry point: one Article in, one Extraction (meeting records with spans) out."""

from __future__ import annotations

import re

from meetview.records import Article, Extraction, Meeting, Span

_MEETING = re.compile(r"\b(met|meeting|talks|call|conference|visit)\b", re.I)


def extract(article: Article) -> Extraction:
    """First version: one meeting per article whose text reports one, evidence = that sentence."""
    meetings: list[Meeting] = []
    m = _MEETING.search(article.text)
    if m:
        start = article.text.rfind("\n", 0, m.start()) + 1
        end = article.text.find("\n", m.end())
        end = len(article.text) if end < 0 else end
        evidence = article.text[start:end].strip()
        meetings.append(Meeting(evidence=evidence, spans=[Span("evidence", evidence, start, end)]))
    return Extraction(file=article.file, title=article.title, published=article.published, meetings=meetings)
