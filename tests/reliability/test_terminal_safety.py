"""Article text, titles, ids, metadata and questions never take over the terminal.

The hostile corpus (see conftest.py) carries Rich markup, ANSI colour, cursor and screen codes,
OSC 8 hyperlinks, a window-title OSC, BEL and other control characters in every field. What the
CLI prints, what batch writes (JSONL, CSV, Markdown) and what the TUI draws and saves must hold
no escape or control character (but newline and tab), while markup shows as the literal text.
The CLI runs as a subprocess, as a user would start it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from textual.app import App

from assistant.cli import BOLD, DIM, HIGHLIGHT, RESET, main
from assistant.config import Settings
from assistant.engine import Engine
from assistant.qa.questions import parse_question
from assistant.tui.app import NewsdeskApp
from assistant.tui.messages import SourceChosen
from assistant.tui.screens.meetings import MeetingsScreen
from assistant.tui.screens.reader import Paragraph, ReaderScreen
from assistant.tui.widgets.sources import CitationItem, PassageItem
from assistant.tui.widgets.transcript import AnswerView

from .checks import CONTROL, UNSAFE
from .conftest import (
    BEL,
    CLEAR,
    ESC,
    HOSTILE_ARTICLE,
    HOSTILE_QUESTION,
    HOSTILE_SENTENCE_LITERAL,
    HOSTILE_TITLE_LITERAL,
    OSC8,
    RED,
    REPO,
    TITLE_SET,
    newsdesk_command,
    subprocess_env,
)

# Questions as a user might paste them: with escape codes, a bell and markup of their own.
QUESTIONS = (
    HOSTILE_QUESTION,
    f"Who did {RED}Mara Voss{ESC}[0m meet in Tellhaven?{BEL}",
    f"Why did Ivo Pell host Lena Dahl? [bold]{OSC8}now{ESC}]8;;{ESC}\\[/bold]",
    f"{TITLE_SET}{CLEAR}What closed the \u202edaor\u202c coast road?",
    "Who did Cassian meet in Skarholm? [link=http://x]x[/link]",
)


def assert_safe(text: str, where: str) -> None:
    """No escape, bell, other control or bidi override in `text` (newline and tab are fine)."""
    found = UNSAFE.search(text)
    assert found is None, (
        f"{where}: {found.group()!r} in {text[max(0, found.start() - 60) :][:160]!r}"
    )


@pytest.fixture(scope="module")
def cli_cache(hostile_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index cache for the CLI runs, built by the first of them."""
    return tmp_path_factory.mktemp("cli") / "cache"


def run_cli(*args: str | Path, corpus: Path, cache: Path) -> subprocess.CompletedProcess[bytes]:
    command = newsdesk_command(*args, "--corpus", corpus, "--cache-dir", cache)
    return subprocess.run(
        command,
        capture_output=True,
        env=subprocess_env(),
        cwd=REPO,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


# --- the CLI, as a subprocess -----------------------------------------------------------------

CLI_RUNS = {
    "search": ["search", "Voss Brandt tariffs pier [bold] harvest grain"],
    "search-json": ["search", "--json", "pier harvest storm"],
    "ask": ["ask", HOSTILE_QUESTION],
    "ask-hostile-question": ["ask", QUESTIONS[1]],
    "ask-explain": ["ask", "--explain", QUESTIONS[2]],
    "ask-declined": ["ask", QUESTIONS[4]],
    "ask-json": ["ask", "--json", "--explain", QUESTIONS[3]],
    "meetings": ["meetings"],
    "meetings-explain": ["meetings", "--explain"],
    "meetings-csv": ["meetings", "--format", "csv", "--explain"],
    "meetings-jsonl": ["meetings", "--format", "jsonl", "--explain"],
    "corpus": ["corpus"],
    "corpus-json": ["corpus", "--json"],
}
# Run as subprocesses (each costs a Python start-up); the others through `main` in-process,
# which writes through the same code to sys.stdout and sys.stderr.
SUBPROCESS = ("search", "ask-hostile-question", "meetings-explain")


def check_cli_output(run: str, stdout: str, stderr: str) -> None:
    assert stdout.strip()
    assert_safe(stdout, f"{run} stdout")
    assert_safe(stderr, f"{run} stderr")
    if run == "ask":
        assert "Mara Voss met Elias Brandt" in stdout
        assert HOSTILE_SENTENCE_LITERAL in stdout  # the cited sentence, markup as text
    if run in ("search", "meetings-explain", "corpus"):
        assert "[bold]" in stdout
    if run.endswith("json") or run.endswith("jsonl"):
        for line in stdout.splitlines() if run.endswith("jsonl") else [stdout]:
            json.loads(line)
        assert "\\u001b" not in stdout and "\\u0007" not in stdout  # not even escaped


@pytest.mark.parametrize("run", SUBPROCESS)
def test_cli_output_holds_no_escape_or_control_character(
    run: str, hostile_corpus: Path, cli_cache: Path
) -> None:
    result = run_cli(*CLI_RUNS[run], corpus=hostile_corpus, cache=cli_cache)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    check_cli_output(run, result.stdout.decode("utf-8"), result.stderr.decode("utf-8"))


@pytest.mark.parametrize("run", [r for r in CLI_RUNS if r not in SUBPROCESS])
def test_every_cli_output_holds_no_escape_or_control_character(
    run: str, hostile_corpus: Path, cli_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [*CLI_RUNS[run], "--corpus", str(hostile_corpus), "--cache-dir", str(cli_cache)]
    assert main(args) == 0
    captured = capsys.readouterr()
    check_cli_output(run, captured.out, captured.err)


def test_search_on_a_terminal_uses_only_its_own_highlighting(
    hostile_corpus: Path, cli_cache: Path
) -> None:
    """On a terminal `search` colours matched words itself: those are the only escapes."""
    command = newsdesk_command(
        "search", "pier tariffs", "--corpus", hostile_corpus, "--cache-dir", cli_cache
    )
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=subprocess.PIPE,
        env=subprocess_env(),
        cwd=REPO,
    )
    os.close(follower)
    chunks = []
    try:
        while True:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
        process.wait(timeout=60)
    assert process.returncode == 0
    out = b"".join(chunks).decode("utf-8").replace("\r\n", "\n")  # the terminal's own CRs
    ours = "|".join(re.escape(s) for s in (BOLD, HIGHLIGHT, DIM, RESET))
    assert re.search(ours, out), "expected highlighting on a terminal"
    assert_safe(re.sub(ours, "", out), "search on a terminal")
    assert "[bold]pier[/bold]" in re.sub(ours, "", out)


# --- batch output files -----------------------------------------------------------------------


def hostile_questions_file(folder: Path) -> Path:
    path = folder / "questions.jsonl"
    rows: list[dict[str, Any]] = [
        {"id": f"q{n}{RED}{BEL}", "question": q, f"note{ESC}[1m": f"{OSC8}x{BEL}[b]y[/b]"}
        for n, q in enumerate(QUESTIONS, start=1)
    ]
    rows.append({"id": "bad", "question": f"{ESC}{BEL}"})  # nothing left but controls
    rows.append({"id": f"err{ESC}", "question": 42})  # not a string: an error row
    lines = [json.dumps(row) for row in rows] + [f"{{not json {ESC}[31m"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "md"])
def test_batch_output_files_hold_no_raw_escape_bytes(
    fmt: str,
    hostile_corpus: Path,
    cli_cache: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    questions = hostile_questions_file(tmp_path)
    out = tmp_path / f"rows.{fmt}"
    args = ["batch", str(questions), "--out", str(out), "--format", fmt]
    code = main([*args, "--corpus", str(hostile_corpus), "--cache-dir", str(cli_cache)])
    assert code == 0
    data = out.read_bytes()
    text = data.decode("utf-8")
    assert b"\x1b" not in data and b"\x07" not in data
    assert_safe(text, f"batch {fmt}")
    assert_safe(capsys.readouterr().err, "batch stderr")
    if fmt == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert len(rows) == len(QUESTIONS) + 3
        assert rows[0]["id"] == "q1" and "Mara Voss met Elias Brandt" in rows[0]["answer"]
        assert HOSTILE_SENTENCE_LITERAL in rows[0]["citations"][0]["sentence"]
        assert rows[0]["note"] == "x[b]y[/b]"
        for row in rows:
            for value in _strings(row):
                assert_safe(value, "a JSON string")
    elif fmt == "csv":
        table = list(csv.reader(io.StringIO(text)))
        assert len(table) == len(QUESTIONS) + 4  # a header and every row
        # The extra field whose name carried an escape keeps its values.
        assert table[1][table[0].index("note")] == "x[b]y[/b]"
    else:
        lines = text.splitlines()
        assert len(lines) == len(QUESTIONS) + 5  # header, rule, rows
        assert all(line.startswith("|") and line.endswith("|") for line in lines)
        header = [cell.strip() for cell in lines[0].strip("|").split("|")]
        first = [cell.strip() for cell in lines[2].strip("|").split("|")]
        assert first[header.index("note")] == "x[b]y[/b]"


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in [k, *_strings(v)]]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


# --- the TUI ------------------------------------------------------------------------------------

SIZE = (110, 36)


def screen_text(app: App[Any]) -> str:
    """What the current screen draws, as text (escape codes in content would survive here)."""
    width, height = app.size
    console = Console(
        width=width,
        height=height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text(styles=False)


def rendered(widget: Any) -> str:
    result = widget.render()
    return str(result.plain if hasattr(result, "plain") else result)


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


@pytest.fixture
def tui_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSDESK_TRANSCRIPTS", str(tmp_path / "transcripts"))
    return tmp_path


@pytest.mark.asyncio
async def test_tui_shows_hostile_articles_literally_and_saves_them_safely(
    hostile_engine: Engine, hostile_corpus: Path, tui_workspace: Path
) -> None:
    settings = Settings(corpus=[hostile_corpus], use_cache=False)
    app = NewsdeskApp(settings, loader=lambda _: hostile_engine, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        chat = app.chat
        drawn = [screen_text(app)]
        # A question with its own escape codes, whose answer cites the hostile sentence.
        chat.prompt.value = QUESTIONS[1]
        await pilot.press("enter")
        await settle(pilot)
        view = chat.query_one(AnswerView)
        assert "met Elias Brandt" in view.answer.answer
        assert "Who did Mara Voss meet in Tellhaven?" in rendered(chat.query_one(".question"))
        citation = chat.query(CitationItem).first()
        assert HOSTILE_SENTENCE_LITERAL in rendered(citation)
        assert HOSTILE_TITLE_LITERAL in rendered(citation)
        await pilot.press("ctrl+o")  # the sources panel, with the ranked passages
        await pilot.pause()
        assert chat.query(PassageItem)
        for item in chat.query("CitationItem, PassageItem, Static"):
            assert_safe(rendered(item), f"{type(item).__name__}")
        drawn.append(screen_text(app))
        # The citation opens the reader at the sentence: markup literal, escapes gone.
        citation.focus()
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.article.id == HOSTILE_ARTICLE
        body = "\n".join(rendered(p) for p in reader.query(Paragraph))
        assert HOSTILE_SENTENCE_LITERAL in body and "[italic]June[/italic]" in body
        assert rendered(reader.query_one("#reader-title")) == HOSTILE_TITLE_LITERAL
        assert_safe(body, "reader body")
        drawn.append(screen_text(app))
        await pilot.press("escape")
        # The JSON article whose id, title, author, source and metadata carried escapes.
        json_article = next(a for a in hostile_engine.articles if a.startswith("h02-"))
        app.post_message(SourceChosen(json_article, 0))
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        meta = rendered(app.screen.query_one("#reader-meta"))
        assert "[red]Wire[/red]" in meta
        drawn.append(screen_text(app))
        await pilot.press("escape")
        await pilot.press("ctrl+t")  # the meetings table: participants, places, purposes
        await pilot.pause()
        assert isinstance(app.screen, MeetingsScreen)
        drawn.append(screen_text(app))
        await pilot.press("escape")
        await pilot.press("f1")  # help lists the corpus and its skipped files
        await pilot.pause()
        drawn.append(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        for number, screen in enumerate(drawn):
            assert_safe(screen, f"screen {number}")
        assert HOSTILE_SENTENCE_LITERAL[:40] in drawn[2]
        # ctrl+s: the Markdown transcript.
        await pilot.press("ctrl+s")
        await pilot.pause()
    files = list((tui_workspace / "transcripts").glob("newsdesk-*.md"))
    assert len(files) == 1
    data = files[0].read_bytes()
    assert b"\x1b" not in data and b"\x07" not in data
    transcript = data.decode("utf-8")
    assert_safe(transcript, "transcript")
    assert "Who did Mara Voss meet in Tellhaven?" in transcript
    assert HOSTILE_SENTENCE_LITERAL in transcript


def test_every_hostile_field_reaches_the_engine_cleaned(hostile_engine: Engine) -> None:
    """Ids, titles, metadata (keys too) and text arrive without control characters: anything
    that prints them is safe even without `plain` (which every printer applies anyway)."""
    for article in hostile_engine.articles.values():
        fields = [article.id, article.title, article.text, article.path.replace(ESC, "")]
        fields += [article.author or "", article.source or "", article.url or ""]
        fields += [s for kv in article.metadata.items() for s in kv]
        for field in fields:  # bidi overrides stay in the text; `plain` removes them on output
            assert not CONTROL.search(field), (article.id, field)
    for meeting in hostile_engine.meetings:
        assert not CONTROL.search(meeting.model_dump_json()), meeting.id
    assert sys.getdefaultencoding() == "utf-8"


def test_escape_codes_in_a_question_do_not_split_its_names() -> None:
    """A question pasted with colour codes is analysed as the words it shows: the escape
    sequences are removed before analysis, so "ESC[31mMara Voss" is the person Mara Voss."""
    frame = parse_question(f"Who did {RED}Mara Voss{ESC}[0m meet in Tellhaven?{BEL}")
    assert frame.text == "Who did Mara Voss meet in Tellhaven?"
    assert [(m.name, m.kind.value) for m in frame.entities] == [
        ("Mara Voss", "person"),
        ("Tellhaven", "place"),
    ]
