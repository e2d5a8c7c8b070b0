"""Factories for hand-made articles and meeting records (store and query tests bypass the extractor)."""

from __future__ import annotations

from meetview import records


def make_article(
    source: str,
    text: str = "Some article text.",
    *,
    title: str | None = "A title",
    published: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
) -> records.Article:
    return records.Article(
        source=source, text=text, original=text, title=title, published=published, outlet=outlet, url=url
    )


def person(
    name: str, role: str | None = None, country: str | None = None, organization: str | None = None
) -> records.Participant:
    return records.Participant(name=name, role=role, country=country, organization=organization)


def meeting(
    date: str | None = None,
    people=(),
    countries=(),
    topics=(),
    orgs=(),
    *,
    fmt=None,
    location=None,
    evidence: str | None = None,
) -> records.Meeting:
    return records.Meeting(
        date=date,
        format=fmt,
        location=location,
        participants=list(people),
        countries=list(countries),
        organizations=list(orgs),
        topics=list(topics),
        evidence=evidence or f"They met on {date}.",
    )


def extraction(article: records.Article, *meetings: records.Meeting, published: str | None = None):
    return records.Extraction(
        file=article.file,
        title=article.title,
        published=published or article.published,
        meetings=list(meetings),
    )


def save(store, article: records.Article, *meetings: records.Meeting, force: bool = False):
    """Store one article with hand-made meeting records (bypassing the extractor)."""
    from meetview.store.writer import save_article

    with store.session() as session:
        return save_article(
            session, article, extraction(article, *meetings), origin=article.source, force=force
        )


def build_sample(store):
    """Five meetings whose facts the query, export and TUI tests count by hand."""
    save(
        store,
        make_article(
            "a.txt",
            "Boiev met Nordic and Baltic officials about the JATEC centre.",
            title="Nordic talks",
            outlet="Defense Express",
        ),
        meeting(
            "2024-11-14",
            [person("Serhii Boiev", "Defense Minister", "UA")],
            ["UA", "NO", "SE", "DK", "FI", "IS", "EE", "LV", "LT"],
            ["air-defense", "sanctions"],
            fmt="in-person",
        ),
    )
    save(
        store,
        make_article(
            "b.txt",
            "Boyev and Fredriksen discussed interceptors and ammunition in Oslo.",
            title="Oslo meeting",
            outlet="MoD",
        ),
        meeting(
            "2024-12-10",
            [person("Sergiy Boyev", "Deputy Minister", "UA"), person("Jon Fredriksen", "Director", "NO")],
            ["UA", "NO"],
            ["air-defense", "ammunition"],
            location="Oslo",
        ),
    )
    save(
        store,
        make_article(
            "c.txt",
            "Umerov held a video conference on drones and air defense.",
            title="Video call",
            outlet="Ukrinform",
        ),
        meeting(
            "2025-01-15",
            [person("Rustem Umerov", "Defense Minister", "UA")],
            ["UA", "DE", "FR", "IT", "GB", "PL"],
            ["air-defense", "drones"],
            fmt="video",
        ),
    )
    save(
        store,
        make_article(
            "d.txt",
            "NATO ministers met in Brussels; Rutte spoke about air defense.",
            title="Brussels ministerial",
            outlet="KUNA",
        ),
        meeting(
            "2025-06",
            [person("Mark Rutte", "Secretary General", organization="NATO")],
            ["GB", "DE"],
            ["air-defense", "long-range-strike"],
            ["NATO", "UDCG"],
            location="Brussels",
        ),
    )
    save(
        store,
        make_article("e.txt", "A call with no date.", title="Undated call"),
        meeting(None, [person("Ann O'Neil", "Envoy", "IE")], ["IE", "UA"], ["energy"], fmt="phone"),
    )
    return store


PEOPLE = [
    ("Anna Kowalska", "Foreign Minister", "Poland"),
    ("Jon Berg", "Defence Minister", "Norway"),
    ("Mikko Laine", "Prime Minister", "Finland"),
    ("Rustem Umerov", "Defense Minister", "Ukraine"),
    ("Claire Dubois", "Foreign Minister", "France"),
    ("Hans Weber", "Chancellor", "Germany"),
]
TOPICS = ["air defense", "ammunition", "sanctions", "energy security", "reconstruction", "drones"]


def write_articles(folder, n: int, seed: int = 1) -> list:
    """n small, distinct articles of our own wording (for import tests), deterministic by seed."""
    import random

    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        (a, ra, ca), (b, rb, cb) = rng.sample(PEOPLE, 2)
        day, topic = rng.randint(1, 28), rng.choice(TOPICS)
        text = (
            f"{a} meets {b}\n\nPublished: 2024-{(i % 12) + 1:02d}-{day:02d}\n\n"
            f"{ca}'s {ra} {a} met {cb}'s {rb} {b} on Monday to discuss {topic}. "
            f"The two ministers also talked about {rng.choice(TOPICS)}. Item {i}.\n"
        )
        path = folder / f"article-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def build_odd_meetings(store):
    """Meetings whose values test the edges of matching: capitals beyond ASCII (SQLite's lower()
    folds ASCII only), LIKE's wildcards in values, year-only and undated meetings, no format."""
    odd = [
        ("odd-1.txt", "ÄGYPTEN", "ZÜRICH Post", "https://news.example/Ä_100%", "2019", "video"),
        ("odd-2.txt", "Zürich", "zürich post", None, None, None),
        ("odd-3.txt", "Sankt_Pölten 50%", None, "https://x.example/a%b_c", "2024-02", "phone"),
        ("odd-4.txt", "İstanbul", "İHA", None, "2024-02-29", "in-person"),
    ]
    for source, location, outlet, url, date, fmt in odd:
        save(
            store,
            make_article(source, f"Talks in {location}: ministers met.", outlet=outlet, url=url),
            meeting(
                date,
                [person("Émile Čapek", "Envoy", "CZ")],
                ["CZ", "AT"],
                ["energy"],
                fmt=fmt,
                location=location,
            ),
        )
