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


def _sides(ex) -> dict[str, str | None]:
    return {p.name: (p.country or p.organization) for m in ex.meetings for p in m.participants}


def test_the_publisher_side_from_header_lines_domains_and_state_agencies():
    body = "\n\nPresident Ali Demir met with Prime Minister of Chile Ana Soto in Santiago today."
    for header, code in (
        ("Ministry of Foreign Affairs of Kenya\nPress Releases\n", "KE"),
        ("Government of Ghana\n", "GH"),
        ("Norwegian Government\nwww.example.no\n", "NO"),
        ("Press office\nwww.gov.ng\n", "NG"),
        ("Contact: press@mfa.gov.mk\n", "MK"),
    ):
        assert _sides(run(header + body, published="2031-05-07"))["Ali Demir"] == code, header
    agency = (
        "Doha, 2 May 2031, QNA -- His Highness the Emir received a phone call today from President "
        "Ali Demir of Chile. Crown Prince Hamad Saleh also received President Demir later."
    )
    assert _sides(run(agency))["Hamad Saleh"] == "QA"
    # a headline is not an institution's name; a news menu names no side
    from meetview.extract.document import prepare
    from meetview.extract.publisher import home_country

    news = "Ministry of Finance of Kenya says budget is on track\nPolitics | Kenya\n" + body
    assert home_country(prepare(news), None) is None


def test_an_official_speaks_for_the_country_they_commit():
    text = (
        "Wang Hao met with Egyptian Foreign Minister Samir Fathy in Beijing. Wang Hao said that China is "
        "ready to work with Egypt. Samir Fathy said that Egypt values the partnership."
    )
    assert _sides(run(text, published="2031-05-07"))["Wang Hao"] == "CN"
    demand = "Wang Hao met Samir Fathy in Cairo. Wang Hao said that Russia must withdraw."
    assert _sides(run(demand, published="2031-05-07"))["Wang Hao"] != "RU"


def test_an_organisation_post_without_its_name_belongs_to_the_organisation_not_a_country():
    text = (
        "Secretary-General Ana Ortiz met with Prime Minister of Armenia Aram Sargsyan. The Secretary-General "
        "stressed the support of the United Nations for the peace talks between Armenia and Azerbaijan."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert _sides(run(text, published="2031-05-07"))["Ana Ortiz"] == "UN"
    assert m.countries == ["AM"] and "UN" in m.organizations


def test_a_role_told_before_the_name_places_the_person():
    text = (
        "Germany's new chancellor used his first trip abroad to signal that Europe comes first. Chancellor "
        "Karl Huber flew to Paris on Wednesday for talks with French President Jean Dupont, and then met "
        "Polish Prime Minister Adam Nowak in Warsaw. Poland and France were the obvious first stops."
    )
    assert _sides(run(text, published="2031-05-07"))["Karl Huber"] == "DE"


def test_unqualified_attendees_are_on_the_unqualified_leads_side():
    text = (
        "President Ali Demir met with Ahmed Haddad, President of the Syrian Arab Republic, in Damascus. "
        "Foreign Minister Kemal Aydin and Defence Minister Murat Kaya were also present. During the meeting, "
        "President Demir stated that Türkiye would support Syria's recovery and that the lifting of US and "
        "EU sanctions was important."
    )
    sides = _sides(run(text, published="2031-05-07"))
    assert sides["Ali Demir"] == sides["Kemal Aydin"] == sides["Murat Kaya"] == "TR"
    assert sides["Ahmed Haddad"] == "SY"


def test_formal_country_names_in_delegation_lists_and_absent_governments():
    text = (
        "The Chairperson of the African Union Commission, Dr. Amina Bello, held consultations in Abuja with "
        "the Ministers of Foreign Affairs of the Republic of Ghana and the Kingdom of Morocco. The "
        "Government of Mali was not represented at the consultations."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert set(m.countries) == {"GH", "MA"}
    heads = (
        "President of Ghana Kofi Mensah met the leaders of Senegal, the Gambia, the Kyrgyz Republic and the "
        "Syrian Arab Republic."
    )
    (m,) = run(heads, published="2031-05-07").meetings
    assert set(m.countries) == {"GH", "SN", "GM", "KG", "SY"}


def test_a_group_expands_only_when_it_meets_as_a_whole():
    g7 = {"CA", "DE", "FR", "GB", "IT", "JP", "US"}
    side = (
        "On the sidelines of the G7 summit in Rome, Prime Minister of Japan Kenji Sato met with Chancellor "
        "of Austria Karl Huber."
    )
    (m,) = run(side, published="2031-05-07").meetings
    assert set(m.countries) == {"JP", "AT"}
    whole = (
        "G7 leaders met in Rome on Monday. Prime Minister of Japan Kenji Sato and President of France "
        "Jean Dupont attended."
    )
    (m,) = run(whole, published="2031-05-07").meetings
    assert set(m.countries) == g7 and {p.name for p in m.participants} == {"Kenji Sato", "Jean Dupont"}
    members = (
        "Foreign ministers of G20 members participated in the meeting in Rome, hosted by Foreign Minister "
        "of Italy Marco Bianchi."
    )
    (m,) = run(members, published="2031-05-07").meetings
    assert len(m.countries) == 19 and [p.name for p in m.participants] == ["Marco Bianchi"]
    communique = (
        "We, the Foreign Ministers of the Member States of the Association of Southeast Asian Nations "
        "(ASEAN), met on 8 July 2024 in Hanoi."
    )
    (m,) = run(communique).meetings
    assert m.date == "2024-07-08" and len(m.countries) == 10 and m.organizations == ["ASEAN"]
    one = (
        "Foreign Minister of Chile Ana Rojas met with the ASEAN Secretary-General, Dr. Lim Hong, in Jakarta."
    )
    (m,) = run(one, published="2031-05-07").meetings
    assert m.countries == ["CL"]


def test_the_chair_of_a_session_named_in_a_participle_took_part():
    text = (
        "Foreign Minister of Chile Ana Rojas attended a meeting of the donors' group in Geneva, chaired for "
        "the first time by Norway's Minister of Development, Ola Berg."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert {p.name for p in m.participants} == {"Ana Rojas", "Ola Berg"}
    conference = (
        "Foreign Minister of Chile Ana Rojas took part in a conference of donors co-chaired by Norway's "
        "Minister of Development Ola Berg and Kenya's Foreign Minister Amani Otieno."
    )
    (m,) = run(conference, published="2031-05-07").meetings
    assert set(m.countries) == {"CL", "NO", "KE"}


def test_a_summit_named_in_the_topic_or_as_the_place_of_a_bilateral_does_not_expand():
    topic = (
        "President of Ghana Kofi Mensah spoke today with President of Chile Ana Soto to discuss "
        "preparations for the upcoming G20 summit."
    )
    (m,) = run(topic, published="2031-05-07").meetings
    assert set(m.countries) == {"GH", "CL"}
    margins = (
        "Vice President of Chile Ana Soto met with President of Peru Luis Vargas on the margins of the "
        "Chile-ASEAN Summit in Jakarta."
    )
    (m,) = run(margins, published="2031-05-07").meetings
    assert set(m.countries) == {"CL", "PE"}


def test_capitals_as_the_sides_and_respective_countries():
    (m,) = run(
        "Beijing and Washington held a new round of trade talks in Geneva on Tuesday.", published="2031-03-12"
    ).meetings
    assert set(m.countries) == {"CN", "US"} and "trade-economy" in m.topics
    assert run("Officials said the talks in Beijing went well.", published="2031-03-12").meetings == []
    text = (
        "Foreign Minister of Chile Ana Rojas held consultations with her Peruvian and Bolivian counterparts, "
        "Luis Vargas and Juan Quispe, in La Paz."
    )
    (m,) = run(text, published="2031-03-12").meetings
    assert {p.name: p.country for p in m.participants} == {
        "Ana Rojas": "CL",
        "Luis Vargas": "PE",
        "Juan Quispe": "BO",
    }


def test_a_country_that_took_part_as_an_observer():
    text = (
        "We, the Foreign Ministers of Chile and Peru, met on 8 July 2031 in Lima. Bolivia participated in "
        "the Meeting as an observer."
    )
    (m,) = run(text, published="2031-07-08").meetings
    assert set(m.countries) == {"CL", "PE", "BO"}


def test_a_gathering_named_after_the_sidelines_of_a_bilateral_is_its_setting():
    for text in (
        "Defence Minister of India Raj Kumar on Wednesday held talks with his Chinese counterpart Li Wei on "
        "the sidelines of a conclave of defence ministers of ASEAN member states in Vientiane.",
        "Foreign Minister of Chile Ana Soto met Foreign Minister of Japan Ken Sato in Jakarta on the margins "
        "of the meeting of the foreign ministers of ASEAN.",
    ):
        (m,) = run(text, published="2031-03-06").meetings
        assert len(m.countries) == 2, (m.countries, text)
    # the group's ministers as the object still bring its members
    (m,) = run(
        "Foreign Minister of Chile Ana Soto met the foreign ministers of ASEAN member states in Jakarta.",
        published="2031-03-06",
    ).meetings
    assert {"CL", "ID", "VN", "TH"} <= set(m.countries)


def test_towns_and_countries_inside_peoples_names_are_no_places():
    text = (
        "Douglas Emhoff and Deputy Attorney General Lisa Monaco met Secretary Lloyd Austin, President "
        "Santiago Peña and students of George Washington University in Douglas on Monday."
    )
    doc = prepare(text)
    found = {(text[h.start : h.end], h.start) for h in doc.places}
    assert not {t for t, _ in found} & {"Monaco", "Austin", "Santiago"}
    assert [at for t, at in found if t == "Douglas"] == [text.index("in Douglas") + 3]  # the town only
    assert "Washington" in {t for t, _ in found}  # "George Washington University" names no person
    ex = run(
        "Deputy Secretary Douglas Emhoff and Deputy Attorney General Lisa Monaco met Foreign Minister "
        "Ana Rojas of Chile in Washington on 3 March 2031.",
        published="2031-03-04",
    )
    (m,) = ex.meetings
    assert "IM" not in m.countries and "MC" not in m.countries
    assert {"Douglas Emhoff", "Lisa Monaco", "Ana Rojas"} <= {p.name for p in m.participants}


def test_the_short_names_news_use_for_small_states():
    got = hits(
        "Leaders of Micronesia, Brunei, Cape Verde, East Timor, Swaziland, St. Lucia, St Kitts and Nevis "
        "and São Tomé and Príncipe met a Cape Verdean envoy."
    )
    for code in ("FM", "BN", "CV", "TL", "SZ", "LC", "KN", "ST"):
        assert ("country", code) in got, code
    assert ("adj", "CV") in got


def test_a_country_opening_a_sentence_after_a_name_is_still_a_place():
    doc = prepare("Norway pledges support after talks with Dumitru\n\nRomania's adviser arrived in Oslo.")
    assert ("country", "RO") in [(h.kind, h.value) for h in doc.places]
