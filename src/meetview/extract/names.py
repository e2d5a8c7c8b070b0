"""Person names: transliteration-tolerant skeletons, and whether two names can be one person.

"Serhii Boiev", "Sergiy Boyev", "Sergii Boiev" and "Serhij Bojev" all fold to "serhi boev";
"Zelensky", "Zelenskyy" and "Zelenskiy" to "zelenski". Identity needs an equal surname skeleton
and a compatible given name (a prefix, an initial, or a close spelling), never a fuzzy score alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
# regnal numbers written in capitals after a name ("Mohammed VI", "Leo XIV"): not the surname
_REGNAL = re.compile(r"\s+(?=[IVX]{1,5}\b)X{0,3}(?:IX|IV|V?I{0,3})\.?$")
_RULES = [
    ("kh", "h"),
    ("zh", "z"),
    ("ts", "c"),
    ("tz", "c"),
    ("ch", "c"),
    ("sh", "s"),
    ("g", "h"),
    ("ph", "f"),
    ("x", "ks"),
    ("w", "v"),
    ("j", "y"),
    ("iy", "i"),
    ("ii", "i"),
    ("yi", "i"),
    ("ye", "e"),
    ("ie", "e"),
    ("ey", "e"),
    ("ei", "e"),
    ("y", "i"),
]
_DOUBLE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lowercase ASCII letters and spaces: NFKC, transliterated, accents and punctuation gone."""
    text = anyascii(unicodedata.normalize("NFKC", text)).lower()
    text = re.sub(r"[^a-z\s-]", "", text).replace("-", " ")
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def skeleton_word(word: str) -> str:
    for a, b in _RULES:
        word = word.replace(a, b)
    word = _DOUBLE.sub(r"\1", word)
    if len(word) > 3 and word.endswith("i") and word[-2] == "i":
        word = word[:-1]
    return word


def words(name: str) -> list[str]:
    """Folded name words without suffixes (Jr., III)."""
    return list(_words(name))


@lru_cache(maxsize=65536)
def _words(name: str) -> tuple[str, ...]:
    name = _REGNAL.sub("", name)
    return tuple(w for w in fold(name).split() if w not in _SUFFIXES)


def skeleton(name: str) -> str:
    """The whole name folded to its transliteration skeleton, e.g. "serhi boev"."""
    return " ".join(skeleton_word(w) for w in words(name))


def surname_key(name: str) -> str:
    """The last word's skeleton: what a later "Boiev said" shares with "Sergiy Boyev"."""
    ws = words(name)
    return skeleton_word(ws[-1]) if ws else ""


def given_names(name: str) -> list[str]:
    ws = words(name)
    return [skeleton_word(w) for w in ws[:-1]]


def _given_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) == 1 or len(b) == 1:  # an initial
        return True
    if a.startswith(b) or b.startswith(a):  # Joe / Joseph after folding: "io" / "iosef"
        return True
    return Levenshtein.normalized_similarity(a, b) >= 0.6


def same_person(a: str, b: str) -> bool:
    """Whether two written names can denote one person (surname skeletons equal, given compatible)."""
    if surname_key(a) != surname_key(b) or not surname_key(a):
        return False
    ga, gb = given_names(a), given_names(b)
    if not ga or not gb:
        return True
    if _given_compatible(ga[0], gb[0]):
        return True
    # "López Obrador" is "Andrés Manuel López Obrador": one name the tail of the other
    wa, wb = skeleton(a).split(), skeleton(b).split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return len(short) >= 2 and long[-len(short) :] == short


def fuller(a: str, b: str) -> str:
    """The fuller of two forms of one name (more words, then longer): the canonical form."""
    return max((a, b), key=lambda n: (len(words(n)), len(n)))
