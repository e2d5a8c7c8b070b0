"""Issue #4's acceptance on a database made from the bundled seeds, through the real import and extractor."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from meetview import query
from meetview.cli import app, query_string
from meetview.config import seeds_dir
from meetview.importer import run_import
from meetview.store import open_store

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "seeds.db"
    store = open_store(str(path))
    report = run_import(store, [str(seeds_dir())])
    assert report.ok and report.imported == 5
    return store


def rows(store, text: str):
    with store.session() as s:
        return query.search(s, query.parse(text), limit=None).rows


def people(row) -> str:
    return row.participants


def test_country_no_gives_the_two_norway_meetings_not_umerov(seed_db):
    found = rows(seed_db, "country:NO")
    assert len(found) == 2
    assert not any("Umerov" in people(r) for r in found)
    assert any("Fredriksen" in people(r) for r in found)
    assert rows(seed_db, "country:norway") == rows(seed_db, "country:Norwegian") == found


def test_person_boiev_finds_boiev_and_boyev(seed_db):
    found = rows(seed_db, "person:boiev")
    names = " ".join(people(r) for r in found)
    assert "Boiev" in names and "Boyev" in names
    assert rows(seed_db, "person:boyev") == found


def test_topic_air_defense_finds_at_least_four(seed_db):
    assert len(rows(seed_db, "topic:air-defense")) >= 4


def test_jatec_finds_the_fredriksen_meeting_and_negation_excludes_it(seed_db):
    [hit] = rows(seed_db, "JATEC")
    assert "Fredriksen" in people(hit)
    assert all("Fredriksen" not in people(r) for r in rows(seed_db, "-country:NO"))


def test_after_excludes_the_november_2024_meeting(seed_db):
    found = rows(seed_db, "after:2025-01-01")
    assert found and all(r.date is None or r.date >= "2025" for r in found)
    assert any(r.date == "2024-11-14" for r in rows(seed_db, ""))


def test_cli_negation_words_and_error(seed_db):
    ok = runner.invoke(app, ["list", "-country:NO", "--db", seed_db.url])
    assert ok.exit_code == 0, ok.output
    assert "Fredriksen" not in ok.output and "Umerov" in ok.output
    joined = runner.invoke(app, ["list", "country:nordic", "topic:air-defense", "--db", seed_db.url])
    assert "Boiev" in joined.output and "Umerov" not in joined.output
    bad = runner.invoke(app, ["list", "country:", "--db", seed_db.url])
    assert bad.exit_code == 2
    assert "'country:' needs a value" in bad.output and "Traceback" not in bad.output


def test_query_string_requotes_words_the_shell_unquoted():
    assert (
        query_string(["person:Serhii Boiev", "-topic:sanctions"]) == 'person:"Serhii Boiev" -topic:sanctions'
    )
    assert query_string(["air shield", "JATEC"]) == '"air shield" JATEC'
    assert query_string(["country:NO topic:drones"]) == "country:NO topic:drones"
    assert query_string(None) == ""
