"""Partial ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) as the first and last day they can mean."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bounds(value: str | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(first day, last day, precision) of a partial ISO date; (None, None, None) if not one."""
    if not value:
        return None, None, None
    m = _ISO.match(value.strip())
    if not m:
        return None, None, None
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    try:
        if day:
            d = dt.date(year, month, day)
            return d, d, "day"
        if month:
            last = calendar.monthrange(year, month)[1]
            return dt.date(year, month, 1), dt.date(year, month, last), "month"
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    except ValueError:
        return None, None, None
