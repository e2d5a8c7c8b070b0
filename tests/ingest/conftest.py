"""Fixtures for the ingest tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import SHARED


@pytest.fixture
def shared() -> Path:
    """../shared (gold sets and dev articles, read in place); the test is skipped without it."""
    if not (SHARED / "gold").is_dir():
        pytest.skip(f"../shared (gold sets and dev articles) is not at {SHARED}")
    return SHARED
