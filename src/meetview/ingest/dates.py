"""Publication dates from metadata values: any common written or typed form to an ISO date (YYYY-MM-DD)."""

from __future__ import annotations

import datetime as dt
import re
import time

MIN_YEAR = 1900

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"

# Each pattern must match at the start of the value (after an optional weekday): a date is only
# taken from where a metadata value or a header label says it is, never from the middle of a sentence.
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_ISO_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?![\d])")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
_DMY_NUM = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])")
_MDY = re.compile(_WEEKDAY + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\d])", re.I)
_DMY = re.compile(
    _WEEKDAY + r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(\d{4})(?![\d])", re.I
)


def _valid(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_date(value: object) -> str | None:
    """The calendar date a metadata value states, as written (no time-zone shift), or None.

    Accepts date/datetime objects, time.struct_time, and strings that start with a date: ISO 8601
    ("2022-06-10T19:21:00Z", "2022-03-26 08:51:51-04:00"), RFC 2822 ("Fri, 10 Jun 2022 19:21:00 GMT"),
    "June 10, 2022", "10 June 2022", "10.06.2022", "20220610".
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return _valid(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return _valid(value.tm_year, value.tm_mon, value.tm_mday)
    if isinstance(value, int | float):
        return None
    text = str(value).strip().strip("'\"").strip()
    if not text or len(text) > 200:
        return None
    for pattern in (_ISO, _ISO_SLASH, _COMPACT):
        m = pattern.match(text)
        if m:
            return _valid(int(m[1]), int(m[2]), int(m[3]))
    m = _DMY_NUM.match(text)
    if m:
        return _valid(int(m[3]), int(m[2]), int(m[1]))
    m = _MDY.match(text)
    if m:
        return _valid(int(m[3]), _MONTHS[m[1].lower()[:3]], int(m[2]))
    m = _DMY.match(text)
    if m:
        return _valid(int(m[3]), _MONTHS[m[2].lower()[:3]], int(m[1]))
    return None
