"""A synthetic meetings database of any size, deterministic by seed, for benchmarks and the app.

    python benchmarks/synth.py 100000            # -> benchmarks/out/synth-100000-s1.db (cached)
    python benchmarks/synth.py 2000 --writer     # through store.writer.save_article (slow, exact)

`generate` yields (article, extraction) pairs the way ingest and extract would: articles with text,
meeting records with participants, countries, organizations, topics, evidence and spans, a few
articles reporting a meeting another article already reported (merged into one meeting with two
sources). `build` stores them either through `save_article` (the real writer, ~3 ms a meeting) or
with bulk inserts that write the same rows the writer would (tests/tui/test_synth.py checks that
both give the same database), fast enough for 100k meetings in about a minute.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from meetview import records  # noqa: E402
from meetview.extract.countries import country_name  # noqa: E402
from meetview.extract.names import skeleton, surname_key  # noqa: E402
from meetview.extract.taxonomy import load_topics, topic_label  # noqa: E402
from meetview.store.dates import date_bounds  # noqa: E402


def _split(words: str) -> list[str]:
    return words.split()


COUNTRIES = _split(
    "UA US DE FR GB PL NO SE DK FI EE LV LT NL BE IT ES PT CZ SK RO BG HU AT CH IE IS CA AU JP KR "
    "TR GR HR SI MD GE AZ AM KZ CN IN BR ZA SA AE QA IL EG MA NG KE ID VN TH PH MX AR CL NZ SG"
)
ROLES = (
    "Defense Minister",
    "Foreign Minister",
    "Prime Minister",
    "President",
    "Deputy Minister",
    "Ambassador",
    "Chief of Staff",
    "National Security Adviser",
    "Envoy",
    "Director",
    "Secretary General",
)
ORGS = ("NATO", "European Union", "UDCG", "OSCE", "United Nations", "G7", "IMF", "World Bank", "NB8")
CAPITALS = (
    "Kyiv",
    "Brussels",
    "Berlin",
    "Paris",
    "London",
    "Warsaw",
    "Oslo",
    "Stockholm",
    "Washington",
    "Ramstein",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Helsinki",
    "Copenhagen",
    "Rome",
    "Madrid",
    "Tokyo",
    "Ankara",
    "Geneva",
)
OUTLETS = ("Defense Express", "Ukrinform", "Reuters", "MoD", "KUNA", "AP", "Kyiv Independent", "AFP")
GIVEN = _split(
    "Serhii Olena Mark Anna Jon Rustem Ann Pierre Maria Jan Lars Ingrid Kaja Gabrielius Ursula Lloyd "
    "Antony Boris Olaf Karin Mette Petr Ivan Hanna Tomas Eva Luis Sofia Kenji Akira Mehmet Elif Yuki "
    "Arvid Sanna Pekka Edgars Krisjanis Annalena Kamala Rishi Giorgia Pedro Viktor Andrzej Radoslaw"
)
SYLLABLES = _split(
    "bo ko ma ra te ni lu sa ve do ri ka po len ber mar tin son sen vik dal hov ros ian ova enko "
    "chuk ski vic ler man ner ton lin gar mir zel rut fred umer kul pet iva nor lund strom berg"
)

START = dt.date(2015, 1, 1)
DAYS = (dt.date(2025, 12, 31) - START).days


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3)))).capitalize()


def make_people(rng: random.Random, n: int) -> list[tuple[str, str | None, str | None, str]]:
    """(name, country, organization, usual role) for n people whose surnames never merge."""
    seen: set[str] = set()
    people = []
    while len(people) < n:
        name = f"{rng.choice(GIVEN)} {_surname(rng)}"
        key = surname_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        if rng.random() < 0.06:
            people.append((name, None, rng.choice(ORGS), "Secretary General"))
        else:
            country = rng.choices(
                COUNTRIES, weights=[12 if c == "UA" else 3 if i < 12 else 1 for i, c in enumerate(COUNTRIES)]
            )[0]
            people.append((name, country, None, rng.choice(ROLES)))
    return people


def _date(rng: random.Random) -> str | None:
    r = rng.random()
    day = START + dt.timedelta(days=int(DAYS * rng.random() ** 0.7))  # more meetings lately
    if r < 0.85:
        return day.isoformat()
    if r < 0.93:
        return day.strftime("%Y-%m")
    if r < 0.95:
        return str(day.year)
    return None


def generate(n: int, seed: int = 1) -> Iterator[tuple[records.Article, records.Extraction]]:
    """n meetings (about 3% reported by a second article too), as articles with extractions."""
    rng = random.Random(seed)
    people = make_people(rng, max(50, min(6000, n // 15)))
    topic_ids = sorted(load_topics())
    topic_weights = [
        6 if t in ("air-defense", "military-aid", "sanctions", "drones") else 1 for t in topic_ids
    ]
    used_people: set[tuple[str, int]] = set()
    used_countries: set[tuple[str, frozenset[str]]] = set()
    made = 0
    article_no = 0
    while made < n:
        k = rng.choice((1, 1, 1, 2, 2, 3)) if rng.random() > 0.05 else 0
        chosen = rng.sample(range(len(people)), k)
        date = _date(rng)
        countries = [people[i][1] for i in chosen if people[i][1]]
        for c in rng.sample(COUNTRIES[:20], rng.choice((0, 1, 1, 2, 4))):
            if c not in countries:
                countries.append(c)
        if not countries:
            countries.append("UA")
        countries = list(dict.fromkeys(countries))
        # the writer merges two records of one day sharing a person or the same country set: keep
        # unrelated meetings apart by moving them a day
        while date and len(date) == 10:
            if not any((date, i) in used_people for i in chosen) and (
                len(countries) < 2 or (date, frozenset(countries)) not in used_countries
            ):
                break
            date = (dt.date.fromisoformat(date) + dt.timedelta(days=1)).isoformat()
        if date and len(date) == 10:
            used_people.update((date, i) for i in chosen)
            if len(countries) >= 2:
                used_countries.add((date, frozenset(countries)))
        topics = list(
            dict.fromkeys(rng.choices(topic_ids, weights=topic_weights, k=rng.choice((1, 2, 2, 3))))
        )
        orgs = list(dict.fromkeys(people[i][2] for i in chosen if people[i][2]))
        if rng.random() < 0.15:
            orgs.append(rng.choice(ORGS))
            orgs = list(dict.fromkeys(orgs))
        fmt = rng.choices(("in-person", "video", "phone", None), weights=(60, 20, 15, 5))[0]
        location = rng.choice(CAPITALS) if fmt == "in-person" and rng.random() < 0.7 else None
        participants = [
            records.Participant(
                name=people[i][0], role=people[i][3], country=people[i][1], organization=people[i][2]
            )
            for i in chosen
        ]
        twin = bool(date and len(date) == 10 and (participants or len(countries) >= 2))
        for copy in range(2 if (twin and rng.random() < 0.03) else 1):
            article_no += 1
            yield _article(rng, article_no, date, fmt, location, participants, countries, orgs, topics, copy)
        made += 1


def _article(rng, no, date, fmt, location, participants, countries, orgs, topics, copy):
    names = ", ".join(p.name for p in participants) or "Delegations"
    where = f" in {location}" if location else ""
    how = {"video": "held a video conference", "phone": "spoke by phone", "in-person": "met"}.get(
        fmt or "", "met"
    )
    evidence = f"{names} {how}{where} about {', '.join(topic_label(t).lower() for t in topics)}."
    spans: list[records.Span] = []
    text = ""
    title = f"{names.split(',')[0]}: {topic_label(topics[0])}"
    intro = f"{title}.\n\n"
    text += intro
    ev_start = len(text)
    text += evidence
    spans.append(records.Span("evidence", evidence, ev_start, ev_start + len(evidence)))
    for p in participants:
        at = text.find(p.name, ev_start)
        spans.append(records.Span("participant", p.name, at, at + len(p.name)))
    for t in topics:
        label = topic_label(t).lower()
        at = text.find(label, ev_start)
        if at >= 0:
            spans.append(records.Span("topic", t, at, at + len(label)))
    text += "\n\n"
    start = len(text)
    country_words = ", ".join(country_name(c) for c in countries)
    text += f"Representatives of {country_words} took part."
    for c in countries:
        name = country_name(c)
        at = text.find(name, start)
        spans.append(records.Span("country", c, at, at + len(name)))
    text += "\n\n" + " ".join(
        rng.choice(
            (
                "The sides reviewed the situation at the front.",
                "They agreed to meet again soon.",
                "Further support packages were discussed.",
                "The ministers signed a joint statement.",
                "Both delegations stressed long-term cooperation.",
            )
        )
        for _ in range(rng.randint(3, 12))
    )
    if copy:
        text += f"\n\n(Reported again, version {copy + 1}.)"
    published = date if date and len(date) == 10 else None
    article = records.Article(
        source=f"synth/{no:07d}.txt",
        text=text,
        original=text,
        title=title,
        published=published,
        outlet=OUTLETS[no % len(OUTLETS)],
        url=f"https://example.org/news/{no:07d}",
    )
    meeting = records.Meeting(
        date=date,
        format=fmt,
        location=location,
        participants=list(participants),
        countries=list(countries),
        organizations=list(orgs),
        topics=list(topics),
        evidence=evidence,
        spans=spans,
    )
    return article, records.Extraction(
        file=article.file, title=title, published=published, meetings=[meeting]
    )


# --- storing ---------------------------------------------------------------------------------------


def build_with_writer(store, items) -> int:
    from meetview.store.writer import save_article

    n = 0
    with store.session() as session:
        for article, extraction in items:
            save_article(session, article, extraction, origin=article.source)
            n += 1
    return n


def build_bulk(store, items, *, batch: int = 5000) -> int:
    """The rows save_article would write, inserted in batches (meetings merged by the same rule)."""
    from sqlalchemy import insert, update

    from meetview.store.models import (
        Article,
        Country,
        Meeting,
        MeetingCountry,
        MeetingOrganization,
        MeetingSource,
        MeetingTopic,
        Organization,
        Participant,
        Person,
        PersonAlias,
        Topic,
    )
    from meetview.store.writer import content_hash, index_new_articles, now

    stamp = now()
    person_ids: dict[str, int] = {}  # surname key -> id (synthetic surnames never collide)
    org_ids: dict[str, int] = {}
    countries: set[str] = set()
    topics: set[str] = set()
    twins: dict[tuple, int] = {}  # (day, person name) or (day, country set) -> meeting id
    rows: dict[str, list[dict]] = {
        k: [] for k in ("article", "meeting", "source", "participant", "mc", "mt", "mo")
    }
    pending: dict[int, dict] = {}  # meetings of this batch, not inserted yet
    models = (
        ("article", Article),
        ("meeting", Meeting),
        ("source", MeetingSource),
        ("participant", Participant),
        ("mc", MeetingCountry),
        ("mt", MeetingTopic),
        ("mo", MeetingOrganization),
    )
    article_id = 0
    count = 0

    def flush(session) -> None:
        for key, model in models:
            if rows[key]:
                session.execute(insert(model), rows[key])
                rows[key].clear()
        pending.clear()
        index_new_articles(session)  # their full-text rows, as the writer writes them before a commit

    with store.session() as session:
        for article, extraction in items:
            article_id += 1
            published = extraction.published or article.published
            rows["article"].append(
                dict(
                    id=article_id,
                    source=article.source,
                    url=article.url,
                    title=extraction.title or article.title,
                    outlet=article.outlet,
                    published=published,
                    kind=article.kind,
                    original_text=article.original,
                    clean_text=article.text,
                    content_hash=content_hash(article),
                    origin=article.source,
                    imported_at=stamp,
                    updated_at=stamp,
                )
            )
            for position, m in enumerate(extraction.meetings):
                keys: list[tuple] = []
                if m.date and len(m.date) == 10:
                    keys = [(m.date, p.name) for p in m.participants]
                    if len(m.countries) >= 2:
                        keys.append((m.date, frozenset(m.countries)))
                twin = next((twins[k] for k in keys if k in twins), None)
                if twin is not None:  # a second source with the same facts: only the count changes
                    meeting_id = twin
                    if twin in pending:
                        pending[twin]["n_sources"] += 1
                    else:
                        session.execute(
                            update(Meeting).where(Meeting.id == twin).values(n_sources=Meeting.n_sources + 1)
                        )
                else:
                    count += 1
                    meeting_id = count
                    twins.update((k, meeting_id) for k in keys)
                    start, end, precision = date_bounds(m.date)
                    row = dict(
                        id=meeting_id,
                        date=m.date,
                        date_start=start,
                        date_end=end,
                        date_precision=precision,
                        format=m.format,
                        location=m.location,
                        evidence=m.evidence,
                        status=m.status,
                        participants_label="; ".join(p.name for p in m.participants),
                        countries_label=" ".join(m.countries),
                        organizations_label=", ".join(m.organizations),
                        topics_label=", ".join(m.topics),
                        n_sources=1,
                        created_at=stamp,
                        updated_at=stamp,
                    )
                    rows["meeting"].append(row)
                    pending[meeting_id] = row
                    for p in m.participants:
                        key = surname_key(p.name) or skeleton(p.name)
                        pid = person_ids.get(key)
                        if pid is None:
                            pid = person_ids[key] = len(person_ids) + 1
                            session.execute(
                                insert(Person).values(id=pid, name=p.name, key=key, country=p.country)
                            )
                            session.execute(
                                insert(PersonAlias).values(
                                    person_id=pid, alias=p.name, folded=skeleton(p.name)
                                )
                            )
                        rows["participant"].append(
                            dict(
                                meeting_id=meeting_id,
                                person_id=pid,
                                name=p.name,
                                role=p.role,
                                country=p.country,
                                organization=p.organization,
                            )
                        )
                    for c in m.countries:
                        if c not in countries:
                            countries.add(c)
                            session.execute(insert(Country).values(code=c, name=country_name(c)))
                        rows["mc"].append(dict(meeting_id=meeting_id, country_code=c))
                    for t in m.topics:
                        if t not in topics:
                            topics.add(t)
                            session.execute(insert(Topic).values(id=t, label=topic_label(t)))
                        rows["mt"].append(dict(meeting_id=meeting_id, topic_id=t))
                    for o in m.organizations:
                        if o not in org_ids:
                            org_ids[o] = len(org_ids) + 1
                            session.execute(insert(Organization).values(id=org_ids[o], name=o))
                        rows["mo"].append(dict(meeting_id=meeting_id, organization_id=org_ids[o]))
                rows["source"].append(
                    dict(
                        meeting_id=meeting_id,
                        article_id=article_id,
                        position=position,
                        record=json.dumps(m.to_dict(), ensure_ascii=False),
                    )
                )
            if len(rows["article"]) >= batch:
                flush(session)
        flush(session)
    return count


def build(path: Path, n: int, *, seed: int = 1, writer: bool = False) -> Path:
    """Build (or reuse) the database at `path` with n synthetic meetings."""
    from meetview.store import open_store

    if path.exists():
        return path
    tmp = path.with_suffix(".tmp.db")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    store = open_store(str(tmp))
    try:
        (build_with_writer if writer else build_bulk)(store, generate(n, seed))
        with store.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
    finally:
        store.close()
    tmp.rename(path)
    return path


def cached(n: int, seed: int = 1) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    return build(OUT / f"synth-{n}-s{seed}.db", n, seed=seed)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=100_000, help="meetings")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, help="database file (default: benchmarks/out/synth-N-sSEED.db)")
    ap.add_argument("--writer", action="store_true", help="store through save_article (slow)")
    args = ap.parse_args()
    path = args.out or OUT / f"synth-{args.n}-s{args.seed}{'-writer' if args.writer else ''}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    existed = path.exists()
    build(path, args.n, seed=args.seed, writer=args.writer)
    what = "reused" if existed else f"built in {time.perf_counter() - t0:.1f} s"
    print(f"{path} ({args.n:,} meetings, seed {args.seed}): {what}")


if __name__ == "__main__":
    main()
