"""Titles and publication dates of the seeds and the dev text articles against the gold files (in place)."""

from __future__ import annotations

import json

import pytest
from ingest_helpers import REPO

from meetview.ingest import load, parse

# Gold dates that only an in-text byline gives ("Chas Pravdy - 05 November 2025 13:08"): ingest takes
# `published` from metadata and header labels only and leaves bylines to the extractor.
BYLINE_ONLY = {"003_b8f487c1e5dcac21.txt"}


def _gold(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _check(records, folder):
    checked = 0
    for g in records:
        path = folder / g["file"]
        if path.suffix == ".html":
            continue  # test_ingest_html covers the pages
        (a,) = parse(load(str(path)))
        assert a.title == g["title"], g["file"]
        if g["file"] in BYLINE_ONLY:
            assert a.published is None, g["file"]
        else:
            assert a.published == g["published"], g["file"]
        checked += 1
    return checked


@pytest.mark.gold
def test_seeds_titles_and_dates(shared):
    assert _check(_gold(shared / "gold" / "seeds.jsonl"), REPO / "seeds") == 5


@pytest.mark.gold
def test_dev_text_articles_titles_and_dates(shared):
    assert _check(_gold(shared / "gold" / "dev.jsonl"), shared / "gold" / "dev") >= 30


@pytest.mark.gold
def test_seed_texts_keep_bylines_and_datelines_and_lose_boilerplate(shared):
    texts = {p.name: parse(load(str(p)))[0].text for p in sorted((REPO / "seeds").glob("*.txt"))}
    assert "Chas Pravdy - 05 November 2025 13:08" in texts["003_b8f487c1e5dcac21.txt"]
    assert "BRUSSELS, June 4 (KUNA) --" in texts["004_edc7263fa06ac553.txt"]
    assert "2025-06-04" not in texts["004_edc7263fa06ac553.txt"]
    joined = "\n".join(texts.values())
    for junk in (
        "Skip to main content",
        "Share this article",
        "LinkendIn",
        "jrs-5105",
        "Article top vertical",
    ):
        assert junk not in joined
    assert texts["001_8a4faf80ab86a926.txt"].count("audit military aid to set priorities for 2025") == 1


@pytest.mark.gold
def test_dev_white_house_markdown_is_plain_paragraphs(shared):
    (a,) = parse(load(str(next((shared / "gold" / "dev").glob("023_*.txt")))))
    lines = a.text.split("\n")
    assert len(lines) == 1  # one hard-wrapped paragraph became one line; "\###" is gone
    assert lines[0].startswith(
        "President Joseph R. Biden, Jr., Secretary of State Antony Blinken, and Secretary"
    )
    assert a.url.startswith(
        "https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/03/26/"
    )
