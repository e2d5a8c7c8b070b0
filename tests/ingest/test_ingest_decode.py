"""Encodings (BOMs, UTF-8, legacy code pages), binary and empty input."""

from __future__ import annotations

import codecs
import gzip
import zlib

import pytest
from ingest_helpers import parse_one

from meetview.ingest import IngestError
from meetview.ingest.decode import decode

UKRAINIAN = (
    "Міністр оборони України зустрівся з колегою з Польщі у Києві. "
    "Сторони обговорили постачання боєприпасів і спільне виробництво."
)
RUSSIAN = "Министр иностранных дел встретился с коллегой из Турции в Анкаре и обсудил поставки зерна."
FRENCH = (
    "Le ministre français a rencontré son homologue à Genève ; une déclaration commune a été signée "
    "après les négociations."
)
ENGLISH_ACCENTS = (
    "Readout of the Secretary’s meeting with Alicia Bárcena of Mexico and Luiz Inácio Lula da Silva "
    "of Brazil — “productive” talks."
)
GERMAN = "„Wir müssen gemeinsam handeln“, sagte die Außenministerin nach dem Treffen in Genf."
POLISH = (
    "Minister spraw zagranicznych Polski spotkał się z ministrem Łotwy w Warszawie. "
    "Rozmawiali o bezpieczeństwie."
)
CZECH = "Ministr zahraničí České republiky jednal v Praze se svým protějškem ze Slovenska o energetice."
GREEK = "Ο υπουργός Εξωτερικών της Ελλάδας συναντήθηκε με τον Τούρκο ομόλογό του στην Αθήνα."


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom, codec):
    a = parse_one(bom + f"Зустріч у Києві\n\n{UKRAINIAN}\n".encode(codec))
    assert a.title == "Зустріч у Києві"
    assert UKRAINIAN in a.text
    assert "\ufeff" not in a.text and "\ufeff" not in a.original


def test_utf16_without_bom():
    text, codec = decode(f"Meeting in Paris\n\n{FRENCH}\n".encode("utf-16-le"))
    assert FRENCH in text and codec == "utf-16"


@pytest.mark.parametrize(
    ("sentence", "codec"),
    [
        (UKRAINIAN, "cp1251"),
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (FRENCH, "cp1252"),
        (FRENCH, "latin-1"),
        (ENGLISH_ACCENTS, "cp1252"),
        (GERMAN, "cp1252"),
        (POLISH, "cp1250"),
        (CZECH, "cp1250"),
        (GREEK, "cp1253"),
    ],
)
def test_legacy_code_pages_give_the_right_characters(sentence, codec):
    a = parse_one(f"Meeting\n\n{sentence}\n".encode(codec))
    assert sentence in a.text


def test_declared_charset_in_html_meta_is_used():
    html = (
        '<html><head><meta charset="windows-1251"><title>Зустріч</title></head>'
        f"<body><article><p>{UKRAINIAN}</p></article></body></html>"
    )
    text, codec = decode(html.encode("cp1251"))
    assert UKRAINIAN in text and codec == "cp1251"


def test_content_type_charset_is_used():
    text, codec = decode(RUSSIAN.encode("koi8_r"), content_type="text/plain; charset=KOI8-R")
    assert text == RUSSIAN and codec == "koi8-r"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200), "ZIP archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(100), "JPEG image"),
        (b"SQLite format 3\x00" + bytes(100), "SQLite database"),
    ],
)
def test_binary_formats_are_refused(data, kind):
    with pytest.raises(IngestError, match=rf"binary file \({kind}"):
        parse_one(data, "article.txt")


def test_many_nuls_are_binary():
    with pytest.raises(IngestError, match="binary file"):
        parse_one(b"Meeting\x00\x00\x00\x01\x02" * 200)


def test_undecodable_random_bytes_are_refused():
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(IngestError, match=r"binary|not decodable"):
        parse_one(data)


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", b"\xef\xbb\xbf", b"\x1b[0m\x07\n"])
def test_empty_or_whitespace_only(data):
    with pytest.raises(IngestError, match="empty"):
        parse_one(data)


def test_gzip_compressed_article():
    data = gzip.compress(f"Meeting in Geneva\n\n{FRENCH}\n".encode())
    a = parse_one(data, "article.txt.gz")
    assert a.title == "Meeting in Geneva" and FRENCH in a.text


def test_gzip_bomb_is_refused(monkeypatch):
    import meetview.ingest.core as core

    monkeypatch.setattr(core, "MAX_BYTES", 10_000)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    data = compressor.compress(b"a" * 200_000) + compressor.flush()
    with pytest.raises(IngestError, match="too large"):
        parse_one(data, "bomb.txt.gz")


def test_broken_gzip_is_a_clear_error():
    with pytest.raises(IngestError, match="broken gzip"):
        parse_one(b"\x1f\x8b\x08\x00garbage-not-deflate", "x.txt.gz")
