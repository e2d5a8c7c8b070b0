"""HTML to plain text without a tree: a streaming converter for fragments, feed entries and broken pages.

Built on the standard library's event parser, so nesting depth costs nothing (no recursion, no
libxml2 depth limit) and broken markup degrades to text instead of failing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Content never shown as text.
_SKIP = frozenset((
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "button", "head", "title",
))  # fmt: skip
# Page furniture, dropped when `drop_furniture` (whole pages, not fragments).
_FURNITURE = frozenset(("nav", "header", "footer", "aside", "form", "menu", "dialog"))
_BLOCK_TAGS = """
    address article aside blockquote body dd details dialog div dl dt fieldset figcaption figure footer
    form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table tbody thead
    tfoot tr ul caption center
"""
_BLOCK = frozenset(_BLOCK_TAGS.split())
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"))
_CELL = frozenset(("td", "th"))
_WS = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_TAG_HINT = re.compile(
    r"</?(?:p|div|br|span|a|li|ul|ol|h[1-6]|strong|em|b|i|img|table|tr|td|blockquote|figure|figcaption|section|article|font)\b[^<>]*>",
    re.I,
)


class _TextParser(HTMLParser):
    def __init__(self, drop_furniture: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0  # depth inside content that is never text
        self.furniture = 0
        self.pre = 0
        self.drop_furniture = drop_furniture
        self.title_parts: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _VOID:
            if (tag == "br" and not self.skip) or tag == "hr":
                self.parts.append("\n")
            return
        if tag in _SKIP:
            self.skip += 1
        elif self.drop_furniture and tag in _FURNITURE:
            self.furniture += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if (tag == "br" and not self.skip) or tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif self.drop_furniture and tag in _FURNITURE:
            self.furniture = max(0, self.furniture - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if self.skip or self.furniture:
            return
        self.parts.append(data if self.pre else _WS.sub(" ", data.replace("\n", " ")))


def html_to_text(markup: str, *, drop_furniture: bool = False) -> str:
    """The text of an HTML fragment or page, one line per block (paragraph, heading, list item)."""
    text, _ = html_to_text_and_title(markup, drop_furniture=drop_furniture)
    return text


# A "<" that opens no tag closed before the next "<": text. The standard library's parser rescans to the
# end of the input for each of them (quadratic on "<a<a<a..."), so they are escaped first.
_STRAY_LT = re.compile(r"<(?!!--|[A-Za-z/!?][^<>]{0,4000}>)")


def html_to_text_and_title(markup: str, *, drop_furniture: bool = False) -> tuple[str, str | None]:
    parser = _TextParser(drop_furniture)
    parser.feed(_STRAY_LT.sub("&lt;", markup) if "<" in markup else markup)
    parser.close()
    lines = (_WS.sub(" ", ln).strip() for ln in "".join(parser.parts).split("\n"))
    text = "\n".join(ln for ln in lines if ln)
    title = _WS.sub(" ", "".join(parser.title_parts)).strip() or None
    return text, title


def looks_like_markup(text: str, threshold: int = 4) -> bool:
    """True when text carries HTML markup (a body stored as HTML fragments, not prose mentioning a tag)."""
    if "<" not in text:
        return False
    return any(count >= threshold for count, _ in enumerate(_TAG_HINT.finditer(text), start=1))
