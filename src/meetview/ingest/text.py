"""Plain text and Markdown as scraped from web pages: front matter, header dates, markup, boilerplate, title.

Cheap by design (regular expressions over lines; no HTML extractor): thousands of articles a second.
"""

from __future__ import annotations

import html
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from meetview.ingest.boilerplate import ends_sentence, scan_lines
from meetview.ingest.dates import iso_date
from meetview.ingest.markup import html_to_text, looks_like_markup
from meetview.sanitize import clean_line

try:  # the C loader is 10x faster; PyYAML wheels ship it
    from yaml import CSafeLoader as _YamlLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _YamlLoader  # type: ignore[assignment]

HEADER_LINES = 8  # header labels ("Published: ...") are looked for among the first lines only
MAX_FRONT_MATTER_LINES = 400

# Front-matter keys, most specific first.
TITLE_KEYS = ("title", "headline", "post_title", "original_title")
DATE_KEYS = (
    "published_time", "published_at", "publish_date", "publication_date", "date_published",
    "datepublished", "pubdate", "post_date", "date", "published", "created", "created_at",
)  # fmt: skip
URL_KEYS = (
    "canonical_url", "source_url", "url", "link", "original_link", "original_url", "permalink", "source",
)  # fmt: skip
OUTLET_KEYS = ("outlet", "publisher", "site_name", "sitename", "site", "publication", "source_name", "source")

_FENCE = {"---": ("---", "..."), "+++": ("+++",)}
_KEY_VALUE = re.compile(r"^([A-Za-z_][\w .-]{0,40}?)\s*:\s*(.*)$")
HEADER_DATE = re.compile(
    r"^(?:published|publication date|date published|date of publication|posted|posted on|published on|"
    r"published at|date|pubdate)\s*[:\-–—|]?\s*(?P<rest>\S.{0,100})$",
    re.I,
)
_URL = re.compile(r"^https?://\S+$")

# Markdown, line by line.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~<])")
_PLACEHOLDER_BASE = 0xE000  # escaped characters are parked in the private-use area while markup is removed
_UNPARK = {_PLACEHOLDER_BASE + ord(c): c for c in "\\`*_{}[]()#+-.!|>~<"}
_HEADING = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)")
_HEADING_CLOSE = re.compile(r"(?<!\s)\s+#+\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-+)\s*$")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_LIST_STAR = re.compile(r"^(\s*)[*+]\s+")
_IMAGE_LINE = re.compile(r"^\s*(?:\[\s*)?!\[[^\[\]]*\]\([^)]*\)(?:\]\([^)]*\))?\s*$")
_IMAGE = re.compile(r"!\[[^\[\]]*\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(r"\[([^\[\]\n]+)\]\[[^\[\]\n]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(\s*)\1")  # "**Name **said": a space before the close is common
_EM_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CODE = re.compile(r"`([^`\n]+)`")
_TABLE_RULE = re.compile(r"^\s*+(?:\|\s*+)?:?-{3,}+:?\s*+(?:\|\s*+:?-{3,}+:?\s*+)*+(?:\|\s*+)?$")
_INLINE_TAG = re.compile(
    r"</?(?:img|figure|figcaption|picture|source|span|div|p|br|hr|a|b|i|u|em|strong|sup|sub|small|center|font"
    r"|iframe|video|audio|embed|s|strike|del|ins|mark|abbr|cite|q|code|kbd|time)\b[^<>]*>",
    re.I,
)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
_MARKDOWN_CHARS = re.compile(r"[#*_\[\]`\\>~|!<]")

_UNICODE_SPACE = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060]")
_TWO_SENTENCES = re.compile(r"[.!?]['\"”’)]?\s+[A-Z\u0400-\u042f]")
_LIST_ITEM = re.compile(r"^(?:[-•*+▪‣◦●]|\d{1,3}[.)])\s")
_BYLINE = re.compile(r"^(?:by|from|posted by|written by|author)\s*:?\s+\S", re.I)

_NON_LATIN = re.compile(r"[^\x00-\u024f\u2000-\u206f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_OTHER_SCRIPT = re.compile(
    r"[\u0370-\u03ff\u0590-\u06ff\u0900-\u0dff\u0e00-\u0eff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
)


@dataclass
class TextResult:
    text: str
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None
    markdown: bool


# ---------------------------------------------------------------- front matter


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """(metadata, body) when the text opens with a YAML (---) or TOML (+++) block; else (None, text)."""
    start = 0
    while start < len(text) and text[start] in " \t\n":
        start += 1
    fence = text[start : start + 3]
    if fence not in _FENCE or text[start + 3 : start + 4] not in ("\n", ""):
        return None, text
    lines = text[start:].split("\n", MAX_FRONT_MATTER_LINES + 1)
    for i in range(1, min(len(lines), MAX_FRONT_MATTER_LINES)):
        if lines[i].rstrip() in _FENCE[fence]:
            block = "\n".join(lines[1:i])
            body = "\n".join(lines[i + 1 :])
            meta = _parse_block(block, toml=fence == "+++")
            if meta is None:
                return None, text
            return meta, body
    return None, text


def _parse_block(block: str, toml: bool) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(block) if toml else yaml.load(block, Loader=_YamlLoader)
    except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError):
        data = None
    if isinstance(data, dict):
        return {str(k).lower(): v for k, v in data.items()}
    if not block.strip() and not toml:
        return {}
    # Broken YAML: keep the "key: value" lines if most top-level lines are such lines.
    pairs: dict[str, Any] = {}
    top = [ln for ln in block.split("\n") if ln.strip() and not ln[0].isspace()]
    for ln in top:
        m = _KEY_VALUE.match(ln)
        if m:
            pairs.setdefault(m[1].strip().lower(), m[2].strip().strip("'\""))
    if pairs and len(pairs) * 2 >= len(top):
        return pairs
    return None


def _first_string(value: Any) -> str | None:
    if isinstance(value, list | tuple):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _meta_text(value: Any) -> str | None:
    s = _first_string(value)
    return clean_line(html.unescape(s)) or None if s else None


def meta_fields(meta: dict[str, Any]) -> tuple[str | None, str | None, str | None, str | None]:
    """(title, published, url, outlet) from front matter."""
    title = next((t for k in TITLE_KEYS if (t := _meta_text(meta.get(k)))), None)
    published = None
    for k in DATE_KEYS:
        v = meta.get(k)
        published = iso_date(v if not isinstance(v, list) else _first_string(v))
        if published:
            break
    url = None
    for k in URL_KEYS:
        s = clean_line(_first_string(meta.get(k)))
        if s and _URL.match(s):
            url = s
            break
    outlet = None
    for k in OUTLET_KEYS:
        s = _meta_text(meta.get(k))
        if s and not _URL.match(s) and len(s) <= 100:
            outlet = s
            break
    return title, published, url, outlet


# ---------------------------------------------------------------- markdown


def _park_escapes(line: str) -> str:
    return _ESCAPE.sub(lambda m: chr(_PLACEHOLDER_BASE + ord(m[1])), line)


def markdown_line(line: str) -> str | None:
    """One line without Markdown syntax; None when the whole line is markup (an image, a rule, a link def)."""
    if not _MARKDOWN_CHARS.search(line) and not (line[:1] in "=-+ " and line):
        return line
    escaped = "\\" in line
    if escaped:
        line = _park_escapes(line)
    if "![" in line:
        if _IMAGE_LINE.match(line):
            return None
        line = _IMAGE.sub("", line)
    if _REF_DEF.match(line) or _TABLE_RULE.match(line) or _SETEXT.match(line):
        return None
    if "#" in line:
        line = _HEADING.sub("", line, count=1)
        if line and line[-1] == "#":
            line = _HEADING_CLOSE.sub("", line)
    if ">" in line:
        line = _QUOTE.sub("", line, count=1)
        line = _AUTOLINK.sub(r"\1", line)
    line = inline_markdown(_LIST_STAR.sub(r"\1- ", line, count=1))
    return line.translate(_UNPARK) if escaped else line


def inline_markdown(line: str) -> str:
    """Links to their text, emphasis and code marks dropped (one line; block syntax is markdown_line's)."""
    if "[" in line:
        line = _LINK.sub(r"\1", line)
        line = _REF_LINK.sub(r"\1", line)
    if "*" in line or "_" in line:
        line = _STRONG.sub(r"\2\3", line)
        if "**" in line:
            line = line.replace("**", "")  # an unpaired strong mark
        line = _EM_STAR.sub(r"\1", line)
        line = _EM_UNDER.sub(r"\1", line)
    if "~~" in line:
        line = _STRIKE.sub(r"\1", line)
    if "`" in line:
        line = _CODE.sub(r"\1", line)
    return line


def looks_like_markdown(text: str) -> bool:
    """Two or more Markdown signs: headings, links, strong emphasis, quotes, starred list items."""
    head = text[:20000]
    signs = head.count("\n#") + head.startswith("#") + head.count("](") + head.count("**") // 2
    signs += head.count("\n> ") + head.count("\n* ")
    return signs >= 2


# ---------------------------------------------------------------- header dates


def find_header_date(lines: list[str]) -> tuple[str | None, int]:
    """A "Published: 2022-06-10T19:21:00Z" or " date 2025-06-04 ..." label line near the top.

    Returns (ISO date, index of that line) or (None, -1). In-text bylines and datelines are not labels.
    """
    seen = 0
    for i, ln in enumerate(lines):
        if not ln:
            continue
        seen += 1
        if seen > HEADER_LINES:
            break
        if len(ln) > 120:
            continue
        m = HEADER_DATE.match(ln)
        if m:
            date = iso_date(m["rest"])
            if date:
                return date, i
    return None, -1


# ---------------------------------------------------------------- layout


def wrap_width(raw_lengths: list[int], lines: list[str], has_url: list[bool] | None = None) -> int:
    """The column paragraphs were hard-wrapped at (e.g. 72), or 0 when each line is a whole paragraph.

    Judged on raw lengths (before markup removal): wrapped text has most lines near one width, and
    those lines mostly break mid-sentence, where whole-paragraph lines end with a full stop.
    """
    # Lines holding a URL overflow the width (a wrapper cannot break a link): they do not count.
    has_url = has_url or ["://" in ln for ln in lines]
    lengths = sorted(n for n, url in zip(raw_lengths, has_url, strict=True) if n and not url)
    if len(lengths) < 4:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    if width > 120 or width < 30:
        return 0
    near = mid_sentence = 0
    for i, n in enumerate(raw_lengths):
        if 0.6 * width <= n <= width + 10 and i + 1 < len(lines) and lines[i + 1]:
            near += 1
            mid_sentence += not ends_sentence(lines[i])
    return width if near >= 2 and mid_sentence * 2 > near else 0


def join_wrapped(lines: list[str], can_continue: list[bool], continues: list[bool]) -> list[str]:
    """Rejoin hard-wrapped paragraphs so each is one line.

    Line b is appended to line a when a can be continued (it was full, near the wrap width, and is not
    a heading or table row) and b continues (it does not start a block: heading, list item, table row),
    or when b is indented under a list item. Lines that were joined get inline Markdown removed again,
    for links and emphasis that spanned the break.
    """
    out: list[str] = []
    merged: set[int] = set()
    prev_open = False
    for ln, can, cont in zip(lines, can_continue, continues, strict=True):
        # a Markdown link still open across the break ("[Do's" / "and" / "Don'ts](https://...)")
        link_open = bool(out) and "[" in out[-1] and out[-1].count("[") > out[-1].count("]")
        if ln and (prev_open or link_open) and cont and out and out[-1]:
            out[-1] = f"{out[-1]} {ln}"
            merged.add(len(out) - 1)
        else:
            out.append(ln)
        prev_open = can and bool(ln)
    for i in merged:
        out[i] = inline_markdown(out[i])
    return out


def _tidy(line: str) -> str:
    if "\u00ad" in line or "\u200b" in line or "\u2060" in line:
        line = _INVISIBLE.sub("", line)
    if "  " in line or "\t" in line or (not line.isascii() and _UNICODE_SPACE.search(line)):
        return " ".join(line.split())  # str.split knows every Unicode space (NBSP, thin, ideographic)
    return line.strip()


# ---------------------------------------------------------------- title


def _script(text: str) -> str:
    counts = {
        "latin": _LATIN.subn("", text)[1],
        "cyrillic": _CYRILLIC.subn("", text)[1],
        "other": _OTHER_SCRIPT.subn("", text)[1],
    }
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else "none"


def _headline_like(line: str) -> bool:
    words = len(line.split())
    if not 1 <= words <= 45 or len(line) > 320:
        return False
    if _BYLINE.match(line) or iso_date(line):
        return False
    if _TWO_SENTENCES.search(line):
        return False
    return not (line.endswith(".") and len(line) > 150)


# Lines of a page's header that are never its headline: menus and breadcrumbs, bylines and dates,
# photo credits, share buttons, section labels.
_MENU_SEP = re.compile(r"\s(?:\||·|•|>|»|/)\s")
_DATEISH = re.compile(
    r"\b(?:19|20)\d\d\b.*\b\d{1,2}:\d\d\b|\b\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d\b"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d\d\b"
    r"|^\s*(?:updated|published|posted|issued|modified|last updated|date)\b",
    re.I,
)
_CREDIT = re.compile(
    r"©|\b(?:photo|image|picture|file)\s*:|\b(?:REUTERS|AFP|AP Photo|Getty Images)\b/?", re.I
)
_PARENS = re.compile(r"\([^()]*\)")
_SHARE_WORDS = {
    "share",
    "copy",
    "link",
    "copied",
    "email",
    "e-mail",
    "facebook",
    "x",
    "twitter",
    "reddit",
    "linkedin",
    "whatsapp",
    "telegram",
    "print",
    "save",
    "comments",
    "comment",
    "follow",
    "subscribe",
    "listen",
    "close",
}
_MEETING_WORDS = re.compile(
    r"\b(?:talks|meeting|meets|summit|visit|call|consultations|communiqu[ée]|statement|readout|conference"
    r"|dialogue|negotiations)\b",
    re.I,
)


def _header_line_ok(line: str) -> bool:
    """Whether a line of a page's header can be its headline."""
    words = line.split()
    if not _headline_like(line) or len(_MENU_SEP.findall(line)) >= 1:
        return False  # "World | Business", "Home » Asia", "Commentary · Institute · June 18"
    if _DATEISH.search(_PARENS.sub("", line)) or _CREDIT.search(line) or _BYLINE.match(line):
        return False  # a date in brackets belongs to a headline ("Visit to Algiers (6 April 2025)")
    if all(w.strip(".,:;!?").lower() in _SHARE_WORDS for w in words):
        return False
    return len(words) > 2 or bool(_MEETING_WORDS.search(line))  # not a label ("Politics", "Press release")


def find_title(lines: list[str], body: str) -> str | None:
    """The headline: the last headline-like line of the page's header, the lines above its first
    paragraph of prose (the site's name, menus and section labels come first, the byline and date
    after it). A line in another script than the body (a translated subtitle) is not the title."""
    header: list[str] = []
    for ln in lines:
        if not ln:
            continue
        words = len(ln.split())
        if len(ln) > 320 or (ends_sentence(ln) and words >= 10):
            break  # prose has begun
        header.append(ln)
        if len(header) >= 15:
            break
    body_script = _script(body[:1500]) if _NON_LATIN.search(body, 0, 1500) else "latin"
    candidates = []
    for ln in header:
        if not _header_line_ok(ln):
            continue
        if _NON_LATIN.search(ln) and body_script not in ("none", _script(ln)):
            continue  # a translation or subtitle in another script
        candidates.append(ln)
    if not candidates:
        return None
    return clean_line(candidates[-1]) or None


# ---------------------------------------------------------------- the pipeline


def parse_text(text: str, *, markdown: bool | None = None) -> TextResult:
    """Clean a decoded, sanitized plain-text or Markdown article. `markdown=None`: decide from the content."""
    meta, body = split_front_matter(text)
    title = published = url = outlet = None
    if meta:
        title, published, url, outlet = meta_fields(meta)
    if "<!--" in body:
        body = _HTML_COMMENT.sub("", body)
    if looks_like_markup(body):
        body = html_to_text(body)
    elif "<" in body:
        body = _INLINE_TAG.sub("", body)  # a few HTML tags inside Markdown (an <img>, a <figure>)
    if markdown is None:
        markdown = meta is not None or looks_like_markdown(body)

    # Parallel lists: the cleaned line, its raw line, its raw length, whether the raw line holds a URL.
    lines: list[str] = []
    raws: list[str] = []
    raw_len: list[int] = []
    has_url: list[bool] = []
    for raw in body.split("\n"):
        ln = markdown_line(raw)
        if ln is None:
            continue
        lines.append(_tidy(ln))
        raws.append(raw)
        raw_len.append(len(raw.rstrip()))
        has_url.append("://" in raw)

    header_date, at = find_header_date(lines)
    published = published or header_date
    edited, kept = scan_lines(lines)
    if at >= 0:
        kept = [i for i in kept if i != at]
    kept = _drop_repeated_headline(edited, kept)
    lines = [edited[i] for i in kept]
    width = wrap_width([raw_len[i] for i in kept], lines, [has_url[i] for i in kept])
    if width:
        # How lines may join: a heading or table row closes its line; a heading, list item or table row
        # starts a block (never joined to the line above); an indented line continues a list item.
        closed = {i for i in kept if _HEADING.match(raws[i]) or raws[i].lstrip().startswith("|")}
        starts = closed | {i for i in kept if _LIST_ITEM.match(edited[i])}
        indented = {i for i in kept if raws[i][:2] == "  " or raws[i][:1] == "\t"}
        continues = [i not in starts for i in kept]
        nxt = [*kept[1:], None]
        # A line is continued when it was full; or the next line is indented under it (a list item's
        # continuation); or the next line overflows the width (the wrapper pushed an unbreakable link
        # down); join_wrapped also joins while a Markdown link is open ("[Presidential" / "Memorandum](...)").
        can_continue = [
            i not in closed
            and (raw_len[i] >= 0.6 * width or (j is not None and (j in indented or raw_len[j] > width + 10)))
            for i, j in zip(kept, nxt, strict=True)
        ]
        lines = join_wrapped(lines, can_continue, continues)
    lines = _collapse_blank(lines)
    cleaned = "\n".join(lines).strip("\n")
    if not title:
        title = find_title(lines, cleaned)
    return TextResult(cleaned, title, published, url, outlet, markdown)


def _drop_repeated_headline(lines: list[str], kept: list[int]) -> list[int]:
    """A headline printed twice at the top (page title, then article heading) is kept once."""
    out: list[int] = []
    last = None
    seen = 0
    for i in kept:
        ln = lines[i]
        if ln and seen < 8:
            seen += 1
            key = ln.casefold()
            if key == last:
                continue
            last = key
        out.append(i)
    return out


def _collapse_blank(lines: list[str]) -> list[str]:
    out: list[str] = []
    for ln in lines:
        if not ln and (not out or not out[-1]):
            continue
        out.append(ln)
    while out and not out[-1]:
        out.pop()
    return out
