"""Find corpus files, read them safely, and turn each article into a cleaned, split `Article`.

Nothing here raises for bad input: unreadable, binary, non-UTF-8, empty or oversized files and
bad JSONL rows become `SkippedFile` entries with a one-phrase reason.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol

from assistant.corpus.clean import clean_body, clean_line
from assistant.corpus.dates import parse_date
from assistant.corpus.files import SUFFIXES, _os_reason, corpus_files
from assistant.corpus.formats import (
    Draft,
    parse_html,
    parse_json,
    parse_jsonl_line,
    parse_md,
    parse_txt,
)
from assistant.corpus.segment import split_sentences
from assistant.models import Article, LoadReport, SkippedFile

MiB = 1024 * 1024
DEFAULT_MAX_BYTES = 5 * MiB
_SNIFF = 8192
_BOM = b"\xef\xbb\xbf"


def _size(n: float) -> str:
    if n >= MiB:
        return f"{n / MiB:.1f}".removesuffix(".0") + " MB"
    if n >= 1024:
        return f"{n / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{int(n)} bytes"


def too_large(size: int, max_bytes: int) -> str:
    return f"larger than {_size(max_bytes)} ({_size(size)})"


# --- reading --------------------------------------------------------------------------------


def decode_utf8(data: bytes, base: int = 0) -> tuple[str | None, str | None]:
    """(text, None) or (None, reason); `base` is the file offset of `data` for the message."""
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as error:
        return (
            None,
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset {base + error.start})",
        )


def _sniff(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text, not UTF-8"
    if b"\x00" in head[:_SNIFF]:
        return "binary file"
    return None


def read_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, str | None]:
    """The file's text, or None and why it cannot be used."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, "is a folder, not a file"
        if not stat.S_ISREG(info.st_mode):
            return None, "not a regular file"
        if info.st_size > max_bytes:
            return None, too_large(info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        return None, _os_reason(error)
    if len(data) > max_bytes:
        return None, too_large(len(data), max_bytes)
    reason = _sniff(data)
    if reason:
        return None, reason
    base = 0
    if data.startswith(_BOM):
        data, base = data[len(_BOM) :], len(_BOM)
    if not data.strip():
        return None, "empty file"
    return decode_utf8(data, base)


# --- building articles ----------------------------------------------------------------------


def build_article(draft: Draft, path: Path) -> Article | str:
    """Clean and split a parsed draft; a reason string when no text is left."""
    body = clean_body(
        draft.body,
        lines_are_paragraphs=draft.lines_are_paragraphs,
        find_heading=not draft.title,
        cleaned=draft.body_cleaned,
        title=draft.title,
    )
    if not body.text.strip():
        return "no article text"
    metadata = dict(draft.metadata)
    title = draft.title or (body.heading or "")
    date = draft.date
    dateline = None
    if body.dateline is not None:
        dateline = body.dateline.place
        if body.dateline.region:
            metadata["dateline_region"] = body.dateline.region
        if body.dateline.date:
            metadata["dateline_date"] = body.dateline.date
            if date is None:
                date = parse_date(body.dateline.date)  # only when it carries a year
        if body.dateline.agency:
            metadata["dateline_agency"] = body.dateline.agency
    return Article(
        id=draft.id,
        title=clean_line(title),
        date=date,
        author=draft.author or None,
        dateline=dateline,
        source=draft.source or None,
        url=draft.url or None,
        path=str(path),
        line=draft.line,
        metadata=metadata,
        text=body.text,
        paragraphs=body.paragraphs,
        sentences=split_sentences(body.text, body.paragraphs, body.captions),
    )


def build_or_reason(draft: Draft, path: Path) -> Article | str:
    """`build_article`, with a failure turned into the reason the article is skipped: whatever
    goes wrong with one article (a bug in cleaning or splitting included) costs that article,
    never the load."""
    try:
        return build_article(draft, path)
    except Exception as error:
        return f"cannot build article ({_error_text(error)})"


def _error_text(error: BaseException, limit: int = 160) -> str:
    """`Type: message` on one line, control characters removed, cut to `limit` characters."""
    message = " ".join("".join(c if c.isprintable() else " " for c in str(error)).split())
    text = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Collector:
    """Articles and skips of one load, with duplicate ids skipped after their first."""

    def __init__(self, on_skip: Callable[[SkippedFile], None] | None = None) -> None:
        self.articles: list[Article] = []
        self.skipped: list[SkippedFile] = []
        self.first_seen: dict[str, str] = {}
        self.on_skip = on_skip

    def skip(self, path: Path | str, reason: str, line: int | None = None) -> None:
        entry = SkippedFile(path=str(path), line=line, reason=reason)
        self.skipped.append(entry)
        if self.on_skip is not None:
            self.on_skip(entry)

    def add(self, draft: Draft | str, path: Path, line: int | None = None) -> None:
        if isinstance(draft, str):
            self.skip(path, draft, line)
            return
        where = f"{path}:{draft.line}" if draft.line is not None else str(path)
        first = self.first_seen.get(draft.id)
        if first is not None:
            self.skip(path, f"duplicate article id {draft.id} (first in {first})", draft.line)
            return
        article = build_or_reason(draft, path)
        if isinstance(article, str):
            self.skip(path, article, draft.line)
            return
        self.first_seen[draft.id] = where
        self.articles.append(article)


class Sink(Protocol):
    """Where a reader puts what it finds (`_Collector`, or the parallel indexer's recorder)."""

    def skip(self, path: Path | str, reason: str, line: int | None = None) -> None: ...

    def add(self, draft: Draft | str, path: Path, line: int | None = None) -> None: ...


def _read_jsonl(
    path: Path,
    max_bytes: int,
    out: Sink,
    start: int = 0,
    end: int | None = None,
    first_line: int = 1,
) -> bool | None:
    """JSONL is read line by line: the size limit applies to each line (one article).

    `start`/`end` (byte offsets at line starts) and `first_line` (the line number at `start`) read
    one part of a file; only a whole-file read (start 0, no end) reports an empty file itself.
    Returns whether any non-blank line was found, None if reading stopped on an error.
    """
    try:
        handle = path.open("rb")
    except OSError as error:
        out.skip(path, _os_reason(error))
        return None
    with handle:
        offset = start
        number = first_line - 1
        found_any = False
        try:
            if start == 0:
                head = handle.peek(_SNIFF)[:_SNIFF] if hasattr(handle, "peek") else b""
                reason = _sniff(head)
                if reason:
                    out.skip(path, reason)
                    return None
            else:
                handle.seek(start)
            while end is None or offset < end:
                raw = handle.readline(max_bytes + 1)
                if not raw:
                    break
                number += 1
                size = len(raw)
                if size > max_bytes and not raw.endswith(b"\n"):
                    while raw and not raw.endswith(b"\n"):  # skip the rest of the long line
                        raw = handle.readline(MiB)
                        size += len(raw)
                    out.skip(path, "line " + too_large(size, max_bytes), number)
                    offset += size
                    continue
                base = offset
                offset += size
                if number == 1 and raw.startswith(_BOM):
                    raw, base = raw[len(_BOM) :], base + len(_BOM)
                if not raw.strip():
                    continue
                found_any = True
                text, reason = decode_utf8(raw, base)
                if text is None:
                    out.skip(path, reason or "not UTF-8 text", number)
                    continue
                out.add(parse_jsonl_line(text, number), path, number)
        except OSError as error:
            out.skip(path, _os_reason(error))
            return None
        if not found_any and start == 0 and end is None:
            out.skip(path, "empty file")
        return found_any


def jsonl_parts(path: Path, part_bytes: int) -> list[tuple[int, int | None, int]]:
    """(start, end, first line number) of consecutive parts of about `part_bytes` each, cut at
    line starts, for reading one big JSONL file in several pieces; one part (0, None, 1) when the
    file is small, unreadable or fails the binary sniff (the whole-file read reports that)."""
    try:
        size = path.stat().st_size
        if size <= part_bytes:
            return [(0, None, 1)]
        with path.open("rb") as handle:
            if _sniff(handle.read(_SNIFF)):
                return [(0, None, 1)]
            handle.seek(0)
            bounds = [(0, 1)]
            target = part_bytes
            pos = 0
            newlines = 0
            while chunk := handle.read(MiB):
                search = max(target - pos, 0)
                while search < len(chunk):
                    i = chunk.find(b"\n", search)
                    if i < 0:
                        break
                    cut = pos + i + 1
                    if cut < size:
                        bounds.append((cut, newlines + chunk.count(b"\n", 0, i + 1) + 1))
                    target = cut + part_bytes
                    search = target - pos
                newlines += chunk.count(b"\n")
                pos += len(chunk)
    except OSError:
        return [(0, None, 1)]
    ends: list[int | None] = [b[0] for b in bounds[1:]]
    ends.append(None)
    return [(start, end, line) for (start, line), end in zip(bounds, ends, strict=True)]


def _load_into(
    path: Path,
    max_bytes: int,
    out: Sink,
    part: tuple[int, int | None, int] | None = None,
) -> bool | None:
    """Read one file (or, for JSONL, one `part` from `jsonl_parts`) into `out`. For JSONL the
    result is `_read_jsonl`'s (whether a non-blank line was found); None for other formats."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        if path.is_dir():
            out.skip(path, "is a folder, not a file")
            return None
        if part is None:
            return _read_jsonl(path, max_bytes, out)
        return _read_jsonl(path, max_bytes, out, *part)
    if suffix not in SUFFIXES:
        out.skip(path, f"unsupported file type '{suffix or '(none)'}'")
        return None
    text, reason = read_text(path, max_bytes)
    if text is None:
        out.skip(path, reason or "cannot read file")
        return None
    if suffix == ".json":
        for draft in parse_json(text, path.stem):
            out.add(draft, path)
    elif suffix == ".md":
        out.add(parse_md(text, path.stem), path)
    elif suffix in (".html", ".htm"):
        out.add(parse_html(text, path.stem), path)
    else:
        out.add(parse_txt(text, path.stem), path)
    return None


def load_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[SkippedFile]]:
    """The articles in one file (JSONL: one per line) and what was skipped."""
    out = _Collector()
    _load_into(Path(path), max_bytes, out)
    return out.articles, out.skipped


def load_corpus(
    paths: Sequence[Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_skip: Callable[[SkippedFile], None] | None = None,
) -> LoadReport:
    """Every article under `paths`; bad inputs are skipped and reported, never raised."""
    out = _Collector(on_skip)
    files, skipped = corpus_files(paths)
    for entry in skipped:
        out.skip(entry.path, entry.reason, entry.line)
    for path in files:
        _load_into(path, max_bytes, out)
    return LoadReport(articles=out.articles, skipped=out.skipped)
