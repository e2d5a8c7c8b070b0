"""Reading while an import writes (the app open during an import): no 'database is locked', new rows seen."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from factories import write_articles

from meetview import query
from meetview.store import open_store


@pytest.mark.slow
def test_queries_during_an_import_never_fail_and_see_new_meetings(tmp_path):
    folder = tmp_path / "corpus"
    write_articles(folder, 400, seed=5)
    db = tmp_path / "shared.db"
    reader = open_store(str(db))  # creates and migrates it first, as the app would
    proc = subprocess.Popen(
        [sys.executable, "-m", "meetview", "import", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen, reads = [], 0
    q = query.parse("")
    while proc.poll() is None:
        with reader.session() as s:
            page = query.search(s, q, limit=50)
            query.facets(s, q)
        seen.append(page.total)
        reads += 1
        time.sleep(0.01)
    _, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "locked" not in err
    with reader.session() as s:
        final = query.search(s, q, limit=1).total
    assert reads > 5
    assert seen == sorted(seen)  # never goes backwards
    assert seen[0] < final and final > 0  # the reader saw the import progress and its end
