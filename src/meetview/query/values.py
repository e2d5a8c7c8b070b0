"""What a user typed after a field name, resolved: country names to ISO codes, topic labels to ids."""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

from meetview.extract.countries import country_name
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
    """Folded name, short name, demonym or adjective -> ISO alpha-2 code."""
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(_norm(value), c.alpha_2)
        index.setdefault(c.alpha_3.lower(), c.alpha_2)
    for code in ("GB", "US", "RU", "KR", "KP", "IR", "SY", "VN", "MD", "TW", "CZ", "PS", "XK"):
        index.setdefault(_norm(country_name(code)), code)
    index.update(
        {
            "uk": "GB",
            "britain": "GB",
            "great britain": "GB",
            "usa": "US",
            "america": "US",
            "u s": "US",
            "us": "US",
            "eu": "",
            "kosovo": "XK",
        }
    )
    return index


def resolve_country(value: str) -> str | None:
    """ISO alpha-2 code for a code, name, short name, demonym or adjective; None if unknown."""
    v = value.strip()
    if len(v) == 2 and v.isalpha():
        code = v.upper()
        if code == "UK":
            return "GB"
        if pycountry.countries.get(alpha_2=code) or code == "XK":
            return code
    return _country_index().get(_norm(v)) or None


def resolve_topics(value: str) -> list[str]:
    """Topic ids matching an id or a label prefix (air-defense, "air def", Air)."""
    v = _norm(value).replace(" ", "-")
    topics = load_topics()
    if v in topics:
        return [v]
    out = [
        t.id for t in topics.values() if t.id.startswith(v) or _norm(t.label).replace(" ", "-").startswith(v)
    ]
    return out


def resolve_format(value: str) -> str | None:
    return FORMATS.get(value.strip().lower())
