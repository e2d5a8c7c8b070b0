"""World knowledge: well-known officials placed when the article does not say, and surnames the news uses
alone ("Blinken and Lavrov met")."""

from __future__ import annotations

import pytest

from meetview.extract import notables
from meetview.extract.document import prepare
from meetview.extract.people import find_people

from .conftest import run


def countries_of(text: str) -> dict[str, str | None]:
    return {p.name: p.country for p in find_people(prepare(text)).persons}


def participants(text: str, published: str = "2024-04-10") -> list[list[tuple]]:
    return [[(p.name, p.country) for p in m.participants] for m in run(text, published).meetings]


@pytest.mark.parametrize(
    ("word", "country"),
    [("Macron", "FR"), ("Zelenskyy", "UA"), ("Zelenskiy", "UA"), ("Erdogan", "TR"), ("Xi", "CN")],
)
def test_a_distinctive_surname_names_one_person(word, country):
    person = notables.bare(word)
    assert person is not None and person.country == country


@pytest.mark.parametrize("word", ["Johnson", "May", "Austin", "Wong", "Harris", "Sullivan", "Paris"])
def test_common_names_and_words_name_nobody_alone(word):
    assert notables.bare(word) is None


def test_full_names_match_across_spellings_and_given_name_forms():
    assert notables.known(["Recep Tayyip Erdogan"]).country == "TR"
    assert notables.known(["S. Jaishankar"]).country == "IN"
    assert notables.known(["Boris Johnson"]).country == "GB"
    assert notables.known(["Mohamed bin Salman"]).country == "SA"
    assert notables.known(["Anna Johnson"]) is None  # same surname, another person
    assert notables.known(["Johnson"]) is None  # a common surname alone


def test_bare_surnames_report_a_meeting_between_their_people():
    assert participants("Blinken and Lavrov met in Geneva on Friday for 90 minutes to discuss Ukraine.") == [
        [("Blinken", "US"), ("Lavrov", "RU")]
    ]
    assert participants("Macron and Scholz held talks in Paris on Tuesday on energy.") == [
        [("Macron", "FR"), ("Scholz", "DE")]
    ]


def test_a_title_without_a_country_gets_the_known_one():
    (meeting,) = run(
        "British Prime Minister Rishi Sunak spoke with President Volodymyr Zelensky by phone on Monday.",
        "2023-05-02",
    ).meetings
    assert {p.name: p.country for p in meeting.participants}["Volodymyr Zelensky"] == "UA"
    assert sorted(meeting.countries) == ["GB", "UA"]


def test_the_article_s_own_word_wins_over_the_table():
    got = {
        p.name: p.country for p in find_people(prepare("Canadian banker Mark Carney met the press.")).persons
    }
    assert got["Mark Carney"] == "CA"
    got = {
        p.name: p.country
        for p in find_people(prepare("British economist Mark Carney met the press.")).persons
    }
    assert got["Mark Carney"] == "GB"


@pytest.mark.parametrize(
    "text",
    [
        "The Biden administration's envoy met Ukrainian officials in Kyiv on Monday.",
        "Officials of the Biden–Harris Administration met the governors in Denver on Monday.",  # en dash
        "Officials of the Biden-\u2060Harris Administration met governors in Denver.",  # a word joiner
    ],
)
def test_a_surname_that_modifies_a_noun_is_nobody(text):
    assert not any(p.name == "Biden" for p in find_people(prepare(text)).persons)


def test_a_known_lead_keeps_its_companions_on_its_side():
    text = (
        "National Security Advisor Jake Sullivan traveled to Israel and the West Bank January 18-20. He was "
        "joined by Deputy Coordinator Brett Hollis. In Jerusalem, Mr. Sullivan met with Prime Minister "
        "Benjamin Netanyahu and President Isaac Herzog."
    )
    (meeting,) = participants(text, "2023-01-20")
    assert dict(meeting) == {
        "Brett Hollis": "US",  # came with the lead: the lead's side, not the host's
        "Jake Sullivan": "US",
        "Benjamin Netanyahu": "IL",
        "Isaac Herzog": "IL",
    }


def test_dotless_abbreviations_of_us_and_uk_are_countries():
    got = {
        p.name: p.country
        for p in find_people(prepare("U.S President, Jane Roe, met U.K Minister Tom Poe.")).persons
    }
    assert got == {"Jane Roe": "US", "Tom Poe": "GB"}


def test_a_japanese_surname_first_in_capitals_after_a_title():
    (meeting,) = run(
        "Prime Minister KISHIDA Fumio held a telephone call with President Joe Biden on April 9."
    ).meetings
    assert [(p.name, p.role, p.country) for p in meeting.participants] == [
        ("KISHIDA Fumio", "Prime Minister", "JP"),
        ("Joe Biden", "President", "US"),
    ]
    assert meeting.format == "phone"


@pytest.mark.parametrize(
    ("published", "side"),
    [
        ("2023-06-05", (None, "NATO")),  # NATO's Secretary General then
        ("2025-06-05", ("NO", None)),  # Norway's finance minister then
        ("2024-12-05", (None, None)),  # between the two: the text must say
    ],
)
def test_someone_who_also_led_an_organisation_speaks_for_the_side_of_the_day(published, side):
    (m,) = run("Stoltenberg met Zelensky in Kyiv on Monday to discuss air defence.", published).meetings
    assert [(p.name, p.country, p.organization) for p in m.participants] == [
        ("Stoltenberg", *side),
        ("Zelensky", "UA", None),
    ]


def test_the_dated_side_needs_a_date_and_yields_to_the_text():
    assert countries_of("Foreign Minister Annalena Baerbock met Foreign Minister Andrii Sybiha.") == {
        "Annalena Baerbock": None,  # no date: no side
        "Andrii Sybiha": "UA",
    }
    got = participants("Foreign Minister Annalena Baerbock met Andrii Sybiha in Kyiv.", "2024-09-10")
    assert got == [[("Annalena Baerbock", "DE"), ("Andrii Sybiha", "UA")]]
    got = participants(
        "UN General Assembly President Annalena Baerbock met Andrii Sybiha in Kyiv.", "2024-09-10"
    )
    assert got[0][0] == ("Annalena Baerbock", None)  # the text's own organisation, not the table's DE


def test_the_notables_terms_are_well_formed():
    for person in [notables.known([name]) for name in ("Mark Rutte", "Kaja Kallas", "Donald Tusk")]:
        assert person is not None and person.terms
        for side, first, last in person.terms:
            assert side.startswith("@") or (len(side) == 2 and side.isupper())
            assert first < (last or "9999") and len(first) == 10
    (m,) = run("Guterres spoke by phone with Erdogan on Monday about the grain deal.", "2023-06-05").meetings
    assert [(p.name, p.country, p.organization) for p in m.participants] == [
        ("Guterres", None, "UN"),
        ("Erdogan", "TR", None),
    ]
    assert m.organizations == ["UN"]
