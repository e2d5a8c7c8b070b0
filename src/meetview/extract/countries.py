"""Country gazetteer: names, short names, demonyms, capitals, cities and groups with membership dates."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from meetview.extract.lexicon import Lexicon

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
    import pycountry  # only for display names: keep it off the import path of extraction

    code = code.upper()
    if code in _SHORT:
        return _SHORT[code]
    c = pycountry.countries.get(alpha_2=code)
    return getattr(c, "common_name", None) or (c.name if c else code)


def _data(name: str) -> str:
    return resources.files("meetview.extract.data").joinpath(name).read_text("utf-8")


@dataclass(frozen=True)
class Group:
    id: str
    names: tuple[str, ...]
    members: dict[str, tuple[date, date | None]]
    org: str | None
    expand: bool

    def members_on(self, day: date | None) -> list[str]:
        """ISO codes of the members on `day` (all current members when the day is unknown)."""
        out = []
        for code, (joined, left) in self.members.items():
            if day is None:
                if left is None:
                    out.append(code)
            elif joined <= day and (left is None or day <= left):
                out.append(code)
        return sorted(out)


def _day(s: str) -> date:
    return date(int(s[:4]), int(s[5:7]), int(s[8:10]))


@lru_cache(maxsize=1)
def groups() -> dict[str, Group]:
    data = tomllib.loads(_data("groups.toml"))
    out = {}
    for gid, v in data.items():
        members = {}
        for code, span in (v.get("members") or {}).items():
            a, _, b = str(span).partition("/")
            members[code] = (_day(a), _day(b) if b else None)
        out[gid] = Group(gid, tuple(v.get("names") or ()), members, v.get("org"), bool(v.get("expand", True)))
    return out


@dataclass(frozen=True)
class CountryData:
    names: dict[str, list[str]]
    adjectives: dict[str, list[str]]
    capitals: dict[str, list[str]]
    cities: dict[str, str]  # city name -> ISO code


@lru_cache(maxsize=1)
def data() -> CountryData:
    raw = tomllib.loads(_data("countries.toml"))
    cities: dict[str, str] = {}
    for line in _data("cities.tsv").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            cities[parts[0]] = parts[1]
    return CountryData(
        {k: list(v.get("names") or []) for k, v in raw.items()},
        {k: list(v.get("adjectives") or []) for k, v in raw.items()},
        {k: list(v.get("capitals") or []) for k, v in raw.items()},
        cities,
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Countries ("country"), adjectives ("adj"), capitals ("capital"), cities ("city"), groups ("group")."""
    d = data()
    lex = Lexicon()
    for code, names in d.names.items():
        for n in names:
            lex.add(n, "country", code)
    for code, adjs in d.adjectives.items():
        for a in adjs:
            lex.add(a, "adj", code)
    for code, caps in d.capitals.items():
        for c in caps:
            lex.add(c, "capital", code)
    known = set()
    for names in d.names.values():
        known.update(n.lower() for n in names)
    for city, code in d.cities.items():
        if city.lower() not in known:
            lex.add(city, "city", code, case_sensitive=False)
    for gid, g in groups().items():
        for n in g.names:
            lex.add(n, "group", gid)
    return lex


@lru_cache(maxsize=4096)
def is_place(name: str) -> bool:
    """Whether `name` is a city or a country the gazetteer knows."""
    return any(k in ("city", "capital", "country") for k, _ in lexicon().lookup(name))


@lru_cache(maxsize=4096)
def place_country(name: str) -> str | None:
    for kind, value in lexicon().lookup(name):
        if kind in ("city", "capital", "country"):
            return value
    return None
