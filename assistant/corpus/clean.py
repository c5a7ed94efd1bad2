"""Clean an article body: normalised characters, paragraphs, no page furniture, captions marked.

Every format's loader hands its raw body text to `clean_body`, which returns the cleaned text
(paragraphs joined by blank lines), the paragraph offsets, which paragraphs are photo captions,
and the dateline found at the start of the first body paragraph.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from pydantic import field_validator

from assistant.corpus.dates import MONTH_RE
from assistant.lazy_re import lazy_compile
from assistant.prompts import StrictModel, load_prompt
from assistant.text import normalise

# --- characters -----------------------------------------------------------------------------

# ANSI escapes: CSI sequences (colours, cursor moves), OSC sequences (titles, links), and any
# other two-character escape. Every branch is linear: no nested quantifiers.
_ANSI = lazy_compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?")
# Control characters other than tab and newline; vertical tab and form feed become newlines.
_CONTROL = lazy_compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\u00ad]")
_WS = r"[ \t\u1680\u2000-\u200a\u202f\u205f\u3000]"
# Runs that need rewriting: two or more spaces, or any other horizontal white space.
_SPACES = lazy_compile(r"[\t\u1680\u2000-\u200a\u202f\u205f\u3000]" + _WS + "*| " + _WS + "+")
_LATIN = lazy_compile(r"[A-Za-z\u00c0-\u024f]")


def _normalise(text: str) -> str:
    """`assistant.text.normalise`, applied per distinct character (str.translate is slow)."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFC", text)
    for char in set(text):
        if char.isascii():
            continue
        mapped = normalise(char)
        if mapped != char:
            text = text.replace(char, mapped)
    return text


def clean_text(raw: str) -> str:
    """Normalise characters and whitespace, keeping line structure (one space between words)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\u0085", "\n")
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    text = _SPACES.sub(" ", _CONTROL.sub("", _normalise(text)))
    if " \n" in text or "\n " in text:
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    return text.strip(" ")


def clean_line(raw: str) -> str:
    """A one-line field (title, author, ...) cleaned like the body, newlines folded to spaces."""
    return " ".join(clean_text(raw).split())


# --- furniture and captions, as data ---------------------------------------------------------


class Furniture(StrictModel):
    """prompts/furniture.toml: page furniture lines and photo-caption markers."""

    lines: list[str]
    prefixes: list[str]
    photo_credits: list[str]
    caption_phrases: list[str]

    @field_validator("lines", "prefixes", "photo_credits", "caption_phrases")
    @classmethod
    def _lower_and_non_empty(cls, words: list[str]) -> list[str]:
        if any(not word.strip() for word in words):
            raise ValueError("empty entry")
        return [word.strip().lower() for word in words]


@cache
def furniture() -> Furniture:
    return load_prompt("furniture", Furniture)


_STRIP = string.punctuation + string.whitespace + "\u00a9"


def _key(line: str) -> str:
    return line.lower().strip(_STRIP)


def is_furniture_line(line: str) -> bool:
    """True for a paragraph that is exactly a furniture phrase ("Share", "Print", ...)."""
    return len(line) <= 60 and _key(line) in _furniture_set()


@cache
def _furniture_set() -> frozenset[str]:
    return frozenset(_key(line) for line in furniture().lines)


def _is_trailing_furniture(paragraph: str, latin_article: bool) -> bool:
    if latin_article and not _LATIN.search(paragraph):
        return True
    if is_furniture_line(paragraph):
        return True
    lowered = paragraph.lower()
    return len(paragraph) <= 200 and (
        lowered.startswith(tuple(furniture().prefixes)) or "all rights reserved" in lowered
    )


_CREDIT_END = lazy_compile(r"\(([^()\n]{1,60})\)\s*$")
_FILE_START = lazy_compile(r"(?:FILE(?: PHOTO)?\s*[-:]|FILE PHOTO\b)")
# "FILE - " glued after a short heading in VOA texts: "Brazil -FILE - Brazil's President ..."
_FILE_SENTENCE = lazy_compile(
    r"[\"']?(?:[A-Z][\w'.]*(?: [\w'.]+){0,4} ?-)?(?:FILE(?: PHOTO)?\s*[-:]|FILE PHOTO\b)"
)


def _is_credit(words: str) -> bool:
    words = words.lower().strip()
    first = words.split("/")[0].split(":")[0].strip()
    credits = furniture().photo_credits
    return (
        first in credits
        or words in credits
        or first.endswith((" photo", " photos"))
        or first.startswith(("photo ", "photos ", "photo by"))
    )


def ends_with_credit(paragraph: str) -> bool:
    """True when `paragraph` ends with a photo credit in parentheses: "(AP Photo/Jane Doe)"."""
    match = _CREDIT_END.search(paragraph[-80:])
    return match is not None and _is_credit(match.group(1))


# Longer paragraphs are body text that may contain caption sentences, not captions.
MAX_CAPTION = 600


@cache
def _caption_phrases() -> re.Pattern[str]:
    phrases = sorted((p.lower() for p in furniture().caption_phrases), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in phrases))


def _caption_text(text: str) -> bool:
    if text.startswith("FILE") and _FILE_START.match(text):
        return True
    if text.endswith(")") and ends_with_credit(text):
        return True
    return _caption_phrases().search(text.lower()) is not None


def is_caption(paragraph: str) -> bool:
    """A photo-caption paragraph: ends with a "(Yonhap)"-style credit, says "in this file
    photo", or starts "FILE -"; short paragraphs only."""
    return len(paragraph) <= MAX_CAPTION and _caption_text(paragraph)


def is_caption_sentence(sentence: str) -> bool:
    """A caption sentence inside body text: "FILE - ..." (VOA style), "..., in this photo taken
    ...", or ending with a photo credit."""
    return bool(_FILE_SENTENCE.match(sentence)) or _caption_text(sentence)


_LOOSE_CREDIT = lazy_compile(
    r"(?:\[([^\[\]\n]{1,60})\]|(?:^|\s)(?:[/|]|-)\s*([^/|\n]{1,40})|\bphotos?\s*(?:by|:)\s*(.{1,60}))\s*$",
    re.IGNORECASE,
)


# A caption's closing date: "..., in Vell, August 4, 2025."
_ENDS_WITH_DATE = lazy_compile(
    r"\b" + MONTH_RE + r"\.? \d{1,2}, \d{4}\.?$|\b\d{1,2} " + MONTH_RE + r"\.? \d{4}\.?$"
)


def _is_short_credit_line(paragraph: str) -> bool:
    """A short line above the dateline that ends with a credit ("... [Yonhap]", "... / AP")
    or, as captions do, with the date the photo was taken ("..., August 4, 2025.")."""
    if len(paragraph) > 400:
        return False
    if ends_with_credit(paragraph) or _ENDS_WITH_DATE.search(paragraph[-40:]):
        return True
    match = _LOOSE_CREDIT.search(paragraph[-80:])
    if not match:
        return False
    if match.group(3):
        return True
    return _is_credit(match.group(1) or match.group(2) or "")


# --- datelines and glued headings ------------------------------------------------------------

_CAPS_WORD = r"[A-Z][A-Z.'-]*"
_DATELINE = lazy_compile(
    r"(?P<place>" + _CAPS_WORD + r"(?: " + _CAPS_WORD + r"){0,4})"
    r"(?:, (?P<region>[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}))?"
    r"(?:, (?P<date>"
    + MONTH_RE
    + r"\.? \d{1,2}(?:, \d{4})?|\d{1,2} "
    + MONTH_RE
    + r"\.?(?: \d{4})?))?"
    r"(?: ?\((?P<agency>[^()\n]{1,40})\))?"
    r" ?-+(?: ?-+)* ?(?=\S)"
)


@dataclass
class Dateline:
    place: str
    region: str | None = None
    date: str | None = None
    agency: str | None = None


def place_name(caps: str) -> str:
    """'PORT AVEL' -> 'Port Avel', 'ST. LOUIS' -> 'St. Louis'."""
    return " ".join(word.capitalize() if "-" not in word else word.title() for word in caps.split())


def find_dateline(paragraph: str) -> tuple[Dateline, int] | None:
    """The dateline opening `paragraph` and where the body starts after it, or None."""
    match = _DATELINE.match(paragraph[:200])
    if not match:
        return None
    place = match.group("place")
    if sum(c.isalpha() for c in place) < 2:
        return None
    region = match.group("region")
    return (
        Dateline(
            place=place_name(place),
            region=place_name(region) if region and region.isupper() else region,
            date=match.group("date"),
            agency=match.group("agency"),
        ),
        match.end(),
    )


_HEAD_BEFORE_DATELINE = lazy_compile(
    r"(.{8,200}?)(?:\.|\s*-)\s+(?=[A-Z][A-Z'.-]+(?:,? [A-Z][A-Za-z'.-]*){0,4} -)"
)
_HEAD_SPACE_DASH = lazy_compile(r"(.{8,200}?) -(?=[A-Z\"'])")
_HEAD_GLUED_DASH = lazy_compile(r"(.{8,200}?)(?<=[a-z0-9])-(?=[A-Z\"'])")


def _title_like(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'.-]*", text) if len(w) > 3]
    if len(words) < 2 or text.endswith((",", ";")):
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised >= 0.6 * len(words)


def split_glued_heading(paragraph: str) -> tuple[str, str] | None:
    """A headline glued to the first sentence ("Title Words -The director said ...")."""
    for pattern in (_HEAD_BEFORE_DATELINE, _HEAD_SPACE_DASH, _HEAD_GLUED_DASH):
        match = pattern.match(paragraph)
        if match:
            head = match.group(1).strip(" -")
            if _title_like(head):
                return head, paragraph[match.end() :].lstrip(" -")
    return None


# --- paragraphs ------------------------------------------------------------------------------

_TERMINAL = (".", "!", "?", ":", '"', "'", ")")


def _hard_wrapped(lines: list[str]) -> bool:
    """Lines of one paragraph wrapped at a fixed width, rather than one paragraph per line."""
    if len(lines) < 2 or any(len(line) > 120 for line in lines):
        return False
    body = lines[:-1]
    if any(len(line) < 40 for line in body):
        return False
    ended = sum(line.endswith(_TERMINAL) for line in body)
    return ended * 2 < len(body) or (len(body) == 1 and not body[0].endswith(_TERMINAL))


def split_paragraphs(text: str, lines_are_paragraphs: bool = False) -> list[str]:
    """Paragraphs of cleaned text: blocks between blank lines, or single lines when not wrapped."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line]
        if not lines:
            continue
        if not lines_are_paragraphs and _hard_wrapped(lines):
            paragraphs.append(" ".join(lines))
        else:
            paragraphs.extend(lines)
    return paragraphs


def _dedupe(paragraphs: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for paragraph in paragraphs:
        key = paragraph.casefold()
        if key in seen and len(paragraph) >= 20:
            continue
        seen.add(key)
        out.append(paragraph)
    return out


def _drop_furniture(paragraphs: list[str]) -> list[str]:
    latin = sum(bool(_LATIN.search(p)) for p in paragraphs) * 2 > len(paragraphs)
    kept = [p for p in paragraphs if not is_furniture_line(p)]
    while kept and _is_trailing_furniture(kept[-1], latin):
        kept.pop()
    return kept


# --- the whole body --------------------------------------------------------------------------


@dataclass
class Body:
    """A cleaned body: text, paragraph offsets into it, caption flags, dateline."""

    text: str = ""
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    captions: list[bool] = field(default_factory=list)
    dateline: Dateline | None = None
    heading: str | None = None


def clean_body(
    raw: str,
    *,
    lines_are_paragraphs: bool = False,
    find_heading: bool = False,
    cleaned: bool = False,
    title: str = "",
) -> Body:
    """Clean `raw` body text into paragraphs, dropping furniture and marking captions.

    `find_heading` looks for a headline glued to the first sentence (for articles with no title).
    `cleaned` says `raw` already went through `clean_text`. A first paragraph that repeats
    `title` is dropped.
    """
    text = raw if cleaned else clean_text(raw)
    paragraphs = _drop_furniture(_dedupe(split_paragraphs(text, lines_are_paragraphs)))
    if title and paragraphs and paragraphs[0].casefold() == clean_line(title).casefold():
        paragraphs.pop(0)
    body = Body()
    if find_heading and paragraphs:
        glued = split_glued_heading(paragraphs[0])
        if glued:
            body.heading, paragraphs[0] = glued
            if not paragraphs[0]:
                paragraphs.pop(0)
    captions = [is_caption(p) for p in paragraphs]

    # The dateline opens the first paragraph that is not a caption; short credit lines above it
    # are captions too.
    first = next((i for i, caption in enumerate(captions) if not caption), None)
    for j in range(min(len(paragraphs), 6)):
        if captions[j]:
            continue
        found = find_dateline(paragraphs[j])
        if found is None:
            if _is_short_credit_line(paragraphs[j]):
                continue
            break
        body.dateline, cut = found
        paragraphs[j] = paragraphs[j][cut:]
        for i in range(j):
            captions[i] = True
        first = j
        break
    # Captions above the first body paragraph go to the end, so the text opens with the lede.
    if first:
        order = list(range(first, len(paragraphs))) + list(range(first))
        paragraphs = [paragraphs[i] for i in order]
        captions = [captions[i] for i in order]

    pieces = []
    offset = 0
    for paragraph in paragraphs:
        pieces.append(paragraph)
        body.paragraphs.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + 2
    body.text = "\n\n".join(pieces)
    body.captions = captions
    return body
