"""What a user typed after a field name, resolved: country names to ISO codes, topic labels to ids."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from meetview.extract import countries
from meetview.extract.taxonomy import load_topics

FORMATS = {
    "in-person": "in-person",
    "inperson": "in-person",
    "person": "in-person",
    "visit": "in-person",
    "meeting": "in-person",
    "face": "in-person",
    "face-to-face": "in-person",
    "video": "video",
    "videoconference": "video",
    "video-conference": "video",
    "online": "video",
    "virtual": "video",
    "remote": "video",
    "phone": "phone",
    "call": "phone",
    "telephone": "phone",
    "tel": "phone",
}


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower().replace("’", "'").replace("'s", "")).split())


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Folded name, short name, demonym or adjective -> ISO alpha-2 code (the extractor's gazetteer)."""
    index: dict[str, str] = {}
    gazetteer = countries.data()
    for table in (gazetteer.names, gazetteer.adjectives):
        for code, names in table.items():
            for name in names:
                index.setdefault(_norm(name), code)
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(_norm(value), c.alpha_2)
        index.setdefault(c.alpha_3.lower(), c.alpha_2)
    return index


@lru_cache(maxsize=1)
def _group_index() -> dict[str, list[str]]:
    """Folded group name (Nordic, Baltic, JEF, G7, ...) -> its current members."""
    out: dict[str, list[str]] = {}
    for group in countries.groups().values():
        members = group.members_on(None)
        if members:
            for name in (group.id, *group.names):
                out.setdefault(_norm(name), members)
    return out


def resolve_countries(value: str) -> list[str]:
    """ISO codes for a code, name, short name, demonym, adjective, or a group's members; [] if unknown."""
    v = value.strip()
    if len(v) == 2 and v.isalpha():
        code = "GB" if v.upper() == "UK" else v.upper()
        if pycountry.countries.get(alpha_2=code) or code == "XK":
            return [code]
    key = _norm(v)
    if key.startswith("the "):
        key = key[4:]
    code = _country_index().get(key)
    if code:
        return [code]
    return list(_group_index().get(key, []))


def resolve_country(value: str) -> str | None:
    """One ISO code for a code, name or demonym (not a group); None if unknown."""
    found = resolve_countries(value)
    return found[0] if len(found) == 1 else None


def resolve_topics(value: str) -> list[str]:
    """Topic ids matching an id or a label prefix (air-defense, "air def", Air)."""
    v = _norm(value).replace(" ", "-")
    if not v:  # punctuation only ("%", "'", "*"): a prefix of nothing, not of every topic
        return []
    topics = load_topics()
    if v in topics:
        return [v]
    out = [
        t.id for t in topics.values() if t.id.startswith(v) or _norm(t.label).replace(" ", "-").startswith(v)
    ]
    return out


def resolve_format(value: str) -> str | None:
    return FORMATS.get(value.strip().lower())
