"""Edit query text the way the app's clicks do: add a term, replace the date terms, quote values."""

from __future__ import annotations

import re

from meetview.query.parser import FIELDS, QueryError, parse

_PLAIN = re.compile(r'^[^\s",]+$')
DATE_FIELDS = ("date", "after", "before")


def quote(value: str) -> str:
    """A value as the filter language takes it: quoted when it holds spaces, commas or quotes."""
    value = value.replace('"', "")
    return value if _PLAIN.match(value) else f'"{value}"'


def term(field: str, value: str, *, negated: bool = False) -> str:
    return ("-" if negated else "") + f"{field}:{quote(value)}"


def split_terms(text: str) -> list[tuple[str | None, str]]:
    """(canonical field or None, source text) of each term, in order; raises QueryError."""
    q = parse(text)
    starts = [t.position for t in q.terms]
    out = []
    for i, t in enumerate(q.terms):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        out.append((t.field, text[t.position : end].strip()))
    return out


def add_term(text: str, new: str) -> str:
    """The query with one more term (unless it is already there verbatim)."""
    try:
        parts = [src for _, src in split_terms(text)]
    except QueryError:
        parts = [text.strip()] if text.strip() else []
    if new in parts:
        return " ".join(parts)
    return " ".join([*parts, new])


def replace_fields(text: str, fields: tuple[str, ...], new: str | None) -> str:
    """The query with every term on `fields` removed, and `new` appended (if given)."""
    try:
        parts = [src for f, src in split_terms(text) if f not in fields]
    except QueryError:
        parts = [text.strip()] if text.strip() else []
    if new:
        parts.append(new)
    return " ".join(parts)


def field_names() -> list[str]:
    """Canonical field names first, then the short forms."""
    canonical = list(dict.fromkeys(FIELDS.values()))
    return canonical + [k for k in FIELDS if k not in canonical]
