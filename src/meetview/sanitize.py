"""Make untrusted text inert: strip terminal escape sequences, control characters and bidi overrides."""

from __future__ import annotations

import re

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P/X/^/_ ... ST), and two-character escapes (ESC + one byte). The 8-bit C1 forms
# (CSI = U+009B, OSC = U+009D, ...) are covered by the same patterns.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                    # CSI
  | (?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f]).*?(?:\x07|\x1b\\|\x9c|$)  # OSC, DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                                     # other escapes (incl. lone ESC)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE_INTRODUCERS = "\x1b\x90\x98\x9b\x9c\x9d\x9e\x9f"
# C0 controls except TAB and LF, DEL, C1 controls; bidi embeddings, overrides and isolates;
# other invisible format characters that can hide or reorder text.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff\ufff9-\ufffb]"
)
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")
# One translation table: line separators become LF, every control character above is deleted.
_TABLE: dict[int, str | None] = {
    ord(c): None
    for c in (
        [chr(i) for i in range(0x20) if chr(i) not in "\t\n"]
        + [chr(i) for i in range(0x7F, 0xA0)]
        + list("\u200e\u200f\u061c\ufeff\ufff9\ufffa\ufffb")
        + [chr(i) for i in range(0x202A, 0x202F)]
        + [chr(i) for i in range(0x2066, 0x206A)]
    )
}
_TABLE.update({0x85: "\n", 0x2028: "\n", 0x2029: "\n"})
# Every character clean_text removes or rewrites: text holding none of them is already inert. One regex
# scan is ~10x cheaper than clean_text's translate pass over text with non-ASCII letters.
_NEEDS_CLEANING = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "\r]")


def clean_text(text: str) -> str:
    """Inert multi-line text: escape sequences and controls removed, newlines normalized to LF."""
    if not text:
        return ""
    if _NEEDS_CLEANING.search(text) is None:  # CR and every escape introducer are in the class too
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(c in text for c in _ESCAPE_INTRODUCERS):  # substring checks are memchr-fast; most text has none
        text = _ESCAPES.sub("", text)
    return text.translate(_TABLE)


# What clean_line would change: anything clean_text changes, whitespace other than a single space
# (str.split's whitespace: tabs, newlines, NBSP, ...), doubled, leading or trailing spaces.
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != " ")
_LINE_NEEDS_CLEANING = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + re.escape(_WHITESPACE) + "\r]|  |^ | $"
)


# The same test for many values at once, joined by "|": a value's leading or trailing space shows as "| " or
# " |" (a value that holds one of those gets the slow answer, though it may be clean).
_LINES_NEED_CLEANING = re.compile(_LINE_NEEDS_CLEANING.pattern.removesuffix("|^ | $") + r"|\| | \|")


def lines_are_clean(values: list[str]) -> bool:
    """True when clean_line returns every one of these non-empty values unchanged: one scan for them all."""
    try:
        joined = "|".join(values)
    except TypeError:  # a value that is no string: the caller's field-by-field path deals with it
        return False
    return _LINES_NEED_CLEANING.search("|" + joined + "|") is None


def clean_line(text: str | None) -> str:
    """Inert single-line text (titles, names, table cells): also folds newlines and tabs to spaces."""
    if not text:
        return ""
    if _LINE_NEEDS_CLEANING.search(text) is None:  # most names and labels: already one clean line
        return text
    return " ".join(clean_text(text).split())


_BLANK = {c: " " for c in _TABLE}


def blank_controls(text: str) -> str:
    """Every control, bidi and separator character as a space: inert, and the same length (so positions
    into the text, like a query error's, still point at the same characters)."""
    return text.translate(_BLANK) if needs_cleaning(text) else text


def needs_cleaning(text: str | None) -> bool:
    """True when clean_text would change text (a cheap test before cleaning many fields)."""
    return bool(text) and _NEEDS_CLEANING.search(text) is not None


def is_clean(text: str) -> bool:
    """True when text holds nothing clean_text would remove (newline normalization aside)."""
    return not (_ESCAPES.search(text) or _CONTROLS.search(_NEWLINES.sub("\n", text)))


# Characters JSON leaves raw (it escapes only C0 controls): C1 controls, bidi and other format controls,
# line separators. Written as \u escapes they keep their value and never reach a terminal raw.
_JSON_ESCAPES = {c: f"\\u{c:04x}" for c in _TABLE if c >= 0x7F} | {0x2028: "\\u2028", 0x2029: "\\u2029"}


def inert_json(json_text: str) -> str:
    """JSON text (from json.dumps) with every control, bidi and separator character as a \\u escape."""
    return json_text.translate(_JSON_ESCAPES) if needs_cleaning(json_text) else json_text
