"""The side a publisher speaks for: government web domains, institution header lines, state news agencies."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

from meetview.extract.document import Doc
from meetview.extract.vocab import vocab

_URL = re.compile(r"https?://([A-Za-z0-9.\-]+)")
# A government domain written bare ("www.gov.za", "mea.gov.in", "mofa.go.jp"): its country-code TLD
_GOV_DOMAIN = re.compile(
    r"(?:\.|(?<![\w.@/-]))(?:gov|gouv|gob|go|gc|govt|gv|gub)\.([a-z]{2})\b(?![.-]\w)", re.I
)
# Every _GOV_DOMAIN match holds one of these (lowercased): a cheap test before the regex's scan
_GOV_WORDS = ("gov.", "gouv.", "gob.", "go.", "gc.", "govt.", "gv.", "gub.")
_TLD = {"uk": "GB"}
_BARE_HOST = re.compile(r"(?<![\w.@/-])((?:[a-z0-9-]+\.)+[a-z]{2,})(?![\w.-])", re.I)
# Words that make a header line an institution's name ("Ministry of Foreign Affairs of Japan")
_INSTITUTION = {
    "government",
    "ministry",
    "office",
    "offices",
    "ministries",
    "secretariat",
    "secretaría",
    "presidency",
    "president",
    "chancellery",
    "cabinet",
    "embassy",
    "department",
    "diplomatie",
    "diplomacy",
    "gouvernement",
    "regierung",
}
_FUNCTION = {
    "of",
    "the",
    "for",
    "and",
    "&",
    "du",
    "de",
    "la",
    "des",
    "'s",
    "-",
    "–",
    "—",
    "europe",
    "republic",
}


@lru_cache(maxsize=1)
def _sources() -> dict:
    text = resources.files("meetview.extract.data").joinpath("sources.toml").read_text("utf-8")
    return tomllib.loads(text)


def home_country(
    doc: Doc, url: str | None, outlet: str | None = None, original: str | None = None
) -> str | None:
    """The country a government publisher (or a state news agency) speaks for, or None.

    Evidence, in order: the article's URL or a URL in its first lines matched against the known
    government domains; a bare government domain ("www.gov.za"); a header line that is only an
    institution's name ("Ministry of Foreign Affairs of Japan", "South African Government",
    "Government of India"); a state news agency named in the header or the dateline ("SPA --").
    """
    hosts = _URL.findall(url or "") + _URL.findall(doc.raw[:3000])
    # a known government site named bare in the header lines ("regjeringen.no")
    hosts += [h for lo, hi in _header_lines(doc) for h in _BARE_HOST.findall(doc.raw, lo, hi)]
    for host in hosts:
        code = _government_domain(host.lower())
        if code:
            return code
    # bare government domains, in the header or in a contact line ("newsdesk@fcdo.gov.uk"): one country
    raw = doc.raw
    low = raw.lower()
    gov = {
        _TLD.get(m.group(1).lower(), m.group(1).upper())
        for m in (_GOV_DOMAIN.finditer(raw) if any(w in low for w in _GOV_WORDS) else ())
        if (m.start() > 0 and raw[m.start() - 1].isalnum()) or raw[m.start()] != "."
    }
    if len(gov) == 1:
        return gov.pop()
    code = (
        _institution_header(doc)
        or institution_country(outlet)
        or _front_matter_source(doc.raw)
        or institution_country(_title_site(original))
        or _page_header_domain(original)
    )
    if code:
        return code
    return _agency(doc)


_FM_SOURCE = re.compile(
    r"^(?:source|publisher|site_name|site|organi[sz]ation|author)\s*:\s*['\"]?(.+?)['\"]?\s*$", re.M | re.I
)


def institution_country(value: str | None) -> str | None:
    """The country a publisher's name gives when it names a government institution ("Ministry of
    External Affairs, Government of India" -> IN); None for an outlet or an ambiguous name."""
    from meetview.extract.countries import lexicon

    for part in re.split(r"[,/|;]", value or ""):
        words = part.split()
        if not any(w.lower() in _INSTITUTION for w in words):
            continue
        codes = set()
        for n in range(len(words)):
            for k in (1, 2, 3, 4):
                for kind, code in lexicon().lookup(" ".join(words[n : n + k])):
                    if kind in ("country", "adj"):
                        codes.add(code)
        if len(codes) == 1:
            return codes.pop()
    return None


_HTML_TITLE = re.compile(r"<title[^>]*>([^<]{1,300})</title>", re.I)
_SITE_SEPARATOR = re.compile(r"\s(?:-|–|—|\|)\s")


def _title_site(original: str | None) -> str | None:
    """The site's name an HTML page's title ends with ("... - Ministry for Foreign Affairs of Finland")."""
    m = _HTML_TITLE.search(original[:5000]) if original else None
    if m is None:
        return None
    parts = _SITE_SEPARATOR.split(m.group(1))
    return parts[-1] if len(parts) > 1 else None


_TAG = re.compile(r"<[^>]*>")


def _page_header_domain(original: str | None) -> str | None:
    """A government domain written as text in an HTML page's banner, before its first heading
    ("gov.br | Órgãos do Governo"); link targets are not read, only the words a reader sees."""
    if not original or "<" not in original[:200]:
        return None
    head = original[:4000]
    cut = head.lower().find("<h1")
    words = _TAG.sub(" ", head[: cut if cut >= 0 else 0])
    gov = {_TLD.get(m.group(1).lower(), m.group(1).upper()) for m in _GOV_DOMAIN.finditer(words)}
    return gov.pop() if len(gov) == 1 else None


def _front_matter_source(raw: str) -> str | None:
    """A front matter's source line naming a government institution ("source: Ministry of External
    Affairs, Government of India"): the country it names, when it names one."""
    if not raw.lstrip().startswith("---"):
        return None
    head = raw.lstrip()[3:]
    end = head.find("\n---")
    if end < 0:
        return None

    for m in _FM_SOURCE.finditer(head, 0, end):
        code = institution_country(m.group(1))
        if code:
            return code
    return None


@lru_cache(maxsize=1)
def _domains() -> dict[str, tuple[int, str]]:
    """Known government domains -> (their place in sources.toml, their country)."""
    return {dom: (n, code) for n, (dom, code) in enumerate((_sources().get("domains") or {}).items())}


def _government_domain(host: str) -> str | None:
    """The country of the first known domain (in sources.toml's order) that is the host or one of its
    parent domains ("mfa.gov.ua" -> "gov.ua")."""
    domains = _domains()
    parts = host.split(".")
    found = [domains[d] for d in (".".join(parts[n:]) for n in range(len(parts))) if d in domains]
    return min(found)[1] if found else None


def _header_lines(doc: Doc) -> list[tuple[int, int]]:
    """The short lines that open an article, before its first line of prose."""
    memo = doc.memo.get("header_lines")
    if memo is None:
        memo = doc.memo["header_lines"] = _find_header_lines(doc)
    return memo


def _find_header_lines(doc: Doc) -> list[tuple[int, int]]:
    out = []
    pos = doc.body_start
    for line in doc.text[doc.body_start : doc.body_start + 1500].split("\n"):
        stripped = line.strip()
        if stripped:
            if len(stripped) > 100 or stripped.endswith((".", "!", "?", ":")):
                break
            out.append((pos, pos + len(line)))
            if len(out) >= 8:
                break
        pos += len(line) + 1
    return out


def _institution_header(doc: Doc) -> str | None:
    v = vocab()

    toks = doc.tokens
    for lo, hi in _header_lines(doc):
        # each part of "Government of Canada / Gouvernement du Canada" on its own
        first = doc.first_token_in(lo, hi)
        if first is None:
            continue
        n = first
        parts: list[list[int]] = [[]]
        while n < len(toks) and toks[n].start < hi:
            if toks[n].text in ("/", "|", "·"):
                parts.append([])
            else:
                parts[-1].append(n)
            n += 1
        for part in parts:
            code = _institution_part(doc, part, v)
            if code:
                return code
    return None


def _institution_part(doc: Doc, part: list[int], v) -> str | None:
    if not part or len(part) > 12:
        return None
    toks = doc.tokens
    codes = set()
    institution = False
    for n in part:
        low = toks[n].low
        h = doc.place_at.get(n)
        if h is not None and h.kind in ("country", "adj"):
            codes.add(h.value)
            continue
        if low in _INSTITUTION:
            institution = True
            continue
        if low in _FUNCTION or low in v.modifiers or low in v.heads:
            continue
        return None  # a word that is not part of an institution's name: a headline, a menu
    if institution and len(codes) == 1:
        return codes.pop()
    return None


@lru_cache(maxsize=1)
def _agency_pattern() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    agencies = _sources().get("agencies") or {}
    if not agencies:
        return None, {}
    names = sorted(agencies, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(n) for n in names) + r")(?!\w)"), agencies


def _agency(doc: Doc) -> str | None:
    """A state news agency named in the header lines or in the lead's dateline ("Riyadh, ..., SPA --")."""
    pattern, agencies = _agency_pattern()
    if pattern is None:
        return None
    zone = [doc.text[lo:hi] for lo, hi in _header_lines(doc)]
    for line in doc.text[doc.body_start : doc.body_start + 2000].split("\n")[:12]:
        cut = min(
            (i for i in (line.find("--", 0, 160), line.find("—", 0, 160), line.find("–", 0, 160)) if i >= 0),
            default=-1,
        )
        if cut >= 0:
            zone.append(line[:cut])
            break
    for chunk in zone:
        hit = pattern.search(chunk)
        if hit:
            return agencies[hit.group(1)]
    return None
