"""Meetings: trigger words, who took part, held vs planned vs absent, and one record per distinct event."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from meetview.extract import countries as gaz
from meetview.extract.dates import Anchor, DateExpr, find_dates
from meetview.extract.document import Doc
from meetview.extract.people import People, role_tokens
from meetview.extract.text import CaselessPattern
from meetview.extract.vocab import vocab

_DETS = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "his",
    "her",
    "their",
    "its",
    "our",
    "today's",
    "'s",
    "these",
    "those",
}
_CONTEXT_PREPS = {"during", "after", "following", "at", "before", "in", "on", "of", "ahead", "from", "since"}
_STRONG_NOUNS = {
    "meeting",
    "meetings",
    "talks",
    "negotiations",
    "conversation",
    "conversations",
    "videoconference",
    "videoconferences",
    "video-conference",
    "teleconference",
    "summit",
    "summits",
    "session",
    "sessions",
    "consultations",
    "gathering",
    "ministerial",
    "bilaterals",
    "tête-à-tête",
    "tete-a-tete",
    "vis-a-vis",
    "audience",
    "encounter",
}
_NEEDS_WITH = {
    "plenary",
    "discussion",
    "discussions",
    "dialogue",
    "conference",
    "visit",
    "dinner",
    "lunch",
    "luncheon",
    "breakfast",
    "exchange",
    "contacts",
    "round",
    "forum",
    "address",
    "reception",
    "retreat",
    "get-together",
    "call",
    "calls",
    "phone",
    "telephone",
}
_DATE_WORDS = {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "the",
    "behalf",
    "sidelines",
    "margins",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
_TOPIC_OPENERS = {"to", "about", "on", "regarding", "concerning", "over", "discussing", "pledging"}
_PROCESS_VERBS = {
    "restart",
    "resume",
    "revive",
    "relaunch",
    "launch",
    "begin",
    "start",
    "continue",
    "advance",
    "conclude",
    "finalise",
    "finalize",
    "accelerate",
    "speed",
    "open",
    "reopen",
    "deepen",
    "pursue",
    "support",
    "facilitate",
}
_REPORTING = {"said", "says", "told", "stated", "noted", "described", "called", "warned", "claimed", "argued"}
_PLURAL_NOUNS = {
    "meetings",
    "calls",
    "conversations",
    "summits",
    "sessions",
    "visits",
    "discussions",
    "contacts",
}
_BE = {"is", "are", "was", "were", "be", "been", "being", "get", "got"}
_MULTI_HEADS = {
    "ministers",
    "leaders",
    "heads",
    "chiefs",
    "representatives",
    "delegations",
    "members",
    "officials",
    "counterparts",
    "partners",
    "allies",
}


@dataclass
class Trigger:
    sent: int
    i: int
    j: int
    kind: str  # verb | hold | noun | session | weak | sides
    status: str = "held"  # held | planned | negated | past | quoted
    session: bool = False
    side: str = ""  # attendance: where its attendees stand ("before", "after", "both")
    lo: int = 0  # attendance: the tokens its attendees stand in
    hi: int = 0
    gerund: bool = False  # "... said after meeting X": its subject is the sayer
    plural: bool = False  # a plural meeting noun ("meetings", "calls"): several encounters
    reported: bool = False  # what its sentence reports ("held talks", "met"), not a passing mention


@dataclass
class Candidate:
    trigger: Trigger
    persons: list[int] = field(default_factory=list)
    subject: list[int] = field(default_factory=list)
    countries: dict[str, tuple[int, int]] = field(default_factory=dict)
    groups: dict[str, tuple[int, int]] = field(default_factory=dict)
    orgs: dict[str, tuple[int, int]] = field(default_factory=dict)
    date: DateExpr | None = None
    location: tuple[str, int, int] | None = None
    fmt: tuple[str, int, int] | None = None
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (person, start, end)
    local: tuple[int, int] | None = None  # "met with several top government officials": hosts, unnamed
    home: tuple[int, int] | None = None  # "The President spoke with ...": the publisher's own side, unnamed
    context: set[str] = field(default_factory=set)  # organisations and groups of the setting only
    topical: set[str] = field(default_factory=set)  # ... named only in what was discussed
    compound: set[str] = field(default_factory=set)  # sides named in one word ("the EU-UK summit")


@dataclass
class Event:
    candidates: list[Candidate]
    persons: list[int] = field(default_factory=list)
    status: str = "held"

    @property
    def first(self) -> Candidate:
        return self.candidates[0]

    @property
    def sentences(self) -> list[int]:
        return sorted({c.trigger.sent for c in self.candidates})

    def dated(self) -> DateExpr | None:
        for c in self.candidates:
            if c.date is None or not c.date.value:
                continue
            if not (c.trigger.plural and not c.trigger.reported) or (
                c.date.kind == "full" and len(c.date.value) == 10
            ):
                # "the President's meetings this week in Belgium" name several, date none; a stated
                # day dates them all ("regular contacts ...; on 9 December the ministers spoke")
                return c.date
        return None

    @property
    def session(self) -> bool:
        return any(c.trigger.session for c in self.candidates)

    def orgs(self) -> set[str]:
        return {o for c in self.candidates for o in c.orgs}


@lru_cache(maxsize=1)
def _patterns() -> tuple[CaselessPattern, ...]:
    v = vocab()
    return (
        CaselessPattern("|".join(v.negations)),
        CaselessPattern("|".join(v.planned)),
        CaselessPattern("|".join(v.past_refs)),
        CaselessPattern("|".join(v.phone_words)),
        CaselessPattern("|".join(v.video_words)),
        CaselessPattern("|".join(v.past_times) or r"(?!x)x"),
    )


def _flat(doc: Doc) -> str:
    """The masked text with line breaks as spaces (same offsets), for phrase patterns."""
    flat = doc.memo.get("flat")
    if flat is None:
        # three replace() passes: memchr-fast, where one translate() walks a dict per character
        flat = doc.memo["flat"] = doc.text.replace("\n", " ").replace("\t", " ").replace("\r", " ")
    return flat


def _clause(doc: Doc, sent: int, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence around [start, end) that belongs to the same clause."""
    s = doc.sentences[sent]
    text = doc.text
    lo = max(s.start, start - 140)
    for sep in (";", " but ", " while ", " whereas ", ", although", " despite "):
        k = text.rfind(sep, lo, start)
        if k >= 0:
            lo = max(lo, k + len(sep))
    hi = min(s.end, end + 80)
    for sep in (";", " but ", " while ", " whereas ", ", although"):
        k = text.find(sep, end, hi)
        if k >= 0:
            hi = min(hi, k)
    return lo, hi


_RELATIVE = re.compile(r",\s*(?:who|which|whose)\b[^,;.]*(?:,|$)", re.I)


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group(0))


# Future words that modify only the phrase they open: "ahead of the summit, X met Y" and "a planned
# corridor" leave the meeting held; they plan the trigger only when it stands inside that phrase.
_PHRASAL_FUTURE = re.compile(
    r"^(?:ahead of|in time for|in preparation for|preparations? for|prepar(?:e|ing) for)$"
    r"|^(?:planned|upcoming|forthcoming|proposed|scheduled|planning)$",
    re.I,
)
_ATTRIBUTIVE_DET = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s+$", re.I)


# "talks scheduled for Monday", "the meeting will take place": the trigger's own predicate, close after it
_PLANNED_AFTER = CaselessPattern(
    r"[^.;,]{0,30}?(?<!\ba )(?<!\bthe )\b(?:scheduled|planned|to be held|to take place|will|expected)\b"
)


# "Kallas's plan to raise ...", "the plan to rebuild": the noun, which plans nothing for the trigger
_NOUN_PLAN = re.compile(r"(?:'s|’s|\b(?:the|a|an|his|her|its|their|our|this|that))\s+(?:\w+\s+)?$", re.I)


def _planned_before(plan: CaselessPattern, before: str, trig_end: int) -> bool:
    for m in plan.finditer(before):
        word = m.group(0).strip()
        if word.lower() in ("plan to", "plans to") and _NOUN_PLAN.search(
            before[max(0, m.start() - 30) : m.start()]
        ):
            continue
        if _PHRASAL_FUTURE.match(word):
            adjective = not word.lower().startswith(("ahead", "in ", "prep"))
            if adjective and not _ATTRIBUTIVE_DET.search(before[max(0, m.start() - 8) : m.start()]):
                return True  # "talks were planned", "is planning to meet"
            if trig_end - m.end() > 45:
                continue  # the phrase is about something else
        return True
    return False


# Written channels: a weak verb ("thanked", "congratulated") through them reports no encounter
_WRITTEN = re.compile(
    r"\b(?:in|via|through) an? (?:joint |written |video |congratulatory |short )?"
    r"(?:statement|message|letter|tweet|post|telegram|note|cable|press release)\b"
    r"|\bon (?:X|Twitter|social media|Facebook|Telegram)\b",
)


# a past perfect before a meeting named in passing: the meeting is background
_PAST_PERFECT = re.compile(
    r"\bhad\s+(?:(?:also|already|previously|long|just|\w+ly)\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn|ne|ld|ht|id|ept|eld)\b"
)


def _opening_sequel(before: str, m: re.Match[str]) -> bool:
    """ "Following their talks, X met Y" / "After the meeting, X spoke with Y": an opening adverbial
    naming the meeting before tells when the next one was held; it makes the next one no recollection."""
    if before[: m.start()].strip(" ,") not in ("", "Later", "Shortly", "Immediately", "Right", "Soon"):
        return False
    rest = before[m.end() :]
    comma = rest.find(",")
    return comma >= 0 and bool(rest[comma + 1 :].strip())


def _status(doc: Doc, t: Trigger) -> str:
    neg, plan, past, _, _, past_time = _patterns()
    toks = doc.tokens
    start, end = toks[t.i].start, toks[t.j - 1].end
    if doc.quotes.inside(start):
        return "quoted"
    lo, hi = _clause(doc, t.sent, start, end)
    flat = _flat(doc)
    before = flat[lo:end]
    after = flat[end:hi]
    window = flat[lo:hi]
    if t.kind == "attend":
        # an attendance phrase is negated by its own words ("was not attended by", "did not take part"),
        # not by someone else's absence in the sentence ("X was represented by Y, as Z stayed away")
        near = flat[toks[max(t.i - 3, doc.sent_tokens[t.sent][0])].start : end]
        if neg.search(near):
            return "negated"
        window = ""
    elif neg.search(window):
        return "negated"
    if t.kind == "weak" and _WRITTEN.search(window):
        return "written"  # "thanked X for ... in a statement": a message, not an encounter
    if any(not _opening_sequel(before, m) for m in past.finditer(before)):
        return "past"
    if past_time.search(window) and not _predicative(doc, t, doc.sent_tokens[t.sent][0]):
        return "past"
    if (
        t.kind in ("noun", "anaphor")
        and _PAST_PERFECT.search(before[-90:])
        and not _predicative(doc, t, doc.sent_tokens[t.sent][0])
    ):
        return "past"  # "China had maintained that position at a meeting of the Council": recalled
    # a relative clause speaks of its own time: "X, who will stay until Sunday, met Y" was held
    before, after = _RELATIVE.sub(_blank, before), _RELATIVE.sub(_blank, after)
    if _planned_before(plan, before, end - lo) or _PLANNED_AFTER.match(after):
        return "planned"
    return "held"


def _people_at(doc: Doc, people: People, k: int) -> dict[int, int]:
    """Token -> person for the names of sentence k and the role phrases attached to them ("the
    Chancellor of Austria, Karl Huber": the role stands for the person too)."""
    out: dict[int, int] = {}
    for m in people.by_sentence.get(k, []):
        for x in range(m.i, m.j):
            out[x] = m.person
        span = role_tokens(doc, m)
        if span:
            for x in range(*span):
                out.setdefault(x, m.person)
    return out


def _next_is_person_or_role(doc: Doc, people_at: dict[int, int], x: int, b: int) -> bool:
    toks = doc.tokens
    v = vocab()
    k = x
    limit = 6
    while k < b and k - x <= limit:
        if k in people_at:
            return True
        low = toks[k].low
        if _led_by(toks, k, x, b):  # "received the delegation led by the Deputy Prime Minister, X"
            k += 2
            limit = k - x + 8
            continue
        if (
            low in v.heads
            or low in v.modifiers
            or k in doc.place_at
            or k in doc.org_at
            or low in _DETS
            or low in v.honorifics
            or (low == "." and k > x)
        ):
            k += 1
            continue
        return False
    return False


def _receives_delegation(toks: list, x: int, i: int) -> bool:
    """ "received (the Kenyan) delegation led by X", "met a delegation headed by Y": the verb at x takes
    the delegation whose attendance phrase starts at i as its object: the meeting itself, told now."""
    v = vocab()
    if not (toks[x].low in v.host_verbs or (toks[x].low in v.meet_verbs and toks[x].low != "meeting")):
        return False
    return all(toks[y].low in _DETS or toks[y].cap for y in range(x + 1, i))


def _led_by(toks: list, k: int, x: int, b: int) -> bool:
    """Whether tokens k, k+1 are "led by" / "headed by" right after a delegation noun."""
    return (
        x < k < b - 1
        and toks[k].low in ("led", "headed")
        and toks[k + 1].low == "by"
        and toks[k - 1].low in vocab().delegation_nouns
    )


_ADVERBIAL_WORDS = _DATE_WORDS | {
    "today",
    "yesterday",
    "this",
    "morning",
    "afternoon",
    "evening",
    "also",
    "again",
    "later",
    "warmly",
    "officially",
    "formally",
    "separately",
    ",",
}


def _adverbials_end(doc: Doc, x: int, b: int) -> int:
    """Past time and place adverbials after a verb ("today, at Al-Ittihadiya Palace,", "on Monday,
    October 28,"): where its object (or "by") begins."""
    toks = doc.tokens
    k = x
    while k < b and k - x <= 12:
        low = toks[k].low
        if low in _ADVERBIAL_WORDS or low[:1].isdigit():
            k += 1
        elif low in ("at", "in", "on") and k + 1 < b and (toks[k + 1].cap or toks[k + 1].low == "the"):
            k += 1
            while k < b and (toks[k].cap or toks[k].low in ("the", "of", "'s")) and k - x <= 12:
                if toks[k].cap and toks[k].low in vocab().heads | vocab().honorifics:
                    return k if toks[k - 1].low == "," else x  # a person, not a place
                k += 1
        else:
            break
    return k if k < b and (toks[k - 1].low == "," or toks[k].low == "by") else x


# The last word of a body whose sessions are its meetings: "X chaired the Foreign Affairs Council",
# "Y addressed the UN Security Council", "Z attended the North Atlantic Council"
_BODY_SESSIONS = frozenset({"council", "assembly"})


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    v = vocab()
    return frozenset(
        v.meet_verbs
        | v.talk_verbs
        | v.host_verbs
        | v.call_verbs
        | v.weak_verbs
        | v.meeting_nouns
        | _STRONG_NOUNS
        | _NEEDS_WITH
        | _MULTI_HEADS
        | _PAIR_VERBS
        | _BODY_SESSIONS
        | {
            "meeting",
            "talks",
            "spoke",
            "speaks",
            "speak",
            "talked",
            "talk",
            "conferred",
            "discussed",
            "discusses",
            "discuss",
        }
    )


def find_triggers(doc: Doc, people: People) -> list[Trigger]:
    v = vocab()
    toks = doc.tokens
    out: list[Trigger] = []
    words = _trigger_words()
    # one pass over the document: where the trigger words are, and which sentences hold a cue
    at_words: dict[int, list[int]] = {}
    for n, t in enumerate(toks):
        if t.low in words:
            at_words.setdefault(t.sent, []).append(n)
    with_cues = {t.sent for t in toks if t.low in _ATTENDANCE_CUES}
    for k, (a, b) in enumerate(doc.sent_tokens):
        if k in doc.title_sentences or k in doc.caption_sentences or k in doc.end_sentences:
            continue
        has_words, has_cues = k in at_words, k in with_cues
        if not (has_words or has_cues):
            continue
        people_at = _people_at(doc, people, k) if k in people.by_sentence else {}
        attends = _attendance(doc, k, a, b, people_at) if has_cues else []
        for attend in attends:
            attend.status = _status(doc, attend)
            out.append(attend)
        for x in at_words.get(k, ()):
            low = toks[x].low
            if any(
                t.side == "after"
                and t.i - 4 <= x < t.j
                and not (x < t.i and _receives_delegation(toks, x, t.i))
                for t in attends
            ):
                continue  # "The summit was hosted by X": the meeting told before, not a new one
            prev = toks[x - 1].low if x > a else ""
            nxt = toks[x + 1].low if x + 1 < b else ""
            trig: Trigger | None = None
            if low in v.meet_verbs and low != "meeting":
                if not (low == "met" and (prev in _BE or nxt == "by")):
                    trig = Trigger(k, x, x + 1, "verb")
            elif low == "meeting":
                if prev in ("after", "before", "while", "when", "since") and _next_is_person_or_role(
                    doc, people_at, x + 1, b
                ):
                    trig = Trigger(k, x, x + 1, "verb")  # "X said after meeting his counterpart Y"
                    trig.gerund = True
                else:
                    trig = Trigger(k, x, x + 1, "noun")
            elif low in ("spoke", "speaks", "speak", "talked", "talk", "conferred"):
                if _with_soon(toks, x, b):
                    trig = Trigger(k, x, x + 1, "verb")  # "spoke earlier today by phone with"
                elif nxt == "for" and _duration_end(toks, x + 2, b):
                    trig = Trigger(k, x, x + 1, "verb")  # "X and Y spoke for about 90 minutes"
                elif nxt in (
                    "with",
                    "to",
                    "by",
                    "today",
                    "this",
                    "again",
                    "on",
                    "yesterday",
                    "separately",
                ) and not (
                    nxt == "to"
                    and x + 2 < b
                    and toks[x + 2].low in ("reporters", "journalists", "the", "media")
                ):
                    trig = Trigger(k, x, x + 1, "verb")
            elif low in ("discussed", "discusses", "discuss"):
                if (
                    _discussed_with(doc, people_at, x, b)
                    or _pair_subject(doc, people, k, x)
                    # "X paid a visit to Warsaw. The ministers discussed ...": the first meeting told
                    or (not out and x - a <= 5 and doc.tokens[a].low != "they" and _sides_subject(doc, k))
                ):
                    trig = Trigger(k, x, x + 1, "verb")
            elif low in _PAIR_VERBS and _pair_subject(doc, people, k, x):
                trig = Trigger(k, x, x + 1, "verb")  # "Xi Jinping and Joe Biden agreed ..."
            elif low == "signed" and _in_presence_of(doc, x, b):
                trig = Trigger(k, x, x + 1, "verb")  # "was signed in Tashkent in the presence of X and Y"
            elif low in v.host_verbs:
                by = _adverbials_end(doc, x + 1, b)
                if (
                    by < b
                    and toks[by].low == "by"
                    and (
                        prev in _BE | {"also", "later", "then", "first"}
                        or (x - 2 >= a and toks[x - 2].low in _BE)
                    )
                ):
                    # "The Minister was received by President X", "X was welcomed on Monday, October 28,
                    # by King Y at the palace"
                    if _next_is_person_or_role(doc, people_at, by + 1, b):
                        trig = Trigger(k, x, by + 1, "verb")
                elif _next_is_person_or_role(doc, people_at, x + 1, b) or (
                    by > x + 1 and _next_is_person_or_role(doc, people_at, by, b)
                ):
                    trig = Trigger(k, x, x + 1, "verb")  # "received today, at the Palace, Mr. X"
            elif low in v.call_verbs:
                if (
                    nxt not in ("on", "for", "upon", "it", "this", "that")
                    and _next_is_person_or_role(doc, people_at, x + 1, b)
                    and not _names_as(doc, people_at, x + 1, b)
                ):
                    trig = Trigger(k, x, x + 1, "verb")
                elif nxt in ("on", "upon") and _courtesy_call(doc, people_at, x + 2, b):
                    trig = Trigger(k, x, x + 2, "verb")  # "called on the President": a visit
            elif low in v.weak_verbs:
                if _next_is_person_or_role(doc, people_at, x + 1, b) and not _invitation(doc, x, b):
                    trig = Trigger(k, x, x + 1, "weak")
            elif low in _STRONG_NOUNS or low == "talks":
                process = prev in v.process_words and low in (
                    "talks",
                    "negotiations",
                    "dialogue",
                    "consultations",
                )
                started = (
                    prev in _PROCESS_VERBS or (x - 2 >= a and toks[x - 2].low in _PROCESS_VERBS)
                ) and low in (
                    "talks",
                    "negotiations",
                    "dialogue",
                    "consultations",
                )
                if process and not _predicative(doc, Trigger(k, x, x + 1, "noun"), a):
                    trig = None  # "revive peace talks", "support for the peace talks between": a process
                elif started and nxt not in ("with", "between"):
                    trig = None  # "agreed to restart negotiations on a pipeline": a process
                elif not (low == "talks" and prev in ("he", "she", "it")):
                    trig = Trigger(k, x, x + 1, "noun")
            elif low in _NEEDS_WITH:
                follow = [t.low for t in toks[x + 1 : min(b, x + 4)]]
                if low in ("call", "calls") and prev == "courtesy" and nxt in ("on", "upon"):
                    trig = Trigger(k, x, x + 2, "noun")  # "paid a courtesy call on the Prime Minister"
                elif low in ("call", "calls") and (
                    nxt in ("for", "on", "to", "upon") or prev in ("to", "will")
                ):
                    trig = None
                elif low in ("phone", "telephone") and nxt in ("call", "conversation", "calls", "talks"):
                    trig = None  # the noun after it is the trigger
                elif low in ("phone", "telephone") and prev == "by" and _spoke_before(toks, x - 1, a):
                    trig = None  # "spoke by phone with X": the verb is the trigger
                elif (
                    "with" in follow
                    or "between" in follow
                    or (
                        low in ("call", "phone", "telephone")
                        and prev in ("a", "phone", "telephone", "video", "the")
                    )
                ):
                    trig = Trigger(k, x, x + 1, "noun")
                elif low in ("address", "conference") and prev in ("video", "joint", "news", "press"):
                    named = "with" in follow or low == "address" or prev == "video"
                    trig = Trigger(k, x, x + 1, "noun") if named else None  # not "told a news conference"
                elif low not in ("call", "calls", "phone", "telephone", "address") and _attended_noun(
                    doc, x, a
                ):
                    trig = Trigger(k, x, x + 1, "noun")  # "took part in a conference of donors"
            if (
                trig is None
                and low in _BODY_SESSIONS
                and x in doc.org_at
                and doc.org_at[x].j == x + 1
                and _attended_noun(doc, doc.org_at[x].i, a)
            ):
                trig = Trigger(k, x, x + 1, "noun")  # "chaired the Foreign Affairs Council": its session
            if trig is None and low in _MULTI_HEADS and _collective(doc, x, a, b):
                trig = Trigger(k, x, x + 1, "collective")
            if trig is not None and trig.kind == "noun" and _discussed(doc, x, a):
                trig = None  # "briefed him on his conversation with X": a topic, not this meeting
            if trig is not None:
                after = [toks[y].low for y in range(x + 1, min(b, x + 5))]
                passive = "by" in after and any(
                    w in ("attended", "chaired", "hosted", "joined") for w in after
                )
                if (
                    trig.kind == "noun"
                    and prev in ("this", "that", "the")
                    and nxt not in ("with", "between", "of")
                    and (
                        not passive or "also" in after or nxt == ","
                    )  # "The meeting was attended by X and Y" names its parties; "The meeting, hosted by X,
                    # ..." is the one just told
                ):
                    trig.kind = "anaphor"
                elif trig.kind == "noun" and _recap_opening(toks, x, a, low):
                    trig.kind = "anaphor"  # "In his meetings with senior officials, X ...": the ones told
                trig.session = _is_session(doc, k, x, a, b)
                trig.plural = trig.kind in ("noun", "anaphor") and low in _PLURAL_NOUNS
                trig.reported = _predicative(doc, trig, a) or low == "signed"  # its parties come after
                trig.status = _status(doc, trig)
                out.append(trig)
    return out


# A sentence opening on someone's meetings ("In his meetings with senior Israeli officials, Mr. X
# reaffirmed ...", "Throughout her talks, ...") goes on about the meetings told before it
_RECAP_OPENERS = {"in", "during", "throughout", "across", "at"}


def _spoke_before(toks: list, by: int, a: int) -> bool:
    """Whether a verb of speaking stands right before "by" (past an adverb): "spoke by phone",
    "talked today by telephone"."""
    k = by - 1
    while k >= a and k >= by - 3 and toks[k].low in _SPOKE_FILLERS:
        k -= 1
    return k >= a and toks[k].low in ("spoke", "speaks", "speak", "talked", "talk", "talks", "conferred")


def _in_presence_of(doc: Doc, x: int, b: int) -> bool:
    """Whether "in the presence of" follows the verb at x within its sentence."""
    toks = doc.tokens
    return any(
        toks[y].low == "presence"
        and toks[y - 1].low == "the"
        and toks[y - 2].low == "in"
        and toks[y + 1].low == "of"
        for y in range(x + 3, min(b - 1, x + 20))
    )


def _recap_opening(toks: list, x: int, a: int, low: str) -> bool:
    return (
        x - 2 == a
        and (low in _PLURAL_NOUNS or low in ("talks", "consultations"))
        and toks[a].low in _RECAP_OPENERS
        and toks[x - 1].low in ("his", "her", "their")
    )


_PAIR_VERBS = {"agreed", "signed", "reaffirmed", "exchanged", "shook", "reviewed", "pledged", "vowed", "held"}


# words one of the attendance patterns needs (a cheap test before the patterns run)
_ATTENDANCE_CUES = {
    "also",
    "too",
    "present",
    "attended",
    "joined",
    "accompanied",
    "included",
    "represented",
    "briefed",
    "among",
    "around",
    "at",
    "participated",
    "part",
    "hosted",
    "chaired",
    "co-chaired",
    "opened",
    "convened",
    "moderated",
    "led",
    "organised",
    "organized",
    "addressed",
    "sat",
    "attendance",
    "room",
    "table",
    "hand",
    "delegation",
    "delegations",
    "headed",
    "participation",
    "presence",
    "participating",
    "taking",
    "attending",
    "as",
    "side",
    "team",
}


@lru_cache(maxsize=1)
def _attendance_patterns() -> tuple[CaselessPattern, CaselessPattern]:
    v = vocab()
    return (
        CaselessPattern("|".join(v.attendance_before) or r"(?!x)x"),
        CaselessPattern("|".join(v.attendance_after) or r"(?!x)x"),
    )


_ABSENT = re.compile(
    r"\s*(?:(?:also|both|himself|herself|instead|however|again|notably),?\s+)*"
    r"(?:stayed away|stays away|skipped|skips|was absent|were absent|is absent"
    r"|did not (?:attend|take part|join|come)|didn't (?:attend|join|come)"
    r"|declined to (?:attend|come|join)|boycotted|missed the|was not present|were not present"
    r"|pulled out|sat out|sent (?:a|his|her) (?:deputy|delegation|representative))\b",
    re.I,
)


def _absent(doc: Doc, m, b: int) -> bool:
    """Whether the person of mention m is said to have stayed away ("X stayed away", "X, the host,
    skipped the summit", "X and Y did not attend"): the predicate after the name (past an apposition
    and coordinated names) is one of absence."""
    toks = doc.tokens
    x = m.j
    while x < b:
        low = toks[x].low
        if low == ",":
            # an apposition: ", the host," or ", who ...,": skip to its closing comma
            y = x + 1
            while y < b and toks[y].text != "," and y - x <= 12:
                y += 1
            if (
                y < b
                and toks[y].text == ","
                and y - x <= 12
                and toks[x + 1].low not in ("and", "while", "as", "but")
            ):
                x = y + 1
                continue
            return False
        if low == "and" or low in ("'s",) or (toks[x].cap and low not in ("also",)):
            x += 1  # "X and Y stayed away": coordinated names and their roles
            continue
        break
    if x >= b:
        return False
    return _ABSENT.match(doc.text, toks[x].start) is not None or (
        toks[x].low in ("also", "both") and _ABSENT.match(doc.text, toks[x].end) is not None
    )


_CLAUSE_BREAKS = {",", ";", "while", "whereas", "and", "as", "but"}


def _attendance(doc: Doc, k: int, a: int, b: int, people_at: dict[int, int]) -> list[Trigger]:
    """Phrases that add named attendees to a meeting ("X and Y were also present", "The talks were also
    attended by X", "Among those present were X", "X accompanied President Y", "Iran was represented
    by X"), each with the stretch of the sentence its attendees stand in: before a "before" phrase back
    to the previous phrase, after an "after" phrase up to the next one."""
    countries = [x for x in range(a, b) if x in doc.place_at and doc.place_at[x].kind == "country"]
    listing = bool(_list_after(doc, k))  # "Taking part were the following officials:" and a list
    if not (people_at or countries or listing):
        return []
    before, after = _attendance_patterns()
    s = doc.sentences[k]
    flat = _flat(doc)
    found: list[tuple[int, int, str]] = []  # (first token, end token, side)
    for pat, side in ((after, "after"), (before, "before")):
        for m in pat.finditer(flat, s.start, s.end):
            i = next((x for x in range(a, b) if doc.tokens[x].start >= m.start()), None)
            j = next((x for x in range(a, b) if doc.tokens[x].start >= m.end()), b)
            if i is None or i >= j or any(i < fj and fi < j for fi, fj, _ in found):
                continue
            if side == "before" and doc.tokens[i].low == "accompanied":
                side = "both"
            found.append((i, j, side))
    found.sort()
    out: list[Trigger] = []
    toks = doc.tokens
    for n, (i, j, side) in enumerate(found):
        lo = found[n - 1][1] if n else a
        hi = found[n + 1][0] if n + 1 < len(found) else b
        if n and side == "before":
            # "X was represented by Y, while Z headed the other delegation": Z only
            cut = [y for y in range(lo, i) if toks[y].low in (";", "while", "whereas", "but")]
            lo = cut[-1] + 1 if cut else lo
        if n + 1 < len(found) and side != "before":
            # "X was represented by Y, while Z's president was represented by W": Z's president is the
            # next phrase's subject, not an attendee of this one
            cut = [y for y in range(j, hi) if toks[y].low in _CLAUSE_BREAKS]
            hi = cut[-1] if cut else hi
        if side == "after" and not any(j <= x < hi for x in people_at) and not (listing and hi == b):
            continue
        if (
            side == "before"
            and not any(lo <= x < i for x in people_at)
            and not any(lo <= x < i for x in countries)
        ):
            continue
        t = Trigger(k, i, j, "attend")
        t.side = side
        t.lo, t.hi = (lo, b) if side == "both" else (lo, hi)
        out.append(t)
    return out


_ATTEND_WORDS = {
    "attended",
    "attends",
    "attend",
    "joined",
    "participated",
    "chaired",
    "co-chaired",
    "convened",
    "hosted",
    "co-hosted",
    "held",
    "organised",
    "organized",
    "addressed",
    "opened",
}


def _attended_noun(doc: Doc, x: int, a: int) -> bool:
    """ "took part in a conference", "attended a dinner", "co-chaired the forum": a gathering joined."""
    toks = doc.tokens
    for k in range(x - 1, max(a, x - 6) - 1, -1):
        low = toks[k].low
        if low in _ATTEND_WORDS or (
            low == "part" and k > a and toks[k - 1].low in ("took", "take", "taking")
        ):
            return True
        if not (
            low in _DETS
            or low in vocab().modifiers
            or low in ("in", "a", "an", "first", "high-level", "working", "opening", "closing", "final")
            or low in ("informal", "annual", "extraordinary", "emergency", "ministerial", "virtual")
            or (toks[k].cap and k not in doc.place_at)
        ):
            return False
    return False


_PARTICIPLES = {
    "hosted",
    "co-hosted",
    "chaired",
    "co-chaired",
    "convened",
    "organised",
    "organized",
    "led",
    "opened",
    "moderated",
    "attended",
    "addressed",
}


def _participle_by(doc: Doc, t: Trigger, b: int, later: list[int]) -> int | None:
    """The "by" of a participle phrase after a meeting noun ("the meeting, chaired by X"), if any."""
    toks = doc.tokens
    stop = min([x for x in later if x > t.i] + [b, _reach(doc, t.j - 1, b, 1) + 1])
    for x in range(t.j, stop):
        if toks[x].low in _PARTICIPLES:
            for y in range(x + 1, min(b, x + 7)):
                if toks[y].low == "by":
                    return y
            return None
    return None


_SIDELINES = frozenset(("sidelines", "margins", "sideline", "margin"))
# "ahead of the G20 summit", "on the eve of", "after the NATO summit": a meeting dated by another one
_TIME_OF = frozenset(("ahead", "eve", "prior", "before", "after", "following"))
_TIME_OF_FILLERS = frozenset(("the", "of", "to", "this", "next", "last", "week's", "year's"))


def _in_time_of(before: list[str]) -> bool:
    """Whether the words before a group's name date the meeting by the group's own ("ahead of the G20")."""
    words = [
        w for w in before[-3:] if w not in ("the", "of", "to", "this", "next", "last", "week's", "year's")
    ]
    return bool(words) and words[-1] in _TIME_OF


def _on_the_margins(doc: Doc, x: int, a: int) -> bool:
    """ "... on the margins of the G20 summit": the noun at x names where a meeting took place."""
    toks = doc.tokens
    for k in range(x - 1, max(a, x - 8) - 1, -1):
        if toks[k].low in ("sidelines", "margins", "sideline", "margin"):
            return True
        if toks[k].text in (",", ";") or (k in doc.place_at and doc.place_at[k].kind == "city"):
            return False
    return False


_SPOKE_FILLERS = {
    "earlier",
    "later",
    "again",
    "today",
    "yesterday",
    "this",
    "morning",
    "afternoon",
    "evening",
    "by",
    "phone",
    "telephone",
    "video",
    "separately",
    "briefly",
    "privately",
    "also",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tonight",
}


def _with_soon(toks: list, x: int, b: int) -> bool:
    """ "spoke earlier today with", "talked by phone on Monday with": "with" after time words only."""
    for y in range(x + 1, min(b, x + 6)):
        if toks[y].low == "with":
            return y > x + 1
        if toks[y].low not in _SPOKE_FILLERS:
            return False
    return False


def _names_as(doc: Doc, people_at: dict[int, int], x: int, b: int) -> bool:
    """ "called X a threat", "called X the best partner": calling someone something, not phoning them."""
    toks = doc.tokens
    k = x
    while k < b and (k in people_at or (toks[k].low in _DETS and k == x)):
        k += 1
    return k < b and toks[k].low in ("a", "an", "the", "his", "her", "their", "its", "our", "my", '"', "“")


def _courtesy_call(doc: Doc, people_at: dict[int, int], x: int, b: int) -> bool:
    """ "called on H.E. Dr. X, President of ..., and conveyed greetings": a courtesy visit; not
    "called on X to release ..." (an appeal)."""
    toks = doc.tokens
    v = vocab()
    k = x
    while k < b and (toks[k].low in v.honorifics or toks[k].low in _DETS or toks[k].text == "."):
        k += 1
    if k >= b or k not in people_at:
        return False
    while k < b and (k in people_at or toks[k].text in (",", ".")):
        k += 1
    return k >= b or toks[k].low not in ("to", "for")


def _invitation(doc: Doc, x: int, b: int) -> bool:
    """ "invited X to visit Washington": an encounter to come, not one that took place."""
    toks = doc.tokens
    if toks[x].low not in ("invited", "invites", "invite", "inviting"):
        return False
    return any(
        toks[k].low == "to"
        and toks[k + 1].low in ("visit", "come", "attend", "join", "travel", "take", "participate")
        for k in range(x + 1, min(b - 1, x + 16))
    )


def _discussed_with(doc: Doc, people_at: dict[int, int], x: int, b: int) -> bool:
    """ "discussed with X", "discussed the security situation with X" (X a person, a role or a
    ministry), not "discussed concern with Russia's ties with Iran"."""
    toks = doc.tokens
    for k in range(x + 1, min(b, x + 10)):
        if toks[k].low == "with":
            if k <= x + 2:
                return True
            return _next_is_person_or_role(doc, people_at, k + 1, b) or (
                k + 2 < b and toks[k + 1].low == "the" and toks[k + 2].low in vocab().modifiers
            )
        if toks[k].low in (",", ";", "and"):
            return False
    return False


def _pair_subject(doc: Doc, people: People, k: int, x: int) -> bool:
    """Two named people of different sides, joined by "and", right before the verb at x ("X and his
    Korean counterpart Y discussed")."""
    ms = [m for m in people.by_sentence.get(k, []) if m.j <= x and m.kind != "pronoun" and not m.quoted]
    if len(ms) < 2:
        return False
    m1, m2 = ms[-2], ms[-1]
    start2 = m2.i
    if m2.role_span is not None:
        at = doc.token_starting(m2.role_span[0])
        start2 = start2 if at is None else min(start2, at)
    return m1.person != m2.person and x - m2.j <= 2 and start2 - m1.j <= 4


def _collective(doc: Doc, x: int, a: int, b: int) -> bool:
    """ "G7 finance ministers have backed", "EU leaders agreed": a body of officials acting together."""
    v = vocab()
    toks = doc.tokens
    k = x - 1
    while (
        k >= a and k >= x - 3 and toks[k].low in v.modifiers and k not in doc.org_at and k not in doc.place_at
    ):
        k -= 1
    if k < a:
        return False
    h = doc.org_at.get(k) or (
        doc.place_at.get(k) if doc.place_at.get(k) and doc.place_at[k].kind == "group" else None
    )
    if h is None:
        return False
    nxt = [toks[y].low for y in range(x + 1, min(b, x + 3))]
    return bool(nxt) and (nxt[0] in v.collective_verbs or nxt[0] in v.meet_verbs or nxt[0] in v.talk_verbs)


def _discussed(doc: Doc, x: int, a: int) -> bool:
    """Whether the meeting noun at x is what someone talked about ("briefed him on his conversation
    with X", "informed her about the progress of negotiations"), not the meeting being reported."""
    toks = doc.tokens
    k = x - 1
    while k >= a and k >= x - 5:
        low = toks[k].low
        if low in ("on", "about", "regarding", "concerning"):
            return True
        if low == "of":
            before = toks[k - 1].low if k - 1 >= a else ""
            return before in (
                "progress",
                "outcome",
                "outcomes",
                "results",
                "course",
                "preparations",
                "preparation",
                "status",  # "updated him on the status of Ukraine's negotiations with Russia"
                "state",
                "prospects",
            )
        if (
            low in _DETS
            or low
            in (
                "his",
                "her",
                "their",
                "recent",
                "latest",
                "phone",
                "telephone",
                "video",
                "ongoing",
            )
            or _noun_modifier(doc, k)
        ):
            k -= 1
            continue
        return False
    return False


_FUNCTION_WORDS = {"for", "of", "the", "and", "at", "to", "on", "in", "under", "&", "-", "'s", "’s"}
_WEEKDAY_NAMES = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _noun_modifier(doc: Doc, k: int) -> bool:
    """A word that may stand between a preposition and a meeting noun: "about the NATO summit",
    "on the annual EU-Chile summit", "about last year's leaders' summit"."""
    t = doc.tokens[k]
    return (
        k in doc.org_at
        or k in doc.place_at
        or k in doc.compounds
        or (t.low in vocab().modifiers and t.low not in _FUNCTION_WORDS)
        or t.low in ("'s", "'", "’", "upcoming", "annual", "bilateral", "leaders", "ministers", "last")
        or (t.cap and t.low not in _WEEKDAY_NAMES)
        or t.text[:1].isdigit()
    )


def _is_session(doc: Doc, sent: int, x: int, a: int, b: int) -> bool:
    """A multilateral session: an organisation or group, or "ministers'", next to the meeting noun."""
    v = vocab()
    toks = doc.tokens
    if toks[x].low in _MULTI_HEADS:
        return True  # a collective trigger
    # "a video address to NATO defense ministers"
    for k in range(x + 1, min(b, x + 7)):
        if (k in doc.org_at or (k in doc.place_at and doc.place_at[k].kind == "group")) and any(
            toks[y].low in _MULTI_HEADS for y in range(k + 1, min(b, k + 4))
        ):
            return True
    if toks[x].low not in v.session_nouns:
        return False
    if toks[x].low in ("summit", "summits", "ministerial", "plenary"):
        return True
    for k in range(max(a, x - 5), x):
        if k in doc.org_at or (k in doc.place_at and doc.place_at[k].kind == "group"):
            return True
        if toks[k].low in _MULTI_HEADS and (k + 1 == x or toks[k + 1].low in ("'s", "'", "’")):
            return True
    k = x + 1
    if k < b and toks[k].low == "of":
        for y in range(k + 1, min(b, k + 9)):
            if y in doc.org_at or (y in doc.place_at and doc.place_at[y].kind == "group"):
                return True
            if toks[y].low in _MULTI_HEADS or toks[y].low in (
                "partner",
                "countries",
                "nations",
                "states",
                "allies",
            ):
                return True
    return False


def _clause_verb(t) -> bool:
    """A lowercase past-tense or speech verb opening a second predicate ("and conveyed", "and said")."""
    if t.cap or not t.low.isalpha():
        return False
    v = vocab()
    return t.low in v.speech_verbs or (t.low.endswith("ed") and t.low not in v.modifiers and len(t.low) > 4)


_HOSPITALITY = {"dinner", "lunch", "luncheon", "breakfast", "reception", "banquet", "working"}


_TIME_UNITS = {"hour", "hours", "minute", "minutes", "day", "days", "week", "weeks", "night", "nights"}
_AMOUNT_WORDS = {
    "a", "an", "about", "around", "roughly", "nearly", "almost", "some", "over", "more", "than", "less",
    "half", "several", "few", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "one", "twenty", "thirty", "forty", "ninety", "-", "and",
}  # fmt: skip


def _duration_end(toks: list, k: int, b: int) -> int | None:
    """The token after a duration starting at k ("three hours", "about 90 minutes", "more than an hour")."""
    for y in range(k, min(b, k + 6)):
        low = toks[y].low
        if low in _TIME_UNITS:
            return y + 1 if y > k else None
        if not (low in _AMOUNT_WORDS or low.isdigit()):
            return None
    return None


def _object_end(doc: Doc, x: int, b: int, stops: list[int], covered: set[int]) -> int:
    """Where the parties after a trigger end: at a stop word, the next trigger, or the clause end."""
    v = vocab()
    toks = doc.tokens
    k = x + 1
    while k < b:
        low = toks[k].low
        if k in covered:
            k += 1
            continue
        if k in stops:
            return k
        if low in (";", ":", "(") and not (low == "(" and k + 1 < b and toks[k + 1].text.isupper()):
            return k
        if low == "and" and k + 1 < b and _clause_verb(toks[k + 1]):
            return k  # "called on X and conveyed greetings from Y": a second predicate
        if low in v.topic_stops and not toks[k].cap:
            if low == "for" and any(toks[y].low in _HOSPITALITY for y in range(max(x, k - 5), k)):
                k += 1  # "hosted a dinner for the Prime Ministers of ...": the guests
                continue
            if low == "for" and (span := _duration_end(toks, k + 1, b)):
                k = span  # "met for three hours in Bali": how long, not what about
                continue
            if low == "on" and k + 1 < b and _date_or_venue(toks, k + 1, b):
                k += 1
                continue
            if low == "to" and k + 1 < b and (toks[k + 1].cap or toks[k + 1].low == "the"):
                k += 1
                continue
            if low == "as" and k + 2 < b and toks[k + 1].low == "well" and toks[k + 2].low == "as":
                k += 3
                continue
            return k
        k += 1
    return b


_OPENERS = {
    "earlier",
    "later",
    "separately",
    "meanwhile",
    "afterwards",
    "subsequently",
    "today",
    "yesterday",
    "additionally",
    "furthermore",
    "moreover",
    "then",
    "finally",
    "also",
    "on",
    "during",
    "at",
    "after",
    "following",
    "in",
    "ahead",
    "before",
    "while",
    "amid",
    "on the sidelines",
}


def _opening_phrase_end(doc: Doc, a: int, first: int, t: int) -> int | None:
    """ "On the sidelines of the summit, Modi held talks with ...": where an opening phrase that holds
    a meeting noun ends (its comma), so that the people after it are the next trigger's subject."""
    toks = doc.tokens
    if first >= t or toks[a].low not in _OPENERS:
        return None
    for k in range(first + 1, t):
        if toks[k].text == ",":
            return k
    return None


def _first_after(starts: list[int], pos: int | None) -> int | None:
    later = [s for s in starts if pos is not None and s > pos]
    return min(later) if later else None


def _date_or_venue(toks: list, k: int, b: int) -> bool:
    """After "on": a date ("on Monday", "on 6 January") or a venue ("on the sidelines of")."""
    low = toks[k].low
    if (low in _DATE_WORDS and low not in ("the", "behalf")) or low[:1].isdigit():
        return True
    if low == "the" and k + 1 < b:
        return toks[k + 1].low in ("sidelines", "margins", "eve", "occasion", "side", "phone", "telephone")
    return low in ("behalf", "a", "the") and False


def _covered(doc: Doc, mentions: list, a: int, b: int) -> set[int]:
    """Tokens inside person mentions or their role phrases."""
    spans = [(m.start, m.end) for m in mentions] + [m.role_span for m in mentions if m.role_span]
    if not spans:
        return set()
    toks = doc.tokens
    return {k for k in range(a, b) if any(lo <= toks[k].start < hi for lo, hi in spans)}


def _list_after(doc: Doc, k: int) -> list[int]:
    """Sentences of a bulleted list introduced by sentence k ("... were the following leaders:")."""
    text = doc.text
    s = doc.sentences[k]
    if not text[s.start : s.end].rstrip().endswith(":"):
        return []
    out = []
    for n in range(k + 1, min(len(doc.sentences), k + 40)):
        line = text[doc.sentences[n].start : doc.sentences[n].end].lstrip()
        if line[:1] in "-•*–·▪" or re.match(r"\d{1,2}[.)]\s", line):
            out.append(n)
        else:
            break
    return out


def build_candidates(doc: Doc, people: People, triggers: list[Trigger], anchor: Anchor) -> list[Candidate]:
    toks = doc.tokens
    by_sent: dict[int, list[Trigger]] = {}
    for t in triggers:
        by_sent.setdefault(t.sent, []).append(t)
    cands: list[Candidate] = []
    for k, trigs in sorted(by_sent.items()):
        a, b = doc.sent_tokens[k]
        s = doc.sentences[k]
        all_mentions = people.by_sentence.get(k, [])
        mentions = [m for m in all_mentions if not m.possessive]
        covered = _covered(doc, all_mentions, a, b)
        starts = [t.i for t in trigs]
        dates = find_dates(doc.text, s.start, s.end, anchor)
        first_trigger = min(starts)
        listed = _list_after(doc, k)
        # the end of an opening phrase that sets the scene for a later trigger
        setting = _opening_phrase_end(doc, a, first_trigger, max(starts))
        if setting is not None and not any(x > setting for x in starts):
            setting = None
        # "X, who arrived on Tuesday, was received by Y": a relative clause dates its own verb
        relatives = [(m.start(), m.end()) for m in _RELATIVE.finditer(_flat(doc), s.start, s.end)]
        # "his meetings this week in Madrid": a date right after a plural meeting noun is its own
        plurals = [x for x in range(a, b) if toks[x].low in _PLURAL_NOUNS]
        owned = {id(d): x for x in plurals for d in dates if 0 <= d.start - toks[x].end <= 40}
        topic_from: int | None = None  # where the first reported trigger's topic begins
        for n, t in enumerate(trigs):
            nxt = [x for x in starts if x > t.i]
            end = _object_end(doc, t.j - 1, b, nxt, covered)
            if t.kind == "noun" and not t.reported and topic_from is not None and t.i >= topic_from:
                continue  # "held talks ..., pledging to make this year's climate summit a success"
            if t.reported and topic_from is None and end < b and doc.tokens[end].low in _TOPIC_OPENERS:
                topic_from = end
            c = Candidate(t)
            seen: set[int] = set()
            opening = _opening_phrase_end(doc, a, first_trigger, t.i)
            opened = _first_after(starts, opening)  # the first trigger after the opening phrase
            if (
                setting is not None
                and t.i < setting
                and t.kind == "noun"
                and not any(toks[y].low in ("with", "between") for y in range(t.j, setting))
            ) or (t.kind == "noun" and len(trigs) > 1 and _on_the_margins(doc, t.i, a)):
                continue  # "On the sidelines of the G7 summit, X met Y": the setting, not a meeting told
            if t.kind == "attend":
                for m in mentions:
                    if m.kind == "pronoun" or m.quoted or m.person in seen:
                        continue
                    if (t.side == "before" and m.j > t.i) or (t.side == "after" and m.i < t.j):
                        continue
                    if not t.lo <= m.i < t.hi or _absent(doc, m, b):
                        continue
                    seen.add(m.person)
                    c.persons.append(m.person)
                    c.mentions.append((m.person, m.start, m.end))
                _among_them(doc, c, t.j if t.side == "after" else a, b, mentions)
                if t.side == "after" and t.hi == b:
                    for ls in listed:  # "Taking part were the following officials:" and a list
                        for m in people.by_sentence.get(ls, []):
                            if m.person not in seen and m.kind != "pronoun":
                                seen.add(m.person)
                                c.persons.append(m.person)
                                c.mentions.append((m.person, m.start, m.end))
                if t.side == "after":
                    _represented(doc, people, t, c, a)
                    # "with the participation of the foreign ministers of the UK, Italy and Spain"
                    _delegations(doc, c, a, b, t, t.hi, covered, t.j)
                elif t.side == "before":
                    _delegation_side(doc, people, t)
                if t.side == "before":
                    # "Timor-Leste participated in the Meeting as an observer": a country as the attendee
                    for y in range(a, t.i):
                        h = doc.place_at.get(y)
                        if (
                            h is not None
                            and h.i == y
                            and h.kind == "country"
                            and y not in covered
                            and h.j <= t.i
                        ) and (toks[h.j].low != "'s" if h.j < b else True):
                            c.countries.setdefault(h.value, (h.start, h.end))
                cands.append(c)
                continue
            for m in mentions:
                if t.kind == "collective":
                    break  # "G7 ministers agreed": the body itself, not whoever reports it
                if m.quoted and not doc.quotes.inside(toks[t.i].start):
                    continue
                in_subject = m.j <= first_trigger or (
                    opening is not None and opened is not None and opening < m.i and m.j <= opened
                )
                if t.gerund and not in_subject:
                    # the sayer before "said after meeting": "Foreign Minister X said after meeting Y"
                    y = m.j
                    while y < t.i and toks[y].text == ",":
                        y += 1
                    in_subject = y < t.i and toks[y].low in _REPORTING and t.i - y <= 2
                in_object = t.j <= m.i < end and t.kind != "anaphor"
                if m.kind == "pronoun" and not (in_subject or in_object):
                    continue
                if (in_subject or in_object) and m.person not in seen:
                    first_tok = m.i
                    if m.role_span is not None:
                        at = doc.token_starting(m.role_span[0])
                        first_tok = first_tok if at is None else min(first_tok, at)
                    if in_subject and _object_of_other(doc, first_tok, a):
                        continue
                    if in_subject and not t.gerund and _reporter(doc, m.j, t.i):
                        continue  # "The spokesman stated that President X received ...": who reports it
                    if (
                        in_subject
                        and t.kind == "anaphor"
                        and any(toks[y].low in _REPORTING for y in range(m.j, t.i))
                    ):
                        continue  # "X said the meeting was a provocation": a comment, not a seat at it
                    seen.add(m.person)
                    c.persons.append(m.person)
                    if in_subject:
                        c.subject.append(m.person)
                    c.mentions.append((m.person, m.start, m.end))
            if t.kind != "collective" and (n == len(trigs) - 1 or nxt[0] > b):
                _among_them(doc, c, t.j, b, mentions)  # "... with invited leaders, among them X and Y"
            if t.kind in ("noun", "anaphor"):
                # "a meeting of the group, chaired for the first time by X": the chair took part
                lo_by = _participle_by(doc, t, b, nxt)
                if lo_by is not None:
                    by_end = _object_end(doc, lo_by, b, [], covered)
                    for m in mentions:
                        if lo_by < m.i < by_end and m.kind != "pronoun" and m.person not in seen:
                            seen.add(m.person)
                            c.persons.append(m.person)
                            c.mentions.append((m.person, m.start, m.end))
            if n == len(trigs) - 1:
                for ls in listed:
                    la, lb = doc.sent_tokens[ls]
                    for m in people.by_sentence.get(ls, []):
                        if m.person not in seen and m.kind != "pronoun":
                            seen.add(m.person)
                            c.persons.append(m.person)
                            c.mentions.append((m.person, m.start, m.end))
                    _delegations(
                        doc, c, la, lb, t, lb, _covered(doc, people.by_sentence.get(ls, []), la, lb), la
                    )
            region_start = a if t.i == first_trigger else max(a, (starts[n - 1] if n else a))
            _delegations(doc, c, a, b, t, end, covered, region_start)
            if t.kind in ("verb", "noun") and not c.countries and not c.groups:
                c.local = _unnamed_hosts(doc, t.j, end, covered)
            if t.kind != "collective":
                for ui, uj, ucountry in people.unnamed.get(k, []):
                    if uj <= first_trigger or t.j <= ui < end:
                        span = (toks[ui].start, toks[uj - 1].end)
                        if ucountry:
                            c.countries.setdefault(ucountry, span)
                        else:
                            c.home = span
            _session_orgs(doc, c, a, b, t, setting, covered, end)
            if t.kind in ("noun", "anaphor"):
                # "the first EU-UK summit", "Russian-Indonesian talks": the sides named in one word
                for y in range(max(a, t.i - 6), t.i):
                    for kind, value, p0, p1 in doc.compounds.get(y, []):
                        if kind == "org":
                            c.orgs.setdefault(value, (p0, p1))
                            c.compound.add(value)
                        else:
                            c.countries.setdefault(value, (p0, p1))
                            c.compound.add(value)
            tpos = toks[t.i].start
            c.date = _nearest_date(
                [
                    d
                    for d in dates
                    if not (t.status == "held" and d.future)
                    and not (id(d) in owned and owned[id(d)] > t.i)
                    and not any(lo <= d.start < hi and not lo <= tpos < hi for lo, hi in relatives)
                ],
                toks[t.i].start,
                doc,
            )
            if c.date is not None and t.status == "held" and _long_before(c.date.value, anchor):
                if not _predicative(doc, t, a):
                    t.status = "past"  # "after the summit in Tokyo on 24 May 2022": recalled in passing
                elif not _in_core(doc, c.date, t, end):
                    c.date = None  # "met X to congratulate her on her election in November"
            c.location = _location(doc, max(a, t.i - PLACE_REACH), min(end, t.j + PLACE_REACH)) or _location(
                doc, _reach(doc, t.i, a, -1), _reach(doc, t.j - 1, end, 1) + 1
            )
            c.fmt = _format(doc, k, t)
            cands.append(c)
    return cands


# How far from its trigger a meeting's place is looked for: this many tokens, and when they hold none,
# this many words not counting the capitalized words and joints of names and titles ("held a meeting
# with Deputy Prime Minister and Minister of Foreign Affairs of Poland Radosław Sikorski in Kyiv")
PLACE_REACH = 14
_TITLE_JOINTS = frozenset({"of", "and", "the", "for", "–", "-", ",", "'s", "."})


def _reach(doc: Doc, k: int, bound: int, step: int) -> int:
    """The token PLACE_REACH words from k in direction step (-1, 1), stopping at bound."""
    toks = doc.tokens
    left = PLACE_REACH
    while left > 0 and k != bound:
        nxt = k + step
        if step > 0 and nxt >= bound:
            break
        if step < 0 and nxt < bound:
            break
        k = nxt
        if not (toks[k].cap or toks[k].low in _TITLE_JOINTS):
            left -= 1
    return k


_REPRESENT = re.compile(r"represented|delegation|side|team|accompanied|included", re.I)


def _place_code(doc: Doc, h) -> str:

    return h.value if h.kind != "capital" else (gaz.place_country(doc.text[h.start : h.end]) or h.value)


def _delegation_side(doc: Doc, people: People, t: Trigger) -> None:
    """ "X headed the Russian delegation", "Y and Z, both part of the Kenyan delegation": the people
    before the phrase speak for the country it names (when they name no other)."""
    h = next(
        (
            doc.place_at[y]
            for y in range(t.i, t.j)
            if y in doc.place_at and doc.place_at[y].kind in ("adj", "country")
        ),
        None,
    )
    if h is None:
        return
    by_id = {p.id: p for p in people.persons}
    for m in people.by_sentence.get(t.sent, []):
        p = by_id.get(m.person)
        if (
            t.lo <= m.i < t.i
            and m.kind != "pronoun"
            and p is not None
            and p.country is None
            and p.org is None
        ):
            p.country, p.country_span = h.value, (h.start, h.end)


def _represented(doc: Doc, people: People, t: Trigger, c: Candidate, a: int) -> None:
    """ "Saudi Arabia was represented by X", "Kuwait's emir was represented by his deputy, Y", "The US
    delegation was accompanied by Z", "Damascus sent a delegation led by W", "... and Egypt by V": the
    attendees named after the phrase speak for the place its subject names (when they name no other)."""
    toks = doc.tokens
    flat = _flat(doc)
    if not _REPRESENT.search(flat, toks[t.i].start, toks[t.j - 1].end):
        return
    lo = t.lo
    breaks = [y for y in range(lo, t.i) if toks[y].low in (",", ";", "while", "whereas", "and", "as", "but")]
    if breaks:
        lo = breaks[-1] + 1
    y = lo
    while y < t.i and toks[y].low in ("the", "a", "an"):
        y += 1
    by_id = {p.id: p for p in people.persons}
    h = doc.place_at.get(y)
    if y == t.i and "represented" in flat[toks[t.i].start : toks[t.j - 1].end]:
        # "X skipped the summit and was represented by Y": the sentence's subject is the side
        subject = next(
            (by_id[m.person] for m in people.by_sentence.get(t.sent, []) if m.i < t.i and m.person in by_id),
            None,
        )
        if subject is None or subject.country is None:
            return
        current = (subject.country, subject.country_span)
    elif h is None or h.i != y or h.kind not in ("country", "adj", "capital") or t.i - h.j > 4:
        return
    else:
        current = (_place_code(doc, h), (h.start, h.end))
    for m in sorted(people.by_sentence.get(t.sent, []), key=lambda m: m.i):
        if not t.j <= m.i < t.hi or m.kind == "pronoun":
            continue
        # "..., and Egypt by Prime Minister X": another side in the same construction
        z = m.i - 1
        while z > t.j and (toks[z].low in vocab().heads or toks[z].low in vocab().modifiers or toks[z].cap):
            z -= 1
        if toks[z].low == "by" and z - 1 > t.j:
            h2 = doc.place_at.get(z - 1)
            if h2 is not None and h2.kind in ("country", "capital"):
                current = (h2.value, (h2.start, h2.end))
        p = by_id.get(m.person)
        if p is not None and p.country is None and p.org is None:
            p.country, p.country_span = current


def _among_them(doc: Doc, c: Candidate, lo: int, b: int, mentions: list | None = None) -> None:
    """ "leaders of some 25 countries, among them Canada, Australia and New Zealand", "with invited
    leaders, among them India's Ravi Kumar and Brazil's Ana Lima": named members of a set of attendees."""
    toks = doc.tokens
    v = vocab()
    for x in range(lo, b - 1):
        opener = (toks[x].low == "among" and toks[x + 1].low == "them") or toks[x].low == "including"
        if not opener:
            continue
        if not any(toks[y].low in v.delegation_nouns for y in range(max(lo, x - 6), x)):
            continue
        y = x + (2 if toks[x].low == "among" else 1)
        for m in mentions or []:
            if y <= m.i < b and m.kind != "pronoun" and not m.quoted and m.person not in c.persons:
                c.persons.append(m.person)
                c.mentions.append((m.person, m.start, m.end))
        while y < b:
            h = doc.place_at.get(y)
            if h is not None and h.i == y and h.kind == "country":
                c.countries.setdefault(h.value, (h.start, h.end))
                y = h.j
            elif toks[y].low in (",", "and", "the"):
                y += 1
            else:
                break
        return


_UNNAMED_HEADS = {
    "officials",
    "ministers",
    "leaders",
    "representatives",
    "authorities",
    "delegation",
    "delegations",
    "counterparts",
    "allies",
    "partners",
    "heads",
    "envoys",
    "diplomats",
}


def _unnamed_hosts(doc: Doc, start: int, end: int, covered: set[int]) -> tuple[int, int] | None:
    """ "met with several top government officials", "held a video call with transatlantic leaders":
    an unnamed delegation right after the trigger."""
    toks = doc.tokens
    v = vocab()
    k = start
    while k < end and k - start <= 6 and toks[k].low != "with":
        k += 1  # "held a secure video call today with ..."
    if k < end and toks[k].low == "with":
        k += 1
    else:
        k = start
    first = k
    while k < end and k - first <= 5 and k not in covered:
        low = toks[k].low
        if low in _UNNAMED_HEADS:
            return (toks[first].start, toks[k].end)
        if (
            low in v.modifiers
            or low[:1].isdigit()
            or k in doc.place_at
            or (low.isalpha() and not toks[k].cap and low not in v.topic_stops)
        ):
            k += 1
            continue
        return None
    return None


def _predicative(doc: Doc, t: Trigger, a: int) -> bool:
    """Whether the trigger is what its sentence reports ("X met Y", "X held talks with Y"), not a
    meeting named in passing ("the summit in Tokyo", "meetings between ...", "which she discussed
    with X in Tokyo")."""
    v = vocab()
    toks = doc.tokens
    if _in_relative_clause(doc, t, a):
        return False
    if t.kind == "verb":
        low = toks[t.i].low
        return low in v.meet_verbs or low in v.host_verbs or low in v.call_verbs or low in v.talk_verbs
    if t.kind != "noun":
        return False
    for k in range(t.i - 1, max(a, t.i - 5) - 1, -1):
        low = toks[k].low
        if low in v.hold_verbs:
            return True
        if not (
            low in _DETS
            or low in v.modifiers
            or low in _NEEDS_WITH
            or low in ("bilateral", "official", "separate", "phone", "telephone", "video")
        ):
            return False
    return False


def _in_relative_clause(doc: Doc, t: Trigger, a: int) -> bool:
    """ "..., which she discussed with X", "..., who met Y last year": background, not the report."""
    toks = doc.tokens
    for k in range(t.i - 1, max(a, t.i - 6) - 1, -1):
        if toks[k].low in ("which", "who", "whom", "whose") and k - 1 >= a and toks[k - 1].text == ",":
            return True
        if toks[k].text in (",", ";"):
            return False
    return False


def _in_core(doc: Doc, d: DateExpr, t: Trigger, end: int) -> bool:
    """Whether a date belongs to the trigger's own clause: before it ("On March 18, X hosted ..."), or
    after it up to the end of its parties and place ("met X in Lima on April 12"), not in the topic
    ("... to congratulate him on his inauguration in January")."""
    toks = doc.tokens
    if d.end <= toks[t.i].start:
        return True
    limit = toks[end - 1].end if end - 1 < len(toks) and end > t.j else toks[t.j - 1].end
    return d.start <= limit + 2


def _long_before(value: str | None, anchor: Anchor) -> bool:
    """A date more than two weeks before the article's day: a meeting recalled, not reported."""
    if not value or anchor.day is None:
        return False
    y = int(value[:4])
    m = int(value[5:7]) if len(value) >= 7 else 12
    d = int(value[8:10]) if len(value) == 10 else 28
    try:
        day = date(y, m, d)
    except ValueError:
        return False
    return day < anchor.day - timedelta(days=14)


_REPORT_VERBS = {
    "said",
    "says",
    "stated",
    "states",
    "announced",
    "announces",
    "added",
    "reported",
    "reports",
    "confirmed",
    "noted",
    "explained",
    "told",
    "disclosed",
    "revealed",
}


def _reporter(doc: Doc, j: int, t: int) -> bool:
    """Whether a name ending at j is the subject of a reporting verb whose clause holds the trigger at t
    ("Spokesman X stated that President Y received ...", "X said Y met Z"), past an apposition."""
    toks = doc.tokens
    k = j
    while k < t and toks[k].text == ",":
        k += 1
        if k < t and toks[k].low in _REPORT_VERBS:
            break  # "Spokesman, Ambassador X, stated": the apposition closes at the name
        while k < t and toks[k].text != ",":
            k += 1
        k += 1
    if k >= t or toks[k].low not in _REPORT_VERBS:
        return False
    nxt = k + 1
    if toks[k].low == "told" and nxt < t:
        return False  # "X told Y ...": Y is addressed (a meeting verb of its own)
    return nxt < t and (toks[nxt].low == "that" or toks[nxt].cap)


def _object_of_other(doc: Doc, i: int, a: int) -> bool:
    """A mention in a phrase that is not a party ("the conflict with X", "on behalf of X")."""
    toks = doc.tokens
    k = i - 1
    while k >= a and (toks[k].cap or toks[k].low in ("the", "'s", "of")) and k >= i - 8:
        if toks[k].low in ("behalf",):
            return True
        k -= 1
    return k >= a and toks[k].low in ("about", "regarding", "against", "condemned", "by", "for")


_ATTRIBUTIVE = re.compile(
    r"(?!,\s+[a-z]+ing\b),?\s+(?!and\b|or\b|to\b|in\b|at\b|with\b|the\b|a\b|when\b|after\b|before\b"
    r"|from\b|for\b|during\b|until\b|till\b|through\b|via\b|over\b|local\b|where\b|which\b|while\b"
    r")[a-z]{3,}"
)


# "the horrific October 7 attacks", "the 10 July statement": a date after "the" names something
_NAMING_DET = re.compile(r"\bthe\s+(?:[a-z]+\s+)?$")


# "the synchronisation of the grids, completed on 9 February": the date of what the noun names
_PARTICIPLE_DATE = re.compile(r",\s+(?:which was\s+|that was\s+)?[a-z]+ed\s+(?:on|in)\s+$")


def _nearest_date(dates: list[DateExpr], pos: int, doc: Doc) -> DateExpr | None:
    """The date stated with a trigger; not one describing something else ("the 10 July statement")."""
    good = [
        d
        for d in dates
        if d.value
        and d.kind != "year"
        and not d.bound
        and not (d.kind == "full" and _ATTRIBUTIVE.match(doc.text, d.end))
        and not (d.kind == "full" and _NAMING_DET.search(doc.text, max(0, d.start - 30), d.start))
        and not _PARTICIPLE_DATE.search(doc.text, max(0, d.start - 40), d.start)
    ]
    if not good:
        return None
    return min(good, key=lambda d: abs(d.start - pos) + (0 if d.start > pos else 5))


# "a visit to Tashkent", "travelled to Tashkent, where she met ...": the place is where the meeting was
_TRAVEL_TO = {"visit", "trip", "travelled", "traveled", "travels", "flew", "arrived", "went"}
# verbs whose subject receives the others (the place after "to" is theirs; the pipeline places them there)
WELCOME_VERBS = frozenset(
    {"welcomed", "welcomes", "welcoming", "received", "receives", "hosted", "hosts", "host", "hosting"}
)


# Nouns whose "in X" names what is talked about, not where the talk is: "the situation in Syria",
# "the war in Ukraine", "the crisis in Sudan"
_ABOUT_IN = frozenset(
    {
        "situation", "situations", "war", "crisis", "conflict", "developments", "events", "peace",
        "stability", "security", "escalation", "fighting", "violence", "elections", "hostilities", "tensions",
        "unrest", "ceasefire", "truce", "settlement", "aggression", "invasion", "occupation", "offensive",
        "attacks", "strikes", "turmoil", "attack", "strike", "bombing", "shelling", "killings", "crimes",
        "atrocities", "massacre", "genocide", "famine", "catastrophe", "disaster",
    }
)  # fmt: skip


# "welcomed ... and look forward to Sweden joining NATO", "their support to Ukraine": a "to" no guest
# arrives by
_NOT_WELCOMED_TO = frozenset(
    {"forward", "support", "commitment", "aid", "assistance", "solidarity", "threat"}
)


def _title_to(doc: Doc, k: int) -> bool:
    """Whether token k, right before "to <place>", ends an envoy's title: "the Ambassador of Brazil to
    Latvia", "Ambassador to Latvia" (the place is where they serve, not where a guest arrived)."""
    if k < 0:
        return False
    low = doc.tokens[k].low
    if low in ("ambassador", "ambassadors", "envoy", "representative", "consul", "chargé"):
        return True
    h = doc.place_at.get(k)
    if h is None or h.kind not in ("country", "adj"):
        return False
    y = h.i - 1
    return (
        y >= 1
        and doc.tokens[y].low == "of"
        and doc.tokens[y - 1].low in ("ambassador", "envoy", "representative")
    )


_AMOUNTS = frozenset({"million", "billion", "trillion", "thousand", "hundred", "percent", "%", "m", "bn"})


def _location(doc: Doc, a: int, b: int) -> tuple[str, int, int] | None:
    toks = doc.tokens
    for k in range(a, b):
        h = doc.place_at.get(k)
        if h is None or h.i != k or h.kind not in ("city", "capital", "country"):
            continue
        prev = toks[k - 1].low if k > a else ""
        prev2 = toks[k - 2].low if k - 1 > a else ""
        if h.kind == "capital" and toks[k].low in (
            "white",
            "kremlin",
            "downing",
            "whitehall",
            "élysée",
            "elysee",
        ):
            if prev in ("the",) and prev2 in ("at", "in", "to"):
                from meetview.extract.countries import data

                city = data().capitals.get(h.value, [None])[0]
                if city and city not in ("White House",):
                    return (city, h.start, h.end)
                return ("Washington", h.start, h.end)
            continue
        welcome = toks[a:k] and any(t.low in WELCOME_VERBS for t in toks[a:k])
        venue = prev == "the" and prev2 in ("in", "at") and h.kind == "city"  # "at the Pentagon"
        # "on the sidelines of the Munich Security Conference": the city names the gathering's venue
        venue = venue or (
            prev == "the"
            and prev2 == "of"
            and k - 3 >= a
            and toks[k - 3].low in _SIDELINES
            and h.kind in ("city", "capital")
            and h.j < b
            and toks[h.j].cap
        )
        if prev == "in" and (prev2 in _ABOUT_IN or prev2 in _AMOUNTS):
            continue  # "the situation in Syria", "$500 million in U.S. Foreign Military Financing"
        nxt = toks[h.j] if h.j < b else None
        if (
            h.kind == "country"
            and nxt is not None
            and nxt.cap
            and nxt.sent == toks[k].sent
            and h.j not in doc.place_at
        ):
            continue  # "in U.S. Foreign Military Financing": the country names whose it is
        if (
            venue
            or prev in ("in", "at", "visited")
            or (
                prev == "to"
                and (
                    prev2 in _TRAVEL_TO
                    or (welcome and prev2 not in _NOT_WELCOMED_TO and not _title_to(doc, k - 2))
                )
            )
        ):
            # the city, not the country, when both are named: "in Lima, Peru"
            return (doc.text[h.start : h.end], h.start, h.end)
    return None


def _format(doc: Doc, sent: int, t: Trigger) -> tuple[str, int, int] | None:
    _, _, _, phone, video, _ = _patterns()
    s = doc.sentences[sent]
    start = doc.tokens[t.i].start
    lo, hi = _clause(doc, sent, start, doc.tokens[t.j - 1].end)
    lo = max(lo, s.start)
    m = video.search(_flat(doc), lo, hi)
    if m:
        return ("video", m.start(), m.end())
    m = phone.search(_flat(doc), lo, hi)
    if m:
        return ("phone", m.start(), m.end())
    return None


def _delegations(
    doc: Doc, c: Candidate, a: int, b: int, t: Trigger, end: int, covered: set[int], lo: int
) -> None:
    """Countries and groups that took part without a named person ("the defense ministers of Germany")."""
    v = vocab()
    toks = doc.tokens
    k = lo
    while k < min(b, end):
        h = doc.place_at.get(k)
        if h is None or h.i != k or h.kind not in ("country", "adj", "group", "capital") or k in covered:
            k += 1
            continue
        # a list of places: "Germany, France, Italy, the United Kingdom, and Poland"
        kinds = ("capital",) if h.kind == "capital" else ("country", "adj", "group")
        items = [h]
        y = h.j
        while y < b:
            if toks[y].low in (",", "and", "the", "or", "(", ")") and y not in covered:
                y += 1
                continue
            h2 = doc.place_at.get(y)
            if h2 is not None and h2.i == y and h2.kind in kinds and y not in covered:
                items.append(h2)
                y = h2.j
                continue
            break
        last = y
        while last > h.j and toks[last - 1].low in (",", "and", "the", "or", "("):
            last -= 1
        # what follows: "... delegations", "... nations", "(B9) group"
        z = last
        while (
            z < b
            and z - last <= 5
            and (toks[z].low in v.modifiers or toks[z].low in ("(", ")") or toks[z].text.isupper())
        ):
            if toks[z].low in v.delegation_nouns:
                break
            z += 1
        after_noun = z < b and toks[z].low in v.delegation_nouns and z not in covered
        # what precedes: "ministers of", "representatives from", "with", "between"
        p = k - 1
        while p >= a and toks[p].low in ("the", ","):
            p -= 1
        before = toks[p].low if p >= a else ""
        before2 = toks[p - 1].low if p - 1 >= a else ""
        after_prep = (before in ("of", "from") and _delegation_before(doc, p, a)) or (
            before == "by"
            and before2
            in ("chaired", "co-chaired", "hosted", "co-hosted", "convened", "organized", "organised")
        )
        direct = before in ("with", "between") and t.j - 1 <= p <= end
        # "Russia and Ukraine held talks", "Japan and South Korea met": places as the subject
        nxt_low = toks[last].low if last < b else ""
        if len(items) >= 2 and last <= t.i and (nxt_low in v.hold_verbs or nxt_low in v.meet_verbs):
            direct = True  # "Beijing and Washington held talks": capitals as the sides too
        elif h.kind == "capital":
            k = max(last, k + 1)
            continue  # a capital is a side only as such a subject ("talks in Beijing" is a place)
        possessive = any(toks[it.j].low == "'s" for it in items if it.j < b)
        # "held talks with X on the sidelines of a meeting of the ministers of ASEAN": the setting
        setting = any(toks[y].low in _SIDELINES for y in range(max(a, t.j), k))
        # "Norway's foreign minister met ...": a possessive names a side only through its delegation noun
        if (after_noun or ((after_prep or direct) and not possessive)) and not setting:
            for it in items:
                if it.kind == "group":
                    c.groups[it.value] = (it.start, it.end)
                else:
                    c.countries.setdefault(it.value, (it.start, it.end))
        k = max(last, k + 1)


def _delegation_before(doc: Doc, p: int, a: int) -> bool:
    """ "the ministers of", "the Ministers of Foreign Affairs of": a delegation noun before the "of" at p,
    through a role's modifiers."""
    v = vocab()
    toks = doc.tokens
    k = p - 1
    while k >= a and k >= p - 5:
        low = toks[k].low
        if low in v.delegation_nouns:
            return True
        if low in v.modifiers or low == "of":
            k -= 1
            continue
        return False
    return False


_MEMBER_NOUNS = {"states", "countries", "nations", "governments", "member"}


def _session_orgs(
    doc: Doc,
    c: Candidate,
    a: int,
    b: int,
    t: Trigger,
    setting: int | None = None,
    covered: set[int] | None = None,
    end: int | None = None,
) -> None:
    """Organisations that took part: next to the meeting noun, before "ministers", after "sidelines of"."""
    v = vocab()
    covered = covered or set()
    party: set[str] = set()
    toks = doc.tokens
    for h in doc.orgs:
        if not (a <= h.i < b) or h.i in covered:
            continue  # "ASEAN Chair Prime Minister X", "NATO Secretary General Y": the person's post
        after = h.j + 3 if h.j + 2 < b and toks[h.j].text == "(" and toks[h.j + 2].text == ")" else h.j
        nxt = [toks[y].low for y in range(after, min(b, after + 4))]  # past "(CAN)"
        prv = [toks[y].low for y in range(max(a, h.i - 4), h.i)]
        near_trigger = abs(h.i - t.i) <= 6
        body = [w for w in prv if w not in ("the", "of")]
        gap = [toks[y].text for y in range(h.j, t.i)]
        adjacent = len(gap) <= 1 or (all(g in (")", ",", "(") or g.isupper() for g in gap) and len(gap) <= 4)
        if h.i <= t.i < h.j:  # "chaired the Foreign Affairs Council": the body's own session
            c.orgs.setdefault(h.value, (h.start, h.end))
            party.add(h.value)
            t.session = True
            continue
        if h.j <= t.i and adjacent and toks[t.i].low in ("met", "meets", "convened", "gathered", "meet"):
            c.orgs.setdefault(h.value, (h.start, h.end))  # "The European Council met in Brussels"
            party.add(h.value)
            t.session = True
            continue
        after_of = prv[-2:] == ["of", "the"] or prv[-1:] == ["of"]
        in_object = end is not None and t.j <= h.i < end
        # "held talks with X on the sidelines of a conclave of defence ministers of ASEAN": the setting
        beside = any(toks[y].low in _SIDELINES for y in range(max(a, t.j), h.i))
        if (
            after_of
            and not beside
            and body
            and body[-1] in _MULTI_HEADS | _MEMBER_NOUNS
            and (h.i < t.i or in_object)
        ):
            # "Foreign ministers of the Group of Seven met", "a meeting with the foreign ministers of the
            # Nordic-Baltic Eight": the organisation's members met
            # "Foreign ministers of the Group of Seven met": the organisation's session
            c.orgs.setdefault(h.value, (h.start, h.end))
            party.add(h.value)
            t.session = True
            continue
        wide = [toks[y].low for y in range(max(a, h.i - 7), h.i)]
        context = (
            beside
            or any(w in wide for w in _SIDELINES)
            or (setting is not None and h.i < setting < t.i)
            or _in_time_of(prv)
        )
        topical = end is not None and h.i >= end  # "... to discuss preparations for the G20 summit"
        if (
            any(
                w in _MULTI_HEADS
                or w in v.session_nouns
                or w in ("summit", "minister", "ministerial", "group", "format")
                for w in nxt[:3]
            )
            or context
            or (near_trigger and prv[-2:] in (["of", "the"], ["with", "the"]) and t.session)
            or (near_trigger and prv[-1:] == ["of"] and t.session)
        ):
            c.orgs.setdefault(h.value, (h.start, h.end))
            if context or topical:
                c.context.add(h.value)  # "on the sidelines of the G7 summit": a setting, not a party
                if topical and not context:
                    c.topical.add(h.value)
            else:
                party.add(h.value)
    for k in range(a, b):
        h = doc.place_at.get(k)
        if h and h.i == k and h.kind == "group":
            nxt = [toks[y].low for y in range(h.j, min(b, h.j + 4))]
            prv = [toks[y].low for y in range(max(a, h.i - 3), h.i)]
            if any(w in _MULTI_HEADS or w in v.session_nouns or w == "group" for w in nxt[:3]) or (
                "with" in prv and abs(h.i - t.i) <= 6
            ):
                c.groups.setdefault(h.value, (h.start, h.end))
                if (
                    any(w in prv for w in ("sidelines", "margins"))
                    or _in_time_of(prv)
                    or (setting is not None and h.i < setting < t.i)
                    or any(toks[y].low in _SIDELINES for y in range(max(a, t.j), h.i))
                ):
                    c.context.add(h.value)
                else:
                    party.add(h.value)
    c.context -= party  # named as a party once is enough
    c.topical -= party


def _dates_clash(e: Event, c: Candidate, day: str | None = None) -> bool:
    """Whether the candidate's date is not the event's. An event told with no date of its own is one of
    the article's day (the news it reports), so a candidate dated more than a month before that day
    ("He last travelled to Beijing in June 2023, when he also met Xi") is another meeting."""
    d1 = e.dated()
    d2 = c.date
    if d1 is None and d2 is not None and d2.value and day and _month_before(d2.value, day):
        return True
    if d1 is None or d2 is None or not d1.value or not d2.value:
        return False
    a, b = d1.value, d2.value
    if a.startswith(b) or b.startswith(a):
        return False
    if e.session and c.trigger.session and len(a) == len(b) == 10:
        gap = (date.fromisoformat(a) - date.fromisoformat(b)).days
        return not 0 < gap <= 3  # "concluded today", then "addressed the opening plenary on Thursday"
    return True


def _month_before(value: str, day: str) -> bool:
    """Whether the date `value` (a day, month or year) ends more than 30 days before `day`."""
    try:
        ref = date.fromisoformat(day[:10])
        y = int(value[:4])
        m = int(value[5:7]) if len(value) >= 7 else 12
        last = (
            int(value[8:10])
            if len(value) == 10
            else (date(y + m // 12, m % 12 + 1, 1) - timedelta(days=1)).day
        )
        return date(y, m, last) < ref - timedelta(days=30)
    except ValueError:
        return False


def principal(people: People, cands: list[Candidate]) -> int | None:
    """The person the article follows: in the most meeting sentences, then the most mentioned."""
    counts: dict[int, float] = {}
    for c in cands:
        for p in set(c.persons):
            counts[p] = counts.get(p, 0) + 1.0
    for p in people.persons:
        if p.id in counts:
            counts[p.id] += len(p.mentions) / 100.0
    if not counts:
        return None
    return max(counts, key=lambda p: counts[p])


def cluster(doc: Doc, people: People, cands: list[Candidate]) -> list[Event]:
    """One event per distinct meeting: mentions of the same counterpart (or session) are merged."""
    held = [c for c in cands if c.trigger.status == "held"]
    # within a sentence, attendance phrases after the meeting it tells ("X received Y, in the presence
    # of Z"): they join that meeting
    held.sort(key=lambda c: (c.trigger.sent, c.trigger.kind == "attend"))
    main = principal(people, held)
    observers = {p.id for p in people.persons if p.observer}
    country_of = {p.id: p.country for p in people.persons}
    pending: list[Candidate] = []
    partyless: list[Candidate] = []  # reported meetings that name no party (yet)
    events: list[Event] = []
    for c in held:
        c.persons = [p for p in c.persons if p not in observers]
        if not c.persons and _sides_subject(doc, c.trigger.sent):
            if not events:
                before = _named_before(people, c.trigger.sent, observers)
                if len(before) >= 2 and c.trigger.kind != "attend":
                    # "X paid a visit to Y's country at the invitation of Y. The two leaders held talks"
                    c.persons = before
                    c.subject = before[:1]
                else:
                    # "The two leaders met on the margins of the G20 summit": the next sentence names them
                    pending.append(c)
                    continue
            # "The leaders reviewed the outcomes of the NATO Summit": the meeting's own sides, not a new one
            c.orgs.clear()
            c.groups.clear()
            c.countries.clear()
            c.trigger.session = False
        elif c.persons and not events and c.trigger.kind != "attend" and _sides_subject(doc, c.trigger.sent):
            before = [p for p in _named_before(people, c.trigger.sent, observers) if p not in c.persons]
            if len(before) >= 2:
                # "X travelled to Kyiv with Y. In Kyiv, the two ministers met with Z": X and Y are the sides
                c.persons = before + c.persons
                c.subject = before[:1]
        if c.trigger.kind == "attend":
            # attendees of the meeting just told: the latest event that names one of them, else the last
            told = [
                x
                for x in partyless + pending
                if 0 <= c.trigger.sent - x.trigger.sent <= 2 and x.trigger.kind != "attend"
            ]
            if not events and told and c.persons:
                # "The ministers held talks in Oslo. Taking part were: ...": the meeting told just before
                events.append(Event([*told, c], list(dict.fromkeys(c.persons))))
                partyless.clear()
                pending.clear()
                continue
            if not events:
                pending.append(c)
                continue
            same = [e for e in events if any(x.trigger.sent == c.trigger.sent for x in e.candidates)]
            target = (
                same[-1]
                if same
                else next((e for e in reversed(events) if set(e.persons) & set(c.persons)), events[-1])
            )
            if c.trigger.sent - target.candidates[-1].trigger.sent > 25:
                continue
            target.candidates.append(c)
            for p in c.persons:
                if p not in target.persons:
                    target.persons.append(p)
            continue
        if events and c.trigger.sent in events[-1].sentences and not events[-1].persons:
            # "the G7 leaders held sessions ... with invited leaders, among them X": one gathering
            events[-1].candidates.append(c)
            events[-1].persons.extend(p for p in c.persons if p not in events[-1].persons)
            continue
        if events and c.persons and _delegates_of_sides(doc, events[-1], c, country_of):
            # "The two presidents held talks attended by the delegations, including X and his counterpart Y"
            events[-1].candidates.append(c)
            events[-1].persons.extend(p for p in c.persons if p not in events[-1].persons)
            continue
        others = set(c.persons) - {main}
        has_parties = bool(c.persons or c.countries or c.groups or c.orgs)
        target: Event | None = None
        anaphor = c.trigger.kind == "anaphor" and bool(events)  # "the meeting": the one being told
        # "The Vice President thanked the Prime Minister for ...": a weak verb naming no one new goes on
        # telling the meeting before it
        anaphor = anaphor or (c.trigger.kind == "weak" and not others and bool(events))
        if anaphor or not has_parties or (not others and not c.countries and not c.groups and not c.orgs):
            # the meeting being told; "In the meeting with Prime Minister X, ..." after another meeting
            # came in between: the last one told with X
            told = events[-1] if events else None
            if c.trigger.kind == "noun" and c.trigger.i > 0 and doc.tokens[c.trigger.i - 1].low == "the":
                told = next((e for e in reversed(events) if set(e.persons) & set(c.persons)), told)
            if (
                told is not None
                and not _dates_clash(told, c, doc.day)
                and c.trigger.sent - told.candidates[-1].trigger.sent <= 25
            ):
                target = told
            elif not has_parties:
                if c.trigger.reported or c.trigger.session:
                    partyless.append(c)
                continue  # "the talks centred on ...": nothing to attach it to
        else:
            toks = doc.tokens
            definite = c.trigger.kind == "noun" and c.trigger.i > 0 and toks[c.trigger.i - 1].low == "the"
            for e in reversed(events):
                if _dates_clash(e, c, doc.day):
                    continue
                if e.session and not c.trigger.session and c.trigger.reported and len(c.persons) >= 2:
                    continue  # "on the margins of the meeting, X held a bilateral meeting with Y"
                eo = set(e.persons) - {main}
                cp, ep = set(c.persons), set(e.persons)
                if definite and cp and cp <= ep:
                    target = e  # "In the meeting with Prime Minister X, ...": the meeting told before
                    break
                if others and others & eo and (cp <= ep or ep <= cp):
                    target = e  # the same people again (or the same meeting with more of them named)
                    break
                sides = _event_places(e) | {country_of.get(p) for p in e.persons} | _event_venues(e)
                if not others and (set(c.countries) | set(c.groups)) & sides:
                    # the same sides again ("The Vice President thanked the United States ..."), or the
                    # country it took place in ("met X in Honiara. ... In the meeting with Solomon
                    # Islands' Prime Minister X, ...")
                    target = e
                    break
                if (
                    not eo
                    and others
                    and _event_places(e)
                    and (
                        _event_places(e) <= ({country_of.get(p) for p in c.persons} | set(c.countries))
                        or (
                            not e.persons
                            and {country_of.get(p) for p in c.persons} - {None} <= _event_places(e)
                            and {country_of.get(p) for p in c.persons} & _event_places(e)
                        )
                    )
                ):
                    target = e  # "talks with the Norwegian ministry", then "met Jon Fredriksen (Norway)"
                    break
                if c.trigger.session and e.session:
                    target = e  # sessions of one gathering: many attendees, one record
                    break
                if c.orgs and set(c.orgs) & e.orgs() and (not others or not eo):
                    target = e
                    break
                if (
                    others
                    and not eo
                    and e is events[-1]
                    and not e.session
                    and (c.trigger.kind == "noun" or not _parties(e))
                ):
                    target = e
                    break
        if target is None:
            lead_in = [p for p in pending if 0 <= c.trigger.sent - p.trigger.sent <= 2]
            target = Event([*lead_in, c])
            for x in lead_in:  # "X and Y were also present. The two leaders met ...": theirs too
                target.persons.extend(p for p in x.persons if p not in target.persons)
            pending.clear()
            events.append(target)
        else:
            target.candidates.append(c)
        for p in c.persons:
            if p not in target.persons:
                target.persons.append(p)
    return [e for e in events if _valid(e, main)]


def _named_before(people: People, sent: int, observers: set[int]) -> list[int]:
    """People named (not quoted, not in a possessive) in the two sentences before `sent`, in order."""
    out: list[int] = []
    for k in (sent - 2, sent - 1):
        for m in people.by_sentence.get(k, []):
            if (
                m.kind in ("name", "surname")
                and not m.quoted
                and not m.possessive
                and m.person not in observers
            ) and m.person not in out:
                out.append(m.person)
    return out


def _sides_subject(doc: Doc, sent: int) -> bool:
    """Whether a sentence opens with the meeting's own sides ("The leaders", "They", "Both sides"), after
    a number or a short opening phrase ("2. On 16 June, the two leaders held talks")."""
    text = re.sub(r"^\s*\d{1,2}[.)]\s+", "", doc.sent_text(sent)).lower()
    heads = [" ".join(text.split()[:3])]
    comma = text.find(",")
    if 0 < comma < 40 and text.split()[0] in _OPENERS:
        heads.append(" ".join(text[comma + 1 :].split()[:3]))
    return any(h == s or h.startswith(s + " ") for h in heads for s in vocab().sides)


def _delegates_of_sides(doc: Doc, e: Event, c: Candidate, country_of: dict) -> bool:
    """A sentence led by the meeting's own sides ("The two presidents ...") whose people all come
    from the sides already met: their delegations in the same meeting, not a new one."""
    if not _sides_subject(doc, c.trigger.sent) or _dates_clash(e, c) or set(c.persons) <= set(e.persons):
        return False
    if c.trigger.sent - e.candidates[-1].trigger.sent > 3:
        return False
    sides = {country_of.get(p) for p in e.persons} - {None}
    theirs = {country_of.get(p) for p in c.persons} - {None}
    return len(e.persons) >= 2 and bool(theirs) and theirs <= sides


def _event_places(e: Event) -> set[str]:
    return {x for c in e.candidates for x in (*c.countries, *c.groups)}


def _event_venues(e: Event) -> set[str]:
    """The countries of the places the event's sentences say it took place in."""
    return {code for c in e.candidates if c.location and (code := gaz.place_country(c.location[0]))}


def _parties(e: Event) -> bool:
    return any(c.countries or c.groups or c.orgs or c.local or c.home for c in e.candidates)


def _valid(e: Event, main: int | None) -> bool:
    """A meeting needs two sides: two people, or one person and a delegation, or a multilateral session."""
    if not e.persons and all(c.trigger.plural and not c.trigger.reported for c in e.candidates):
        return False  # "... discussed in the recent Japan-Chile and Chile-Peru summit meetings"
    if len(e.persons) >= 2:
        return True
    if e.persons and _parties(e):
        return True
    if len({x for c in e.candidates for x in (*c.countries, *c.groups)}) >= 2:
        return True  # two delegations, nobody named: "Russia and Ukraine held talks"
    return bool(e.session and (e.orgs() or _parties(e)))
