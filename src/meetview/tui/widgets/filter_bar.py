"""The filter bar: the query language in an Input, with completion of field names and values."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input, Static

from meetview.query.browse import Choice, Vocabulary
from meetview.query.parser import FIELDS
from meetview.tui.querytext import field_names
from meetview.tui.text import line

_LAST_TOKEN = re.compile(r'(?P<neg>-?)(?:(?P<field>[A-Za-z]+):)?(?P<value>"[^"]*|[^\s"]*)$')


def _fold(text: str) -> str:
    return text.casefold()


def _hyphenate(label: str) -> str:
    """'United Kingdom' -> 'united-kingdom' (country and topic values match it)."""
    return "-".join(re.sub(r"[^\w\s-]", " ", label.lower()).split())


class QuerySuggester(Suggester):
    """Completes the word being typed: a field name, or a value of its field (countries, topics,
    people, organizations, formats) from what the database holds, most frequent first."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.vocabulary = Vocabulary()

    def candidates(self, value: str, limit: int = 8) -> tuple[str, list[tuple[str, Choice | None]]]:
        """(the prefix being completed, [(completion text, choice)]) for the end of `value`."""
        m = _LAST_TOKEN.search(value)
        if m is None:
            return "", []
        field, typed = m.group("field"), m.group("value")
        if field is None:
            if not typed or typed.startswith('"'):
                return typed, []
            names = [f"{n}:" for n in field_names() if n.startswith(_fold(typed)) and n != _fold(typed)]
            return typed, [(n, None) for n in names[:limit]]
        canonical = FIELDS.get(field.lower())
        choices = self._choices(canonical)
        if not choices:
            return typed, []
        quoted = typed.startswith('"')
        want = _fold(typed.lstrip('"'))
        out: list[tuple[str, Choice | None]] = []
        seen: dict[tuple[str, str], int] = {}
        for c in choices:
            for word in self._words(canonical, c):
                if _fold(word).startswith(want) and (want or len(out) < limit):
                    if (" " in word or "," in word) and not quoted:
                        continue
                    text = ('"' + word + '"') if quoted else word
                    key = (_fold(text), _fold(c.label))
                    if key in seen:  # two people of one name: one entry (the filter matches both)
                        n = seen[key]
                        first = out[n][1]
                        assert first is not None
                        out[n] = (out[n][0], replace(first, count=first.count + c.count))
                    else:
                        seen[key] = len(out)
                        out.append((text, c))
                    break
            if len(out) >= limit:
                break
        return typed, out

    def _choices(self, canonical: str | None) -> list[Choice]:
        v = self.vocabulary
        return {
            "country": v.countries,
            "topic": v.topics,
            "person": v.people,
            "org": v.organizations,
            "format": v.formats,
        }.get(canonical or "", [])

    @staticmethod
    def _words(canonical: str | None, c: Choice) -> list[str]:
        """The forms of a value one may type: a name (hyphenated: the parser folds punctuation), a
        code or id, each word of a person's name (or the whole name, inside quotes)."""
        if canonical == "country":
            return [_hyphenate(c.label), c.value]
        if canonical == "topic":
            return [c.value, _hyphenate(c.label)]
        if canonical == "person":
            return [c.label, *c.label.split()]
        return [c.value]

    async def get_suggestion(self, value: str) -> str | None:
        typed, found = self.candidates(value, limit=1)
        if not found:
            return None
        completion = found[0][0]
        if not _fold(completion).startswith(_fold(typed)) or len(completion) <= len(typed):
            return None
        return value + completion[len(typed) :]


class QueryInput(Input):
    """Tab accepts the completion (instead of leaving the bar)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "complete", "Complete", show=False),
    ]

    def action_complete(self) -> None:
        if self._suggestion and self.cursor_at_end:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        else:
            self.screen.focus_next()


class FilterBar(Vertical):
    """Shown by `/`: the query input, then a line with the error (and where) or the completions."""

    class Applied(Message):
        """The user pressed Enter (or paused typing) on a query."""

        def __init__(self, text: str, final: bool) -> None:
            super().__init__()
            self.text = text
            self.final = final

    class Closed(Message):
        pass

    DEBOUNCE = 0.25

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.suggester = QuerySuggester()
        self._timer = None

    def compose(self):
        yield QueryInput(
            placeholder="country:NO topic:air-defense person:boiev after:2024-11 -format:video words…",
            suggester=self.suggester,
            id="query-input",
            select_on_focus=False,
        )
        yield Static("", id="query-hint")

    @property
    def input(self) -> QueryInput:
        return self.query_one(QueryInput)

    def open(self, text: str) -> None:
        self.display = True
        self.input.value = text
        self.input.cursor_position = len(text)
        self.input.focus()
        self._hint(text)

    def close(self) -> None:
        self.display = False
        self._cancel()

    def show_error(self, message: str, position: int, text: str) -> None:
        """An inline error: the message and a caret under the column it points at."""
        if not self.display:
            return
        hint = self.query_one("#query-hint", Static)
        out = Text()
        out.append("error: ", style="bold red")
        out.append_text(line(message))
        out.append(f" (at column {position + 1})", style="dim")
        out.append("\n")
        out.append_text(line(text))
        out.append("\n" + " " * max(0, position) + "^", style="bold red")
        hint.update(out)
        self.add_class("-error")

    def clear_error(self) -> None:
        self.remove_class("-error")
        self._hint(self.input.value)

    def _hint(self, value: str) -> None:
        _typed, found = self.suggester.candidates(value)
        hint = Text(style="dim")
        if found:
            hint.append("Tab or → completes: ", style="dim")
            for i, (completion, choice) in enumerate(found):
                if i:
                    hint.append("  ·  ", style="dim")
                hint.append_text(line(completion, "bold"))
                if choice is not None and _fold(choice.label) != _fold(completion.strip('"')):
                    hint.append(" ")
                    hint.append_text(line(choice.label, "dim"))
                if choice is not None and choice.count:
                    hint.append(f" ({choice.count:,})", style="dim")
        else:
            hint.append(
                "Enter applies · Esc closes · fields: country: topic: person: org: format: location: "
                "date: after: before: source: · -term negates · a,b means either",
                style="dim",
            )
        if not self.has_class("-error"):
            self.query_one("#query-hint", Static).update(hint)

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @on(Input.Changed, "#query-input")
    def _changed(self, event: Input.Changed) -> None:
        event.stop()
        self.remove_class("-error")
        self._hint(event.value)
        self._cancel()
        text = event.value
        self._timer = self.set_timer(self.DEBOUNCE, lambda: self.post_message(self.Applied(text, False)))

    @on(Input.Submitted, "#query-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._cancel()
        self.post_message(self.Applied(event.value, True))
