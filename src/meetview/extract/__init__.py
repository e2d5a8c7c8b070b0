"""Extract: pure functions from an article's text to meeting records (no database, no UI)."""

from meetview.extract.pipeline import extract

__all__ = ["extract"]
