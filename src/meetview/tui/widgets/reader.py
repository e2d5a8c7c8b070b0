"""The reader: a meeting's source article shown literally, with its extracted values highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from meetview.query.detail import MeetingDetail, SourceInfo
from meetview.tui.data import DetailResult
from meetview.tui.text import highlighted, line

# span field -> component class that styles it
SPAN_CLASSES = {
    "evidence": "reader--evidence",
    "participant": "reader--participant",
    "role": "reader--participant",
    "country": "reader--country",
    "organization": "reader--country",
    "topic": "reader--topic",
    "date": "reader--date",
    "format": "reader--date",
    "location": "reader--date",
}


class Reader(VerticalScroll, can_focus=True):
    """Scrollable article view; `s`/`S` switch between the meeting's sources."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
        Binding("space", "page_down", "Page down", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reader--title",
        "reader--meta",
        "reader--label",
        "reader--evidence",
        "reader--participant",
        "reader--country",
        "reader--topic",
        "reader--date",
    }

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.result: DetailResult | None = None
        self.source_index = 0

    def compose(self):
        yield Static(Text("Select a meeting to read its source.", style="dim"), id="reader-head")
        yield Static("", id="reader-body")

    @property
    def detail(self) -> MeetingDetail | None:
        return self.result.detail if self.result else None

    @property
    def source(self) -> SourceInfo | None:
        d = self.detail
        if d is None or not d.sources:
            return None
        return d.sources[self.source_index % len(d.sources)]

    def clear(self, message: str = "Select a meeting to read its source.") -> None:
        self.result = None
        self.query_one("#reader-head", Static).update(Text(message, style="dim"))
        self.query_one("#reader-body", Static).update("")
        self.border_subtitle = ""

    def show(self, result: DetailResult, *, source_index: int = 0) -> None:
        same = self.result is not None and self.result.meeting_id == result.meeting_id
        self.result = result
        self.source_index = source_index
        if result.detail is None:
            self.clear("This meeting is no longer in the database.")
            return
        self._draw()
        if not same:
            self.scroll_home(animate=False)

    def next_source(self, step: int = 1) -> None:
        d = self.detail
        if d is None or len(d.sources) < 2:
            return
        self.source_index = (self.source_index + step) % len(d.sources)
        self._draw()
        self.scroll_home(animate=False)

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _draw(self) -> None:
        d, src = self.detail, self.source
        assert d is not None
        label = self._style("reader--label")
        head = Text()
        if src is not None:
            head.append_text(line(src.title or src.source, self._style("reader--title")))
            head.append("\n")
            meta = [x for x in (src.outlet, src.published, src.url or src.source) if x]
            head.append_text(line(" · ".join(str(m) for m in meta), self._style("reader--meta")))
            head.append("\n")
            if len(d.sources) > 1:
                head.append(
                    f"Source {self.source_index % len(d.sources) + 1} of {len(d.sources)}"
                    "  (s / S: next / previous source)\n",
                    style=label,
                )
        else:
            head.append("No source article.\n", style=label)
        head.append("\n")
        facts = [
            ("Meeting", f"#{d.id}"),
            ("Date", d.date or "undated"),
            ("Format", d.format or "unknown"),
        ]
        if d.location:
            facts.append(("Location", d.location))
        if d.status != "held":
            facts.append(("Status", d.status))
        for name, value in facts:
            head.append(f"{name}: ", style=label)
            head.append_text(line(value))
            head.append("   ")
        head.append("\n")
        if d.participants:
            head.append("Participants: ", style=label)
            for i, p in enumerate(d.participants):
                if i:
                    head.append("; ")
                head.append_text(line(p.name, self._style("reader--participant")))
                bits = [x for x in (p.role, p.country, p.organization) if x]
                if bits:
                    head.append_text(line(f" ({', '.join(bits)})"))
            head.append("\n")
        if d.countries:
            head.append("Countries: ", style=label)
            head.append_text(
                line(
                    ", ".join(f"{name} ({code})" for code, name in d.countries),
                    self._style("reader--country"),
                )
            )
            head.append("\n")
        if d.organizations:
            head.append("Organizations: ", style=label)
            head.append_text(line(", ".join(d.organizations), self._style("reader--country")))
            head.append("\n")
        if d.topics:
            head.append("Topics: ", style=label)
            head.append_text(line(", ".join(lbl for _, lbl in d.topics), self._style("reader--topic")))
            head.append("\n")
        evidence = (src.evidence if src else None) or d.evidence
        if evidence:
            head.append("Evidence: ", style=label)
            head.append_text(line(evidence, self._style("reader--evidence")))
            head.append("\n")
        self.query_one("#reader-head", Static).update(head)
        self.query_one("#reader-body", Static).update(self._article(src, evidence))
        n = len(d.sources)
        self.border_subtitle = f"source {self.source_index % n + 1}/{n}" if n else ""

    def _article(self, src: SourceInfo | None, evidence: str | None) -> Text:
        if src is None or self.result is None:
            return Text("")
        article = self.result.articles.get(src.article_id)
        if article is None:
            return Text("(article text unavailable)", style="dim")
        text = article.text
        marks: list[tuple[int, int, Style]] = []
        for s in src.spans:
            cls = SPAN_CLASSES.get(s.field)
            if cls:
                marks.append((s.start, s.end, self._style(cls)))
        if evidence and not any(s.field == "evidence" for s in src.spans):
            at = text.find(evidence)
            if at >= 0:
                marks.append((at, at + len(evidence), self._style("reader--evidence")))
        # the evidence sentence first, so the finer spans inside it are drawn over it
        marks.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        return highlighted(text, marks)
