# ruff: noqa: E501 (vocabulary tables read better unwrapped)
"""Synthetic news corpus for scale runs: N distinct articles about diplomatic meetings, with truth.

Deterministic by seed: the same (seed, index) always gives the same article, and a corpus of N is
a prefix of a corpus of M > N. Articles are about 500 words (250-1,100), in three formats (plain
text with a `Published:` header, Markdown with YAML front matter, HTML pages with navigation and
footer boilerplate), from invented outlets, about invented people of real countries. Some report
no meeting, some two or three; about one meeting in six is reported again by another outlet (the
store merges those). Alongside `articles/` the generator writes `truth.jsonl`: the records each
article states, in the `meetview extract --json` contract (SCHEMA.md), so the store can be loaded
with exact extractions and the extractor can be scored on synthetic text.

    python -m benchmarks.corpus OUT_DIR --articles 2000 [--seed 1]
    python -m benchmarks.corpus OUT_DIR --meetings 100000

All vocabulary and templates here are this project's own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# --- vocabulary --------------------------------------------------------------------------------

# code, name, demonym, capital, given names, surnames
COUNTRIES: list[tuple[str, str, str, str, str, str]] = [
    ("UA", "Ukraine", "Ukrainian", "Kyiv",
     "Oleksandr Serhii Andrii Olena Iryna Taras Mykola Yuliia Dmytro Kateryna",
     "Koval Boiko Hnatiuk Levchenko Marchuk Savchuk Tkachenko Shevchuk Rudenko Zhuravel"),
    ("PL", "Poland", "Polish", "Warsaw",
     "Tomasz Agnieszka Piotr Magdalena Krzysztof Joanna Marek Ewa", "Nowak Kowalczyk Wrona Zielinski Mazur Krol Sadowski"),
    ("DE", "Germany", "German", "Berlin",
     "Annalena Markus Katrin Jens Sabine Matthias Ulrike Stefan", "Brandt Hoffmann Keller Richter Vogel Wagner Lorenz"),
    ("FR", "France", "French", "Paris",
     "Claire Jean-Luc Sophie Thierry Amelie Laurent Mathilde Olivier", "Durand Lefevre Moreau Girard Rousseau Fontaine Mercier"),
    ("GB", "United Kingdom", "British", "London",
     "Oliver Harriet James Fiona Richard Imogen David Catherine", "Ashworth Pemberton Hale Whitaker Carrington Ellison Grant"),
    ("US", "United States", "American", "Washington",
     "Michael Jennifer Robert Karen Daniel Linda Thomas Rebecca", "Carter Holloway Brennan Mitchell Sullivan Reyes Patterson"),
    ("NO", "Norway", "Norwegian", "Oslo",
     "Jon Ingrid Espen Kari Henrik Silje Anders Marit", "Fredriksen Haugland Berge Solberg Nygaard Dahl Lie"),
    ("SE", "Sweden", "Swedish", "Stockholm",
     "Karin Erik Johanna Magnus Elin Gustav Ulf Maria", "Lindqvist Bergstrom Sandberg Holm Nyberg Ekstrom Wallin"),
    ("FI", "Finland", "Finnish", "Helsinki",
     "Elina Mikko Aino Juha Pekka Satu Antti Heidi", "Virtanen Koskinen Laine Heikkinen Makela Salonen Rantanen"),
    ("DK", "Denmark", "Danish", "Copenhagen",
     "Mette Lars Sofie Rasmus Anne Jakob Troels Pernille", "Christensen Madsen Kjaer Thomsen Vestergaard Norgaard"),
    ("EE", "Estonia", "Estonian", "Tallinn",
     "Kaja Margus Kristjan Liina Hanno Urmas", "Tamm Saar Sepp Magi Kask Rebane"),
    ("LV", "Latvia", "Latvian", "Riga",
     "Edgars Baiba Krisjanis Inese Arturs Ilze", "Berzins Kalnins Ozols Liepins Krumins"),
    ("LT", "Lithuania", "Lithuanian", "Vilnius",
     "Gabrielius Ingrida Dovile Laurynas Arvydas Rasa", "Kazlauskas Petrauskas Jankauskas Stankevicius Vasiliauskas"),
    ("NL", "Netherlands", "Dutch", "The Hague",
     "Wopke Kajsa Ruben Hanke Maarten Femke", "de Vries Jansen Bakker Visser Smit Meijer"),
    ("BE", "Belgium", "Belgian", "Brussels",
     "Hadja Ludivine Koen Sophie Pieter Elke", "Peeters Janssens Maes Claes Dubois Lambert"),
    ("IT", "Italy", "Italian", "Rome",
     "Giorgia Antonio Chiara Guido Francesca Matteo", "Bianchi Romano Colombo Ricci Marino Greco"),
    ("ES", "Spain", "Spanish", "Madrid",
     "Margarita Jose Lucia Fernando Pilar Javier", "Garcia Robles Navarro Serrano Ortega Delgado"),
    ("CZ", "Czechia", "Czech", "Prague",
     "Jana Petr Lenka Jan Tereza Vit", "Novak Dvorak Cerny Prochazka Kucera Vesely"),
    ("RO", "Romania", "Romanian", "Bucharest",
     "Luminita Bogdan Ioana Mihai Andreea Radu", "Popescu Ionescu Dumitru Stan Marin Tudor"),
    ("MD", "Moldova", "Moldovan", "Chisinau",
     "Maia Mihai Natalia Ion Doina Vlad", "Sandu Popa Rusu Ciobanu Munteanu"),
    ("GE", "Georgia", "Georgian", "Tbilisi",
     "Nino Giorgi Tamar Davit Ketevan Levan", "Beridze Kapanadze Gelashvili Lomidze Tsiklauri"),
    ("TR", "Turkey", "Turkish", "Ankara",
     "Mevlut Ayse Hakan Elif Kemal Zeynep", "Yilmaz Demir Sahin Celik Aydin Ozturk"),
    ("JP", "Japan", "Japanese", "Tokyo",
     "Yoko Hiroshi Kenji Akiko Takeshi Emi", "Tanaka Watanabe Suzuki Kobayashi Yamamoto Nakamura"),
    ("KR", "South Korea", "South Korean", "Seoul",
     "Jin-ho Min-ji Sung-min Hye-jin Dong-hyun", "Kim Park Choi Jung Kang Yoon"),
    ("CA", "Canada", "Canadian", "Ottawa",
     "Melanie Chrystia Bill Anita Dominic Mona", "Joly Tremblay Gagnon Roy Campbell MacLeod"),
    ("AU", "Australia", "Australian", "Canberra",
     "Penny Richard Marise Tim Clare Pat", "Wong Marles Fletcher Conroy Watts Hastie"),
    ("IN", "India", "Indian", "New Delhi",
     "Subrahmanyam Nirmala Rajesh Priya Anil Meera", "Sharma Iyer Menon Reddy Kapoor Verma"),
    ("CN", "China", "Chinese", "Beijing",
     "Wei Lijun Jianguo Xiaoming Hua Yun", "Wang Li Zhang Liu Chen Zhao"),
    ("BR", "Brazil", "Brazilian", "Brasilia",
     "Mauro Celso Ana Paulo Beatriz Rodrigo", "Vieira Amorim Souza Costa Almeida Ferreira"),
    ("ZA", "South Africa", "South African", "Pretoria",
     "Naledi Ronald Thandi Sipho Lindiwe Kgosi", "Pandor Lamola Nkosi Dlamini Mokoena Khumalo"),
    ("SA", "Saudi Arabia", "Saudi", "Riyadh",
     "Faisal Adel Khalid Abdullah Turki", "Al Saud Al Jubeir Al Otaibi Al Harbi Al Qahtani"),
    ("AE", "United Arab Emirates", "Emirati", "Abu Dhabi",
     "Abdullah Reem Anwar Mariam Khalifa", "Al Nahyan Al Hashimy Gargash Al Mazrouei"),
    ("IL", "Israel", "Israeli", "Jerusalem",
     "Eli Yael Gideon Tamar Avi Noa", "Cohen Levi Mizrahi Peretz Biton Friedman"),
    ("EG", "Egypt", "Egyptian", "Cairo",
     "Sameh Badr Mona Ahmed Rania Tarek", "Shoukry Abdelatty Hassan Mansour Farouk"),
    ("KZ", "Kazakhstan", "Kazakh", "Astana",
     "Murat Aizhan Yerlan Dana Nurlan Saule", "Nurtleu Tokayev Abenov Seitkali Zhaksylyk"),
    ("RS", "Serbia", "Serbian", "Belgrade",
     "Marko Ana Nikola Jelena Dusan Milica", "Jovanovic Petrovic Nikolic Markovic Djuric"),
]  # fmt: skip

# Ukrainian given names and surnames have several Latin spellings in the press.
VARIANTS = {
    "Serhii": ["Sergiy", "Serhiy"],
    "Oleksandr": ["Olexander", "Aleksandr"],
    "Andrii": ["Andriy", "Andrey"],
    "Mykola": ["Nikolai"],
    "Dmytro": ["Dmitro", "Dmitry"],
    "Yuliia": ["Yulia", "Iuliia"],
    "Hnatiuk": ["Gnatiuk", "Hnatyuk"],
    "Savchuk": ["Savchouk"],
    "Zhuravel": ["Zhuravl"],
    "Tkachenko": ["Tkatchenko"],
}

ROLES = [
    ("President", 1),
    ("Prime Minister", 1),
    ("Foreign Minister", 3),
    ("Minister of Foreign Affairs", 2),
    ("Defense Minister", 3),
    ("Minister of Defence", 1),
    ("Deputy Foreign Minister", 2),
    ("Deputy Defense Minister", 2),
    ("National Security Adviser", 1),
    ("Ambassador", 3),
    ("Minister of Economy", 1),
    ("Chief of the General Staff", 1),
    ("Energy Minister", 1),
    ("Special Envoy", 1),
]

# short name, full name, head's title, seat
ORGANIZATIONS = [
    ("NATO", "the North Atlantic Alliance", "Secretary General", "Brussels"),
    ("EU", "the European Union", "High Representative", "Brussels"),
    ("OSCE", "the Organization for Security and Co-operation in Europe", "Secretary General", "Vienna"),
    ("UN", "the United Nations", "Under-Secretary-General", "New York"),
    ("IAEA", "the International Atomic Energy Agency", "Director General", "Vienna"),
    ("G7", "the Group of Seven", "chair", "Rome"),
    ("AU", "the African Union", "Commission Chairperson", "Addis Ababa"),
    ("ASEAN", "the Association of Southeast Asian Nations", "Secretary-General", "Jakarta"),
]
VENUES = ["Brussels", "Geneva", "Vienna", "New York", "Munich", "Ramstein", "Istanbul", "Davos", "The Hague"]

# taxonomy id -> phrases an article uses for it
TOPICS: dict[str, list[str]] = {
    "air-defense": ["air defense systems", "additional Patriot batteries", "interceptor missiles",
                    "protection of the skies over critical infrastructure"],
    "ammunition": ["artillery ammunition", "155-millimetre shells", "joint procurement of munitions"],
    "armor-artillery": ["armored vehicles", "self-propelled howitzers", "main battle tanks"],
    "drones": ["unmanned aerial systems", "joint drone production", "interceptor drones"],
    "electronic-warfare": ["electronic warfare capabilities", "counter-jamming equipment", "radar systems"],
    "long-range-strike": ["long-range strike capabilities", "deep-strike missiles"],
    "combat-aircraft": ["fighter jets", "pilot training on F-16 aircraft", "combat aviation"],
    "defense-industry": ["joint defense production", "investment in the defense industry",
                         "localization of weapons manufacturing"],
    "military-aid": ["the next military aid package", "deliveries of weapons", "military assistance"],
    "financial-aid": ["budget support", "macro-financial assistance", "the use of frozen Russian assets"],
    "training": ["training of brigades", "the training mission", "instruction for junior officers"],
    "force-generation": ["forming new brigades", "building up reserves", "mobilization and recruitment"],
    "nato-membership": ["the path to NATO membership", "Euro-Atlantic integration", "interoperability with NATO"],
    "eu-accession": ["EU accession negotiations", "the opening of accession clusters", "European integration"],
    "sanctions": ["new sanctions", "enforcement of sanctions", "closing sanctions loopholes"],
    "security-guarantees": ["security guarantees", "the bilateral security agreement", "the coalition of the willing"],
    "peace-process": ["the peace formula", "a just and lasting peace", "prospects for a ceasefire"],
    "energy": ["energy security", "repairs to the power grid", "gas supplies for the winter"],
    "reconstruction": ["reconstruction of damaged cities", "the recovery conference", "rebuilding housing"],
    "intelligence": ["intelligence sharing", "the enemy's plans for the coming months"],
    "humanitarian": ["humanitarian aid", "the return of prisoners of war", "the return of deported children"],
    "trade-economy": ["trade and investment", "economic cooperation", "a free trade agreement"],
    "regional-security": ["security in the Black Sea region", "hybrid threats", "deterrence on the eastern flank"],
    "cyber": ["cyber defense", "protection against cyber attacks"],
    "maritime": ["the grain corridor", "maritime security", "demining of sea lanes"],
    "nonproliferation": ["nuclear nonproliferation", "arms control"],
    "counterterrorism": ["counterterrorism cooperation", "the prevention of terrorism"],
    "climate-environment": ["climate policy", "environmental damage caused by the war"],
    "health": ["support for hospitals", "public health cooperation"],
    "migration": ["border management", "migration flows"],
    "science-technology": ["cooperation in artificial intelligence", "joint research programmes"],
    "culture-education": ["educational exchanges", "protection of cultural heritage"],
}  # fmt: skip
TOPIC_WEIGHTS = {"air-defense": 6, "military-aid": 6, "sanctions": 4, "energy": 3, "defense-industry": 4,
                 "nato-membership": 3, "eu-accession": 3, "financial-aid": 3, "peace-process": 3}  # fmt: skip

OUTLETS = [
    ("The Meridian Courier", "meridiancourier.example"),
    ("Baltic Wire", "balticwire.example"),
    ("Foreign Desk Daily", "foreigndesk.example"),
    ("Continental Ledger", "continentalledger.example"),
    ("Kyiv Morning Report", "kyivmorning.example"),
    ("Northern Dispatch", "northerndispatch.example"),
    ("Atlantic Observer", "atlanticobserver.example"),
    ("Defence Brief", "defencebrief.example"),
    ("Capital Chronicle", "capitalchronicle.example"),
    ("Eastern Flank News", "easternflank.example"),
    ("Ministry press service", "mfa-press.example"),
    ("World Affairs Bulletin", "worldaffairs.example"),
]
AUTHORS = [
    "Anna Weller",
    "Mark Osei",
    "Lena Brook",
    "Ivan Petrenko",
    "Sara Lindgren",
    "Tom Keane",
    "Olga Marsh",
    "Ravi Desai",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
START, DAYS = dt.date(2016, 1, 1), 10 * 365

# --- sentences ---------------------------------------------------------------------------------

FILLER = [
    "{cname} has been among the most consistent supporters of the effort since the beginning of the war.",
    "Officials in {capital} say the coming months will be decisive for {topic}.",
    "Analysts note that {topic} has moved to the top of the agenda in {capital} this year.",
    "According to figures published last month, spending on {topic} rose by {pct} percent.",
    "The government in {capital} approved a new package of measures on {topic} in {month}.",
    "Parliament is expected to vote on the related legislation before the end of {month}.",
    "Critics argue that progress on {topic} has been slower than promised.",
    "The issue of {topic} was also raised at the previous round of consultations.",
    "Experts caution that {topic} will require sustained funding over several years.",
    "In {month}, a working group on {topic} met for the first time.",
    "The ministry said that {num} experts would be involved in the work on {topic}.",
    "{cname} allocated about {amount} to {topic} over the past twelve months.",
    "Opposition lawmakers in {capital} have called for more transparency on {topic}.",
    "A joint statement on {topic} is being prepared by the two ministries.",
    "Several partners have signalled readiness to join the initiative on {topic}.",
    "The previous agreement on {topic} expires at the end of next year.",
    "Observers expect further announcements on {topic} at the summit in {venue}.",
    "Diplomats in {venue} describe the talks on {topic} as constructive but difficult.",
    "The sides have cooperated on {topic} since {year}.",
    "Public opinion polls in {cname} show broad support for {topic}.",
    "The cost of {topic} is estimated at {amount}, according to the finance ministry.",
    "A delegation of {num} officials travelled to {capital} earlier this month.",
    "The regional governor welcomed the decision and thanked international partners.",
    "Russian strikes on energy facilities continued overnight, local authorities reported.",
    "The air raid alert lasted for more than {num} minutes in several regions.",
    "The next round of consultations is planned for {month}.",
    "No details of the financial terms were disclosed.",
    "The ministry did not comment on the timing of the deliveries.",
    "Earlier, the cabinet approved a plan to simplify procedures for foreign investors.",
    "The statement stressed the importance of unity among allies.",
    "Independent monitors have documented the damage in a report released this week.",
    "Both capitals have exchanged more than {num} official visits over the past decade.",
    "Trade between the two countries reached {amount} last year.",
    "The initiative is coordinated with the European Commission and other partners.",
    "Training centres in {cname} have already hosted {num} servicemen this year.",
    "The foreign ministry in {capital} summoned the chargé d'affaires over the incident.",
    "Energy companies reported that repairs would take at least {num} days.",
    "The programme on {topic} will be reviewed at the end of the year.",
    "Local media reported long queues at the border crossing near {capital}.",
    "The parliament of {cname} ratified the agreement with a large majority.",
    "The European Commission proposed to extend the measures for another {num} months.",
    "A new office dealing with {topic} opened in {capital} in {month}.",
    "Some partners prefer to wait for the results of the review before committing to {topic}.",
    "The defence ministry published a list of priorities that includes {topic}.",
    "The central bank of {cname} kept its key rate unchanged at {pct} percent.",
    "Last year, {cname} and its neighbours signed a memorandum on {topic}.",
    "The talks in {venue} were the {ordinal} such meeting this year.",
    "According to diplomats, a compromise on {topic} is within reach.",
    "More than {num} companies have applied to take part in the projects.",
    "The mayor of {capital} said the city had received new equipment from partners.",
    "The government will present a detailed report on {topic} to parliament in {month}.",
    "In {year}, a similar agreement on {topic} was signed but never fully implemented.",
    "Rail traffic between the capitals resumed after a pause of {num} days.",
    "Volunteers collected {amount} for the needs of frontline hospitals.",
    "A group of {num} lawmakers sent a letter urging faster decisions on {topic}.",
    "The exhibition of defence technologies in {capital} drew visitors from {num} countries.",
    "The statement did not mention the timeline for {topic}.",
    "Negotiators in {venue} worked late into the night on the final text.",
    "The ministry warned of disinformation campaigns targeting {cname}.",
    "{cname} is expected to host the next conference on {topic} in {month}.",
]
QUOTES = [
    "We will not slow down our support, and we will keep our promises.",
    "Our priority remains clear: to protect people and critical infrastructure.",
    "This is a long-term commitment, not a one-off gesture.",
    "Every delivery saves lives, and every delay costs them.",
    "We agreed on concrete next steps and a timetable for them.",
    "Security in Europe is indivisible.",
    "Our cooperation is built on trust and on shared values.",
    "We discussed what can be done in the coming weeks, not in the coming years.",
]
BOILERPLATE = {
    "txt": ["Share this article", "Follow us on social media", "Subscribe to our newsletter",
            "Read also: {other}", "All rights reserved.", "Advertisement"],
    "nav": ["Home", "World", "Politics", "Defence", "Economy", "Opinion", "Contacts"],
}  # fmt: skip


# --- the world: people and meetings ----------------------------------------------------------------


@dataclass(eq=False)
class Person:
    given: str
    surname: str
    role: str
    country: str | None
    organization: str | None = None
    variants: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.given} {self.surname}"


@dataclass
class MeetingSpec:
    kind: str  # visit | call | video | ministerial | talks
    date: dt.date
    precision: str  # day | month | none
    people: list[Person]
    countries: list[str]
    organizations: list[str]
    topics: list[str]
    location: str | None
    format: str | None
    serial: int = 0  # which distinct meeting this is (re-reports share it)


def _weighted(rng: random.Random, pairs):
    items, weights = zip(*pairs, strict=True)
    return rng.choices(items, weights=weights)[0]


class World:
    """People, organizations and the schedule of meetings, all fixed by the seed."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"world:{seed}")
        self.seed = seed
        self.people: list[Person] = []
        seen: set[str] = set()
        for code, _name, _dem, _cap, givens, surnames in COUNTRIES:
            g, s = givens.split(), _surnames(surnames)
            n_people = 120 if code == "UA" else 60
            for _ in range(n_people):
                for _attempt in range(20):
                    p = Person(rng.choice(g), rng.choice(s), _weighted(rng, ROLES), code)
                    if p.name not in seen:
                        break
                if p.name in seen:
                    continue
                seen.add(p.name)
                p.variants = _variants(p)
                self.people.append(p)
        for short, _full, title, _seat in ORGANIZATIONS:
            for _ in range(3):
                code, *_rest, givens, surnames = rng.choice(COUNTRIES)
                p = Person(rng.choice(givens.split()), rng.choice(_surnames(surnames)), title, None, short)
                if p.name not in seen:
                    seen.add(p.name)
                    self.people.append(p)
        rng.shuffle(self.people)
        # Zipf-like popularity: a few people are in the news every week, most rarely.
        self.weights = [1.0 / (i + 1) ** 0.75 for i in range(len(self.people))]
        self.by_country: dict[str, list[Person]] = {}
        for p in self.people:
            if p.country:
                self.by_country.setdefault(p.country, []).append(p)
        self.country_weights = {
            c[0]: (4 if c[0] == "UA" else 2 if i < 14 else 1) for i, c in enumerate(COUNTRIES)
        }

    def person(self, rng: random.Random, country: str | None = None, exclude=()) -> Person:
        if country:
            pool = [p for p in self.by_country[country] if p not in exclude]
            return rng.choice(pool[: max(3, len(pool) // 2)] if rng.random() < 0.7 else pool)
        while True:
            p = rng.choices(self.people, weights=self.weights)[0]
            if p not in exclude:
                return p

    def country(self, rng: random.Random, exclude=()) -> str:
        codes = [c for c in self.country_weights if c not in exclude]
        return rng.choices(codes, weights=[self.country_weights[c] for c in codes])[0]

    def meeting(self, rng: random.Random) -> MeetingSpec:
        kind = _weighted(rng, [("visit", 3), ("call", 3), ("video", 2), ("ministerial", 1), ("talks", 3)])
        date = START + dt.timedelta(days=rng.randrange(DAYS))
        precision = _weighted(rng, [("day", 85), ("month", 10), ("none", 5)])
        n_topics = rng.choice([1, 2, 2, 3, 3, 4, 5])
        topics = list(
            dict.fromkeys(
                rng.choices(list(TOPICS), weights=[TOPIC_WEIGHTS.get(t, 1) for t in TOPICS], k=n_topics)
            )
        )
        orgs: list[str] = []
        if kind == "ministerial":
            org = rng.choice(ORGANIZATIONS[:6])
            orgs = [org[0]]
            host = self.person(rng, self.country(rng))
            others = [self.person(rng, self.country(rng, {host.country})) for _ in range(rng.randint(0, 2))]
            people = list(dict.fromkeys([host, *others]))
            extra = {self.country(rng) for _ in range(rng.randint(2, 9))}
            countries = list(dict.fromkeys([*(p.country for p in people if p.country), *sorted(extra)]))
            location, fmt = rng.choice([org[3], *VENUES]), "in-person"
            if rng.random() < 0.3:
                location, fmt = None, "video"
            return MeetingSpec(kind, date, precision, people, countries, orgs, topics, location, fmt)
        a = self.person(rng)
        if a.organization:
            orgs = [a.organization]
        b_country = self.country(rng, {a.country})
        b = self.person(rng, b_country, exclude={a})
        people = [a, b]
        if rng.random() < 0.15:
            people.append(self.person(rng, self.country(rng, {a.country, b.country}), exclude=set(people)))
        countries = list(dict.fromkeys(p.country for p in people if p.country))
        fmt = {"visit": "in-person", "talks": "in-person", "call": "phone", "video": "video"}[kind]
        location = None
        if kind == "visit":
            location = _capital(b.country)
        elif kind == "talks":
            location = rng.choice([_capital(a.country), _capital(b.country), rng.choice(VENUES)])
            if rng.random() < 0.2:
                fmt, location = None, None
        return MeetingSpec(kind, date, precision, people, countries, orgs, topics, location, fmt)


def _surnames(text: str) -> list[str]:
    if text.startswith(("Al ", "de ")):  # multi-word surnames
        return re.findall(r"(?:Al|de) \S+|[A-Z]\S+", text)
    return text.split()


def _variants(p: Person) -> list[str]:
    out = []
    for g in [p.given, *VARIANTS.get(p.given, [])]:
        for s in [p.surname, *VARIANTS.get(p.surname, [])]:
            out.append(f"{g} {s}")
    return out[1:]


LOWER_AFTER_CONNECTOR = {"On", "During", "Today", "Recently", "Earlier", "This", "Ministers", "In"}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _capital(code: str | None) -> str | None:
    for c in COUNTRIES:
        if c[0] == code:
            return c[3]
    return None


def _cinfo(code: str) -> tuple[str, str, str, str, str, str]:
    for c in COUNTRIES:
        if c[0] == code:
            return c
    raise KeyError(code)


# --- articles ----------------------------------------------------------------------------------------


@dataclass
class Plan:
    index: int
    meetings: list[MeetingSpec]
    published: dt.date
    outlet: tuple[str, str]
    fmt: str  # txt | md | html


def plans(world: World) -> Iterator[Plan]:
    """The article schedule: which meetings each article reports (a prefix never depends on N)."""
    seed = world.seed
    rng = random.Random(f"plan:{seed}")
    recent: list[MeetingSpec] = []
    index, serial = 0, 0
    while True:
        r = rng.random()
        meetings: list[MeetingSpec]
        if r < 0.12:
            meetings = []
        elif r < 0.27 and recent:  # another outlet reports a meeting already reported
            meetings = [rng.choice(recent[-300:])]
        else:
            n = _weighted(rng, [(1, 82), (2, 15), (3, 3)])
            meetings = [world.meeting(rng) for _ in range(n)]
            for m in meetings:
                m.serial, serial = serial, serial + 1
            recent.extend(meetings)
            if len(recent) > 600:
                del recent[:300]
        if meetings:
            published = max(m.date for m in meetings) + dt.timedelta(days=rng.choice([0, 0, 1, 1, 2]))
        else:
            published = START + dt.timedelta(days=rng.randrange(DAYS))
        fmt = _weighted(rng, [("txt", 60), ("md", 25), ("html", 15)])
        yield Plan(index, meetings, published, rng.choice(OUTLETS), fmt)
        index += 1


class Writer:
    """Turns a Plan into article text (and the truth record) with its own RNG."""

    def __init__(self, world: World, plan: Plan) -> None:
        self.rng = random.Random(f"article:{world.seed}:{plan.index}")
        self.world = world
        self.plan = plan
        self.mentioned: set[str] = set()
        self.spelling: dict[str, str] = {}
        self.fillers: list[str] = []

    def name(self, p: Person) -> str:
        """The spelling this outlet uses (transliterations vary between outlets), fixed per article."""
        if p.name not in self.spelling:
            pick = p.name
            if p.variants and self.rng.random() < 0.35:
                pick = self.rng.choice(p.variants)
            self.spelling[p.name] = pick
        return self.spelling[p.name]

    def ref(self, p: Person, with_role: bool = True) -> str:
        full = self.name(p)
        if full in self.mentioned:
            return full.split()[-1] if self.rng.random() < 0.7 else full
        self.mentioned.add(full)
        if not with_role:
            return full
        if p.organization:
            return f"{p.organization} {p.role} {full}"
        cname = _cinfo(p.country)[1] if p.country else ""
        return self.rng.choice(
            [
                f"{p.role} {full}",
                f"{_possessive(cname)} {p.role} {full}",
                f"{_cinfo(p.country)[2]} {p.role} {full}",
            ]
        )

    def date_phrase(self, m: MeetingSpec) -> str:
        if m.precision == "none":
            return self.rng.choice(["recently", "earlier", "this week"])
        if m.precision == "month":
            return f"in {m.date:%B}" if m.date.year == self.plan.published.year else f"in {m.date:%B %Y}"
        delta = (self.plan.published - m.date).days
        options = [
            f"on {m.date:%B} {m.date.day}",
            f"on {m.date.day} {m.date:%B}",
            f"on {m.date:%B} {m.date.day}, {m.date.year}",
        ]
        if 0 < delta < 6:
            options.append(f"on {WEEKDAYS[m.date.weekday()]}")
        if delta == 0:
            options.append("today")
        return self.rng.choice(options)

    def topic_text(self, topics: list[str]) -> tuple[str, list[str]]:
        phrases = [self.rng.choice(TOPICS[t]) for t in topics]
        if len(phrases) == 1:
            return phrases[0], phrases
        return ", ".join(phrases[:-1]) + " and " + phrases[-1], phrases

    def meeting_sentence(self, m: MeetingSpec) -> str:
        rng, when = self.rng, self.date_phrase(m)
        if m.kind == "ministerial":
            org = next(o for o in ORGANIZATIONS if o[0] == m.organizations[0])
            host = self.ref(m.people[0])
            names = ", ".join(_cinfo(c)[1] for c in m.countries[1:-1])
            clist = f"{names} and {_cinfo(m.countries[-1])[1]}" if names else _cinfo(m.countries[-1])[1]
            where = f"in {m.location}" if m.location else "by video link"
            return rng.choice(
                [
                    f"Ministers from {clist} gathered {where} {when} for a {org[0]} meeting chaired by {host}.",
                    f"{host} hosted a {org[0]} ministerial {where} {when}, attended by representatives of {clist}.",
                ]
            )
        a, b = m.people[0], m.people[1]
        ra, rb = self.ref(a), self.ref(b)
        third = f" and {self.ref(m.people[2])}" if len(m.people) > 2 else ""
        if m.kind == "call":
            return rng.choice(
                [
                    f"{ra} held a phone call with {rb}{third} {when}.",
                    f"{_cap(when)}, {ra} spoke by telephone with {rb}{third}, the press service reported.",
                    f"{ra} and {rb}{third} had a telephone conversation {when}.",
                ]
            )
        if m.kind == "video":
            return rng.choice(
                [
                    f"{ra} held a video conference with {rb}{third} {when}.",
                    f"{_cap(when)}, {ra} and {rb}{third} met online in a video call.",
                ]
            )
        if m.kind == "visit":
            return rng.choice(
                [
                    f"{ra} arrived in {m.location} {when} for talks with {rb}{third}.",
                    f"During a visit to {m.location} {when}, {ra} met {rb}{third}.",
                    f"{rb} received {ra}{third} in {m.location} {when}.",
                ]
            )
        where = f" in {m.location}" if m.location else ""
        return rng.choice(
            [
                f"{ra} met {rb}{third}{where} {when}.",
                f"{ra} held talks with {rb}{third}{where} {when}.",
                f"{_cap(when)}, {ra} and {rb}{third} held a meeting{where}.",
            ]
        )

    def filler(self, countries: list[str], topics: list[str]) -> str:
        rng = self.rng
        code = rng.choice(countries) if countries and rng.random() < 0.7 else rng.choice(COUNTRIES)[0]
        info = _cinfo(code)
        topic = rng.choice(TOPICS[rng.choice(topics)] if topics else rng.choice(list(TOPICS.values())))
        if not self.fillers:
            self.fillers = rng.sample(FILLER, len(FILLER))
        return self.fillers.pop().format(
            cname=info[1],
            capital=info[3],
            topic=topic,
            pct=rng.randint(3, 60),
            month=rng.choice(["January", "March", "May", "June", "September", "October", "December"]),
            num=rng.randint(3, 400),
            amount=f"{rng.randint(2, 900)} million euros",
            venue=rng.choice(VENUES),
            year=rng.randint(1995, 2020),
            ordinal=rng.choice(["second", "third", "fourth", "fifth"]),
        )

    def write(self) -> tuple[str, str, dict]:
        """(file name, file content, truth record)."""
        rng, plan = self.rng, self.plan
        paragraphs: list[str] = []
        truths = []
        target = int(min(1100, max(250, rng.lognormvariate(6.2, 0.3))))
        for k, m in enumerate(plan.meetings):
            lead = self.meeting_sentence(m)
            if k:
                first, rest = lead.split(" ", 1)
                if first in LOWER_AFTER_CONNECTOR:
                    first = first.lower()
                lead = f"{rng.choice(['Separately,', 'Later that week,', 'In a separate meeting,'])} {first} {rest}"
            topic_text, _ = self.topic_text(m.topics)
            said = self.ref(m.people[0], with_role=False).split()[-1]
            quote = rng.choice(QUOTES)[:-1]
            body = [
                lead,
                rng.choice(
                    [
                        f"The sides discussed {topic_text}.",
                        f"The talks focused on {topic_text}.",
                        f"According to the readout, the agenda included {topic_text}.",
                    ]
                ),
                rng.choice([f"\u201c{quote},\u201d {said} said.", f"{said} said: \u201c{quote}.\u201d"]),
            ]
            paragraphs.append(" ".join(body))
            truths.append(self.truth(m, lead))
        countries = [c for m in plan.meetings for c in m.countries]
        topics = [t for m in plan.meetings for t in m.topics]
        if not plan.meetings:
            p = self.rng.choice(self.world.people[:200])
            paragraphs.append(
                f"{self.ref(p)} said in a statement that {self.rng.choice(TOPICS[self.rng.choice(list(TOPICS))])} "
                "would remain a priority for the government."
            )
        words = sum(len(p.split()) for p in paragraphs)
        while words < target:
            para = " ".join(self.filler(countries, topics) for _ in range(rng.randint(2, 5)))
            paragraphs.append(para)
            words += len(para.split())
        title = self.title(plan)
        return self.render(title, paragraphs, truths)

    def truth(self, m: MeetingSpec, evidence: str) -> dict:
        date = None
        if m.precision == "day":
            date = m.date.isoformat()
        elif m.precision == "month":
            date = m.date.strftime("%Y-%m")
        return {
            "date": date,
            "format": m.format,
            "location": m.location,
            "participants": [
                {"name": self.name(p), "role": p.role, "country": p.country, "organization": p.organization}
                for p in m.people
            ],
            "countries": list(m.countries),
            "organizations": list(m.organizations),
            "topics": list(m.topics),
            "evidence": evidence,
        }

    def title(self, plan: Plan) -> str:
        rng = self.rng
        if not plan.meetings:
            t = rng.choice(list(TOPICS))
            return rng.choice(
                [f"What comes next for {TOPICS[t][0]}", f"Analysis: the debate over {TOPICS[t][-1]}",
                 f"{rng.choice(COUNTRIES)[1]} weighs its options on {TOPICS[t][0]}"]
            )  # fmt: skip
        m = plan.meetings[0]
        a = m.people[0]
        who = a.surname if rng.random() < 0.5 else (_cinfo(a.country)[1] if a.country else a.organization)
        other = _cinfo(m.countries[1])[1] if len(m.countries) > 1 else "partners"
        topic = TOPICS[m.topics[0]][0]
        return rng.choice(
            [f"{who} and {other} discuss {topic}", f"{who} meets {other} counterpart, focus on {topic}",
             f"Talks {'in ' + m.location if m.location else 'by ' + (m.format or 'video')}: {topic} on the agenda",
             f"{other} pledges support on {topic} after talks with {who}"]
        )  # fmt: skip

    def render(self, title: str, paragraphs: list[str], truths: list[dict]) -> tuple[str, str, dict]:
        rng, plan = self.rng, self.plan
        outlet, domain = plan.outlet
        slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:48]
        stamp = f"{plan.published:%Y}/{plan.published:%m}"
        url = f"https://{domain}/{stamp}/{slug}-{plan.index}"
        author = rng.choice(AUTHORS)
        hour = f"{rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}"
        name = f"{stamp}/{plan.index:06d}-{slug}.{plan.fmt}"
        other = f"{rng.choice(COUNTRIES)[1]} and the future of {rng.choice(list(TOPICS))}"
        if plan.fmt == "txt":
            published = rng.choice(
                [plan.published.isoformat(), f"{plan.published:%B} {plan.published.day}, {plan.published.year} {hour}",
                 f"{plan.published.day} {plan.published:%B %Y}, {hour}"]
            )  # fmt: skip
            head = [title, "", f"Published: {published}"]
            if rng.random() < 0.5:
                head.append(f"By {author}, {outlet}")
            foot = [x.format(other=other) for x in rng.sample(BOILERPLATE["txt"], rng.randint(1, 3))]
            foot.append(f"\u00a9 {plan.published.year} {outlet}. All rights reserved.")
            content = "\n".join(head) + "\n\n" + "\n\n".join(paragraphs) + "\n\n" + "\n".join(foot) + "\n"
        elif plan.fmt == "md":
            fm = {
                "title": title,
                "date": plan.published.isoformat(),
                "outlet": outlet,
                "url": url,
                "author": author,
                "tags": sorted({t for m in truths for t in m["topics"]})[:3],
            }
            front = (
                "---\n"
                + "\n".join(f"{k}: {json.dumps(v, ensure_ascii=False)}" for k, v in fm.items())
                + "\n---\n"
            )
            body = []
            for i, p in enumerate(paragraphs):
                if i and i % 3 == 0:
                    body.append(
                        f"## {rng.choice(['Background', 'Context', 'What was agreed', 'Next steps', 'Reactions'])}"
                    )
                body.append(p)
            body.append(f"*Read also:* [{other}](https://{domain}/related/{plan.index + 1})")
            content = front + f"\n# {title}\n\n" + "\n\n".join(body) + "\n"
        else:
            e = html.escape
            nav = "".join(f'<li><a href="/{x.lower()}">{x}</a></li>' for x in BOILERPLATE["nav"])
            paras = "\n".join(f"<p>{e(p)}</p>" for p in paragraphs)
            content = (
                '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                f"<title>{e(title)} | {e(outlet)}</title>"
                f'<meta property="og:title" content="{e(title)}">'
                f'<meta property="og:site_name" content="{e(outlet)}">'
                f'<meta property="article:published_time" content="{plan.published.isoformat()}T{hour}:00Z">'
                f'<link rel="canonical" href="{url}"></head>\n<body>'
                f'<header><div class="logo">{e(outlet)}</div><nav><ul>{nav}</ul></nav></header>\n'
                f"<main><article><h1>{e(title)}</h1>"
                f'<div class="byline">By {e(author)} \u2022 <time datetime="{plan.published.isoformat()}">'
                f"{plan.published:%d %B %Y}</time></div>\n{paras}\n</article>"
                f'<aside><h3>Most read</h3><ul><li><a href="/x">{e(other)}</a></li></ul></aside></main>\n'
                f"<footer><p>\u00a9 {plan.published.year} {e(outlet)}. All rights reserved.</p>"
                '<p><a href="/privacy">Privacy</a> | <a href="/cookies">Cookies</a></p></footer>'
                "</body></html>\n"
            )
        truth = {
            "file": name.rsplit("/", 1)[-1],
            "title": title,
            "published": plan.published.isoformat(),
            "meetings": truths,
        }
        return name, content, truth


def articles(seed: int = 1) -> Iterator[tuple[Plan, str, str, dict]]:
    """(plan, relative file name, content, truth) for article 0, 1, 2, ... of this seed's corpus."""
    w = World(seed)
    for plan in plans(w):
        yield (plan, *Writer(w, plan).write())


def generate(
    out: Path, *, n_articles: int | None = None, n_meetings: int | None = None, seed: int = 1
) -> dict:
    """Write articles/ and truth.jsonl under `out`; stop at n_articles, or once n_meetings distinct
    meetings have been reported. Returns counts."""
    if (n_articles is None) == (n_meetings is None):
        raise ValueError("give either n_articles or n_meetings")
    root = out / "articles"
    root.mkdir(parents=True, exist_ok=True)
    made, words, size, meetings = 0, 0, 0, 0
    last_serial = -1
    with open(out / "truth.jsonl", "w", encoding="utf-8") as truth_file:
        for plan, name, content, truth in articles(seed):
            if n_articles is not None and made >= n_articles:
                break
            if n_meetings is not None and meetings >= n_meetings:
                break
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            data = content.encode("utf-8")
            path.write_bytes(data)
            truth_file.write(json.dumps(truth, ensure_ascii=False) + "\n")
            for m in plan.meetings:
                if m.serial > last_serial:  # a first report (re-reports have older serials)
                    last_serial = m.serial
                    meetings += 1
            made += 1
            size += len(data)
            words += len(re.sub(r"<[^>]+>", " ", content).split())
    counts = {
        "articles": made,
        "meetings": meetings,
        "bytes": size,
        "words_per_article": words // max(1, made),
    }
    (out / "corpus.json").write_text(json.dumps({"seed": seed, **counts}, indent=1) + "\n")
    return counts


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--articles", type=int)
    g.add_argument("--meetings", type=int, help="generate until this many distinct meetings are reported")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    counts = generate(args.out, n_articles=args.articles, n_meetings=args.meetings, seed=args.seed)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
