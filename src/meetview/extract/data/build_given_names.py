"""Build given_names.txt, the gazetteer of given names, from Faker's person providers (MIT licence).

    python -m venv /tmp/faker && /tmp/faker/bin/pip install faker anyascii
    cd src/meetview/extract/data && /tmp/faker/bin/python build_given_names.py > given_names.txt

Not imported at run time: the extractor reads the text file this writes. Every locale's `first_names*`
and `first_romanized_names*` lists are read; names in Latin script are kept as written, Cyrillic and
Greek ones are transliterated with anyascii, other scripts are left out (their transliterations are too
loose to be useful). Words that are also English function words, roles, months or weekdays are dropped.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import unicodedata

# English words that Faker lists as given names but that open sentences or name things
_DROP_WORDS = """
    africa ali america amin amir and april art asia august aurora austin autumn bay berlin bill bishop
    carolina cash chad chance chancellor chase cherry china dallas dawn deal dean december denver
    destiny don duke earl east emir europa eve faith february florence for france friday gay general
    georgia grace grant guy harmony holly honey hope houston hunter india iris israel ivy january
    jordan joy june justice kenya king liberty lily london long lourdes madison major march marshal
    mason may miles minister monday more new november october page paris peace phoenix premier
    president prince princess ray reign rich rose royal sale saturday september shah sheikh sky spring
    star sultan summer sunday sunny sydney the thursday trinity tuesday unity victoria virginia
    wednesday west will winter young
    """
DROP = set(_DROP_WORDS.split())


def latin(name: str) -> bool:
    return all(c in "-' ’" or (c.isalpha() and "LATIN" in unicodedata.name(c, "")) for c in name)


def convertible(name: str) -> bool:
    return all(c in "-' ’" or unicodedata.name(c, "").startswith(("CYRILLIC", "GREEK")) for c in name)


def main() -> None:
    import faker.providers.person as person
    from anyascii import anyascii

    names: set[str] = set()
    for mod in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"faker.providers.person.{mod.name}").Provider
        except Exception:
            continue
        for attr in dir(provider):
            if not (attr.startswith("first_names") or attr.startswith("first_romanized_names")):
                continue
            values = getattr(provider, attr)
            if not isinstance(values, (list, tuple, dict)):
                continue
            for raw in values:
                if not isinstance(raw, str):
                    continue
                name = unicodedata.normalize("NFKC", raw).strip()
                if not name or " " in name:
                    continue
                if convertible(name):
                    name = anyascii(name)
                elif not latin(name):
                    continue
                if len(name) < 3 or not name[0].isupper() or name.lower() in DROP:
                    continue
                names.add(name.lower().replace("’", "'"))
    import faker

    print("# Given names, one a line, lowercased: the gazetteer the person detector reads to accept a")
    print('# name-shaped run without a role before it ("Bruno Retailleau, who joined ...").')
    print(
        f"# Source: Faker {faker.VERSION} (MIT licence, https://github.com/joke2k/faker), person providers of"
    )
    print(
        "# every locale (first_names*, first_romanized_names*); Latin script as written, Cyrillic and Greek"
    )
    print("# transliterated with anyascii; English words, months, places and titles dropped.")
    print("# Built by build_given_names.py in this folder.")
    for n in sorted(names):
        print(n)
    print(f"{len(names)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
