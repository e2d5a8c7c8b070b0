"""People: names found through roles and honorifics, their countries and organisations, and coreference."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import pairwise

from meetview.extract import names as pnames
from meetview.extract import notables
from meetview.extract.document import Doc
from meetview.extract.vocab import given_names, role_words, vocab

_CONNECT = {"of", "the", "for", "and", "at", "to", "on", "in", "from", "'s", ",", "&", "-", "–", "/"}
_LEAD_TRIM = {
    "of",
    "the",
    "for",
    "and",
    "at",
    "to",
    "on",
    "in",
    "from",
    ",",
    "&",
    "-",
    "–",
    "'s",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "our",
}
_PRONOUNS = {"he", "she", "him", "her", "his"}
_SUBJECT_PRONOUNS = {"he", "she"}
_GIVEN_MONTHS = {"jan", "may", "june", "april", "august", "augusto"}
_BEFORE_NAME = {"said", "says", "told", "with", "met"}
_GENERIC_HEADS = {"leader", "diplomat", "official", "chief", "head", "counterpart", "guest", "host"}
_ACRONYM = re.compile(r"^[^\W\d_]{2,}$")  # tested with str.isupper too: "NATO", "MİT"
_DIGIT = re.compile(r"\d")
_ARABIC_PARTICLE = re.compile(r"^(?:al|el|ad|as|an|ash|bin|ibn|abu|abd)-[A-Z]")
# a regnal number after a name ("Mohammed VI", "Leo XIV", "Charles III")
_ROMAN = re.compile(r"^(?=[IVX]{2,5}$|[VX]$)X{0,3}(?:IX|IV|V?I{0,3})$")


@dataclass
class Mention:
    person: int
    i: int  # token span of the mention itself (name, role phrase or pronoun)
    j: int
    start: int
    end: int
    sent: int
    kind: str  # name | surname | role | pronoun
    quoted: bool = False
    possessive: bool = False
    role_span: tuple[int, int] | None = None  # characters of the role phrase next to the name


@dataclass
class Person:
    id: int
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    country: str | None = None
    country_span: tuple[int, int] | None = None
    country_known: bool = False  # the country is world knowledge (notables), not the article's word
    org: str | None = None
    org_span: tuple[int, int] | None = None
    observer: bool = False
    voice: str | None = None  # the country the person speaks for ("X said that China is ready ...")
    mentions: list[Mention] = field(default_factory=list)
    role_heads: set[str] = field(default_factory=set)

    @property
    def first(self) -> int:
        return self.mentions[0].start if self.mentions else 0


@dataclass
class People:
    persons: list[Person]
    by_sentence: dict[int, list[Mention]]
    # role phrases naming nobody the article names ("The President spoke with ..."): sentence ->
    # (first token, end token, country the phrase gives or None)
    unnamed: dict[int, list[tuple[int, int, str | None]]] = field(default_factory=dict)


@dataclass
class _Run:
    i: int
    j: int
    role: tuple[int, int] | None = None  # token span of a role phrase (left or right)
    honorific: bool = False
    evidence: bool = False
    post: tuple[int, int] | None = None  # "of Ukraine" after a name that has a role before it
    place: tuple[str, tuple[int, int]] | None = None  # "France's" / "Russian" right before the name
    org: tuple[str, tuple[int, int]] | None = None  # "the European Union's" right before the name


def _name_flags(doc: Doc) -> list[bool]:
    """Whether each token can be part of a personal name (computed once per document)."""
    flags = doc.memo.get("names")
    if flags is None:
        # a lower-case token without a hyphen is never part of a name: most tokens, decided inline
        flags = doc.memo["names"] = [
            (t.cap or "-" in t.text) and _name_token(doc, k) for k, t in enumerate(doc.tokens)
        ]
    return flags


def _is_name_token(doc: Doc, i: int) -> bool:
    return _name_flags(doc)[i]


def _name_token(doc: Doc, i: int) -> bool:
    t = doc.tokens[i]
    if not t.cap:
        return "-" in t.text and _ARABIC_PARTICLE.match(t.text) is not None
    v = vocab()
    if not t.text.isalpha() and _DIGIT.search(t.text):  # letters only: no digit (most names)
        return False
    if i in doc.place_at or i in doc.org_at:
        return False
    low = t.low
    if low in v.post_nominals and i > 0 and doc.tokens[i - 1].cap:
        return False  # "Leo Varadkar T.D.": letters after the name
    if low in v.stop_surnames and _stop_surname(doc, i):
        return True
    if low in _GIVEN_WORDS:
        return True
    if low in v.stop_caps or low in v.heads or low in v.honorifics or low in v.headline_verbs:
        return False
    if low in ("tan", "puan", "toh") and i + 1 < len(doc.tokens) and doc.tokens[i + 1].low in ("sri", "seri"):
        return False  # "Tan Sri": a title
    if low in v.modifiers and low not in v.particles:
        return False
    if t.text.isupper() and _ACRONYM.match(t.text):
        return _caps_surname(doc, i)
    return True


# Given names that are also words the rules skip ("Christian Democrats"): they may open a name ("Christian
# Lindner"); alone, or before a group's name, they name nobody, as no evidence makes them a person
_GIVEN_WORDS = {"christian"}


def _stop_surname(doc: Doc, i: int) -> bool:
    """A word that is mostly not a name but is a surname ("May", "Young", "Park"), where it is one: right
    after a given name that opens the name ("Theresa May", "Min-ji Park"; not "Kamala Harris May") or
    right after a title ("Foreign Minister Park Jin", "Mr. Hall"); never before a number ("May 5")."""
    toks, t = doc.tokens, doc.tokens[i]
    if i == 0 or t.text.isupper() or toks[i - 1].sent != t.sent:
        return False
    if i + 1 < len(toks) and toks[i + 1].sent == t.sent and toks[i + 1].text[:1].isdigit():
        return False
    v = vocab()
    prev = toks[i - 1]
    if prev.cap and not prev.text.isupper() and (prev.low in given_names() or _KOREAN_GIVEN.match(prev.text)):
        before = toks[i - 2] if i >= 2 and toks[i - 2].sent == t.sent else None
        if before is not None and before.text == "." and i >= 3 and toks[i - 3].low == "st":
            return False  # "St. Sabina Church": a saint's name
        return before is None or not before.cap or before.low in v.heads or before.low in v.honorifics
    if prev.text == "." and i >= 2:  # "Mr. Hall"
        prev = toks[i - 2]
    return t.low != "may" and (prev.low in v.heads or prev.low in v.honorifics)


_KOREAN_GIVEN = re.compile(r"^[A-Z][a-z]+-[a-z]+$")  # "Min-ji", "Jae-in": a given name written first


def _caps_surname(doc: Doc, i: int) -> bool:
    """An all-capitals surname written beside a given name ("MOTEGI Toshimitsu", "Toshimitsu MOTEGI")."""
    toks = doc.tokens
    if len(toks[i].text) < 3 or i in doc.org_at or i in doc.place_at:
        return False
    if sum(c in "AEIOUY" for c in toks[i].text) < 2:
        return False  # "PDNSA", "NSC": an acronym, not a surname
    v = vocab()
    return any(  # either side: "Prime Minister KISHIDA Fumio" has a title before it
        0 <= k < len(toks)
        and toks[k].sent == toks[i].sent
        and toks[k].cap
        and not toks[k].text.isupper()
        and k not in doc.place_at
        and toks[k].low not in v.stop_caps
        and toks[k].low not in v.heads
        and toks[k].low not in v.modifiers
        for k in (i - 1, i + 1)
    )


def _is_city_name(doc: Doc, i: int) -> bool:
    """A city name inside a personal name ("Lloyd Austin", "Mark Lincoln")."""
    h = doc.place_at.get(i)
    t = doc.tokens[i]
    return (
        h is not None
        and h.kind in ("city", "capital")
        and h.j == i + 1
        and t.cap
        and t.low not in vocab().stop_caps
    )


def _is_initial(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    t = toks[i]
    return (
        len(t.text) == 1
        and t.text.isupper()
        and i + 1 < len(toks)
        and toks[i + 1].text == "."
        and toks[i + 1].sent == t.sent
    )


def _particle_start(doc: Doc, i: int, a: int, b: int) -> bool:
    """ "President von der Leyen", "Mr de Vries": a name opening with a particle after a title."""
    v = vocab()
    toks = doc.tokens
    if toks[i].low not in v.particles or toks[i].cap or i == a:
        return False
    before = toks[i - 1]
    if not (before.cap and (before.low in v.heads or before.low in v.honorifics)):
        return False
    j = i
    while j < b and j - i < 3 and toks[j].low in v.particles and not toks[j].cap:
        j += 1
    return j < b and _is_name_token(doc, j) and j > i


def _name_runs(doc: Doc, a: int, b: int) -> list[_Run]:
    v = vocab()
    toks = doc.tokens
    flags = _name_flags(doc)
    particles, place_at = v.particles, doc.place_at
    names = given_names()
    runs = []
    i = a
    while i < b:
        t = toks[i]
        if not flags[i] and (
            # what cannot start a run, decided inline (most tokens): a word in lower case that is no
            # particle; a capitalized word that is no initial, no place and no given-name month
            (not t.cap and t.low not in particles)
            or (t.cap and len(t.text) != 1 and i not in place_at and t.low not in _GIVEN_MONTHS)
        ):
            i += 1
            continue
        if not t.cap and not flags[i]:
            if t.low in particles and _particle_start(doc, i, a, b):
                j = i
                while j < b and toks[j].low in v.particles and not toks[j].cap:
                    j += 1
                k = j
                while k < b and flags[k]:
                    k += 1
                runs.append(_Run(i, k))
                i = k
                continue
            i += 1
            continue
        if not (
            flags[i]
            or _is_initial(doc, i)
            or (_is_city_name(doc, i) and i + 1 < b and flags[i + 1])
            or (toks[i].low in _GIVEN_MONTHS and toks[i].cap and i + 1 < b and flags[i + 1])
        ):
            i += 1
            continue
        j = i
        while j < b:
            if _is_initial(doc, j):
                j += 2
                continue
            if flags[j]:
                j += 1
                continue
            if toks[j].low in v.particles and not toks[j].cap and j > i:
                p = j
                while p < b and toks[p].low in v.particles and not toks[p].cap:
                    p += 1
                if p + 1 < b and toks[p].low in v.honorifics and toks[p].cap and flags[p + 1]:
                    p += 1  # "Mohamad bin Haji Hasan": a title inside a patronymic
                if p < b and p - j <= 3 and flags[p]:
                    j = p
                    continue
            if _is_city_name(doc, j) and (j > i or (j + 1 < b and flags[j + 1])):
                j += 1
                continue
            if j == i and toks[j].low in _GIVEN_MONTHS and j + 1 < b and flags[j + 1]:
                j += 1  # "Jan Kowal", "April Ryan": a given name, not a month
                continue
            break
        # suffix: "Biden, Jr." / "Biden Jr."
        k = j
        if k < b and toks[k].text == "," and k + 1 < b and toks[k + 1].low in v.suffixes:
            k += 2
        elif k < b and (toks[k].low in v.suffixes or _ROMAN.match(toks[k].text)) and toks[k].cap:
            k += 1
        if k < b and toks[k].text == "." and toks[k - 1].low in ("jr", "sr"):
            k += 1
        if (
            j - i >= 3
            and toks[i].low not in names
            and toks[i + 1].low in names
            and _portfolio_words(doc, i + 1, a) is not None
        ):
            i += 1  # "Secretary of Transportation Pete Buttigieg": the portfolio's last word
        # a run that is only initials is not a name
        if any(not _is_initial(doc, x) and toks[x].text != "." for x in range(i, j)):
            runs.append(_Run(i, k))
        i = max(k, i + 1)
    return runs


def _given_name_first(doc: Doc, run: _Run) -> bool:
    """A run of two or more name words opening with a known given name ("Bruno Retailleau, who ...")."""
    toks = doc.tokens
    words = [x for x in range(run.i, run.j) if toks[x].text not in (".", ",")]
    if len(words) < 2 or not toks[words[0]].cap or toks[words[0]].text.isupper():
        return False
    return toks[words[0]].low in given_names()


def _role_token(doc: Doc, i: int) -> bool:
    v = vocab()
    t = doc.tokens[i]
    low = t.low
    if low in ("(", ")") or (t.text.isupper() and len(t.text) <= 6 and _in_parens(doc, i)):
        # "World Health Organization (WHO) Director-General (DG)", not "Oct 5 (Reuters) -"
        opener = i if low == "(" else i - 1 if _in_parens(doc, i) else i - 2
        return opener >= 1 and doc.tokens[opener].text == "(" and _role_token(doc, opener - 1)
    if i in doc.place_at:
        return doc.place_at[i].kind in ("country", "adj", "group")
    if i in doc.org_at:
        return True
    return low in v.heads or low in v.honorifics or low in _CONNECT or low in v.modifiers


def _in_parens(doc: Doc, i: int) -> bool:
    toks = doc.tokens
    return 0 < i < len(toks) - 1 and toks[i - 1].text == "(" and toks[i + 1].text == ")"


def _gap(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens a and b are set apart by a line break or a wide gap (a dateline, a heading)."""
    lo, hi = doc.tokens[a].end, doc.tokens[b].start
    between = doc.text[lo:hi]
    if "\n\n" in between:
        return True
    return "   " in between and "<" not in doc.raw[lo:hi]  # wide spaces, not an inline tag


def _has_head(doc: Doc, i: int, j: int) -> bool:
    v = vocab()
    return any(doc.tokens[x].low in v.heads and doc.tokens[x].low not in _CONNECT for x in range(i, j))


def _left_role(doc: Doc, run_i: int, lo: int) -> tuple[tuple[int, int] | None, bool]:
    """A role phrase ending right before a name ("NATO Secretary General" Mark Rutte); honorific?"""
    v = vocab()
    toks = doc.tokens
    k = run_i
    honorific = False
    while True:  # "Minister of Defence H.E. Mr. X": the role stands before the honorifics
        dotted = k - 2 >= lo and toks[k - 1].text == "." and toks[k - 2].low + "." in v.honorifics
        if dotted or (k - 1 >= lo and toks[k - 1].low in v.honorifics and toks[k - 1].cap):
            honorific = True
            k -= 2 if dotted else 1
            continue
        if k - 1 >= lo and toks[k - 1].low in ("tan", "puan", "toh") and toks[k - 1].cap and honorific:
            k -= 1  # "Tan Sri X", "Puan Sri Y": two-word titles
            continue
        if k - 2 >= lo and toks[k - 1].low in _RANKS and toks[k - 1].cap and toks[k - 2].text == ",":
            honorific = True  # "Chief of the General Staff, General X": the rank is a title
            k -= 1
            continue
        break
    first = k
    while k - 1 >= lo and not _gap(doc, k - 1, k):
        if not _role_token(doc, k - 1):
            # inside a role, or right before a name that opens with a given name ("of Transportation Pete")
            inside = toks[k - 1].cap and (k < first or toks[run_i].low in given_names())
            back = _portfolio_words(doc, k, lo) if inside else None
            if back is None:
                break
            k = back  # "Advisor for Cyber and Emerging Technology X": the role goes on before "for"
            continue
        left, here = doc.place_at.get(k - 1), doc.place_at.get(k)
        if left is not None and here is not None and left is not here:
            break  # "HANOVER, Germany U.S. President": two places in a row are not one role
        if (
            toks[k - 1].text == ","
            and k == first
            and k - 2 >= lo
            and ((k - 2) in doc.place_at or (k - 2) in doc.org_at)
        ):
            k -= 1  # "the Secretary General of the Liberal Democratic Party of Japan, MOTEGI Toshimitsu"
            continue
        if toks[k - 1].text in (",", "and") and not (
            k - 2 >= lo
            and _role_token(doc, k - 2)
            and (k - 2) not in doc.place_at
            and (k - 2) not in doc.org_at
            and toks[k - 2].low not in _CONNECT
        ):
            break  # "of Japan and President Yoon": the role before "and" is someone else's
        if toks[k - 1].text == "," and _has_head(doc, k, first):
            back = k - 2
            while back - 1 >= lo and _role_token(doc, back - 1) and toks[back - 1].text != ",":
                back -= 1
            if not _has_head(doc, back, k - 1):
                break  # "... security cooperation, Turkish Foreign Minister X": the clause is no role
        k -= 1
    if k == first and k - 1 >= lo and toks[k - 1].text == ",":
        seg = _apposed_role(doc, k - 1, lo)  # "The Minister for the Middle East, Hamish Falconer, ..."
        if seg is not None:
            return seg, honorific
    while k < run_i and toks[k].low in _LEAD_TRIM:
        k += 1
    end = first
    if end > k and toks[end - 1].text == ",":
        end -= 1
    elif (
        k < end < run_i
        and not _has_head(doc, k, end)
        and _has_head(doc, end, run_i)
        and any(toks[x].cap for x in range(k, end))
    ):
        end = run_i  # "Saudi Crown Prince X": the title that is also an honorific heads the role
    # a role phrase ends with its head, a modifier or a place/org ("President of Ukraine"), never "to the";
    # one with only plural heads is a group's ("In his meetings with senior Israeli officials, Mr. X")
    if (
        k < end
        and toks[end - 1].low not in _LEAD_TRIM
        and _has_head(doc, k, end)
        and _singular_head(doc, k, end)
    ):
        return (k, end), honorific
    return None, honorific


def _singular_head(doc: Doc, i: int, j: int) -> bool:
    """Whether the role phrase tokens[i:j] can be one person's: it holds a head that is not plural,
    and its last conjunct, when that holds heads, does too ("the Prime Minister and senior officials"
    is a group)."""
    v = vocab()
    last = max((x + 1 for x in range(i, j) if doc.tokens[x].low in ("and", ",")), default=i)
    if (
        last > i
        and any(doc.tokens[x].low in v.heads for x in range(last, j))
        and not _singular_head(doc, last, j)
    ):
        return False
    return any(
        doc.tokens[x].low in v.heads
        and doc.tokens[x].low not in _CONNECT
        and doc.tokens[x].low not in _GROUP_HEADS
        for x in range(i, j)
    )


def _portfolio_words(doc: Doc, k: int, lo: int) -> int | None:
    """Where a role goes on when capitalized words the role vocabulary does not list end at k but
    follow a head and "for"/"of" ("Advisor for Cyber and Emerging Technology", "Minister of Digital
    Transformation"): the index of the "for"/"of", or None."""
    toks = doc.tokens
    names = given_names()
    j = k - 1
    while j >= lo and k - j <= 5 and (toks[j].cap or toks[j].low in ("and", "&")) and not _gap(doc, j, j + 1):
        if toks[j].low in names:
            return None  # "Secretary of Transportation Pete Buttigieg and EPA Administrator": a person
        j -= 1
    if j == k - 1 or j - 1 < lo or toks[j].low not in ("for", "of") or not toks[k - 1].cap:
        return None
    return j if toks[j - 1].low in vocab().heads and toks[j + 1].cap else None


def _apposed_role(doc: Doc, comma: int, lo: int) -> tuple[int, int] | None:
    """A role phrase of up to ten words between the sentence start (or a comma) and the comma before
    a name: "The Minister for the Middle East, X", "the Special Envoy of the Chair on Myanmar, X"."""
    v = vocab()
    toks = doc.tokens
    k = comma
    while k - 1 >= lo and comma - k < 10 and toks[k - 1].text != ",":
        t = toks[k - 1]
        if not (t.cap or t.low in _CONNECT or t.low in v.modifiers or t.low in _LEAD_TRIM):
            return None
        k -= 1
    if not (k == lo or toks[k - 1].text == ","):
        return None
    if toks[k].low != "the":
        return None  # a definite description: "The Minister for ..., X", "the Special Envoy of ..., X"
    # a capitalized word that is no role word belongs to the role's complement ("for the Middle East"),
    # never to a name before it ("National Economic Advisor Lael Brainard, ...")
    complement = False
    for x in range(k, comma):
        if toks[x].low in ("for", "of", "on"):
            complement = True
        elif toks[x].cap and not _role_token(doc, x) and not complement:
            return None
    while k < comma and toks[k].low in _LEAD_TRIM:
        k += 1
    if k < comma and toks[k].low in v.heads and _has_head(doc, k, comma):
        return (k, comma)  # the phrase opens with its head ("Minister for ...", "Special Envoy ...")
    if k < comma and toks[k].low in v.modifiers and _has_head(doc, k, min(comma, k + 4)):
        return (k, comma)
    return None


# Nouns that end the name of a body: a lone capitalized word right before one names no person
_INSTITUTIONS = {
    "conference", "university", "foundation", "institute", "institution", "association", "forum",
    "church", "college", "school", "society", "federation", "league", "alliance", "coalition",
    "network", "corporation", "company", "summit", "hospital", "museum", "council", "committee",
    "agency", "union", "party", "commission", "center", "centre", "initiative", "fund", "bank",
}  # fmt: skip


# What _right_role answers when the comma after a name opens the next titled person of a list ("X,
# Korea's National Security Advisor Y, and ..."): no role of X's, but X is one of a list of officials.
_NEXT_PERSON = (-1, -1)


def _right_role(doc: Doc, run_j: int, hi: int) -> tuple[int, int] | None:
    """An appositive role after a name ("Jon Fredriksen, Director of ...") or "of <country>"."""
    toks = doc.tokens
    k = run_j
    if k < hi and toks[k].text == ",":
        k += 1
        start = k
        headed = False
        while k < hi and toks[k].text != ",":
            if _role_token(doc, k):
                headed = headed or toks[k].low in vocab().heads
            elif headed and k - 1 >= start and toks[k - 1].low in vocab().heads and _titled_name(doc, k, hi):
                return _NEXT_PERSON  # "X, Korea's National Security Advisor Shin Y, and ...": a list
            elif not (
                (
                    headed
                    and toks[k].cap
                    and k - 1 >= start
                    and toks[k - 1].low in {"of", "for", "the", "at", "'s"}
                )
                or (headed and toks[k].cap and k - 1 >= start and toks[k - 1].cap)
            ):
                break  # inside "Director of the Department for Arctic Policy" any capitalized word belongs
            k += 1
        end = k
        while end > start and toks[end - 1].low in _LEAD_TRIM:
            end -= 1
        if end > start and toks[start].low not in ("and", "the", "of") and _has_head(doc, start, end):
            return (start, end)
        return None
    if k + 1 < hi and toks[k].low == "of":
        start = k
        k += 1
        while k < hi and (toks[k].low in ("the", "'s") or k in doc.place_at or k in doc.org_at):
            k += 1
        if k > start + 1 and any(
            (x in doc.place_at and doc.place_at[x].kind == "country") or x in doc.org_at
            for x in range(start, k)
        ):
            return (start, k)
    return None


def _titled_name(doc: Doc, k: int, hi: int) -> bool:
    """Whether a name starts at token k and ends the list item ("Advisor Shin Wonsik," "Secretary
    Driscoll and"), as opposed to a title going on ("General Counsel of", "Chief Operating Officer")."""
    flags = _name_flags(doc)
    n = k
    while n < hi and flags[n]:
        n += 1
    return n > k and (n == hi or doc.tokens[n].text == "," or doc.tokens[n].low == "and")


def _country_before(doc: Doc, i: int, lo: int) -> tuple[str, tuple[int, int]] | None:
    """ "France's Jean-Marc Ayrault", "Russian Vladimir Putin": a country written right before a name."""
    toks = doc.tokens
    k = i - 1
    if k >= lo and toks[k].low == "'s":
        k -= 1
    h = doc.place_at.get(k) if k >= lo else None
    if h is not None and h.kind in ("country", "adj") and h.j in (i, i - 1):
        return h.value, (h.start, h.end)
    return None


def _delegation_country(doc: Doc, i: int, lo: int) -> tuple[str, tuple[int, int]] | None:
    """ "the Kenyan delegation headed by (the) Foreign Minister X": the delegation's country is X's."""
    toks = doc.tokens
    k = i - 1
    if k >= lo and toks[k].low == "the":
        k -= 1
    if k - 2 < lo or toks[k].low != "by" or toks[k - 1].low not in ("led", "headed"):
        return None
    if toks[k - 2].low not in ("delegation", "delegations"):
        return None
    h = doc.place_at.get(k - 3) if k - 3 >= lo else None
    return (h.value, (h.start, h.end)) if h is not None and h.kind in ("country", "adj") else None


def _org_before(doc: Doc, i: int, lo: int) -> tuple[str, tuple[int, int]] | None:
    """ "the European Union's Ursula von der Leyen", "NATO's Mark Rutte": an organisation's official."""
    toks = doc.tokens
    k = i - 1
    if k - 1 < lo or toks[k].low != "'s":
        return None
    h = doc.org_at.get(k - 1)
    return (h.value, (h.start, h.end)) if h is not None else None


def _place_in(doc: Doc, i: int, j: int) -> tuple[str | None, tuple[int, int] | None]:
    """The country a role phrase names (name, adjective or possessive), and where.

    "Ambassador of Japan to Ukraine" is Japan's; "Special Representative for Ukraine's Recovery"
    names no country of its own: a country after "to" or "for" is what the role deals with.
    """
    blocked = False
    for x in range(i, j):
        low = doc.tokens[x].low
        if low in ("to", "for", "on"):
            blocked = True
        elif low in ("of", "at", ","):
            blocked = False
        h = doc.place_at.get(x)
        if h and h.kind in ("country", "adj") and not blocked:
            return h.value, (h.start, h.end)
    return None, None


def _org_in(doc: Doc, i: int, j: int) -> tuple[str | None, tuple[int, int] | None]:
    for x in range(i, j):
        h = doc.org_at.get(x)
        if h:
            return h.value, (h.start, h.end)
    return None, None


def _heads_of(doc: Doc, i: int, j: int) -> set[str]:
    v = vocab()
    return {doc.tokens[x].low for x in range(i, j) if doc.tokens[x].low in v.heads}


def _text(doc: Doc, i: int, j: int) -> str:
    if j <= i:
        return ""
    return " ".join(doc.text[doc.tokens[i].start : doc.tokens[j - 1].end].split())


def _name_text(doc: Doc, run: _Run) -> str:
    t = _text(doc, run.i, run.j)
    return t


def _company_after_title(doc: Doc, run: _Run, role: tuple[int, int], a: int, b: int) -> bool:
    """Whether the run names the company after someone's title and a comma, as attendee lists write
    them: "Jane Roe, President & CEO, Walmart", "X, President and CEO, American Trucking Associations",
    "Y, President, Transportation Trades Department, AFL-CIO". One word is enough; a longer run must
    follow a title that is itself set off by a comma (the "Name, Title, Company" of a list) and be no
    name followed by a title of its own ("X, Director, Ana Rojas, Deputy Director")."""
    toks = doc.tokens
    if toks[run.i].low in given_names():
        return False
    c = run.i - 1
    while c > role[0] and c in doc.place_at and run.i - c <= 2:
        c -= 1  # "..., U.S. Chamber of Commerce": a place's adjective opens the company's name
    if c < a or toks[c].text != ",":
        return False
    if run.j - run.i == 1 and c == run.i - 1:
        return True
    if not (role[0] - 1 >= a and toks[role[0] - 1].text == ","):
        return False
    titled = run.j < b and toks[run.j].text == "," and _right_role(doc, run.j, b) not in (None, _NEXT_PERSON)
    return not titled


def find_people(doc: Doc) -> People:
    v = vocab()
    toks = doc.tokens
    candidates: list[tuple[_Run, int]] = []  # (run, sentence)
    for k, (a, b) in enumerate(doc.sent_tokens):
        for run in _name_runs(doc, a, b):
            if run.j - run.i == 1 and run.j < b and toks[run.j].cap and toks[run.j].low in _INSTITUTIONS:
                continue  # "the Italian Episcopal Conference", "the Obama Foundation": a body's name
            role, honorific = _left_role(doc, run.i, a)
            if (
                role is not None
                and run.j - run.i == 1
                and role[1] == run.i
                and not honorific
                and toks[role[1] - 1].low in v.modifiers
                and toks[role[1] - 1].low not in v.heads
                and toks[run.i].low not in given_names()
            ):
                continue  # "Director of Public Engagement", "Council of Economic Advisers": no name
            if role is not None and _company_after_title(doc, run, role, a, b):
                continue  # "Jane Roe, President & CEO, Walmart": the company after someone's title
            right = _right_role(doc, run.j, b)
            listed = right is _NEXT_PERSON
            if listed:
                right = None
            if role is None:
                role = right
            elif (
                right is not None
                and _place_in(doc, *role)[0] is None
                and (
                    _place_in(doc, *right)[0] or (_org_in(doc, *role)[0] is None and _org_in(doc, *right)[0])
                )
            ):
                run.post = right  # "President X of Ukraine", "President X of the European Commission"
            run.role = role
            run.honorific = honorific
            nxt = toks[run.j].low if run.j < b else ""
            nxt2 = toks[run.j + 1].low if run.j + 1 < b else ""
            prv = toks[run.i - 1].low if run.i - 1 >= a else ""
            run.place = _country_before(doc, run.i, a) if role is None else None
            if run.place is None and (led := _delegation_country(doc, role[0] if role else run.i, a)):
                run.place = led if role is None or _place_in(doc, *role)[0] is None else None
            run.org = _org_before(doc, run.i, a) if role is None and run.place is None else None
            run.evidence = (
                role is not None
                or listed
                or run.place is not None
                or run.org is not None
                or honorific
                or nxt in v.speech_verbs
                or nxt in v.meet_verbs
                or nxt in v.talk_verbs
                or nxt in v.host_verbs
                or nxt in v.hold_verbs
                or prv in _BEFORE_NAME
                or (nxt in ("was", "were", "also") and nxt2 in ("present", "also", "accompanied", "attended"))
                or (prv == "," and run.i - 2 >= a and toks[run.i - 2].low in _PLURAL_HEADS)
                or prv in v.host_verbs
                or prv in v.call_verbs
                or prv in v.weak_verbs
                or _given_name_first(doc, run)
            )
            candidates.append((run, k))

    persons: list[Person] = []

    def find(name: str) -> Person | None:
        for p in persons:
            if pnames.same_person(p.name, name) or any(pnames.same_person(a, name) for a in p.aliases):
                return p
        return None

    skeletons: dict[int, tuple[tuple[str, ...], set[str]]] = {}  # person -> (forms, their word skeletons)

    def single_match(word: str) -> Person | None:
        key = pnames.surname_key(word)  # "El-Sisi" folds to two words; its last is the key
        if not key:
            return None
        hits = []
        for p in persons:
            forms = (p.name, *p.aliases)
            known = skeletons.get(p.id)
            if known is None or known[0] != forms:  # first asked, or renamed or aliased since
                known = skeletons[p.id] = (
                    forms,
                    {pnames.skeleton_word(w) for f in forms for w in pnames.words(f)},
                )
            if key in known[1]:
                hits.append(p)
        return hits[0] if len(hits) == 1 else (max(hits, key=lambda p: len(p.mentions)) if hits else None)

    mentions: list[Mention] = []

    def add_mention(p: Person, run: _Run, k: int, kind: str) -> None:
        quoted = doc.quotes.inside(toks[run.i].start)
        poss = run.j < len(toks) and toks[run.j].low == "'s"
        rs = None
        if run.role:
            rs = (toks[run.role[0]].start, toks[run.role[1] - 1].end)
        m = Mention(p.id, run.i, run.j, toks[run.i].start, toks[run.j - 1].end, k, kind, quoted, poss, rs)
        p.mentions.append(m)
        mentions.append(m)

    def enrich(p: Person, run: _Run) -> None:
        if run.place and p.country is None:
            p.country, p.country_span = run.place
        if run.org and p.org is None and p.country is None:
            p.org, p.org_span = run.org
        if not run.role:
            return
        i, j = run.role
        country, cspan = _place_in(doc, i, j)
        org, ospan = _org_in(doc, i, j)
        if country is None and run.post:
            country, cspan = _place_in(doc, *run.post)
            if country is None and org is None:
                org, ospan = _org_in(doc, *run.post)
        role_text = _text(doc, i, j).strip(" ,")
        if org is None and country is None:  # "High Representative Josep Borrell": the EU's
            low_role = role_text.lower()
            org = next((o for title, o in v.implied_orgs if title in low_role), None)
        heads = _heads_of(doc, i, j)
        if p.role is None or (p.country is None and country):
            p.role = role_text
        p.role_heads |= heads
        if country and p.country is None:
            p.country, p.country_span = country, cspan
        if org and p.org is None and heads:
            p.org, p.org_span = org, ospan
        if heads and heads <= v.observers | {"spokesperson", "spokesman", "spokeswoman"}:
            p.observer = True
        low_role = role_text.lower()
        if any(w in low_role.split() for w in v.observers if " " not in w):
            p.observer = p.observer or not (heads - v.observers)

    # full names first (two or more words, with evidence, or matching an earlier person)
    pending: list[tuple[_Run, int]] = []
    for run, k in candidates:
        words = [t for t in toks[run.i : run.j] if t.text not in (".", ",")]
        multi = sum(1 for t in words if t.low not in v.particles and t.low not in v.suffixes) >= 2
        name = _name_text(doc, run)
        if multi and (run.evidence or find(name)):
            p = find(name)
            if p is None:
                p = Person(len(persons), name)
                persons.append(p)
            elif name != p.name:
                if pnames.fuller(p.name, name) == name:
                    p.aliases.append(p.name)
                    p.name = name
                elif name not in p.aliases:
                    p.aliases.append(name)
            enrich(p, run)
            add_mention(p, run, k, "name")
        else:
            pending.append((run, k))
    # short forms: "Boiev said", "President Biden", "Mr Brown"
    for run, k in pending:
        name = _name_text(doc, run)
        words = [t for t in toks[run.i : run.j] if t.text not in (".", ",")]
        if len(words) == 1:
            p = single_match(name)
        elif toks[run.i].low in v.particles and not toks[run.i].cap:
            p = single_match(toks[run.j - 1].text)  # "Minister bin Salman"
        else:
            p = find(name)
        if p is None and words and ((run.role and _has_head(doc, *run.role)) or run.honorific):
            p = Person(len(persons), name)
            persons.append(p)
        if p is None and len(words) >= 2 and _listed_after_person(doc, run, mentions):
            p = Person(len(persons), name)  # "the European Union's Ursula von der Leyen and António Costa"
            persons.append(p)
        if p is None and len(words) == 1 and _bare_notable(doc, run):
            p = Person(len(persons), name)  # "Macron and Scholz held talks": a name the news uses alone
            persons.append(p)
        if p is None:
            continue
        if name != p.name and name not in p.aliases:
            p.aliases.append(name)
        enrich(p, run)
        add_mention(p, run, k, "name" if len(words) > 1 else "surname")

    # role-only references ("the President of Ukraine", "the British Prime Minister")
    unnamed: dict[int, list[tuple[int, int, str | None]]] = {}
    covered: set[int] = set()
    for m in mentions:
        covered.update(range(m.i, m.j))
    covered |= _role_spans_of_mentions(doc, persons)
    words = role_words()
    role_heads = [n for n, t in enumerate(toks) if t.low in words]
    for k, (a, b) in enumerate(doc.sent_tokens):
        x = a
        while x < b:
            h = bisect.bisect_left(role_heads, x)  # the next head word: the scan skips every other token
            if h == len(role_heads) or role_heads[h] >= b:
                break
            x = role_heads[h]
            if x in covered:
                x += 1
                continue
            # grow the role phrase around this head
            i = x
            while i - 1 >= a and i - 1 not in covered and _role_token(doc, i - 1) and toks[i - 1].text != ",":
                i -= 1
            j = x + 1
            while j < b and j not in covered and _role_token(doc, j) and toks[j].text != ",":
                j += 1
            while i < x and toks[i].low in _LEAD_TRIM:
                i += 1
            while j > x + 1 and toks[j - 1].low in _LEAD_TRIM:
                j -= 1
            det = toks[i - 1].low if i - 1 >= a else ""
            plural = any(toks[y].low.endswith("s") and toks[y].low in v.delegation_nouns for y in range(x, j))
            if plural or det in (
                "a",
                "an",
                "another",
                "every",
                "each",
                "any",
                "former",
                "one",
                "some",
                "other",
            ):
                x = j
                continue
            ref = _resolve_role(doc, persons, i, j, det, k)
            if (
                ref is None
                and det == "the"
                and any(toks[y].cap and toks[y].low in v.heads for y in range(i, j))
            ):
                unnamed.setdefault(k, []).append((i, j, _place_in(doc, i, j)[0]))
            if ref is not None:
                if ref.role is None:
                    ref.role = _text(doc, i, j)
                # told before the name ("Germany's new chancellor ..." then "Chancellor Karl Huber"):
                # the role's country is theirs
                placed, pspan = _place_in(doc, i, j)
                single = not any(toks[y].low in ("and", ",", "&") for y in range(i, j))
                before_name = all(
                    mm.sent > k or mm.sent in doc.title_sentences for mm in ref.mentions if mm.kind != "role"
                )
                if ref.country is None and ref.org is None and placed and single and before_name:
                    ref.country, ref.country_span = placed, pspan
                org_of, ospan = _org_in(doc, i, j)
                if ref.country is None and ref.org is None and org_of and single:
                    ref.org, ref.org_span = org_of, ospan  # "the IAEA chief": the organisation's official
                m = Mention(
                    ref.id, i, j, toks[i].start, toks[j - 1].end, k, "role", doc.quotes.inside(toks[i].start)
                )
                m.possessive = j < b and toks[j].low == "'s"
                ref.mentions.append(m)
                mentions.append(m)
                covered.update(range(i, j))
            x = j
    # role acronyms: "EAM" after "External Affairs Minister Dr. S. Jaishankar", "the SG"
    _role_acronyms(doc, persons, mentions, covered)
    # pronouns: "he"/"she" as a subject points to the last person named as one
    last_subject: int | None = None
    by_sentence: dict[int, list[Mention]] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        by_sentence.setdefault(m.sent, []).append(m)
    pronouns: dict[int, list[int]] = {}  # sentence -> its subject pronouns, found in one pass
    for x in [n for n, t in enumerate(toks) if t.low in _SUBJECT_PRONOUNS]:
        pronouns.setdefault(toks[x].sent, []).append(x)
    for k in range(len(doc.sent_tokens)):
        ms = by_sentence.get(k, [])
        for x in pronouns.get(k, ()):
            if last_subject is not None:
                before = [m for m in ms if m.i < x]
                target = before[0].person if before and before[0].kind != "pronoun" else last_subject
                pm = Mention(
                    target,
                    x,
                    x + 1,
                    toks[x].start,
                    toks[x].end,
                    k,
                    "pronoun",
                    doc.quotes.inside(toks[x].start),
                )
                ms.append(pm)
        ms.sort(key=lambda m: m.start)
        by_sentence[k] = ms
        named = [m for m in ms if m.kind != "pronoun" and not m.quoted]
        if named:
            last_subject = named[0].person
    for p in persons:
        p.mentions.sort(key=lambda m: m.start)
    _share_countries(doc, persons, by_sentence)
    _respective_countries(doc, persons, by_sentence)
    _org_officials(doc, persons)
    _voices(doc, persons, by_sentence)
    for p in persons:  # the text placed them nowhere: what everyone knows ("President Zelensky")
        if p.country is None and p.org is None and (known := notables.known([p.name, *p.aliases])):
            fixed = known.country or known.org
            country, org = (known.country, known.org) if fixed else known.side_on(doc.day)
            if country:
                p.country, p.country_known = country, True
            else:
                p.org = org
        elif p.country is None and p.org is None and p.role:  # "His Holiness Pope Francis": VA
            implied = vocab().implied_countries
            country = next((implied[w] for w in p.role.lower().split() if w in implied), None)
            if country:
                p.country, p.country_known = country, True
    keep = [p for p in persons if p.mentions]
    return People(keep, by_sentence, unnamed)


_RANKS = {
    "general",
    "admiral",
    "colonel",
    "lieutenant",
    "major",
    "captain",
    "marshal",
    "brigadier",
    "commodore",
}
# "her Peruvian and Bolivian counterparts, Luis Vargas and Juan Quispe": names in apposition to them
_PLURAL_HEADS = {"counterparts", "ministers", "leaders", "colleagues", "presidents", "envoys", "secretaries"}
# Heads naming a group: a role phrase whose only heads they are ("senior officials") is nobody's title,
# while one holding another head is one person's ("Chairman of the Council of Ministers")
_GROUP_HEADS = _PLURAL_HEADS | {"officials"}
_INITIAL_SKIP = {"of", "the", "for", "and", "&", "'s", "to", "on", "in"}


def _initials(role: str) -> str:
    words = [w for w in re.split(r"[\s\-]+", role) if w and w.lower() not in _INITIAL_SKIP]
    return "".join(w[0] for w in words if w[0].isalpha()).upper()


_CAPS_WORD = re.compile(r"[A-Z](?<!\w.)[A-Z]{1,4}\b")  # "\b[A-Z]{2,5}\b", led by its letters: 3x faster


def _role_acronyms(doc: Doc, persons: list[Person], mentions: list[Mention], covered: set[int]) -> None:
    """An all-capitals word made of the initials of one person's role stands for that person
    ("External Affairs Minister" -> EAM, "Secretary-General" -> SG, "National Security Adviser" -> NSA)."""
    toks = doc.tokens
    by_initials: dict[str, list[Person]] = {}
    for p in persons:
        for role in (p.role or "",):
            ini = _initials(role)
            if len(ini) >= 2 and p not in by_initials.get(ini, []):
                by_initials.setdefault(ini, []).append(p)
    if not by_initials:
        return
    for hit in _CAPS_WORD.finditer(doc.text):
        cands = by_initials.get(hit.group(0), [])
        if len(cands) != 1:  # most capitals are no one's initials: the cheapest test first
            continue
        x = doc.token_starting(hit.start())
        if x is None or x in covered:
            continue
        t = toks[x]
        if t.text != hit.group(0):
            continue
        if x in doc.org_at or x in doc.place_at:
            continue
        p = cands[0]
        m = Mention(p.id, x, x + 1, t.start, t.end, t.sent, "role", doc.quotes.inside(t.start))
        m.possessive = x + 1 < len(toks) and toks[x + 1].low == "'s"
        p.mentions.append(m)
        mentions.append(m)
        covered.add(x)


_ORG_ONLY_ROLES = (
    "secretary-general",
    "secretary general",
    "director-general",
    "director general",
    "high representative",
    "executive secretary",
    "commissioner",
)


def _org_officials(doc: Doc, persons: list[Person]) -> None:
    """ "Secretary-General António Guterres" with no organisation written in the role: an official of
    the organisation the article names most, never of a country nearby."""
    top = top_org(doc, {p.org for p in persons if p.org})  # not "Charles Michel, President of the EU Council"
    if top is None:
        return
    for p in persons:
        if p.org or p.country or not p.role:
            continue
        if org_post(p.role):
            p.org = top


def org_post(role: str) -> bool:
    """Whether a role is a post of an organisation ("Secretary-General", "High Representative")."""
    low = role.lower()
    return any(r in low for r in _ORG_ONLY_ROLES) and "general secretary" not in low


def top_org(doc: Doc, claimed: set[str]) -> str | None:
    """The organisation the article names most, of those no named official explicitly represents."""
    counts: dict[str, int] = {}
    for h in doc.orgs:
        if h.value not in claimed:
            counts[h.value] = counts.get(h.value, 0) + 1
    return max(counts, key=lambda o: counts[o]) if counts else None


# "X said that China is ready to ...", "... that Egypt firmly supports ...": a country committing
# itself through its official (not "X said that Russia will not win": a claim about another country)
_COMMIT = {
    "supports",
    "values",
    "firmly",
    "welcomes",
    "appreciates",
    "attaches",
    "hopes",
    "stands",
    "remains",
    "always",
    "wishes",
    "intends",
    "highly",
    "sincerely",
    "fully",
}
_COMMIT_AFTER_MODAL = {
    "continue",
    "ready",
    "willing",
    "work",
    "support",
    "always",
    "remain",
    "stand",
    "committed",
}


def _voices(doc: Doc, persons: list[Person], by_sentence: dict[int, list[Mention]]) -> None:
    v = vocab()
    toks = doc.tokens
    votes: dict[int, dict[str, int]] = {}
    for k, ms in by_sentence.items():
        for m in ms:
            if m.kind == "pronoun" or m.quoted or m.possessive:
                continue
            x = m.j
            if x >= len(toks) or toks[x].sent != k or toks[x].low not in v.speech_verbs:
                continue
            y = x + 1
            if y < len(toks) and toks[y].low == "that":
                y += 1
            if y < len(toks) and toks[y].low == "the":
                y += 1
            h = doc.place_at.get(y)
            if h is None or h.i != y or h.kind != "country":
                continue
            nxt = toks[h.j].low if h.j < len(toks) else ""
            nxt2 = toks[h.j + 1].low if h.j + 1 < len(toks) else ""
            if not (
                nxt in _COMMIT or (nxt in ("will", "would", "is", "shall") and nxt2 in _COMMIT_AFTER_MODAL)
            ):
                continue
            votes.setdefault(m.person, {}).setdefault(h.value, 0)
            votes[m.person][h.value] += 1
    for p in persons:
        vs = votes.get(p.id)
        if vs:
            best = sorted(vs, key=lambda c: -vs[c])
            if len(best) == 1 or vs[best[0]] > vs[best[1]]:
                p.voice = best[0]


# Nouns after a leader's surname that make it a modifier, not the person ("the Biden administration")
_SURNAME_MODIFIED = {
    "administration", "government", "regime", "era", "team", "camp", "cabinet", "presidency",
    "doctrine", "family", "years", "campaign", "plan", "policy", "policies", "supporters", "allies",
    "aides", "loyalists", "visit", "mansion", "residence", "'s",
}  # fmt: skip


# "Biden-Harris Administration", "the Putin/Xi summit": a surname joined to another word names no one
_JOINERS = {"-", "‐", "–", "/"}


def _bare_notable(doc: Doc, run: _Run) -> bool:
    """A lone word that names a well-known person ("Lavrov"), used as a name: not a modifier of a noun
    ("the Biden administration") or a possessive."""
    toks = doc.tokens
    if notables.bare(toks[run.i].text) is None:
        return False
    nxt = toks[run.j].low if run.j < len(toks) and toks[run.j].sent == toks[run.i].sent else ""
    prv = toks[run.i - 1].low if run.i > 0 and toks[run.i - 1].sent == toks[run.i].sent else ""
    return nxt not in _SURNAME_MODIFIED and nxt not in _JOINERS and prv not in _JOINERS


def _listed_after_person(doc: Doc, run: _Run, mentions: list[Mention]) -> bool:
    """A full name right after a person's name and "and" or a comma, in a list of people."""
    toks = doc.tokens
    k = run.i - 1
    if k < 1 or toks[k].low not in ("and", ","):
        return False
    if toks[k].low == "and" and toks[k - 1].text == ",":
        k -= 1
    prev_end = toks[k - 1].end
    return any(m.end == prev_end and m.kind == "name" for m in mentions if m.sent == run_sent(doc, run))


def run_sent(doc: Doc, run: _Run) -> int:
    return doc.tokens[run.i].sent


def _role_spans_of_mentions(doc: Doc, persons: list[Person]) -> set[int]:
    """Token indexes inside role phrases already attached to names."""
    out: set[int] = set()
    for p in persons:
        for m in p.mentions:
            span = role_tokens(doc, m)
            if span:
                out.update(range(*span))
    return out


def role_tokens(doc: Doc, m: Mention) -> tuple[int, int] | None:
    """The [first, last + 1) tokens of a mention's role phrase, when its ends are token ends."""
    if not m.role_span:
        return None
    i, j = doc.token_starting(m.role_span[0]), doc.token_ending(m.role_span[1])
    return None if i is None or j is None else (i, j + 1)


_ROLE_WORD = re.compile(r"[\w'-]+")


def words_of(role: str | None) -> set[str]:
    """The lower-cased words of a role phrase ("Deputy Foreign Minister" -> deputy, foreign, minister)."""
    return {w.lower() for w in _ROLE_WORD.findall(role or "")}


# Words that tell posts of one head apart: a role phrase holding one names nobody whose role lacks it
_RANK_WORDS = {"deputy", "vice", "executive", "assistant", "associate", "principal"}


def _resolve_role(doc: Doc, persons: list[Person], i: int, j: int, det: str, sent: int) -> Person | None:
    """The person a role phrase without a name refers to ("the Prime Minister of the United Kingdom")."""
    v = vocab()
    toks = doc.tokens
    heads = {toks[x].low for x in range(i, j) if toks[x].low in v.heads or toks[x].low in v.person_words}
    if not heads:
        return None
    country, _ = _place_in(doc, i, j)
    org, _ = _org_in(doc, i, j)
    capitalized = any(toks[x].cap and toks[x].low in v.heads for x in range(i, j))
    placed = i in doc.place_at  # "France's foreign minister", "the Israeli leader"
    if not (det in ("the", "his", "her", "their", "our") or capitalized or placed):
        return None
    words = {toks[x].low for x in range(i, j)}
    head_of_state = "head" in words and "state" in words
    best: Person | None = None
    best_score = -1.0
    claimed = {p.country for p in persons if p.country}
    for p in persons:
        if not p.mentions:
            continue
        ahead = p.mentions[0].sent - sent
        if ahead == 0 and p.mentions[0].start > toks[i].start and not _apposed(doc, j, p.mentions[0].i):
            continue  # "the Minister met Minister of Defence X": the role is someone else
        # a role may name someone a sentence or two before their name ("told France's foreign minister")
        if ahead > 0 and not (
            country
            and ahead <= 3
            and (p.country == country or (p.country is None and heads & p.role_heads - _GENERIC_HEADS))
        ):
            continue  # "Germany's new chancellor ..." before "Chancellor Karl Huber": the role places him
        if country and p.country and p.country != country:
            continue
        if country and not p.country and country in claimed:
            continue
        unplaced = p.org is None and p.country is None and not p.role
        if org and p.org != org and not (unplaced and ahead <= 0):
            continue
        role_words = words_of(p.role)
        if org and unplaced and p.org is None:
            ok = True  # "the IAEA chief" for someone the article names with no post or side of their own
        elif head_of_state:
            ok = bool(role_words & {"president", "king", "queen", "emir", "sultan", "monarch"})
        elif heads & _GENERIC_HEADS:
            ok = bool(p.role) or bool(p.country)
        elif not p.role and country and p.country == country:
            ok = True  # "France's foreign minister" names the role of "France's Jean-Marc Ayrault"
        else:
            core = heads - {"deputy", "vice", "member"}
            ok = bool(core) and core <= (role_words | p.role_heads)
            if ok and (words & _RANK_WORDS) - role_words:
                ok = False  # "the Deputy Minister" is not the Minister, nor "the Executive Secretary" another
        if not ok:
            continue
        score = len(p.mentions) + (0.5 if p.mentions[-1].sent >= sent - 2 else 0)
        if score > best_score:
            best, best_score = p, score
    return best


def _respective_countries(doc: Doc, persons: list[Person], by_sentence: dict[int, list[Mention]]) -> None:
    """ "her French and Polish counterparts, Jean Dupont and Adam Nowak": the countries, in order."""
    toks = doc.tokens
    by_id = {p.id: p for p in persons}
    for k, ms in by_sentence.items():
        named = [m for m in ms if m.kind in ("name", "surname")]
        if len(named) < 2:
            continue
        a, b = doc.sent_tokens[k]
        for x in range(a + 2, b):
            if toks[x].low not in _PLURAL_HEADS or x + 1 >= b or toks[x + 1].text != ",":
                continue
            # the adjectives before the plural head
            codes: list[str] = []
            y = x - 1
            while y >= a:
                h = doc.place_at.get(y)
                if h is not None and h.kind in ("adj", "country") and h.j == y + 1:
                    codes.insert(0, h.value)
                    y = h.i - 1
                elif toks[y].low in ("and", ","):
                    y -= 1
                else:
                    break
            after = [m for m in named if m.i > x + 1][: len(codes)]
            if len(codes) < 2 or len(after) != len(codes):
                continue
            if after[-1].i - (x + 1) > 12:
                continue
            for m, code in zip(after, codes, strict=True):
                p = by_id[m.person]
                if p.country is None and p.org is None:
                    p.country = code


def _apposed(doc: Doc, j: int, name_i: int) -> bool:
    """Whether only punctuation, honorifics and role words stand between a role phrase ending at j and
    a name at name_i ("his Israeli counterpart, National Security Advisor Dr. X")."""
    v = vocab()
    toks = doc.tokens
    if name_i - j > 14:
        return False
    return all(
        toks[x].text in (",", ".") or toks[x].low in v.honorifics or _role_token(doc, x)
        for x in range(j, name_i)
    )


def _share_countries(doc: Doc, persons: list[Person], by_sentence: dict[int, list[Mention]]) -> None:
    """ "Ukraine's Foreign Minister Dmytro Kuleba and Minister of Defense Oleksii Reznikov": the
    country written before the first of two coordinated officials is the second's too."""
    by_id = {p.id: p for p in persons}
    for ms in by_sentence.values():
        named = [m for m in ms if m.kind in ("name", "surname")]
        for m1, m2 in pairwise(named):
            p1, p2 = by_id[m1.person], by_id[m2.person]
            if p2.country or p2.org or not p1.country or not p1.country_span or not m1.role_span:
                continue
            if p1.country_span[0] != m1.role_span[0]:
                continue
            start2 = m2.role_span[0] if m2.role_span else m2.start
            between = doc.text[m1.end : start2].strip().lower()
            if between in ("and", ",", ", and"):
                p2.country = p1.country
