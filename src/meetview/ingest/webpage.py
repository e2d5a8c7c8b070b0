"""HTML pages: main text, title, date, outlet and URL by trafilatura; a tree-free fallback for broken ones."""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from meetview.ingest.boilerplate import filter_lines
from meetview.ingest.dates import iso_date
from meetview.ingest.errors import IngestError
from meetview.ingest.markup import html_to_text_and_title
from meetview.ingest.text import HEADER_DATE
from meetview.records import Article
from meetview.sanitize import clean_line, clean_text

# The extractors log their own troubles (empty trees, discarded pages); keep them off the user's terminal
# unless the application configures logging.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

# <meta> names and properties that state when an article was published, most specific first.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "article:published", "datepublished",
    "date.published", "published_time", "og:published_time", "publishdate", "publish-date", "publish_date",
    "pubdate", "publication_date", "citation_publication_date", "dc.date.issued", "dcterms.issued",
    "dcterms.created", "dc.date.created", "dc.date", "sailthru.date", "parsely-pub-date", "date",
)  # fmt: skip
# Tags are matched without crossing a "<" and attribute names only from their first character, so
# hostile runs ("<meta<meta<meta", a 400 KB attribute name) cost linear time.
_META_TAG = re.compile(r"<meta\b[^<>]{0,8000}>", re.I)
_ATTR = re.compile(r"""(?<![a-zA-Z_:.-])([a-zA-Z_:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_JSON_LD = re.compile(r"<script[^<>]+application/ld\+json[^<>]*>", re.I)
_DATE_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')
_SITE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")
_MAX_TEXT_FIELD = 300


def _meta_tags(markup: str) -> dict[str, str]:
    """Lower-cased name/property/itemprop -> content of the page's <meta> tags (first wins)."""
    found: dict[str, str] = {}
    for tag in _META_TAG.finditer(markup, 0, min(len(markup), 400_000)):
        attrs = {m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in _ATTR.finditer(tag[0])}
        content = attrs.get("content")
        if content is None:
            continue
        for key in ("property", "name", "itemprop"):
            if attrs.get(key):
                found.setdefault(attrs[key].strip().lower(), content.strip())
    return found


def metadata_date(markup: str, meta: dict[str, str] | None = None) -> str | None:
    """The publication date the page's metadata states (<meta> tags, JSON-LD), or None."""
    meta = _meta_tags(markup) if meta is None else meta
    for key in PUBLISHED_META:
        date = iso_date(meta.get(key))
        if date:
            return date
    end = min(len(markup), 1_000_000)
    for tag in _JSON_LD.finditer(markup, 0, end):
        close = markup.find("</script>", tag.end(), end)
        if close < 0:
            break  # no block closes after this one: none after it could either
        m = _DATE_PUBLISHED.search(markup, tag.end(), close)
        if m:
            date = iso_date(m[1])
            if date:
                return date
    return None


def _header_line_date(lines: list[str]) -> str | None:
    """A date heading the main text ("2022-06-15 09:48:00 | ID: 67756", "Published: June 4, 2025")."""
    for ln in lines[:3]:
        if len(ln) > 80:
            continue
        date = iso_date(ln)
        if not date:
            m = HEADER_DATE.match(ln)
            date = iso_date(m["rest"]) if m else None
        if date:
            return date
    return None


def _outlet(sitename: str | None, url: str | None) -> str | None:
    if sitename:
        name = clean_line(html.unescape(sitename))
        name = _SITE_SEPARATORS.split(name, maxsplit=1)[0].strip()
        if name:
            return name[:_MAX_TEXT_FIELD]
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


_TITLE_TAG = re.compile(r"<title[^<>]*>", re.I)
_TITLE_END = re.compile(r"</title\s*>", re.I)


def _page_title(markup: str) -> str | None:
    end = min(len(markup), 200_000)
    m = _TITLE_TAG.search(markup, 0, end)
    close = _TITLE_END.search(markup, m.end(), end) if m else None
    return clean_line(html.unescape(markup[m.end() : close.start()])) if m and close else None


def _site_from_title(page_title: str | None, headline: str | None) -> str | None:
    """ "Headline | Site" in <title>: the part that is not the headline."""
    if not page_title or not headline:
        return None
    parts = _SITE_SEPARATORS.split(page_title)
    if len(parts) >= 2 and clean_line(headline).startswith(parts[0].strip()):
        site = parts[-1].strip()
        return site if 0 < len(site) <= 60 else None
    return None


def _article_url(candidate: str | None, fetched: str | None) -> str | None:
    """The page's own URL: the canonical one if it names an article (not a front page), else the fetched."""
    if candidate and candidate.startswith(("http://", "https://")):
        path = urlsplit(candidate).path.strip("/")
        if path.count("/") >= 1 or len(path) > 12:
            return candidate
    return fetched or None


@dataclass
class _Page:
    """What trafilatura finds in a page: the main text, and the four metadata fields we use."""

    text: str
    title: str | None
    url: str | None
    sitename: str | None
    date: Callable[[], str | None]  # htmldate's search: run only when the page states no date itself


def _trafilatura(markup: str, url: str | None) -> _Page | None:
    """trafilatura's main text with the metadata we use, or None when it finds no article.

    `bare_extraction(with_metadata=True)` with its options built per call costs ~4 ms a page, a quarter
    of it reading the same configuration again and another quarter metadata we do not use (authors,
    categories, tags, license). So the options are built once and the four fields come from
    trafilatura's own metadata functions, in `extract_metadata`'s order and with its clean-up; htmldate
    runs only when asked. `tests/ingest/test_ingest_html.py` holds this to the full call field by field.
    """
    try:
        import trafilatura
        from trafilatura.utils import load_html

        if not _own_metadata():  # a trafilatura without the functions we call: its full extraction
            doc = trafilatura.bare_extraction(
                markup, url=url, with_metadata=True, include_comments=False, include_tables=True,
                include_images=False, favor_precision=True, date_extraction_params=_DATE_PARAMS,
            )  # fmt: skip
            if doc is None:
                return None
            date = getattr(doc, "date", None)
            return _Page(doc.text or "", doc.title, doc.url, doc.sitename, lambda: date)
        page = _metadata(load_html(markup), url)
        if page is None:
            return None
        doc = trafilatura.bare_extraction(markup, options=_extractor(url))
        if doc is None:
            return None
        page.text = getattr(doc, "text", None) or ""
        return page
    except Exception as e:
        if _parser_failure(e):
            return None
        raise


def _parser_failure(e: Exception) -> bool:
    """A page the parsers cannot read (or a bug of theirs on it), as opposed to a bug of ours."""
    if isinstance(e, (RecursionError, ValueError, TypeError, AttributeError, IndexError, MemoryError)):
        return True
    # lxml's own errors (XMLSyntaxError, ParserError) and the extractors' failures
    return type(e).__module__.startswith(("lxml", "trafilatura", "htmldate", "courlan", "justext"))


_DATE_PARAMS = {"extensive_search": True, "original_date": True}


@lru_cache(maxsize=8)
def _extractor(url: str | None):  # -> trafilatura.settings.Extractor
    from trafilatura.settings import Extractor

    return Extractor(
        output_format="python",
        comments=False,
        tables=True,
        images=False,
        precision=True,
        url=url,
        date_params=_DATE_PARAMS,
    )


_METADATA_FUNCTIONS = (
    "examine_meta", "extract_meta_json", "extract_title", "extract_url", "extract_sitename",
    "find_date", "META_URL",
)  # fmt: skip


@lru_cache(maxsize=1)
def _own_metadata() -> bool:
    """Whether this trafilatura has the metadata functions `_metadata` calls (2.x has)."""
    try:
        from trafilatura import metadata as tm
        from trafilatura.settings import Extractor  # noqa: F401
        from trafilatura.utils import line_processing, load_html  # noqa: F401
    except ImportError:
        return False
    return all(hasattr(tm, name) for name in _METADATA_FUNCTIONS)


def _metadata(tree, default_url: str | None) -> _Page | None:
    """Title, URL, site name and (lazily) date, as trafilatura's `extract_metadata` finds them."""
    from trafilatura import metadata as tm
    from trafilatura.utils import line_processing

    if tree is None:
        return None
    meta = tm.examine_meta(tree)
    with suppress(Exception):  # as extract_metadata does: bugs in trafilatura's JSON-LD reader
        meta = tm.extract_meta_json(tree, meta)
    title = meta.title or tm.extract_title(tree)
    page_url = meta.url or tm.extract_url(tree, default_url)
    sitename = meta.sitename or tm.extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if sitename and "." not in sitename and not sitename[0].isupper():
            sitename = sitename.title()
    elif page_url:
        m = tm.META_URL.match(page_url)
        if m:
            sitename = m[1]

    def trimmed(value):  # Document.clean_and_trim
        if not isinstance(value, str):
            return value
        if len(value) > 10000:
            value = value[:9999] + "…"
        return line_processing(html.unescape(value))

    def date() -> str | None:
        try:
            return trimmed(tm.find_date(tree, **{**_DATE_PARAMS, "url": page_url}))
        except Exception as e:
            if _parser_failure(e):
                return None
            raise

    return _Page("", trimmed(title), trimmed(page_url), trimmed(sitename), date)


def _lines(text: str) -> list[str]:
    return [" ".join(ln.split()) for ln in clean_text(text).split("\n")]


def parse_html(markup: str, source: str, *, url: str | None = None, kind: str = "html") -> Article:
    """One Article from an HTML page: main text without menus, sidebars and related lists."""
    doc = _trafilatura(markup, url)
    main = doc.text.strip() if doc is not None else ""
    title = doc.title if doc is not None else None
    fallback_title = None
    if not main:
        # Broken, deeply nested or unusual markup: a tree-free pass over the whole page.
        main, fallback_title = html_to_text_and_title(markup, drop_furniture=True)
    lines = filter_lines(_lines(main))
    lines = [ln for ln in lines if ln]
    text = "\n".join(lines)
    if not text:
        raise IngestError("no article text found in the HTML")

    meta = _meta_tags(markup)
    if not title:
        title = meta.get("og:title") or fallback_title
        if title is None:
            title = html_to_text_and_title(markup[:100_000])[1]
    published = (
        metadata_date(markup, meta)
        or _header_line_date(lines)
        or (iso_date(doc.date()) if doc is not None else None)
    )
    page_url = _article_url(doc.url if doc is not None else None, url)
    if page_url is None:
        page_url = _article_url(meta.get("og:url"), None)
    sitename = (
        (doc.sitename if doc is not None else None)
        or meta.get("og:site_name")
        or _site_from_title(_page_title(markup), title)
    )
    return Article(
        source=source,
        text=text,
        original=markup,
        title=(clean_line(html.unescape(title))[:_MAX_TEXT_FIELD] or None) if title else None,
        published=published,
        outlet=_outlet(sitename, page_url or url),
        url=page_url,
        kind=kind,
    )
