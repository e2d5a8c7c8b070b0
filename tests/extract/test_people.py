"""People: role patterns, appositions, coreference, possessives, absent people."""

from __future__ import annotations

import pytest

from meetview.extract.document import prepare
from meetview.extract.people import find_people

from .conftest import run


def people(text: str) -> dict[str, tuple]:
    pp = find_people(prepare(text))
    return {p.name: (p.role, p.country, p.org, sorted(p.aliases)) for p in pp.persons}


def test_role_before_name_with_country_and_org():
    got = people(
        "Deputy Minister of Defence of Latvia Janis Ozols met NATO Secretary General Ingrid Dahl "
        "and Czech Foreign Minister Pavel Novotny."
    )
    assert got["Janis Ozols"][:2] == ("Deputy Minister of Defence of Latvia", "LV")
    assert got["Ingrid Dahl"][2] == "NATO"
    assert got["Pavel Novotny"][1] == "CZ"


def test_apposition_after_name():
    got = people(
        "The envoy met Lars Berg, Director of the Department for Arctic Policy at the Swedish Ministry "
        "for Foreign Affairs, in Stockholm."
    )
    assert got["Lars Berg"][1] == "SE"
    assert got["Lars Berg"][0].startswith("Director of the Department")


def test_possessive_country_and_of_country():
    got = people(
        "Chile's Foreign Minister Ana Rojas met President Tomas Varga of Hungary. "
        "Later France's Jean-Luc Morel "
        "arrived."
    )
    assert got["Ana Rojas"][1] == "CL"
    assert got["Tomas Varga"][1] == "HU"
    assert got["Jean-Luc Morel"][1] == "FR"


def test_short_mentions_are_the_same_person():
    got = people(
        "Defence Minister Mykola Hrytsenko met Dutch Defence Minister Eva de Vries. Hrytsenko thanked "
        "de Vries. Mr Hrytsenko said more was needed."
    )
    assert "Mykola Hrytsenko" in got and "Hrytsenko" in got["Mykola Hrytsenko"][3]
    assert len([n for n in got if "Hrytsenko" in n]) == 1


def test_transliterated_spellings_corefer():
    got = people(
        "Deputy Minister Serhii Koval met the delegation. Sergiy Koval later said the talks went well."
    )
    assert len(got) == 1


def test_coordinated_officials_share_the_country():
    got = people(
        "The President met with Peru's Foreign Minister Rosa Quispe and Minister of Defense Luis Mamani."
    )
    assert got["Luis Mamani"][1] == "PE"


def test_role_reference_resolves_to_the_named_person():
    text = (
        "President of Ghana Kwame Mensah met with Prime Minister of Norway Ola Nordahl. "
        "The Prime Minister of Norway thanked the President of Ghana for the visit."
    )
    pp = find_people(prepare(text))
    kinds = {p.name: [m.kind for m in p.mentions] for p in pp.persons}
    assert kinds["Ola Nordahl"].count("role") == 1
    assert kinds["Kwame Mensah"].count("role") == 1


def test_absent_person_is_not_a_participant():
    text = (
        "BRUSSELS, March 3 -- Italian Defence Minister Marco Conti met Polish Defence Minister Adam Nowak "
        "in Brussels on Monday. Spanish Defence Minister Lucia Prieto did not attend the meeting."
    )
    ex = run(text, published="2031-03-03")
    names = {p.name for m in ex.meetings for p in m.participants}
    assert {"Marco Conti", "Adam Nowak"} <= names
    assert "Lucia Prieto" not in names


def test_quoted_or_commenting_people_are_not_participants():
    text = (
        "Prime Minister of Canada Claire Dubois held talks with Prime Minister of India Ravi Menon "
        "in Ottawa. "
        "BBC correspondent Tom Hale said the talks went well."
    )
    ex = run(text, published="2030-02-02")
    names = {p.name for m in ex.meetings for p in m.participants}
    assert names == {"Claire Dubois", "Ravi Menon"}


def test_possessive_name_is_not_a_counterpart():
    text = (
        "President of Kenya Amani Otieno met with Prime Minister of Japan Kenji Sato "
        "to discuss Rustam Aliyev's plan."
    )
    ex = run(text, published="2030-02-02")
    names = {p.name for m in ex.meetings for p in m.participants}
    assert names == {"Amani Otieno", "Kenji Sato"}


def _roles(text: str, published: str = "2031-05-07") -> dict[str, tuple[str | None, str | None]]:
    ex = run(text, published=published)
    return {p.name: (p.role, p.country) for m in ex.meetings for p in m.participants}


def test_roles_with_portfolio_lists_bracketed_acronyms_and_honorific_chains():
    r = _roles(
        "Foreign Minister Li Wei met with Egyptian Minister of Foreign Affairs, Emigration and Egyptian "
        "Expatriates Samir Fathy in Beijing."
    )
    assert r["Samir Fathy"] == (
        "Egyptian Minister of Foreign Affairs, Emigration and Egyptian Expatriates",
        "EG",
    )
    r = _roles(
        "President Ali Demir met President of Syria Ahmed Haddad. Director of the National Intelligence "
        "Organization (NIO) Ibrahim Kaya was also present at the meeting."
    )
    assert r["Ibrahim Kaya"][0] == "Director of the National Intelligence Organization (NIO)"
    r = _roles("On 9 August, Foreign Minister Ravi Kumar met Minister of Defence H.E. Mr. Ahmed Naseem.")
    assert r["Ahmed Naseem"][0] == "Minister of Defence"
    assert set(r) == {"Ravi Kumar", "Ahmed Naseem"}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(
            "The two sides agreed to deepen security cooperation, Turkish Foreign Minister Kemal Aydin said "
            "after talks with his Iraqi counterpart Omar Saleh.",
            "Kemal Aydin",
            ("Turkish Foreign Minister", "TR"),
            id="a role does not swallow the clause before its comma",
        ),
        pytest.param(
            "Prime Minister of Chile Ana Soto met with Professor Amani Otieno, Chief Adviser of the Interim "
            "Government of Kenya.",
            "Amani Otieno",
            ("Chief Adviser of the Interim Government of Kenya", "KE"),
            id="an academic title before a name with an appositive post is no observer",
        ),
        pytest.param(
            "President Tom Baker met French Diplomatic Adviser to the President Paul Martin and German "
            "Foreign Policy Adviser Karl Huber in Washington.",
            "Paul Martin",
            ("French Diplomatic Adviser to the President", "FR"),
            id="a diplomatic adviser keeps the country written before the title",
        ),
    ],
)
def test_role_and_country_of_one_person(text, name, expected):
    assert _roles(text)[name] == expected


def test_lists_of_people_written_with_their_country_or_organisation():
    text = (
        "G7 leaders sat down in Rome on Monday. Around the table with the host were U.S. President Tom "
        "Baker, France's Jean Dupont, Germany's Karl Huber and Japan's Kenji Sato, joined by the European "
        "Union's Greta Holm and Jan Novak."
    )
    (m,) = run(text, published="2031-05-07").meetings
    sides = {p.name: p.country or p.organization for p in m.participants}
    assert sides == {
        "Tom Baker": "US",
        "Jean Dupont": "FR",
        "Karl Huber": "DE",
        "Kenji Sato": "JP",
        "Greta Holm": "EU",
        "Jan Novak": None,
    }
    invited = (
        "President of Chile Ana Soto held sessions on energy with invited leaders, among them India's Ravi "
        "Kumar, Australia's Jack Smith and South Korea's Lee Min-ho."
    )
    (m,) = run(invited, published="2031-05-07").meetings
    assert {"Ravi Kumar", "Jack Smith", "Lee Min-ho"} <= {p.name for p in m.participants}
    assert {"IN", "AU", "KR"} <= set(m.countries)


def test_a_role_in_apposition_before_the_name_and_unicode_acronyms_in_roles():
    text = (
        "Foreign Secretary Jane Hill met Foreign Minister of Oman Said Harthy in London today. The Minister "
        "for the Middle East, Tom Grey, also took part in the discussions. Director of the National "
        "Intelligence Organization (MİT) Ali Kaya was also present."
    )
    r = _roles(text)
    assert r["Tom Grey"][0] == "Minister for the Middle East"
    assert r["Ali Kaya"][0] == "Director of the National Intelligence Organization (MİT)"
    assert "MİT" not in r


def test_an_unqualified_organisation_post_skips_organisations_others_represent():
    text = (
        "The Secretary-General Ana Ortiz met with Mr. Jan Novak, President of the European Council. They "
        "discussed the European Council's plans and the support of the United Nations for the talks."
    )
    ex = run(text, published="2031-05-07")
    (m,) = ex.meetings
    orgs = {p.name: p.organization for p in m.participants}
    assert orgs == {"Ana Ortiz": "UN", "Jan Novak": "EU"}


def test_a_military_rank_after_a_comma_is_a_title():
    r = _roles(
        "The Defence Secretary, Tom Grey, also met the Chief of the General Staff of the Polish Armed "
        "Forces, General Adam Nowak."
    )
    assert r["Adam Nowak"][0] == "Chief of the General Staff of the Polish Armed Forces"


def test_titles_before_and_inside_malay_names():
    text = (
        "We, the Foreign Ministers of Chile and Peru, met on 8 July 2031 in Lima. The Meeting was chaired by "
        "Dato' Seri Utama Haji Ahmad bin Haji Yusof, Minister of Foreign Affairs of Malaysia. We were "
        "briefed by the Special Envoy of the Chair, Tan Sri Rahman Ali."
    )
    r = _roles(text, "2031-07-08")
    assert set(r) == {"Ahmad bin Haji Yusof", "Rahman Ali"}
    assert r["Ahmad bin Haji Yusof"] == ("Minister of Foreign Affairs of Malaysia", "MY")


def test_names_that_start_with_a_particle_an_initial_a_city_or_a_month():
    """The name scan skips most tokens without looking at their neighbours; these starts must not be."""
    got = people(
        "European Commission President von der Leyen met Defense Secretary Lloyd Austin in Kyiv. "
        "Defence Minister Jan Nowak met Foreign Minister Paris Rossi and Ambassador Sydney Clark. "
        "Reporter April Ryan asked Prime Minister J. Kowalski, and Mr de Vries met Senator A. B. Carter "
        "and Sheikh Mohamad bin Haji Hasan."
    )
    assert set(got) >= {
        "von der Leyen",
        "Lloyd Austin",
        "Jan Nowak",
        "Paris Rossi",
        "Sydney Clark",
        "April Ryan",
        "J. Kowalski",
        "de Vries",
        "A. B. Carter",
        "Mohamad bin Haji Hasan",
    }
    assert not {"Kyiv", "Defence Minister", "European Commission"} & set(got)


def test_a_titled_name_after_a_comma_is_the_next_person_of_a_list_not_an_appositive():
    r = _roles(
        "On Monday, Foreign Minister Anna Berg, Kenyan Foreign Minister Musalia Mudavadi, and Chilean "
        "Foreign Minister Ana Rojas met in Oslo."
    )
    assert r["Anna Berg"][0] == "Foreign Minister"
    assert r["Anna Berg"][1] != "KE"  # "Kenyan" is the next minister's (the host's city may place her)
    assert r["Musalia Mudavadi"] == ("Kenyan Foreign Minister", "KE")
    assert r["Ana Rojas"] == ("Chilean Foreign Minister", "CL")
    r = _roles("Secretary of State Tom Baker, Trade Representative Kari Lund and Ola Berg met in Paris.")
    assert r["Tom Baker"][0] == "Secretary of State"  # not "Trade Representative Kari Lund"
    # a title that goes on after its head is still the appositive ("Chief Operating Officer of ...")
    r = _roles("Minister Ola Berg met Kari Lund, Chief Operating Officer of Norfund, in Oslo on Monday.")
    assert r["Kari Lund"][0] == "Chief Operating Officer of Norfund"


def test_capitalized_portfolio_words_after_for_or_of_stay_in_the_role():
    r = _roles(
        "On Monday, Deputy National Security Advisor for Cyber and Emerging Technology Kari Lund and "
        "Senior Director for Western Hemisphere Affairs Ola Berg met Foreign Minister Ana Rojas in Oslo."
    )
    assert r["Kari Lund"][0] == "Deputy National Security Advisor for Cyber and Emerging Technology"
    assert r["Ola Berg"][0] == "Senior Director for Western Hemisphere Affairs"
    assert set(r) == {"Kari Lund", "Ola Berg", "Ana Rojas"}  # no "Hemisphere" or "Emerging" person


def test_two_officials_meeting_unnamed_others_together_are_one_side():
    text = (
        "Today, Minister of Trade Ola Berg and State Secretary Kari Lund hosted a meeting with shipping "
        "executives in Oslo on 3 March 2031 to discuss China's export controls and Chile's copper."
    )
    ex = run(text, published="2031-03-04", url="https://www.regjeringen.no/en/aktuelt/shipping/id1/")
    (m,) = ex.meetings
    assert {p.name: p.country for p in m.participants} == {"Ola Berg": "NO", "Kari Lund": "NO"}
    assert m.countries == ["NO"]  # China and Chile are only talked about
    # two named sides meeting each other are still counterparts
    ex = run(
        "Ola Berg and Ana Rojas met in Santiago on 3 March 2031.",
        published="2031-03-04",
        url="https://www.regjeringen.no/en/aktuelt/chile/id2/",
    )
    (m,) = ex.meetings
    assert {p.name: p.country for p in m.participants} == {"Ola Berg": "NO", "Ana Rojas": "CL"}


def test_the_last_word_of_a_portfolio_is_no_part_of_the_name_after_it():
    r = _roles(
        "On Monday, Secretary of Transportation Kari Lund, Deputy National Security Advisor for "
        "International Economics Ola Berg and EPA Administrator Lars Holm met Foreign Minister Ana Rojas "
        "in Oslo."
    )
    assert r["Kari Lund"][0] == "Secretary of Transportation"
    assert r["Ola Berg"][0] == "Deputy National Security Advisor for International Economics"
    assert r["Lars Holm"][0].endswith("Administrator") and "Berg" not in r["Lars Holm"][0]
    assert not any(name.startswith(("Transportation", "Economics")) for name in r)


def test_a_list_of_portfolios_with_commas_is_one_role():
    r = _roles(
        "Federal Minister for Environment, Nature Conservation and Nuclear Safety Kari Lund met Chile's "
        "Minister of Environment, Forest and Climate Change Ana Rojas and Minister of Commerce and "
        "Industry and G20 Sherpa Ola Berg in Oslo on Monday."
    )
    assert r["Kari Lund"][0] == "Federal Minister for Environment, Nature Conservation and Nuclear Safety"
    assert r["Ana Rojas"][0] == "Chile's Minister of Environment, Forest and Climate Change"
    assert r["Ola Berg"][0] == "Minister of Commerce and Industry and G20 Sherpa"
    assert set(r) == {"Kari Lund", "Ana Rojas", "Ola Berg"}  # no "Nature Conservation" or "Forest"


def test_second_gentleman_is_a_title_like_first_lady():
    r = _roles(
        "Vice President Ana Soto and Second Gentleman Karl Huber met Foreign Minister Ana Rojas in Oslo."
    )
    assert r["Karl Huber"][0] == "Second Gentleman"  # not a person named "Gentleman Karl Huber"


def test_a_lone_word_before_a_body_noun_names_a_body_not_a_person():
    r = _roles(
        "On Monday, Foreign Minister Ana Rojas met the President of the Nordic Episcopal Conference and "
        "the President of Tuskegee University in Oslo, with Ambassador Kari Lund."
    )
    assert "Episcopal" not in r and "Tuskegee" not in r
    assert "Ana Rojas" in r


def test_the_last_word_of_a_body_after_its_adjectives_is_no_name():
    r = _roles(
        "On Monday, the Chair of the Council of Economic Advisers, the Director of Public Engagement and "
        "Foreign Minister Ana Rojas met Prime Minister Kari Lund in Oslo."
    )
    assert "Advisers" not in r and "Engagement" not in r
    assert {"Ana Rojas", "Kari Lund"} <= set(r)


def test_a_company_after_someones_title_is_no_person():
    r = _roles(
        "Foreign Minister Ana Rojas met business leaders in Oslo on Monday, among them Kari Lund, "
        "President and CEO, Equinor, and Ola Berg, Chief Executive, Telenor."
    )
    assert "Equinor" not in r and "Telenor" not in r
    assert "Ana Rojas" in r


def test_a_company_of_several_words_in_an_attendee_list_is_no_person():
    text = (
        "Foreign Minister Ana Rojas met business leaders in Oslo on Monday.\n\nAttendees included:\n"
        "-   Kari Lund, President, Transportation Trades Department, AFL-CIO\n"
        "-   Ola Berg, President and CEO, American Trucking Associations\n"
        "-   Lars Holm, President and CEO, Samsung Electronics North America\n"
        "-   Eva Dahl, Executive Director, Musalia Mudavadi, Deputy Director\n"
    )
    got = set(people(text))
    assert {"Kari Lund", "Ola Berg", "Lars Holm", "Eva Dahl", "Ana Rojas"} <= got
    assert not {"Transportation Trades", "Trucking Associations", "Samsung Electronics"} & got
    assert "Musalia Mudavadi" in got  # a name with a title of its own after it is a person


@pytest.mark.parametrize("adverb", ["Lastly", "Separately", "Recently", "Similarly", "Subsequently"])
def test_a_sentence_adverb_before_a_comma_is_nobody(adverb):
    """ "Lastly, President X discussed ...": the adverb is no person whose role is the name after it."""
    text = (
        "President Anna Berg of Norway met Prime Minister Musalia Mudavadi of Kenya in Oslo on Monday. "
        f"{adverb}, Energy Minister Hua Wang of Norway discussed gas supplies with Kenyan officials."
    )
    got = people(text)
    assert adverb not in got
    assert got["Hua Wang"][:2] == ("Energy Minister", "NO")
    names = {p.name for m in run(text, "2024-03-05").meetings for p in m.participants}
    assert adverb not in names and "Anna Berg" in names


@pytest.mark.parametrize(
    "text, name, role",
    [
        (
            "Prime Minister Theresa May met Chancellor Angela Merkel in Berlin.",
            "Theresa May",
            "Prime Minister",
        ),
        ("Theresa May met Angela Merkel in Berlin on Friday.", "Theresa May", None),
        ("The senators, Todd Young and Jane Street, met the envoy.", "Todd Young", None),
        ("Representative Mark Green met the envoy in Kyiv.", "Mark Green", "Representative"),
        (
            "South Korean Foreign Minister Park Jin met the envoy in Seoul.",
            "Park Jin",
            "South Korean Foreign Minister",
        ),
        ("President Park Geun-hye met Prime Minister Shinzo Abe in Seoul.", "Park Geun-hye", "President"),
        ("Defense Minister Min-ji Park held a video call with the envoy.", "Min-ji Park", "Defense Minister"),
        ("The envoy met Mr. Hall in Ottawa.", "Hall", None),
        # letters after a name are not in it; a town after a title is a surname; "EAM" is a title
        ("The Taoiseach, Leo Varadkar T.D., met the envoy in Dublin.", "Leo Varadkar", "Taoiseach"),
        (
            "Minister for Foreign Affairs Micheál Martin T.D. met the envoy.",
            "Micheál Martin",
            "Minister for Foreign Affairs",
        ),
        ("Secretary Austin hosted the envoy on Monday.", "Austin", "Secretary"),
        ("Attorney General Garland met the envoy.", "Garland", "Attorney General"),
        ("EAM Dr. S. Jaishankar met the envoy in New Delhi.", "S. Jaishankar", "EAM"),
    ],
)
def test_names_that_look_like_other_words(text, name, role):
    """Surnames that are common words (May, Young, Green, Park, Hall) after a given name that opens the
    name or after a title; post-nominal letters; towns as surnames after a title; title acronyms."""
    got = people(text)
    assert name in got, got
    assert got[name][0] == role


@pytest.mark.parametrize(
    "text, wrong",
    [
        ("They met on May 5 in Central Park and at Hyde Park.", {"May", "Central Park", "Hyde Park"}),
        ("Kamala Harris May Visit Kyiv", {"Kamala Harris May", "Harris May"}),
        ("The envoy met Lamar Johnson of St. Sabina Church.", {"Sabina Church", "Lamar Johnson of St"}),
        ("He met Force Commander Major General Laurent Michon.", {"Major", "Major General Laurent Michon"}),
        ("Officials met in Austin on Monday.", {"Austin"}),
    ],
)
def test_common_words_that_are_surnames_stay_words_elsewhere(text, wrong):
    assert not wrong & set(people(text))


@pytest.mark.parametrize(
    "text, name, role, country",
    [
        (
            "The envoy met Chinese State Councilor Wang Yi in Tianjin.",
            "Wang Yi",
            "Chinese State Councilor",
            "CN",
        ),
        (
            "The envoy met Saudi Crown Prince Mohammed bin Salman in Jeddah.",
            "Mohammed bin Salman",
            "Saudi Crown Prince",
            "SA",
        ),
        ("The envoy met Kuwaiti Sheikh Ahmad Nasser in Kuwait City.", "Ahmad Nasser", "Kuwaiti Sheikh", "KW"),
        ("The envoy met Crown Prince Salman of Bahrain in Manama.", "Salman", "Crown Prince", "BH"),
    ],
)
def test_titles_that_are_also_honorifics_head_a_role(text, name, role, country):
    """ "Saudi Crown Prince X": "Prince" is the role's head as well as an honorific, so the role and its
    country stay with the name; "State Councilor" is a post."""
    got = people(text)
    assert got[name][:2] == (role, country)


def test_an_honorific_after_a_lower_case_word_stays_an_honorific():
    """ "under Sheikh Mohammed's leadership": no role "under Sheikh", whose head would draw the article's
    "the Vice President" references away from the Vice President."""
    text = (
        "Vice President Kamala Harris today led a delegation to Abu Dhabi. In her visit with UAE President "
        "Sheikh Mohammed bin Zayed Al Nahyan, the Vice President conveyed condolences. The Vice President "
        "congratulated Sheikh Mohammed on his election. The Vice President noted that she looks forward "
        "to the relationship under Sheikh Mohammed’s leadership."
    )
    assert people(text)["Mohammed bin Zayed Al Nahyan"][:2] == ("UAE President", "AE")
    assert (
        people("Ties deepened under Sheikh Tamim bin Hamad, who met the envoy.")["Tamim bin Hamad"][0] is None
    )
    (meeting,) = run(text, "2022-05-16").meetings
    assert {p.name for p in meeting.participants} == {"Kamala Harris", "Mohammed bin Zayed Al Nahyan"}


def test_a_sherpa_is_a_title_not_a_name():
    got = people("They met G20 Sherpa Priya Raman and Brazilian Sherpa Mauricio Lyrio in New Delhi.")
    assert got["Priya Raman"][0] == "G20 Sherpa"
    assert got["Mauricio Lyrio"][:2] == ("Brazilian Sherpa", "BR")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "National Security Adviser Ilze Berzins received United Arab Emirates' Deputy Defense Minister "
            "Reem Al Hashimy in Riga on Saturday.",
            "Reem Al Hashimy",
            "AE",
        ),
        (
            "Latvian Foreign Minister Ilze Berzins received the Netherlands’ Foreign Minister Anna de Vries "
            "in Riga on Friday.",
            "Anna de Vries",
            "NL",
        ),
    ],
)
def test_a_plural_possessive_country_before_a_title(text, name, country):
    assert people(text)[name][1] == country
    (meeting,) = run(text, "2019-09-29").meetings
    assert country in meeting.countries


def test_a_closing_quote_after_s_before_a_lower_word_is_no_possessive():
    from meetview.extract.document import prepare

    doc = prepare("The so-called 'peace plans' were discussed.")
    assert [t.low for t in doc.tokens if t.text == "'"] == ["'", "'"]


def test_the_eu_high_representative_speaks_for_the_eu():
    got = people(
        "High Representative/Vice-President Josep Borrell met Foreign Minister Ararat Mirzoyan of Armenia."
    )
    assert got["Josep Borrell"][:3] == ("High Representative/Vice-President", None, "EU")
    # a country in the role is no EU post ("High Representative for Bosnia and Herzegovina")
    got = people("The Kenyan High Representative Anna Wanjiru met Foreign Minister Tom Lee of Malta.")
    assert got["Anna Wanjiru"][1:3] == ("KE", None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "German Finance Minister Christian Lindner met Czech Foreign Minister Jan Lipavsky.",
            "Christian Lindner",
        ),
        ("Christian Lindner met Jan Lipavsky in Prague on Monday.", "Christian Lindner"),
    ],
)
def test_christian_opens_a_name_before_a_surname(text, name):
    assert name in people(text)


def test_christian_before_a_group_is_no_name():
    assert set(people("The Christian Democrats met Senator Tom Lee.")) == {"Tom Lee"}


def test_an_organisation_after_the_name_is_the_post_s():
    got = people("President Joe Biden spoke with President Ursula von der Leyen of the European Commission.")
    assert got["Ursula von der Leyen"][:3] == ("President", None, "EU")
    # a country after the name still wins when the title names an organisation
    got = people(
        "President Joe Biden met with 2022 ASEAN Chair Prime Minister Hun Sen of Cambodia in Phnom Penh."
    )
    assert got["Hun Sen"][1:3] == ("KH", "ASEAN")


def test_a_title_only_one_country_gives_places_its_holder():
    got = people(
        "President Anna Berg of Norway spoke with His Holiness Pope Francis about Israel and Gaza. "
        "Taoiseach Kari Lund joined them."
    )
    assert got["Francis"][1] == "VA"
    assert got["Kari Lund"][1] == "IE"
    # the article's own word still wins
    assert people("Chilean Minister Kari Lund met Pope Francis.")["Kari Lund"][1] == "CL"
