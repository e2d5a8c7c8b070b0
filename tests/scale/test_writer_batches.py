"""The fast write path keeps the store's rules: merges, real batch transactions, a cache that forgets."""

from __future__ import annotations

import pytest
from factories import make_article, meeting, person, save
from sqlalchemy import select, text

from meetview.importer import run_import
from meetview.store import open_store
from meetview.store.models import Country, Meeting, Person
from meetview.store.writer import lock_for_writing, save_article, savepoint, table_counts


def test_a_shared_participant_merges_whatever_its_place_in_the_list(store):
    first = meeting(
        "2024-05-01", [person("Ann Smith", country="GB"), person("Bo Lee", country="KR")], ["GB", "KR"]
    )
    second = meeting(
        "2024-05-01", [person("Carl Jung", country="DE"), person("Bo Lee", country="KR")], ["GB", "KR", "DE"]
    )
    save(store, make_article("a.txt", "A"), first)
    save(store, make_article("b.txt", "B"), second)
    with store.session() as s:
        rows = s.execute(select(Meeting.n_sources, Meeting.participants_label)).all()
    assert len(rows) == 1
    assert rows[0].n_sources == 2
    assert set(rows[0].participants_label.split("; ")) == {"Ann Smith", "Bo Lee", "Carl Jung"}


def test_savepoints_nest_in_one_transaction_that_can_still_roll_back(store):
    """A batch is one transaction: releasing a source's savepoint does not commit it on its own."""
    with store.session() as s:
        lock_for_writing(s)
        with s.begin_nested():
            s.execute(text("INSERT INTO country (code, name) VALUES ('QQ', 'Test')"))
        s.rollback()
        assert s.execute(select(Country).where(Country.code == "QQ")).first() is None


@pytest.mark.parametrize("kind", ["writer", "orm"])
def test_a_rolled_back_source_leaves_no_stale_ids_for_the_next(store, kind):
    """People, organizations and countries written inside a rolled-back savepoint (the writer's own,
    as the importer opens, or the ORM's) are not reused afterwards."""
    from factories import extraction

    art1, art2 = make_article("a.txt", "A"), make_article("b.txt", "B")
    m1 = meeting("2024-05-01", [person("Ann Smith", country="GB")], ["GB", "FR"], orgs=["NATO"])
    m2 = meeting("2024-06-01", [person("Ann Smith", country="GB")], ["GB", "FR"], orgs=["NATO"])
    with store.session() as s:
        lock_for_writing(s)
        with pytest.raises(RuntimeError), savepoint(s) if kind == "writer" else s.begin_nested():
            save_article(s, art1, extraction(art1, m1), origin="a.txt")
            raise RuntimeError("the source fails after its writes")
        save_article(s, art2, extraction(art2, m2), origin="b.txt")
    with store.session() as s:
        counts = table_counts(s)
        people = s.execute(select(Person.name)).scalars().all()
    assert people == ["Ann Smith"]
    assert (counts["articles"], counts["meetings"], counts["organizations"]) == (1, 1, 1)
    assert counts["countries"] == 2


def test_a_writer_savepoint_keeps_what_succeeded_in_the_transaction(store):
    with store.session() as s:
        lock_for_writing(s)
        with savepoint(s):
            s.execute(text("INSERT INTO country (code, name) VALUES ('QQ', 'Kept')"))
        with pytest.raises(ValueError), savepoint(s):
            s.execute(text("INSERT INTO country (code, name) VALUES ('QR', 'Undone')"))
            raise ValueError("undo")
    with store.session() as s:
        assert s.execute(select(Country.code).where(Country.code.in_(["QQ", "QR"]))).scalars().all() == ["QQ"]


def test_an_import_bumps_the_data_version_once_per_transaction_and_not_for_nothing(tmp_path):
    from factories import write_articles

    from meetview.store.writer import data_version

    folder = tmp_path / "corpus"
    write_articles(folder, 5)
    store = open_store(str(tmp_path / "t.db"))
    with store.session() as s:
        before = data_version(s)
    assert run_import(store, [str(folder)]).imported == 5
    with store.session() as s:
        after = data_version(s)
    assert after == before + 1  # one batch
    assert run_import(store, [str(folder)]).unchanged == 5
    with store.session() as s:
        assert data_version(s) == after  # nothing changed: readers need not reload


def test_a_failing_source_in_a_batch_is_skipped_and_the_rest_kept(tmp_path, monkeypatch):
    from factories import write_articles

    import meetview.importer as importer

    folder = tmp_path / "corpus"
    paths = write_articles(folder, 12)
    real = importer.save_article

    def flaky(session, article, extraction, **kw):
        if article.source == str(paths[5]):
            real(session, article, extraction, **kw)  # writes, then fails: the savepoint undoes it
            raise ValueError("boom")
        return real(session, article, extraction, **kw)

    monkeypatch.setattr(importer, "save_article", flaky)
    store = open_store(str(tmp_path / "t.db"))
    report = run_import(store, [str(folder)])
    assert report.imported == 11 and [s.source for s in report.skipped] == [str(paths[5])]
    with store.session() as s:
        counts = table_counts(s)
    assert counts["articles"] == 11 and counts["import sources"] == 11


def test_sqlite_keeps_savepoint_journals_in_memory(tmp_path):
    """Each source is written in a savepoint; its journal (the pages it changed) spilled to temporary
    files, ~100 small writes an article. Every connection keeps temporary storage in memory."""

    store = open_store(str(tmp_path / "m.db"))
    try:
        with store.session() as s:
            lock_for_writing(s)
            assert s.execute(text("PRAGMA temp_store")).scalar() == 2  # MEMORY
            with savepoint(s):
                s.execute(text("INSERT INTO country (code, name) VALUES ('QQ', 'Test')"))
            s.commit()
            assert s.execute(select(Country.name).where(Country.code == "QQ")).scalar() == "Test"
    finally:
        store.close()


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_import_raises_the_collectors_threshold_for_its_duration_only(store, tmp_path, jobs, monkeypatch):
    """The collector's young generation waits for YOUNG_OBJECTS new objects while an import runs (in
    this process and in the workers), and the threshold is as it was afterwards, even after a failure."""
    import gc

    from meetview import importer

    for n in range(3):
        (tmp_path / f"a{n}.txt").write_text(
            f"Ministers met in Oslo on 3 May 2024. Note {n}.\n", encoding="utf-8"
        )
    before = gc.get_threshold()
    seen = []
    run_import(store, [str(tmp_path)], jobs=jobs, progress=lambda *_: seen.append(gc.get_threshold()[0]))
    assert seen and set(seen) == {importer.YOUNG_OBJECTS} and gc.get_threshold() == before
    importer._worker_start()
    try:
        assert gc.get_threshold() == (importer.YOUNG_OBJECTS, *before[1:])
    finally:
        gc.set_threshold(*before)

    def fail(*_):
        raise OSError("disk full")

    monkeypatch.setattr(importer, "_write", fail)
    with pytest.raises(OSError):
        run_import(store, [str(tmp_path)], jobs=1, force=True)
    assert gc.get_threshold() == before
