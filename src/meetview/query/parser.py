"""The filter language: parse a query string into terms, or fail with a message and a position.

    query   := term*                         terms separated by spaces; all must hold (AND)
    term    := ["-"] ( field ":" values | phrase | word )      "-" negates the term
    values  := value ("," value)*            any of the values (OR)
    value   := word | phrase
    phrase  := '"' any characters but '"' '"'
    field   := country | topic | person | org | format | location | after | before | date | source
               (short forms: c, t, p, o, f, loc, since, until, on)

Free words and phrases search the articles' titles and text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from meetview.sanitize import blank_controls

FIELDS = {
    "country": "country",
    "c": "country",
    "countries": "country",
    "topic": "topic",
    "t": "topic",
    "topics": "topic",
    "person": "person",
    "p": "person",
    "people": "person",
    "who": "person",
    "org": "org",
    "o": "org",
    "organization": "org",
    "organisation": "org",
    "format": "format",
    "f": "format",
    "location": "location",
    "loc": "location",
    "where": "location",
    "in": "location",
    "after": "after",
    "since": "after",
    "from": "after",
    "before": "before",
    "until": "before",
    "to": "before",
    "date": "date",
    "on": "date",
    "when": "date",
    "source": "source",
    "outlet": "source",
}
FIELD_NAMES = ("country", "topic", "person", "org", "format", "location", "after", "before", "date", "source")
MAX_QUERY = 2000


class QueryError(ValueError):
    """A malformed query: `message` says what, `position` (0-based) says where."""

    def __init__(self, message: str, position: int, query: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.query = query

    def __str__(self) -> str:
        return f"{self.message} (at column {self.position + 1})"

    def pointer(self) -> str:
        """The query with a caret under the error, for terminals."""
        return f"{self.query}\n{' ' * self.position}^"


@dataclass(frozen=True)
class Term:
    field: str | None  # None: full-text
    values: tuple[str, ...]
    negated: bool = False
    phrase: bool = False  # a quoted full-text phrase
    position: int = 0


@dataclass(frozen=True)
class Query:
    terms: tuple[Term, ...] = field(default_factory=tuple)
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.terms

    def without(self, field_name: str) -> Query:
        """The same query minus every term on one field (for facets that keep their siblings)."""
        return Query(tuple(t for t in self.terms if t.field != field_name), self.text)


def _read_phrase(text: str, i: int) -> tuple[str, int]:
    """Read a quoted phrase starting at text[i] == '"'; returns (content, index after closing quote)."""
    end = text.find('"', i + 1)
    if end < 0:
        raise QueryError("unterminated quote", i, text)
    return text[i + 1 : end], end + 1


def _read_values(text: str, i: int, field_name: str, start: int) -> tuple[list[str], int]:
    values: list[str] = []
    n = len(text)
    while True:
        if i < n and text[i] == '"':
            value, i = _read_phrase(text, i)
        else:
            j = i
            while j < n and not text[j].isspace() and text[j] != ",":
                if text[j] == '"':
                    raise QueryError("a quote inside a value; quote the whole value", j, text)
                j += 1
            value, i = text[i:j], j
        value = value.strip()
        if not value:
            raise QueryError(f"'{field_name}:' needs a value", i, text)
        values.append(value)
        if i < n and text[i] == ",":
            i += 1
            continue
        if i < n and not text[i].isspace():
            raise QueryError("expected a space after the value", i, text)
        return values, i


def parse(text: str) -> Query:
    """Parse a query; raises QueryError with a position on malformed input."""
    if len(text) > MAX_QUERY:
        raise QueryError(
            f"query too long ({len(text)} characters; limit {MAX_QUERY})", MAX_QUERY, text[:MAX_QUERY]
        )
    # A NUL ends a string in FTS5 ("unterminated string") and PostgreSQL refuses it in text; no control
    # character means anything in a query: each becomes a space, so error positions stay right.
    text = blank_controls(text)
    terms: list[Term] = []
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
            continue
        start = i
        negated = False
        if text[i] == "-" and i + 1 < n and not text[i + 1].isspace():
            negated, i = True, i + 1
        elif text[i] == "-":
            raise QueryError("'-' must be followed by a term", i, text)
        if text[i] == '"':
            phrase, i = _read_phrase(text, i)
            if phrase.strip():
                terms.append(Term(None, (phrase.strip(),), negated, True, start))
            continue
        j = i
        while j < n and not text[j].isspace() and text[j] not in ':"':
            j += 1
        if j < n and text[j] == ":" and not text.startswith("//", j + 1):  # a URL is a word
            name = text[i:j].lower()
            if not name:
                raise QueryError("a ':' needs a field name before it", j, text)
            canonical = FIELDS.get(name)
            if canonical is None and name.isalpha():
                raise QueryError(f"unknown field '{text[i:j]}' (fields: {', '.join(FIELD_NAMES)})", i, text)
            if canonical is not None:
                values, i = _read_values(text, j + 1, name, start)
                terms.append(Term(canonical, tuple(values), negated, False, start))
                continue
        while j < n and not text[j].isspace():
            if text[j] == '"':
                raise QueryError("a quote inside a word; put spaces around the phrase", j, text)
            j += 1
        terms.append(Term(None, (text[i:j],), negated, False, start))
        i = j
    return Query(tuple(terms), text)
