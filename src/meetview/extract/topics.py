"""Topics: taxonomy terms found with Aho-Corasick on word boundaries, longest match first."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from meetview.extract.taxonomy import ENV_TOPICS, load_non_terms, load_topics

# line breaks, tabs and no-break spaces count as spaces, a curly apostrophe as a straight one
_SPACES = (("\n", " "), ("\t", " "), ("\r", " "), ("’", "'"), ("\u00a0", " "))


@dataclass(slots=True)
class TopicHit:
    topic: str
    start: int
    end: int
    term: str
    weak: bool = False  # a generic word: counts twice over or beside a specific term


@lru_cache(maxsize=8)
def _automaton(path: str | None) -> ahocorasick.Automaton | None:
    auto = ahocorasick.Automaton()
    n = 0
    for tid, topic in load_topics(path).items():
        for weak, terms in ((False, topic.terms), (True, topic.weak_terms)):
            for term in terms:
                key = " ".join(term.lower().replace("’", "'").split())
                if not key:
                    continue
                existing = auto.get(key, None)
                if existing is None:
                    auto.add_word(key, (key, [(tid, weak)]))
                    n += 1
                elif all(t != tid for t, _ in existing[1]):
                    existing[1].append((tid, weak))
    if n == 0:
        return None
    for term in load_non_terms(path):  # the longest match, naming nothing ("think tank")
        key = " ".join(term.lower().replace("’", "'").split())
        if key and auto.get(key, None) is None:
            auto.add_word(key, (key, []))
    auto.make_automaton()
    return auto


def _boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def find_topics(text: str, start: int = 0, end: int | None = None, path: str | None = None) -> list[TopicHit]:
    """Topic term hits in text[start:end]; overlapping hits keep the longest ("air and missile defense")."""
    path = path or os.environ.get(ENV_TOPICS) or None
    auto = _automaton(path)
    end = len(text) if end is None else end
    if auto is None or end <= start:
        return []
    # line breaks of wrapped text count as spaces; same length, so offsets stay put
    norm = text[start:end].lower()
    for old, new in _SPACES:  # replace() is memchr-fast; translate() looks each character up in a dict
        if old in norm:
            norm = norm.replace(old, new)
    raw: list[tuple[int, int, str, list[str]]] = []
    for e, (key, tids) in auto.iter(norm):
        s = e - len(key) + 1
        if _boundary(norm, s, e + 1):
            raw.append((s, e + 1, key, tids))
    raw.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[TopicHit] = []
    last_end = -1
    for s, e, key, tids in raw:
        if s < last_end:
            continue
        last_end = e
        for tid, weak in tids:
            out.append(TopicHit(tid, start + s, start + e, key, weak))
    return out


def topics_of(hits: list[TopicHit]) -> list[str]:
    """Topic ids the hits support: any specific term, or generic words twice over, in order of appearance."""
    strong = {h.topic for h in hits if not h.weak}
    weak: dict[str, int] = {}
    for h in hits:
        if h.weak:
            weak[h.topic] = weak.get(h.topic, 0) + 1
    out: list[str] = []
    for h in hits:
        if h.topic not in out and (h.topic in strong or weak.get(h.topic, 0) >= 2):
            out.append(h.topic)
    return out
