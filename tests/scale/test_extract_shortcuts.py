"""The extractor's fast paths give exactly what the plain versions give."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from meetview.extract.lexicon import Hit, Lexicon
from meetview.extract.text import _TOKEN, Token, tokenize

# Text dense in what the token pattern decides on: capitals and dots (U.S.), digits and separators,
# apostrophes and hyphens inside words, every kind of space, and any other character.
TOKEN_TEXT = st.lists(
    st.sampled_from(
        [
            *"Aa.U S1,:-'’\u2010 \n\t\xa0\u2009\u3000;()\"“”!?",
            *("st", "th", "é", "_", "Ω", "\u0301", "b's", "o’"),
        ]
    ),
    max_size=40,
).map("".join) | st.text(max_size=60)


def reference_tokenize(text: str, start: int, end: int, sent: int) -> list[Token]:
    """One token per match of the token pattern, offsets from the match."""
    return [
        Token(
            m.group(), m.start(), m.end(), m.group().lower().replace("’", "'"), m.group()[0].isupper(), sent
        )
        for m in _TOKEN.finditer(text, start, end)
    ]


@given(TOKEN_TEXT, st.integers(0, 5), st.integers(0, 5))
def test_tokenize_matches_the_token_pattern_match_by_match(text, cut_start, cut_end):
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert tokenize(text, start, end, 3) == reference_tokenize(text, start, end, 3)


def test_tokenize_offsets_point_into_the_text():
    text = "  The U.S. envoy met\u00a0Kornhauser-Duda on 3rd May, O’Brien’s aide said.  "
    tokens = tokenize(text, 2)
    assert [t.text for t in tokens][:6] == ["The", "U.S.", "envoy", "met", "Kornhauser-Duda", "on"]
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.low for t in tokens if "brien" in t.low] == ["o'brien"]


def _lexicon() -> Lexicon:
    lex = Lexicon()
    for phrase, kind in [
        ("United Kingdom", "country"),
        ("United Kingdom of Great Britain", "country"),
        ("United Nations", "org"),
        ("UN", "org"),
        ("United", "adj"),
        ("Great Britain", "country"),
        ("the Alliance", "org"),
        ("Kingdom", "city"),
    ]:
        lex.add(phrase, kind, phrase.lower())
    return lex


def reference_match(lex: Lexicon, tokens: list[Token], lo: int, hi: int) -> list[Hit]:
    """Every position tried in turn; the first key whose entries pass wins and the scan jumps past it."""
    hits: list[Hit] = []
    i = lo
    while i < hi:
        lengths = lex._lengths.get(tokens[i].low)
        step = 1
        for key in lex._keys_at(tokens, i, hi, lengths[0]) if lengths else []:
            span = tokens[i : i + len(key)]
            ok = [
                (kind, value)
                for kind, value, cs in lex._entries[key]
                if (
                    tuple(t.text for t in span) in lex._exact.get(key, ()) if cs else any(t.cap for t in span)
                )
            ]
            if ok:
                hits += [Hit(i, i + len(key), k, v, span[0].start, span[-1].end) for k, v in ok]
                step = len(key)
                break
        i += step
    return hits


WORDS = st.sampled_from(
    [
        "United",
        "united",
        "Kingdom",
        "kingdom",
        "of",
        "Great",
        "Britain",
        "Nations",
        "UN",
        "Un",
        "un",
        "the",
        "The",
        "Alliance",
        "alliance",
        "met",
        ",",
    ]
)


@given(st.lists(WORDS, max_size=14), st.integers(0, 3), st.integers(0, 3))
def test_lexicon_match_tries_only_phrase_starts_and_finds_what_every_position_finds(words, cut_lo, cut_hi):
    lex = _lexicon()
    tokens = tokenize(" ".join(words))
    lo, hi = min(cut_lo, len(tokens)), max(min(cut_lo, len(tokens)), len(tokens) - cut_hi)
    assert lex.match(tokens, lo, hi) == reference_match(lex, tokens, lo, hi)


def test_lexicon_match_prefers_the_longest_phrase_and_keeps_acronyms_case_sensitive():
    tokens = tokenize("The United Kingdom of Great Britain and the Un met the UN")
    found = [(h.value, h.i, h.j) for h in _lexicon().match(tokens)]
    assert found == [("united kingdom of great britain", 1, 6), ("un", 11, 12)]


@given(st.text(max_size=12) | st.sampled_from(["Kuleba", "Jean-Luc", "G7", "MİT", "٣", "Ⅻ", "x²"]))
def test_a_word_of_letters_only_holds_no_digit_for_the_name_test(word):
    """The name test skips its digit search for words of letters only: no such word holds a digit."""
    from meetview.extract.people import _DIGIT

    if word.isalpha():
        assert _DIGIT.search(word) is None


@given(TOKEN_TEXT)
def test_token_lookups_by_offset_agree_with_a_map_of_every_token(text):
    from meetview.extract.document import prepare

    doc = prepare(text)
    starts = {t.start: n for n, t in enumerate(doc.tokens)}
    ends = {t.end: n for n, t in enumerate(doc.tokens)}
    for pos in range(len(text) + 2):
        assert doc.token_starting(pos) == starts.get(pos)
        assert doc.token_ending(pos) == ends.get(pos)
        for hi in (pos, pos + 1, pos + 7):
            first = next((starts[p] for p in range(pos, hi) if p in starts), None)
            assert doc.first_token_in(pos, hi) == first


@given(
    st.lists(st.sampled_from(["gov", "ua", "mfa", "uk", "www", "fcdo", "x", "", "gc", "ca"]), max_size=5).map(
        ".".join
    )
)
def test_government_domain_is_the_first_known_domain_the_host_is_or_is_under(host):
    from meetview.extract.publisher import _government_domain, _sources

    domains = _sources()["domains"]
    expected = next((code for dom, code in domains.items() if host == dom or host.endswith("." + dom)), None)
    assert _government_domain(host) == expected


def test_government_domain_examples():
    from meetview.extract.publisher import _government_domain, _sources

    domains = _sources()["domains"]
    dom, code = next(iter(domains.items()))
    assert _government_domain(dom) == code
    assert _government_domain("press." + dom) == code
    assert _government_domain("not" + dom) is None or "not" + dom in domains
    assert _government_domain("example.com") is None


def _future_source() -> str:
    from meetview.extract.dates import _FUTURE

    return _FUTURE.source


def _planned_after_source() -> str:
    from meetview.extract.events import _PLANNED_AFTER

    return _PLANNED_AFTER.source


def _caseless_sources() -> list[str]:
    from meetview.extract.vocab import vocab

    v = vocab()
    lists = ("negations", "planned", "past_refs", "phone_words", "video_words", "past_times")
    return [
        *("|".join(getattr(v, name)) for name in (*lists, "attendance_before", "attendance_after")),
        r"\bcalled [A-Z]\w+",  # a class in upper case, folded
        _future_source(),
        _planned_after_source(),
        r"\bsaid\S*",  # an upper-case escape: no letter, stays as it is
        r"\bSaid [A-Za-z]",  # an upper-case letter: run the slow way
    ]


# Text dense in the phrases and in the letters where lower-casing and case-insensitive matching part:
# dotted and dotless i, long s, the Kelvin sign, final sigma
PHRASE_TEXT = st.lists(
    st.sampled_from(
        [
            *("did not attend ", "DID NOT ", "will ", "WILL ", "video ", "Called Biden ", "called on "),
            *("phone call ", "last year ", "following the talks, ", "was attended by ", "ſkipped "),
            *("İ", "ı", "K", "Σ ", "’s ", ", ", "in ", "talks ", "said", "SAID", "\n", "x", "the "),
            *("Scheduled ", "planned ", "to be held ", "Is Set To ", "next ", "a ", "; "),
        ]
    ),
    max_size=30,
).map("".join)


@given(PHRASE_TEXT, st.integers(0, 20), st.integers(0, 20))
def test_caseless_patterns_find_what_case_insensitive_patterns_find(text, pos, cut):
    import re

    from meetview.extract.text import CaselessPattern

    endpos = max(pos, len(text) - cut)
    for source in _caseless_sources():
        fast, slow = CaselessPattern(source), re.compile(source, re.I)
        for t in (text, text):  # the second call takes the lower-cased text from the one-entry cache
            assert [m.span() for m in fast.finditer(t, pos, endpos)] == [
                m.span() for m in slow.finditer(t, pos, endpos)
            ]
            for got, want in (
                (fast.search(t, pos, endpos), slow.search(t, pos, endpos)),
                (fast.match(t, pos, endpos), slow.match(t, pos, endpos)),
            ):
                assert (got and got.span()) == (want and want.span())
                assert (got and got.group(0).lower()) == (want and want.group(0).lower())


def test_caseless_pattern_takes_the_fast_path_only_where_it_is_exact():
    from meetview.extract.text import CaselessPattern, _lowered

    assert CaselessPattern(r"\bcalled [A-Z]").cs is not None
    assert CaselessPattern(r"\bsaid\S").cs is not None  # an escape, no letter
    assert CaselessPattern(r"\bSaid").cs is None  # a letter in upper case: only re.I matches it
    p = CaselessPattern(r"\bskip")
    assert p.search("They SKIPPED it").span() == (5, 9)
    assert _lowered("They ſkipped") is None  # long s: only re.I equates it with "s"
    assert p.search("They ſkipped").span() == (5, 9)
    assert _lowered("İstanbul") is None  # lower() makes it longer
    assert CaselessPattern(r"\bwill").search("İ will").span() == (2, 6)  # not shifted by the longer "i̇"


DATELINE_TEXT = st.lists(
    st.sampled_from(
        ["KYIV", "OSLO", "A", ",", ", ", "Kyiv", " -- ", " - ", ": ", "(Reuters)", " ", "\n", "x", "1"]
    ),
    max_size=14,
).map("".join)


@given(DATELINE_TEXT, st.integers(0, 6))
def test_dateline_led_by_its_capital_matches_the_look_behind_first_pattern(text, pos):
    import re

    from meetview.extract.dates import _DATELINE

    plain = re.compile(_DATELINE.pattern.replace(r"(?P<city>[A-Z](?<![\w,].)", r"(?<![\w,])(?P<city>[A-Z]"))
    assert plain.pattern != _DATELINE.pattern
    for p in range(min(pos, len(text)) + 1):
        got, want = _DATELINE.search(text, p), plain.search(text, p)
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))
