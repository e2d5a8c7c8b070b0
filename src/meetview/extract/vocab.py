"""Word lists the rules read (roles, honorifics, trigger verbs and nouns), loaded once from extract/data."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


def _load(name: str) -> dict:
    return tomllib.loads(resources.files("meetview.extract.data").joinpath(name).read_text("utf-8"))


def _low(xs) -> frozenset[str]:
    return frozenset(x.lower().replace("’", "'") for x in xs)


@dataclass(frozen=True)
class Vocab:
    heads: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    suffixes: frozenset[str]
    post_nominals: frozenset[str]
    org_roles: frozenset[str]
    implied_orgs: tuple[tuple[str, str], ...]
    implied_countries: dict[str, str]
    observers: frozenset[str]
    sides: tuple[str, ...]
    stop_caps: frozenset[str]
    stop_surnames: frozenset[str]
    headline_verbs: frozenset[str]
    meet_verbs: frozenset[str]
    talk_verbs: frozenset[str]
    host_verbs: frozenset[str]
    call_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    hold_verbs: frozenset[str]
    attend_verbs: frozenset[str]
    meeting_nouns: frozenset[str]
    session_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    delegation_nouns: frozenset[str]
    negations: tuple[str, ...]
    planned: tuple[str, ...]
    past_refs: tuple[str, ...]
    past_times: tuple[str, ...]
    attendance_before: tuple[str, ...]
    attendance_after: tuple[str, ...]
    phone_words: tuple[str, ...]
    video_words: tuple[str, ...]
    person_words: frozenset[str]
    topic_stops: frozenset[str]
    media: frozenset[str]
    process_words: frozenset[str]
    collective_verbs: frozenset[str]


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names (data/given_names.txt, built from Faker's person providers), less the words the
    rules read as roles, titles or other capitalized words."""
    text = resources.files("meetview.extract.data").joinpath("given_names.txt").read_text("utf-8")
    v = vocab()
    skip = v.stop_caps | v.heads | v.modifiers | v.honorifics | v.particles | v.headline_verbs
    return frozenset(
        w for w in (ln.strip() for ln in text.splitlines()) if w and not w.startswith("#") and w not in skip
    )


@lru_cache(maxsize=1)
def role_words() -> frozenset[str]:
    """Words that head a role phrase or name a person ("minister", "president", "envoy")."""
    v = vocab()
    return v.heads | v.person_words


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    r = _load("roles.toml")
    t = _load("triggers.toml")
    return Vocab(
        heads=_low(r["heads"]),
        modifiers=_low(r["modifiers"]),
        honorifics=_low(r["honorifics"]),
        particles=_low(r["particles"]),
        suffixes=_low(r["suffixes"]),
        post_nominals=_low(r["post_nominals"]),
        org_roles=_low(r["org_roles"]),
        implied_orgs=tuple((k.lower(), o) for k, o in r["implied_orgs"].items()),
        implied_countries={k.lower(): c for k, c in r["implied_countries"].items()},
        observers=_low(r["observers"]),
        sides=tuple(x.lower() for x in r["sides"]),
        stop_caps=_low(t["stop_capitalized"]),
        stop_surnames=_low(t["stop_surnames"]),
        headline_verbs=_low(t["headline_verbs"]),
        meet_verbs=_low(t["meet_verbs"]),
        talk_verbs=_low(t["talk_verbs"]),
        host_verbs=_low(t["host_verbs"]),
        call_verbs=_low(t["call_verbs"]),
        weak_verbs=_low(t["weak_verbs"]),
        hold_verbs=_low(t["hold_verbs"]),
        attend_verbs=_low(t["attend_verbs"]),
        meeting_nouns=_low(t["meeting_nouns"]),
        session_nouns=_low(t["session_nouns"]),
        speech_verbs=_low(t["speech_verbs"]),
        delegation_nouns=_low(t["delegation_nouns"]),
        negations=tuple(t["negations"]),
        planned=tuple(t["planned"]),
        past_refs=tuple(t["past_references"]),
        past_times=tuple(t.get("past_times") or ()),
        attendance_before=tuple(t.get("attendance_before") or ()),
        attendance_after=tuple(t.get("attendance_after") or ()),
        phone_words=tuple(t["phone_words"]),
        video_words=tuple(t["video_words"]),
        person_words=_low(t["person_words"]),
        topic_stops=_low(t["object_stops"]),
        media=_low(t["media"]),
        process_words=_low(t["process_words"]),
        collective_verbs=_low(t["collective_verbs"]),
    )
