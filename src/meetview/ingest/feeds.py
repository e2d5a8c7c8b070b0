"""Feeds: RSS 2.0, RSS 1.0/RDF and Atom (feedparser) and JSON Feed; one Article per entry with text."""

from __future__ import annotations

import json
from typing import Any

from meetview.ingest.boilerplate import filter_lines
from meetview.ingest.dates import iso_date
from meetview.ingest.errors import IngestError
from meetview.ingest.markup import html_to_text, looks_like_markup
from meetview.records import Article
from meetview.sanitize import clean_line, clean_text

_MAX_FIELD = 300
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def _to_text(value: str, content_type: str | None) -> str:
    """Entry content as clean lines: HTML converted, boilerplate ("The post ... appeared first on") gone."""
    is_html = (content_type or "").lower() in _HTML_TYPES or looks_like_markup(value, threshold=1)
    text = html_to_text(value) if is_html else value
    lines = [" ".join(ln.split()) for ln in clean_text(text).split("\n")]
    return "\n".join(ln for ln in filter_lines(lines) if ln)


def _title(value: str | None, content_type: str | None = None) -> str | None:
    if not value:
        return None
    if (content_type or "").lower() in _HTML_TYPES or "<" in value:
        value = html_to_text(value)
    return clean_line(value)[:_MAX_FIELD] or None


def _entry_date(entry: Any) -> str | None:
    """The date as the feed writes it (its own calendar day, no shift to UTC), else feedparser's parse.

    The entry's own fields are read (`dict.get`): feedparser answers a missing "updated" with
    "published" through a deprecated fallback that warns, and "published" is tried first anyway."""
    for key in ("published", "updated", "created", "dc_date", "issued"):
        date = iso_date(dict.get(entry, key))
        if date:
            return date
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        date = iso_date(dict.get(entry, key))
        if date:
            return date
    return None


def _entry_body(entry: Any) -> tuple[str, str | None]:
    """(raw content, its type): the fullest content, else the summary/description."""
    best, best_type = "", None
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value) > len(best):
            best, best_type = value, content.get("type")
    if not best:
        best = entry.get("summary") or entry.get("description") or ""
        detail = entry.get("summary_detail") or {}
        best_type = detail.get("type") if detail else None
    return best, best_type


def parse_feed(
    data: bytes, source: str, *, content_type: str | None = None, url: str | None = None
) -> list[Article]:
    """One Article per entry that has text. A feed with no entries (or none with text) is an error."""
    import feedparser

    headers = {"content-type": content_type} if content_type else {}
    if url:
        headers["content-location"] = url
    parsed = feedparser.parse(data, response_headers=headers, sanitize_html=True, resolve_relative_uris=True)
    entries = parsed.get("entries") or []
    problem = ""
    if parsed.get("bozo"):
        reason = str(parsed.get("bozo_exception") or "not a valid feed").strip().splitlines()
        problem = f"malformed feed ({(reason[0] if reason else 'not a valid feed')[:200]})"
    if not entries:
        raise IngestError(problem or "feed has no entries")
    feed = parsed.get("feed") or {}
    outlet = _title(feed.get("title"), (feed.get("title_detail") or {}).get("type"))
    articles: list[Article] = []
    for index, entry in enumerate(entries, start=1):
        raw, raw_type = _entry_body(entry)
        text = _to_text(raw, raw_type) if raw else ""
        if not text:
            continue
        key = entry.get("id") or entry.get("link") or str(index)
        articles.append(
            Article(
                source=f"{source}#{clean_line(key)}",
                text=text,
                original=clean_text(raw),
                title=_title(entry.get("title"), (entry.get("title_detail") or {}).get("type")),
                published=_entry_date(entry),
                outlet=outlet,
                url=entry.get("link") or None,
                kind="feed-entry",
            )
        )
    if not articles:
        none = f"{len(entries)} {'entry' if len(entries) == 1 else 'entries'}, none with text"
        raise IngestError(f"{problem}: {none}" if problem else f"feed has {none}")
    return articles


def parse_json_feed(text: str, source: str, *, url: str | None = None) -> list[Article]:
    """A JSON Feed (https://jsonfeed.org, versions 1 and 1.1): one Article per item with text."""
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as e:
        raise IngestError(f"not valid JSON ({e})") from e
    version = str(data.get("version", "")) if isinstance(data, dict) else ""
    if "jsonfeed.org" not in version or not isinstance(data.get("items"), list):
        raise IngestError("JSON file is not a JSON Feed (https://jsonfeed.org); no articles in it")
    outlet = _title(data.get("title")) if isinstance(data.get("title"), str) else None
    articles: list[Article] = []
    for index, item in enumerate(data["items"], start=1):
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("content_html"), str) and item["content_html"].strip():
            raw, raw_type = item["content_html"], "text/html"
        else:
            raw = next((item[k] for k in ("content_text", "summary") if isinstance(item.get(k), str)), "")
            raw_type = "text/plain"
        body = _to_text(raw, raw_type) if raw else ""
        if not body:
            continue
        link = item.get("url") if isinstance(item.get("url"), str) else None
        key = str(item.get("id") or link or index)
        articles.append(
            Article(
                source=f"{source}#{clean_line(key)}",
                text=body,
                original=clean_text(raw),
                title=_title(item.get("title")) if isinstance(item.get("title"), str) else None,
                published=iso_date(item.get("date_published") or item.get("date_modified")),
                outlet=outlet,
                url=link,
                kind="feed-entry",
            )
        )
    if not articles:
        raise IngestError("JSON Feed has no items with text")
    return articles
