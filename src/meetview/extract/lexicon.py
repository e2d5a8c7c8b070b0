"""Phrase lexicons matched over tokens: longest match wins, capitals required, acronyms case-sensitive."""

from __future__ import annotations

from dataclasses import dataclass

from meetview.extract.text import Token, tokenize


@dataclass(slots=True)
class Hit:
    i: int  # first token
    j: int  # one past the last token
    kind: str
    value: str
    start: int  # character offsets
    end: int


class Lexicon:
    """A set of phrases, each with a kind and a value, matched over a token list.

    A phrase written all in capitals ("UK", "NATO", "PRC") matches only as written; any other
    phrase matches case-insensitively but needs at least one capitalized token ("Norwegian",
    "the Alliance"), so "china" the porcelain and "turkey" the bird stay out.
    """

    def __init__(self) -> None:
        self._entries: dict[tuple[str, ...], list[tuple[str, str, bool]]] = {}
        self._lengths: dict[str, list[int]] = {}  # first token -> phrase lengths, longest first
        self._exact: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        self._prefixes: set[tuple[str, ...]] = set()  # every key's proper prefixes of two tokens or more
        self._openings: set[tuple[str, ...]] = set()  # the first two tokens of every longer key

    def add(self, phrase: str, kind: str, value: str, case_sensitive: bool | None = None) -> None:
        toks = tokenize(phrase)
        if not toks:
            return
        key = tuple(t.low for t in toks)
        if case_sensitive is None:
            letters = [c for c in phrase if c.isalpha()]
            case_sensitive = len(letters) <= 5 and all(c.isupper() for c in letters)
        entry = (kind, value, case_sensitive)
        bucket = self._entries.setdefault(key, [])
        if entry not in bucket:
            bucket.append(entry)
        self._index(key)
        if case_sensitive:
            self._exact.setdefault(key, set()).add(tuple(t.text.replace("’", "'") for t in toks))

    def merge(self, other: Lexicon) -> None:
        """Add every phrase of another lexicon."""
        for key, entries in other._entries.items():
            bucket = self._entries.setdefault(key, [])
            for e in entries:
                if e not in bucket:
                    bucket.append(e)
            self._index(key)
        for key, forms in other._exact.items():
            self._exact.setdefault(key, set()).update(forms)

    def _index(self, key: tuple[str, ...]) -> None:
        """Note a key's length under its first token, its proper prefixes and its first two tokens."""
        lengths = self._lengths.setdefault(key[0], [])
        if len(key) not in lengths:
            lengths.append(len(key))
            lengths.sort(reverse=True)
        for n in range(2, len(key)):
            self._prefixes.add(key[:n])
        if len(key) >= 2:
            self._openings.add(key[:2])

    def _keys_at(self, tokens: list[Token], i: int, hi: int, longest: int) -> list[tuple[str, ...]]:
        """The phrase keys that tokens[i:] begin with, longest first: grown a token at a time while
        they are the beginning of some phrase."""
        entries, prefixes = self._entries, self._prefixes
        key = (tokens[i].low,)
        found = [key] if key in entries else []
        n = i + 1
        while n < hi and n - i < longest:
            key = (*key, tokens[n].low)
            if key in entries:
                found.append(key)
            if key not in prefixes:
                break
            n += 1
        found.reverse()
        return found

    def lookup(self, phrase: str) -> list[tuple[str, str]]:
        key = tuple(t.low for t in tokenize(phrase))
        return [(k, v) for k, v, _ in self._entries.get(key, [])]

    def match(self, tokens: list[Token], lo: int = 0, hi: int | None = None) -> list[Hit]:
        """Non-overlapping hits over tokens[lo:hi], longest first, left to right."""
        hi = len(tokens) if hi is None else hi
        hits: list[Hit] = []
        first, openings, exact = self._lengths, self._openings, self._exact
        i = lo  # tokens before i are inside a hit already
        # only tokens that begin some phrase are tried: one quick pass finds them
        for n in [n for n, t in enumerate(tokens[lo:hi], lo) if t.low in first]:
            if n < i:
                continue
            low = tokens[n].low
            lengths = first[low]
            if lengths[-1] != 1 and (n + 1 >= hi or (low, tokens[n + 1].low) not in openings):
                continue  # no phrase is this one word, and none opens with these two ("the", "a")
            for key in self._keys_at(tokens, n, hi, lengths[0]):
                size = len(key)
                span = tokens[n : n + size]
                ok = []
                for kind, value, cs in self._entries[key]:
                    if cs:
                        written = tuple(t.text.replace("’", "'") for t in span)
                        if written not in exact.get(key, ()):
                            continue
                    elif not any(t.cap for t in span):
                        continue
                    ok.append((kind, value))
                if not ok:
                    continue
                for kind, value in ok:
                    hits.append(Hit(n, n + size, kind, value, span[0].start, span[-1].end))
                i = n + size
                break
        return hits
