"""A validator for the JSON contract of `meetview extract --json` (../shared/gold/SCHEMA.md).

Returns the list of problems (empty when valid), so the fuzz script can report them as well as tests.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pycountry

from meetview.extract.taxonomy import load_topics

DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
FORMATS = (None, "in-person", "video", "phone")
RECORD_KEYS = {"file", "title", "published", "meetings"}
MEETING_KEYS = {
    "date",
    "format",
    "location",
    "participants",
    "countries",
    "organizations",
    "topics",
    "evidence",
}
PARTICIPANT_KEYS = {"name", "role", "country", "organization"}


def date_problem(value: Any) -> str | None:
    """None for null or a real YYYY, YYYY-MM or YYYY-MM-DD date; else what is wrong."""
    if value is None:
        return None
    if not isinstance(value, str):
        return f"date is {type(value).__name__}, not a string"
    m = DATE.match(value)
    if not m:
        return f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = int(m[1]), int(m[2] or 1), int(m[3] or 1)
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"date {value!r} is not a calendar date"
    return None


def _country(code: Any) -> bool:
    return isinstance(code, str) and (code == "XK" or pycountry.countries.get(alpha_2=code) is not None)


def _opt_str(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() != "")


def problems(record: Any) -> list[str]:
    """Everything in one article's record that breaks SCHEMA.md."""
    if not isinstance(record, dict):
        return ["record is not an object"]
    out: list[str] = []
    if set(record) != RECORD_KEYS:
        out.append(f"record keys {sorted(record)}")
    if not isinstance(record.get("file"), str) or not record.get("file"):
        out.append("file is not a non-empty string")
    if not _opt_str(record.get("title")):
        out.append(f"title {record.get('title')!r}")
    if p := date_problem(record.get("published")):
        out.append("published: " + p)
    meetings = record.get("meetings")
    if not isinstance(meetings, list):
        return [*out, "meetings is not a list"]
    topics = set(load_topics())
    for i, m in enumerate(meetings):
        where = f"meeting {i}: "
        if not isinstance(m, dict) or set(m) != MEETING_KEYS:
            out.append(where + f"keys {sorted(m) if isinstance(m, dict) else m!r}")
            continue
        if p := date_problem(m["date"]):
            out.append(where + p)
        if m["format"] not in FORMATS:
            out.append(where + f"format {m['format']!r}")
        if not _opt_str(m["location"]):
            out.append(where + f"location {m['location']!r}")
        for key in ("countries", "organizations", "topics"):
            if not isinstance(m[key], list) or not all(isinstance(v, str) and v for v in m[key]):
                out.append(where + f"{key} {m[key]!r}")
        out += [where + f"country {c!r}" for c in m["countries"] if not _country(c)]
        out += [where + f"topic {t!r}" for t in m["topics"] if t not in topics]
        if not isinstance(m["evidence"], str | None):
            out.append(where + "evidence is not a string")
        if not isinstance(m["participants"], list):
            out.append(where + "participants is not a list")
            continue
        for p in m["participants"]:
            if not isinstance(p, dict) or set(p) != PARTICIPANT_KEYS:
                out.append(where + f"participant {p!r}")
                continue
            if not isinstance(p["name"], str) or not p["name"].strip():
                out.append(where + f"participant name {p['name']!r}")
            if not (_opt_str(p["role"]) and _opt_str(p["organization"])):
                out.append(where + f"participant role/organization {p!r}")
            if p["country"] is not None and not _country(p["country"]):
                out.append(where + f"participant country {p['country']!r}")
    return out
