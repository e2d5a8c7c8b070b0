"""International organisations and formats: their names normalized to short names (NATO, EU, UDCG...)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

from meetview.extract.lexicon import Lexicon


@lru_cache(maxsize=1)
def _table() -> dict[str, dict]:
    text = resources.files("meetview.extract.data").joinpath("orgs.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Organisation names (kind "org", value = short name)."""
    lex = Lexicon()
    for short, v in _table().items():
        cs = True if v.get("case_sensitive") else None
        lex.add(short, "org", short, cs)
        for n in v.get("names") or ():
            lex.add(n, "org", short, cs)
    return lex


def normalize(name: str) -> str | None:
    """The short name of an organisation however written ("North Atlantic Treaty Organization" -> NATO)."""
    for kind, value in lexicon().lookup(name):
        if kind == "org":
            return value
    return None
