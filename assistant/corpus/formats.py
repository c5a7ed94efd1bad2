"""Parse one article out of each file format into a `Draft`: metadata plus raw body text.

The loaders turn a Draft into an `Article` (cleaning, dateline, sentences). Parsers never raise
for bad content: they return a reason string instead, which becomes a SkippedFile.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.corpus.clean import clean_line, clean_text
from assistant.corpus.dates import find_date, parse_date
from assistant.lazy_re import lazy_compile

# Longest title kept whole. A title's words are indexed with every passage of its article, so a
# megabyte "title" in a JSON field would multiply into gigabytes of tokens.
MAX_TITLE_CHARS = 300


def short_title(title: str) -> str:
    """`title` cut at a word boundary to at most MAX_TITLE_CHARS characters, with an ellipsis."""
    if len(title) <= MAX_TITLE_CHARS:
        return title
    cut = title[: MAX_TITLE_CHARS - 1]
    space = cut.rfind(" ")
    if space > MAX_TITLE_CHARS // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def safe_id(raw: str) -> str:
    """An article id (from a file name or a JSON field) without control characters or escape
    sequences; one that is nothing else becomes its escaped form (\\x1b...), never empty."""
    cleaned = clean_line(raw)
    return cleaned or raw.encode("unicode_escape").decode("ascii")


@dataclass
class Draft:
    """What a parser found: metadata and the raw (or already cleaned) body.

    Every parser's id and title pass through `__setattr__`: ids are made safe to print
    (`safe_id`) and titles are capped (`short_title`).
    """

    id: str
    title: str = ""
    date: dt.date | None = None
    author: str | None = None
    source: str | None = None
    url: str | None = None
    line: int | None = None
    metadata: dict[str, str] = field(default_factory=dict)
    body: str = ""
    body_cleaned: bool = False
    lines_are_paragraphs: bool = False

    def __setattr__(self, name: str, value: object) -> None:
        if name == "id" and isinstance(value, str):
            value = safe_id(value)
        elif name == "title" and isinstance(value, str):
            value = short_title(value)
        super().__setattr__(name, value)

    def set_date(self, raw: str) -> None:
        """Parse a date field; keep the raw text in metadata when it does not parse."""
        raw = clean_line(raw)
        if not raw:
            return
        day = parse_date(raw)
        if day is None:
            found = find_date(raw)
            day = found[0] if found else None
        if day is None:
            self.metadata["date_raw"] = raw
        elif self.date is None:
            self.date = day

    def set_field(self, key: str, raw: str) -> None:
        """Store one `key: value` header; title, author and date go to their fields only."""
        key = key.strip().lower().replace(" ", "_").replace("-", "_")
        value = clean_line(raw)
        if not key or not value:
            return
        if key in ("date", "published", "posted", "date_published", "publish_date", "pubdate"):
            self.set_date(value)
        elif key in ("updated", "modified", "last_updated"):
            day = parse_date(value)
            self.metadata["updated"] = day.isoformat() if day else value
        elif key == "title":
            self.title = self.title or value
        elif key in ("author", "authors", "byline"):
            self.author = self.author or _strip_by(value)
        else:
            self.metadata[key] = value
            if key == "source" and not self.source:
                self.source = value
            elif key in ("url", "link") and not self.url:
                self.url = value


def _strip_by(author: str) -> str:
    return re.sub(r"^by\s+", "", author, flags=re.IGNORECASE).strip()


# --- header lines (.txt, and .md after its title) -------------------------------------------

# fmt: off
META_KEYS = frozenset((
    "title", "tags", "tag", "keywords", "source", "url", "link", "category", "categories",
    "section", "language", "lang", "publisher", "author", "authors", "byline", "date",
    "published", "posted", "updated", "modified", "license", "dateline", "location", "id",
    "type", "edition", "topic", "topics", "region", "country", "credit", "agency", "desk",
))
_NAME_PARTICLES = frozenset((
    "and", "de", "del", "der", "den", "van", "von", "bin", "al", "el", "la", "le", "da", "dos",
    "du", "of", "y",
))
# fmt: on
_META_LINE = lazy_compile(r"(?P<key>[A-Za-z][A-Za-z _-]{0,20}?)\s*:\s*(?P<value>.*)")
_BYLINE = lazy_compile(r"By\s+(?P<rest>\S.*)", re.IGNORECASE)
_STAMP = lazy_compile(
    r"\s*[|,;-]?\s*\b(Posted|Published|Updated|Modified|Last updated)\b\s*(?:on|:)?\s*",
    re.IGNORECASE,
)


def _looks_like_name(text: str) -> bool:
    words = text.replace(",", " ").split()
    if not words or len(words) > 12 or (text.endswith((".", "?", "!")) and len(words) > 4):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_PARTICLES or not w[0].isalpha() for w in words)


def parse_byline(line: str, draft: Draft) -> bool:
    """'By Jane Doe Posted : January 13, 2026, 07:35 Updated : ...' -> author, date, updated."""
    match = _BYLINE.fullmatch(line)
    if not match or len(line) > 300:
        return False
    parts = _STAMP.split(match.group("rest"))
    author = parts[0].strip(" |,;-")
    date: dt.date | None = None
    updated: dt.date | None = None
    for marker, value in zip(parts[1::2], parts[2::2], strict=False):
        found = parse_date(value.strip(" |,;-")) or _first_date(value)
        if marker.lower() in ("posted", "published"):
            date = date or found
        elif found:
            updated = found
    found_in_author = find_date(author)
    if found_in_author:
        date = date or found_in_author[0]
        author = author[: found_in_author[1]].strip(" |,;-")
    if not _looks_like_name(author):
        return False
    if author.isupper():  # "BY JOHN ROE AND ANA LIMA"
        author = " ".join(
            w.lower() if w.lower() in _NAME_PARTICLES else w.capitalize() for w in author.split()
        )
    draft.author = author or draft.author
    if date and draft.date is None:
        draft.date = date
    if updated:
        draft.metadata["updated"] = updated.isoformat()
    return True


def _first_date(text: str) -> dt.date | None:
    found = find_date(text)
    return found[0] if found else None


def parse_header_line(line: str, draft: Draft) -> bool:
    """Recognise one header line (byline, date, `Key: value`) and store it; False for body."""
    if parse_byline(line, draft):
        return True
    day = parse_date(line)
    if day is not None:
        if draft.date is None:
            draft.date = day
        return True
    match = _META_LINE.fullmatch(line)
    if match and match.group("key").strip().lower() in META_KEYS:
        draft.set_field(match.group("key"), match.group("value"))
        return True
    return False


def consume_header(lines: list[str], start: int, draft: Draft) -> int:
    """Read header lines from `start`; return the index of the first body line."""
    i = start
    while i < len(lines):
        line = lines[i]
        if line and not parse_header_line(line, draft):
            break
        i += 1
    return i


# --- .txt -----------------------------------------------------------------------------------

MAX_TITLE = 300


def parse_txt(raw: str, article_id: str) -> Draft:
    """News-style text: title line, header lines (byline, date, `Key: value`), then body."""
    draft = Draft(id=article_id, body_cleaned=True)
    lines = clean_text(raw).split("\n")
    i = 0
    while i < len(lines) and not lines[i]:
        i += 1
    # Header written entirely as `Key: value` lines, title among them.
    if i < len(lines) and _META_LINE.fullmatch(lines[i]) and parse_header_line(lines[i], draft):
        i = consume_header(lines, i + 1, draft)
    if not draft.title:
        while i < len(lines) and not lines[i]:
            i += 1
        if i < len(lines) and len(lines[i]) <= MAX_TITLE:
            draft.title = lines[i]
            i += 1
    i = consume_header(lines, i, draft)
    draft.body = "\n".join(lines[i:])
    return draft


# --- .md ------------------------------------------------------------------------------------

_FENCE = lazy_compile(r"\s*(?:```|~~~)")
_ATX = lazy_compile(r"(#{1,6})\s+(.*?)(?:\s+#+)?\s*")
_SETEXT = lazy_compile(r"(=+|-+)\s*")
_RULE = lazy_compile(r"\s*([-*_])(?:\s*\1){2,}\s*")
_LIST = lazy_compile(r"\s*(?:[-*+]|\d{1,3}[.)])\s+")
_QUOTE = lazy_compile(r"\s*(?:>\s?)+")
_REF_DEF = lazy_compile(r"\s*\[[^\[\]\n]{1,200}\]:\s*\S+.*")
_IMAGE = lazy_compile(r"!\[[^\[\]\n]*\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
_LINK = lazy_compile(r"\[([^\[\]\n]*)\]\([^()\s]*(?:\s+\"[^\"\n]*\")?\)")
_REF_LINK = lazy_compile(r"\[([^\[\]\n]*)\]\[[^\[\]\n]*\]")
_AUTOLINK = lazy_compile(r"<((?:https?|mailto):[^<>\s]+)>")
_HTML_TAG = lazy_compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_STRONG = lazy_compile(r"(\*\*|__)(?=\S)([^*\n]+?)(?<=\S)\1")
_EM_STAR = lazy_compile(r"\*(?=\S)([^*\n]+?)(?<=\S)\*")
_EM_UNDER = lazy_compile(r"(?<![\w\\])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)")
_CODE = lazy_compile(r"`([^`\n]+)`")
_ESCAPE = lazy_compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def strip_inline(line: str) -> str:
    """Markdown inline markup to plain text: links to their text, no emphasis marks."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _HTML_TAG.sub("", line)
    line = _CODE.sub(r"\1", line)
    line = _STRONG.sub(r"\2", line)
    line = _EM_STAR.sub(r"\1", line)
    line = _EM_UNDER.sub(r"\1", line)
    return _ESCAPE.sub(r"\1", line).strip()


def _front_matter(lines: list[str], draft: Draft) -> int:
    """Parse `---` front matter of simple `key: value` pairs; return the first body line."""
    if not lines or lines[0].strip() != "---":
        return 0
    end = next(
        (i for i in range(1, min(len(lines), 500)) if lines[i].strip() in ("---", "...")), None
    )
    if end is None:
        return 0
    key: str | None = None
    items: list[str] = []

    def flush() -> None:
        if key is not None and items:
            draft.set_field(key, ", ".join(items))

    for line in lines[1:end]:
        item = re.fullmatch(r"\s+-\s+(.*)|-\s+(.*)", line)
        if item and key is not None:
            items.append(_unquote(item.group(1) or item.group(2) or ""))
            continue
        match = re.fullmatch(r"([A-Za-z_][\w -]*?)\s*:\s*(.*)", line.strip())
        if not match:
            continue
        flush()
        key, value = match.group(1), match.group(2).strip()
        items = []
        if value.startswith("[") and value.endswith("]"):
            items = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        elif value:
            items = [_unquote(value)]
    flush()
    return end + 1


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def parse_md(raw: str, article_id: str) -> Draft:
    """Markdown: optional front matter, `# Title`, light markup removal; header lines as .txt."""
    draft = Draft(id=article_id, body_cleaned=True)
    lines = clean_text(raw).split("\n")
    start = _front_matter(lines, draft)

    # Paragraphs: blocks of lines joined; headings, list items and quotes start new ones.
    paragraphs: list[str] = []
    current: list[str] = []
    first_heading: tuple[int, str] | None = None  # (level, text) of a heading opening the body
    h1_title: str | None = None
    in_fence = False

    def flush() -> None:
        if current:
            paragraphs.append(strip_inline(" ".join(current)))
            current.clear()

    body_lines = lines[start:]
    underline = -1  # index of a setext heading's underline, already used
    for n, line in enumerate(body_lines):
        if n == underline:
            continue
        if _FENCE.match(line):
            in_fence = not in_fence
            flush()
            continue
        if in_fence:
            if line:
                paragraphs.append(line)
            continue
        if not line or _RULE.fullmatch(line) or _REF_DEF.fullmatch(line):
            flush()
            continue
        heading = _ATX.fullmatch(line)
        setext = (
            _SETEXT.fullmatch(body_lines[n + 1])
            if n + 1 < len(body_lines) and len(current) == 0 and not _LIST.match(line)
            else None
        )
        if heading or setext:
            flush()
            if setext and not heading:
                underline = n + 1
            if heading:
                level, text = len(heading.group(1)), strip_inline(heading.group(2))
            else:
                level, text = (1 if setext and setext.group(1)[0] == "=" else 2), strip_inline(line)
            if level == 1 and h1_title is None and not draft.title:
                h1_title = text
                continue
            if not paragraphs and first_heading is None and h1_title is None:
                first_heading = (level, text)
            paragraphs.append(text)
            continue
        if _LIST.match(line) or _QUOTE.match(line):
            flush()
            line = _QUOTE.sub("", _LIST.sub("", line, count=1), count=1)
        current.append(line)
    flush()

    if not draft.title:
        if h1_title is not None:
            draft.title = h1_title
        elif first_heading is not None and paragraphs and paragraphs[0] == first_heading[1]:
            draft.title = paragraphs.pop(0)
    paragraphs = [p for p in paragraphs if p]
    body_start = consume_header(paragraphs, 0, draft)
    draft.body = "\n\n".join(paragraphs[body_start:])
    return draft


# --- .json / .jsonl -------------------------------------------------------------------------

_TEXT_KEYS = ("text", "body", "content")
_FIELD_KEYS = frozenset(("id", "title", "date", "url", "source", "author", *_TEXT_KEYS))


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | int | float):
        return str(value)
    if (
        isinstance(value, list)
        and value
        and all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in value)
    ):
        return ", ".join(str(v) for v in value)
    return None


def parse_json_object(obj: Any, default_id: str | None, line: int | None = None) -> Draft | str:
    """One article object; a reason string when it is not usable."""
    if not isinstance(obj, dict):
        return f"not a JSON object ({type(obj).__name__})"
    text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if text is None or not text.strip():
        return "no article text ('text' missing or empty)"
    raw_id = obj.get("id")
    if isinstance(raw_id, str) and raw_id.strip():
        article_id = raw_id.strip()
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        article_id = str(raw_id)
    elif default_id is not None and raw_id is None:
        article_id = default_id
    else:
        return "no article id ('id' missing or not a string)"
    draft = Draft(id=article_id, line=line, body=text)
    for key in ("title", "source", "url"):
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            setattr(draft, key, clean_line(value))
    author = _scalar(obj.get("author"))
    if author and author.strip():
        draft.author = _strip_by(clean_line(author))
    date = obj.get("date")
    if isinstance(date, str):
        draft.set_date(date)
    elif date is not None:
        draft.metadata["date_raw"] = str(date)
    for key, value in obj.items():
        if key in _FIELD_KEYS or not isinstance(key, str):
            continue
        scalar = _scalar(value)
        name = clean_line(key)
        if name and scalar is not None and scalar.strip():
            draft.metadata[name] = clean_line(scalar)
    return draft


def parse_json(raw: str, article_id: str) -> list[Draft | str]:
    """A .json file: one article object (a list of objects also works, each needing an id)."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        return [f"not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"]
    except RecursionError:
        return ["not valid JSON (nested too deeply)"]
    if isinstance(data, list):
        out: list[Draft | str] = []
        for number, item in enumerate(data, 1):
            parsed = parse_json_object(item, None)
            out.append(parsed if isinstance(parsed, Draft) else f"item {number}: {parsed}")
        return out or ["no articles (empty JSON list)"]
    return [parse_json_object(data, article_id)]


def parse_jsonl_line(raw: str, line: int) -> Draft | str:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as error:
        return f"not valid JSON ({error.msg} at column {error.colno})"
    except RecursionError:
        return "not valid JSON (nested too deeply)"
    return parse_json_object(obj, None, line)


# --- .html / .htm ---------------------------------------------------------------------------


def parse_html(raw: str, article_id: str) -> Draft | str:
    """Main text and metadata with trafilatura (offline: no URL is fetched)."""
    import trafilatura  # slow import, only when a corpus has HTML

    try:
        extracted = trafilatura.bare_extraction(
            raw,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        doc = extracted if isinstance(extracted, dict) or extracted is None else extracted.as_dict()
    except Exception as error:  # trafilatura/lxml raise many kinds on broken markup
        return f"cannot extract HTML text ({type(error).__name__})"
    if not isinstance(doc, dict) or not (doc.get("text") or "").strip():
        return "no article text found in HTML"
    draft = Draft(id=article_id, lines_are_paragraphs=True, body_cleaned=True)
    draft.title = clean_line(doc.get("title") or "")
    lines = [line for line in clean_text(doc["text"]).split("\n") if line]
    if lines and draft.title and lines[0].casefold() == draft.title.casefold():
        lines.pop(0)
    draft.body = "\n".join(lines[consume_header(lines, 0, draft) :])
    if doc.get("author"):
        draft.author = clean_line(doc["author"])
    if doc.get("date"):
        draft.set_date(doc["date"])
    if doc.get("url"):
        draft.url = clean_line(doc["url"])
    source = doc.get("sitename") or doc.get("hostname")
    if source:
        draft.source = clean_line(source)
    for key in ("tags", "categories", "description", "language", "license", "hostname"):
        value = doc.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        if value:
            draft.metadata["keywords" if key == "tags" else key] = clean_line(str(value))
    return draft
