"""The ingest pipeline's steps and types: discover sources, load their bytes, parse them into Articles."""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from meetview.ingest.decode import decode, gunzip, is_gzip
from meetview.ingest.errors import IngestError, Skip
from meetview.records import Article
from meetview.sanitize import clean_line, clean_text, needs_cleaning

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom", ".rdf", ".feed"})
JSON_SUFFIXES = frozenset({".json"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSON_SUFFIXES
COMPRESSED_SUFFIXES = frozenset({".gz"})
# Folders never worth walking (hidden folders are skipped too).
SKIP_DIRS = frozenset({"__pycache__", "node_modules", "__MACOSX"})
MAX_BYTES = 20 * 1024 * 1024
ENV_MAX_BYTES = "MEETVIEW_MAX_BYTES"  # the size limit for one source (`meetview import --max-size`)


def max_bytes_limit() -> int:
    """The size limit for one source: $MEETVIEW_MAX_BYTES when set to a positive number, else MAX_BYTES."""
    value = os.environ.get(ENV_MAX_BYTES, "").strip()
    return int(value) if value.isdigit() and int(value) > 0 else MAX_BYTES


FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json")
_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF|RDF)[\s>]", re.I)
_HTML_START = re.compile(
    r"(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|article|main|div|section|table|p)[\s>/]",
    re.I | re.S,
)
_XML_PROLOG = re.compile(r"^(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.S)


@dataclass
class Document:
    """A source's raw bytes, before any parsing (the importer hashes `data` to skip unchanged sources)."""

    source: str
    data: bytes
    content_type: str | None = None  # from HTTP, for URLs
    url: str | None = None  # final URL after redirects, for URLs


# ---------------------------------------------------------------- discover


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def _relevant(path: Path) -> bool:
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] in COMPRESSED_SUFFIXES:
        suffixes = suffixes[:-1]
    return bool(suffixes) and suffixes[-1] in SUFFIXES


def _walk(root: Path) -> tuple[list[Path], list[Skip]]:
    """Article files under root, and a Skip for each folder named like an article ("notes.txt/") that
    holds none: the user sees it was not read, instead of it vanishing from the count."""
    found: list[Path] = []
    named_like_files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".") and d not in SKIP_DIRS]
        named_like_files += [Path(dirpath, d) for d in dirnames if _relevant(Path(d))]
        for name in filenames:
            if not name.startswith("."):
                path = Path(dirpath, name)
                if _relevant(path):
                    found.append(path)
    skips = [
        Skip(str(d), "is a folder, not a file (and holds no article files)")
        for d in named_like_files
        if not any(f.parts[: len(d.parts)] == d.parts for f in found)
    ]
    return sorted(found, key=lambda p: p.parts), skips


def _glob(pattern: str) -> list[Path | Skip]:
    """Entries matching a pattern (`**` allowed) named like articles, outside hidden and cache folders.

    Anything not a folder is kept, so `load` reports a pipe, a device or a dangling link with its
    reason instead of it silently missing; a folder named like an article is a Skip.
    """
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    found: list[Path | Skip] = []
    for match in glob.glob(pattern, recursive=True):
        path = Path(match)
        below = path.parts[fixed:]
        if any(p.startswith(".") or p in SKIP_DIRS for p in below) or not _relevant(path):
            continue
        found.append(Skip(str(path), "is a folder, not a file") if path.is_dir() else path)
    return sorted(found, key=lambda p: Path(p.source).parts if isinstance(p, Skip) else p.parts)


def discover(inputs: list[str]) -> Iterator[str | Skip]:
    """Expand files, folders (recursively) and globs (`**` allowed) into sources, in a stable order.

    URLs pass through. Folders and globs skip hidden files and folders and files whose suffix is not
    an article format; a file named explicitly is always tried. Each source is yielded once.
    """
    seen: set[str] = set()
    real_dirs: dict[str, str] = {}
    for item in inputs:
        try:
            found = list(_expand(item))
        except (OSError, ValueError) as e:  # a name the OS cannot take (a NUL byte, too long)
            yield Skip(item, f"cannot use this path ({getattr(e, 'strerror', None) or e})")
            continue
        for source in found:
            if isinstance(source, Skip):
                yield source
                continue
            key = source if is_url(source) else _real_path(source, real_dirs)
            if key not in seen:
                seen.add(key)
                yield source


def _real_path(path: str, real_dirs: dict[str, str]) -> str:
    """os.path.realpath(path), with each folder's real path resolved once: a file that is not a link
    is its real folder plus its name (realpath costs an lstat per path component, per file)."""
    head, tail = os.path.split(path)
    if tail in ("", ".", "..") or os.path.islink(path):
        return os.path.realpath(path)
    real_head = real_dirs.get(head)
    if real_head is None:
        real_head = real_dirs[head] = os.path.realpath(head or os.curdir)
    return os.path.join(real_head, tail)


def _expand(item: str) -> Iterator[str | Skip]:
    if is_url(item):
        yield item
    elif re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", item):
        yield Skip(item, "unsupported URL scheme (only http and https)")
    elif (path := Path(item).expanduser()).is_dir():
        files, skips = _walk(path)
        if not files and not skips:
            yield Skip(item, "no article files in this folder")
        yield from (str(f) for f in files)
        yield from skips
    elif path.is_file() or (os.path.lexists(path) and not glob.has_magic(item)):
        yield str(path)  # a named pipe, a device or a dangling link: load() says why it cannot be read
    elif glob.has_magic(item):
        found = _glob(os.path.expanduser(item))
        if not found:
            yield Skip(item, "no article file matches this pattern")
        yield from (f if isinstance(f, Skip) else str(f) for f in found)
    else:
        yield Skip(item, "no such file or folder")


# ---------------------------------------------------------------- load


def _link_target(path: str) -> str:
    try:
        return os.readlink(path)
    except OSError:
        return "a missing file"


def _not_regular(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    else:
        kind = "a special file"
    return f"not a regular file ({kind}); not read"


def load(source: str, *, max_bytes: int | None = None, timeout: float | None = None) -> Document:
    """Read a file's bytes, or fetch an http(s) URL. Raises IngestError with a one-line reason."""
    if max_bytes is None:
        max_bytes = max_bytes_limit()
    if is_url(source):
        from meetview.ingest.fetch import DEFAULT_TIMEOUT, fetch

        return fetch(source, max_bytes=max_bytes, timeout=timeout or DEFAULT_TIMEOUT)
    try:
        # Refuse pipes, devices and sockets before opening them: opening can block (a FIFO with no
        # writer) or act (a tape rewinds). O_NONBLOCK and the fstat below cover a file swapped meanwhile.
        st = os.stat(source)
        if not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode):
            raise IngestError(_not_regular(st.st_mode))
        fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError as e:
        if os.path.islink(source):
            raise IngestError(
                f"broken symbolic link (to {_link_target(source)}, which does not exist)"
            ) from e
        raise IngestError("no such file (it may have been moved or deleted)") from e
    except IsADirectoryError as e:
        raise IngestError("is a folder, not a file") from e
    except PermissionError as e:
        raise IngestError("cannot read: permission denied") from e
    except OSError as e:
        raise IngestError(f"cannot read: {e.strerror or e}") from e
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IngestError("is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(_not_regular(st.st_mode))
        if st.st_size > max_bytes:
            raise IngestError(f"file too large ({st.st_size:,} bytes; the limit is {max_bytes:,})")
        with os.fdopen(fd, "rb", closefd=True) as fh:
            fd = -1
            data = fh.read(max_bytes + 1)
    except IngestError:
        raise
    except OSError as e:
        raise IngestError(f"cannot read: {e.strerror or e}") from e
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > max_bytes:
        raise IngestError(f"file too large (over {max_bytes:,} bytes)")
    return Document(source=source, data=data)


# ---------------------------------------------------------------- parse


def _suffix(doc: Document) -> str:
    """The article suffix of a source (".html" for "page.html.gz"), lower-cased, or ""."""
    name = doc.source.split("#", 1)[0].split("?", 1)[0] if is_url(doc.source) else doc.source
    stem, suffix = os.path.splitext(os.path.basename(name))
    if suffix.lower() in COMPRESSED_SUFFIXES:
        suffix = os.path.splitext(stem)[1]
    return suffix.lower()


def detect_format(text: str, suffix: str, content_type: str | None) -> str:
    """'feed' | 'json-feed' | 'html' | 'markdown' | 'text': content first, then content type, then suffix.

    A feed is recognised by its root element (<rss>, <feed>, <rdf:RDF>) after any XML prolog, whatever
    the suffix; HTML by a leading doctype or tag.
    """
    ctype = (content_type or "").split(";", 1)[0].strip().lower()
    prolog_end = _XML_PROLOG.match(text, 0, 65536).end()
    if _FEED_ROOT.match(text, prolog_end, prolog_end + 16):
        return "feed"
    stripped = text.lstrip()
    if stripped.startswith("{") and (suffix in JSON_SUFFIXES or ctype.endswith("json")):
        return "json-feed"
    if _HTML_START.match(stripped[:4096]):
        return "html"
    if ctype in FEED_TYPES or ctype in ("application/xml", "text/xml"):
        return "feed"
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in JSON_SUFFIXES:
        return "json-feed"
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    return "text"


def parse(doc: Document) -> list[Article]:
    """Decode, detect the format, clean; one Article per article (a feed gives one per entry).

    Anything wrong with the input raises IngestError with a one-line reason; never another exception.
    """
    try:
        data, text = _decoded(doc)
        return [_inert(a, text) for a in _parse(doc, data, text)]
    except IngestError:
        raise
    except RecursionError as e:
        raise IngestError("document too deeply nested to parse") from e
    except MemoryError as e:
        raise IngestError("document too large to parse in memory") from e
    except Exception as e:  # a parser bug or an input no library expected: report it, never crash an import
        raise IngestError(f"could not parse ({type(e).__name__}: {str(e)[:200]})") from e


def _inert(a: Article, clean: str) -> Article:
    """Ingest's guarantee, whatever the format module did: no escape sequence, control character or
    bidi override in any field (entities, JSON and YAML escapes can make them after byte-level cleaning).
    `clean` is the document's cleaned text: a field that is that very string is not scanned again."""
    fields = {"text": a.text, "original": a.original}
    lines = {"title": a.title, "published": a.published, "outlet": a.outlet, "url": a.url}
    if not any(v is not clean and needs_cleaning(v) for v in (*fields.values(), *lines.values())):
        return a
    changes = {k: clean_text(v) for k, v in fields.items()}
    changes.update({k: clean_line(v) or None for k, v in lines.items() if v is not None})
    return replace(a, **changes)


def _decoded(doc: Document) -> tuple[bytes, str]:
    """The document's bytes (gunzipped) and its text, decoded and cleaned."""
    data = doc.data
    if is_gzip(data):
        data = gunzip(data, max_bytes_limit())
    if not data:
        raise IngestError("empty file (0 bytes)")
    if not data.strip():
        raise IngestError("empty file (only whitespace)")
    text, _encoding = decode(data, doc.content_type)
    text = clean_text(text)
    if not text.strip():
        raise IngestError("empty file (only whitespace or control characters)")
    return data, text


def _parse(doc: Document, data: bytes, text: str) -> list[Article]:
    fmt = detect_format(text, _suffix(doc), doc.content_type)
    from_url = doc.url is not None or is_url(doc.source)

    if fmt == "feed":
        from meetview.ingest.feeds import parse_feed

        return parse_feed(data, doc.source, content_type=doc.content_type, url=doc.url)
    if fmt == "json-feed":
        from meetview.ingest.feeds import parse_json_feed

        return parse_json_feed(text, doc.source, url=doc.url)
    if fmt == "html":
        from meetview.ingest.webpage import parse_html

        return [parse_html(text, doc.source, url=doc.url, kind="url" if from_url else "html")]

    from meetview.ingest.text import parse_text

    result = parse_text(text, markdown=True if fmt == "markdown" else None)
    if not result.text.strip():
        raise IngestError("no article text (only boilerplate or markup)")
    kind = "url" if from_url else ("markdown" if result.markdown else "text")
    return [
        Article(
            source=doc.source,
            text=result.text,
            original=text,
            title=result.title,
            published=result.published,
            outlet=result.outlet,
            url=result.url or doc.url or (doc.source if is_url(doc.source) else None),
            kind=kind,
        )
    ]
