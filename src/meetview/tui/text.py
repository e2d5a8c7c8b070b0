"""Untrusted text made safe to show: sanitized, then wrapped in Rich Text so no markup is interpreted."""

from __future__ import annotations

import itertools

from rich.style import Style
from rich.text import Text

from meetview.sanitize import clean_line, clean_text

BARS = "▁▂▃▄▅▆▇█"


def line(value: object, style: str | Style = "") -> Text:
    """One line of untrusted text, literal: escapes and controls removed, newlines folded.

    A leading or trailing space survives (as one space), so pieces can be joined."""
    raw = "" if value is None else str(value)
    text = clean_line(raw)
    if text and raw[:1].isspace():
        text = " " + text
    if text and raw[-1:].isspace():
        text += " "
    return Text(text, style=style)


def safe_line(value: str | None) -> str:
    """clean_line, fast for the common case: a printable str holds no control, escape or bidi character
    (str.isprintable is False for C0, C1, ESC and every format character such as U+202E)."""
    if not value:
        return ""
    if value.isprintable():
        return value
    return clean_line(value)


def block(value: str | None) -> Text:
    """Multi-line untrusted text, literal."""
    return Text(clean_text(value or ""))


def highlighted(text: str, marks: list[tuple[int, int, Style]]) -> Text:
    """Article text with [start, end) ranges styled; offsets point into the raw text.

    The text is cut at every range boundary and each piece is sanitized on its own, so offsets
    stay right even when sanitizing removes characters, and no piece can carry an escape.
    """
    n = len(text)
    cuts = sorted({0, n, *(max(0, min(n, p)) for s, e, _ in marks for p in (s, e))})
    out = Text()
    positions: dict[int, int] = {}
    for a, b in itertools.pairwise(cuts):
        positions[a] = len(out.plain)
        out.append(clean_text(text[a:b]))
    positions[n] = len(out.plain)
    for s, e, style in marks:
        s, e = max(0, min(n, s)), max(0, min(n, e))
        if e > s:
            out.stylize(style, positions[s], positions[e])
    return out


def sparkline(values: tuple[int, ...] | list[int]) -> str:
    """A one-line bar chart of counts (▁▂▃▅▇), scaled to the largest; a zero is a dot."""
    if not values:
        return ""
    top = max(values) or 1
    return "".join("·" if v <= 0 else BARS[max(0, min(7, round(v / top * 8) - 1))] for v in values)


def count(n: int) -> str:
    return f"{n:,}"
