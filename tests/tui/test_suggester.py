"""The filter bar's completion: values from the database's vocabulary, one entry per thing to type."""

from __future__ import annotations

from meetview.query.browse import Choice, Vocabulary
from meetview.tui.widgets.filter_bar import QuerySuggester


def _suggester(**vocabulary) -> QuerySuggester:
    s = QuerySuggester()
    s.vocabulary = Vocabulary(**vocabulary)
    return s


def test_people_of_one_name_complete_once_with_their_counts_summed():
    s = _suggester(
        people=[
            Choice("13", "Kari Lund", 198),
            Choice("459", "Kari Lund", 6),  # the same name stored twice (another country in one article)
            Choice("88", "Ola Lunde", 3),
        ]
    )
    typed, found = s.candidates("person:lun")
    assert typed == "lun"
    assert [(text, c.label, c.count) for text, c in found] == [
        ("Lund", "Kari Lund", 204),
        ("Lunde", "Ola Lunde", 3),
    ]
    _, quoted = s.candidates('person:"kari')
    assert [(text, c.count) for text, c in quoted] == [('"Kari Lund"', 204)]


def test_distinct_labels_with_one_completion_stay_apart():
    s = _suggester(people=[Choice("1", "Kari Lund", 5), Choice("2", "Per Lund", 2)])
    _, found = s.candidates("person:lund")
    assert [(text, c.label) for text, c in found] == [("Lund", "Kari Lund"), ("Lund", "Per Lund")]
