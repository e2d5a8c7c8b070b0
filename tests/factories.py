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
