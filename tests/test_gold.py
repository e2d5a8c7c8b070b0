"""The extractor against the gold sets (dev, seeds, holdouts 1 and 3), scored with the shared scorer's own
functions. Holdout 1 is ours (tests/fixtures/holdout, with a copy of the scorer): that test never skips."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from meetview.extract import extract
from meetview.ingest import load, parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
SCORER = SHARED / "tools" / "score.py"

BARS = {
    "meetings": 0.85,
    "date_accuracy": 0.80,
    "participants": 0.85,
    "countries": 0.85,
    "topics": 0.65,
    "overall": 0.80,
}

HOLDOUT = ROOT / "tests" / "fixtures" / "holdout"

pytestmark = [pytest.mark.gold]
needs_shared = pytest.mark.skipif(
    not SCORER.exists(), reason="../shared (gold sets and score.py) is not beside the repo"
)


def _scorer():
    path = SCORER if SCORER.exists() else HOLDOUT / "score.py"  # the copy kept with holdout 1
    spec = importlib.util.spec_from_file_location("meetview_gold_score", path)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _score(gold_file: Path, folder: Path) -> dict:
    return _score_files(gold_file, sorted(folder.iterdir()))


def _score_files(gold_file: Path, files: list[Path]) -> dict:
    score = _scorer()
    gold = score.load(gold_file)
    preds = {}
    for path in files:
        for art in parse(load(str(path))):
            preds[Path(art.source).name] = extract(art).to_json()
    s = score.Scores()
    for name, g in sorted(gold.items()):
        score.score_article(s, g, preds.get(name), verbose=False)
    return score.summarize(s)


def _check(result: dict) -> None:
    got = {
        "meetings": result["meetings"]["f1"],
        "date_accuracy": result["date_accuracy"],
        "participants": result["participants"]["f1"],
        "countries": result["countries"]["f1"],
        "topics": result["topics"]["f1"],
        "overall": result["overall"],
    }
    low = {k: v for k, v in got.items() if v < BARS[k]}
    assert not low, f"below the bars {BARS}: {low} (all: {got})"


def test_holdout_1_meets_the_bars():
    """Holdout 1: 26 articles in outlets' and governments' styles the rules were not first written on
    (labelled blind by another evaluator); the rules were then generalised against it."""
    files = [p for p in sorted(HOLDOUT.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    result = _score_files(HOLDOUT / "gold.jsonl", files)
    _check(result)


def test_holdout_3_meets_the_bars():
    """Holdout 3: 36 articles written and labelled blind; the extractor met the bars on it (0.853) before
    anyone tuning it had seen it. It is a working set from round 4 on."""
    folder = ROOT / "tests" / "fixtures" / "holdout3"
    files = [p for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    _check(_score_files(folder / "gold.jsonl", files))


@needs_shared
def test_dev_set_meets_the_bars():
    _check(_score(SHARED / "gold" / "dev.jsonl", SHARED / "gold" / "dev"))


@needs_shared
def test_seeds_meet_the_bars():
    _check(_score(SHARED / "gold" / "seeds.jsonl", SHARED / "seeds"))
