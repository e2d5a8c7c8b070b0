"""Dates: anchors, weekday resolution, future clauses, month-only, year inference."""

from __future__ import annotations

from datetime import date

import pytest

from meetview.extract.dates import Anchor, find_anchor, find_dates, infer_year, resolve_weekday, sole_year
from meetview.extract.text import mask

from .conftest import run

WED = date(2025, 6, 4)  # a Wednesday


def values(text: str, anchor: Anchor) -> list[str | None]:
    return [d.value for d in find_dates(text, 0, len(text), anchor)]


def test_weekday_is_the_most_recent_on_or_before_the_anchor():
    assert resolve_weekday(2, WED, future=False) == WED  # "on Wednesday" said on a Wednesday
    assert resolve_weekday(1, WED, future=False) == date(2025, 6, 3)
    assert resolve_weekday(4, WED, future=False) == date(2025, 5, 30)


def test_weekday_in_a_future_clause_looks_ahead():
    assert resolve_weekday(3, WED, future=True) == date(2025, 6, 5)
    anchor = Anchor(day=WED)
    text = "The minister is scheduled to attend the summit on Thursday."
    assert values(text, anchor) == ["2025-06-05"]


def test_last_weekday_said_on_that_weekday_is_a_week_back():
    assert resolve_weekday(2, WED, future=False, qualifier="last") == date(2025, 5, 28)


def test_month_day_takes_the_anchor_year_or_the_year_before():
    anchor = Anchor(day=date(2024, 2, 10))
    assert values("They met on December 28 in Oslo.", anchor) == ["2023-12-28"]
    assert values("They met on February 9 in Oslo.", anchor) == ["2024-02-09"]
    assert values("They met on 6 January, 2021.", anchor) == ["2021-01-06"]


def test_ranges_and_ordinals_resolve_to_the_first_day():
    anchor = Anchor(day=date(2023, 9, 20))
    assert values("The envoys met on September 16-17 in Vienna.", anchor) == ["2023-09-16"]
    assert values("The teams met in Doha on March 11th.", anchor) == ["2023-03-11"]


def test_month_only_stays_month_only():
    anchor = Anchor(day=date(2023, 9, 20))
    assert values("The ministers met in May in Vienna.", anchor) == ["2023-05"]
    assert values("The ministers met in May 2019.", anchor) == ["2019-05"]


def test_relative_days():
    anchor = Anchor(day=WED)
    assert values("The two leaders spoke today.", anchor) == ["2025-06-04"]
    assert values("The two leaders spoke yesterday.", anchor) == ["2025-06-03"]
    assert values("The two leaders spoke this morning.", anchor) == ["2025-06-04"]


def test_no_anchor_no_day():
    assert values("They met on Friday.", Anchor()) == [None]


def test_year_inference_from_the_upcoming_year():
    text = "The partners set priorities for 2031. The plan covers the upcoming year."
    assert infer_year(text) == 2030
    anchor = Anchor(year_hint=infer_year(text))
    assert values("They met on March 3.", anchor) == ["2030-03-03"]


def test_a_sole_repeated_year_dates_an_undated_article():
    assert sole_year("The summit of 2011 ... by the end of 2011.") == 2011
    assert sole_year("The talks of 2011 recalled the crisis of 1998 and 2011.") is None
    assert sole_year("Only once: 2011.") is None


def test_dateline_with_month_day_anchors_relative_dates():
    raw = (
        "date 2031-04-09 Tuesday, 02 January 2024 12:17 GMT\nOSLO, April 9 (Agency) -- The minister spoke.\n"
    )
    a = find_anchor(raw, mask(raw), None)
    assert a.published == "2031-04-09"  # the header date that agrees with the dateline
    assert a.dateline_city == "Oslo"
    assert a.day == date(2031, 4, 9)


def test_byline_gives_the_publication_date():
    raw = "Headline of the day\n\nDaily Courier - 07 March 2030 09:15\n\nThe minister met his counterpart.\n"
    a = find_anchor(raw, mask(raw), None)
    assert a.published == "2030-03-07"


def test_front_matter_and_published_lines():
    raw = "---\ntitle: x\ndate: '2029-10-02'\n---\nBody.\n"
    assert find_anchor(raw, mask(raw), None).published == "2029-10-02"
    raw = "Title line\nPublished: 2028-01-15T10:00:00Z\n\nBody text here.\n"
    assert find_anchor(raw, mask(raw), None).published == "2028-01-15"


def test_structured_publication_date_wins():
    raw = "Daily Courier - 07 March 2030 09:15\nBody.\n"
    assert find_anchor(raw, mask(raw), "2030-03-08").published == "2030-03-08"


def test_meeting_date_resolved_against_publication_date():
    text = (
        "Prime Minister of Estonia Kaja Tammsaar met with President of Finland Aino Korhonen on Monday "
        "in Helsinki. The leaders discussed energy security."
    )
    ex = run(text, published="2030-05-08")  # a Wednesday
    assert [m.date for m in ex.meetings] == ["2030-05-06"]


def test_meeting_without_date_words_takes_the_publication_day_and_none_without_it():
    text = "Prime Minister of Estonia Kaja Tammsaar met with President of Finland Aino Korhonen in Helsinki."
    assert run(text, published="2030-05-08").meetings[0].date == "2030-05-08"
    assert run(text).meetings[0].date is None


# ---- meetings told weeks before the article, deadlines, carried dates, week spans, year context


def _only(text: str, published: str | None) -> list[str | None]:
    return [m.date for m in run(text, published=published).meetings]


def test_a_reported_meeting_weeks_before_publication_is_kept():
    pub = "2031-05-20"
    assert _only(
        "Foreign Minister of Chile Ana Rojas met Foreign Minister of Peru Luis Vargas in Lima on April 2.",
        pub,
    ) == ["2031-04-02"]
    assert _only(
        "On March 9, Ghana's President Kofi Mensah hosted Togo's President Faure Amedzro in Accra.", pub
    ) == ["2031-03-09"]
    assert _only(
        "Last month, Prime Minister of Norway Ola Berg held talks with Chancellor of Austria Karl Huber.", pub
    ) == ["2031-04"]
    assert _only(
        "Prime Minister of Norway Ola Berg met Chancellor of Austria Karl Huber in Vienna in March.", pub
    ) == ["2031-03"]


def test_a_meeting_named_in_passing_with_an_old_date_is_not_a_record():
    pub = "2031-05-20"
    text = (
        "Prime Minister of Norway Ola Berg met Chancellor of Austria Karl Huber in Oslo today. "
        "The talks follow an agreement reached at the summit in Vienna on 2 February 2029."
    )
    assert _only(text, pub) == ["2031-05-20"]
    passing = "The two leaders last met in March on the sidelines of a summit in Quito."
    assert _only(passing, pub) == []


def test_a_deadline_does_not_date_or_cancel_the_meeting():
    pub = "2031-05-20"
    text = (
        'Foreign Minister of Chile Ana Rojas and her Peruvian counterpart Luis Vargas signed a "border '
        'accord" at the foreign ministry in the presence of Brazilian Foreign Minister Mauro Lins, '
        "committing their governments to finish demarcation by early June."
    )
    assert _only(text, pub) == ["2031-05-20"]
    until = "President of Kenya Amani Otieno, who will stay until Sunday, met President of Ghana Kofi Mensah."
    assert _only(until, pub) == ["2031-05-20"]


def test_the_date_of_the_sentence_before_carries_over_when_it_speaks_of_the_same_parties():
    pub = "2031-05-18"  # a Sunday
    text = (
        "The foreign ministers of Chile and Peru put their names to a short accord in Lima on Friday.\n\n"
        "Foreign Minister of Chile Ana Rojas and her Peruvian counterpart Luis Vargas signed the accord at "
        "the foreign ministry in the presence of Brazilian Foreign Minister Mauro Lins."
    )
    assert _only(text, pub) == ["2031-05-16"]
    unrelated = (
        "Floods hit the north of Japan on Friday.\n\n"
        "Foreign Minister of Chile Ana Rojas met Foreign Minister of Peru Luis Vargas in Lima."
    )
    assert _only(unrelated, pub) == ["2031-05-18"]


def test_week_spans_give_the_month_when_they_fall_in_one():
    anchor = Anchor(day=date(2031, 5, 17))  # a Saturday
    assert values("Earlier this week, the ministers spoke by phone.", anchor) == ["2031-05"]
    assert values("They met last week.", anchor) == ["2031-05"]
    assert values("They met last week.", Anchor(day=date(2031, 5, 6))) == [None]  # 28 April to 4 May


def test_an_undated_article_takes_the_year_its_text_implies():
    text = (
        "President of Kenya Amani Otieno held talks in Nairobi on Tuesday with President of Ghana "
        "Kofi Mensah. "
        "The two sides agreed on cooperation priorities for the upcoming year, 2034."
    )
    assert _only(text, None) == ["2033"]


def test_a_plural_meeting_noun_does_not_date_the_meeting():
    text = (
        "Prime Minister of Norway Ola Berg met with Chancellor of Austria Karl Huber. "
        "Berg briefed Huber on his meetings this week in Madrid."
    )
    assert _only(text, "2031-05-30") == ["2031-05-30"]
    opening = (
        "On the margins of the outreach sessions on Tuesday, Prime Minister of Norway Ola Berg met "
        "Chancellor of Austria Karl Huber."
    )
    assert _only(opening, "2031-05-30") == ["2031-05-27"]


def _pub(text: str) -> str | None:
    return run(text).published


def test_numeric_byline_dates_are_read_day_first_or_month_first_as_the_weekdays_say():
    body = "\n\nPrime Minister of Norway Ola Berg met Chancellor of Austria Karl Huber in Vienna on {wd}."
    # 03/07/2031: 3 July is a Thursday, 7 March a Friday
    assert _pub("Berg visits Vienna\n\nKari Lund\n03/07/2031" + body.format(wd="Friday")) == "2031-03-07"
    assert (
        _pub("Berg visits Vienna\n\nIssued on: 03/07/2031 - 11:20" + body.format(wd="Thursday"))
        == "2031-07-03"
    )
    # no weekday: day first; one reading impossible: the other
    assert _pub("Berg visits Vienna\n\n03/07/2031\n\nBerg met Huber in Vienna.") == "2031-07-03"
    assert _pub("Berg visits Vienna\n\n07/14/2031\n\nBerg met Huber in Vienna.") == "2031-07-14"


def test_a_lead_dateline_with_a_second_calendar_dates_the_article():
    text = (
        "Nairobi, Dhu al-Qadah 5, 1452, March 26, 2031, KNA -- President of Kenya Amani Otieno received "
        "a phone call today from President of Ghana Kofi Mensah."
    )
    ex = run(text)
    assert ex.published == "2031-03-26"
    assert [m.date for m in ex.meetings] == ["2031-03-26"]
    assert (
        _pub("Doha, 12 Shawwal 1452 AH, 2 May 2031 (QNA) - The Emir received a call today.") == "2031-05-02"
    )


def test_no_date_carries_over_from_a_sentence_telling_another_meeting():
    text = (
        "The visit follows the telephone conversation between President of Chile Ana Soto and President "
        "of Peru Luis Vargas on 31 March.\n\n"
        "Foreign Minister of Chile Ana Rojas was received by President Vargas at the palace."
    )
    assert _only(text, "2031-04-06") == ["2031-04-06"]


def test_byline_with_hyphenated_month_name():
    for line, want in (
        ("Updated 04:12, 21-Nov-2030", "2030-11-21"),
        ("Posted 3-Feb-2029 10:00 GMT", "2029-02-03"),
        ("Last modified: 09-Sept.-2031", "2031-09-09"),
    ):
        raw = f"Headline of the day\n\n{line}\n\nThe minister met his counterpart on Monday.\n"
        assert find_anchor(raw, mask(raw), None).published == want, line


def test_a_sequel_with_no_date_of_its_own_takes_the_date_of_the_meeting_it_follows():
    for opening, pub, want in (
        (
            "In December 2031, Foreign Minister of Chile Ana Soto held a video conference with",
            None,
            "2031-12",
        ),
        ("On Monday, Foreign Minister of Chile Ana Soto held talks with", "2031-12-11", "2031-12-08"),
    ):
        for sequel in (
            "Following the video conference, Soto held a phone conversation with Foreign Minister of Peru "
            "Luis Vega.",
            "After the meeting, Soto spoke by phone with Foreign Minister of Peru Luis Vega.",
            "Following their talks, Soto also received Foreign Minister of Peru Luis Vega.",
        ):
            text = f"{opening} Foreign Minister of Japan Ken Sato. {sequel}"
            ex = run(text, published=pub)
            by = {p.name: m.date for m in ex.meetings for p in m.participants}
            assert by["Luis Vega"] == want, (text, by)


def test_a_meeting_told_with_also_right_after_another_shares_its_day():
    for pub, lead, want in (
        (
            None,
            "Foreign Minister of Chile Ana Soto paid a day-long visit to Lima on 19 April 2031.",
            "2031-04-19",
        ),
        ("2031-04-23", "Foreign Minister of Chile Ana Soto arrived in Lima on Monday.", "2031-04-21"),
    ):
        text = (
            f"{lead} During the visit, Soto called on the President of Peru, Luis Vega. "
            "Soto also held delegation-level talks with the Foreign Minister of Peru, Rosa Diaz."
        )
        by = {p.name: m.date for m in run(text, published=pub).meetings for p in m.participants}
        assert by.get("Luis Vega") == want and by.get("Rosa Diaz") == want, (pub, by)


def test_a_participle_after_the_meetings_date_does_not_make_the_date_a_name():
    for tail in (
        ", becoming the first minister of Peru to visit the Chilean capital in years.",
        ", marking the first visit by a Peruvian minister in a decade.",
    ):
        text = (
            "Foreign Minister of Peru Luis Vega met Ana Soto, the leader of Chile's new government, "
            f"in Santiago on Dec. 22{tail}"
        )
        (m,) = run(text, published="2031-12-24").meetings
        assert m.date == "2031-12-22", tail
    # a date that names a thing is still not the meeting's: "the 10 July statement"
    (m,) = run(
        "Foreign Minister of Peru Luis Vega met Foreign Minister of Chile Ana Soto to discuss the "
        "10 July statement.",
        published="2031-07-24",
    ).meetings
    assert m.date == "2031-07-24"


def test_the_month_tables_agree_with_the_date_parser_wherever_it_answers():
    """Months come from the tables first (the parser only for a name they lack): the same answer."""
    from meetview.extract.dates import _FOREIGN_MONTHS, _MONTHS, _month_number, _month_of

    checked = 0
    for name in [*_MONTHS, *_FOREIGN_MONTHS]:
        for variant in {name, name.title(), name.upper(), f"{name}.", f"{name.title()}."}:
            parsed = _month_number(variant)
            if parsed is not None:
                assert _month_of(variant) == parsed, variant
                checked += 1
    assert checked >= 100  # every English name and abbreviation, and some foreign ones


def test_extraction_does_not_load_the_date_parser_for_written_months():
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from meetview.extract import extract\n"
        "from meetview.records import Article\n"
        "text = 'Foreign Minister Anna Berg met Kenyan counterpart Musalia Mudavadi in Oslo'\n"
        "text += ' on 3 Sept. 2024.'\n"
        "m = extract(Article(source='a.txt', text=text, original=text)).meetings\n"
        "assert m and m[0].date == '2024-09-03', m\n"
        "print('dateparser' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize(
    "said, published, expected",
    [
        ("on 12.03.2024", "2024-03-20", "2024-03-12"),  # day first, with dots
        ("on 12/03/2024", "2024-03-20", "2024-03-12"),  # 3 December is after the article: 12 March
        ("on 03/25/2024", "2024-03-28", "2024-03-25"),  # month first: only one reading is a day
        ("on the 12th", "2024-03-20", "2024-03-12"),  # the article's month
        ("on the 25th", "2024-03-20", "2024-02-25"),  # still to come this month: the month before
    ],
)
def test_numeric_dates_and_a_bare_day_of_the_month(said, published, expected):
    (m,) = run(
        f"Foreign Minister Anna Berg met Kenyan Foreign Minister Musalia Mudavadi {said}.", published
    ).meetings
    assert m.date == expected


def test_an_ambiguous_numeric_date_and_an_ordinal_that_is_no_day_are_not_read_as_days():
    text = "Foreign Minister Anna Berg met Kenyan Foreign Minister Musalia Mudavadi {}."
    (m,) = run(text.format("on 05/03/2024"), "2024-06-20").meetings  # 5 March or 3 May: unknown
    assert m.date == "2024-06-20"
    (m,) = run(text.format("on the 30th anniversary of ties"), "2024-03-20").meetings
    assert m.date == "2024-03-20"
