"""One article prepared for the rules: masked text, sentences, tokens and gazetteer hits, all with offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from meetview.extract import countries, orgs
from meetview.extract.lexicon import Hit, Lexicon
from meetview.extract.sentences import QuoteIndex, Sentence, quoted_spans, split
from meetview.extract.text import Token, front_matter, mask, tokenize
from meetview.extract.vocab import given_names, vocab


@dataclass
class Doc:
    raw: str
    text: str  # masked: same length as raw
    sentences: list[Sentence]
    tokens: list[Token]
    sent_tokens: list[tuple[int, int]]  # per sentence: [first token, one past last token)
    places: list[Hit]  # countries, adjectives, capitals, cities, groups
    orgs: list[Hit]
    quotes: QuoteIndex
    body_start: int = 0
    title_sentences: set[int] = field(default_factory=set)
    caption_sentences: set[int] = field(default_factory=set)  # photo captions and credits
    end_sentences: set[int] = field(default_factory=set)  # "Further information", "Notes to editors" ...
    # hyphenated names of places and organisations ("EU-UK", "Japan-Australia", "Russian-Indonesian"):
    # token index -> the (kind, value, start, end) of each part
    compounds: dict[int, list[tuple[str, str, int, int]]] = field(default_factory=dict)
    # token index -> the gazetteer hit covering it
    place_at: dict[int, Hit] = field(default_factory=dict)
    org_at: dict[int, Hit] = field(default_factory=dict)
    memo: dict[str, Any] = field(default_factory=dict)  # per-document caches of the rules
    day: str | None = None  # the article's date (publication or dateline), when known: dates world knowledge

    def sentence_of(self, pos: int) -> int:
        starts = self._starts
        return max(0, bisect_right(starts, pos) - 1)

    def __post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]
        self._token_starts: list[int] | None = None
        self._token_ends: list[int] | None = None

    def _token_offsets(self) -> tuple[list[int], list[int]]:
        """Every token's start and end offset, in text order (made on first use)."""
        if self._token_starts is None or self._token_ends is None:
            self._token_starts = [t.start for t in self.tokens]
            self._token_ends = [t.end for t in self.tokens]
        return self._token_starts, self._token_ends

    def token_starting(self, pos: int) -> int | None:
        """The index of the token that starts at character `pos`, if one does."""
        return _exact(self._token_offsets()[0], pos)

    def token_ending(self, pos: int) -> int | None:
        """The index of the token that ends at character `pos`, if one does."""
        return _exact(self._token_offsets()[1], pos)

    def first_token_in(self, lo: int, hi: int) -> int | None:
        """The index of the first token that starts in [lo, hi), if any."""
        starts = self._token_offsets()[0]
        n = bisect_left(starts, lo)
        return n if n < len(starts) and starts[n] < hi else None

    def sent_text(self, k: int) -> str:
        s = self.sentences[k]
        return self.text[s.start : s.end]


def _exact(values: list[int], pos: int) -> int | None:
    """The index of `pos` in the sorted `values`, if it is there."""
    n = bisect_left(values, pos)
    return n if n < len(values) and values[n] == pos else None


@lru_cache(maxsize=1)
def _gazetteer() -> Lexicon:
    """Places and organisations in one lexicon, so one pass finds both (the longer phrase wins)."""
    lex = Lexicon()
    lex.merge(countries.lexicon())
    lex.merge(orgs.lexicon())
    return lex


def prepare(raw: str, title: str | None = None) -> Doc:
    text = mask(raw)
    fm = front_matter(raw)
    body_start = fm[1] if fm else 0
    sentences = split(text)
    tokens: list[Token] = []
    spans: list[tuple[int, int]] = []
    for k, s in enumerate(sentences):
        a = len(tokens)
        tokens.extend(tokenize(text, s.start, s.end, k))
        spans.append((a, len(tokens)))
    if any(title in text for title in _CAPITAL_TITLES):  # substring tests: most articles have none
        _capital_titles(tokens)
    if "s' " in text or "s’ " in text:
        _plural_possessives(tokens)
    hits = [h for h in _gazetteer().match(tokens) if not _person_named_like_a_town(tokens, h)]
    org_hits = [h for h in hits if h.kind == "org"]
    org_at = {i: h for h in org_hits for i in range(h.i, h.j)}
    place_hits = [h for h in hits if h.kind != "org" and h.i not in org_at]
    place_at: dict[int, Hit] = {}
    for h in place_hits:
        for i in range(h.i, h.j):
            if i not in place_at or place_at[i].kind == "city":
                place_at[i] = h
    doc = Doc(
        raw=raw,
        text=text,
        sentences=sentences,
        tokens=tokens,
        sent_tokens=spans,
        places=place_hits,
        orgs=org_hits,
        quotes=QuoteIndex(quoted_spans(text, sentences)),
        body_start=body_start,
        place_at=place_at,
        org_at=org_at,
    )
    doc.compounds = _compounds(tokens, place_at, org_at)
    doc.title_sentences = _title_sentences(doc, title)
    doc.caption_sentences = _caption_sentences(doc)
    doc.end_sentences = _end_sentences(doc)
    doc.caption_sentences |= _teaser_sentences(doc)
    return doc


def _plural_possessives(tokens: list[Token]) -> None:
    """An apostrophe closing a word in "s" before a capitalized word is a possessive like "'s": "the
    United Arab Emirates' Deputy Defence Minister", "the Netherlands' Foreign Minister". The rules read
    such a token as "'s" (its text, and so every offset, stays the apostrophe)."""
    for k in range(1, len(tokens) - 1):
        t = tokens[k]
        if t.text in ("'", "’") and t.sent == tokens[k + 1].sent and tokens[k + 1].cap:
            before = tokens[k - 1]
            if before.end == t.start and before.low.endswith("s") and tokens[k + 1].start > t.end:
                t.low = "'s"


def _person_named_like_a_town(tokens: list[Token], h: Hit) -> bool:
    """A one-word city that is part of a person's name: a given name before a surname ("Douglas
    Emhoff", "Santiago Peña", "Regina Romero"), or a city or country that is a surname after a given
    name ("Lloyd Austin", "Lisa Monaco")."""
    if h.j != h.i + 1 or h.kind not in ("city", "capital", "country"):
        return False
    names = given_names()
    before = tokens[h.i - 1] if h.i > 0 else None
    if (
        h.kind == "city"
        and before is not None
        and (before.cap or before.text == ".")
        and _after_title(tokens, h.i)
    ):
        return True  # "Secretary Austin hosted ...", "Mr. Austin": a surname after a title

    surname_after_given = (
        before is not None and before.cap and before.low in names and before.sent == tokens[h.i].sent
    )
    given_before_surname = h.kind != "country" and tokens[h.i].low in names
    if not (surname_after_given or given_before_surname):
        return False  # most places: neither
    sent = tokens[h.i].sent

    def surname(n: int) -> bool:
        t = tokens[n] if n < len(tokens) else None
        v = vocab()
        return (
            t is not None
            and t.cap
            and t.text.isalpha()
            and t.sent == sent
            and t.low not in v.stop_caps
            and t.low not in v.heads
            and t.low not in v.modifiers
        )

    def ends_name(n: int) -> bool:  # not "George Washington University": the name of something else
        return n >= len(tokens) or not tokens[n].cap or tokens[n].sent != sent

    if given_before_surname and surname(h.j) and ends_name(h.j + 1):
        return True
    return surname_after_given and surname(h.i) and ends_name(h.j)


def _after_title(tokens: list[Token], i: int) -> bool:
    """Whether token i follows a title ("Secretary", "Mr.") and ends the name (no capital after it)."""
    v = vocab()
    k = i - 1
    if k > 0 and tokens[k].text == "." and tokens[k].sent == tokens[i].sent:
        k -= 1
    if k < 0 or tokens[k].sent != tokens[i].sent or not tokens[k].cap:
        return False
    if tokens[k].low not in v.heads and tokens[k].low not in v.honorifics:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return nxt is None or nxt.sent != tokens[i].sent or not nxt.cap


# Titles of address written in capitals before a name ("HE Dr. X", "HH Sheikh Y"): read as "H.E.", "H.H."
_CAPITAL_TITLES = {"HE": "h.e.", "HH": "h.h.", "HRH": "h.r.h.", "HM": "h.m.", "HMA": "h.e."}


def _capital_titles(tokens: list[Token]) -> None:
    for n, t in enumerate(tokens[:-1]):
        if t.text in _CAPITAL_TITLES and tokens[n + 1].cap and not tokens[n + 1].text.isupper():
            t.low = _CAPITAL_TITLES[t.text]


def _compounds(tokens: list[Token], place_at: dict[int, Hit], org_at: dict[int, Hit]) -> dict:
    """Parts of hyphenated tokens that name places or organisations, each with its offsets."""
    lex = _gazetteer()
    out: dict[int, list[tuple[str, str, int, int]]] = {}
    for n, t in enumerate(tokens):
        if "-" not in t.text or not t.cap or n in place_at or n in org_at:
            continue
        parts = []
        pos = t.start
        for piece in t.text.split("-"):
            if piece[:1].isupper():
                found = [(k, v) for k, v in lex.lookup(piece) if k in ("country", "adj", "org")]
                if found:
                    parts.append((found[0][0], found[0][1], pos, pos + len(piece)))
            pos += len(piece) + 1
        if len(parts) >= 2 or (parts and len(t.text.split("-")) == 2 and t.text.split("-")[1][:1].isupper()):
            out[n] = parts
    return out


# Headings after which a page says no more about the meeting: background, contacts, related links,
# teaser lists of other stories ("Related News", "Read next", "More from Africa", "Latest News")
_END_HEADING = re.compile(
    r"^\s*(?:further information|notes to editors|note to editors|background|about (?:the|us)\b.*"
    r"|media enquiries|media contacts?|contacts?|for more information|press contacts?"
    r"|related(?: \w+){0,2}|read (?:more|next|also)|also read|see also|more (?:on|from|in|news|stories)\b.*"
    r"|(?:latest|top|other|more|recent) (?:news|stories|articles|headlines)|most (?:read|popular|viewed)"
    r"|you (?:may|might) also like|recommended(?: \w+)?|trending(?: now)?|share this|tags|quick facts"
    r"|associated links|further reading)\s*:?\s*$",
    re.I,
)
# One-line teasers of other stories inside the page: "Read also: X and Y discuss ...", "Related: ..."
_TEASER = re.compile(
    r"^\s*(?:read (?:also|more|next)|also read|related|see also|watch|listen)\s*:\s*\S", re.I
)


def _end_sentences(doc: Doc) -> set[int]:
    """Sentences from the first closing heading ("Further information", "Related News") that opens a
    section on. A heading listed in a table of contents is not one: another closing heading stands
    within three lines of it, or the same heading opens a section further down."""
    n = len(doc.sentences)

    def line(j: int) -> str:
        return doc.text[doc.sentences[j].start : doc.sentences[j].end].strip()

    heads = [
        k
        for k, s in enumerate(doc.sentences)
        if s.end - s.start <= 40 and _END_HEADING.match(doc.text[s.start : s.end])
    ]
    for k in heads:
        if any(0 < abs(h - k) <= 3 and line(h).lower() != line(k).lower() for h in heads):
            continue  # "Contents / ... / Further information / Media enquiries": a list of headings
        if any(h > k and line(h).lower() == line(k).lower() for h in heads):
            continue
        if k + 1 >= n:
            continue
        return set(range(k, n))
    return set()


def _headline_item(doc: Doc, k: int) -> bool:
    s = doc.sentences[k]
    line = doc.text[s.start : s.end].strip()
    return (
        s.first_in_block
        and line[:1] in "-•*–·▪"
        and not line.endswith((".", "!", "?", ":", ";", '"', "”"))
        and len(line) < 160
    )


def _teaser_sentences(doc: Doc) -> set[int]:
    """Lines that point to other stories: "Read also: ..." anywhere, and the headline-like list items
    (no closing punctuation) after the article's last sentence of prose (a "Related" list whose heading
    the page lost)."""
    out = {
        k for k, s in enumerate(doc.sentences) if s.first_in_block and _TEASER.match(doc.text, s.start, s.end)
    }
    # a list of at least two headline-like items (no closing punctuation) that no sentence ending in a
    # colon introduces: links to other stories ("Related", "Read next"), whatever heading the page had
    n = len(doc.sentences)
    k = 0
    while k < n:
        run = []
        j = k
        while j < n and _headline_item(doc, j):
            run.append(j)
            j += 1
        if len(run) >= 2:
            intro = doc.text[doc.sentences[k - 1].start : doc.sentences[k - 1].end].rstrip() if k else ""
            if not intro.endswith(":"):
                out.update(run)
        k = max(j, k + 1)
    return out


# Photo captions: "Item 1 of 2 ...", a credit ("REUTERS/Name", "© Name, AFP", "[File: Name/AP Photo]",
# "Image: Name/dpa") or a label ("Photo:") in the paragraph.
_CAPTION = re.compile(
    r"^\s*(?:Item \d+ of \d+\b|(?:Image|Photo|Photograph|Picture|File photo|Caption)\s*:)"
    r"|\b(?:REUTERS|Reuters|AFP|AP Photo|AP|EPA|dpa|Xinhua|Anadolu|Getty Images|Sputnik|TASS|ANP|PAP|Yonhap)"
    r"\s?/\s?[A-Z]"
    r"|©|\[(?:File|Photo|Image)\s*:[^\]]*\]|\bPhoto(?:graph)?s? by\b|\bvia (?:Reuters|AP|AFP|Getty)\b",
)


# a cheap first pass: the words any caption pattern needs
_CAPTION_ANY = re.compile(r"Item \d|Image|Photo|Picture|Caption|/|©|\[")


def _caption_sentences(doc: Doc) -> set[int]:
    """Sentences of paragraphs that are photo captions: they show people, they report no meeting."""
    hits = [m.start() for m in _CAPTION_ANY.finditer(doc.text)]
    if not hits:
        return set()
    blocks: dict[int, list[int]] = {}
    for k, s in enumerate(doc.sentences):
        blocks.setdefault(s.block, []).append(k)
    out: set[int] = set()
    for ks in blocks.values():
        lo, hi = doc.sentences[ks[0]].start, doc.sentences[ks[-1]].end
        if hi - lo < 600 and any(lo <= h < hi for h in hits) and _CAPTION.search(doc.text, lo, hi):
            out.update(ks)
    return out


def _title_sentences(doc: Doc, title: str | None) -> set[int]:
    """Sentences that repeat the headline (they announce a meeting the body reports again)."""
    out = set()
    norm_title = " ".join((title or "").split()).strip(" #").lower()
    for k, s in enumerate(doc.sentences[:12]):
        t = " ".join(doc.text[s.start : s.end].split()).strip(" #").lower()
        if norm_title and (t == norm_title or (len(t) > 20 and t in norm_title)):
            out.add(k)
    # headlines: whole lines near the top without closing punctuation
    blocks: dict[int, int] = {}
    for s in doc.sentences:
        blocks[s.block] = blocks.get(s.block, 0) + 1
    for k, s in enumerate(doc.sentences[:8]):
        line = doc.text[s.start : s.end].strip()
        if line.endswith((".", "!", "?", '"', "”", ":", "»")):
            break  # prose has begun
        if blocks.get(s.block) == 1 and len(line) >= 25:
            out.add(k)
    # headline-like lines anywhere: "Related: Leader X meets Leader Y" teasers, captions, menus
    for k, s in enumerate(doc.sentences):
        line = doc.text[s.start : s.end].strip()
        if (
            blocks.get(s.block) == 1
            and 15 <= len(line) < 150
            and not line.endswith((".", "!", "?", '"', "”", ":", "»", ";", ")"))
            and line[:1] not in "-•*–·▪"
            and not line[:1].isdigit()
        ):
            out.add(k)
    return out
