"""Query: one filter language, one facet function and one search, shared by the CLI, export and TUI."""

from meetview.query.engine import (
    Facets,
    FacetValue,
    MeetingRow,
    Page,
    count,
    facets,
    matching_ids,
    search,
    timeline,
)
from meetview.query.parser import Query, QueryError, Term, parse

__all__ = [
    "FacetValue",
    "Facets",
    "MeetingRow",
    "Page",
    "Query",
    "QueryError",
    "Term",
    "count",
    "facets",
    "matching_ids",
    "parse",
    "search",
    "timeline",
]
