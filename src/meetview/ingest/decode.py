"""Bytes to text: byte-order marks, strict UTF-8, declared charsets, charset-normalizer; binary refused."""

from __future__ import annotations

import codecs
import re
import unicodedata
import zlib
from collections import Counter

from meetview.ingest.errors import IngestError

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of common non-text files, checked before any decoding.
_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BM", None),  # checked with a NUL test below (a bitmap header is full of NULs)
    (b"RIFF", "RIFF media file (audio, video or WebP image)"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\xfd7zXZ\x00", "XZ archive"),
    (b"BZh", None),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"\x7fELF", "executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media file"),
    (b"fLaC", "FLAC audio"),
    (b"wOFF", "font"),
    (b"wOF2", "font"),
    (b"\x00asm", "WebAssembly binary"),
)
_GZIP = b"\x1f\x8b"

_DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)|<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.I,
)
# Control characters that never occur in real text (TAB, LF, CR and FF excepted).
_BAD_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
# A best legacy decoding with more implausible characters than this share of its non-ASCII ones (and at
# least _GARBAGE_MIN of them) is noise, not text: real articles score under 0.07 (Polish, Arabic and
# Persian highest), random high bytes 0.1-0.5 in every code page.
_GARBAGE_SHARE = 0.12
_GARBAGE_MIN = 6


def _binary(kind: str | None = None) -> IngestError:
    return IngestError(f"binary file ({kind}), not text" if kind else "binary file (not text)")


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzip file, refusing output larger than `limit` bytes (a compression bomb)."""
    try:
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(data, limit + 1)
    except zlib.error as e:
        raise IngestError(f"broken gzip data ({e})") from e
    if len(out) > limit:
        raise IngestError(f"gzip content too large (over {limit:,} bytes uncompressed)")
    return out


def is_gzip(data: bytes) -> bool:
    return data[:2] == _GZIP


def check_binary(data: bytes) -> None:
    """Raise IngestError when the bytes are a known binary format."""
    head = data[:16]
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind is None:
                if magic == b"BM" and b"\x00" in data[:64]:
                    raise _binary("BMP image")
                if magic == b"BZh" and data[4:10] == b"1AY&SY":
                    raise _binary("bzip2 archive")
                continue
            raise _binary(kind)
    if len(data) > 12 and data[4:8] == b"ftyp":
        raise _binary("MP4/QuickTime media file")
    if head.startswith(b"ID3") and len(head) > 3 and head[3] < 10:
        raise _binary("MP3 audio")


def declared_charset(data: bytes, content_type: str | None = None) -> str | None:
    """The charset a Content-Type header, an HTML <meta> or an XML declaration names, if Python knows it."""
    names: list[str] = []
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9._:-]+)", content_type, re.I)
        if m:
            names.append(m[1])
    m = _DECLARED.search(data[:4096])
    if m:
        names.append((m[1] or m[2]).decode("ascii", "replace"))
    for name in names:
        try:
            return codecs.lookup(name).name
        except LookupError:
            continue
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs at every other byte; decode it if it reads as text."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd > 0.4 and even < 0.05:
        codec = "utf-16-le"
    elif even > 0.4 and odd < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(codec)
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


def _unlikely(sample: str) -> int:
    """Characters no real text holds: controls, U+FFFD (bytes that did not decode), private use, lone
    surrogates, code points unassigned in the BMP (where UTF-16/32 garbage lands; newer emoji live above)."""
    bad = len(_BAD_CONTROLS.findall(sample))
    if sample.isascii():
        return bad
    for c, n in Counter(_NON_ASCII.findall(sample)).items():
        cat = unicodedata.category(c)
        if c == "\ufffd" or cat in ("Co", "Cs") or (cat == "Cn" and c <= "\uffff"):
            bad += n
    return bad


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    return not sample or _unlikely(sample) <= max(2, len(sample) // 100)


def _with_bom(data: bytes, bom: bytes, codec: str) -> str:
    body = data[len(bom) :]
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        text = body.decode(codec, errors="replace")  # a damaged character or two is kept as U+FFFD
    if not _looks_like_text(text):
        name = codec.upper().replace("-LE", "").replace("-BE", "")
        raise IngestError(
            f"binary file or damaged text (a {name} byte-order mark, then bytes that are not {name})"
        )
    return text


def _utf8(data: bytes) -> str | None:
    """UTF-8 text, also when cut mid-character or holding a few damaged bytes (those become U+FFFD);
    None when the bytes are not UTF-8 (a legacy code page's letters are invalid UTF-8 nearly every time)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason == "unexpected end of data" and e.end == len(data):  # a file cut mid-character
            try:
                return data[: e.start].decode("utf-8")
            except UnicodeDecodeError:
                pass
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - damaged  # well-formed non-ASCII characters
    return text if valid >= 3 * damaged else None


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode bytes to text; returns (text, encoding). Raises IngestError for binary or undecodable data."""
    check_binary(data)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _with_bom(data, bom, codec), codec
    sample = data[:8192]
    nuls = sample.count(0)
    if nuls:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        if nuls > max(2, len(sample) // 100):  # a stray NUL is noise (sanitizing drops it); many mean binary
            raise _binary()
    text = _utf8(data)
    if text is not None:
        return text, "utf-8"
    declared = declared_charset(data, content_type)
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if _looks_like_text(text):
                return text, declared
    return _legacy(data)


# Single-byte code pages worth trying, in order of how common they are on the web.
SINGLE_BYTE = (
    "cp1252", "cp1251", "cp1250", "koi8_u", "koi8_r", "cp1257", "cp1254", "cp1253", "iso8859_2",
    "cp1255", "cp1256", "mac_cyrillic",
)  # fmt: skip
# Which code pages a language (as charset-normalizer names it) is usually written in.
_LANGUAGE_PAGES = {
    **dict.fromkeys(
        ("Polish", "Czech", "Slovak", "Hungarian", "Slovene", "Croatian", "Romanian", "Bosnian"),
        ("cp1250", "iso8859_2"),
    ),
    **dict.fromkeys(
        ("Russian", "Ukrainian", "Bulgarian", "Serbian", "Macedonian", "Belarusian", "Kazakh"),
        ("cp1251", "koi8_u", "koi8_r", "mac_cyrillic"),
    ),
    **dict.fromkeys(("Lithuanian", "Latvian", "Estonian"), ("cp1257",)),
    "Turkish": ("cp1254",),
    "Greek": ("cp1253",),
    "Hebrew": ("cp1255",),
    "Arabic": ("cp1256",),
}
_PUNCT_OK = set("“”‘’„‚«»‹›–—…•·€£¥°§©®™†‡‰¿¡\u00a0")
_TOKEN_NON_ASCII = re.compile(r"\S*[^\x00-\x7f]\S*")


def _implausibility(text: str) -> int:
    """How wrong a decoding looks: symbols inside words ("spotka³"), words mixing scripts ("franзais"),
    case flips inside words ("мИНИСТР"), words made mostly of accented letters ("Ìèíiñòð")."""
    bad = 0
    for token in _TOKEN_NON_ASCII.findall(text[:50_000]):
        latin = cyrillic = other = accented = 0
        prev_lower = False
        for c in token:
            if c.isalpha():
                o = ord(c)
                if o < 0x250:
                    latin += 1
                    accented += o > 0x7F
                elif 0x400 <= o < 0x530:
                    cyrillic += 1
                else:
                    other += 1
                if prev_lower and c.isupper() and o > 0x7F:
                    bad += 1
                prev_lower = c.islower()
            else:
                prev_lower = False
                if ord(c) > 0x7F and c not in _PUNCT_OK and not c.isdigit():
                    bad += 1
            if "\ue000" <= c <= "\uf8ff" or "\uff61" <= c <= "\uff9f":  # private use; half-width kana
                bad += 1
        if (latin > 0) + (cyrillic > 0) + (other > 0) > 1:
            bad += 2
        if accented >= 3 and accented * 2 >= latin:
            bad += 2
    return bad


def _legacy(data: bytes) -> tuple[str, str]:
    """A legacy (non-UTF) encoding: charset-normalizer's guess, checked against the common code pages.

    On short texts charset-normalizer often names a wrong code page of the right family (cp1250 for
    French, cp1257 for English with accents, Shift_JIS for KOI8-R Russian). Every candidate decoding is
    scored for implausible characters; ties go to the code page the detected language is usually
    written in, then to the most common one.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    guessed = codecs.lookup(best.encoding).name if best is not None and best.encoding else None
    preferred = _LANGUAGE_PAGES.get(best.language if best is not None else "", ())
    order = [*preferred, *SINGLE_BYTE, *([guessed] if guessed else [])]
    scored: list[tuple[int, int, str, str]] = []
    for rank, codec in enumerate(dict.fromkeys(codecs.lookup(c).name for c in order)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            if codec != guessed:
                continue
            text = data.decode(codec, errors="replace")  # charset-normalizer tolerates a few bad bytes
        if _looks_like_text(text):
            scored.append((_implausibility(text), rank, codec, text))
    if not scored:
        raise IngestError("binary file or unknown text encoding (not decodable as text)")
    bad, _, codec, text = min(scored, key=lambda s: (s[0], s[1]))
    if bad >= _GARBAGE_MIN and bad > _GARBAGE_SHARE * len(_NON_ASCII.findall(text[:50_000])):
        raise IngestError("binary file or unknown text encoding (no code page gives readable text)")
    return text, codec
