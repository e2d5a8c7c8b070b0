"""HTML pages: main text without page furniture, title, date, outlet, URL; broken and hostile markup."""

from __future__ import annotations

import time

import pytest
from ingest_helpers import REPO, fixture_path, lines_of, parse_one

from meetview.ingest import IngestError, load, parse
from meetview.ingest.markup import html_to_text


def read(name: str):
    (article,) = parse(load(str(fixture_path(name))))
    return article


def test_page_main_text_without_menus_sidebars_and_related_lists():
    a = read("page.html")
    assert a.kind == "html"
    lines = lines_of(a.text)
    assert lines[0] == "Nordic ministers meet Ukrainian counterpart in Helsinki"
    assert lines[1].startswith("HELSINKI, Feb 14 (Ledger) – Defence ministers of Finland, Sweden and Norway")
    assert "need for more artillery ammunition and drones." in a.text
    for furniture in (
        "Skip to main content",
        "Politics",
        "LATEST NEWS",
        "Polish foreign minister holds phone call",
        "Related articles",
        "Danish prime minister meets German chancellor",
        "Share this article",
        "LinkedIn",
        "All rights reserved",
        "cookie",
        "window.dataLayer",
        "font-family",
    ):
        assert furniture.lower() not in a.text.lower(), furniture
    # paragraphs are lines
    assert len(lines) >= 5


def test_page_metadata():
    a = read("page.html")
    assert a.title == "Nordic ministers meet Ukrainian counterpart in Helsinki"
    assert a.published == "2024-02-14"
    assert a.outlet == "The Baltic Ledger"
    assert a.url == "https://ledger.example.com/world/2024/02/14/nordic-ministers-helsinki"
    assert "<article>" in a.original  # the original keeps the markup for the reader


def test_date_heading_the_article_beats_sidebar_dates():
    a = read("page_dateline.html")
    assert a.published == "2023-08-03"  # not 2023-08-28 from the LATEST NEWS sidebar
    assert a.title == "Ministers of Chile and Peru sign water accord"
    assert a.outlet == "Andes Daily"  # from "<headline> | <site>" in <title>
    assert "Bolivian president" not in a.text
    assert "signed an accord on shared aquifers in Tacna on Thursday" in a.text


def test_json_ld_date_and_htmldate_fallback():
    page = (
        "<html><head><title>Talks in Lima</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2021-11-02T08:00:00Z"}'
        "</script></head><body><article><h1>Talks in Lima</h1>"
        "<p>The trade ministers of Peru and Ecuador met in Lima on Monday to discuss tariffs on bananas, "
        "fish and copper, and agreed to meet again next year.</p></article></body></html>"
    )
    assert parse_one(page, "lima.html").published == "2021-11-02"
    no_meta = page.replace('"datePublished": "2021-11-02T08:00:00Z"', '"x": 1').replace(
        "<h1>Talks in Lima</h1>", '<h1>Talks in Lima</h1><time datetime="2021-10-30">30 October 2021</time>'
    )
    assert parse_one(no_meta, "lima.html").published == "2021-10-30"


def test_html_is_sniffed_whatever_the_suffix():
    page = (
        "<!DOCTYPE html><html><head><title>Summit in Accra</title></head><body><article>"
        "<p>Leaders of Ghana and Togo met in Accra on Friday to discuss border security and trade.</p>"
        "</article></body></html>"
    )
    a = parse_one(page, "saved-page.txt")
    assert a.kind == "html"
    assert a.text.endswith("met in Accra on Friday to discuss border security and trade.")
    assert "<" not in a.text


def test_deeply_nested_html_does_not_crash():
    depth = 50_000
    page = (
        "<html><head><title>Deep page</title></head><body>"
        + "<div>" * depth
        + "<p>Foreign ministers met in Oslo on Monday to discuss the security situation in Europe.</p>"
        + "</div>" * depth
        + "</body></html>"
    )
    started = time.perf_counter()
    a = parse_one(page, "deep.html")
    assert "Foreign ministers met in Oslo on Monday" in a.text
    assert a.title == "Deep page"
    assert time.perf_counter() - started < 30  # a guard against runaway recursion, not a speed test


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>Ministers met in Rome on Tuesday.<div><span>unclosed <b>bold <i>and more",
        "<p>Ministers met in Rome on Tuesday.</p></div></div></span></html></html><p>Second line.",
        "<html><body>" + "<table><tr><td>" * 3000 + "Ministers met in Rome on Tuesday.",
        "<html><body><p>Ministers met in Rome on Tuesday.</p><![CDATA[ x ]]><!-- unterminated comment",
        '<html><body><p title="unterminated>Ministers met in Rome on Tuesday.</p></body></html>',
    ],
    ids=["unclosed-tags", "stray-closers", "3000-nested-tables", "cdata-open-comment", "open-attribute"],
)
def test_broken_html_gives_text_or_a_clear_error(page):
    try:
        a = parse_one(page, "broken.html")
    except IngestError as e:
        assert str(e)  # a reason, never another exception
    else:
        assert "Ministers met in Rome" in a.text


def test_html_without_text_is_an_error():
    with pytest.raises(IngestError, match="no article text"):
        parse_one("<html><head><script>var x;</script></head><body><nav>Home</nav></body></html>", "x.htm")


def test_hostile_markup_is_inert():
    page = (
        "<html><head><title>\x1b[2JTalks \u202ein Baku</title></head><body><article>"
        "<p>The ministers met in Baku.\x1b]0;pwned\x07 They discussed\u202e transit routes.</p>"
        "<script>alert(1)</script><p>[bold red]not markup[/]</p></article></body></html>"
    )
    a = parse_one(page, "x.html")
    for bad in ("\x1b", "\x07", "\u202e", "alert(1)"):
        assert bad not in a.text and bad not in (a.title or "")
    assert a.title == "Talks in Baku"


def test_cp1251_page_with_meta_charset():
    body = "Міністр оборони України зустрівся з колегою з Польщі у Києві, повідомило міністерство."
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
        f"<title>Зустріч у Києві</title></head><body><article><p>{body}</p></article></body></html>"
    )
    a = parse_one(page.encode("cp1251"), "ua.html")
    assert body in a.text
    assert a.title == "Зустріч у Києві"


def test_html_to_text_keeps_blocks_as_lines():
    text = html_to_text(
        "<div><h2>Heading</h2><p>First <b>para</b>graph.</p><ul><li>One</li><li>Two</li></ul>"
        "<p>Line<br>break</p><script>x()</script><table><tr><td>a</td><td>b</td></tr></table></div>"
    )
    assert text.split("\n") == ["Heading", "First paragraph.", "One", "Two", "Line", "break", "a b"]


# ---------------------------------------------------------------- the real dev pages, read in place


def _gold(shared):
    import json

    return {g["file"]: g for g in map(json.loads, (shared / "gold" / "dev.jsonl").read_text().splitlines())}


@pytest.mark.gold
@pytest.mark.parametrize(
    ("prefix", "must_contain"),
    [
        ("040_", "The total combat losses of the enemy from 24.02 to 15.06 were approximately"),
        ("073_", "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China"),
        ("074_", "BEIJING: In what is being seen as a snub to the visiting Pakistan PM Imran Khan"),
        ("075_", "Currently, the head of U.S. diplomacy is in Panama meeting with ministers"),
    ],
)
def test_dev_html_pages_title_date_and_main_text(shared, prefix, must_contain):
    gold = _gold(shared)
    (path,) = sorted((shared / "gold" / "dev").glob(f"{prefix}*.html"))
    (a,) = parse(load(str(path)))
    g = gold[path.name]
    assert a.title == g["title"]
    assert a.published == g["published"]
    assert must_contain in a.text
    low = a.text.lower()
    for furniture in ("latest news", "follow us", "facebooktwitter", "read this story in", "subscribe"):
        assert furniture not in low, furniture
    assert a.outlet


@pytest.mark.gold
def test_dev_page_sidebar_headlines_are_not_text(shared):
    (path,) = sorted((shared / "gold" / "dev").glob("040_*.html"))
    (a,) = parse(load(str(path)))
    assert "operational update regarding the russian invasion" not in a.text.lower()
    assert "Press announcement" not in a.text


_LIMA = (
    "<html><head>{head}</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
    "<article><h1>Talks in Lima</h1>{lead}"
    "<p>The trade ministers of Peru and Ecuador met in Lima on Monday to discuss tariffs on bananas, "
    "fish and copper, and agreed to meet again next year in Quito.</p>"
    "<p>Both ministers said the talks had been constructive and that officials would draft a plan.</p>"
    "</article><footer>Contact us</footer></body></html>"
)
# Pages that reach each branch of the metadata: meta tags, JSON-LD, <title> only, a site name with "@" or
# in lower case, a canonical link, no date but in the text (htmldate's search), nothing at all.
_METADATA_PAGES = [
    _LIMA.format(
        head="<title>Talks in Lima | Andes Daily</title>"
        '<meta property="og:site_name" content="@andesdaily"><link rel="canonical" '
        'href="https://andes.example/world/2021/11/talks-in-lima">',
        lead='<time datetime="2021-10-30">30 October 2021</time>',
    ),
    _LIMA.format(
        head='<title>Talks in Lima</title><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Talks &amp; trade in Lima", "datePublished": "2021-11-02T08:00:00Z", '
        '"publisher": {"@type": "Organization", "name": "pacific wire"}}</script>',
        lead="",
    ),
    _LIMA.format(head='<meta name="twitter:site" content="lima-post">', lead="<p>Lima, 3 May 2022.</p>"),
    _LIMA.format(head="", lead=""),
    _LIMA.format(head='<meta property="og:title" content="' + "Lima " * 3000 + '">', lead=""),
]


@pytest.mark.parametrize("own", [True, False])
@pytest.mark.parametrize("url", [None, "https://news.example.org/2023/05/01/talks-in-lima.html"])
def test_page_fields_match_trafilaturas_full_metadata_call(url, own, monkeypatch):
    """The main text and the four metadata fields we read (title, URL, site name, date), as the full
    `bare_extraction(with_metadata=True)` finds them, on every HTML fixture and on pages made to reach
    each branch. A trafilatura release that moves them apart fails here."""
    import trafilatura

    from meetview.ingest import webpage
    from meetview.ingest.webpage import _trafilatura

    assert webpage._own_metadata()  # the installed trafilatura has every function we call
    if not own:  # as with a trafilatura that lacks one: the full call, with the same result
        monkeypatch.setattr(webpage, "_own_metadata", lambda: False)

    pages = [p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "fixtures").rglob("*.html"))]
    assert len(pages) >= 20
    for markup in pages + _METADATA_PAGES:
        full = trafilatura.bare_extraction(
            markup,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": True, "original_date": True},
        )
        ours = _trafilatura(markup, url)
        assert (ours is None) == (full is None)
        if ours is not None:
            assert (ours.text, ours.title, ours.url, ours.sitename, ours.date()) == (
                full.text, full.title, full.url, full.sitename, full.date
            )  # fmt: skip
