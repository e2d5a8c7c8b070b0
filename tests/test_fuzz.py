"""Property tests: decoders, the readers and the extractor on arbitrary and mutated bytes.

decode gives text or IngestError; parse gives inert Articles or IngestError; the extractor never raises and
its output always meets SCHEMA.md (tests/schema_check.py). Example counts are small here: scripts/fuzz.py
runs the long campaign.
"""

from __future__ import annotations

import gzip
import random

from fuzz_corpus import SEEDS, SUFFIXES, mutate
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schema_check import date_problem, problems

from meetview.extract import extract
from meetview.extract.pipeline import extract_strict
from meetview.ingest import Document, IngestError, parse
from meetview.ingest.decode import decode
from meetview.records import Article, Extraction
from meetview.sanitize import is_clean

FAST = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

# Arbitrary bytes, and bytes near text (mostly ASCII, some high bytes and controls): the latter get past
# the binary checks and into the code-page guessing and the parsers.
TEXTISH = st.lists(
    st.one_of(
        st.binary(max_size=40),
        st.sampled_from(
            [b"Minister ", b"met ", b"\xd0\xbc", b"\xe9", b"\x00", b"<p>", b"\n", b"\xef\xbb\xbf"]
        ),
    ),
    max_size=40,
).map(b"".join)
ANY_BYTES = st.one_of(st.binary(max_size=3000), TEXTISH)
MUTATED = st.tuples(st.sampled_from(sorted(SEEDS)), st.integers(0, 2**32 - 1)).map(
    lambda s: (s[0], mutate(SEEDS[s[0]], random.Random(s[1])))
)


def check_articles(articles: list[Article]) -> None:
    assert isinstance(articles, list) and articles
    for a in articles:
        assert isinstance(a, Article)
        assert isinstance(a.text, str) and a.text.strip()
        for value in (a.text, a.title, a.outlet, a.url, a.source):
            assert value is None or is_clean(value), repr(value)[:200]
        assert date_problem(a.published) is None and (a.published is None or len(a.published) == 10)


def parse_or_error(source: str, data: bytes) -> list[Article] | None:
    try:
        articles = parse(Document(source=source, data=data))
    except IngestError as e:
        assert str(e).strip() and "\n" not in str(e)
        return None
    check_articles(articles)
    return articles


def check_extraction(article: Article) -> None:
    ex = extract_strict(article)  # without extract's safety net, so a hidden exception fails the test
    assert isinstance(ex, Extraction)
    assert problems(ex.to_json()) == []


@FAST
@given(ANY_BYTES)
def test_decode_gives_text_or_an_ingest_error(data):
    try:
        text, encoding = decode(data)
    except IngestError as e:
        assert str(e).strip()
    else:
        assert isinstance(text, str) and isinstance(encoding, str) and encoding


@FAST
@given(ANY_BYTES, st.sampled_from(SUFFIXES))
def test_parse_arbitrary_bytes_with_every_suffix(data, suffix):
    if suffix == ".gz":
        data = gzip.compress(data)
    parse_or_error(f"fuzz{suffix}", data)


@FAST
@given(MUTATED, st.sampled_from(SUFFIXES))
def test_parse_and_extract_mutated_articles(seed, suffix):
    name, data = seed
    articles = parse_or_error(f"fuzz{suffix or name}", data)
    for article in articles or []:
        check_extraction(article)


@FAST
@given(
    st.text(max_size=800), st.one_of(st.none(), st.sampled_from(["2025-03-04", "1999-12-31", "2024-02-29"]))
)
def test_extractor_output_always_meets_the_schema(text, published):
    check_extraction(Article(source="f.txt", text=text, original=text, published=published))


def test_every_seed_reads_and_extracts_cleanly():
    """The seeds themselves are good input: each reads, and the English ones give schema-valid meetings."""
    found = 0
    for suffix, data in SEEDS.items():
        articles = parse_or_error(f"seed{suffix}", data)
        assert articles, suffix
        for article in articles:
            ex = extract(article)
            assert problems(ex.to_json()) == []
            found += len(ex.meetings)
    assert found >= 6


def test_the_validator_catches_what_breaks_the_schema():
    good = {"file": "a.txt", "title": None, "published": "2025-03-04", "meetings": []}
    assert problems(good) == []
    meeting = {
        "date": "2025-02-30",
        "format": "zoom",
        "location": "",
        "participants": [{"name": " ", "role": None, "country": "XX", "organization": None}],
        "countries": ["UK"],
        "organizations": [],
        "topics": ["weather"],
        "evidence": None,
    }
    found = problems({**good, "published": "2025-13", "meetings": [meeting]})
    for fragment in ("published", "calendar date", "format", "location", "name", "'XX'", "'UK'", "weather"):
        assert any(fragment in p for p in found), fragment
    assert problems({**good, "extra": 1}) and problems([]) and problems({**good, "meetings": [{}]})
