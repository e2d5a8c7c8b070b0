"""Command palette (Ctrl+P): go to a person, country, topic, organization or country pair."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from meetview.sanitize import clean_line
from meetview.tui.querytext import term

if TYPE_CHECKING:
    from meetview.tui.app import MeetviewApp

MAX_HITS = 40


def literal_match(text: str, offsets: tuple[int, ...] | list[int]) -> Content:
    """The hit's text, literal (never markup: names are untrusted), with the matched letters bold."""
    content = Content(text)
    for offset in offsets:
        if 0 <= offset < len(text) and not text[offset].isspace():
            content = content.stylize("bold underline", offset, offset + 1)
    return content


class GoToProvider(Provider):
    """Entities from the database: a person opens their view, a country/topic/org filters."""

    @property
    def mv(self) -> MeetviewApp:
        return self.app  # type: ignore[return-value]

    def _entries(self) -> Iterator[tuple[str, Callable[[], None], str]]:
        app, v = self.mv, self.mv.vocabulary
        for c in v.people:
            yield (
                f"Person: {clean_line(c.label)}",
                partial(app.open_person, int(c.value[1:])),
                f"person view ({c.count:,} meetings)",
            )
        for c in v.countries:
            label = clean_line(c.label)
            yield (
                f"Country: {label} ({c.value})",
                partial(app.add_filter, term("country", c.value)),
                f"filter the meetings to country:{c.value} ({c.count:,})",
            )
            if c.count:
                yield (
                    f"Country pair: {label} and …",
                    partial(app.open_pair, c.value),
                    "choose a partner country and list the meetings of both",
                )
        for c in v.topics:
            yield (
                f"Topic: {clean_line(c.label)}",
                partial(app.add_filter, term("topic", c.value)),
                f"filter the meetings to topic:{c.value} ({c.count:,})",
            )
        for c in v.organizations:
            yield (
                f"Organization: {clean_line(c.label)}",
                partial(app.add_filter, term("org", c.value)),
                f"filter the meetings to this organization ({c.count:,})",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        hits = []
        for text, callback, help_text in self._entries():
            score, offsets = matcher.fuzzy_search.match(matcher.query, text)
            if score > 0:
                hits.append((score, text, offsets, callback, help_text))
        hits.sort(key=lambda h: -h[0])
        for score, text, offsets, callback, help_text in hits[:MAX_HITS]:
            yield Hit(score, literal_match(text, offsets), callback, text=text, help=Content(help_text))

    async def discover(self) -> Hits:
        for shown, (text, callback, help_text) in enumerate(self._entries()):
            if shown >= 12:
                break
            yield DiscoveryHit(Content(text), callback, text=text, help=Content(help_text))
