"""The `newsdesk` command line: the TUI when run bare, and search/corpus/meetings/ask/batch.

Everything printed goes through `assistant.safe.plain`: article text is untrusted.
Diagnostics go to stderr as `newsdesk: ...` lines; results go to stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import gc
import io
import json
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn

from assistant.batch import (
    OUTPUT_FORMATS,
    InterruptGuard,
    QuestionRow,
    QuestionsFileError,
    answer_to_row,
    batch_workers,
    make_writer,
    output_columns,
    prepare_resume,
    read_questions,
    row_key,
    run_batch,
)
from assistant.safe import one_line, plain, plain_data

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.engine import Engine
    from assistant.models import Evidence, Meeting, SearchHit, SkippedFile

PROG = "newsdesk"
SNIPPET_CHARS = 300
MAX_K = 1000
# Widest a cell of the meetings table gets before it is cut with an ellipsis.
TABLE_WIDTHS = {"who": 48, "kind": 10, "status": 22, "where": 28, "when": 32, "why": 48}

BOLD = "\x1b[1m"
HIGHLIGHT = "\x1b[1;33m"
DIM = "\x1b[2m"
RESET = "\x1b[0m"


class CliError(Exception):
    """A one-line error for the user; `code` is the exit status."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


# --- output helpers ---------------------------------------------------------------------------


def out(text: object = "") -> None:
    """Print a line on stdout, made safe."""
    sys.stdout.write(plain(text) + "\n")


def out_raw(text: str) -> None:
    """Print a line whose parts were already made safe (used to add our own highlighting)."""
    sys.stdout.write(text + "\n")


def err(text: object) -> None:
    """Print a `newsdesk: ...` line on stderr, made safe."""
    sys.stderr.write(plain(f"{PROG}: {text}") + "\n")
    sys.stderr.flush()


def out_json(value: Any, indent: int | None = 2) -> None:
    sys.stdout.write(json.dumps(plain_data(value), ensure_ascii=False, indent=indent) + "\n")


def _stdout_is_tty() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _stderr_is_tty() -> bool:
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):
        return False


# --- arguments --------------------------------------------------------------------------------


def _path(value: str) -> Path:
    if not value:
        raise argparse.ArgumentTypeError("empty path")
    return Path(os.path.expanduser(value))


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if not 1 <= number <= MAX_K:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_K}, got {number}")
    return number


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _add_common(parser: argparse.ArgumentParser, top: bool) -> None:
    """--corpus/--cache-dir/--no-cache, accepted before and after the command name.

    The top-level parser stores them under `top_*`; subcommands under the plain names with
    SUPPRESS defaults, so one never overwrites the other; `_settings` merges both.
    """
    prefix = "top_" if top else ""
    default: Any = None if top else argparse.SUPPRESS
    group = parser.add_argument_group("corpus options")
    group.add_argument(
        "--corpus",
        action="append",
        type=_path,
        metavar="PATH",
        dest=f"{prefix}corpus",
        default=default,
        help="file or folder of articles (repeatable; default: the bundled corpus/)",
    )
    group.add_argument(
        "--cache-dir",
        type=_path,
        metavar="DIR",
        dest=f"{prefix}cache_dir",
        default=default,
        help="where built indexes are kept between runs",
    )
    group.add_argument(
        "--no-cache",
        action="store_true",
        dest=f"{prefix}no_cache",
        default=False if top else argparse.SUPPRESS,
        help="neither read nor write the index cache",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Offline question answering over folders of news articles. "
            "Run without a command to open the interactive assistant."
        ),
    )
    _add_common(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    search = commands.add_parser("search", help="ranked passages for a query")
    search.add_argument("query", help="words to look for")
    search.add_argument("-k", type=_positive_int, default=10, help="how many passages (default 10)")
    search.add_argument("--json", action="store_true", help="print a JSON array of hits")
    _add_common(search, top=False)
    search.set_defaults(handler=cmd_search)

    corpus = commands.add_parser("corpus", help="the articles loaded and the files skipped")
    corpus.add_argument("--json", action="store_true", help="print one JSON object")
    _add_common(corpus, top=False)
    corpus.set_defaults(handler=cmd_corpus)

    meetings = commands.add_parser("meetings", help="meetings found in the articles")
    meetings.add_argument("--person", metavar="NAME", help="only meetings this person took part in")
    meetings.add_argument("--place", metavar="NAME", help="only meetings at this place")
    meetings.add_argument(
        "--since", type=_iso_date, metavar="YYYY-MM-DD", help="only meetings on or after this date"
    )
    meetings.add_argument("--format", choices=("table", "jsonl", "csv"), default="table")
    meetings.add_argument(
        "--explain",
        action="store_true",
        help="show the rule and sentence behind every field, one block per meeting",
    )
    _add_common(meetings, top=False)
    meetings.set_defaults(handler=cmd_meetings)

    ask = commands.add_parser("ask", help="answer one question")
    ask.add_argument("question")
    ask.add_argument("--json", action="store_true", help="print the answer as a batch row")
    ask.add_argument("--explain", action="store_true", help="show how the answer was found")
    _add_common(ask, top=False)
    ask.set_defaults(handler=cmd_ask)

    batch = commands.add_parser(
        "batch",
        help="answer every question in a file",
        description=(
            "Answer the questions in FILE (.txt: one a line; .jsonl: {'id', 'question'} objects; "
            "'-': stdin) and write one row per question, in order."
        ),
    )
    batch.add_argument("file", metavar="FILE", help="questions file, or - for stdin")
    batch.add_argument("--out", type=_path, metavar="FILE", help="write rows here (default stdout)")
    batch.add_argument("--format", choices=OUTPUT_FORMATS, default="jsonl")
    batch.add_argument(
        "--conversation",
        action="store_true",
        help="ask all questions in one conversation, so follow-ups refer to earlier rows",
    )
    batch.add_argument(
        "--workers",
        type=_positive_int,
        metavar="N",
        help="processes answering at once (default: one per core; a conversation uses one)",
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="keep the complete rows already in --out and answer only the missing ids",
    )
    _add_common(batch, top=False)
    batch.set_defaults(handler=cmd_batch)
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    from pydantic import ValidationError

    from assistant.config import DEFAULT_CORPUS, Settings

    corpus = (args.top_corpus or []) + (getattr(args, "corpus", None) or [])
    cache_dir = getattr(args, "cache_dir", None) or args.top_cache_dir
    no_cache = bool(getattr(args, "no_cache", False) or args.top_no_cache)
    values: dict[str, Any] = {"corpus": corpus or [DEFAULT_CORPUS], "use_cache": not no_cache}
    if cache_dir is not None:
        values["cache_dir"] = cache_dir
    try:
        return Settings(**values)
    except ValidationError as error:
        raise CliError(f"bad settings: {one_line(error)}") from None


def open_engine(args: argparse.Namespace) -> Engine:
    """Load the corpus, reporting skipped files and cache messages on stderr."""
    from assistant.engine import Engine

    settings = _settings(args)
    reported: set[str] = set()

    def on_skip(item: SkippedFile) -> None:
        if item.describe() not in reported:
            reported.add(item.describe())
            err(f"skipped {item.describe()}")

    def on_message(message: str) -> None:
        err(message)

    try:
        engine = Engine.open(
            settings, on_skip=on_skip, on_message=on_message, progress=_stderr_is_tty()
        )
    except OSError as error:
        raise CliError(f"cannot load the corpus: {error}") from None
    except Exception as error:  # a dead indexing worker, or a bug: one line, not a traceback
        raise CliError(
            f"cannot load the corpus: {type(error).__name__}: {error}", code=1
        ) from error
    # From the cache the loader does not run, so report the skips it remembered.
    for item in engine.skipped:
        on_skip(item)
    how = "from cache" if engine.from_cache else f"indexed in {engine.load_seconds:.1f}s"
    err(f"{len(engine.articles)} articles loaded, {len(skipped_files(engine))} skipped ({how})")
    if not engine.articles:
        where = ", ".join(str(p) for p in settings.corpus)
        raise CliError(f"no article could be loaded from {where}")
    return engine


def skipped_files(engine: Engine) -> list[SkippedFile]:
    """The engine's skipped inputs, each once (a missing --corpus path can be reported twice)."""
    return list({item.describe(): item for item in engine.skipped}.values())


# --- search -----------------------------------------------------------------------------------


def _word_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def snippet(text: str, matched: Sequence[str], width: int = SNIPPET_CHARS) -> str:
    """The passage on one line, cut to about `width` characters around the first matched word."""
    text = one_line(text)
    if len(text) <= width:
        return text
    pattern = _word_pattern(matched)
    found = pattern.search(text) if pattern else None
    position = found.start() if found else 0
    start = max(0, position - width // 3)
    end = min(len(text), start + width)
    start = max(0, end - width)
    if start > 0:
        space = text.find(" ", start, position if position > start else end)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", max(start, position), end)
        end = space if space > start else end
    return ("…" if start > 0 else "") + text[start:end] + ("…" if end < len(text) else "")


def mark(text: str, matched: Sequence[str], style: str = HIGHLIGHT) -> str:
    """`text` (already plain) with every matched word wrapped in an ANSI style."""
    pattern = _word_pattern(matched)
    if pattern is None:
        return text
    return pattern.sub(lambda m: f"{style}{m.group(0)}{RESET}", text)


def _highlight_style() -> str:
    return BOLD if os.environ.get("NO_COLOR") else HIGHLIGHT


def hit_json(hit: SearchHit) -> dict[str, Any]:
    p = hit.passage
    return {
        "rank": hit.rank,
        "score": round(hit.score, 6),
        "article_id": p.article_id,
        "title": hit.title,
        "date": hit.date,
        "text": p.text,
        "passage_id": p.id,
        "paragraph": p.paragraph,
        "sentence": p.sentence,
        "first_sentence": p.first_sentence,
        "last_sentence": p.last_sentence,
        "matched": list(hit.matched),
    }


def print_hits(hits: Sequence[SearchHit], indent: str = "") -> None:
    tty = _stdout_is_tty()
    style = _highlight_style()
    for hit in hits:
        title = one_line(hit.title) or "(untitled)"
        date = hit.date or "undated"
        head = f"{indent}{hit.rank:>2}. {hit.score:.3f}  {title} ({date})  [{one_line(hit.passage.article_id)}]"
        text = snippet(hit.passage.text, hit.matched)
        if tty:
            out_raw(f"{BOLD}{plain(head)}{RESET}")
            out_raw(f"{indent}    {mark(plain(text), [plain(w) for w in hit.matched], style)}")
        else:
            out(head)
            out(f"{indent}    {text}")


def cmd_search(args: argparse.Namespace) -> int:
    query = args.query.strip()
    if not query:
        raise CliError("the search query is empty")
    engine = open_engine(args)
    hits = engine.search(query, k=args.k)
    if args.json:
        out_json([hit_json(h) for h in hits])
        return 0
    if not hits:
        err(f"no passage matches {one_line(query)!r}")
        return 0
    for i, hit in enumerate(hits):
        if i:
            out()
        print_hits([hit])
    return 0


# --- corpus -----------------------------------------------------------------------------------


def cmd_corpus(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    articles = [
        {
            "id": a.id,
            "title": a.title,
            "date": a.date_text,
            "passages": passages,
            "sentences": sentences,
            "path": a.path,
            "line": a.line,
        }
        for a, sentences, passages in engine.article_summaries()
    ]
    skipped = [{"path": s.path, "line": s.line, "reason": s.reason} for s in skipped_files(engine)]
    if args.json:
        out_json({"articles": articles, "skipped": skipped})
        return 0
    width = max((len(one_line(a["id"])) for a in articles), default=2)
    out(f"Articles ({len(articles)}):")
    for a in articles:
        out(
            f"  {one_line(a['id']):<{width}}  {a['date'] or 'undated':<10}  "
            f"{a['passages']:>4} passages  {one_line(a['title']) or '(untitled)'}"
        )
    out()
    out(f"Skipped ({len(skipped)}):")
    for s in skipped_files(engine):
        out(f"  {one_line(s.describe())}")
    return 0


# --- meetings ---------------------------------------------------------------------------------


def _when(evidence: Evidence | None) -> str:
    if evidence is None:
        return ""
    value = one_line(evidence.value)
    if evidence.iso and evidence.iso != value:
        return f"{value} ({evidence.iso})"
    return value


def _why(meeting: Meeting) -> str:
    if meeting.purpose is not None:
        return one_line(meeting.purpose.value)
    if meeting.topics:
        return "about " + ", ".join(one_line(t.value) for t in meeting.topics)
    return ""


def _status(meeting: Meeting) -> str:
    return f"{meeting.status} (background)" if meeting.background else meeting.status


def _who(meeting: Meeting) -> str:
    return "; ".join(one_line(p.name) for p in meeting.participants)


def _because(rule: str, sentence: int) -> str:
    return f"[{rule}, sentence {sentence}]"


def _trigger_text(engine: Engine, meeting: Meeting) -> str:
    article = engine.articles.get(meeting.article_id)
    if article is None:
        return ""
    try:
        return one_line(article.sentence_text(meeting.trigger.sentence))
    except IndexError:
        return ""


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def print_table(
    header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int]
) -> None:
    cells = [[_cut(one_line(c), w) for c, w in zip(row, widths, strict=True)] for row in rows]
    sizes = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(header)]
    out("  ".join(h.upper().ljust(s) for h, s in zip(header, sizes, strict=True)).rstrip())
    out("  ".join("-" * s for s in sizes))
    for row in cells:
        out("  ".join(c.ljust(s) for c, s in zip(row, sizes, strict=True)).rstrip())


def _explain_meeting(engine: Engine, meeting: Meeting) -> None:
    out(f"{meeting.id}  {meeting.kind}, {_status(meeting)}  [{meeting.article_id}]")
    for p in meeting.participants:
        title = f"{p.title} " if p.title else ""
        out(f"  who:     {title}{p.name} ({p.kind})  {_because(p.rule, p.sentence)}")
    fields: list[tuple[str, Evidence | None]] = [
        ("where", meeting.place),
        ("when", meeting.time),
        ("why", meeting.purpose),
    ]
    for name, evidence in fields:
        if evidence is None:
            out(f"  {name + ':':<8} -")
        else:
            value = _when(evidence) if name == "when" else one_line(evidence.value)
            out(f"  {name + ':':<8} {value}  {_because(evidence.rule, evidence.sentence)}")
    for topic in meeting.topics:
        out(f"  topic:   {one_line(topic.value)}  {_because(topic.rule, topic.sentence)}")
    trigger = meeting.trigger
    out(f"  trigger: {one_line(trigger.value)}  {_because(trigger.rule, trigger.sentence)}")
    text = _trigger_text(engine, meeting)
    if text:
        out(f"  sentence {trigger.sentence}: {text}")


def _meeting_csv_row(engine: Engine, meeting: Meeting, explain: bool) -> list[str]:
    row = [
        meeting.id,
        meeting.article_id,
        _who(meeting),
        meeting.kind,
        meeting.status,
        "true" if meeting.background else "false",
        one_line(meeting.place.value) if meeting.place else "",
        one_line(meeting.time.value) if meeting.time else "",
        (meeting.time.iso or "") if meeting.time else "",
        one_line(meeting.purpose.value) if meeting.purpose else "",
        "; ".join(one_line(t.value) for t in meeting.topics),
    ]
    if explain:
        for evidence in (meeting.place, meeting.time, meeting.purpose):
            row += [evidence.rule, str(evidence.sentence)] if evidence else ["", ""]
        row += [
            "; ".join(f"{p.name}: {p.rule}@{p.sentence}" for p in meeting.participants),
            meeting.trigger.rule,
            str(meeting.trigger.sentence),
            _trigger_text(engine, meeting),
        ]
    return [plain(c) for c in row]


MEETING_CSV_FIELDS = [
    "id",
    "article_id",
    "who",
    "kind",
    "status",
    "background",
    "where",
    "when",
    "when_iso",
    "why",
    "topics",
]
MEETING_CSV_EXPLAIN_FIELDS = [
    "where_rule",
    "where_sentence",
    "when_rule",
    "when_sentence",
    "why_rule",
    "why_sentence",
    "who_rules",
    "trigger_rule",
    "trigger_sentence",
    "trigger_text",
]


def cmd_meetings(args: argparse.Namespace) -> int:
    engine = open_engine(args)
    meetings = engine.find_meetings(person=args.person, place=args.place, since=args.since)
    if args.format == "jsonl":
        for meeting in meetings:
            data = meeting.model_dump(mode="json")
            if args.explain:
                data["trigger_text"] = _trigger_text(engine, meeting)
            out_json(data, indent=None)
        return 0
    if args.format == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        fields = MEETING_CSV_FIELDS + (MEETING_CSV_EXPLAIN_FIELDS if args.explain else [])
        writer.writerow(fields)
        for meeting in meetings:
            writer.writerow(_meeting_csv_row(engine, meeting, args.explain))
        return 0
    if not meetings:
        err("no meeting matches")
        return 0
    if args.explain:
        for i, meeting in enumerate(meetings):
            if i:
                out()
            _explain_meeting(engine, meeting)
        return 0
    header = ["who", "kind", "status", "where", "when", "why", "article"]
    rows = [
        [
            _who(m),
            m.kind,
            _status(m),
            one_line(m.place.value) if m.place else "-",
            _when(m.time) or "-",
            _why(m) or "-",
            m.article_id,
        ]
        for m in meetings
    ]
    widths = [*TABLE_WIDTHS.values(), 80]
    print_table(header, rows, widths)
    return 0


# --- ask --------------------------------------------------------------------------------------


def cmd_ask(args: argparse.Namespace) -> int:
    global _quick_exit
    # Nothing runs in the background and nothing is left open but stdout and stderr.
    _quick_exit = True
    question = args.question.strip()
    if not question:
        raise CliError("the question is empty")
    # One question, then exit: what is loaded lives until then, so the cyclic collector would
    # only re-scan the modules, tables and caches just made (~10% of the command's CPU on a
    # loaded machine). Switched back on for callers that go on (tests calling main()).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _ask(args, question)
    finally:
        if collecting:
            gc.enable()


def _ask(args: argparse.Namespace, question: str) -> int:
    engine = open_engine(args)
    try:
        answer = engine.ask(question, conversation=None, explain=args.explain)
    except Exception as error:
        raise CliError(f"could not answer: {type(error).__name__}: {error}", code=1) from error
    if args.json:
        row = answer_to_row(1, question, answer, None)
        if args.explain:
            row["explain"] = list(answer.explain)
        out_json(row)
        return 0
    out(answer.answer)
    if answer.answered and answer.citations:
        out()
        out("Sources:")
        for c in answer.citations:
            out(
                f"  [{one_line(c.article_id)}] {one_line(c.title)} ({c.date or 'undated'}): "
                f"{one_line(c.sentence)}"
            )
    elif not answer.answered and answer.passages:
        out()
        out("Closest passages:")
        print_hits(answer.passages, indent="  ")
    if args.explain and answer.explain:
        out()
        out("Explanation:")
        for line in answer.explain:
            out(f"  {line}")
    return 0


# --- batch ------------------------------------------------------------------------------------


def cmd_batch(args: argparse.Namespace) -> int:
    out_path: Path | None = None if args.out is None or str(args.out) == "-" else args.out
    if args.resume and (out_path is None or args.format != "jsonl"):
        raise CliError("--resume needs --out FILE and --format jsonl")
    try:
        rows = list(read_questions(args.file))
    except QuestionsFileError as error:
        raise CliError(f"cannot read questions file {error}") from None
    if out_path is not None:
        if out_path.is_dir():
            raise CliError(f"--out {out_path}: is a directory")
        if not out_path.parent.is_dir():
            raise CliError(f"--out {out_path}: folder {out_path.parent} does not exist")
    if args.resume:
        assert out_path is not None
        try:
            state = prepare_resume(out_path)
        except OSError as error:
            raise CliError(f"cannot resume from {out_path}: {error.strerror or error}") from None
        todo = [r for r in rows if row_key(r.id) not in state.done]
        if state.dropped_partial:
            err(f"{out_path}: dropped a truncated last line")
        for number in state.bad_lines:
            err(f"{out_path}:{number}: not a complete row; left as it is")
        err(f"resuming {out_path}: {state.rows} rows kept, {len(todo)} questions to go")
        if not todo:
            return 0
    else:
        todo = rows

    engine: Any = None
    if any(isinstance(r, QuestionRow) for r in todo):
        engine = open_engine(args)

    from assistant.progress import Progress
    from assistant.qa.conversation import Conversation

    conversation = Conversation() if args.conversation else None
    stream: IO[str]
    if out_path is None:
        stream = sys.stdout
    else:
        try:
            stream = open(  # noqa: SIM115 - closed below
                out_path, "a" if args.resume else "w", encoding="utf-8", newline=""
            )
        except OSError as error:
            raise CliError(f"cannot write {out_path}: {error.strerror or error}") from None
    try:
        writer = make_writer(args.format, stream, output_columns(todo))
        # The bar draws itself only when stderr is a terminal.
        with InterruptGuard() as guard, Progress(len(todo), "answering", stream=sys.stderr) as bar:
            workers = batch_workers(engine, len(todo), conversation, args.workers)
            if engine is not None:
                # The rule tables are loaded before the clock starts, as the index is: the
                # summary's rate is that of answering.
                engine.prepare()
            summary = run_batch(
                engine, todo, writer, conversation, progress=bar, guard=guard, workers=workers
            )
    finally:
        if stream is not sys.stdout:
            stream.close()
    if summary.interrupted:
        err(f"interrupted after {summary.describe()}")
        return 143 if guard.received == signal.SIGTERM else 130
    err(summary.describe())
    return 0


# --- bare newsdesk: the TUI -------------------------------------------------------------------


def run_tui(args: argparse.Namespace) -> int:
    try:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        interactive = False
    if not interactive:
        raise CliError(
            "the interactive assistant needs a terminal; "
            'use `newsdesk ask "QUESTION"` or `newsdesk batch FILE` instead'
        )
    settings = _settings(args)
    try:
        from assistant.tui.app import run_app
    except ImportError as error:
        raise CliError(f"cannot start the interactive assistant: {error}", code=1) from None
    return int(run_app(settings) or 0)


# --- entry point ------------------------------------------------------------------------------


def _reconfigure_streams() -> None:
    """Never crash on a character the terminal's encoding cannot show."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so the interpreter exits quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


# Set by a command that leaves nothing to finish but flushing its output (`ask`).
_quick_exit = False


def entry() -> NoReturn:
    """The `newsdesk` script and `python -m assistant`: `main`, then exit. After `ask` the
    interpreter's teardown is skipped: it frees every module, rule table and cache one object
    at a time, ~5% of the command's instructions, for a process about to end anyway."""
    code = main()
    if _quick_exit:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    _reconfigure_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = getattr(args, "handler", run_tui)
    try:
        code = handler(args)
        sys.stdout.flush()
        return code
    except CliError as error:
        err(f"error: {error}")
        return error.code
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 141
