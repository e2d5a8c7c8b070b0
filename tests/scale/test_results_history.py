"""`benchmarks.run --write` keeps the hand-written "measured again" sections of RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from benchmarks.run import with_history  # noqa: E402 (the project root goes on the path first)


def test_the_new_tables_replace_the_old_and_the_sections_below_them_stay():
    old = (
        "# Scale benchmark results\n\nold tables\n\n"
        "## Import measured again (session 9)\n\nnine\n\n## Import measured again (session 8)\n\neight\n"
    )
    new = with_history("# Scale benchmark results\n\nnew tables\n", old)
    assert new == (
        "# Scale benchmark results\n\nnew tables\n\n"
        "## Import measured again (session 9)\n\nnine\n\n## Import measured again (session 8)\n\neight\n"
    )
    assert "old tables" not in new


def test_without_an_earlier_file_or_sections_the_report_is_written_alone():
    assert with_history("report\n", "") == "report\n"
    assert with_history("report\n", "# old\n\ntables only\n") == "report\n"


def test_the_committed_results_keep_their_sections():
    text = (ROOT / "benchmarks" / "RESULTS.md").read_text("utf-8")
    assert (
        with_history("# new\n", text).count("## Import measured again")
        == text.count("## Import measured again")
        >= 1
    )
