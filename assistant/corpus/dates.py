"""Publication dates written the ways news files write them, parsed without guessing."""

from __future__ import annotations

import datetime as dt
import re

from assistant.lazy_re import lazy_compile

MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}

MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
# A clock time after the date: ", 07:35", " at 7:35 p.m.", "T07:35:00Z", " 07:35 KST".
_TIME = (
    r"(?:(?:,?\s+(?:at\s+)?|T)\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}))?)?"
)
_ORD = r"(?:st|nd|rd|th)?"

_ISO = lazy_compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})" + _TIME, re.IGNORECASE)
_SLASH = lazy_compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})" + _TIME, re.IGNORECASE)
_MDY = lazy_compile(
    _WEEKDAY
    + r"(?P<mon>"
    + MONTH_RE
    + r")\.?\s+(?P<d>\d{1,2})"
    + _ORD
    + r",?\s+(?P<y>\d{4})"
    + _TIME,
    re.IGNORECASE,
)
_DMY = lazy_compile(
    _WEEKDAY
    + r"(?P<d>\d{1,2})"
    + _ORD
    + r"\s+(?P<mon>"
    + MONTH_RE
    + r")\.?,?\s+(?P<y>\d{4})"
    + _TIME,
    re.IGNORECASE,
)
_PATTERNS = (_ISO, _SLASH, _MDY, _DMY)


def _build(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
    try:
        return dt.date(int(groups["y"]), month, int(groups["d"]))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """The date if the whole of `text` is one date (optionally with weekday and time), else None."""
    text = text.strip().rstrip(".")
    if len(text) > 80:
        return None
    for pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return _build(match)
    return None


def find_date(text: str) -> tuple[dt.date, int, int] | None:
    """The first date written inside `text`, with its span, or None."""
    best: tuple[dt.date, int, int] | None = None
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if match:
            day = _build(match)
            if day is not None and (best is None or match.start() < best[1]):
                best = (day, match.start(), match.end())
    return best
