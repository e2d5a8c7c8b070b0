"""Dates: the article's anchors (publication date, dateline), date expressions found by regex, resolution."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from meetview.extract.text import CaselessPattern

_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        1,
    )
    for m in names
}
# Month names of bylines in other languages ("03 de septiembre de 2025", "12 février 2025"), header only
_FOREIGN_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("enero", "janvier", "janeiro", "januar", "gennaio", "jänner"),
            ("febrero", "février", "fevrier", "fevereiro", "februar", "febbraio"),
            ("marzo", "mars", "março", "marco", "märz", "marz"),
            ("abril", "avril", "aprile"),
            ("mayo", "mai", "maio", "maggio"),
            ("junio", "juin", "junho", "juni", "giugno"),
            ("julio", "juillet", "julho", "juli", "luglio"),
            ("agosto", "août", "aout"),
            ("septiembre", "setiembre", "septembre", "setembro", "settembre"),
            ("octubre", "octobre", "outubro", "oktober", "ottobre"),
            ("noviembre", "novembre", "novembro"),
            ("diciembre", "décembre", "decembre", "dezembro", "dezember", "dicembre"),
        ],
        1,
    )
    for m in names
}
_FMON = "(?:" + "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True)) + ")"
_WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}

# One scanner for every date expression a sentence may hold; the first alternative that matches wins.
# Every alternative begins a word: "(?<!\w)(?=\w)" up front says so once, and the scan skips the
# positions inside words (half the time of testing each alternative's \b there)
_EXPR = re.compile(
    r"(?<!\w)(?=\w)(?:"
    rf"(?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)"
    rf"|(?P<md>\b(?:{_WD},?\s+)?(?P<md_m>{_MON})\s+(?P<md_d>[0-3]?\d){_ORD}\b"
    rf"(?:\s*(?:-|–|to|and)\s*[0-3]?\d{_ORD}\b)?(?:,?\s+(?P<md_y>(?:19|20)\d\d)\b)?)"
    rf"|(?P<dm>\b(?:{_WD},?\s+)?(?P<dm_d>[0-3]?\d){_ORD}(?:\s*(?:-|–)\s*[0-3]?\d{_ORD})?\s+(?:of\s+)?"
    rf"(?P<dm_m>{_MON})(?![a-z])(?:,?\s+(?P<dm_y>(?:19|20)\d\d)\b)?)"
    rf"|(?P<my>\b(?P<my_m>{_MON})\s+(?P<my_y>(?:19|20)\d\d)\b)"
    rf"|(?P<mo>\b(?:[Ii]n|[Tt]his|[Ll]ast|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?|[Ss]ince|[Uu]ntil|[Bb]y)\s+(?:early\s+|late\s+|mid-?)?"
    rf"(?P<mo_m>{_MON})(?![a-z])(?!\s+\d))"
    rf"|(?P<wd>\b(?:(?P<wd_q>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly on|[Ll]ate on|[Oo]n)\s+)?(?P<wd_d>{_WD})\b"
    rf"(?:\s+(?:morning|afternoon|evening|night))?)"
    r"|(?P<rel>\b(?:[Tt]oday|[Tt]onight|[Tt]his (?:morning|afternoon|evening)|[Yy]esterday|[Ee]arlier today"
    r"|[Ll]ast (?:night|week|month)|[Ee]arlier this (?:week|month|year)|[Tt]his week|[Tt]his month"
    r"|[Nn]ext week|[Nn]ext month|[Tt]omorrow|[Tt]he previous day|[Tt]he day before)\b)"
    r"|(?P<yr>\b(?:in|In|during|During|of|since|until|by)\s+(?P<yr_y>(?:19|20)\d\d)\b(?![-–/]))"
    r")"
)
# Rarer forms, scanned only where a cheap hint finds one may be (each alternative of _EXPR is tried at
# every word): "12.03.2024" (day first), "12/03/2024" (either way round: settled by the article's day),
# "on the 12th" (a day of the article's month; not "on the 30th anniversary")
_EXTRA = re.compile(
    r"(?P<dot>\b(?P<dot_d>[0-3]?\d)\.(?P<dot_m>[01]?\d)\.(?P<dot_y>(?:19|20)\d\d)\b)"
    r"|(?P<sl>\b(?P<sl_a>[0-3]?\d)/(?P<sl_b>[0-3]?\d)/(?P<sl_y>(?:19|20)\d\d)\b)"
    rf"|(?P<th>\b[Oo]n\s+the\s+(?P<th_d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?{_MON})"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:of this month|at|in|with|and|when|as|before|after)\b))"
)
_ORDINAL_DAY_HINT = re.compile(r"the [0-3]?\d(?:st|nd|rd|th)\b")  # opens with a literal: a fast scan


_HINTED: list[tuple[str, bool]] = []  # the last text searched and whether it holds a hint anywhere


def _text_hint(text: str) -> bool:
    """`_extra_hint` over the whole text, once for the text the rules search sentence by sentence."""
    if not _HINTED or _HINTED[0][0] is not text:
        _HINTED[:] = [(text, _extra_hint(text, 0, len(text)))]
    return _HINTED[0][1]


def _extra_hint(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] may hold one of `_EXTRA`'s forms (a year after "/" or ".", "the 12th")."""
    find = text.find
    return (
        find("/20", start, end) >= 0
        or find(".20", start, end) >= 0
        or find("/19", start, end) >= 0
        or find(".19", start, end) >= 0
        or _ORDINAL_DAY_HINT.search(text, start, end) is not None
    )


_FUTURE = CaselessPattern(
    r"\b(?:will|shall|'ll|is to|are to|to be held|scheduled|planned|plans? to|planning|upcoming|forthcoming"
    r"|expected to|is set to|are set to|due to|intends? to|ahead of|is going to|are going to|next|"
    r"to take place|would be held|in the coming|later this|tentatively|looking forward|looked forward)\b",
)


@dataclass(slots=True)
class DateExpr:
    start: int
    end: int
    kind: str  # full | month | year | weekday | relative
    value: str | None  # resolved: YYYY-MM-DD | YYYY-MM | YYYY | None
    future: bool = False  # said in a future clause, or a day after the anchor ("tomorrow")
    bound: bool = False  # a deadline or a span's edge ("by early May", "until Monday", "since 2014")


@dataclass
class Anchor:
    """What relative dates are resolved against."""

    day: date | None = None  # the reference day (dateline date, else publication date)
    published: str | None = None  # ISO day for Extraction.published
    published_span: tuple[int, int] | None = None
    dateline_city: str | None = None
    dateline_span: tuple[int, int] | None = None
    dateline_md: str | None = None  # "June 4" of "BRUSSELS, June 4 (KUNA) --"
    year_hint: int | None = None  # the year the article was written, inferred from its text
    year_only: int | None = None  # the one year an undated article names (its meetings' year)
    year_context: int | None = None  # the year an undated article's text fixes ("the upcoming year, 2026")


@lru_cache(maxsize=1)
def _parser():
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})


@lru_cache(maxsize=4096)
def _parse(expr: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) as the expression states them (None for a part it does not state)."""
    try:
        data = _parser().get_date_data(expr)
    except Exception:
        return (None, None, None)
    if data is None or data.date_obj is None:
        return (None, None, None)
    parts = set(data["parts"] if isinstance(data, dict) else (data.parts or ()))
    d = data.date_obj
    return (
        d.year if "year" in parts else None,
        d.month if "month" in parts else None,
        d.day if "day" in parts else None,
    )


@lru_cache(maxsize=256)
def _month_number(mon: str) -> int | None:
    """The month a written month name stands for, as the date parser reads "<month> 1 2000": the
    fallback for names the month tables lack (they agree wherever both answer: tested). The tables
    come first because the parser's first call costs ~0.35 s of loading in every process."""
    return _parse(f"{mon.rstrip('.')} 1 2000")[1]


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _iso_day(d: date) -> str:
    return d.isoformat()


def _month_of(mon: str) -> int | None:
    low = mon.lower().rstrip(".")
    return _MONTHS.get(low) or _FOREIGN_MONTHS.get(low)


def is_future(text: str, start: int, lo: int) -> bool:
    """Whether the clause leading up to offset `start` (not before `lo`) speaks of the future."""
    a = max(lo, start - 90)
    window = text[a:start].replace("\n", " ")
    cut = max(window.rfind(";"), window.rfind(". "))
    if cut >= 0:
        window = window[cut + 1 :]
    return _FUTURE.search(window) is not None


def _resolve_month_day(month: int, day: int, anchor: Anchor, future: bool) -> str | None:
    ref = anchor.day
    if ref is None:
        if anchor.year_hint:
            d = _safe_date(anchor.year_hint, month, day)
            return _iso_day(d) if d else None
        return None
    d = _safe_date(ref.year, month, day)
    if d is None:
        return None
    if future:
        if d < ref - timedelta(days=60):
            d = _safe_date(ref.year + 1, month, day) or d
    elif d > ref + timedelta(days=2):
        d = _safe_date(ref.year - 1, month, day) or d
    return _iso_day(d)


def _either_way(a: int, b: int, year: int, anchor: Anchor) -> str | None:
    """ "12/03/2024": day/month or month/day, whichever is a real day not after the article's; none
    when both are (the article's own convention is unknown)."""
    days = {d for d in (_safe_date(year, b, a), _safe_date(year, a, b)) if d is not None}
    if anchor.day is not None and len(days) > 1:
        days = {d for d in days if d <= anchor.day + timedelta(days=2)}
    return _iso_day(days.pop()) if len(days) == 1 else None


def _day_of_month(day: int, anchor: Anchor, future: bool) -> str | None:
    """ "on the 12th": that day of the article's month, or of the month before when it is still to come
    (the month after, in a future clause)."""
    ref = anchor.day
    if ref is None:
        return None
    d = _safe_date(ref.year, ref.month, day)
    if d is not None and (d > ref + timedelta(days=2)) and not future:
        year, month = (ref.year, ref.month - 1) if ref.month > 1 else (ref.year - 1, 12)
        d = _safe_date(year, month, day)
    elif d is not None and future and d < ref:
        year, month = (ref.year, ref.month + 1) if ref.month < 12 else (ref.year + 1, 1)
        d = _safe_date(year, month, day)
    return _iso_day(d) if d else None


def _resolve_month(month: int, anchor: Anchor, future: bool, qualifier: str) -> str | None:
    ref = anchor.day
    year = ref.year if ref else anchor.year_hint
    if year is None:
        return None
    if ref is not None:
        if qualifier == "next" or (future and month < ref.month):
            year = ref.year + 1 if month <= ref.month else ref.year
        elif qualifier == "last" or (not future and month > ref.month):
            year = ref.year - 1 if month >= ref.month else ref.year
    return f"{year:04d}-{month:02d}"


def resolve_weekday(weekday: int, ref: date, future: bool, qualifier: str = "") -> date:
    """The most recent such day on or before `ref` (past), or the next one after it (future)."""
    q = qualifier.lower()
    if q == "next" or (future and q != "last"):
        delta = (weekday - ref.weekday()) % 7
        return ref + timedelta(days=delta)
    delta = (ref.weekday() - weekday) % 7
    if q == "last" and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _relative(word: str, ref: date) -> str | None:
    w = word.lower()
    if w in ("today", "tonight", "earlier today") or (
        w.startswith("this ")
        and w.split()[1]
        in (
            "morning",
            "afternoon",
            "evening",
        )
    ):
        return _iso_day(ref)
    if w in ("yesterday", "last night", "the previous day", "the day before"):
        return _iso_day(ref - timedelta(days=1))
    if w == "tomorrow":
        return _iso_day(ref + timedelta(days=1))
    if w in ("this week", "earlier this week", "last week"):
        # the month, when the days the phrase can mean all fall in one month (else unknown)
        monday = ref - timedelta(days=ref.weekday())
        if w == "last week":
            first, last = monday - timedelta(days=7), monday - timedelta(days=1)
        else:
            first, last = monday, ref
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.year:04d}-{first.month:02d}"
        return None
    if w == "earlier this year":
        return f"{ref.year:04d}"
    if w in ("this month", "earlier this month"):
        return f"{ref.year:04d}-{ref.month:02d}"
    if w == "last month":
        prev = ref.replace(day=1) - timedelta(days=1)
        return f"{prev.year:04d}-{prev.month:02d}"
    return None


_BOUND = re.compile(
    r"\b(?:by|until|till|untill|since|through|before|no later than)\s+(?:the\s+end\s+of\s+)?$", re.I
)
_BOUND_WORDS = ("by ", "until ", "since ", "till ")


def _bound(text: str, start: int, expr: str) -> bool:
    """Whether a date is a deadline or the edge of a span rather than the day something happened."""
    if expr.lower().startswith(_BOUND_WORDS):
        return True
    return _BOUND.search(text, max(0, start - 24), start) is not None


def find_dates(text: str, start: int, end: int, anchor: Anchor) -> list[DateExpr]:
    """Date expressions in text[start:end], resolved against the anchor (future clauses look ahead)."""
    out: list[DateExpr] = []
    for m in _EXPR.finditer(text, start, end):
        future = is_future(text, m.start(), start)
        kind, value = "full", None
        if m.group("iso"):
            d = _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            value = _iso_day(d) if d else None
        elif m.group("md") or m.group("dm"):
            g = "md" if m.group("md") else "dm"
            mon, day, year = m.group(f"{g}_m"), m.group(f"{g}_d"), m.group(f"{g}_y")
            # the month by our table (the date parser for a name it lacks); the day and year are the regex's
            pm = _month_of(mon) or _month_number(mon)
            pd = int(day)
            if year and pm and pd:
                d = _safe_date(int(year), pm, pd)
                value = _iso_day(d) if d else None
            elif pm and pd:
                value = _resolve_month_day(pm, pd, anchor, future)
        elif m.group("my"):
            kind = "month"
            pm = _month_of(m.group("my_m")) or _month_number(m.group("my_m"))
            value = f"{int(m.group('my_y')):04d}-{pm:02d}" if pm else None
        elif m.group("mo"):
            kind = "month"
            month = _month_of(m.group("mo_m"))
            qual = m.group("mo").split()[0].lower()
            if month:
                value = _resolve_month(month, anchor, future, qual)
        elif m.group("wd"):
            kind = "weekday"
            if anchor.day is not None:
                wd = _WEEKDAYS[m.group("wd_d").lower()]
                value = _iso_day(resolve_weekday(wd, anchor.day, future, m.group("wd_q") or ""))
        elif m.group("rel"):
            kind = "relative"
            if anchor.day is not None:
                value = _relative(m.group("rel"), anchor.day)
        elif m.group("yr"):
            kind = "year"
            value = m.group("yr_y")
        ahead = future or (m.group("rel") or "").lower() in ("tomorrow", "next week", "next month")
        if not ahead and value and anchor.day is not None and kind in ("full", "month"):
            # a stated day or month after the article's own is still to come ("the summit in October 2025")
            ahead = value > anchor.day.isoformat()[: len(value)]
        out.append(DateExpr(m.start(), m.end(), kind, value, ahead, _bound(text, m.start(), m.group(0))))
    if _text_hint(text) and _extra_hint(text, start, end):
        out.extend(_extra_dates(text, start, end, anchor, out))
        out.sort(key=lambda d: d.start)
    return out


def _extra_dates(text: str, start: int, end: int, anchor: Anchor, found: list[DateExpr]) -> list[DateExpr]:
    """The rarer forms of `_EXTRA` in text[start:end], where no other date expression stands."""
    out = []
    for m in _EXTRA.finditer(text, start, end):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        future = is_future(text, m.start(), start)
        if m.group("dot"):
            d = _safe_date(int(m.group("dot_y")), int(m.group("dot_m")), int(m.group("dot_d")))
            value = _iso_day(d) if d else None
        elif m.group("sl"):
            value = _either_way(int(m.group("sl_a")), int(m.group("sl_b")), int(m.group("sl_y")), anchor)
        else:
            value = _day_of_month(int(m.group("th_d")), anchor, future)
        ahead = future or (value is not None and anchor.day is not None and value > anchor.day.isoformat())
        out.append(DateExpr(m.start(), m.end(), "full", value, ahead, _bound(text, m.start(), m.group(0))))
    return out


# ---------------------------------------------------------------- anchors

_FM_DATE = re.compile(
    r"^(published_time|published|date_published|datePublished|pubDate|post_date|date|created|created_at)"
    r"\s*:\s*['\"]?((?:19|20)\d\d-[01]\d-[0-3]\d)",
    re.M | re.I,
)
_HEADER_DATE = re.compile(
    rf"(?P<iso>\b(?:19|20)\d\d-[01]\d-[0-3]\d)"
    rf"|(?P<ymd>\b(?:19|20)\d\d(?P<ys>[./])[01]\d(?P=ys)[0-3]\d\b)"
    rf"|(?P<dmy>\b[0-3]?\d{_ORD}\s+(?:de\s+)?(?:{_MON}|{_FMON})\s*,?\s+(?:de\s+)?(?:19|20)\d\d\b"
    rf"|\b[0-3]?\d-(?:{_MON}|{_FMON})\.?-(?:19|20)\d\d\b)"
    rf"|(?P<mdy>\b{_MON}\s+[0-3]?\d{_ORD},?\s+(?:19|20)\d\d\b)"
    r"|(?P<num>\b[0-3]?\d\.[01]?\d\.(?:19|20)\d\d\b)"
    r"|(?P<slash>\b[0-3]?\d/[0-3]?\d/(?:19|20)\d\d\b)"
    r"|(?P<dm>(?<![\d/.])[0-3]?\d/[01]?\d(?![\d/.]))",
    re.I,
)
# The opening of a lead paragraph up to its dash: "Riyadh, Ramadan 24, 1446, March 24, 2025, SPA --"
_DATELINE_PREFIX = re.compile(
    r"[A-Z][^\n]{3,140}?(?:\s(?:--|—|–|-)\s|\([A-Z][A-Za-z .&]{1,30}\)\s*(?:--|—|–|-)?\s)"
)
_WEEKDAY_WORD = re.compile(rf"\b({_WD})\b")
# a capital first, then the look back past it: the scan jumps from capital to capital (a pattern that
# opens with a look-behind is tried at every position)
_DATELINE = re.compile(
    rf"(?P<city>[A-Z](?<![\w,].)[A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){{0,3}})"
    rf"(?:,\s*(?P<region>[A-Z][a-z]+(?: [A-Z][a-z]+)?))?"
    rf"(?:,\s*(?P<md>{_MON}\s+[0-3]?\d))?"
    r"\s*(?:\((?:[A-Za-z][A-Za-z .&\-]{1,30})\))?\s*(?:--|—|–|-|:)\s"
)
_PLACE_DATE = re.compile(
    rf"(?P<city>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?,\s*"
    rf"(?P<date>[0-3]?\d\s+{_MON}\s+(?:19|20)\d\d|{_MON}\s+[0-3]?\d,\s*(?:19|20)\d\d)"
    r"(?:\s*(?:\.|--|—|–|-|:)\s|[ \t]*$)"  # on with the lead, or alone on its line
)
_LOCATION_ONLY = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3})(?:\s{3,}|:\s)(?=[A-Z])", re.M
)
_YEAR = re.compile(r"(?<![\d$£€/-])((?:19|20)\d\d)(?![\d%])")
_UPCOMING = re.compile(r"\b(?:upcoming|coming|next|following) year\b|\byear ahead\b", re.I)


def _header_dates(text: str, lo: int, hi: int) -> list[tuple[date, int, int]]:
    found = []
    for m in _HEADER_DATE.finditer(text, lo, hi):
        s = m.group(0)
        d = None
        if m.group("iso") or m.group("ymd"):
            d = _safe_date(int(s[:4]), int(s[5:7]), int(s[8:10]))
        elif m.group("num"):
            dd, mm, yy = s.split(".")
            d = _safe_date(int(yy), int(mm), int(dd))
        elif m.group("slash"):
            a, b, yy = (int(x) for x in s.split("/"))
            for d in {_safe_date(yy, b, a), _safe_date(yy, a, b)} - {None}:
                found.append((d, m.start(), m.end()))  # day/month or month/day: both, settled later
            continue
        elif m.group("dm"):
            continue  # no year: read only when nothing else dates the article (_day_month_byline)
        else:
            y, mo, dy = _month_day_year(s)
            if y and mo and dy:
                d = _safe_date(y, mo, dy)
        if d:
            found.append((d, m.start(), m.end()))
    return found


_MDY_PARTS = re.compile(rf"(?P<m>{_MON}|{_FMON})|(?P<y>(?:19|20)\d\d)|(?P<d>[0-3]?\d)(?:st|nd|rd|th)?", re.I)


def _month_day_year(s: str) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of "05 November 2025" or "November 5, 2025"."""
    y = mo = d = None
    for m in _MDY_PARTS.finditer(s):
        if m.group("m") and mo is None:
            mo = _month_of(m.group("m")) or _month_number(m.group("m"))
        elif m.group("y") and y is None:
            y = int(m.group("y"))
        elif m.group("d") and d is None:
            d = int(m.group("d"))
    return y, mo, d


@lru_cache(maxsize=8)
def upcoming_year(text: str) -> int | None:
    """The year before the one named beside "the upcoming year" ("priorities for the upcoming year, 2026")."""
    if not _UPCOMING.search(text):
        return None
    years = [(int(m.group(1)), m.start()) for m in _YEAR.finditer(text)]
    for up in _UPCOMING.finditer(text):
        near = [y for y, pos in years if abs(pos - up.start()) < 400]
        if near:
            return max(set(near), key=near.count) - 1
    return None


def infer_year(text: str) -> int | None:
    """The year an undated article was written in, when its text fixes it.

    "priorities for 2025 ... the upcoming year" gives 2024: the year named next to "the upcoming
    year" (in the same or the next sentence) is the following one. Otherwise a year that dominates
    the article's mentions (at least twice, more than any other) is taken as its own.
    """
    years = [(int(m.group(1)), m.start()) for m in _YEAR.finditer(text)]
    if not years:
        return None
    upcoming = upcoming_year(text)
    if upcoming:
        return upcoming
    counts: dict[int, int] = {}
    for y, _ in years:
        counts[y] = counts.get(y, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def find_anchor(raw: str, text: str, published: str | None, body_start: int = 0) -> Anchor:
    """Publication date (metadata, front matter, header lines, byline) and dateline of an article.

    `raw` is the text as delivered (front matter included), `text` its masked form.
    """
    anchor = Anchor()
    pub: date | None = None
    if published and re.match(r"(?:19|20)\d\d-[01]\d-[0-3]\d", published):
        pub = _safe_date(int(published[:4]), int(published[5:7]), int(published[8:10]))
    if pub is None and raw.lstrip().startswith("---"):
        head = raw[:4000]
        best = None
        for m in _FM_DATE.finditer(head):
            d = _safe_date(int(m.group(2)[:4]), int(m.group(2)[5:7]), int(m.group(2)[8:10]))
            if d and (best is None or m.group(1).lower().startswith("publish")):
                best = d
                anchor.published_span = (m.start(2), m.end(2))
        pub = best
    # header lines: the first short lines of the body
    lines = []
    pos = body_start
    for raw_line in text[body_start : body_start + 3000].split("\n"):
        if raw_line.strip():
            lines.append((pos, pos + len(raw_line), raw_line.strip()))
        pos += len(raw_line) + 1
        if len(lines) >= 14:
            break
    # dateline in the first lines
    for s, e, _ in lines[:8]:
        m = _DATELINE.search(text, s, min(e, s + 240))
        if m and _plausible_city(m.group("city"), m.group("region")):
            anchor.dateline_city = _title(m.group("city"))
            anchor.dateline_span = (m.start("city"), m.end("city"))
            anchor.dateline_md = m.group("md")
            break
        m2 = _LOCATION_ONLY.match(text, s)
        if m2 and m2.start("city") < e and _plausible_city(m2.group("city"), None):
            anchor.dateline_city = _title(m2.group("city"))
            anchor.dateline_span = (m2.start("city"), m2.end("city"))
            break
    md_text = anchor.dateline_md
    md_parsed = _month_day_year(md_text) if md_text else (None, None, None)
    if md_text is None:
        # a lead that opens with its place and full date ("Washington, D.C., 14 January 2026. Press ...")
        for s, e, _ in lines[:8]:
            m = _PLACE_DATE.match(text, s, e)
            if m and _plausible_city(m.group("city"), None):
                md_parsed = _month_day_year(m.group("date"))
                if anchor.dateline_city is None:
                    anchor.dateline_city = m.group("city")
                    anchor.dateline_span = (m.start("city"), m.end("city"))
                break
    if pub is None:
        cands: list[tuple[date, int, int]] = []
        for s, e, ln in lines:
            labelled = re.match(r"(?i)(published|posted|updated|date|by|issued)\b", ln) is not None
            prose = ln.endswith((".", "!", "?")) and len(ln.split()) >= 8
            if not labelled and (len(ln) > 100 or prose):
                # "On March 3, 2031, the ministers met ..." dates a meeting, not the article; but a
                # dateline before the lead's dash dates the article ("Riyadh, ..., March 24, 2025, SPA --")
                head = text[s : min(e, s + 160)]
                dashed = " -" in head or " —" in head or " –" in head or "(" in head
                pm = _DATELINE_PREFIX.match(text, s, e) if dashed else None
                if pm:
                    cands.extend(_header_dates(text, s, pm.end()))
                continue
            cands.extend(_header_dates(text, s, e))
        cands = _settle_ambiguous(cands, text, body_start)
        if not cands:
            cands = _day_month_byline(text, [(s, e) for s, e, ln in lines if _LABELLED.match(ln)], body_start)
        if cands:
            chosen = cands[0]
            if md_parsed[1] and md_parsed[2]:
                for c in cands:
                    if c[0].month == md_parsed[1] and c[0].day == md_parsed[2]:
                        chosen = c
                        break
            pub = chosen[0]
            anchor.published_span = (chosen[1], chosen[2])
    if pub is not None:
        anchor.published = pub.isoformat()
    anchor.day = pub
    if md_parsed[1] and md_parsed[2]:
        ref_year = pub.year if pub else infer_year(text)
        if ref_year:
            d = _safe_date(ref_year, md_parsed[1], md_parsed[2])
            if d and pub and d > pub + timedelta(days=2):
                d = _safe_date(ref_year - 1, md_parsed[1], md_parsed[2]) or d
            anchor.day = d or anchor.day
    if anchor.day is None:
        anchor.year_hint = infer_year(text)
        anchor.year_only = sole_year(text)
        anchor.year_context = upcoming_year(text)
    return anchor


_LABELLED = re.compile(r"(?i)\s*(?:last\s+)?(published|posted|updated|date|issued)\b")


def _day_month_byline(text: str, lines: list[tuple[int, int]], body: int) -> list[tuple[date, int, int]]:
    """A labelled byline with a day and month but no year ("Last updated: 18/04 - 21:06"): the year is
    one the article names, the one its weekdays agree with ("talks on Thursday"), else the most named."""
    years: dict[int, int] = {}
    for m in _YEAR.finditer(text):
        years[int(m.group(1))] = years.get(int(m.group(1)), 0) + 1
    if not years:
        return []
    days = [_WEEKDAYS[m.group(1).lower()] for m in _WEEKDAY_WORD.finditer(text, body, body + 6000)]
    for lo, hi in lines:
        for m in _HEADER_DATE.finditer(text, lo, hi):
            if not m.group("dm"):
                continue
            dd, mm = (int(x) for x in m.group(0).split("/"))
            options = [
                d
                for y in sorted(years, key=lambda y: -years[y])
                for d in (_safe_date(y, mm, dd), _safe_date(y, dd, mm))
                if d is not None
            ]
            if options:
                best = max(options, key=lambda d: (_weekday_fit(d, days), years[d.year], d.day == dd))
                return [(best, m.start(), m.end())]
    return []


def _settle_ambiguous(
    cands: list[tuple[date, int, int]], text: str, body: int
) -> list[tuple[date, int, int]]:
    """Of two readings of one numeric date (05/06/2025: 5 June or 6 May), keep the one the article's
    weekdays agree with ("talks on Thursday" reported on the day, or the day after), else day/month."""
    if len({c[1:] for c in cands}) == len(cands):
        return cands  # no numeric date read two ways
    days = [_WEEKDAYS[m.group(1).lower()] for m in _WEEKDAY_WORD.finditer(text, body, body + 6000)]
    out: list[tuple[date, int, int]] = []
    n = 0
    while n < len(cands):
        c = cands[n]
        if n + 1 < len(cands) and cands[n + 1][1:] == c[1:]:
            pair = sorted([c, cands[n + 1]], key=lambda x: (-_weekday_fit(x[0], days), _dm_first(text, x)))
            out.append(pair[0])
            n += 2
            continue
        out.append(c)
        n += 1
    return out


def _weekday_fit(d: date, days: list[int]) -> int:
    """How well the weekdays an article names fit its being published on `d` (same day 2, day before 1)."""
    wd = d.weekday()
    return sum(2 if x == wd else 1 if (wd - x) % 7 == 1 else 0 for x in days)


def _dm_first(text: str, c: tuple[date, int, int]) -> int:
    """0 for the day/month reading of a numeric date (the common one outside the US), else 1."""
    a = int(text[c[1] : c[2]].split("/")[0])
    return 0 if a == c[0].day else 1


def sole_year(text: str) -> int | None:
    """The year of an undated article that names one year only, at least twice, and no "upcoming year"."""
    if _UPCOMING.search(text):
        return None
    years = {int(m.group(1)) for m in _YEAR.finditer(text)}
    if len(years) != 1:
        return None
    y = years.pop()
    return y if len(_YEAR.findall(text)) >= 2 else None


def _title(city: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in city.split())


def _plausible_city(city: str, region: str | None) -> bool:
    from meetview.extract.countries import is_place

    if len(city) < 3 or city in ("NATO", "UN", "EU", "US", "UK", "AP", "USA"):
        return False
    return is_place(_title(city)) or (region is not None and is_place(region))
