"""Well-known officials (data/notables.tsv): the country a named official represents when the article does
not say, and the surnames that name one person alone ("Macron and Scholz held talks")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from meetview.extract import names as pnames


@dataclass(frozen=True)
class Notable:
    name: str
    country: str | None  # None: it depends on the date (someone who also led an organisation)
    bare: str | None  # the one word that names this person alone, or None
    org: str | None = None  # the organisation they spoke for throughout
    terms: tuple[tuple[str, str, str], ...] = ()  # (side, first day, last day): "@" opens an organisation

    def side_on(self, day: str | None) -> tuple[str | None, str | None]:
        """(country, organisation) they spoke for on `day` (ISO, a month or year will do), if their terms
        say; (None, None) between terms or without a day."""
        if not day:
            return None, None
        for side, first, last in self.terms:
            if (not first or day >= first[: len(day)]) and (not last or day <= last[: len(day)]):
                return (None, side[1:]) if side.startswith("@") else (side, None)
        return None, None


@dataclass(frozen=True)
class _Table:
    by_surname: dict[str, tuple[Notable, ...]]  # surname key of the full name -> people
    by_bare: dict[str, Notable]  # surname key of the bare word -> its one person


@lru_cache(maxsize=1)
def _table() -> _Table:
    text = resources.files("meetview.extract.data").joinpath("notables.tsv").read_text("utf-8")
    by_surname: dict[str, list[Notable]] = {}
    by_bare: dict[str, Notable] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, country, bare, org, terms = [*line.split("\t"), "", "", "", ""][:5]
        spans = tuple((side, first, last) for side, first, last in (t.split(":") for t in terms.split()))
        person = Notable(
            name.strip(), country.strip() or None, bare.strip() or None, org.strip() or None, spans
        )
        by_surname.setdefault(pnames.surname_key(person.name), []).append(person)
        if person.bare:
            by_bare[pnames.surname_key(person.bare)] = person
    return _Table({k: tuple(v) for k, v in by_surname.items()}, by_bare)


def bare(word: str) -> Notable | None:
    """The person a single word names alone ("Macron", "Erdogan", "Zelenskyy"), if it is one."""
    return _table().by_bare.get(pnames.surname_key(word))


def known(forms: list[str]) -> Notable | None:
    """The one well-known person these written forms of a name denote: a full name compatible with one
    of the table's, or a word that names someone alone; None when none or several fit."""
    table = _table()
    found: set[Notable] = set()
    for form in map(_surname_last, forms):
        if len(pnames.words(form)) < 2:
            if (person := table.by_bare.get(pnames.surname_key(form))) is not None:
                found.add(person)
            continue
        found.update(
            p for p in table.by_surname.get(pnames.surname_key(form), ()) if pnames.same_person(p.name, form)
        )
    return found.pop() if len(found) == 1 else None


def _surname_last(name: str) -> str:
    """A name with its surname last: Japanese official texts write it first, in capitals ("KISHIDA
    Fumio")."""
    words = name.split()
    caps = [w for w in words if len(w) > 2 and w.isupper()]
    if len(caps) != 1 or words[-1] == caps[0]:
        return name
    return " ".join([w for w in words if w != caps[0]] + [caps[0].title()])
