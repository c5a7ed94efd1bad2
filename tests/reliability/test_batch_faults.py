"""Interrupted batches: SIGINT, SIGTERM or SIGKILL in the middle of a run, then --resume.

After SIGINT or SIGTERM the output file holds only complete JSONL rows (each written whole, the
signal held until a row is done) and the process exits 130 or 143 saying so. SIGKILL cannot be
caught: at most the last line is cut short. In every case `--resume` keeps the complete rows,
drops a cut last line, answers only the questions whose ids are not in the file yet, and no row
is written twice.
"""

from __future__ import annotations

import json
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from assistant.cli import main

from .conftest import REPO, newsdesk_command, subprocess_env

QUESTION_KINDS = (
    "Who did Anna Kovac meet in Orvik?",
    "Why did Ruta Valen host Kofi Oduro?",
    "When did the Kestrel Bridge open?",
    "Who did Mara Voss meet in Tellhaven?",
    "What closed the coast road?",
)
QUESTIONS = 1000


@pytest.fixture(scope="module")
def batch_cache(hostile_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built cache, so each run starts answering within a second or two."""
    cache = tmp_path_factory.mktemp("batch") / "cache"
    main(["corpus", "--json", "--corpus", str(hostile_corpus), "--cache-dir", str(cache)])
    return cache


def questions_file(folder: Path) -> tuple[Path, list[str]]:
    """QUESTIONS rows with string ids (`row_key` keeps "7" and 7 apart) and a topic field."""
    ids = [f"q{n:04d}" for n in range(1, QUESTIONS + 1)]
    path = folder / "questions.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n, row_id in enumerate(ids):
            question = QUESTION_KINDS[n % len(QUESTION_KINDS)]
            handle.write(json.dumps({"id": row_id, "question": question, "topic": n}) + "\n")
    return path, ids


def rows_of(path: Path) -> tuple[list[dict[str, Any]], str]:
    """The complete rows of a JSONL output file, and the cut last line if there is one."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.split("\n")
    tail = lines.pop()  # "" when the file ends with a newline
    return [json.loads(line) for line in lines], tail


def interrupt(
    signum: signal.Signals, questions: Path, out: Path, corpus: Path, cache: Path, rows: int
) -> tuple[int, str]:
    """Start a batch, send `signum` once `rows` rows are in `out`; its exit code and stderr."""
    command = newsdesk_command(
        "batch", questions, "--out", out, "--corpus", corpus, "--cache-dir", cache
    )
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        cwd=REPO,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= rows:
                break
            time.sleep(0.01)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    if process.returncode == 0:
        pytest.skip("the batch finished before the signal arrived")
    return process.returncode, stderr


def resume(
    questions: Path, out: Path, corpus: Path, cache: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """`newsdesk batch --resume`, run in this process (the interrupted runs are subprocesses)."""
    capsys.readouterr()
    args = ["batch", str(questions), "--out", str(out), "--resume"]
    code = main([*args, "--corpus", str(corpus), "--cache-dir", str(cache)])
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    "signum", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=lambda s: s.name
)
def test_an_interrupted_batch_leaves_complete_rows_and_resumes_where_it_stopped(
    signum: signal.Signals,
    hostile_corpus: Path,
    batch_cache: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    questions, ids = questions_file(tmp_path)
    out = tmp_path / "rows.jsonl"
    code, stderr = interrupt(signum, questions, out, hostile_corpus, batch_cache, rows=10)
    rows, tail = rows_of(out)
    if signum == signal.SIGKILL:
        assert code == -signal.SIGKILL
    else:
        assert code == (130 if signum == signal.SIGINT else 143), stderr
        assert "interrupted after" in stderr
        assert tail == "", "a caught signal never cuts a row"
    done = [row["id"] for row in rows]
    assert 10 <= len(done) < len(ids)
    assert done == ids[: len(done)], "rows are written in order, each once"
    assert all(row["error"] is None and row["answer"] for row in rows)

    code, stderr = resume(questions, out, hostile_corpus, batch_cache, capsys)
    assert code == 0, stderr
    if tail:
        assert "dropped a truncated last line" in stderr
    to_go = len(ids) - len(done)
    assert f"resuming {out}: {len(done)} rows kept, {to_go} questions to go" in stderr
    assert f"newsdesk: {to_go} questions, " in stderr  # only the missing ones were asked
    final, tail = rows_of(out)
    assert tail == ""
    assert [row["id"] for row in final] == ids  # every id once, in order
    assert final[: len(done)] == rows  # the kept rows are untouched
    assert all(row["topic"] == n for n, row in enumerate(final))

    if signum != signal.SIGKILL:
        return
    # Resuming a finished file changes nothing.
    before = out.read_bytes()
    code, stderr = resume(questions, out, hostile_corpus, batch_cache, capsys)
    assert code == 0 and "0 questions to go" in stderr
    assert out.read_bytes() == before


def test_an_interrupt_while_the_corpus_loads_keeps_the_earlier_rows(
    hostile_corpus: Path, tmp_path: Path
) -> None:
    """Interrupted before the first answer (the index is being built): the output file of an
    earlier run is left exactly as it was, ready for --resume."""
    questions, ids = questions_file(tmp_path)
    out = tmp_path / "rows.jsonl"
    kept = [{"id": ids[0], "answer": "from an earlier run"}]
    out.write_text(json.dumps(kept[0]) + "\n" + '{"id": "q00', encoding="utf-8")
    command = newsdesk_command(
        "batch", questions, "--out", out, "--resume", "--corpus", hostile_corpus,
        "--cache-dir", tmp_path / "fresh-cache",
    )  # fmt: skip
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=subprocess_env(),
        cwd=REPO,
    )
    try:
        deadline = time.monotonic() + 60
        stderr_lines = []
        assert process.stderr is not None
        for line in process.stderr:  # "resuming ..." comes before the corpus is opened
            stderr_lines.append(line)
            if line.startswith("newsdesk: resuming") or time.monotonic() > deadline:
                break
        process.send_signal(signal.SIGINT)
        rest = process.communicate(timeout=60)[1]
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    stderr = "".join(stderr_lines) + rest
    if process.returncode == 0:
        pytest.skip("the batch finished before the signal arrived")
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr
    rows, tail = rows_of(out)
    assert tail == "" and rows[0] == kept[0]  # the cut line went, the complete row stayed
    # (On a fast machine a few answers may be written before the signal lands; never twice.)
    assert [row["id"] for row in rows] == ids[: len(rows)]
