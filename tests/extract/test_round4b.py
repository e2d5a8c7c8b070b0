"""Round 4b mechanisms, each stated on short sentences of our own: dates told with a time of day,
dotted bylines, same-day connectives, a mixed-case dateline's day, topic vocabulary."""

from __future__ import annotations

from meetview.extract.dates import find_anchor, find_dates

from .conftest import run


def dates(text: str, published: str | None = None) -> list[str | None]:
    return [m.date for m in run(text, published).meetings]


def test_a_date_followed_by_a_time_of_day_dates_the_meeting():
    text = (
        "On May 6, starting at 10:15 a.m. for about an hour, Foreign Minister Anna Berg of Sweden held "
        "talks with Foreign Minister Tomas Reyes of Chile."
    )
    assert dates(text, "2025-05-07") == ["2025-05-06"]
    text = (
        "Foreign Minister Anna Berg of Sweden met Foreign Minister Tomas Reyes of Chile on May 6 from "
        "3 p.m. for forty minutes."
    )
    assert dates(text, "2025-05-07") == ["2025-05-06"]


def test_a_date_naming_something_else_is_still_not_the_meetings():
    text = (
        "Foreign Minister Anna Berg of Sweden met Foreign Minister Tomas Reyes of Chile in Oslo. "
        "They discussed the May 2 statement on fisheries."
    )
    assert dates(text, "2025-05-07") == ["2025-05-07"]


def test_a_dotted_year_first_byline_dates_the_article():
    raw = "Nordic Wire\n2025.05.04 10:00\n\nForeign Minister Anna Berg spoke with reporters in Oslo.\n"
    assert find_anchor(raw, raw, None).published == "2025-05-04"
    raw = "Nordic Wire\nPosted 2024/11/30\n\nForeign Minister Anna Berg spoke with reporters in Oslo.\n"
    assert find_anchor(raw, raw, None).published == "2024-11-30"


def test_a_meeting_later_the_same_day_takes_the_date_of_the_one_before():
    text = (
        "On 12 March, Foreign Minister Anna Berg of Sweden held talks in Lima with Foreign Minister "
        "Tomas Reyes of Peru. They discussed trade and fisheries. "
        "Later the same day, Anna Berg was received by President Carla Mendoza of Peru at the palace."
    )
    assert dates(text, "2025-03-14") == ["2025-03-12", "2025-03-12"]


def test_a_meeting_the_following_day_is_one_day_after_the_one_before():
    text = (
        "On 12 March, Foreign Minister Anna Berg of Sweden held talks in Lima with Foreign Minister "
        "Tomas Reyes of Peru. They discussed trade and fisheries. "
        "The following day, Anna Berg paid a courtesy call on President Carla Mendoza of Peru."
    )
    assert dates(text, "2025-03-14") == ["2025-03-12", "2025-03-13"]


def test_without_a_connective_an_undated_meeting_keeps_the_article_day():
    text = (
        "On 12 March, Foreign Minister Anna Berg of Sweden held talks in Lima with Foreign Minister "
        "Tomas Reyes of Peru. They discussed trade and fisheries. "
        "Anna Berg was received by President Carla Mendoza of Peru at the palace."
    )
    assert dates(text, "2025-03-14")[0] == "2025-03-12"
    assert "2025-03-12" not in dates(text, "2025-03-14")[1:]


def _countries(text: str, published: str = "2025-03-14") -> list[list[str]]:
    return [m.countries for m in run(text, published).meetings]


def test_not_travelling_to_a_meeting_is_not_taking_part():
    text = (
        "Foreign Minister Anna Berg did not travel to the G20 foreign ministers' meeting in Rio, "
        "as Sweden is not a member of the group."
    )
    assert _countries(text) == []


def test_a_group_with_a_member_staying_away_is_not_expanded():
    text = (
        "The G7 leaders' summit in Halifax ended on Sunday with a joint statement. "
        "The summit was boycotted by Japan, whose delegation left on Friday. "
        "Prime Minister Paul Tremblay of Canada hosted the talks."
    )
    got = _countries(text)
    assert got and all("JP" not in c and "IT" not in c for c in got)


def test_a_member_represented_by_someone_else_still_takes_part():
    text = (
        "The G7 foreign ministers met in Halifax on Sunday. Japan's foreign minister did not attend; "
        "Japan was represented by its ambassador."
    )
    got = _countries(text)
    assert got and "JP" in got[0] and "IT" in got[0]


def test_regional_formats_are_named_by_their_short_names():
    text = (
        "The Nordic defence ministers gathered in Tromsø on Tuesday for the NORDEFCO ministerial meeting, "
        "hosted by Minister of Defence Kari Lund of Norway."
    )
    assert [m.organizations for m in run(text, "2025-03-14").meetings] == [["NORDEFCO"]]
    text = (
        "AU Commission Chairperson Amina Sow met Foreign Minister Tomas Reyes of Chile in Addis Ababa "
        "on Tuesday."
    )
    assert "AU" in run(text, "2025-03-14").meetings[0].organizations


BASE = "Foreign Minister Anna Berg of Sweden met Foreign Minister Tomas Reyes of Chile in Lima on Monday. "


def _topics(text: str) -> set[str]:
    return {t for m in run(text, "2025-03-14").meetings for t in m.topics}


def test_general_diplomatic_wording_names_topics():
    base = BASE
    assert "regional-security" in _topics(base + "They exchanged views on the latest regional developments.")
    assert "peace-process" in _topics(base + "They discussed the ongoing peace efforts.")
    assert "humanitarian" in _topics(base + "They discussed the release of detainees.")
    assert "migration" in _topics(base + "They discussed the welfare of the diaspora and border management.")
    assert "maritime" in _topics(base + "They discussed the security of navigation and the shadow fleet.")
    assert "energy" in _topics(base + "They discussed the joint development of oilfields.")
    assert "energy" in _topics(base + "They discussed the risk to cables and pipelines.")
    assert "health" in _topics(base + "They discussed cooperation on pharmaceuticals.")
    assert "counterterrorism" in _topics(base + "They discussed the fight against violent extremism.")


def test_a_place_alone_names_no_topic():
    base = BASE
    assert "regional-security" not in _topics(base + "They discussed a festival on the Korean Peninsula.")


def test_a_lead_opening_with_place_and_full_date_dates_today():
    text = (
        "Transcript: press conference after the talks\nPublished 15 March 2025\n\n"
        "Lima, Peru, 14 March 2025. Press conference at the embassy.\n\n"
        "ANNA BERG (Minister for Foreign Affairs of Sweden): We have just come from a meeting with "
        "Foreign Minister Tomas Reyes of Peru."
    )
    ex = run(text)
    assert ex.published == "2025-03-15"
    assert [m.date for m in ex.meetings] == ["2025-03-14"]


def test_a_front_matter_source_naming_a_government_gives_the_publishers_side():
    text = (
        "---\ntitle: Visit of the Minister\ndate: 2025-03-14\nsource: Ministry of Foreign Affairs, "
        "Government of Sweden\n---\n\n"
        "Minister Anna Berg held talks with Foreign Minister Tomas Reyes of Peru in Lima on 13 March."
    )
    people = {p.name: p.country for m in run(text).meetings for p in m.participants}
    assert people.get("Anna Berg") == "SE"
    assert people.get("Tomas Reyes") == "PE"


def test_a_meeting_on_the_sidelines_takes_the_gatherings_date_not_the_dateline():
    text = (
        "LIMA, March 5 (Andina) -- Foreign Minister Anna Berg of Sweden met Foreign Minister Tomas Reyes "
        "of Peru on the sidelines of the regional ministerial meeting, held in the Peruvian capital on "
        "Monday.\n\nThey discussed trade."
    )
    assert dates(text, "2025-03-05") == ["2025-03-03"]
    text = (
        "LIMA, March 5 (Andina) -- Foreign Minister Anna Berg of Sweden met Foreign Minister Tomas Reyes "
        "of Peru in the Peruvian capital.\n\nThey discussed trade."
    )
    assert dates(text, "2025-03-05") == ["2025-03-05"]


def test_a_government_outlet_or_page_title_gives_the_publishers_side():
    from meetview.extract.pipeline import extract_strict
    from meetview.records import Article

    text = "Minister Anna Berg held talks with Foreign Minister Tomas Reyes of Peru in Lima on 13 March."
    for outlet, original in (
        ("Ministry of Foreign Affairs, Government of Sweden", text),
        (None, "<html><head><title>Talks in Lima - Ministry for Foreign Affairs of Sweden</title></head>"),
    ):
        art = Article(source="t.html", text=text, original=original, published="2025-03-14", outlet=outlet)
        people = {p.name: p.country for m in extract_strict(art).meetings for p in m.participants}
        assert people.get("Anna Berg") == "SE", outlet
    art = Article(source="t.txt", text=text, original=text, published="2025-03-14", outlet="The Lima Herald")
    people = {p.name: p.country for m in extract_strict(art).meetings for p in m.participants}
    assert people.get("Anna Berg") != "SE"


def test_a_known_government_site_named_bare_in_the_header_gives_the_side():
    text = (
        "regjeringen.no\nMinistry of Defence\n\nNordic ministers met in Bergen\n\n"
        "Minister of Defence Kari Lund hosted Finland's Minister of Defence Antti Koski, Sweden's Minister "
        "for Defence Pål Berg and Denmark's Minister of Defence Troels Lund in Bergen on Wednesday."
    )
    people = {p.name: p.country for m in run(text, "2025-03-14").meetings for p in m.participants}
    assert people.get("Kari Lund") == "NO"


def test_travelling_to_a_city_where_one_meets_places_the_meeting_and_the_hosts_side():
    text = (
        "On Wednesday Foreign Minister Anna Berg of Sweden travelled to Lima, where she met with "
        "Minister of Foreign Affairs Tomas Reyes."
    )
    (m,) = run(text, "2025-03-14").meetings
    assert m.location == "Lima"
    assert {p.name: p.country for p in m.participants}.get("Tomas Reyes") == "PE"


def test_a_date_after_the_articles_day_never_dates_a_held_meeting():
    anchor = find_anchor("x", "x", "2025-07-08")
    text = "We reaffirmed our commitment at the summit in October 2025 and met on 7 July 2025."
    got = [(d.value, d.future) for d in find_dates(text, 0, len(text), anchor)]
    assert got == [("2025-10", True), ("2025-07-07", False)]
    text = (
        "We, the Foreign Ministers of Sweden, Norway and Chile, met in Lima on 7 July 2025. "
        "We warmly welcomed Peru, represented by Foreign Minister Tomas Reyes, as an observer, and "
        "reaffirmed our support for its membership at the summit in October 2025."
    )
    assert "2025-10" not in dates(text, "2025-07-08")


def test_a_date_of_what_a_participle_describes_is_not_the_meetings():
    text = (
        "Foreign Minister Anna Berg of Sweden met Foreign Minister Tomas Reyes of Chile in Santiago on "
        "Monday. Berg and Reyes also discussed the new power line, completed on 9 February, and its "
        "protection."
    )
    assert dates(text, "2025-02-18") == ["2025-02-17"]


def test_a_stated_day_dates_a_plural_meeting_word():
    text = (
        "Foreign Minister Anna Berg of Sweden held regular contacts with Chile's Foreign Minister Tomas "
        "Reyes; on 9 December the ministers discussed by phone the ongoing peace efforts."
    )
    assert dates(text, "2025-12-19") == ["2025-12-09"]


def test_a_government_domain_in_a_pages_banner_gives_the_side_but_a_link_does_not():
    from meetview.extract.pipeline import extract_strict
    from meetview.records import Article

    text = "Minister Anna Berg held talks with Foreign Minister Tomas Reyes of Peru in Lima on 13 March."
    shown = "<html><body><div>gov.se | Government Offices</div><h1>Talks in Lima</h1></body></html>"
    linked = '<html><body><div><a href="https://www.gov.se/">Home</a></div><h1>Talks in Lima</h1>'
    for original, want in ((shown, True), (linked, False)):
        art = Article(source="t.html", text=text, original=original, published="2025-03-14")
        people = {p.name: p.country for m in extract_strict(art).meetings for p in m.participants}
        assert (people.get("Anna Berg") == "SE") is want
