"""Helpers for the extractor's tests: build an Article from a few sentences, check the JSON contract."""

from __future__ import annotations

import re

import pycountry
import pytest

from meetview.extract.pipeline import extract_strict
from meetview.extract.taxonomy import load_topics
from meetview.records import Article, Extraction

DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def article(
    text: str, published: str | None = None, title: str | None = None, url: str | None = None
) -> Article:
    return Article(source="test.txt", text=text, original=text, title=title, published=published, url=url)


def run(text: str, published: str | None = None, **kw) -> Extraction:
    return extract_strict(article(text, published, **kw))


def assert_valid(ex: Extraction, text: str) -> None:
    """The JSON contract of SCHEMA.md, and spans that point into the text."""
    data = ex.to_json()
    assert set(data) == {"file", "title", "published", "meetings"}
    assert data["published"] is None or DATE.match(data["published"])
    topics = set(load_topics())
    for m in ex.meetings:
        j = m.to_json()
        assert j["date"] is None or DATE.match(j["date"]), j["date"]
        assert j["format"] in (None, "in-person", "video", "phone")
        for code in j["countries"]:
            assert pycountry.countries.get(alpha_2=code) is not None or code == "XK", code
        for p in j["participants"]:
            assert isinstance(p["name"], str) and p["name"].strip()
            assert p["country"] is None or pycountry.countries.get(alpha_2=p["country"]) is not None
        assert set(j["topics"]) <= topics
        assert isinstance(j["evidence"], str)
        for s in m.spans:
            assert 0 <= s.start <= s.end <= len(text), s


@pytest.fixture
def extract_text():
    return run
