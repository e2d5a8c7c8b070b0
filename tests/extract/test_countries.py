"""Countries: gazetteer forms, groups with membership dates, unnamed delegations, discussed-only countries."""

from __future__ import annotations

from datetime import date

from meetview.extract import countries as gaz
from meetview.extract.document import prepare

from .conftest import run


def hits(text: str) -> list[tuple[str, str]]:
    doc = prepare(text)
    return [(h.kind, h.value) for h in doc.places]


def test_names_short_names_demonyms_and_possessives():
    got = hits(
        "The UK and the U.S. joined Norwegian, Dutch and Britain's envoys with Ukraine's minister in Kyiv."
    )
    assert ("country", "GB") in got and ("country", "US") in got
    assert ("adj", "NO") in got and ("adj", "NL") in got
    assert ("country", "UA") in got and ("capital", "UA") in got


def test_lowercase_words_are_not_countries():
    assert hits("we bought china plates and a turkey; us too") == []


def test_group_membership_follows_dates():
    jef = gaz.groups()["jef"]
    assert "FI" not in jef.members_on(date(2015, 1, 1))
    assert {"FI", "SE", "IS"} <= set(jef.members_on(date(2024, 1, 1)))
    eu = gaz.groups()["eu27"]
    assert "GB" in eu.members_on(date(2019, 1, 1)) and "GB" not in eu.members_on(date(2021, 1, 1))
    assert gaz.groups()["baltic"].members_on(None) == ["EE", "LT", "LV"]


def test_groups_taking_part_are_expanded():
    text = (
        "Minister of Defence of Ukraine Taras Melnyk met with representatives of the Baltic and "
        "Nordic countries."
    )
    ex = run(text, published="2030-01-10")
    assert ex.meetings
    assert set(ex.meetings[0].countries) == {"UA", "EE", "LV", "LT", "DK", "FI", "IS", "NO", "SE"}


def test_unnamed_delegations_count():
    text = (
        "Foreign Minister of Brazil Paulo Costa held a video conference with the foreign ministers of "
        "Germany, Spain, Italy, the United Kingdom, and Poland."
    )
    m = run(text, published="2030-01-10").meetings[0]
    assert set(m.countries) == {"BR", "DE", "ES", "IT", "GB", "PL"}
    assert m.format == "video"


def test_countries_only_discussed_are_not_participants():
    text = (
        "President of Mexico Elena Torres met with Prime Minister of Canada Mark Leduc in Ottawa to discuss "
        "Venezuela's crisis and the war against Ukraine. They condemned Russia's aggression."
    )
    m = run(text, published="2030-01-10").meetings[0]
    assert set(m.countries) == {"MX", "CA"}


def test_co_chairs_take_part():
    text = (
        "Defence ministers met in Brussels for a gathering of the Ukraine Defence Contact Group, co-chaired "
        "by Germany and the United Kingdom. Ukrainian Defence Minister Oleh Bondar addressed the session."
    )
    m = run(text, published="2030-01-10").meetings[0]
    assert {"DE", "GB", "UA"} <= set(m.countries)
    assert "UDCG" in m.organizations


def test_publisher_side_for_unqualified_officials():
    text = "President Jane Doe spoke today with President Amara Diallo of Senegal."
    m = run(text, published="2030-01-10", url="https://www.whitehouse.gov/briefings/x").meetings[0]
    assert {p.name: p.country for p in m.participants} == {"Jane Doe": "US", "Amara Diallo": "SN"}
