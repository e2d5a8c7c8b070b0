"""Metadata dates to ISO; and for any bytes, parse gives Articles with inert text or an IngestError."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetview.ingest import Document, IngestError, parse
from meetview.ingest.dates import iso_date
from meetview.sanitize import is_clean


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2022-06-10T19:21:00Z", "2022-06-10"),
        ("2022-03-26 23:51:51-04:00", "2022-03-26"),  # the calendar day as written, no shift to UTC
        ("Fri, 10 Jun 2022 19:21:00 GMT", "2022-06-10"),
        ("June 10, 2022", "2022-06-10"),
        ("Tuesday, 02 January 2024 12:17 GMT", "2024-01-02"),
        ("10 Sept 2021", "2021-09-10"),
        ("15.06.2022 09:48", "2022-06-15"),
        ("20220610", "2022-06-10"),
        ("2019/11/20", "2019-11-20"),
        (dt.datetime(2023, 5, 17, 22, 40, tzinfo=dt.timezone(dt.timedelta(hours=-4))), "2023-05-17"),
        (dt.date(2021, 4, 1), "2021-04-01"),
        (time.strptime("2020-02-29", "%Y-%m-%d"), "2020-02-29"),
        ("2022-02-30", None),
        ("1850-01-01", None),
        ("3022-01-01", None),
        ("yesterday", None),
        ("Published by Reuters", None),
        ("The meeting on June 10, 2022", None),  # a date must open the value
        (True, None),
        (20220610, None),
        (None, None),
    ],
)
def test_iso_date(value, expected):
    assert iso_date(value) == expected


SUFFIXES = ["a.txt", "a.md", "a.html", "a.xml", "a.rss", "a.json", "noext"]
PIECES = [
    "<html>", "<body>", "<p>", "</p>", "<div>", "</div>", "<rss version='2.0'>", "<channel>", "<item>",
    "<title>", "</title>", "<description>", "</description>", "---\n", "title: x\n", "date: 2020-01-01\n",
    "Published: 2021-02-03\n", "# ", "**", "[a](http://x)", "\\###", "\x1b[31m", "\x1b]0;x\x07", "\u202e",
    "\x00", "\r\n", "\n", "Ministers met in Rome.", "Share this article", "• En", "Ук", "{", '"version":',
    "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "\ufeff", "é", "Київ",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40),
    raw=st.binary(max_size=200),
    name=st.sampled_from(SUFFIXES),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1251", "latin-1"]),
)
def test_any_input_gives_clean_articles_or_an_ingest_error(pieces, raw, name, encoding):
    data = "".join(pieces).encode(encoding, errors="replace") + raw
    try:
        articles = parse(Document(source=name, data=data))
    except IngestError as e:
        assert str(e) and "\n" not in str(e)
        return
    assert articles
    for a in articles:
        assert a.text.strip()
        for value in (a.text, a.title or "", a.outlet or "", a.original):
            assert is_clean(value), repr(value)
        assert a.published is None or iso_date(a.published) == a.published
