"""Country names for ISO 3166-1 alpha-2 codes (the extractor's gazetteer grows here)."""

from __future__ import annotations

from functools import lru_cache

import pycountry

_SHORT = {
    "GB": "United Kingdom",
    "US": "United States",
    "RU": "Russia",
    "KR": "South Korea",
    "KP": "North Korea",
    "IR": "Iran",
    "SY": "Syria",
    "VN": "Vietnam",
    "MD": "Moldova",
    "TW": "Taiwan",
    "VE": "Venezuela",
    "BO": "Bolivia",
    "TZ": "Tanzania",
    "LA": "Laos",
    "PS": "Palestine",
    "CZ": "Czechia",
    "XK": "Kosovo",
}


@lru_cache(maxsize=512)
def country_name(code: str) -> str:
    code = code.upper()
    if code in _SHORT:
        return _SHORT[code]
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or (c.name if c else code)
