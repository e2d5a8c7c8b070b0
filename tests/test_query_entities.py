"""Entity tables (people, countries, organizations, topics) and the person view, on the sample database."""

from __future__ import annotations

from meetview import query
from meetview.query import entities


def test_people_table_merges_transliterations_and_counts(db):
    with db.session() as s:
        rows = entities.people(s, query.parse(""))
    boiev = next(r for r in rows if "Boiev" in r.name or "Boyev" in r.name)
    assert boiev.meetings == 2 and boiev.last_met == "2024-12-10"
    assert {"Serhii Boiev", "Sergiy Boyev"} == {boiev.name, *boiev.aliases.split(", ")}
    assert "Defense Minister" in boiev.roles and "Deputy Minister" in boiev.roles
    assert rows[0] == boiev  # most meetings first


def test_countries_table_with_partners_respects_the_filter(db):
    with db.session() as s:
        rows = entities.countries(s, query.parse("-format:video"))
    by = {r.key: r for r in rows}
    assert by["UA"].meetings == 3 and by["NO"].meetings == 2
    assert by["NO"].partners.startswith("UA 2")
    assert "IT" not in by  # only in the video meeting


def test_organizations_and_topics(db):
    with db.session() as s:
        orgs = entities.organizations(s, query.parse(""))
        topics = entities.topics(s, query.parse(""))
    assert [(o.key, o.meetings) for o in orgs] == [("NATO", 1), ("UDCG", 1)] or [
        (o.key, o.meetings) for o in orgs
    ] == [("UDCG", 1), ("NATO", 1)]
    air = topics[0]
    assert (air.id, air.meetings) == ("air-defense", 4)
    assert sum(air.trend) == 4 and len(air.trend) == 4  # four months with data


def test_person_view(db):
    with db.session() as s:
        boiev = next(r for r in entities.people(s, query.parse("")) if r.meetings == 2)
        view = entities.person_view(s, boiev.id)
        assert entities.person_view(s, 99999) is None
    assert view is not None
    assert [m.date for m in view.meetings] == ["2024-12-10", "2024-11-14"]
    assert [r[0] for r in view.roles] == ["Defense Minister", "Deputy Minister"]
    assert [c[1] for c in view.counterparts] == ["Jon Fredriksen"]


def test_country_pair(db):
    with db.session() as s:
        page = entities.country_pair(s, "GB", "DE")
    assert sorted(r.date for r in page.rows) == ["2025-01-15", "2025-06"]
