"""Many questions in, one row per question out: reading question files, building and writing rows.

Shared by `newsdesk batch`, `newsdesk ask --json` and the TUI. Nothing here imports the engine:
`run_batch` needs only an object with an `ask` method.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, Protocol

from pydantic_core import to_jsonable_python

from assistant.models import Answer
from assistant.safe import one_line, plain, plain_data

# The fields of every output row, in order; fields copied from a JSONL input row come after.
ROW_FIELDS: tuple[str, ...] = (
    "id",
    "question",
    "answer",
    "short",
    "answered",
    "intent",
    "confidence",
    "citations",
    "facts",
    "error",
)
CITATION_FIELDS: tuple[str, ...] = ("article_id", "title", "date", "url", "sentence")
# An input field whose name clashes with a row field is kept under this prefix.
EXTRA_PREFIX = "input_"

InputFormat = Literal["txt", "jsonl", "auto"]
OutputFormat = Literal["jsonl", "csv", "md"]
OUTPUT_FORMATS: tuple[str, ...] = ("jsonl", "csv", "md")


class QuestionsFileError(Exception):
    """The questions file could not be read at all (missing, unreadable, not UTF-8)."""


@dataclass(frozen=True)
class QuestionRow:
    """One question to answer."""

    id: Any
    question: str
    line: int
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ErrorRow:
    """An input line that could not be turned into a question; it still gets an output row."""

    id: Any
    error: str
    line: int
    question: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


InputRow = QuestionRow | ErrorRow


# --- reading ----------------------------------------------------------------------------------


def read_questions(
    path: str | Path,
    fmt: InputFormat | None = None,
    stdin: IO[str] | None = None,
) -> Iterator[InputRow]:
    """The rows of a questions file, in order.

    `.txt`: one question a line, blank lines and `#` comments skipped, id = line number.
    `.jsonl`: `{"id": ..., "question": ...}` a line; other fields are kept in `extra`; a line that
    is not a JSON object or has no question becomes an `ErrorRow` (id = its id, else the line
    number). `-` reads stdin as txt, except lines that look like JSON objects (start with `{`);
    other suffixes are read the same way. `fmt` overrides the choice.

    A file that cannot be read raises `QuestionsFileError` here, before any row is produced.
    """
    if str(path) == "-":
        stream = stdin if stdin is not None else sys.stdin
        return _parse(stream, fmt or "auto")
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise QuestionsFileError(f"{p}: no such file") from error
    except IsADirectoryError as error:
        raise QuestionsFileError(f"{p}: is a directory") from error
    except UnicodeDecodeError as error:
        raise QuestionsFileError(f"{p}: not UTF-8 text ({error.reason})") from error
    except OSError as error:
        raise QuestionsFileError(f"{p}: {error.strerror or error}") from error
    if fmt is None:
        suffix = p.suffix.lower()
        fmt = "txt" if suffix == ".txt" else "jsonl" if suffix in (".jsonl", ".ndjson") else "auto"
    return _parse(io.StringIO(text), fmt)


def _parse(lines: Iterable[str], fmt: InputFormat) -> Iterator[InputRow]:
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            continue
        if fmt == "jsonl" or (fmt == "auto" and line.startswith("{")):
            yield _parse_json_line(line, number)
        elif line.startswith("#"):
            continue
        else:
            yield QuestionRow(id=number, question=line, line=number)


def _parse_json_line(line: str, number: int) -> InputRow:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as error:
        return ErrorRow(id=number, error=f"line {number}: not JSON ({error.msg})", line=number)
    if not isinstance(obj, dict):
        return ErrorRow(id=number, error=f"line {number}: not a JSON object", line=number)
    given = obj.get("id")
    row_id = number if given is None or isinstance(given, dict | list) else given
    extra = {k: v for k, v in obj.items() if k not in ("id", "question")}
    question = obj.get("question")
    if not isinstance(question, str) or not question.strip():
        why = "no question" if question is None else "question is empty or not a string"
        return ErrorRow(
            id=row_id,
            error=f"line {number}: {why}",
            line=number,
            question=question if isinstance(question, str) else "",
            extra=extra,
        )
    return QuestionRow(id=row_id, question=question.strip(), line=number, extra=extra)


# --- rows -------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    return to_jsonable_python(value, fallback=str)


def _with_extra(row: dict[str, Any], extra: dict[str, Any] | None) -> dict[str, Any]:
    for key, value in (extra or {}).items():
        name = f"{EXTRA_PREFIX}{key}" if key in ROW_FIELDS else key
        row.setdefault(name, _jsonable(value))
    return plain_data(row)


def answer_to_row(
    id: Any, question: str, answer: Answer, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The output row for one answered (or declined) question; every string made `plain`."""
    row: dict[str, Any] = {
        "id": _jsonable(id),
        "question": question,
        "answer": answer.answer,
        "short": answer.short,
        "answered": answer.answered,
        "intent": answer.intent,
        "confidence": answer.confidence,
        "citations": [
            {
                "article_id": c.article_id,
                "title": c.title,
                "date": c.date,
                "url": c.url,
                "sentence": c.sentence,
            }
            for c in answer.citations
        ],
        "facts": _jsonable(answer.facts),
        "error": None,
    }
    return _with_extra(row, extra)


def error_row(
    id: Any, question: str, error: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    """The output row for a question that failed: `answered` false, `error` says why."""
    row: dict[str, Any] = {
        "id": _jsonable(id),
        "question": question,
        "answer": "",
        "short": "",
        "answered": False,
        "intent": None,
        "confidence": 0.0,
        "citations": [],
        "facts": {},
        "error": error,
    }
    return _with_extra(row, extra)


def row_key(row_id: Any) -> str:
    """A comparable key for a row id as it appears in the output (ints and strings differ)."""
    return json.dumps(plain_data(_jsonable(row_id)), sort_keys=True, ensure_ascii=False)


# --- writing ----------------------------------------------------------------------------------


class RowWriter(Protocol):
    def write_row(self, row: dict[str, Any]) -> None: ...


class _StreamWriter:
    """Writes each row with one `write` call and a flush, so an interruption never splits one."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def _emit(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def write_row(self, row: dict[str, Any]) -> None:
        raise NotImplementedError


class JsonlWriter(_StreamWriter):
    """One JSON object a line."""

    def write_row(self, row: dict[str, Any]) -> None:
        self._emit(json.dumps(plain_data(row), ensure_ascii=False) + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(plain_data(value), ensure_ascii=False)


class CsvWriter(_StreamWriter):
    """CSV with a header; lists and objects (citations, facts) JSON-encoded in their cells."""

    def __init__(self, stream: IO[str], columns: Sequence[str] = ROW_FIELDS) -> None:
        super().__init__(stream)
        self.columns = list(columns)
        self._emit(self._format([plain(c) for c in self.columns]))

    @staticmethod
    def _format(cells: list[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(cells)
        return buffer.getvalue()

    def write_row(self, row: dict[str, Any]) -> None:
        self._emit(self._format([_cell(row.get(c)) for c in self.columns]))


def _md_cell(value: Any, column: str) -> str:
    if column == "citations" and isinstance(value, list):
        ids = (str(c.get("article_id", "")) if isinstance(c, dict) else str(c) for c in value)
        value = ", ".join(dict.fromkeys(ids))
    text = one_line(_cell(value))
    return text.replace("\\", "\\\\").replace("|", "\\|")


class MarkdownWriter(_StreamWriter):
    """A Markdown table; citations shown as article ids, facts left out, one line per cell."""

    def __init__(self, stream: IO[str], columns: Sequence[str] = ROW_FIELDS) -> None:
        super().__init__(stream)
        self.columns = [c for c in columns if c != "facts"]
        header = "| " + " | ".join(_md_cell(c, "") for c in self.columns) + " |\n"
        rule = "|" + "|".join("---" for _ in self.columns) + "|\n"
        self._emit(header + rule)

    def write_row(self, row: dict[str, Any]) -> None:
        self._emit("| " + " | ".join(_md_cell(row.get(c), c) for c in self.columns) + " |\n")


class ListWriter:
    """Keeps the rows in memory (for the TUI and tests)."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def write_row(self, row: dict[str, Any]) -> None:
        self.rows.append(row)


def output_columns(rows: Iterable[InputRow]) -> list[str]:
    """The row fields plus every extra field the input rows carry, in first-seen order.

    Names are made `plain`, as the keys of the rows (`answer_to_row`) are: a field whose name
    holds an escape sequence keeps its values in CSV and Markdown output.
    """
    columns = list(ROW_FIELDS)
    for row in rows:
        for key in row.extra:
            name = plain(f"{EXTRA_PREFIX}{key}" if key in ROW_FIELDS else key)
            if name not in columns:
                columns.append(name)
    return columns


def make_writer(
    fmt: OutputFormat, stream: IO[str], columns: Sequence[str] = ROW_FIELDS
) -> RowWriter:
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream, columns)
    if fmt == "md":
        return MarkdownWriter(stream, columns)
    raise ValueError(f"unknown output format {fmt!r}")


# --- resuming ---------------------------------------------------------------------------------


@dataclass
class ResumeState:
    """What an earlier, possibly interrupted, JSONL run left in its output file."""

    done: set[str] = field(default_factory=set)
    rows: int = 0
    dropped_partial: bool = False
    bad_lines: list[int] = field(default_factory=list)


def prepare_resume(path: Path) -> ResumeState:
    """Read a JSONL output file, keep its complete rows and cut off a truncated last line.

    Returns the keys (`row_key`) of the ids already written. The file is left ending in a
    newline, ready to be appended to. A missing file is an empty state.
    """
    state = ResumeState()
    if not path.exists():
        return state
    data = path.read_bytes()
    keep = len(data)
    lines = data.split(b"\n")
    offset = 0
    for number, raw in enumerate(lines, start=1):
        last = number == len(lines)
        end = offset + len(raw)
        if raw.strip():
            row = _load_row(raw)
            if row is None:
                if last:
                    keep = offset
                    state.dropped_partial = True
                else:
                    state.bad_lines.append(number)
            else:
                state.done.add(row_key(row["id"]))
                state.rows += 1
        offset = end + 1
    with path.open("r+b") as handle:
        handle.truncate(keep)
        if keep and data[keep - 1 : keep] != b"\n":
            handle.seek(keep)
            handle.write(b"\n")
    return state


def _load_row(raw: bytes) -> dict[str, Any] | None:
    try:
        row = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(row, dict) or "id" not in row:
        return None
    return row


# --- interrupts -------------------------------------------------------------------------------


class InterruptGuard:
    """Turns SIGINT and SIGTERM into KeyboardInterrupt, but never while a row is being written.

    Use as a context manager (installs the handlers, main thread only) and wrap each write in
    `protect()`: a signal arriving inside it is held until the write has finished.
    """

    def __init__(self, signals: Sequence[signal.Signals] = (signal.SIGINT, signal.SIGTERM)) -> None:
        self.signals = tuple(signals)
        self.received: int | None = None
        self._depth = 0
        self._pending = False
        self._previous: dict[signal.Signals, Any] = {}

    def __enter__(self) -> InterruptGuard:
        if threading.current_thread() is threading.main_thread():
            for signum in self.signals:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)
        self._previous.clear()

    def _handle(self, signum: int, frame: object) -> None:
        self.received = signum
        if self._depth:
            self._pending = True
            return
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def protect(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
        if not self._depth and self._pending:
            self._pending = False
            raise KeyboardInterrupt


# --- running ----------------------------------------------------------------------------------


class Asker(Protocol):
    def ask(
        self, question: str, conversation: Any = None, explain: bool = False, passages: bool = True
    ) -> Answer: ...


class Advancer(Protocol):
    def advance(self) -> Any: ...


@dataclass
class BatchSummary:
    total: int = 0
    answered: int = 0
    declined: int = 0
    errors: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def describe(self) -> str:
        rate = self.total / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{self.total} questions, {self.answered} answered, {self.declined} declined, "
            f"{self.errors} errors in {self.seconds:.1f}s ({rate:.1f}/s)"
        )


def answer_row(
    engine: Asker, item: InputRow, conversation: Any = None, explain: bool = False
) -> dict[str, Any]:
    """The output row for one input row; an exception inside `engine.ask` becomes an error row."""
    if isinstance(item, ErrorRow):
        return error_row(item.id, item.question, item.error, item.extra)
    try:
        # Rows carry no ranked passages: not searching for them saves a tenth of a question.
        answer = engine.ask(
            item.question, conversation=conversation, explain=explain, passages=False
        )
    except Exception as error:
        return error_row(item.id, item.question, f"{type(error).__name__}: {error}", item.extra)
    row = answer_to_row(item.id, item.question, answer, item.extra)
    if explain:
        row["explain"] = plain_data(list(answer.explain))
    return row


# The young generation's threshold while a batch runs (Python's default is 700; see run_batch).
BATCH_GC_THRESHOLD = 20_000
# Below this many questions a worker pool costs more than it saves.
PARALLEL_MIN_ROWS = 16

# The engine the pool's workers answer with: set before forking, inherited by every worker
# (the index is memory-mapped or copy-on-write, so nothing is copied or pickled).
_worker_engine: Any = None


def _worker_start() -> None:
    # Ctrl-C reaches the whole process group: only the parent acts on it (it stops the pool
    # after the last complete row). SIGTERM from pool.terminate() must end a worker at once.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _worker_rows(task: tuple[list[InputRow], bool]) -> list[dict[str, Any]]:
    items, explain = task
    return [answer_row(_worker_engine, item, None, explain) for item in items]


def guided_chunks(items: Iterable[InputRow], workers: int) -> Iterator[list[InputRow]]:
    """Runs of neighbouring rows for the pool, shrinking as the rows run out.

    A run's questions are often about one article, which its worker then reads once, so runs
    start long (up to 16); near the end they shrink to one row, so no worker is left with a
    long run after the others have finished (that idle tail was a tenth of a batch).
    """
    if not isinstance(items, Sized):
        # Read as it comes (stdin): the total is unknown, so runs stay short.
        run: list[InputRow] = []
        for item in items:
            run.append(item)
            if len(run) == 4:
                yield run
                run = []
        if run:
            yield run
        return
    rows = list(items)
    start = 0
    while start < len(rows):
        size = max(1, min(16, (len(rows) - start) // (workers * 3)))
        yield rows[start : start + size]
        start += size


def batch_workers(engine: Asker, rows: int, conversation: Any, requested: int | None) -> int:
    """How many processes should answer: 1 for a conversation (each turn needs the last), for
    few questions, without fork (the workers inherit the loaded engine), or from a thread."""
    if conversation is not None or rows < PARALLEL_MIN_ROWS:
        return 1
    # Imported here: `newsdesk ask` loads this module too and never starts a pool (~10 ms).
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if threading.active_count() > 1 or threading.current_thread() is not threading.main_thread():
        return 1
    wanted = requested if requested is not None else min(os.cpu_count() or 1, 8)
    return max(1, min(wanted, rows // (PARALLEL_MIN_ROWS // 2)))


def _rows_in_pool(
    engine: Asker, items: Iterable[InputRow], explain: bool, workers: int
) -> Iterator[dict[str, Any]]:
    """Rows in input order, answered by `workers` forked processes."""
    global _worker_engine
    prepare = getattr(engine, "prepare", None)
    if callable(prepare):
        prepare()  # load rule tables once, before forking, so no worker pays for it
    # What exists now lives as long as the batch: left out of every collection, the workers
    # neither scan it again nor copy the pages a collection would write to.
    gc.freeze()
    _worker_engine = engine
    import multiprocessing

    pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_start)
    tasks = ((run, explain) for run in guided_chunks(items, workers))
    try:
        for rows in pool.imap(_worker_rows, tasks):
            yield from rows
    finally:
        pool.terminate()
        pool.join()
        _worker_engine = None
        gc.unfreeze()


def run_batch(
    engine: Asker,
    rows: Iterable[InputRow],
    writer: RowWriter | Callable[[dict[str, Any]], Any],
    conversation: Any = None,
    *,
    explain: bool = False,
    progress: Advancer | None = None,
    guard: InterruptGuard | None = None,
    workers: int = 1,
) -> BatchSummary:
    """Answer every row in order and hand each output row to `writer` as soon as it is made.

    An exception inside `engine.ask` becomes an error row and the batch goes on. With a
    `conversation`, every question is asked in it, so follow-ups resolve against earlier rows.
    A KeyboardInterrupt stops the batch after the last complete row: the summary says so.
    With `workers` > 1 (see `batch_workers`) forked processes answer and rows are still
    written in input order, one complete row at a time.
    """
    write = writer.write_row if hasattr(writer, "write_row") else writer
    assert callable(write)
    summary = BatchSummary()
    started = time.perf_counter()
    # Most of what a batch allocates is kept (analysed articles, sentence words, in bounded
    # caches) and holds no cycles: collecting every 700 allocations re-scanned it all the
    # same, ~15% of the CPU of answering. A young generation of 20,000 (inherited by forked
    # workers) still collects, less often; the old thresholds come back afterwards.
    thresholds = gc.get_threshold()
    gc.set_threshold(BATCH_GC_THRESHOLD, *thresholds[1:])
    answered: Iterator[dict[str, Any]]
    if workers > 1 and conversation is None:
        answered = _rows_in_pool(engine, rows, explain, workers)
    else:
        answered = (answer_row(engine, item, conversation, explain) for item in rows)
    try:
        for row in answered:
            with guard.protect() if guard is not None else contextlib.nullcontext():
                write(row)
                summary.total += 1
                if row["error"] is not None:
                    summary.errors += 1
                elif row["answered"]:
                    summary.answered += 1
                else:
                    summary.declined += 1
            if progress is not None:
                progress.advance()
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        close = getattr(answered, "close", None)
        if close is not None:
            close()  # stops the worker pool, if any, at once
        gc.set_threshold(*thresholds)
    summary.seconds = time.perf_counter() - started
    return summary
