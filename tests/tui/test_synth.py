"""The benchmark's synthetic database: bulk inserts give exactly what store.writer.save_article writes."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import synth  # noqa: E402

TABLES = {
    "article": "id, source, url, title, outlet, published, kind, clean_text, content_hash",
    "meeting": "id, date, date_start, date_end, date_precision, format, location, evidence, status, "
    "participants_label, countries_label, organizations_label, topics_label, n_sources",
    "person": "id, name, key, country",
    "person_alias": "person_id, alias, folded",
    "participant": "meeting_id, person_id, name, role, country, organization",
    "country": "code, name",
    "meeting_country": "meeting_id, country_code",
    "organization": "id, name",
    "meeting_organization": "meeting_id, organization_id",
    "topic": "id, label",
    "meeting_topic": "meeting_id, topic_id",
    "meeting_source": "meeting_id, article_id, position, record",
}


def rows(path: Path, table: str) -> list:
    with sqlite3.connect(path) as c:
        return sorted(c.execute(f"select {TABLES[table]} from {table}").fetchall(), key=repr)


def test_generation_is_deterministic_and_varied():
    a = [(art.source, ex.meetings[0].to_json()) for art, ex in synth.generate(300, seed=3)]
    b = [(art.source, ex.meetings[0].to_json()) for art, ex in synth.generate(300, seed=3)]
    assert a == b
    meetings = [m for _, m in a]
    assert len({m["format"] for m in meetings}) == 4  # in-person, video, phone, unknown
    assert any(m["date"] is None for m in meetings)
    assert any(m["date"] and len(m["date"]) == 7 for m in meetings)  # month-only dates
    assert len(a) > 300  # some meetings are reported by two articles


def test_bulk_build_equals_the_writer(tmp_path):
    bulk = synth.build(tmp_path / "bulk.db", 150, seed=2)
    writer = synth.build(tmp_path / "writer.db", 150, seed=2, writer=True)
    for table in TABLES:
        assert rows(bulk, table) == rows(writer, table), table
    with sqlite3.connect(bulk) as c:
        assert c.execute("select count(*) from meeting").fetchone() == (150,)
        assert c.execute("select count(*) from meeting where n_sources = 2").fetchone()[0] >= 1
        assert c.execute("select count(*) from article_fts where article_fts match 'ministers'").fetchone()[0]
