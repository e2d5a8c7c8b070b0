"""Sentence splitting with character offsets, for hard-wrapped readouts and one-line paragraphs alike."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "sen",
    "rep",
    "gov",
    "lt",
    "col",
    "maj",
    "capt",
    "adm",
    "st",
    "jr",
    "sr",
    "prof",
    "no",
    "nos",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "co",
    "corp",
    "ltd",
    "vs",
    "e.g",
    "i.e",
    "approx",
    "est",
    "fig",
    "hon",
    "h.e",
    "amb",
    "sgt",
    "cpl",
    "pvt",
    "cmdr",
    "brig",
    "messrs",
    "mt",
    "ft",
    "ave",
    "blvd",
    "dept",
    "univ",
}
_QUOTE = re.compile(r'[“”"]')
_BULLET = re.compile(r"^\s*(?:[-•*–—·▪]|\d{1,2}[.)])\s+")
# End of a sentence: terminal punctuation, optional closing quotes/brackets, then space.
_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9À-ÞА-Я•\-–])")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int  # paragraph index
    first_in_block: bool


def _wrapped(lines: list[str]) -> bool:
    """Whether the text is hard-wrapped prose: lines of similar width that continue each other
    (the next line often starts in lowercase, or the line stops without closing punctuation)."""
    body = [ln.strip() for ln in lines if len(ln.strip()) > 20]
    if len(body) < 3:
        return False
    mid = [ln for ln in body if 50 <= len(ln) <= 90]
    if len(mid) / len(body) < 0.5:
        return False
    stripped = [ln.strip() for ln in lines]
    follows = 0
    for n, ln in enumerate(stripped[:-1]):
        if 50 <= len(ln) <= 90 and stripped[n + 1][:1].islower():
            follows += 1
    open_ended = sum(1 for ln in mid if not ln.endswith((".", "!", "?", '"', "”", ":")))
    return follows / len(mid) >= 0.25 or (len(mid) >= 5 and open_ended / len(mid) >= 0.8)


def _blocks(text: str) -> list[tuple[int, int]]:
    lines = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    wrapped = _wrapped([ln for _, _, ln in lines])
    blocks: list[tuple[int, int]] = []
    cur: list[int] | None = None
    prev_len = 0
    for s, e, raw in lines:
        stripped = raw.strip()
        if not stripped:
            if cur:
                blocks.append((cur[0], cur[1]))
            cur = None
            continue
        starts_new = cur is None or not wrapped or _BULLET.match(raw) is not None or prev_len < 45
        if starts_new:
            if cur:
                blocks.append((cur[0], cur[1]))
            cur = [s, e]
        else:
            cur[1] = e
        prev_len = len(stripped)
    if cur:
        blocks.append((cur[0], cur[1]))
    return blocks


def _is_abbrev(text: str, dot: int) -> bool:
    """Whether the period at `dot` ends an abbreviation or an initial rather than a sentence."""
    j = dot
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    word = text[j:dot].lower()
    if not word:
        return False
    if len(word) == 1 and text[j].isupper():  # an initial: "Joseph R. Biden"
        return True
    if "." in word:  # U.S. / U.K.: a sentence rarely ends on them before a capital
        return len(word) <= 5
    return word in _ABBREV


def split(text: str) -> list[Sentence]:
    """Sentences of `text` (already masked), as offsets; headings and list items are sentences too."""
    out: list[Sentence] = []
    for b, (bs, be) in enumerate(_blocks(text)):
        start = bs
        first = True
        for m in _END.finditer(text, bs, be):
            dot = m.start()
            if text[dot] == "." and m.end() - dot == 1 and _is_abbrev(text, dot):
                continue
            _add(out, text, start, m.end(), b, first)
            first = False
            start = m.end()
        _add(out, text, start, be, b, first)
    return out


def _add(out: list[Sentence], text: str, s: int, e: int, block: int, first: bool) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s and any(c.isalnum() for c in text[s:e]):
        out.append(Sentence(s, e, block, first))


def quoted_spans(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    """[start, end) ranges inside quotation marks, paired within a paragraph."""
    spans: list[tuple[int, int]] = []
    by_block: dict[int, tuple[int, int]] = {}
    for s in sentences:
        a, _ = by_block.get(s.block, (s.start, s.end))
        by_block[s.block] = (a, s.end)
    for a, b in by_block.values():
        open_at = -1
        for m in _QUOTE.finditer(text, a, b):
            i = m.start()
            c = text[i]
            if c == "“" or (c == '"' and open_at < 0):
                if open_at < 0:
                    open_at = i
            elif (c == "”" or c == '"') and open_at >= 0:
                spans.append((open_at, i + 1))
                open_at = -1
        if open_at >= 0 and b - open_at < 300:
            spans.append((open_at, b))
    spans.sort()
    return spans


class QuoteIndex:
    """Fast test of whether an offset lies inside a quotation."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def inside(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]
