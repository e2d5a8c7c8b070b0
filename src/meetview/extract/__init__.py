"""Extract: pure functions from an article's text to meeting records (no database, no UI)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from meetview.extract.pipeline import extract

__all__ = ["extract"]


def __getattr__(name: str) -> Any:
    # The pipeline loads on first use: the store and the query layer import a few of this package's
    # tables (names, countries, topics), and a command that only reads should not load the extractor.
    if name == "extract":
        from meetview.extract.pipeline import extract

        globals()["extract"] = extract  # found directly from now on
        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
