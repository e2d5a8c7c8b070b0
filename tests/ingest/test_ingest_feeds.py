"""Feeds: RSS 2.0, Atom, RSS 1.0/RDF and JSON Feed entries become Articles; broken feeds are clear errors."""

from __future__ import annotations

import json

import pytest
from ingest_helpers import fixture_path, lines_of, parse_bytes

from meetview.ingest import IngestError, load, parse


def read(name: str):
    return parse(load(str(fixture_path(name))))


def test_rss_entries():
    first, second = read("feed_rss.xml")  # the third item has no text and is skipped
    src = str(fixture_path("feed_rss.xml"))
    assert first.source == f"{src}#harbour-1001"  # the guid
    assert first.kind == "feed-entry"
    assert first.title == "Dutch and Belgian ministers meet in Antwerp"
    assert first.published == "2023-06-12"  # the day the feed wrote, not shifted to UTC (06-13)
    assert first.url == "https://harbour.example.com/2023/06/12/antwerp-talks"
    assert first.outlet == "Harbour Times & World"
    # full content preferred over the summary, HTML turned into lines, the WordPress footer dropped
    assert lines_of(first.text) == [
        "ANTWERP, June 12 – The Dutch and Belgian foreign ministers met in Antwerp on Monday to discuss "
        "port security and joint patrols in the North Sea.",
        "They agreed to share radar data from 2024.",
    ]
    assert "<p>" in first.original
    # no guid: the link names the entry; an escaped-HTML description becomes text
    assert second.source == f"{src}#https://harbour.example.com/2023/06/10/benelux-summit"
    assert (
        second.text
        == "The Benelux prime ministers met in Luxembourg on Saturday to discuss energy interconnectors."
    )
    assert second.published == "2023-06-10"


def test_atom_entries():
    first, second = read("feed_atom.atom")
    assert first.title == "Swiss & Austrian ministers talk energy"  # HTML title made plain
    assert first.published == "2022-09-01"  # <published> wins over <updated>
    assert first.url == "https://alpine.example.org/77"
    assert first.outlet == "Alpine Diplomatic Wire"
    assert first.source.endswith("#urn:uuid:entry-77")
    assert lines_of(first.text) == [
        "The Swiss and Austrian energy ministers met in Bern on Thursday.",
        "They discussed gas storage for the winter.",
    ]
    assert second.published == "2022-08-30"  # only <updated>
    assert second.text == "An envoy attended talks in Vaduz on Tuesday."


def test_rdf_entries():
    (entry,) = read("feed_rdf.rdf")
    assert entry.title == "Estonian and Finnish presidents meet in Tallinn"
    assert entry.published == "2023-10-13"  # dc:date
    assert entry.outlet == "Baltic Bulletin"
    assert entry.url == "https://baltic.example.net/a/5"
    assert "Balticconnector pipeline" in entry.text


def test_feed_is_sniffed_whatever_the_suffix():
    data = fixture_path("feed_atom.atom").read_bytes()
    entries = parse_bytes(data, "download.txt")
    assert [e.kind for e in entries] == ["feed-entry", "feed-entry"]
    entries = parse_bytes(fixture_path("feed_rdf.rdf").read_bytes(), "no-suffix")
    assert len(entries) == 1


def test_entries_without_ids_or_links_are_numbered():
    data = (
        '<rss version="2.0"><channel><title>T</title>'
        "<item><title>A</title><description>Ministers met in Rome.</description></item>"
        "<item><title>B</title><description>Leaders met in Paris.</description></item>"
        "</channel></rss>"
    )
    assert [a.source for a in parse_bytes(data, "f.rss")] == ["f.rss#1", "f.rss#2"]


def test_malformed_feed_with_no_entries():
    with pytest.raises(IngestError, match=r"malformed feed \(.+\)"):
        parse_bytes(b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Broken</title><item', "x.xml")


def test_malformed_feed_whose_entries_have_no_text():
    with pytest.raises(IngestError, match=r"malformed feed .*1 entry, none with text"):
        read("feed_broken.xml")


def test_feed_with_no_entries():
    with pytest.raises(IngestError, match="feed has no entries"):
        parse_bytes('<rss version="2.0"><channel><title>Empty</title></channel></rss>', "e.rss")


def test_xml_that_is_not_a_feed():
    with pytest.raises(IngestError):
        parse_bytes(
            '<?xml version="1.0"?><urlset><url><loc>https://x.org/</loc></url></urlset>', "sitemap.xml"
        )


def test_hostile_feed_content_is_inert():
    data = (
        '<rss version="2.0"><channel><title>Evil\x1b[31m</title><item><title>Talks\u202e in Baku</title>'
        "<description><![CDATA[<p>Ministers met in Baku.\x1b]0;x\x07</p><script>alert(1)</script>]]>"
        "</description>"
        "</item></channel></rss>"
    )
    (a,) = parse_bytes(data.encode(), "evil.rss")
    for value in (a.text, a.title, a.outlet, a.original):
        assert "\x1b" not in value and "\u202e" not in value and "\x07" not in value
    assert a.text == "Ministers met in Baku."
    assert "alert" not in a.text


def test_json_feed():
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Danube Digest",
        "items": [
            {
                "id": "d-1",
                "url": "https://danube.example.eu/1",
                "title": "Hungarian and Slovak ministers meet",
                "content_html": "<p>The ministers met in Bratislava on Monday.<p>They discussed bridges.",
                "date_published": "2021-05-03T10:00:00+02:00",
            },
            {"id": "d-2", "content_text": "Leaders met in Budapest.", "date_modified": "2021-05-01"},
            {"id": "d-3", "title": "No text"},
        ],
    }
    first, second = parse_bytes(json.dumps(feed), "digest.json")
    assert (first.source, first.title, first.published, first.outlet, first.url) == (
        "digest.json#d-1",
        "Hungarian and Slovak ministers meet",
        "2021-05-03",
        "Danube Digest",
        "https://danube.example.eu/1",
    )
    assert lines_of(first.text) == ["The ministers met in Bratislava on Monday.", "They discussed bridges."]
    assert second.text == "Leaders met in Budapest." and second.published == "2021-05-01"


@pytest.mark.parametrize("data", ['{"a": 1}', "[1, 2]", "{broken json"])
def test_json_that_is_not_a_json_feed(data):
    with pytest.raises(IngestError, match=r"JSON"):
        parse_bytes(data, "data.json")


def test_an_entry_date_that_only_feedparser_can_read_is_taken_without_its_deprecated_fallback():
    """An RSS date our own reader cannot read (a two-digit year) comes from feedparser's
    parse of it; asking for the missing "updated" fields must not go through feedparser's
    deprecated "updated" -> "published" mapping, which warns (and will be removed)."""
    import warnings

    feed = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>Talks</title>'
        b"<link>https://wire.example/talks</link><pubDate>12 Jun 23 10:00 GMT</pubDate>"
        b"<description>The ministers met in Oslo.</description></item></channel></rss>"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (article,) = parse_bytes(feed, "wire.xml")
    assert article.text == "The ministers met in Oslo."
    assert article.published == "2023-06-12"
