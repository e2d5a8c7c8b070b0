"""Plain text and Markdown: front matter, header dates, markup removal, boilerplate, titles."""

from __future__ import annotations

import pytest
from ingest_helpers import fixture_path, lines_of, parse_one

from meetview.ingest import load, parse
from meetview.ingest.text import markdown_line


def read(name: str):
    articles = parse(load(str(fixture_path(name))))
    assert len(articles) == 1
    return articles[0]


# ---------------------------------------------------------------- scraped page with boilerplate


def test_scraped_page_boilerplate_removed_and_sentences_kept():
    a = read("scraped_page.txt")
    for junk in (
        "Skip to main content",
        "• En",
        "Ук",
        "Article top vertical",
        "Photo: Ministry",
        "dpa-4412",
        "Read more",
        "Share this article",
        "LinkendIn",
        "Tags",
        "Cyber defence\n",
        "Source",
    ):
        assert junk not in a.text, junk
    assert lines_of(a.text)[-1].startswith("Almeida said Portugal would send two experts")
    # the dateline and every article sentence stay
    assert "TALLINN, March 3 (NordNews) -- Estonian Foreign Minister Anna Kask met" in a.text
    assert '"Our cooperation in cyber defence protects both our nations," Kask said' in a.text
    assert "joint working group on cyber-defence training" in a.text
    # the original keeps everything, markup and boilerplate included
    assert "Share this article" in a.original and "• En" in a.original


def test_scraped_page_title_skips_section_label_and_translation():
    a = read("scraped_page.txt")
    assert a.title == "Estonian and Portuguese foreign ministers agree on a joint cyber-defence roadmap"
    assert a.kind == "text"
    assert a.published is None
    # the headline printed twice appears once; the translated subtitle stays in the text
    assert a.text.count("agree on a joint cyber-defence roadmap") == 1
    assert "Міністри закордонних справ Естонії" in a.text


def test_translation_line_first_is_not_the_title():
    a = parse_one(
        "Міністри обговорили співпрацю\n\nMinisters discuss defence cooperation in Vilnius\n\n"
        "Lithuanian and Ukrainian defence ministers met in Vilnius on Friday to discuss joint production "
        "of drones and air defence systems for the coming year.\n"
    )
    assert a.title == "Ministers discuss defence cooperation in Vilnius"


def test_no_headline_gives_no_title():
    body = (
        "Foreign ministers of the Nordic countries met in Reykjavik on Tuesday and agreed to deepen their "
        "cooperation on Arctic security, energy and support for Ukraine, the Icelandic foreign ministry said "
        "in a statement after the meeting. The next meeting will be held in Oslo.\n"
    )
    assert parse_one(body).title is None


def test_title_is_first_line_when_plain():
    a = parse_one("G7 backs debt relief plan\n\nG7 finance ministers have backed plans to write off debts.\n")
    assert a.title == "G7 backs debt relief plan"
    assert a.text.startswith("G7 backs debt relief plan\n")


# ---------------------------------------------------------------- header dates


def test_published_line_is_the_date_and_leaves_the_text():
    a = read("published_line.txt")
    assert a.published == "2023-11-02"
    assert "Published" not in a.text
    assert a.title == "President of Finland met with the Prime Minister of Japan"
    assert "Mikko Salo met with Prime Minister of Japan Kenji Mori" in a.text


def test_label_line_date_taken_and_removed_and_end_marker_dropped():
    a = read("label_line.txt")
    assert a.published == "2024-03-05"  # the ISO date after the label, not the template date after it
    assert "2024-03-05" not in a.text and "01 January 2024" not in a.text
    assert a.title == "Canada And Mexico Sign Energy Accord"
    assert "OTTAWA, March 5 (NAPress) -- Canadian and Mexican energy ministers" in a.text
    assert a.text.endswith("The accord covers grid links and hydrogen research.")
    assert "(End)" not in a.text


def test_bylines_and_datelines_stay_in_text_and_are_not_published():
    a = parse_one(
        "Ministers agree on grain corridor\n\nKyiv Daily - 12 March 2024 10:15\n\n"
        "ANKARA, March 12 (Reuters) - Turkish and Ukrainian ministers agreed on Tuesday to extend the "
        "grain corridor.\n"
    )
    assert a.published is None
    assert "Kyiv Daily - 12 March 2024 10:15" in a.text
    assert "ANKARA, March 12 (Reuters) -" in a.text


def test_date_label_in_a_sentence_is_not_a_header():
    a = parse_one("Date night diplomacy\n\nDate: to be confirmed by both ministries.\n")
    assert a.published is None
    assert "Date: to be confirmed" in a.text


# ---------------------------------------------------------------- front matter and Markdown


def test_front_matter_fields_and_removal():
    a = read("front_matter.md")
    assert a.title == "Readout of the Minister’s Meeting with the Foreign Minister of Chile"  # NBSP folded
    assert a.published == "2023-05-17"
    assert a.url == "https://example.org/news/2023/05/17/readout-chile/"
    assert a.outlet == "Example Ministry"
    assert a.kind == "markdown"
    assert "source_url" not in a.text and "---" not in a.text and "tags:" not in a.text


def test_markdown_markup_removed_and_paragraphs_are_lines():
    a = read("front_matter.md")
    lines = lines_of(a.text)
    assert lines[0] == "Readout"  # heading marker dropped
    # a hard-wrapped paragraph becomes one line; emphasis and link syntax go, their words stay
    assert lines[1] == (
        "The Minister met today with Foreign Minister Lucia Rojas of Chile in Santiago to discuss trade, "
        "critical minerals and climate cooperation. The two ministers agreed to meet again in the autumn."
    )
    assert lines[2:] == ["- Trade and investment", "- Lithium supply chains"]
    for markup in ("**", "](", "https://example.org/santiago", "![", "photo.jpg", "###", "\\"):
        assert markup not in a.text, markup


def test_one_paragraph_per_line_text_is_not_joined():
    lines = [
        "BRUSSELS, June 4 (KUNA) -- NATO defence ministers met in Brussels on Wednesday.",
        "They discussed air defence and long-range weapons for Ukraine and agreed on new targets.",
        "The meeting was preceded by a gathering of the Ukraine Defense Contact Group in the city.",
        "Healey said the United Kingdom would deliver more drones to Ukraine this year as promised.",
    ]
    a = parse_one("Ministers meet in Brussels\n" + "\n".join(lines) + "\n")
    assert lines_of(a.text)[1:] == lines


def test_broken_yaml_front_matter_is_tolerated():
    a = parse_one(
        '---\ntitle: Ministers meet: a "broken: yaml\ndate: 2021-04-01\ntags: [unclosed\n---\n'
        "Ministers of Chile and Peru met in Lima on Thursday.\n",
        "broken.md",
    )
    assert a.published == "2021-04-01"
    assert a.title == 'Ministers meet: a "broken: yaml'
    assert a.text == "Ministers of Chile and Peru met in Lima on Thursday."


def test_front_matter_boolean_published_and_entities():
    a = read("embedded_html.md")
    assert a.title == "Ministers say they're close to a deal on fisheries"  # &#039; decoded
    assert a.published == "2018-09-12"  # post_date; "published: true" is not a date
    assert a.url == "https://news.example.com/fisheries-deal"


def test_html_fragments_in_a_text_body_become_lines():
    a = read("embedded_html.md")
    assert lines_of(a.text) == [
        "OSLO Norway's fisheries minister met her Icelandic counterpart in Oslo on Tuesday.",
        "The ministers said they were close to a deal on mackerel quotas.",
        "(Reporting by A. Writer; Editing by B. Editor)",
    ]
    assert "[ad_" not in a.text and "<" not in a.text


def test_toml_front_matter():
    a = parse_one(
        '+++\ntitle = "Leaders meet in Canberra"\ndate = 2022-10-03\n+++\nThe leaders met in Canberra.\n',
        "hugo.md",
    )
    assert (a.title, a.published, a.text) == (
        "Leaders meet in Canberra",
        "2022-10-03",
        "The leaders met in Canberra.",
    )


def test_front_matter_title_wins_over_heading():
    a = parse_one("---\ntitle: The real title\n---\n# A heading\n\nBody text of the article.\n", "x.md")
    assert a.title == "The real title"
    assert a.text.startswith("A heading\n")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("### Key Focus Areas", "Key Focus Areas"),
        ("1. **NATO Membership**: essential", "1. NATO Membership: essential"),
        ("See [the statement](https://x.org/a_(b)) here", "See the statement here"),
        ("\\###", "###"),
        ("A \\*starred\\* word and \\[brackets\\]", "A *starred* word and [brackets]"),
        ("snake_case_name and 2 * 3 * 4 stay", "snake_case_name and 2 * 3 * 4 stay"),
        ("an _emphasised_ word", "an emphasised word"),
        ("![alt text](img.png)", None),
        ("* item one", "- item one"),
        ("> quoted statement", "quoted statement"),
        ("[1]: https://example.org/ref", None),
        ("Use `code` here ~~not~~", "Use code here not"),
    ],
)
def test_markdown_line(line, expected):
    assert markdown_line(line) == expected


def test_markdown_wiki_style_text_without_markdown_stays_text_kind():
    a = parse_one("Title here\n\nJust a paragraph of text without any markup at all.\n")
    assert a.kind == "text"


# ---------------------------------------------------------------- hostile text


def test_escape_sequences_and_controls_removed():
    a = parse_one(
        "\x1b[31mLeaders\x1b[0m meet in \u202eRiga\u202c\n\n"
        "The\x07 presidents met\x1b]8;;http://evil\x07 in Riga.\x00 They\u200b talked.\n"
    )
    for bad in ("\x1b", "\x07", "\x00", "\u202e", "\u202c"):
        assert bad not in a.text and bad not in (a.title or "") and bad not in a.original
    assert "\u200b" not in a.text  # invisible, not dangerous: kept in the original only
    assert a.title == "Leaders meet in Riga"
    assert "The presidents met in Riga. They talked." in a.text


@pytest.mark.parametrize(
    "name, data",
    [
        ("a.md", '---\ntitle: "Talks \\x1b[2Jin Riga\\u202e \\a"\n---\n\nThe presidents met in Riga.\n'),
        (
            "a.html",
            "<title>Talks &#27;[2Jin Riga</title><article><p>The presidents &#x202e;met in Riga"
            "&#27;]0;x&#7;. They discussed energy security and the Baltic grid at length.</p></article>",
        ),
    ],
)
def test_controls_made_by_entities_are_removed_after_parsing(tmp_path, name, data):
    """Entities and YAML escapes decode into controls after the bytes were cleaned: ingest's last pass
    removes them."""
    path = tmp_path / name
    path.write_text(data, encoding="utf-8")
    (a,) = parse(load(str(path)))
    for field in (a.text, a.title or "", a.original):
        for bad in ("\x1b", "\x07", "\u202e"):
            assert bad not in field
    assert "presidents met in Riga" in a.text


def test_windows_line_endings_and_nbsp():
    a = parse_one(b"Ministers meet\r\n\r\nThe\xc2\xa0ministers  met\tin Rome.\r\n")
    assert a.text == "Ministers meet\n\nThe ministers met in Rome."


def test_only_boilerplate_is_an_error():
    from meetview.ingest import IngestError

    with pytest.raises(IngestError, match="no article text"):
        parse_one("Skip to main content\nShare this article\nFacebook Twitter\n")


# ---------------------------------------------------------------- titles under site headers


def test_title_is_the_last_headline_above_the_first_paragraph():
    body = (
        "\n\nPRAGUE, May 6 (Wire) - Czech and Slovak foreign ministers agreed on Tuesday to open a joint "
        "consulate in Lviv, the Czech foreign ministry said.\n"
    )
    for header in (
        "NORTHERN WIRE\nSections: World | Europe | Markets\n\n"
        "Czech and Slovak ministers agree on joint consulate\n"
        "By Jana Novak\nUpdated 9:12 AM GMT+2, May 6, 2025\n\nCopy Link copied\nShare\n",
        "Exclusive reporting for professionals\nWorld\nEurope\nMarkets\n\n"
        "Czech and Slovak ministers agree on joint consulate\n\nMay 6, 2025 5:12 PM\n",
        "Ministry of Foreign Affairs of the Czech Republic\nPress Releases\n\n"
        "Czech and Slovak ministers agree on joint consulate\n\n06/05/2025\n",
        "Europe | Politics\nMinistry\n\nCzech and Slovak ministers agree on joint consulate\n"
        "Photo: Ministry press service\nPosted by admin | 3 comments\n",
    ):
        a = parse_one(header + body)
        assert a.title == "Czech and Slovak ministers agree on joint consulate", header


def test_a_short_headline_naming_a_meeting_and_a_date_in_brackets_are_kept():
    body = "\n\nThe presidents held talks in Prague on Monday and signed an accord on energy cooperation.\n"
    assert parse_one(
        "Presidency of the Czech Republic\nEvents | Documents\n\nCzech-Slovak talks" + body
    ).title == ("Czech-Slovak talks")
    dated = parse_one(
        "Foreign Ministry\n\nSlovakia - Visit by the Minister to Prague (6 May 2025)\n\nPrague, 6 May 2025"
        + body
    )
    assert dated.title == "Slovakia - Visit by the Minister to Prague (6 May 2025)"
