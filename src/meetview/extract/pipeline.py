"""The extractor's entry point: one Article in, one Extraction (meeting records with spans) out."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from meetview.extract import countries as gaz
from meetview.extract.dates import Anchor, DateExpr, find_anchor, find_dates
from meetview.extract.document import Doc, prepare
from meetview.extract.events import (
    _ABSENT,
    _WRITTEN,
    WELCOME_VERBS,
    Event,
    _long_before,
    build_candidates,
    cluster,
    find_triggers,
)
from meetview.extract.people import People, Person, find_people, org_post, top_org, words_of
from meetview.extract.publisher import home_country
from meetview.extract.topics import find_topics, topics_of
from meetview.extract.vocab import role_words, vocab
from meetview.records import Article, Extraction, Meeting, Participant, Span

log = logging.getLogger(__name__)

_URL = re.compile(r"https?://([A-Za-z0-9.\-]+)")
_VALID_DATE = re.compile(r"^(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?$")


def extract(article: Article) -> Extraction:
    """Meetings reported in one article. Pure, and never raises: a failure yields no meetings."""
    try:
        return extract_strict(article)
    except Exception:  # the contract: any input gives valid output
        log.exception("extraction failed for %s", getattr(article, "source", "?"))
        published = article.published if _valid_day(article.published) else None
        return Extraction(file=article.file, title=article.title, published=published, meetings=[])


def extract_strict(article: Article) -> Extraction:
    """`extract` without the safety net (tests call it to see real errors)."""
    text = article.text or ""
    doc = prepare(text, article.title)
    published = article.published[:10] if _valid_day(article.published) else None
    anchor = find_anchor(text, doc.text, published, doc.body_start)
    doc.day = published or anchor.published
    people = find_people(doc)
    triggers = find_triggers(doc, people)
    cands = build_candidates(doc, people, triggers, anchor)
    events = cluster(doc, people, cands)
    home = _home_country(doc, article)
    other = {t.sent for t in triggers if t.status != "held"}  # sentences telling other meetings
    meetings = [_meeting(doc, people, anchor, e, events, home, other) for e in events]
    _same_day(doc, anchor, events, meetings)
    _dateline_place(anchor, meetings)
    spans: list[Span] = []
    if anchor.published and anchor.published_span and not published:
        spans.append(Span("published", anchor.published, *anchor.published_span))
    return Extraction(
        file=article.file,
        title=article.title,
        published=published or anchor.published,
        meetings=meetings,
        spans=spans,
    )


# "Later the same day", "the same evening", "later in the afternoon", "the following day", "X later met
# Y": a meeting dated by the one told before it
_SAME_DAY = re.compile(
    r"\b(?:later (?:(?:on )?(?:the same|that) (?:day|morning|afternoon|evening)"
    r"|in the (?:day|morning|afternoon|evening)|that (?:day|morning|afternoon|evening))"
    r"|(?:on |in )?the same (?:day|morning|afternoon|evening|night)"
    r"|(?P<next>(?:on )?the (?:following|next) (?:day|morning))|(?P<next2>a day later)"
    r"|later(?<!weeks later)(?<!week later)(?<!days later)(?<!months later)(?<!month later)"
    r"(?<!years later)(?<!year later)(?<!hours later)"
    r"(?!\s+(?:this|that|next|in|on|the)\b)(?=\s+(?:\w+\s+)?(?:met|held|spoke|received|hosted|visited)\b))\b",
    re.I,
)


def _same_day(doc: Doc, anchor: Anchor, events: list[Event], meetings: list[Meeting]) -> None:
    """A meeting that states no date of its own but is told as happening the same day as (or the day
    after) the meeting told just before it takes that meeting's date; one told the same day by one of
    its people, with no place of its own, took place where that meeting did ("Later in the day, X met
    Y")."""
    firsts = [e.first.trigger.sent for e in events]
    for i, m in enumerate(meetings):
        dated = any(sp.field == "date" for sp in m.spans)
        if dated and m.location:
            continue
        k = firsts[i]
        s = doc.sentences[k]
        hit = _SAME_DAY.search(doc.text, s.start, s.end)
        if hit is None:
            continue
        before = [j for j in range(len(events)) if j != i and firsts[j] < k]
        if not before:
            continue
        mine = {x.name for x in m.participants}
        shared = [j for j in before if mine & {x.name for x in meetings[j].participants}]
        prev = meetings[max(shared or before, key=lambda j: firsts[j])]
        next_day = bool(hit.group("next") or hit.group("next2"))
        if (
            m.location is None
            and prev.location
            and shared
            and not next_day
            and m.format in ("in-person", None)
        ):
            m.location = prev.location
            m.spans.extend(sp for sp in prev.spans if sp.field == "location")
        if dated or not prev.date or len(prev.date) != 10 or not any(sp.field == "date" for sp in prev.spans):
            continue
        day = date.fromisoformat(prev.date)
        if next_day:
            day += timedelta(days=1)
            if anchor.day is not None and day > anchor.day:
                continue
        m.date = day.isoformat()
        m.spans.append(Span("date", m.date, hit.start(), hit.end()))


def _dateline_place(anchor: Anchor, meetings: list[Meeting]) -> None:
    """A meeting in person with no place of its own, in an article datelined in a city where every
    meeting with a place was held, was held there too: "VILNIUS, 12 July. On the margins of the NATO
    Summit in Vilnius, X met Y. X also met Z." (A trip elsewhere names its own places, and then this
    does not apply.)"""
    city = anchor.dateline_city
    if not city or any(m.location and m.location != city for m in meetings):
        return
    for m in meetings:
        if m.location is None and m.format == "in-person":
            m.location = city
            if anchor.dateline_span:
                m.spans.append(Span("location", city, *anchor.dateline_span))


# A member kept away from a group's meeting ("was boycotted by the United States"), unless someone
# stood in for it ("The United States was represented by ...", "stayed away, sending his minister")
_STAYED_AWAY = re.compile(  # every alternative begins a word: "(?<!\w)(?=\w)" lets the scan skip the rest
    r"(?<!\w)(?=\w)(?:boycott(?:ed|ing|s)?|stay(?:ed|s|ing) away"
    r"|did not (?:attend|travel|come|take part|participate)"
    r"|didn.t (?:attend|travel|come)|(?:was|were) absent|absence of|skipp(?:ed|ing)|not represented)\b",
    re.I,
)
# Every _STAYED_AWAY match holds one of these (lowercased): a cheap test that spares most texts the regex
_STAYED_AWAY_WORDS = (
    "boycott",
    "stay",
    "did not attend",
    "did not travel",
    "did not come",
    "did not take part",
    "did not participate",
    "didn",
    "absen",
    "skipp",
    "not represented",
)
_STOOD_IN = re.compile(
    r"\b(?:represented by|sending|sent (?:his|her|its|their)|in (?:his|her) place|instead)\b", re.I
)


def _absent_members(doc: Doc, people: People, e: Event, events: list[Event]) -> set[str]:
    """Countries the paragraphs telling a meeting say stayed away, with no one standing in for them:
    left out when the meeting's group is expanded to its members."""
    if "absent_words" not in doc.memo:
        low = doc.text.lower()
        found = any(w in low for w in _STAYED_AWAY_WORDS) and _STAYED_AWAY.search(doc.text) is not None
        doc.memo["absent_words"] = found
    if not doc.memo["absent_words"]:
        return set()  # the common case: no one is said to have stayed away
    sents = _segment_sentences(doc, e, events)
    if not any(_STAYED_AWAY.search(doc.text, doc.sentences[k].start, doc.sentences[k].end) for k in sents):
        return set()
    by_id = {p.id: p for p in people.persons}

    def named(k: int) -> set[str]:
        a, b = doc.sent_tokens[k]
        codes = {
            doc.place_at[x].value
            for x in range(a, b)
            if x in doc.place_at
            and doc.place_at[x].i == x
            and doc.place_at[x].kind in ("country", "adj", "capital")
        }
        for m in people.by_sentence.get(k, []):
            p = by_id.get(m.person)
            if p is not None and p.country:
                codes.add(p.country)
        return codes

    absent: set[str] = set()
    present: set[str] = set()
    for k in sents:
        s = doc.sentences[k]
        if _STOOD_IN.search(doc.text, s.start, s.end):
            present |= named(k)
        elif _STAYED_AWAY.search(doc.text, s.start, s.end):
            absent |= named(k)
    return absent - present


def _valid_day(value: str | None) -> bool:
    return bool(value) and re.match(r"^(?:19|20)\d\d-[01]\d-[0-3]\d", value or "") is not None


def _home_country(doc: Doc, article: Article) -> str | None:
    """The country a government publisher speaks for (URL, header lines, state news agency)."""
    return home_country(doc, article.url, article.outlet, article.original)


def _country_counts(doc: Doc) -> dict[str, float]:
    counts: dict[str, float] = {}
    for h in doc.places:
        if h.kind in ("country", "adj", "capital"):
            counts[h.value] = counts.get(h.value, 0) + 1
    return counts


@lru_cache(maxsize=4096)
def _title(role: str | None) -> str | None:
    """The role as a participant's title: none when it names no post ("of Norway" in "Anna Berg of Norway"
    places her, and the country says so)."""
    if role and not words_of(role) & role_words():
        return None
    return role


def _person_country(p: Person, taken: set[str], doc: Doc, home: str | None, anchor: Anchor) -> str | None:
    if p.country:
        return p.country
    if p.org:
        return None
    if p.voice:
        return p.voice
    if home:
        return home
    return _person_country_fallback(doc, taken, anchor)


_VISITING = frozenset({"visited", "visits", "visiting"})
# Heads of state and government: met where they govern, unless the text says they travelled
_LEADERS = frozenset(
    {"president", "king", "queen", "emir", "amir", "sultan", "chancellor", "premier", "taoiseach"}
)


def _leader(p: Person) -> bool:
    heads = words_of(p.role)
    if heads & {"deputy", "vice", "former", "acting"} or "-" in (p.role or ""):
        return False  # "Vice President", "Deputy Prime Minister", "Vice-President", "President-elect"
    return bool(heads & _LEADERS) or {"prime", "minister"} <= heads


def _calls_on_a_leader(lead: Person, members: list[Person]) -> bool | None:
    """Whether an unplaced lead who is no head of state or government met one the article does not
    place either, at a place it names: "Foreign Minister X met with President Y in Nairobi" is a visit to
    Y, whose country is where they met. None when the text leaves it open."""
    if _leader(lead):
        return None
    others = [p for p in members if p is not lead and not (p.country or p.org)]
    return True if any(_leader(p) for p in others) else None


def _guest_or_host(doc: Doc, e: Event, lead: int) -> bool | None:
    """Whether the lead is the guest (True: "X visited Y", "X was received by Y") or the host (False: "X
    hosted Y", "X received Y", "X welcomed Y") of the meeting its reporting verb tells; None: neither."""
    t = e.first.trigger
    if lead not in e.first.subject:
        return None
    low = doc.tokens[t.i].low
    if low in _VISITING:
        return True
    if low in WELCOME_VERBS:
        return t.j > t.i + 1  # "was received by Y" (the trigger runs to "by"): the subject is the guest
    return True if _travelled_before(doc, e, lead) else None


# A journey's verbs: whoever they tell of came from elsewhere ("arrived in Beijing", "travelled to Fiji")
_JOURNEY = frozenset({"travelled", "traveled", "travels", "arrived", "arrives", "arriving", "flew", "landed"})
_TRAVELLED = _JOURNEY | {"toured", "began", "started"}  # "... began the trip in Fiji, where ..."


def _travelled_before(doc: Doc, e: Event, lead: int) -> bool:
    """Whether the lead travelled to the place, as the sentence tells before its meeting: "X travelled to
    Fiji, where he met Y", "X arrived in Suva and met Y", "X began the trip in Fiji, where ..."; the
    travel verb after the lead's name, with nobody else named in between."""
    t = e.first.trigger
    toks = doc.tokens
    verb_at = toks[t.i].start
    own = [end for person, start, end in e.first.mentions if person == lead and end <= verb_at]
    if not own:
        return False
    lead_end = min(own)
    others = [
        start for person, start, _ in e.first.mentions if person != lead and lead_end <= start < verb_at
    ]
    stop = min(others, default=verb_at)
    first = doc.first_token_in(lead_end, verb_at)
    return first is not None and any(
        toks[x].low in _TRAVELLED for x in range(first, t.i) if toks[x].start < stop
    )


def _counterpart(doc: Doc, e: Event, lead: int | None, pid: int, by_id: dict[int, Person]) -> bool:
    """Whether pid is the lead's counterpart in the sentence that reports the meeting (the object
    of "met with"), rather than on the lead's side ("Biden, Blinken and Austin met with ...", "X was
    joined in his meetings by Y")."""
    first = [c for c in e.candidates if c.trigger.sent == e.first.trigger.sent]
    persons = {p for c in first for p in c.persons}
    subject = {p for c in first for p in c.subject}
    if pid == lead:
        return False
    if pid not in persons or lead not in persons:
        return any(_met_by(doc, c, lead, pid) for c in e.candidates if c.trigger.sent != e.first.trigger.sent)
    if pid in by_id and lead in by_id and _companion(doc, e.first.trigger.sent, by_id[pid], by_id[lead]):
        return False
    if pid in subject and lead in subject:
        if persons <= subject and any(_with_others(doc, c.trigger) for c in first):
            return False  # "X and Y hosted a meeting with executives": one side, meeting unnamed others
        return len(subject) == 2  # "Biden and Johnson spoke"; not "Biden, Blinken and Austin met"
    return True


def _met_by(doc: Doc, c, lead: int, pid: int) -> bool:
    """Whether the candidate tells the lead, its subject, meeting pid ("X met with Y"): pid named after
    a verb and its "with", the lead before the verb."""
    t = c.trigger
    if t.kind != "verb" or c.subject != [lead] or not _with_others(doc, t):
        return False
    start = doc.tokens[t.i].start
    return any(person == pid and s > start for person, s, _ in c.mentions)


_COMPANY_VERBS = {"joined", "accompanied"}


def _companion(doc: Doc, sent: int, p: Person, lead: Person) -> bool:
    """Whether p is named after "was joined (in his meetings) by" / "accompanied by" that follows the
    lead in the sentence: someone who came with the lead."""
    a, b = doc.sent_tokens[sent]
    toks = doc.tokens
    lead_at = min((m.i for m in lead.mentions if m.sent == sent), default=None)
    p_at = min((m.i for m in p.mentions if m.sent == sent), default=None)
    if lead_at is None or p_at is None or p_at < lead_at:
        return False
    for x in range(lead_at + 1, min(p_at, b)):
        if toks[x].low == "by" and any(toks[y].low in _COMPANY_VERBS for y in range(max(a, x - 5), x)):
            return True
    return False


def _with_others(doc: Doc, t) -> bool:
    """Whether the trigger has a "with" object ("met with", "held a call with") in the next words."""
    end = min(t.j + 4, doc.sent_tokens[t.sent][1])
    return any(doc.tokens[x].low == "with" for x in range(t.j, end))


def _other_side(e: Event, lead_country: str | None) -> str | None:
    """The one country the meeting's own sentences name besides the lead's ("consultations with Indian
    counterparts"), if there is exactly one: where a counterpart nothing else places comes from."""
    named = {code for c in e.candidates for code in c.countries} - {lead_country}
    return named.pop() if len(named) == 1 else None


def _person_country_fallback(
    doc: Doc, taken: set[str], anchor: Anchor, exclude: str | None = None
) -> str | None:
    """The side of someone the article does not place: its most named country not already taken
    (or, failing that, any named country but `exclude`, the other side's)."""

    counts = _country_counts(doc)
    if anchor.dateline_city:
        code = gaz.place_country(anchor.dateline_city)
        if code:
            counts[code] = counts.get(code, 0) + 3
    ranked = sorted(counts, key=lambda c: -counts[c])
    best = [c for c in ranked if c not in taken] or [c for c in ranked if exclude and c != exclude]
    return best[0] if best else None  # never the other side's country ("his Peruvian counterpart")


@lru_cache(maxsize=64)
def _group_of_org(org: str) -> gaz.Group | None:
    """The country group an organisation stands for (G7 -> its seven members), if it is one."""
    for g in gaz.groups().values():
        if g.org == org:
            return g
    return None


def _event_day(anchor: Anchor, value: str | None) -> date | None:
    if value and len(value) == 10:
        return date(int(value[:4]), int(value[5:7]), int(value[8:10]))
    return anchor.day


def _meeting(
    doc: Doc,
    people: People,
    anchor: Anchor,
    e: Event,
    events: list[Event],
    home: str | None,
    other: set[int] | None = None,
) -> Meeting:
    by_id = {p.id: p for p in people.persons}
    spans: list[Span] = []
    s = doc.sentences[_evidence_sentence(e, events)]
    evidence = " ".join(doc.raw[s.start : s.end].split())
    spans.append(Span("evidence", evidence, s.start, s.end))
    # date: the first date stated with the meeting, else one stated in the sentence before that names
    # its parties ("... signed in Washington on Friday. X and Y signed ..."), else the article's day
    d = _opening_day(doc, anchor, e) or e.dated()
    if d is None or not d.value or not _VALID_DATE.match(d.value) or _is_dateline(doc, d):
        d = _setting_date(doc, anchor, e) or d
    if d is None or not d.value or not _VALID_DATE.match(d.value):
        d = _carried_date(doc, people, anchor, e, events, other or set()) or _sequel_date(
            doc, people, anchor, e, events, other or set()
        )
    if d is not None and d.value and _VALID_DATE.match(d.value):
        mdate = d.value
        spans.append(Span("date", d.value, d.start, d.end))
    elif anchor.day:
        mdate = anchor.day.isoformat()
    else:
        year = anchor.year_only or anchor.year_context
        mdate = str(year) if year else None
    # participants
    participants: list[Participant] = []
    explicit = {by_id[p].country for p in e.persons if p in by_id and by_id[p].country}
    countries: dict[str, tuple[int, int] | None] = {}
    members = [by_id[p] for p in e.persons if p in by_id]
    subjects = [
        p for c in e.candidates if c.trigger.sent == e.first.trigger.sent for p in c.subject if p in by_id
    ]
    lead = subjects[0] if subjects else (max(members, key=lambda p: len(p.mentions)).id if members else None)
    where = next((c.location[0] for c in e.candidates if c.location), None)
    where_country = gaz.place_country(where) if where else None
    lead_country = None
    if lead is not None:
        lp = by_id[lead]
        guest = (
            _guest_or_host(doc, e, lead)
            if where_country and not (lp.country or lp.org or lp.voice or home)
            else None
        )
        if guest is None and where_country and not (lp.country or lp.org or lp.voice or home):
            guest = _calls_on_a_leader(lp, members)
        if guest is False:
            lead_country = where_country  # "King X hosted Y at Windsor Castle": the host is at home
        elif guest:  # "X visited Y in Oslo", "X was received by Y in Oslo": the visitor is not from there
            lead_country = _person_country_fallback(
                doc, explicit | {where_country}, anchor, exclude=where_country
            )
        else:
            lead_country = _person_country(lp, explicit, doc, home, anchor)
    # a lead the article itself does not place: its companions are on its side
    unqualified_lead = lead is not None and (not lp.country or lp.country_known) and not lp.org
    for pid in e.persons:
        p = by_id.get(pid)
        if p is None:
            continue
        if pid == lead or p.country or p.org:
            country = lead_country if pid == lead else p.country
        elif p.voice:
            country = p.voice  # "X said that China is ready ..."
        elif unqualified_lead and lead_country and not _counterpart(doc, e, lead, pid, by_id):
            country = lead_country  # "Foreign Minister X was also present": the publisher's own side
        elif len(explicit) >= 3 and not home:
            country = None  # many sides at the table: the host country or the most named one is a guess
        elif where_country and where_country != lead_country:
            country = where_country  # the host's official, met in their country
        else:
            taken = explicit | ({lead_country} if lead_country else set())
            country = home if home else _person_country_fallback(doc, taken, anchor)
            if home and lead_country == home and _counterpart(doc, e, lead, pid, by_id):
                country = _other_side(e, lead_country) or _person_country_fallback(
                    doc, taken, anchor, exclude=lead_country
                )
        participants.append(
            Participant(p.name, _title(p.role), country, p.org, [a for a in p.aliases if a != p.name])
        )
        for m in p.mentions:
            if any(
                doc.sentences[c.trigger.sent].start <= m.start < doc.sentences[c.trigger.sent].end
                for c in e.candidates
            ):
                spans.append(Span("participant", p.name, m.start, m.end))
                if m.role_span:
                    spans.append(Span("role", p.role or "", *m.role_span))
        if country:
            countries.setdefault(country, p.country_span if p.country == country else None)
    orgs: dict[str, tuple[int, int] | None] = {}
    for pid in e.persons:
        p = by_id.get(pid)
        if p and p.org:
            orgs.setdefault(p.org, p.org_span)
    day = _event_day(anchor, mdate)
    # a member stayed away with no one in its place: the group did not meet as a whole, and only the
    # countries named as present take part
    absent = _absent_members(doc, people, e, events)
    members: set[str] = set()  # a partly attended group's members: who may have acted at it
    for c in e.candidates:
        # a group's members took part when the group met ("G7 leaders met", "the ministers of the member
        # states of X met"), not when a later sentence names its summit in passing
        whole = c is e.first or c.trigger.reported or c.trigger.kind in ("collective", "attend")
        for code, span in c.countries.items():
            if code in c.compound and c is not e.first:
                continue  # "the recent Japan-Philippines summit" told later: not this meeting's sides
            countries.setdefault(code, span)
        for gid, span in c.groups.items():
            g = gaz.groups().get(gid)
            if g is None:
                continue
            if g.expand and gid not in c.context and whole:
                for code in g.members_on(day):
                    if absent:
                        members.add(code)
                    else:
                        countries.setdefault(code, span)
            if g.org:
                orgs.setdefault(g.org, span)
        for org, span in c.orgs.items():
            if org in c.topical or (org in c.compound and c is not e.first):
                continue  # "to make this year's UN climate summit a success": discussed, not present
            orgs.setdefault(org, span)
            g = _group_of_org(org)
            if g is not None and g.expand and org not in c.context and whole:
                for code in g.members_on(day):
                    if absent:
                        members.add(code)
                    else:
                        countries.setdefault(code, span)
    if e.session:
        for p in _speakers(doc, people, e, events, (set(countries) | members) - absent, set(orgs)):
            country = p.country
            participants.append(
                Participant(p.name, _title(p.role), country, p.org, [a for a in p.aliases if a != p.name])
            )
            for m in p.mentions:
                spans.append(Span("participant", p.name, m.start, m.end))
            if country:
                countries.setdefault(country, p.country_span)
            if p.org:
                orgs.setdefault(p.org, p.org_span)
    home_span = next((c.home for c in e.candidates if c.home), None)
    if home_span and not any(by_id[p].country is None and not by_id[p].org for p in e.persons if p in by_id):
        if org_post(doc.text[home_span[0] : home_span[1]]):
            # "The Secretary-General spoke with ...": an organisation's official, not a country's
            top = top_org(doc, {p.org for p in people.persons if p.org})
            if top:
                orgs.setdefault(top, home_span)
        elif home:
            countries.setdefault(home, home_span)  # "The President spoke with ...": the publisher's side
    if any(c.local for c in e.candidates) and not any(c.countries or c.groups for c in e.candidates):
        # unnamed hosts: the country where the meeting took place
        where = next((c.location[0] for c in e.candidates if c.location), None) or anchor.dateline_city
        code = gaz.place_country(where) if where else None
        if code:
            countries.setdefault(code, None)
    for code, span in countries.items():
        if span:
            spans.append(Span("country", code, *span))
    for org, span in orgs.items():
        if span:
            spans.append(Span("organization", org, *span))
    # format and location
    fmt = None
    for c in e.candidates:
        if c.fmt:
            fmt = c.fmt[0]
            spans.append(Span("format", fmt, c.fmt[1], c.fmt[2]))
            break
    location = None
    for c in e.candidates:
        if c.location:
            location = c.location[0]
            spans.append(Span("location", location, c.location[1], c.location[2]))
            break
    if fmt is None and (
        location
        or any(
            doc.tokens[c.trigger.i].low
            in ("met", "hosted", "visit", "visited", "received", "welcomed", "welcomes", "receives", "hosts")
            or doc.tokens[c.trigger.j - 1].low in ("on", "upon")  # "called on the President"
            for c in e.candidates
        )
    ):
        fmt = "in-person"
    if (
        location is None
        and fmt in ("in-person", None)
        and (arrived := _arrival(doc, people, e, events, other))
    ):
        location = arrived[0]
        spans.append(Span("location", location, arrived[1], arrived[2]))
    if location is None and anchor.dateline_city and fmt in ("in-person", None) and e is events[0]:
        location = anchor.dateline_city
        if anchor.dateline_span:
            spans.append(Span("location", location, *anchor.dateline_span))
    city = anchor.dateline_city
    if (
        location
        and city
        and location != city
        and _is_country(location)
        and gaz.place_country(city) == gaz.place_country(location)
    ):
        location = city  # "HANOVER, Germany -- ... during a visit to Germany": the city
        spans = [sp for sp in spans if sp.field != "location"]
        if anchor.dateline_span:
            spans.append(Span("location", city, *anchor.dateline_span))
    if fmt is None and location:
        fmt = "in-person"  # "BEIJING (AP) — X held talks with Y": held where they were, no call said
    # topics: the sentences from this meeting's first mention to the next meeting's
    names = _name_spans(doc, people)
    hits = [
        hit
        for lo, hi in _segment(doc, e, events)
        for hit in find_topics(doc.text, lo, hi)
        if not _inside(names, hit.start)  # "Minister of Energy X": an office, not a topic
        and not _in_org_name(doc, hit.start, hit.end)
    ]
    topics = topics_of(hits)
    for hit in hits:
        if hit.topic in topics:
            spans.append(Span("topic", hit.topic, hit.start, hit.end))
    return Meeting(
        date=mdate,
        format=fmt,  # type: ignore[arg-type]
        location=location,
        participants=participants,
        countries=sorted(countries),
        organizations=sorted(orgs),
        topics=topics,
        evidence=evidence,
        status="held",
        spans=spans,
    )


def _evidence_sentence(e: Event, events: list[Event]) -> int:
    """The sentence that reports the meeting: its first, unless an earlier meeting of the same trip is
    reported there too ("flew to Paris for talks with X, before continuing to Warsaw to meet Y"); then the
    first sentence of its own ("In Warsaw, Y welcomed him at the chancellery")."""
    mine = e.first.trigger.sent
    idx = events.index(e)
    if not any(ev.first.trigger.sent == mine for ev in events[:idx]):
        return mine
    taken = {c.trigger.sent for ev in events if ev is not e for c in ev.candidates}
    own = [c.trigger.sent for c in e.candidates if c.trigger.sent not in taken and c.persons]
    return min(own) if own else mine


_OPENED = re.compile(
    r"\b(?:opened|began|started|kicked off|got under ?way|convened|opening)\b[^.;]{0,24}$", re.I
)


def _opening_day(doc: Doc, anchor: Anchor, e: Event) -> DateExpr | None:
    """The first day of a meeting of several days: "The two-day meeting, which opened on Thursday,"
    dates it, not the day it concluded."""
    for k in e.sentences:
        s = doc.sentences[k]
        if not re.search(r"\b(?:two|three|four|five|\d)-day\b", doc.text[s.start : s.end], re.I):
            continue
        for d in find_dates(doc.text, s.start, s.end, anchor):
            if d.value and len(d.value) == 10 and not d.future and _OPENED.search(doc.text, s.start, d.start):
                return d
    return None


_SEQUEL = re.compile(
    r"\s*(?:[Ff]ollowing|(?:[Ss]hortly |[Ii]mmediately |[Rr]ight )?[Aa]fter)\s+"
    r"(?:the|their|this|that|these)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:meeting|meetings|talks|conference|video ?conference|call|summit|session|visit"
    r"|discussions?|conversation|consultations|ceremony)\b"
)


_ALSO = re.compile(r"\balso\b")


def _sequel_date(
    doc: Doc, people: People, anchor: Anchor, e: Event, events: list[Event], other: set[int]
) -> DateExpr | None:
    """ "Following the video conference, X held a phone call with Y": a sequel told with no date of its
    own happened when the meeting it follows did (at that meeting's precision)."""
    i = next((x for x, ev in enumerate(events) if ev is e), 0)
    if i == 0:
        return None
    s = doc.sentences[e.first.trigger.sent]
    prev = events[i - 1]
    if not _SEQUEL.match(doc.text, s.start):
        # "X also held delegation-level talks with Z" right after the meeting just told: the same day
        also = _ALSO.search(doc.text, s.start, doc.tokens[e.first.trigger.i].start)
        if also is None or e.first.trigger.sent - prev.candidates[-1].trigger.sent > 2:
            return None
    d = _opening_day(doc, anchor, prev) or prev.dated()
    if d is None or not d.value:
        d = _carried_date(doc, people, anchor, prev, events, other)
    return d if d is not None and d.value and not d.future else None


_SIDELINES = re.compile(r"\b(?:on|at) the (?:sidelines|margins?|fringes?) of\b", re.I)


def _is_dateline(doc: Doc, d: DateExpr) -> bool:
    """Whether a date is the lead's dateline ("CAIRO, March 5 (KUNA) --"): the article's day."""
    line = doc.text.rfind("\n", 0, d.start) + 1
    return re.fullmatch(r"\s*[A-Z][A-Za-z .'’-]{1,40},\s*", doc.text[line : d.start]) is not None


def _setting_date(doc: Doc, anchor: Anchor, e: Event) -> DateExpr | None:
    """A meeting held on the sidelines of a gathering happened while it met: the gathering's date
    ("met X on the sidelines of the ministerial meeting, held in Cairo on Monday")."""
    s = doc.sentences[e.first.trigger.sent]
    hit = _SIDELINES.search(doc.text, s.start, s.end)
    if hit is None:
        return None
    good = [
        d
        for d in find_dates(doc.text, hit.end(), s.end, anchor)
        if d.value
        and d.kind in ("full", "weekday", "relative")
        and not d.future
        and not d.bound
        and _VALID_DATE.match(d.value)
        and not _long_before(d.value, anchor)
    ]
    return good[0] if len(good) == 1 else None


def _carried_date(
    doc: Doc, people: People, anchor: Anchor, e: Event, events: list[Event], other: set[int]
) -> DateExpr | None:
    """A date told in the sentence right before the meeting's first one, when that sentence speaks of
    the same parties (one of its people, or one of its countries) and reports no other meeting (held,
    recalled or planned: "This visit follows their call on 31 March")."""
    k = e.first.trigger.sent - 1
    if k < 0 or k in doc.title_sentences or k in doc.caption_sentences or k in other:
        return None
    if any(c.trigger.sent == k for ev in events if ev is not e for c in ev.candidates):
        return None
    mine = set(e.persons)
    named = any(m.person in mine for m in people.by_sentence.get(k, []) if m.kind != "pronoun")
    if not named:
        by_id = {p.id: p for p in people.persons}
        codes = {by_id[p].country for p in e.persons if p in by_id and by_id[p].country}
        codes |= {x for c in e.candidates for x in c.countries}
        a, b = doc.sent_tokens[k]
        named = any(
            doc.place_at[x].value in codes
            for x in range(a, b)
            if x in doc.place_at and doc.place_at[x].i == x
        )
    if not named:
        return None
    s = doc.sentences[k]
    good = [
        d
        for d in find_dates(doc.text, s.start, s.end, anchor)
        if d.value
        and d.kind != "year"
        and not d.future
        and not d.bound
        and _VALID_DATE.match(d.value)
        and not _long_before(d.value, anchor)  # background ("talks collapsed in April 2014")
    ]
    return good[-1] if len(good) == 1 else None


# "... was in Oslo on Monday", "paid a working visit to Warsaw"
_ARRIVALS = _JOURNEY | {"visited", "visiting", "was", "is", "were", "are", "visit", "trip"}


def _arrival(
    doc: Doc, people: People, e: Event, events: list[Event], other: set[int] | None
) -> tuple[str, int, int] | None:
    """Where the meeting's people had just arrived, when its own sentences name no place: "X arrived in
    Beijing on Monday. On Tuesday, X met Y". One of the two sentences before it, the nearer first, with one
    of its people (or a pronoun for them) before a travel verb and a place right after it, or after an
    opening "In <city>,"; never across a sentence that reports another meeting, and not from a trip to
    several places."""
    mine = set(e.persons)
    toks = doc.tokens
    for k in range(e.first.trigger.sent - 1, max(-1, e.first.trigger.sent - 3), -1):
        if k in doc.title_sentences or k in doc.caption_sentences or k in (other or ()):
            return None
        if any(c.trigger.sent == k for ev in events if ev is not e for c in ev.candidates):
            return None
        a, b = doc.sent_tokens[k]
        first = min((m.j for m in people.by_sentence.get(k, []) if m.person in mine), default=None)
        if first is None:
            continue
        opener = doc.place_at.get(a + 1) if doc.tokens[a].low == "in" else None
        if (
            opener is not None
            and opener.i == a + 1
            and opener.kind in ("city", "capital")
            and opener.j < min(b, first)
            and doc.tokens[opener.j].text == ","
        ):  # "In Tokyo, President X was received by the Emperor. On 4 March, X met Y"
            return (doc.text[opener.start : opener.end], opener.start, opener.end)
        for x in range(first, b - 1):
            if toks[x].low not in _ARRIVALS:
                continue
            if toks[x].low in ("visit", "trip") and not _visit_made(toks, x, first):
                continue  # "Following President Biden's trip to Poland in March": another time
            y = x + 1 if toks[x].low in ("visited", "visiting") else x + 2
            if y != x + 1 and toks[x + 1].low not in ("in", "to", "at"):
                continue
            h = doc.place_at.get(y)
            if h is not None and h.i == y and h.kind in ("city", "capital", "country"):
                if h.j < b and _another_stop(doc, h.j):
                    return None  # "travelled to Rwanda and the DRC": which stop, the text must say
                return (doc.text[h.start : h.end], h.start, h.end)
    return None


def _is_country(name: str) -> bool:
    return any(kind == "country" for kind, _ in gaz.lexicon().lookup(name))


_MAKING_A_VISIT = frozenset({"paid", "pays", "paying", "on", "making", "made", "during"})


def _visit_made(toks: list, x: int, lo: int) -> bool:
    """Whether the visit or trip at x is one its subject makes here: "paid a working visit to", "paid his
    first visit to", "is on an official trip to" (not "Biden's trip to Poland in March", "during his last
    visit to")."""
    for k in range(x - 1, max(lo, x - 5) - 1, -1):
        if toks[k].low in ("last", "previous"):
            return False
        if toks[k].low in _MAKING_A_VISIT:
            return True
    return False


def _another_stop(doc: Doc, x: int) -> bool:
    """Whether another place follows a place at token x: "and (the) DRC", "and the Democratic Republic of
    Congo", ", Nairobi" (not the country of a city: "Lima, Peru")."""
    low = doc.tokens[x].low
    if low not in ("and", ",", "&"):
        return False
    for z in range(x + 1, min(x + 6, len(doc.tokens))):
        h = doc.place_at.get(z)
        if h is not None and h.i == z and h.kind in ("city", "capital", "country"):
            return low != "," or h.kind != "country"
    return False


def _in_org_name(doc: Doc, start: int, end: int) -> bool:
    """A term before the head of an organisation's name ("International Atomic Energy Agency") names the
    body, not a topic; a term that ends the name is one ("International Monetary Fund", "Ukraine
    Defense Contact Group")."""
    spans = doc.memo.get("org_spans")
    if spans is None:
        spans = doc.memo["org_spans"] = sorted((h.start, h.end) for h in doc.orgs)

    i = bisect_right(spans, (start, 1 << 60)) - 1
    while i >= 0 and spans[i][1] > start - 200:
        lo, hi = spans[i]
        if lo <= start and end < hi and doc.text[end:hi].strip():
            return True
        i -= 1
    return False


def _name_spans(doc: Doc, people: People) -> list[tuple[int, int]]:
    """Character spans of people's roles, sorted: words there name an office ("Minister of Energy",
    "Director of the National Intelligence Organization"), not a topic of the meeting."""
    spans = doc.memo.get("name_spans")
    if spans is None:
        out: list[tuple[int, int]] = []
        for p in people.persons:
            for m in p.mentions:
                if m.role_span:
                    out.append(m.role_span)
        spans = doc.memo["name_spans"] = sorted(out)
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:

    i = bisect_right(spans, (pos, 1 << 60)) - 1
    while i >= 0 and spans[i][0] <= pos:
        if pos < spans[i][1]:
            return True
        i -= 1
        if i >= 0 and pos - spans[i][0] > 400:
            break
    return False


def _segment(doc: Doc, e: Event, events: list[Event]) -> list[tuple[int, int]]:
    """Character ranges of the sentences that report this meeting, runs of sentences merged."""
    out: list[tuple[int, int]] = []
    last = -2
    for k in _segment_sentences(doc, e, events):
        s = doc.sentences[k]
        if k == last + 1 and out:
            out[-1] = (out[-1][0], s.end)
        else:
            out.append((s.start, s.end))
        last = k
    return out


def _segment_sentences(doc: Doc, e: Event, events: list[Event]) -> list[int]:
    """The sentences that tell this meeting: each sentence one of its mentions stands in, and the
    sentences after it up to the next one that tells a meeting (this or another); the first meeting
    also takes the article's opening before it. Two meetings of one trip keep their own paragraphs."""
    owners: dict[int, set[int]] = {}
    for n, ev in enumerate(events):
        for c in ev.candidates:
            owners.setdefault(c.trigger.sent, set()).add(n)
    idx = events.index(e)
    mine = sorted(k for k, o in owners.items() if idx in o)
    first = min(owners)
    out: set[int] = set()
    for k in mine:
        out.add(k)
        j = k + 1
        while j < len(doc.sentences) and j not in owners and j not in doc.end_sentences:
            out.add(j)
            j += 1
    opening = idx in owners[first]
    if opening:
        out.update(range(0, first))
    return sorted(k for k in out if not (k in doc.title_sentences and not opening))


_AUDIENCE = {
    "group",
    "ministers",
    "allies",
    "participants",
    "meeting",
    "members",
    "council",
    "leaders",
    "counterparts",
    "colleagues",
    "session",
    "delegates",
    "summit",
    "conference",
    "partners",
    "plenary",
    "audience",
    "gathering",
    "heads",
}


def _addresses(toks: list, x: int, b: int) -> bool:
    """ "briefed the group", "urged fellow ministers", "told the meeting": the gathering is the object."""
    y = x + 1
    while y < b and y <= x + 2 and toks[y].low in ("the", "his", "her", "their", "its", "fellow", "all"):
        y += 1
    return y < b and toks[y].low in _AUDIENCE and toks[x].low not in ("said", "says")


def _speakers(
    doc: Doc, people: People, e: Event, events: list[Event], countries: set[str], orgs: set[str]
) -> list[Person]:
    """Officials who act in a session's paragraphs ("Brazilian President X, the host, told the leaders
    ...", "Y and Z had pushed for stronger language", "W, who attended the opening, said ..."): at a
    multilateral meeting the subjects of its sentences are attendees. Not: someone said to stay away,
    someone in a sentence that tells another meeting, a plan ("will attend"), a message sent from
    afar, observers, people without a side; at a format with no fixed members, only officials."""

    v = vocab()
    by_id = {p.id: p for p in people.persons}
    out: list[Person] = []
    toks = doc.tokens
    # a format with no fixed members (a contact group, an alliance's meeting): its members are not listed
    open_session = any(
        (g := _group_of_org(o)) is None or not g.expand
        for c in e.candidates
        for o in c.orgs
        if o not in c.context
    )
    elsewhere = {c.trigger.sent for ev in events if ev is not e for c in ev.candidates}
    absent: set[int] = set()
    for k in _segment_sentences(doc, e, events):
        if k in elsewhere or k in doc.caption_sentences or k in doc.title_sentences:
            continue
        a, b = doc.sent_tokens[k]
        ms = [
            m
            for m in people.by_sentence.get(k, [])
            if m.kind != "pronoun" and not m.quoted and not m.possessive
        ]
        if not ms or _WRITTEN.search(doc.text, doc.sentences[k].start, doc.sentences[k].end):
            continue
        subjects = _subjects(doc, ms, a, b)
        if not subjects:
            continue
        last = subjects[-1]
        x = last.j
        if x < b and toks[x].text == "," and last.i > a and toks[last.i - 1].text == ",":
            x += 1  # "Ukraine's Minister of Defence, X, briefed ...": the apposition closes
        x, relative = _predicate(doc, x, b)
        if x >= b or not toks[x].low.isalpha() or toks[x].cap:
            continue
        if _ABSENT.match(doc.text, toks[x - 1].end if x > a else toks[x].start):
            absent.update(m.person for m in subjects)
            continue
        ahead = " ".join(t.low for t in toks[x : min(b, x + 4)])
        if re.match(
            r"(?:will|would|is (?:expected|due|scheduled|set|to)|are (?:expected|due|to)|plans?|has|have)\b",
            ahead,
        ):
            continue  # a plan, or a stance held ("has indicated he wants ..."), not an act at the session
        after = {toks[y].low for y in range(x + 1, min(b, x + 5))}
        if toks[x].low in ("told", "said", "says", "tells") and after & v.media:
            continue
        # a comment on the meeting itself ("said the meeting was a provocation")
        comments = toks[x].low in v.speech_verbs and bool(after & v.meeting_nouns)
        for m in subjects:
            p = by_id.get(m.person)
            if p is None or p.id in e.persons or p in out or p.observer or p.id in absent:
                continue
            if not (p.country or p.org):
                continue
            member = (p.country and p.country in countries) or (p.org and p.org in orgs)
            if not (member or relative or _addresses(toks, x, b)) and (not open_session or comments):
                continue  # "Russia's minister said the meeting was a provocation": from outside
            out.append(p)
    return [p for p in out if p.id not in absent]


_ATTEND_CLAUSE = re.compile(
    r"\b(?:attended|attending|hosted|hosting|chaired|chairing|opened|took part|taking part|participated"
    r"|was present|joined)\b",
    re.I,
)


_CONJUNCTIONS = {"but", "and", "yet", "still", "meanwhile", "however", "also", "separately"}
_OPENING_WORDS = {"on", "at", "in", "during", "after", "earlier", "later", "for", "meanwhile", "separately"}


def _subjects(doc: Doc, ms: list, a: int, b: int) -> list:
    """The named subject of a sentence (and names coordinated with it): the first mention, at the
    sentence's start or right after an opening phrase ("On Thursday, X ..."), its role included."""

    toks = doc.tokens
    first = ms[0]
    lead = first.i
    v = vocab()
    while lead > a and (toks[lead - 1].low in v.honorifics or toks[lead - 1].text == "."):
        lead -= 1  # "Mr Rutte", "H.E. Dr. X"
    lead = min(lead, _role_start(doc, first, lead))
    while lead > a:
        h = doc.place_at.get(lead - 1)
        if h is not None and h.j == lead:
            lead = h.i  # "Ukraine's Minister ...", "Russian President ..."
        elif toks[lead - 1].low in ("the", "'s"):
            lead -= 1
        else:
            break
    while lead > a and toks[a].low in _CONJUNCTIONS and lead - a == 1:
        a += 1  # "But US Under-Secretary X said ..."
    if lead > a:
        commas = [y for y in range(a, lead) if toks[y].text == ","]
        opener = toks[a].low in _OPENING_WORDS
        if not (commas and commas[-1] == lead - 1 and opener and lead - a <= 10):
            return []
    out = [first]
    for m in ms[1:]:
        gap = {toks[y].low for y in range(out[-1].j, m.i)}
        role_start = _role_start(doc, m, m.i)
        between = {toks[y].low for y in range(out[-1].j, role_start)}
        if (between and between <= {"and", ","}) or (gap and gap <= {"and", ","}):
            out.append(m)
        else:
            break
    return out


def _role_start(doc: Doc, m, default: int) -> int:
    """The first token of a mention's role phrase, or `default` when it has none on a token start."""
    at = doc.token_starting(m.role_span[0]) if m.role_span else None
    return default if at is None else at


def _predicate(doc: Doc, x: int, b: int) -> tuple[int, bool]:
    """The first word of the predicate after a subject ending at x, past an apposition or a relative
    clause (", the host,", ", who attended the opening,") and adverbs; and whether that clause tells
    attendance."""
    toks = doc.tokens
    relative = False
    while x < b:
        low = toks[x].low
        if low == ",":
            y = x + 1
            while y < b and toks[y].text != "," and y - x <= 25:
                y += 1
            if y < b and toks[y].text == ",":
                clause = doc.text[toks[x].end : toks[y].start]
                relative = relative or _ATTEND_CLAUSE.search(clause) is not None
                x = y + 1
                continue
            return b, relative
        if low in ("also", "then", "later", "both", "himself", "herself", "too", "again"):
            x += 1
            continue
        break
    return x, relative
