"""Seed inputs for fuzzing ingest and the extractor, and a byte mutator (tests/test_fuzz.py, scripts/fuzz.py).

Every seed is our own, written to hit one reader: text, Markdown, HTML, feeds, code pages.
"""

from __future__ import annotations

import random

MEETING = (
    "The foreign ministers of Norway and Ukraine met in Oslo on 3 March 2025 to discuss air defense. "
    "Foreign Minister Espen Barth Eide said the talks with Andrii Sybiha were useful. "
    "On Tuesday, NATO Secretary General Mark Rutte held a phone call with President Alar Karis of Estonia."
)
RUSSIAN = "Министр иностранных дел России встретился с министром иностранных дел Китая в Москве."

SEEDS: dict[str, bytes] = {
    ".txt": f"Ministers meet in Oslo\n\n{MEETING}\n".encode(),
    ".md": f"# Talks in Oslo\n\n*Published 4 March 2025*\n\n{MEETING}\n\n- [link](https://x.example)\n".encode(),
    ".html": (
        "<!doctype html><html><head><title>Talks in Oslo</title>"
        '<meta property="article:published_time" content="2025-03-04T10:00:00Z">'
        '<meta property="og:site_name" content="Daily"></head><body><nav>Home | News</nav>'
        f"<article><h1>Talks in Oslo</h1><p>{MEETING}</p><ul><li>One</li></ul></article>"
        "<footer>Cookies</footer></body></html>"
    ).encode(),
    ".xml": (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title>'
        "<item><title>Talks in Oslo</title><link>https://x.example/a</link>"
        f"<pubDate>Tue, 04 Mar 2025 10:00:00 GMT</pubDate><description><![CDATA[<p>{MEETING}</p>]]>"
        "</description></item></channel></rss>"
    ).encode(),
    ".atom": (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>News</title>'
        "<entry><title>Talks</title><link href='https://x.example/b'/><updated>2025-03-04T10:00:00Z</updated>"
        f"<content type='html'>&lt;p&gt;{MEETING}&lt;/p&gt;</content></entry></feed>"
    ).encode(),
    ".json": (
        '{"version": "https://jsonfeed.org/version/1.1", "title": "News", "items": [{"id": "1", '
        f'"title": "Talks", "content_text": "{MEETING}", "date_published": "2025-03-04T10:00:00Z"}}]}}'
    ).encode(),
    ".htm": f"<html><head><meta charset='windows-1251'><title>Встреча</title></head><body><p>{RUSSIAN}</p>"
    "</body></html>".encode("cp1251"),
    ".text": f"Talks\n\n{MEETING}\n".encode("utf-16"),
}
SUFFIXES = (".txt", ".md", ".html", ".htm", ".xml", ".rss", ".atom", ".json", ".text", ".gz", "")

# Bytes that tend to break readers: markup, escapes, controls, BOM pieces, UTF-8 lead and continuation bytes.
INTERESTING = [
    b"<", b">", b"&", b"]]>", b"<![CDATA[", b"<div>" * 50, b"\x00", b"\x1b]52;c;eA==\x07", b"\x1b[2J",
    b"\xc2\x9b", b"\xe2\x80\xae", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x80", b"\xc3", b"\xe2\x80",
    b"\xf0\x9f\x98", b"[/", b"[@click=app.quit]", b"\r", b"\n\n", b"\t", b" " * 100, b"*" * 40, b"_" * 40,
    b"`" * 10, b"#" * 10, b"&#0;", b"&#x110000;", b"&#55296;", b"<!--", b"-->", b"<?xml", b"<script>",
    b"1 January 2025", b"31 February 2025", b"9999", b"met", b"President ", b"\\u0000", b'"', b"{", b"}",
]  # fmt: skip


def mutate(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    """A few random edits: flip, insert, delete, duplicate or splice a slice, insert an interesting token."""
    buf = bytearray(data)
    for _ in range(rounds or rng.randint(1, 8)):
        op = rng.randrange(6)
        pos = rng.randint(0, len(buf))
        if op == 0 and buf:
            i = min(pos, len(buf) - 1)
            buf[i] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif op == 2:
            del buf[pos : pos + rng.randint(1, 64)]
        elif op == 3:
            end = min(len(buf), pos + rng.randint(1, 200))
            buf[pos:pos] = buf[pos:end] * rng.randint(1, 20)
        elif op == 4:
            buf[pos:pos] = rng.choice(INTERESTING)
        else:
            other = rng.choice(list(SEEDS.values()))
            start = rng.randint(0, len(other))
            buf[pos:pos] = other[start : start + rng.randint(1, 300)]
    return bytes(buf)
