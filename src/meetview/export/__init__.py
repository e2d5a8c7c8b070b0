"""Export meetings as a Markdown brief, JSON records or CSV rows, with article text made inert."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable

from meetview.query.detail import MeetingDetail
from meetview.sanitize import clean_line

FORMATS = ("md", "json", "csv")

# Characters with inline meaning in Markdown (emphasis, code, links, HTML, tables, strikethrough,
# entities). Article text never starts a line in a brief (it follows "- ", "> " or a label), so
# line-start syntax (#, 1., +) cannot trigger.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")


def md_escape(text: str | None) -> str:
    """One line of untrusted text that renders literally in Markdown (no links, no HTML, no emphasis)."""
    return _MD_SPECIAL.sub(r"\\\1", clean_line(text))


def _month_heading(date: str | None) -> str:
    if not date:
        return "Date unknown"
    if len(date) == 4:
        return f"{date} (month unknown)"
    year, month = int(date[:4]), int(date[5:7])
    return dt.date(year, month, 1).strftime("%B %Y")


def to_markdown(meetings: list[MeetingDetail], *, query: str = "", today: dt.date | None = None) -> str:
    """A brief: a title with the query and date, meetings grouped by month with evidence and sources."""
    today = today or dt.date.today()
    title = "Meetings" + (f": {md_escape(query)}" if query.strip() else "")
    lines = [f"# {title}", "", f"Exported by meetview on {today.isoformat()}: {len(meetings)} meetings.", ""]
    current = None
    for m in meetings:
        heading = _month_heading(m.date)
        if heading != current:
            lines += [f"## {heading}", ""]
            current = heading
        who = ", ".join(md_escape(p.name) for p in m.participants) or "Unnamed delegations"
        lines += [f"### {md_escape(m.date or 'undated')}: {who}", ""]
        facts = [f"- **Format:** {md_escape(m.format or 'unknown')}"]
        if m.location:
            facts.append(f"- **Location:** {md_escape(m.location)}")
        if m.status != "held":
            facts.append(f"- **Status:** {md_escape(m.status)}")
        lines += facts
        if m.participants:
            lines.append("- **Participants:**")
            for p in m.participants:
                bits = [md_escape(x) for x in (p.role, p.country, p.organization) if x]
                lines.append(f"  - {md_escape(p.name)}" + (f" ({', '.join(bits)})" if bits else ""))
        if m.countries:
            lines.append("- **Countries:** " + ", ".join(f"{md_escape(n)} ({c})" for c, n in m.countries))
        if m.organizations:
            lines.append("- **Organizations:** " + ", ".join(md_escape(o) for o in m.organizations))
        if m.topics:
            lines.append("- **Topics:** " + ", ".join(md_escape(label) for _, label in m.topics))
        lines.append("")
        if m.evidence:
            lines += [f"> {md_escape(m.evidence)}", ""]
        if m.sources:
            lines.append("Sources:")
            for s in m.sources:
                name = md_escape(s.title or s.source)
                link = _safe_url(s.url)
                head = f"[{name}](<{link}>)" if link else name
                extra = ", ".join(md_escape(x) for x in (s.outlet, s.published) if x)
                lines.append(f"- {head}" + (f", {extra}" if extra else ""))
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _safe_url(url: str | None) -> str | None:
    """Only http(s) links, with nothing that could close the <...> link destination."""
    url = clean_line(url)
    if not re.match(r"^https?://", url, re.I):
        return None
    return re.sub(r"[<>\s]", lambda ch: f"%{ord(ch.group()):02X}", url)


def _inert(value):
    """Every string in a JSON-able value made a clean single line (JSON alone keeps C1 and bidi controls)."""
    if isinstance(value, str):
        return clean_line(value)
    if isinstance(value, list):
        return [_inert(v) for v in value]
    if isinstance(value, dict):
        return {k: _inert(v) for k, v in value.items()}
    return value


def to_json(meetings: list[MeetingDetail], *, query: str = "") -> str:
    doc = {"query": query, "count": len(meetings), "meetings": [m.to_record() for m in meetings]}
    return json.dumps(_inert(doc), ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = [
    "id",
    "date",
    "format",
    "location",
    "participants",
    "roles",
    "countries",
    "organizations",
    "topics",
    "evidence",
    "sources",
    "urls",
]


def _csv_cell(text: str) -> str:
    """Inert in a spreadsheet: a leading = + - @ (formula injection) gets a quote in front."""
    text = clean_line(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def to_csv(meetings: Iterable[MeetingDetail]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in meetings:
        writer.writerow(
            [
                _csv_cell(str(x))
                for x in (
                    m.id,
                    m.date or "",
                    m.format or "",
                    m.location or "",
                    "; ".join(p.name for p in m.participants),
                    "; ".join(p.role or "" for p in m.participants),
                    " ".join(c for c, _ in m.countries),
                    "; ".join(m.organizations),
                    " ".join(t for t, _ in m.topics),
                    m.evidence or "",
                    "; ".join(s.title or s.source for s in m.sources),
                    " ".join(s.url or "" for s in m.sources),
                )
            ]
        )
    return buf.getvalue()


def render(fmt: str, meetings: list[MeetingDetail], *, query: str = "") -> str:
    if fmt == "md":
        return to_markdown(meetings, query=query)
    if fmt == "json":
        return to_json(meetings, query=query)
    if fmt == "csv":
        return to_csv(meetings)
    raise ValueError(f"unknown format {fmt!r} (md, json, csv)")
