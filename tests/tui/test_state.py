"""Remembered UI state: layout for every database, the view (query, sort, tab) per database."""

from __future__ import annotations

import json

from meetview.tui.state import MAX_DATABASES, STATE_FILE, UiState, database_key, load_state, save_state

A = "sqlite:////data/a.db"
B = "sqlite:////data/b.db"


def test_each_database_keeps_its_own_view_and_all_share_the_layout(tmp_path):
    save_state(tmp_path, UiState(query="person:#12", sort="participants", tab="people", facets_width=50), A)
    save_state(tmp_path, UiState(query="country:NO", facets_width=60, theme="nord"), B)
    a, b = load_state(tmp_path, A), load_state(tmp_path, B)
    assert (a.query, a.sort, a.tab) == ("person:#12", "participants", "people")
    assert (b.query, b.sort, b.tab) == ("country:NO", "date", "meetings")
    assert a.facets_width == b.facets_width == 60 and a.theme == b.theme == "nord"  # the last written
    fresh = load_state(tmp_path, "sqlite:////data/new.db")
    assert fresh.query == "" and fresh.sort == "date" and fresh.facets_width == 60


def test_a_file_from_before_per_database_views_gives_its_view_to_the_first_database(tmp_path):
    (tmp_path / STATE_FILE).write_text(
        json.dumps({"query": "topic:drones", "sort": "topics", "reader_width": 90})
    )
    first = load_state(tmp_path, A)
    assert (first.query, first.sort, first.reader_width) == ("topic:drones", "topics", 90)
    save_state(tmp_path, first, A)
    assert load_state(tmp_path, B).query == "" and load_state(tmp_path, A).query == "topic:drones"


def test_no_password_reaches_the_file(tmp_path):
    url = "postgresql+psycopg://analyst:s3cret-pw@db.example/meetings"
    save_state(tmp_path, UiState(query="country:UA"), url)
    text = (tmp_path / STATE_FILE).read_text()
    assert "s3cret-pw" not in text and "analyst" not in text
    assert load_state(tmp_path, url).query == "country:UA"
    # the same database with another password is the same database
    assert database_key(url) == database_key(url.replace("s3cret-pw", "other"))


def test_only_the_most_recently_used_databases_are_kept(tmp_path):
    urls = [f"sqlite:////data/{n}.db" for n in range(MAX_DATABASES + 5)]
    for n, url in enumerate(urls):
        save_state(tmp_path, UiState(query=f"date:{2000 + n}"), url)
    data = json.loads((tmp_path / STATE_FILE).read_text())
    assert len(data["databases"]) == MAX_DATABASES
    assert load_state(tmp_path, urls[-1]).query == f"date:{2000 + len(urls) - 1}"
    assert load_state(tmp_path, urls[0]).query == ""  # the oldest: forgotten


def test_bad_views_are_ignored(tmp_path):
    (tmp_path / STATE_FILE).write_text(
        json.dumps({"theme": "nord", "databases": {database_key(A): {"query": 12, "sort": "x"}, "k": 3}})
    )
    state = load_state(tmp_path, A)
    assert state.query == "" and state.sort == "date" and state.theme == "nord"
    save_state(tmp_path, state, B)  # a bad entry does not stop the next write
    assert set(json.loads((tmp_path / STATE_FILE).read_text())["databases"]) == {
        database_key(A),
        database_key(B),
    }
