"""Person-name skeletons: transliteration variants fold together, different people stay apart."""

from __future__ import annotations

import pytest

from meetview.extract.names import fuller, same_person, skeleton, surname_key


@pytest.mark.parametrize(
    "variants",
    [
        ["Serhii Boiev", "Sergiy Boyev", "Sergii Boiev", "Serhij Bojev"],
        ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij"],
        ["Oleksii Reznikov", "Oleksiy Reznikov", "Alexey Reznikov"],
        ["Mykhailo Fedorov", "Mykhaylo Fedorov"],
    ],
)
def test_variants_share_a_surname_key(variants):
    assert len({surname_key(v) for v in variants}) == 1


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Serhii Boiev", "Sergiy Boyev", True),
        ("Boiev", "Sergiy Boyev", True),
        ("Joe Biden", "Joseph R. Biden, Jr.", True),
        ("J. Biden", "Joseph Biden", True),
        ("Hunter Biden", "Joe Biden", False),
        ("Sergio Boyer", "Serhii Boiev", False),
        ("Volodymyr Zelensky", "Olena Zelenska", False),
        ("", "Boiev", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_skeleton_and_fuller():
    assert skeleton("Serhii Boiev") == skeleton("Sergiy Boyev") == "serhi boev"
    assert skeleton("Tô Lâm") == "to lam"
    assert fuller("Boiev", "Serhii Boiev") == "Serhii Boiev"
    assert fuller("Joseph R. Biden, Jr.", "Joe Biden") == "Joseph R. Biden, Jr."
