"""Offset-preserving text preparation: mask markup and front matter, tokenize with character offsets."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass

# Blocks whose content is never article prose; masked whole.
_BLOCKS = re.compile(
    r"<(script|style|noscript|svg|template|head)\b[^>]*>.*?</\1\s*>|<!--.*?-->",
    re.I | re.S,
)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)[^<>]{0,2000}?/?>")
# Block-level tags end a paragraph: their first character becomes a newline.
_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "blockquote",
    "header",
    "footer",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
}
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_ENTITY_CHARS = {"&amp;": "&", "&quot;": '"', "&#039;": "'", "&#39;": "'", "&apos;": "'", "&nbsp;": " "}
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_NOISE = re.compile(r"(?m:^[ \t]*\\?#{1,6}(?=[ \t]|$))|\[ad_\d+\]|\\(?=[#*_\[\]])|(?<!\w)jrs-\d+\b|\*\*|__")
_NOISE_MARKS = "#[\\*_"


def _blank(match: re.Match[str]) -> str:
    """Replace a match by spaces, keeping its newlines so lines and offsets stay where they were."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _blank_tag(match: re.Match[str]) -> str:
    blank = _blank(match)
    return "\n" + blank[1:] if match.group(1).lower() in _BLOCK_TAGS else blank


def front_matter(text: str) -> tuple[int, int] | None:
    """The [start, end) of a YAML front matter block at the top of the text, if there is one."""
    m = _FRONT_MATTER.match(text)
    return (m.start(), m.end()) if m else None


def mask(text: str) -> str:
    """The text with markup, front matter and scraping debris replaced by spaces (same length).

    Every offset into the result is an offset into `text`, so spans found on the masked text
    point at the article the reader shows.
    """
    out = text.replace("\u00a0", " ").replace("\u200b", " ").replace("\r", " ")
    fm = front_matter(out)
    if fm:
        out = out[: fm[0]] + re.sub(r"[^\n]", " ", out[fm[0] : fm[1]]) + out[fm[1] :]
    if "<" in out:
        out = _BLOCKS.sub(_blank, out)
        out = _TAG.sub(_blank_tag, out)
    if "&" in out:
        out = _ENTITY.sub(lambda m: _ENTITY_CHARS.get(m.group(0), " ").ljust(len(m.group(0))), out)
    if any(c in out for c in _NOISE_MARKS) or "jrs-" in out:  # each _NOISE alternative holds one
        out = _NOISE.sub(_blank, out)
    return out


# A token: dotted acronym (U.S.), number, word (hyphens and inner apostrophes kept: O'Brien,
# Kornhauser-Duda), a possessive 's, or one other character.
_TOKEN = re.compile(
    r"(?=[A-Z]\.)(?:(?:[A-Z]\.){2,}(?![a-z])|(?:[A-Z]\.)+[A-Z](?![\w.]))"
    r"|\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?"
    r"|[^\W\d_]\w*(?:(?:['’](?=[^\W\d_]{2})|[-‐](?=\w)|\.(?=[A-Z]\.))\w+)*"
    r"|['’]s\b"
    r"|\S"
)


# The same tokens, each with the whitespace before it: `findall` hands back plain strings (no match
# objects), and the offsets follow from their lengths. Two shortcuts go first, each matching exactly
# what the pattern matches where they apply: a word that starts in lower case (no acronym or number
# can start there) and a punctuation mark that only the last alternative takes.
_GAP_TOKEN = re.compile(
    r"(\s*)("
    r"[a-z]\w*(?:(?:['’](?=[^\W\d_]{2})|[-‐](?=\w)|\.(?=[A-Z]\.))\w+)*"
    r'|[,.;:()"“”!?]|' + _TOKEN.pattern + ")"
)


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    low: str  # lowercase, curly apostrophes straightened
    cap: bool  # starts with an uppercase letter
    sent: int = 0  # index of the sentence it belongs to


def tokenize(text: str, start: int = 0, end: int | None = None, sent: int = 0) -> list[Token]:
    """The tokens of text[start:end], each marked as belonging to sentence `sent`."""
    end = len(text) if end is None else end
    out = []
    add = out.append
    pos = start
    for gap, t in _GAP_TOKEN.findall(text, start, end):
        pos += len(gap)
        stop = pos + len(t)
        low = t.lower()
        if "’" in low:
            low = low.replace("’", "'")
        add(Token(t, pos, stop, low, t[0].isupper(), sent))
        pos = stop
    return out


# Letters a case-insensitive pattern matches to an ASCII letter that lower() does not turn into one
# (dotless i, long s): a text holding one is matched the slow way.
_DOTLESS_I, _LONG_S = "\u0131", "\u017f"
# An upper-case letter in a pattern's source that is not an escape (\S, \W, \B, \A, \Z, \D)
_UPPER_LITERAL = re.compile(r"(?<!\\)[A-Z]")
# The last few texts searched, lower-cased (None: not safely), most recent first: the rules search one
# clause or one document text with several patterns in turn
_LOWERED: list[tuple[str, str | None]] = []


def _lowered(text: str) -> str | None:
    for seen, low in _LOWERED:
        if seen is text:
            return low
    low = text.lower()
    if len(low) != len(text) or _DOTLESS_I in low or _LONG_S in low:
        low = None
    _LOWERED.insert(0, (text, low))
    del _LOWERED[4:]
    return low


class CaselessPattern:
    """`re.compile(source, re.I)`, run as a case-sensitive pattern over the lower-cased text: sre
    matches a case-insensitive alternation letter by letter, 3-4x slower. For a source written in lower
    case (a class [A-Z] becomes [a-z]) the matches have the same spans; their text comes back in lower
    case. A text whose lower-case form has another length ("İ") or holds a letter that only
    case-insensitive matching equates with an ASCII letter is searched with the re.I pattern."""

    __slots__ = ("_ci", "cs", "source")

    def __init__(self, source: str) -> None:
        self.source = source
        folded = source.replace("[A-Z]", "[a-z]")
        self.cs = None if _UPPER_LITERAL.search(folded) else re.compile(folded)
        self._ci: re.Pattern[str] | None = None

    @property
    def ci(self) -> re.Pattern[str]:
        """The re.I pattern, compiled when a text first needs it (most never do)."""
        if self._ci is None:
            self._ci = re.compile(self.source, re.I)
        return self._ci

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = _lowered(text) if self.cs is not None else None
        return self.ci.search(text, pos, endpos) if low is None else self.cs.search(low, pos, endpos)  # type: ignore[union-attr]

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = _lowered(text) if self.cs is not None else None
        return self.ci.match(text, pos, endpos) if low is None else self.cs.match(low, pos, endpos)  # type: ignore[union-attr]

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        low = _lowered(text) if self.cs is not None else None
        return self.ci.finditer(text, pos, endpos) if low is None else self.cs.finditer(low, pos, endpos)  # type: ignore[union-attr]
