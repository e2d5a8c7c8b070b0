"""Topics: taxonomy terms on word boundaries, longest match, per meeting, replaceable taxonomy."""

from __future__ import annotations

from meetview.extract import taxonomy
from meetview.extract.topics import _automaton, find_topics

from .conftest import run


def ids(text: str) -> list[str]:
    return [h.topic for h in find_topics(text)]


def test_longest_match_wins():
    hits = find_topics("They discussed air and missile defense.")
    assert [(h.topic, h.term) for h in hits] == [("air-defense", "air and missile defense")]
    assert ids("the spread of nuclear weapons") == ["nonproliferation"]


def test_word_boundaries():
    assert "energy" not in ids("synergy and energetic talk")
    assert "drones" in ids("new drones, and more drones.")


def test_terms_across_wrapped_lines_and_offsets():
    text = "We need more air\ndefense now."
    (hit,) = find_topics(text)
    assert hit.topic == "air-defense" and text[hit.start : hit.end] == "air\ndefense"


def test_topics_belong_to_each_meeting():
    text = (
        "President of Moldova Irina Ciobanu met with Prime Minister of Spain Javier Ortega. They discussed "
        "gas supplies and the power grid. The President also met with Chancellor of Austria Karl Huber. "
        "They discussed refugees and sanctions."
    )
    ex = run(text, published="2031-07-10")
    by = {m.participants[-1].name: set(m.topics) for m in ex.meetings}
    assert "energy" in by["Javier Ortega"] and "sanctions" not in by["Javier Ortega"]
    assert {"humanitarian", "sanctions"} <= by["Karl Huber"] and "energy" not in by["Karl Huber"]


def test_taxonomy_can_be_replaced(tmp_path, monkeypatch):
    path = tmp_path / "topics.toml"
    path.write_text('[fisheries]\nlabel = "Fisheries"\nterms = ["fishing quotas", "cod"]\n', "utf-8")
    monkeypatch.setenv(taxonomy.ENV_TOPICS, str(path))
    try:
        assert ids("They argued about fishing quotas and air defense.") == ["fisheries"]
    finally:
        taxonomy.load_topics.cache_clear()
        _automaton.cache_clear()


def test_two_meetings_of_one_trip_keep_their_own_paragraphs():
    text = (
        "Chancellor Karl Huber flew to Rome on Wednesday for talks with Italian Prime Minister Gina Rossi, "
        "before continuing to Madrid to meet Spanish Prime Minister Javier Ortega.\n\n"
        "In Rome, Huber and Rossi agreed to expand joint defense production.\n\n"
        "In Madrid, Ortega welcomed Huber at the palace. The two leaders discussed migration."
    )
    ex = run(text, published="2031-05-07")
    by = {m.participants[-1].name: m for m in ex.meetings}
    assert set(by["Gina Rossi"].topics) == {"defense-industry"}
    assert set(by["Javier Ortega"].topics) == {"migration"}
    assert by["Javier Ortega"].evidence.startswith("In Madrid, Ortega welcomed Huber")


def test_offices_and_closing_sections_name_no_topic():
    text = (
        "Contents\nThe meeting\nFurther information\n\n"
        "Foreign Minister of Chile Ana Rojas met Minister of Energy and Mines of Peru Luis Vargas in Lima. "
        "They discussed trade.\n\nFurther information\n\nThe partnership council also covers cyber security."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert m.topics == ["trade-economy"]


def test_general_wording_of_topics():
    assert "trade-economy" in ids("cooperation on critical minerals and supply chain resilience")
    assert "defense-industry" in ids("military-technical cooperation")
    assert "science-technology" in ids("research cooperation and the digital economy")
    text = (
        "President Ana Soto met Prime Minister Ola Berg. They exchanged views on the escalation between "
        "Israel and Hezbollah in Lebanon."
    )
    (m,) = run(text, published="2031-05-07").meetings
    assert "counterterrorism" not in m.topics


def test_regional_affairs_and_developments_are_regional_security():
    for sent in (
        "On regional affairs, the council called for calm.",
        "They exchanged views on regional developments and the situation in the region.",
        "The two leaders also discussed the situations in Libya and Sudan.",
        "They touched upon Black Sea security and regional tensions.",
    ):
        assert "regional-security" in ids(sent), sent
    hits = find_topics("They discussed regional airports and the situation at home.")
    assert not [h for h in hits if h.topic == "regional-security" and not h.weak]


def test_phrases_that_name_no_topic_hide_the_term_inside_them():
    assert "armor-artillery" not in ids("A think tank in Seoul and a think-tank in Tokyo commented.")
    assert "armor-artillery" in ids("They discussed the delivery of tanks; one tank was damaged.")


def test_a_term_inside_an_organisations_name_is_the_body_not_a_topic():
    base = "Foreign Minister of Chile Ana Soto met Foreign Minister of Japan Ken Sato in Tokyo on Monday. "
    for sent, absent, present in (
        ("They praised the International Atomic Energy Agency inspectors.", "energy", None),
        ("They discussed nuclear energy and the International Atomic Energy Agency.", None, "energy"),
        ("They discussed a loan from the International Monetary Fund.", None, "financial-aid"),
    ):
        (m,) = run(base + sent, published="2031-03-06").meetings
        if absent:
            assert absent not in m.topics, sent
        if present:
            assert present in m.topics, sent


def test_generic_restrictions_and_a_front_line_update_name_a_topic_only_twice_over():
    from meetview.extract.topics import topics_of

    def topics(text: str) -> list[str]:
        return topics_of(find_topics(text))

    assert "sanctions" not in topics("They discussed visa restrictions for students.")
    assert "sanctions" in topics("They discussed new sanctions and restrictions on banks.")
    assert "intelligence" not in topics("The minister briefed him on the situation at the front.")
    assert "intelligence" in topics("He shared intelligence and spoke of the situation on the battlefield.")


def test_eu_accession_in_its_own_words_is_the_topic():
    text = (
        "In Berlin, Chancellor Ola Berg received President Ana Soto of Moldova on 10 June 2031. Berg "
        "reaffirmed Germany's support for Moldova's EU accession."
    )
    (m,) = run(text, published="2031-06-10").meetings
    assert m.topics == ["eu-accession"]
    assert "eu-accession" in ids("the path toward accession to the European Union")
