"""Time expressions: find them in a sentence and resolve them against the article's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from assistant.knowledge.prefilter import DEFER_CHARS, Guarded, Prefilter
from assistant.lazy_re import lazy_compile

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))"
_CLOCK = (
    r"(?:\b\d{1,2}(?::\d{2})?\s*(?i:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b(?:\s+local time)?)"
)

# Ordered longest-first so that "Tuesday, March 4, 2026" wins over "Tuesday".
_PATTERNS: list[tuple[str, str]] = [
    (
        "weekday_date",
        rf"\b(?:{_WEEKDAY},?\s+)?(?:{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b",
    ),
    (
        "day_month",
        rf"\b(?:{_WEEKDAY},?\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})(?:,?\s+\d{{4}})?\b",
    ),
    ("iso", r"\b\d{4}-\d{2}-\d{2}\b"),
    (
        "relative_month",
        # "mid-September" is written with a hyphen and no space.
        rf"\b(?:(?i:last|next|this|early|late|mid|earlier this|later this)\s+|(?i:mid)-)(?:{_MONTH})\b",
    ),
    ("month_year", rf"\b(?:(?:early|late|mid-?)\s*)?(?:{_MONTH})\s+\d{{4}}\b"),
    ("relative_weekday", rf"\b(?i:last|next|this|on|late|early)\s+{_WEEKDAY}{_PART}?\b"),
    ("weekday", rf"\b{_WEEKDAY}{_PART}?\b"),
    (
        "relative_period",
        r"\b(?i:last|next|this|earlier this|later this)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)\b",
    ),
    (
        "relative_day",
        r"\b(?i:yesterday|today|tomorrow|tonight)(?:\s+(?:morning|afternoon|evening|night))?\b"
        # Not "on the last night" (of a convention): a night of the story's own.
        r"|\b(?i:this\s+(?:morning|afternoon|evening)|(?<!the\s)last\s+night)\b",
    ),
    (
        "ago",
        r"\b(?i:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|months?|years?)\s+(?:ago|earlier|later)\b",
    ),
    ("clock", _CLOCK),
    # "In July, when ...": the preposition may open the sentence.
    ("month", rf"\b(?i:in|since|until|by|during|from)\s+(?:{_MONTH})\b(?!\s+\d)"),
    # "in an October blog post", "the March election": a month written as the modifier of a
    # noun dates what the noun names. Not "May" (a modal), nor a noun phrase that only begins
    # with the name ("the March on Washington", "the March for Life").
    (
        "month",
        r"(?:(?<=\b[Aa]n\s)|(?<=\b[Aa]\s)|(?<=\b[Tt]he\s)|(?<=\b[Ii]ts\s)|(?<=\b[Hh]is\s)"
        r"|(?<=\b[Hh]er\s)|(?<=\b[Tt]heir\s))"
        r"(?:January|February|March|April|June|July|August|September|October|November|December)"
        r"(?=\s+(?!(?:on|of|for|to|in|and|or|at|by)\b)[a-z])",
    ),
    ("year", r"\b(?i:in|since|until|by|during|from|of)\s+(?:19|20)\d{2}\b"),
    ("holiday", r"\b(?:New Year's (?:Day|Eve)|Christmas(?: Day| Eve)?|Labor Day|Easter)\b"),
    # "in the late 1990s": a span of years with no one date, so it resolves to nothing.
    ("decade", r"\b(?:(?i:early|mid|late)[- ])?(?:19|20)\d0s\b"),
    ("bare_year", r"\b(?:19|20)\d{2}\b(?!-)"),
]
_COMPILED = [(name, re.compile(pattern)) for name, pattern in _PATTERNS]
# What each pattern's matches must contain: a pattern is run only on a text holding it. Scanning
# a sentence for those strings costs far less than running the patterns (see prefilter.py).
_PREFILTER = Prefilter([pattern for _, pattern in _COMPILED], defer_chars=DEFER_CHARS)
# A bare month name is also a common word ("May", "March"); only accept it capitalised.
_CASE_SENSITIVE_WORDS = lazy_compile(
    r"^(?:(?:in|since|until|by|during|from|of|on|last|next|this|early|late|mid-?|earlier\s+this|later\s+this)\s*)+",
    re.I,
)
# A capitalised word right before: "Today" after it ends a name ("USA Today").
_NAME_BEFORE = lazy_compile(r"\b[A-Z][\w.'’-]*\s$")
_LEADING_WORD_KINDS = frozenset({"month", "relative_month", "month_year", "year"})


@dataclass(frozen=True)
class TimeMention:
    text: str
    start: int
    end: int
    kind: str
    iso: str | None


_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def _month_of(word: str) -> int | None:
    return MONTHS.get(
        word.lower().rstrip(".")[: 4 if word.lower().startswith("sept") else 3]
    ) or MONTHS.get(word.lower().rstrip("."))


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def resolve(text: str, kind: str, anchor: dt.date | None, tense: str | None = None) -> str | None:
    """Resolve one expression to an ISO date (YYYY-MM-DD), month (YYYY-MM) or year.

    `tense` ("past" or "future", from the sentence) decides which way a bare weekday points.
    """
    words = re.findall(r"[A-Za-z]+\.?|\d+", text)
    lower = [w.lower().rstrip(".") for w in words]
    numbers = [int(w) for w in words if w.isdigit()]
    year = next((n for n in numbers if n > 1000), None)
    month = next((_month_of(w) for w in words if _month_of(w) and not w.isdigit()), None)
    if kind == "iso":
        return text
    if kind in {"weekday_date", "day_month"} and month:
        day = next((n for n in numbers if n <= 31), None)
        if year is None and anchor is not None:
            year = anchor.year
            # "December 30" written in a January article is last year's.
            if month - anchor.month > 6:
                year -= 1
            elif anchor.month - month > 6:
                year += 1
        if year and day:
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return None
        return None
    if kind == "month_year" and month and year:
        return f"{year:04d}-{month:02d}"
    if kind in {"year", "bare_year"} and year:
        return str(year)
    if anchor is None:
        return None
    if kind in {"relative_month", "month"} and month:
        if "last" in lower or "earlier" in lower:
            y = anchor.year if month < anchor.month else anchor.year - 1
        elif "next" in lower:
            y = anchor.year if month > anchor.month else anchor.year + 1
        elif tense == "past":
            y = anchor.year if month <= anchor.month else anchor.year - 1
        elif tense == "future":
            y = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            y = anchor.year
        return f"{y:04d}-{month:02d}"
    if kind in {"weekday", "relative_weekday"}:
        day_name = next(w for w in lower if w in WEEKDAYS)
        target = WEEKDAYS[day_name]
        diff = target - anchor.weekday()
        if "last" in lower:
            diff = diff - 7 if diff >= 0 else diff
        elif "next" in lower:
            diff = diff + 7 if diff <= 0 else diff
        elif tense == "past":
            diff = diff - 7 if diff > 0 else diff
        elif tense == "future":
            diff = diff + 7 if diff < 0 else diff
        elif diff > 3:
            # Without a tense, a bare weekday is the nearest one, the past one on a tie.
            diff -= 7
        elif diff < -3:
            diff += 7
        return (anchor + dt.timedelta(days=diff)).isoformat()
    if kind == "ago":
        amount = next(iter(numbers), None)
        if amount is None:
            amount = _NUMBER_WORDS.get(lower[0], 1)
        unit = next(
            (w.rstrip("s") for w in lower if w.rstrip("s") in {"day", "week", "month", "year"}),
            "day",
        )
        sign = -1 if "ago" in lower or "earlier" in lower else 1
        if unit == "day":
            return (anchor + dt.timedelta(days=sign * amount)).isoformat()
        if unit == "week":
            return (anchor + dt.timedelta(weeks=sign * amount)).isoformat()
        if unit == "month":
            y, m = _shift_month(anchor.year, anchor.month, sign * amount)
            return f"{y:04d}-{m:02d}"
        return str(anchor.year + sign * amount)
    if kind == "relative_day":
        # "this morning" is the day of writing, "last night" the one before.
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this": 0, "last": -1}[
            lower[0]
        ]
        return (anchor + dt.timedelta(days=offset)).isoformat()
    if kind == "relative_period":
        unit = lower[-1]
        delta = -1 if "last" in lower else 1 if "next" in lower else 0
        if unit == "month":
            y, m = _shift_month(anchor.year, anchor.month, delta)
            return f"{y:04d}-{m:02d}"
        if unit == "year":
            return str(anchor.year + delta)
        if unit in {"week", "weekend"}:
            monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=delta)
            return monday.isoformat()
        return None
    return None


# Hostile text repeats one expression thousands of times ("Monday Monday ..."); resolving each
# afresh cost more than finding it.
_resolve = lru_cache(maxsize=4096)(resolve)

_FUTURE = Guarded(
    re.compile(
        r"\b(?:will|shall|may|might|could|would|hopes?\s+to|is\s+to|are\s+to|is\s+due|are\s+due|planned|scheduled|expected\s+to|set\s+to|going\s+to|starting|(?<!\bthe\s)next|upcoming|tomorrow)\b"
        # "plans to" is a verb of the future; "his plan to choose" is a noun the past may tell of.
        r"|(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\bthe\s)(?<!\ba\s)(?<!\btheir\s)(?<!\bour\s)\bplans?\s+to\b",
        re.IGNORECASE,
    ),
    defer_chars=DEFER_CHARS,
)
_PAST = Guarded(
    re.compile(
        r"\b(?:was|were|had|did|said|met|held|took|went|came|told|began|won|\w+ed)\b",
        re.IGNORECASE,
    ),
    defer_chars=DEFER_CHARS,
)


# A quotation: straight or curly quotes, closed within the sentence.
_QUOTED = lazy_compile(r'"[^"]*"|“[^”]*”')


def _quoted(sentence: str, at: int) -> bool:
    """Whether `at` falls inside a quotation the sentence opens before it."""
    before = sentence[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def sentence_tense(sentence: str) -> str | None:
    """'future' when the sentence speaks of what will happen, 'past' when of what happened."""
    if _FUTURE.search(sentence):
        return "future"
    if _PAST.search(sentence):
        return "past"
    return None


def find_times(sentence: str, anchor: dt.date | None = None) -> list[TimeMention]:
    """Non-overlapping time expressions in `sentence`, longest first, in text order."""
    possible = _PREFILTER.possible(sentence)
    if not any(possible):
        return []
    tense: str | None = None
    tense_known = False
    quotes: list[str] = []
    quoted_tense: str | None = None
    # Spans taken by earlier (longer) patterns, sorted and disjoint: a match overlaps one of
    # them only if it overlaps the last one starting before the match ends (a bisection, so
    # thousands of expressions in one text cost n log n, not n squared).
    starts: list[int] = []
    ends: list[int] = []
    found: list[TimeMention] = []
    for (kind, pattern), runs in zip(_COMPILED, possible, strict=True):
        if not runs:
            continue
        # Matches of one pattern never overlap each other, so only earlier patterns' spans need
        # checking; this pattern's are merged in after its last match.
        added: list[tuple[int, int]] = []
        for match in pattern.finditer(sentence):
            start, end = match.span()
            before = bisect_left(starts, end) - 1
            if before >= 0 and ends[before] > start:
                continue
            text = match.group()
            if (
                kind == "relative_day"
                and text[:1].isupper()
                and _NAME_BEFORE.search(sentence, max(0, start - 40), start)
            ):
                # "USA Today", "Russia Today": a name's last word, not a day.
                continue
            if kind in _LEADING_WORD_KINDS:
                bare = _CASE_SENSITIVE_WORDS.sub("", text)
                if kind != "year" and bare[:1].islower():
                    continue
                if kind in {"month", "year"}:
                    # Keep the preposition out of the reported words.
                    prefix = len(text) - len(bare)
                    start, text = start + prefix, bare
            if not tense_known:
                tense, tense_known = sentence_tense(sentence), True
                quotes = _QUOTED.findall(sentence) if '"' in sentence or "“" in sentence else []
                if quotes:
                    # '"The tolls will fall," she predicted in a September post': what is
                    # quoted has its own tense; the words around it date the story's own times.
                    tense = sentence_tense(_QUOTED.sub(" ", sentence))
                    quoted_tense = sentence_tense(" ".join(quotes))
            added.append((start, end))
            iso = _resolve(
                text, kind, anchor, quoted_tense if quotes and _quoted(sentence, start) else tense
            )
            if kind == "relative_weekday" and text.startswith("On "):
                # "On Monday," opening a sentence: the day is what was said, not the capitalised
                # preposition (a short answer "On Monday, 15 May 2017" carries a template word).
                text = text[3:]
            found.append(TimeMention(text, start, end, kind, iso))
        if added:
            spans = sorted([*zip(starts, ends, strict=True), *added])
            starts = [s for s, _ in spans]
            ends = [e for _, e in spans]
    found.sort(key=lambda t: t.start)
    return found


def format_iso(iso: str | None) -> str | None:
    """'2026-01-13' -> '13 January 2026'; '2025-10' -> 'October 2025'."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        if len(parts) == 3:
            day = dt.date.fromisoformat(iso)
            return f"{day.day} {calendar.month_name[day.month]} {day.year}"
        if len(parts) == 2:
            return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
    except ValueError:
        return None
    return iso
