"""Meetings: triggers, one record per event, several bilaterals, no meeting in statements, modality."""

from __future__ import annotations

import pytest

from .conftest import run


def test_same_meeting_told_twice_is_one_record():
    text = (
        "In a meeting on March 4, Defence Minister of Lithuania Rasa Kairyte discussed air defence with "
        "Minister of Defence of Estonia Hanno Tamm. Kairyte stressed the need for more interceptors.\n\n"
        "Overview\n\n"
        "In the meeting on March 4, Rasa Kairyte and Hanno Tamm also discussed ammunition production."
    )
    ex = run(text, published="2031-03-06")
    assert len(ex.meetings) == 1
    m = ex.meetings[0]
    assert m.date == "2031-03-04"
    assert {p.name for p in m.participants} == {"Rasa Kairyte", "Hanno Tamm"}


def test_a_trip_with_several_bilaterals_gives_several_records():
    text = (
        "On the sidelines of the summit in Madrid, President of Moldova Irina Ciobanu held a series of "
        "meetings. In particular, the President met with Prime Minister of Spain Javier Ortega. "
        "They discussed "
        "energy. The President also met with Chancellor of Austria Karl Huber and informed him about the "
        "security situation. During a meeting with President of the European Commission Greta Holm, the "
        "President discussed EU accession. In the evening, Irina Ciobanu had a phone conversation with "
        "President of Finland Pekka Laine."
    )
    ex = run(text, published="2031-07-10")
    counterparts = [sorted(p.name for p in m.participants) for m in ex.meetings]
    for name in ("Javier Ortega", "Karl Huber", "Greta Holm", "Pekka Laine"):
        assert sum(name in c for c in counterparts) == 1, counterparts
    phone = next(m for m in ex.meetings if any(p.name == "Pekka Laine" for p in m.participants))
    assert phone.format == "phone"
    eu = next(m for m in ex.meetings if any(p.name == "Greta Holm" for p in m.participants))
    assert "EU" in eu.organizations


def test_statement_or_speech_without_counterpart_is_no_meeting():
    text = (
        "Joint statement. We are committed to supporting the reconstruction of our region. "
        "President of Chile Ana Soto said the country will increase its budget for energy."
    )
    assert run(text, published="2030-01-01").meetings == []
    speech = (
        "Greetings, friends! I ask you to help our people. Thank you. - address by the President of Chile"
    )
    assert run(speech, published="2030-01-01").meetings == []


def test_planned_meetings_are_not_reported_as_held():
    text = (
        "Foreign Minister of Japan Haruto Mori will meet Foreign Minister of Korea Min-jun Park next week in "
        "Seoul. The ministers are scheduled to hold talks on Thursday."
    )
    assert run(text, published="2030-01-01").meetings == []


def test_passing_mention_of_an_old_meeting_is_not_reported():
    text = (
        "President of Kenya Amani Otieno met with Prime Minister of Japan Kenji Sato today in Nairobi. "
        "The meeting follows their telephone call on April 2, 2029."
    )
    ex = run(text, published="2030-06-10")
    assert len(ex.meetings) == 1 and ex.meetings[0].date == "2030-06-10"


def test_interview_with_media_is_no_meeting():
    text = "Prime Minister of Italy Sara Fabbri told reporters in Rome that the budget would grow."
    assert run(text, published="2030-01-01").meetings == []


def test_wire_report_with_weekday_and_dateline():
    text = (
        "WARSAW, Poland (Agency) — German Chancellor Jonas Weber on Tuesday held talks with Polish Prime "
        "Minister Anna Lis about energy and migration.\n"
        "Weber said the two governments would cooperate on border security."
    )
    ex = run(text, published="2031-01-16")  # a Thursday
    m = ex.meetings[0]
    assert m.date == "2031-01-14"
    assert set(m.countries) == {"DE", "PL"}
    assert m.location == "Warsaw"
    assert {"energy", "migration"} <= set(m.topics)


def test_headline_teasers_are_not_meetings():
    text = (
        "Minister of Energy of Chile Diego Pardo said on Monday that gas prices will fall next year.\n"
        "Related\n"
        "President of Peru Rosa Quispe meets Prime Minister of Spain Javier Ortega in Lima\n"
        "Chancellor of Austria Karl Huber holds talks with President of Finland Pekka Laine\n"
    )
    assert run(text, published="2030-01-01").meetings == []


def test_bulleted_attendees_after_a_colon_take_part():
    text = (
        "President of Poland Jan Kowal met today with the leaders of the Baltic states in Warsaw.\n\n"
        "Joining President Kowal at the meeting were the following leaders:\n\n"
        "-   Estonian President Mart Tamm\n"
        "-   Latvian Prime Minister Ilze Ozola\n"
        "-   Lithuanian President Jonas Petraitis\n"
    )
    (m,) = run(text, published="2030-01-01").meetings
    assert {p.name for p in m.participants} == {"Jan Kowal", "Mart Tamm", "Ilze Ozola", "Jonas Petraitis"}
    assert set(m.countries) == {"PL", "EE", "LV", "LT"}


def test_delegations_without_names_make_a_meeting():
    m = run("Serbia and Kosovo held talks in Brussels on Friday.", published="2031-05-18").meetings
    assert [(x.date, set(x.countries), x.location) for x in m] == [("2031-05-16", {"RS", "XK"}, "Brussels")]


def test_opening_phrase_then_several_bilaterals():
    text = (
        "On the sidelines of the summit, Prime Minister of Norway Ola Berg held talks with President of "
        "Ghana Kofi Mensah and later met Prime Minister of Japan Kenji Sato."
    )
    ms = run(text, published="2031-05-18").meetings
    assert sorted(sorted(p.name for p in m.participants) for m in ms) == [
        ["Kenji Sato", "Ola Berg"],
        ["Kofi Mensah", "Ola Berg"],
    ]


def test_a_photo_caption_is_not_the_report_of_the_meeting():
    text = (
        "Item 1 of 3 President of Kenya Amani Otieno and President of Ghana Kofi Mensah shake hands before "
        "their meeting in Nairobi, Kenya. REUTERS/Jane Doe\n\n"
        "NAIROBI, May 6 (Reuters) - Kenya and Ghana agreed on Tuesday to open a joint trade office, "
        "President of Kenya Amani Otieno said after talks with his Ghanaian counterpart Kofi Mensah "
        "in Nairobi."
    )
    ex = run(text, published="2031-05-06")
    assert len(ex.meetings) == 1
    m = ex.meetings[0]
    assert m.evidence.startswith("NAIROBI") and m.date == "2031-05-06"
    assert {p.name for p in m.participants} == {"Amani Otieno", "Kofi Mensah"}
    credit = (
        "Chancellor of Austria Karl Huber and Prime Minister of Norway Ola Berg met in Oslo. © Kari Lund, AFP"
    )
    assert run(credit, published="2031-05-06").meetings == []


def test_future_words_that_modify_another_phrase_leave_the_meeting_held():
    for text in (
        "Ahead of the NATO summit, Prime Minister of Norway Ola Berg met Chancellor of Austria Karl Huber.",
        "Prime Minister of Norway Ola Berg said after talks with Chancellor of Austria Karl Huber that work "
        "on a planned pipeline would speed up.",
        "In time for the upcoming harvest, Foreign Minister of Chile Ana Rojas held talks with Foreign "
        "Minister of Peru Luis Vargas.",
    ):
        assert len(run(text, published="2031-05-06").meetings) == 1, text
    for text in (
        "The planned meeting between Prime Minister of Norway Ola Berg and Chancellor of Austria Karl Huber "
        "drew protests.",
        "Prime Minister of Norway Ola Berg is planning to meet Chancellor of Austria Karl Huber.",
        "Ahead of his talks with Chancellor of Austria Karl Huber, Prime Minister of Norway Ola Berg said "
        "he hoped for progress.",
    ):
        assert run(text, published="2031-05-06").meetings == [], text


def test_an_invitation_to_visit_is_no_meeting():
    text = "Prime Minister of Norway Ola Berg invited Chancellor of Austria Karl Huber to visit Oslo in June."
    assert run(text, published="2031-03-06").meetings == []


def test_a_meeting_recalled_in_a_relative_clause_or_in_the_topic_gets_no_record_of_its_own():
    text = (
        "Prime Minister of Norway Ola Berg met Chancellor of Austria Karl Huber in Oslo today. Berg welcomed "
        "the signing of the energy accord, which he discussed with Prime Minister of Spain Javier Ortega in "
        "Madrid in September 2029. Berg also met with President of Chile Ana Soto to congratulate her on "
        "her election in November."
    )
    ex = run(text, published="2031-03-06")
    assert sorted(m.date for m in ex.meetings) == ["2031-03-06", "2031-03-06"]
    assert not any("Javier Ortega" in {p.name for p in m.participants} for m in ex.meetings)


def _people(m) -> set[str]:
    return {p.name for p in m.participants}


def test_welcomed_to_a_place_with_an_appositive_guest():
    for text, host, guest, place in (
        (
            "UN High Commissioner Maria Lopez welcomed the President of Chile, Ana Soto, to Geneva.",
            "Maria Lopez",
            "Ana Soto",
            "Geneva",
        ),
        (
            "Prime Minister of Norway Ola Berg welcomed the Chancellor of Austria, Karl Huber, to Oslo.",
            "Ola Berg",
            "Karl Huber",
            "Oslo",
        ),
    ):
        (m,) = run(text, published="2031-05-06").meetings
        assert _people(m) == {host, guest}
        assert m.location == place and m.format == "in-person"


def test_calling_on_someone_is_a_visit_but_calling_on_them_to_act_is_not():
    text = (
        "Minister of State Ravi Kumar called on President of Ghana Kofi Mensah and conveyed greetings "
        "from Prime Minister Ola Berg."
    )
    (m,) = run(text, published="2031-05-06").meetings
    assert _people(m) == {"Ravi Kumar", "Kofi Mensah"} and m.format == "in-person"
    appeal = "Foreign Minister of Chile Ana Rojas called on President of Peru Luis Vargas to free the crew."
    assert run(appeal, published="2031-05-06").meetings == []


def test_a_role_acronym_stands_for_the_person_whose_role_it_abbreviates():
    text = (
        "External Affairs Minister Dr. Ravi Kumar is on an official visit to Ghana.\n\n"
        "Earlier today, EAM called on H.E. Dr. Kofi Mensah, President of the Republic of Ghana, and conveyed "
        "greetings."
    )
    (m,) = run(text, published="2031-05-06").meetings
    assert _people(m) == {"Ravi Kumar", "Kofi Mensah"}


def test_received_by_in_the_passive():
    text = (
        "Ana Rojas, Minister for Foreign Affairs of Chile, travelled to Lima today. "
        "The Minister was received by President Vargas at the palace."
    )
    (m,) = run(text, published="2031-05-06").meetings
    assert _people(m) == {"Ana Rojas", "Vargas"}
    text = "Foreign Minister of Chile Ana Rojas was received by President of Peru Luis Vargas."
    (m,) = run(text, published="2031-05-06").meetings
    assert {(p.name, p.country) for p in m.participants} == {("Ana Rojas", "CL"), ("Luis Vargas", "PE")}


def test_a_video_conference_hosted_by_someone_and_its_participants():
    text = (
        "President of the Republic of Chile Ana Soto took part on Monday in a video conference of leaders "
        "hosted by Prime Minister of Spain Javier Ortega on the drought. Participants in the video "
        "conference included President of Peru Luis Vargas and President of the European Commission Greta "
        "Holm, as well as leaders of some 20 countries, among them Canada, Australia and New Zealand."
    )
    (m,) = run(text, published="2031-05-06").meetings
    assert m.format == "video" and m.date == "2031-05-05"
    assert _people(m) == {"Ana Soto", "Javier Ortega", "Luis Vargas", "Greta Holm"}
    assert {"CL", "ES", "PE", "CA", "AU", "NZ"} <= set(m.countries)


def test_attendance_sentences_add_people_to_the_meeting_just_told():
    text = (
        "President of Ghana Kofi Mensah met with President of Togo Faure Amedzro in Accra. Foreign Minister "
        "Ama Boateng and Finance Minister Kwame Asante were also present. Togo's Foreign Minister Robert "
        "Dussey also took part in the talks. The talks were also attended by the Executive Secretary of "
        "the regional bloc, Dr. Omar Touray. Ghana's Defence Minister Yaw Mensah and Togo's Interior "
        "Minister Hodabalo Awate accompanied the two presidents."
    )
    (m,) = run(text, published="2031-05-06").meetings
    assert _people(m) == {
        "Kofi Mensah",
        "Faure Amedzro",
        "Ama Boateng",
        "Kwame Asante",
        "Robert Dussey",
        "Omar Touray",
        "Yaw Mensah",
        "Hodabalo Awate",
    }
    joined = (
        "We, the foreign ministers of Chile and Peru, met on 8 July 2031 in Lima. We were joined by the "
        "Secretary-General of the regional bloc, Dr. Ana Ortiz. Among those present were Ambassador Luis "
        "Soto and Senator Maria Paz."
    )
    (m,) = run(joined, published="2031-07-08").meetings
    assert {"Ana Ortiz", "Luis Soto", "Maria Paz"} <= _people(m)


def test_appositive_subjects_of_organisations_and_a_bilateral_on_the_margins():
    text = (
        "Today in Accra, the President of the African Union Commission, Maria Lopez, and the President of "
        "the European Council, Jan Novak, met the heads of state of Benin, the Republic of Niger and Burkina "
        "Faso for the first regional summit. The summit was hosted by the President of Ghana, "
        "Kofi Mensah.\n\n"
        "Earlier in the day, on the margins of the summit, President Novak held a bilateral meeting with the "
        "President of Benin, Paul Houngbo."
    )
    ex = run(text, published="2031-05-07")
    assert len(ex.meetings) == 2
    summit = next(m for m in ex.meetings if "Kofi Mensah" in _people(m))
    assert _people(summit) == {"Maria Lopez", "Jan Novak", "Kofi Mensah"}
    assert {"BJ", "NE", "BF", "GH"} <= set(summit.countries) and {"AU", "EU"} <= set(summit.organizations)
    bilateral = next(m for m in ex.meetings if m is not summit)
    assert _people(bilateral) == {"Jan Novak", "Paul Houngbo"}


def test_a_communique_names_who_briefed_the_ministers():
    text = (
        "We, the Foreign Ministers of Chile and Peru, met on 8 July 2031 in Lima. We were briefed by the "
        "Special Envoy of the Chair, Ambassador Luis Soto, on his engagements."
    )
    (m,) = run(text, published="2031-07-08").meetings
    assert "Luis Soto" in _people(m)


def test_who_addresses_an_open_format_session_took_part():
    text = (
        "Defence Minister of Chile Ana Rojas attended a meeting of the Ukraine Defense Contact Group in "
        "Brussels. Ukraine's Minister of Defence, Ivan Petrenko, briefed the group on the battlefield. "
        "Russia's Foreign Minister, Oleg Sidorov, said the meeting was a provocation."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert _people(m) == {"Ana Rojas", "Ivan Petrenko"}


def test_a_summit_named_in_the_topic_is_neither_a_meeting_nor_a_party():
    text = (
        "President of France Jean Dupont and his Chilean counterpart Ana Soto held talks in Paris on "
        "Thursday, pledging to make this year's UN climate summit a success."
    )
    (m,) = run(text, published="2031-06-05").meetings
    assert m.organizations == [] and set(m.countries) == {"FR", "CL"}
    group = "President of Chile Ana Soto met today with the Andean Community (CAN) group of partners."
    (m,) = run(group, published="2031-06-05").meetings
    assert "Andean Community" in m.organizations


def test_a_wire_lead_with_said_after_meeting_and_a_later_passive_reception():
    text = (
        "SANTIAGO, April 9 (Reuters) - Chile and Peru agreed on Wednesday to restart negotiations on a "
        "border railway, Chilean Foreign Minister Ana Rojas said after meeting her Peruvian counterpart "
        "Luis Vargas in Santiago.\n\n"
        "Vargas, who arrived on Tuesday evening, was later received by Chilean President Jorge Soto."
    )
    ex = run(text, published="2031-04-09")
    assert sorted(sorted(_people(m)) for m in ex.meetings) == [
        ["Ana Rojas", "Luis Vargas"],
        ["Jorge Soto", "Luis Vargas"],
    ]
    assert {m.date for m in ex.meetings} == {"2031-04-09"}


def test_the_two_leaders_of_the_sentences_before():
    text = (
        "Prime Minister Ravi Kumar paid an official visit to Cyprus on 15-16 June at the invitation of the "
        "President of the Republic of Cyprus, H.E. Mr. Andreas Nikolaou.\n\n"
        "2. On 16 June, the two leaders held delegation level talks at the Presidential Palace in Nicosia."
    )
    (m,) = run(text, published="2031-06-16").meetings
    assert _people(m) == {"Ravi Kumar", "Andreas Nikolaou"} and m.date == "2031-06-16"


def test_sides_named_in_one_hyphenated_word_and_who_represented_them():
    text = (
        "The first EU-Chile summit took place in Santiago on 19 May 2031. The EU was represented by the "
        "President of the European Council, Jan Novak. Chile was represented by President Ana Soto."
    )
    (m,) = run(text, published="2031-05-19").meetings
    assert _people(m) == {"Jan Novak", "Ana Soto"}
    assert "CL" in m.countries and m.organizations == ["EU"]
    talks = "Russian-Indonesian talks were held in Moscow on Monday."
    (m,) = run(talks, published="2031-05-19").meetings
    assert set(m.countries) == {"RU", "ID"}


def test_an_unnamed_organisation_post_is_not_a_country():
    text = (
        "The Secretary-General spoke today by phone with H.E. Mr. Amani Otieno, President of the Republic "
        "of Kenya. They discussed the situation in Haiti, where Kenya leads a security mission."
    )
    (m,) = run(text, published="2031-03-12").meetings
    assert m.countries == ["KE"]


def test_spoke_with_after_time_words_and_meetings_only_recalled():
    (m,) = run(
        "President Ana Soto spoke earlier today with Prime Minister Ola Berg.", published="2031-05-07"
    ).meetings
    assert _people(m) == {"Ana Soto", "Ola Berg"}
    text = (
        "National Security Advisor Ana Soto met today with Philippine National Security Advisor Jose Cruz. "
        "The meeting followed President Tom Baker's bilateral meeting with Philippine President Luis Reyes. "
        "They recalled the security environment discussed in the recent Japan-Chile, Japan-Philippines and "
        "Chile-Philippines summit meetings."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert _people(m) == {"Ana Soto", "Jose Cruz"}


def test_an_interview_about_a_summit_is_no_meeting():
    text = (
        "Chilean Foreign Minister Ana Rojas spoke to The Andes Post in her office in Santiago about the "
        "Pacific summit, defence spending and relations with Peru. The interview has been edited for length."
    )
    assert run(text, published="2031-05-07").meetings == []


def test_speaking_to_reporters_after_talks_is_not_a_phone_call_and_a_counterpart_is_the_other_side():
    text = (
        "Foreign Minister Ana Rojas spoke to reporters after talks with her Peruvian counterpart Luis Vargas "
        "in Lima."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert m.format != "phone"
    sides = {p.name: p.country for p in m.participants}
    assert sides["Luis Vargas"] == "PE" and sides["Ana Rojas"] != "PE"


def test_courtesy_calls_presence_counterpart_pairs_and_dinners():
    text = (
        "External Affairs Minister Ravi Kumar received Foreign Minister of Chile Ana Rojas in Delhi today. "
        "Earlier in the day, the Foreign Minister of Chile paid a courtesy call on Prime Minister Anil Rao."
    )
    ex = run(text, published="2031-03-20")
    got = sorted(sorted(_people(m)) for m in ex.meetings)
    assert got == [["Ana Rojas", "Anil Rao"], ["Ana Rojas", "Ravi Kumar"]]
    present = (
        "President Li Ming met Kazakh President Arman Bekov in Beijing. Zhao Lei was present at the meeting."
    )
    (m,) = run(present, published="2031-03-20").meetings
    assert "Zhao Lei" in _people(m)
    pair = (
        "Japanese and Korean defense ministers held talks by video link on Wednesday. Defense Minister Taro "
        "Sato and his South Korean counterpart Kim Min-su discussed the security situation in the region."
    )
    (m,) = run(pair, published="2031-03-20").meetings
    assert _people(m) == {"Taro Sato", "Kim Min-su"} and m.format == "video"
    dinner = (
        "Prime Minister Jan Novak hosted a dinner at the residence for the Prime Ministers of Denmark, "
        "Finland and Norway on Thursday evening."
    )
    (m,) = run(dinner, published="2031-03-20").meetings
    assert {"DK", "FI", "NO"} <= set(m.countries)


def test_an_unnamed_official_of_an_unknown_publisher_gets_no_guessed_country():
    text = (
        "The Secretary of State met today with Indonesian Foreign Minister Budi Santoso in Kuala Lumpur on "
        "the margins of the regional ministers' meeting."
    )
    (m,) = run(text, published="2031-07-10").meetings
    assert m.countries == ["ID"]


def test_calling_someone_something_and_messages_are_no_meetings():
    for text in (
        "Prime Minister of Norway Ola Berg called President of Russia Ivan Petrov a threat to Europe.",
        "Prime Minister of Norway Ola Berg thanked President of Chile Ana Soto for vaccines, in a statement.",
        "Prime Minister of Norway Ola Berg congratulated President of Chile Ana Soto in a message on Monday.",
    ):
        assert run(text, published="2031-05-07").meetings == [], text
    (m,) = run(
        "Prime Minister of Norway Ola Berg called President of Chile Ana Soto on Monday.",
        published="2031-05-07",
    ).meetings
    assert m.format == "phone"


def test_a_gathering_attended_before_the_visit_is_background_and_keeps_the_topics_with_the_talks():
    for lead in (
        "Ortega is in Chile on a state visit, following his attendance at the 19th G20 Summit in Rio.",
        "Ortega came to Santiago after attending the G20 summit in Rio.",
        "Ortega flew in on his way back from the G20 summit in Rio.",
    ):
        text = (
            "Prime Minister of Spain Javier Ortega held talks with President of Chile Ana Soto in Santiago "
            f"on Wednesday. {lead} The two leaders discussed trade and lithium mining and climate change."
        )
        ex = run(text, published="2031-03-06")
        (m,) = ex.meetings
        assert _people(m) == {"Javier Ortega", "Ana Soto"}, lead
        assert {"trade-economy", "climate-environment"} <= set(m.topics), lead


def test_the_sides_delegations_named_after_the_two_leaders_join_their_meeting():
    for follow in (
        "The two presidents held a one-on-one meeting followed by expanded talks attended by the "
        "delegations, including Foreign Minister of Chile Pedro Rojas and his Spanish counterpart "
        "Luis Marin.",
        "The two leaders then held wider talks with Chilean Foreign Minister Pedro Rojas and Spanish Foreign "
        "Minister Luis Marin.",
    ):
        text = (
            "President of Chile Ana Soto received Prime Minister of Spain Javier Ortega in Santiago on "
            "Wednesday. "
            f"{follow} They discussed trade and energy."
        )
        (m,) = run(text, published="2031-03-06").meetings
        assert _people(m) == {"Ana Soto", "Javier Ortega", "Pedro Rojas", "Luis Marin"}, follow
        assert {"trade-economy", "energy"} <= set(m.topics), follow
    text = (
        "President of Chile Ana Soto received Prime Minister of Spain Javier Ortega in Santiago on "
        "Wednesday. "
        "The two leaders later held talks with President of France Marc Dubois."
    )
    ex = run(text, published="2031-03-06")
    assert not any({"Ana Soto", "Marc Dubois"} <= _people(m) for m in ex.meetings)  # a new side


def test_negotiations_someone_reports_on_are_no_meeting_of_their_own():
    ex = run(
        "President Ana Soto of Chile spoke today with President Kenji Sato of Japan. President Sato "
        "updated President Soto on the status of Japan's negotiations with China.",
        published="2031-05-07",
    )
    (m,) = ex.meetings
    assert m.countries == ["CL", "JP"]  # China is only talked about


def test_a_weak_verb_naming_no_one_new_goes_on_telling_the_meeting():
    ex = run(
        "Vice President Ana Soto spoke today with Prime Minister Kari Lund of Norway. The Vice President "
        "thanked the Prime Minister for Norway's close security partnership with Chile.",
        published="2031-05-07",
    )
    assert len(ex.meetings) == 1
    assert {p.name for p in ex.meetings[0].participants} == {"Ana Soto", "Kari Lund"}


# A government's own readout: its site gives the publisher's side (Japan)
JP_READOUT = "https://www.mofa.go.jp/press/2031/0507.html"


def _placed(text: str) -> dict[str, str | None]:
    """Each participant's country in a Japanese government readout of `text`."""
    ex = run(text, published="2031-05-07", url=JP_READOUT)
    return {p.name: p.country for m in ex.meetings for p in m.participants}


def test_meetings_recalled_in_an_opening_phrase_are_the_ones_told_and_no_group_is_anyones_title():
    # a government's own readout (its site gives the home side), its envoy named without a country
    text = (
        "National Security Advisor Kenji Sato traveled to Norway on Tuesday and was joined in his "
        "meetings by Deputy Advisor Taro Mori and Director Yuki Ono. "
        "In Oslo, Mr. Sato met with Prime Minister Kari Lund and Foreign Minister Nils Berg. "
        "In his meetings with senior Norwegian officials, Mr. Sato reaffirmed the partnership between "
        "Japan and Norway."
    )
    ex = run(text, published="2031-05-07", url=JP_READOUT)
    people = {p.name: p for m in ex.meetings for p in m.participants}
    # "senior Norwegian officials" is a group, nobody's title: Sato stays Japan's adviser
    assert people["Kenji Sato"].role == "National Security Advisor" and people["Kenji Sato"].country == "JP"
    assert people["Kari Lund"].country == "NO" and people["Nils Berg"].country == "NO"
    # the recap ("In his meetings with senior Norwegian officials, ...") is no meeting of its own
    assert not any(m.evidence.startswith("In his meetings") for m in ex.meetings)
    # those who joined his meetings came with him
    assert people["Taro Mori"].country == "JP" and people["Yuki Ono"].country == "JP"
    # a group after a title and "and" is still a group
    text = text.replace(
        "In his meetings with senior", "During his engagements with the Prime Minister and senior"
    )
    ex = run(text, published="2031-05-07", url=JP_READOUT)
    people = {p.name: p for m in ex.meetings for p in m.participants}
    assert people["Kenji Sato"].role == "National Security Advisor" and people["Kenji Sato"].country == "JP"
    assert people["Kari Lund"].country == "NO"
    assert not any(m.evidence.startswith("During his engagements") for m in ex.meetings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Special Envoy Kenji Sato visited Kenya on Monday. He was joined by Deputy Envoy Taro Mori. "
            "In Nairobi, Mr. Sato met with Foreign Minister Amani Otieno and Defence Minister Wanjiru "
            "Kamau.",
            {"Kenji Sato": "JP", "Taro Mori": "JP", "Amani Otieno": "KE", "Wanjiru Kamau": "KE"},
            id="whom the lead meets later in the telling is a counterpart",
        ),
        pytest.param(
            "This week, Deputy Envoy Kenji Sato was in the region to discuss economic cooperation. "
            "Sato also continued our close consultations with Kenyan counterparts about the impact of "
            "Russia's war. Sato met with Foreign Secretary Amani Otieno, Finance Secretary Wanjiru Kamau "
            "and Kenya's Trade Secretary Joseph Mwangi. They discussed Russia's sanctions, Russian grain "
            "exports and Russia's energy prices.",
            {"Kenji Sato": "JP", "Amani Otieno": "KE", "Wanjiru Kamau": "KE"},  # not RU, the most named
            id="counterparts nothing places come from the side the meeting names",
        ),
        pytest.param(
            "Special Envoy Kenji Sato visited Kenya and Tanzania this week. He was joined by Deputy "
            "Assistant Secretary Taro Mori. In Nairobi, Mr. Sato met with President Amani Otieno. "
            "In Arusha, Mr. Sato met with the Executive Secretary of the regional commission.",
            {"Taro Mori": "JP", "Amani Otieno": "KE"},  # "the Executive Secretary" is not Mori
            id="a post named without a name is not someone of another rank",
        ),
    ],
)
def test_sides_in_a_government_readout(text, expected):
    people = _placed(text)
    assert {name: people.get(name) for name in expected} == expected


@pytest.mark.parametrize(
    "text, home, away",
    [
        # the host is at home, the guest is not from there
        (
            "King Charles III hosted President Anna Berg at Windsor Castle on Monday.",
            "Charles III",
            "Anna Berg",
        ),
        (
            "Prime Minister Jonas Gahr Støre received Foreign Minister Anna Berg in Oslo on Monday.",
            "Jonas Gahr Støre",
            "Anna Berg",
        ),
        (
            "Foreign Minister Anna Berg was received by Prime Minister Jonas Gahr Støre in Oslo on Monday.",
            "Jonas Gahr Støre",
            "Anna Berg",
        ),
        (
            "Foreign Minister Anna Berg visited Prime Minister Jonas Gahr Støre in Oslo on Monday.",
            "Jonas Gahr Støre",
            "Anna Berg",
        ),
    ],
)
def test_who_is_at_home_where_a_meeting_takes_place(text, home, away):
    """No one's country is written: the host of a meeting held in a country is placed there, the guest
    (who visited, or was received) is not; a venue names its country ("Windsor Castle": GB)."""
    (meeting,) = run(text, "2023-07-11").meetings
    placed = {p.name: p.country for p in meeting.participants}
    where = {"Windsor Castle": "GB", "Oslo": "NO"}[meeting.location]
    assert placed[home] == where and placed[away] != where


def test_a_duration_is_not_the_topic():
    """ "met for three hours in Bali": how long they met; the place after it is still the meeting's."""
    (m,) = run(
        "Joe Biden and Xi Jinping met for three hours on Monday in Bali, Indonesia.", "2022-11-14"
    ).meetings
    assert m.location == "Bali" and m.date == "2022-11-14"
    (m,) = run(
        "Joe Biden and Xi Jinping spoke for about 90 minutes by phone on Monday.", "2022-11-14"
    ).meetings
    assert m.format == "phone" and {p.name for p in m.participants} == {"Joe Biden", "Xi Jinping"}
    assert not run("Joe Biden spoke for the first time about the crisis.", "2022-11-14").meetings


@pytest.mark.parametrize(
    "text, expanded",
    [
        ("President Anna Berg and President Xi Jinping held talks in Bali ahead of the G20 summit.", False),
        ("President Anna Berg met President Xi Jinping on the eve of the G20 summit in Bali.", False),
        ("After the G20 summit, President Anna Berg met President Xi Jinping in Bali.", False),
        ("G20 leaders met in Bali on Tuesday.", True),
    ],
)
def test_a_meeting_dated_by_a_summit_is_not_the_summit(text, expanded):
    """A bilateral "ahead of the G20 summit" is not a meeting of the G20's members."""
    (m,) = run(text, "2022-11-14").meetings
    assert ("DE" in m.countries) is expanded  # a member neither side is from


def test_the_meeting_with_someone_told_again_later_is_the_same_meeting():
    """ "In the meeting with Prime Minister X, ..." after another meeting was told: the meeting with X."""
    text = (
        "A delegation led by Coordinator Kurt Campbell visited Honiara on April 22. The delegation met for "
        "ninety minutes with Prime Minister Manasseh Sogavare. The trip had begun in Fiji, where they met "
        "with Prime Minister Frank Bainimarama. In the meeting with Solomon Islands’ Prime Minister "
        "Sogavare, the delegation set out its priorities."
    )
    meetings = run(text, "2022-04-23").meetings
    assert len([m for m in meetings if any(p.name == "Manasseh Sogavare" for p in m.participants)]) == 1


def test_a_visited_city_is_where_the_meeting_was_and_a_visiting_leader_is_not_a_place():
    (m,) = run(
        "Foreign Minister Anna Berg visited Kyiv on Monday and met President Volodymyr Zelenskyy.",
        "2023-03-06",
    ).meetings
    assert m.location == "Kyiv"
    (m,) = run(
        "President Xi Jinping met the visiting Pakistan PM Imran Khan in Beijing on Tuesday.", "2019-10-08"
    ).meetings
    assert m.location == "Beijing"


def test_a_later_sentence_about_the_host_country_goes_on_about_the_meeting_held_there():
    """ "X met Y in Mexico City. Their meeting builds upon 200 years of relations between the United States
    and Mexico": the country the meeting was held in names one of its sides, not a new meeting."""
    text = (
        "President Joseph R. Biden, Jr. met today with President Andrés Manuel López Obrador in Mexico City "
        "to strengthen cooperation. Their meeting builds upon 200 years of bilateral relations between the "
        "United States and Mexico."
    )
    (m,) = run(text, "2023-01-09").meetings
    assert m.location == "Mexico City" and len(m.participants) == 2


def test_ministers_who_gathered_met():
    (m,) = run("Ministers from Germany, France and Italy gathered in Rome on Monday.", "2023-04-19").meetings
    assert sorted(m.countries) == ["DE", "FR", "IT"] and m.location == "Rome"
    assert not run(
        "Protesters gathered outside the embassy as President Anna Berg arrived.", "2023-04-19"
    ).meetings
    assert not run("Intelligence gathered by Norway was shared with Kenyan officials.", "2023-04-19").meetings


@pytest.mark.parametrize(
    "text, guest, country",
    [
        (
            "The Minister of Foreign Affairs of the Republic of Azerbaijan, Jeyhun Bayramov, received the "
            "delegation led by the Deputy Prime Minister of Georgia, Levan Davitashvili.",
            "Levan Davitashvili",
            "GE",
        ),
        (
            "President Anna Berg welcomed the Kenyan delegation headed by Foreign Minister Musalia Mudavadi.",
            "Musalia Mudavadi",
            "KE",
        ),
        (
            "President Anna Berg met the Kenyan delegation led by Musalia Mudavadi in Oslo.",
            "Musalia Mudavadi",
            "KE",
        ),
    ],
)
def test_receiving_a_delegation_led_by_someone_is_meeting_them(text, guest, country):
    """The delegation's head takes part, and a country written before "delegation" is the head's."""
    (m,) = run(text, "2023-05-10").meetings
    placed = {p.name: p.country for p in m.participants}
    assert placed[guest] == country and len(placed) == 2


def test_a_list_of_meeting_participants_joins_the_meeting_told():
    text = (
        "Yesterday, Domestic Policy Advisor Susan Rice hosted a meeting with youth voting groups. "
        "Meeting participants included Anna Berg and Musalia Mudavadi."
    )
    (m,) = run(text, "2021-07-07").meetings
    assert {"Susan Rice", "Anna Berg", "Musalia Mudavadi"} <= {p.name for p in m.participants}


def test_a_venue_after_the_is_where_the_meeting_was():
    text = "Secretary Austin hosted Philippine Defense Secretary Gilberto Teodoro Jr. at the Pentagon."
    (m,) = run(text, "2023-09-28").meetings
    assert m.location == "Pentagon" and sorted(m.countries) == ["PH", "US"]


def test_a_possessive_country_names_a_side_through_its_official():
    """ "Norway's foreign minister met her Kenyan counterpart": no one named, both countries took part."""
    (m,) = run("Norway's foreign minister met her Kenyan counterpart on Monday.", "2024-03-05").meetings
    assert sorted(m.countries) == ["KE", "NO"] and not m.participants


def test_a_role_that_names_no_post_is_no_title():
    text = "The ministers, Anna Berg of Norway and Musalia Mudavadi of Kenya, met in Oslo on 4 March 2024."
    (m,) = run(text, "2024-03-05").meetings
    assert {(p.name, p.role, p.country) for p in m.participants} == {
        ("Anna Berg", None, "NO"),
        ("Musalia Mudavadi", None, "KE"),
    }


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Foreign Minister Anna Berg arrived in Beijing on Monday for a two-day visit. On Tuesday, Berg "
            "met Chinese Foreign Minister Wang Yi to discuss trade.",
            "Beijing",
        ),
        (
            "Foreign Minister Anna Berg arrived in Beijing on Monday. She met Chinese Foreign Minister "
            "Wang Yi on Tuesday to discuss trade.",
            "Beijing",
        ),
        # a trip to two places: which one, the text must say
        (
            "Director Anna Berg travelled to Rwanda and the Democratic Republic of Congo on Monday. Berg "
            "met Congolese Foreign Minister Jean Mbala on Tuesday.",
            None,
        ),
        # someone else arrived
        (
            "Foreign Minister Anna Berg arrived in Beijing on Monday. On Tuesday, Trade Minister Tom Lee "
            "met Chinese Foreign Minister Wang Yi.",
            None,
        ),
        # a seat of government is no city
        (
            "Foreign Minister Anna Berg arrived at the White House on Monday. She met Secretary of State "
            "Tom Lee on Tuesday.",
            None,
        ),
    ],
)
def test_a_meeting_is_where_its_people_had_just_arrived(text, place):
    (meeting,) = run(text, "2024-04-10").meetings
    assert meeting.location == place


@pytest.mark.parametrize(
    "text",
    [
        "Coordinator Kurt Campbell began the trip in Fiji, where he met with Prime Minister Frank "
        "Bainimarama on April 20.",
        "Coordinator Kurt Campbell travelled to Fiji on April 20, where he met with Prime Minister Frank "
        "Bainimarama.",
    ],
)
def test_who_travelled_to_the_place_is_the_guest_and_whom_they_met_the_host(text):
    (m,) = run(text, "2022-04-23").meetings
    assert m.location == "Fiji"
    assert {p.name: p.country for p in m.participants} == {"Kurt Campbell": None, "Frank Bainimarama": "FJ"}


def test_someone_else_s_trip_does_not_make_the_subject_a_guest():
    """The travel rule stays silent: the countries are what they were without it."""
    (m,) = run(
        "Foreign Minister Anna Berg, whose deputy Tom Lee travelled to Nairobi last week, met with Trade "
        "Minister William Odhiambo in Nairobi on Monday.",
        "2022-04-23",
    ).meetings
    got = {p.name: p.country for p in m.participants}
    assert (got["Anna Berg"], got["William Odhiambo"]) == ("KE", None)


def test_a_meeting_later_the_same_day_is_where_the_one_before_was():
    meetings = run(
        "In Tallinn, Minister Elina Valtonen met with Estonian Foreign Minister Margus Tsahkna on 14 March. "
        "Later in the day, Valtonen met with Estonian Defence Minister Hanno Pevkur.",
        "2024-03-15",
    ).meetings
    assert [(m.date, m.location) for m in meetings] == [("2024-03-14", "Tallinn"), ("2024-03-14", "Tallinn")]
    # the next day may be elsewhere: no place is carried
    meetings = run(
        "In Tallinn, Minister Elina Valtonen met with Estonian Foreign Minister Margus Tsahkna on 14 March. "
        "The next day, Valtonen met with Latvian Foreign Minister Baiba Braze.",
        "2024-03-16",
    ).meetings
    assert [(m.date, m.location) for m in meetings] == [("2024-03-14", "Tallinn"), ("2024-03-15", None)]


def test_a_leader_met_at_a_place_is_its_host_unless_the_text_says_otherwise():
    (m,) = run(
        "Foreign Minister Anna Berg met with President William Odhiambo in Nairobi on Monday.", "2022-04-23"
    ).meetings
    assert {p.name: p.country for p in m.participants} == {"Anna Berg": None, "William Odhiambo": "KE"}
    # a host verb says who is at home, whatever the ranks
    (m,) = run(
        "National Security Adviser Ilze Berzins received President William Odhiambo in Riga on Saturday.",
        "2022-04-23",
    ).meetings
    assert {p.name: p.country for p in m.participants}["Ilze Berzins"] == "LV"
    # two leaders: the text leaves it open, no guess
    (m,) = run(
        "President Anna Berg met with President William Odhiambo in Nairobi on Monday.", "2022-04-23"
    ).meetings
    assert {p.name: p.country for p in m.participants}["William Odhiambo"] is None


@pytest.mark.parametrize("noun", ["situation", "war", "crisis", "conflict", "attack"])
def test_the_place_of_what_is_talked_about_is_no_location(noun):
    """ "discussed the situation in Syria in a phone call": Syria is the subject, not where they were."""
    text = (
        f"Foreign Minister Anna Berg of Norway and Foreign Minister Musalia Mudavadi of Kenya discussed "
        f"the {noun} in Syria in a meeting on 3 March 2031."
    )
    (m,) = run(text, published="2031-03-04").meetings
    assert m.location is None
    (m,) = run(text.replace("a meeting", "a meeting in Nairobi"), published="2031-03-04").meetings
    assert m.location == "Nairobi"


def test_chairing_or_addressing_a_council_is_its_session():
    text = (
        "EU High Representative Kari Lund chaired the Foreign Affairs Council on 24 February 2031. Foreign "
        "ministers discussed sanctions. Ukrainian Foreign Minister Ola Berg joined the meeting via "
        "videoconference."
    )
    (m,) = run(text, published="2031-02-24").meetings
    assert {p.name for p in m.participants} == {"Kari Lund", "Ola Berg"}
    assert m.organizations == ["EU"] and "UA" in m.countries
    (m,) = run(
        "President Anna Berg of Norway addressed the UN Security Council on 3 March 2031.",
        published="2031-03-04",
    ).meetings
    assert m.organizations == ["UN"] and m.countries == ["NO"]
    said = "Foreign Minister Anna Berg of Norway said on 3 March 2031 that the UN Security Council must act."
    assert run(said, published="2031-03-04").meetings == []


def test_chairs_named_after_a_long_stretch_of_the_sentence():
    text = (
        "The 27th meeting of the Ukraine Defense Contact Group took place at NATO headquarters in Brussels "
        "on 9 April 2031, co-chaired for the first time by UK Defence Secretary Kari Lund and German Defence "
        "Minister Ola Berg."
    )
    (m,) = run(text, published="2031-04-09").meetings
    assert {p.name for p in m.participants} == {"Kari Lund", "Ola Berg"}
    assert m.countries == ["DE", "GB"] and m.organizations == ["UDCG"]


def test_spoke_by_phone_with_is_one_call_with_its_counterpart():
    text = (
        "Defence Minister Kari Lund of Norway held a video conference with Defence Minister Ola Berg of "
        "Sweden on 14 March 2031. They discussed drones.\n\nEarlier this week, Kari Lund also spoke by "
        "phone with the UK Defence Secretary Lars Holm about air defence."
    )
    first, call = run(text, published="2031-03-14").meetings
    assert {p.name for p in first.participants} == {"Kari Lund", "Ola Berg"}
    assert first.date == "2031-03-14" and "air-defense" not in first.topics
    assert {p.name for p in call.participants} == {"Kari Lund", "Lars Holm"}
    assert call.format == "phone" and call.countries == ["GB", "NO"]


def test_the_two_ministers_who_travelled_together_are_the_sides_of_their_meeting():
    text = (
        "Foreign Minister Kari Lund of Norway travelled to Kyiv on 10 September 2031 together with her "
        "Polish counterpart Ola Berg. In Kyiv, the two ministers met with Ukrainian Foreign Minister Lars "
        "Holm and discussed energy."
    )
    (m,) = run(text, published="2031-09-10").meetings
    assert {p.name for p in m.participants} == {"Kari Lund", "Ola Berg", "Lars Holm"}
    assert m.countries == ["NO", "PL", "UA"] and m.location == "Kyiv"


def test_meetings_without_a_place_in_a_datelined_article_are_in_its_city():
    text = (
        "Bilaterals at the summit\n\nVilnius, 12 July 2031\n\nOn the margins of the NATO Summit in Vilnius, "
        "Prime Minister Kari Lund of Norway held a bilateral meeting with President Ola Berg of Chile. The "
        "Prime Minister also met President Lars Holm of Peru."
    )
    first, second = run(text).meetings
    assert first.location == second.location == "Vilnius"
    # a trip that names another place keeps the dateline to itself
    trip = text.replace("the NATO Summit in Vilnius", "the NATO Summit in Madrid")
    assert [m.location for m in run(trip).meetings] == ["Madrid", None]


def test_so_called_is_no_phone_call():
    text = (
        "President Kari Lund of France hosted Chancellor Ola Berg of Germany in Paris on 15 March 2031 for "
        "talks of the so-called Weimar Triangle."
    )
    (m,) = run(text, published="2031-03-15").meetings
    assert m.format == "in-person"


def test_a_meeting_recalled_from_months_before_is_not_todays():
    text = (
        "BEIJING (AP) — Foreign Minister Kari Lund of Norway held talks with Foreign Minister Ola Berg of "
        "China on Friday.\n\nLund later met President Lars Holm of China.\n\nThe visit was Lund's second "
        "to China in less than a year. She last travelled to Beijing in June 2030, when she also met Holm."
    )
    dates = sorted((m.date or "") for m in run(text, published="2031-04-26").meetings)
    assert "2030-06" in dates and dates.count("2030-06") == 1
    assert dates.count("2031-04-25") == 2  # the talks, and "later" the same day, not June's


def test_later_is_the_same_day_but_weeks_later_is_not():
    told = (
        "Foreign Minister Kari Lund of Norway met Foreign Minister Ola Berg of Chile in Oslo on 3 March 2031."
    )
    same = run(told + " Lund later met President Lars Holm of Peru.", published="2031-03-30").meetings
    assert [m.date for m in same] == ["2031-03-03", "2031-03-03"]
    weeks = run(told + " Two weeks later Lund met President Lars Holm of Peru.", published="2031-03-30")
    assert weeks.meetings[1].date != "2031-03-03"


def test_talks_placed_by_the_dateline_are_in_person():
    text = (
        "BEIJING (AP) — Foreign Minister Kari Lund of Norway held more than five hours of talks with "
        "Foreign Minister Ola Berg of China on Friday."
    )
    (m,) = run(text, published="2031-04-26").meetings
    assert m.location == "Beijing" and m.format == "in-person"


_LEAD = "On 3 March 2031, Anna Berg met Musalia Mudavadi "
_TITLED = (
    "Minister of Foreign Affairs of Ukraine Andrii Sybiha held a meeting with Deputy Prime Minister and "
    "Minister of Foreign Affairs of the Republic of Poland Radosław Sikorski in Kyiv on 17 January 2031."
)
_TOKYO = (
    "President Kari Lund of Finland paid an official visit to Japan on 3-6 March 2031. In Tokyo, President "
    "Lund was received by the Emperor. On 4 March, President Lund met with Prime Minister Ola Berg of Japan."
)
_WELCOME = (
    "On 3 March 2031, President Anna Berg of Norway welcomed Prime Minister Musalia Mudavadi of Kenya "
    "and the two looked forward to Sweden joining the initiative."
)


@pytest.mark.parametrize(
    ("text", "published", "location"),
    [
        pytest.param(_TITLED, "2031-01-17", "Kyiv", id="after a long title"),
        pytest.param(
            "Foreign Minister Anna Berg of Norway met Foreign Minister Musalia Mudavadi of Kenya on 3 March "
            "2031 and the two discussed trade and energy and the grain corridor and the elections that are "
            "due next year, which observers will follow closely from their offices in Geneva.",
            "2031-03-04",
            None,
            id="the reach is counted in words",
        ),
        pytest.param(
            _LEAD + "to discuss $500 million in U.S. Foreign Military Financing.",
            "2031-03-04",
            None,
            id="an amount in a country",
        ),
        pytest.param(
            _LEAD + "to discuss the Investing in America Agenda.",
            "2031-03-04",
            None,
            id="a country naming whose",
        ),
        pytest.param(_WELCOME, "2031-03-04", None, id="looking forward to a country"),
        pytest.param(
            _WELCOME.replace("of Kenya and", "of Kenya to Oslo and"), "2031-03-04", "Oslo", id="welcomed to"
        ),
        pytest.param(
            "On the sidelines of the Munich Security Conference, President Kari Lund of Norway met with "
            "Prime Minister Ola Berg of Japan on 15 February 2031.",
            "2031-02-15",
            "Munich",
            id="the sidelines of a city's gathering",
        ),
        pytest.param(_TOKYO, "2031-03-06", "Tokyo", id="a sentence opening in a city"),
        pytest.param(
            _TOKYO.replace("In Tokyo, President Lund was received", "In Tokyo, the Emperor received guests"),
            "2031-03-06",
            "Japan",  # the visit's country, not the city of someone else's sentence
            id="someone else's city",
        ),
        pytest.param(
            "The Minister of Foreign Affairs of Latvia, Kari Lund, received the Ambassador of Brazil to "
            "Latvia, Ola Berg, in Riga on 11 June 2031.",
            "2031-06-12",
            "Riga",
            id="an ambassador's post",
        ),
        pytest.param(
            "Rutte meets Tusk\n\nBrussels, 20 January 2031\n\nNATO Secretary General Kari Lund met with the "
            "Prime Minister of Poland, Ola Berg, at NATO Headquarters on Monday (20 January 2031).",
            None,
            "Brussels",
            id="a dateline alone on its line",
        ),
    ],
)
def test_where_a_meeting_was_held(text, published, location):
    meetings = run(text, published=published).meetings
    assert meetings and meetings[-1].location == location


def test_a_working_visit_and_the_ministers_discussion_are_a_meeting_where_it_was_paid():
    text = (
        "At the invitation of Polish Foreign Minister Kari Lund, Ukrainian Foreign Minister Ola Berg paid a "
        "working visit to Warsaw on 22 January 2031. The ministers discussed the supply of ammunition."
    )
    (m,) = run(text, published="2031-01-22").meetings
    assert {p.name: p.country for p in m.participants} == {"Kari Lund": "PL", "Ola Berg": "UA"}
    assert m.location == "Warsaw" and m.format == "in-person" and m.topics == ["ammunition"]
    # a trip told as another time places nothing
    recalled = (
        "President Kari Lund of Norway spoke today with President Ola Berg of Poland. Following President "
        "Lund's trip to Poland in March, the leaders discussed security."
    )
    assert all(m.location is None for m in run(recalled, published="2031-06-08").meetings)
    first = (
        "Foreign Minister Ola Berg of Ukraine paid his first official visit to Warsaw on 22 January 2031. "
        "He met Foreign Minister Kari Lund of Poland."
    )
    assert [m.location for m in run(first, published="2031-01-22").meetings] == ["Warsaw"]


def test_a_visit_to_the_country_of_the_dateline_is_in_its_city():
    text = (
        "HANOVER, Germany -- President Kari Lund of Norway said during a visit to Germany on Sunday that "
        "he had held talks with Chancellor Ola Berg of Germany."
    )
    meetings = run(text, published="2031-04-24").meetings
    assert meetings and meetings[0].location == "Hanover"


def test_a_signing_in_the_presence_of_two_leaders_is_their_meeting():
    text = (
        "A memorandum on cooperation in renewable energy was signed in Tashkent on 2 June 2031 in the "
        "presence of President Kari Lund of Uzbekistan and President Ola Berg of Azerbaijan."
    )
    (m,) = run(text, published="2031-06-03").meetings
    assert {p.name for p in m.participants} == {"Kari Lund", "Ola Berg"}
    assert m.countries == ["AZ", "UZ"] and m.location == "Tashkent" and m.date == "2031-06-02"
    # signed by one side alone, with nobody present, is no meeting
    assert (
        run(
            "The decree was signed by President Kari Lund of Uzbekistan on 2 June 2031.", "2031-06-03"
        ).meetings
        == []
    )
