"""End-to-end tests of the `newsdesk` command line, run as `python -m assistant` subprocesses.

The corpus is tests/fixtures/cli/news: four small articles (two meetings among them) plus
deliberately bad inputs (a binary .txt, a Latin-1 .txt, a JSONL line that is not JSON).
One cache folder is shared by all tests, so the corpus is indexed once.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "cli"
NEWS = FIXTURES / "news"
BAD_ONLY = FIXTURES / "bad-only"
QUESTIONS_TXT = FIXTURES / "questions.txt"
QUESTIONS_JSONL = FIXTURES / "questions.jsonl"

ROW_FIELDS = [
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
]
ARTICLE_IDS = {
    "c01-orvik-fisheries-talks",
    "c02-kestrel-bridge-opening",
    "c03-valen-hosts-oduro",
    "c04-rennick-bakery-prize",
}
SUMMARY = re.compile(
    r"^newsdesk: 4 articles loaded, 3 skipped \((from cache|indexed in \d+\.\ds)\)$", re.M
)
BATCH_SUMMARY = re.compile(
    r"^newsdesk: (\d+) questions, (\d+) answered, (\d+) declined, (\d+) errors "
    r"in \d+\.\ds \(\d+\.\d/s\)$",
    re.M,
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("NO_COLOR", None)
    return env


def newsdesk(
    *args: str | Path,
    cache: Path,
    corpus: Path | None = NEWS,
    stdin: str | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "assistant", *map(str, args)]
    if corpus is not None:
        command += ["--corpus", str(corpus)]
    command += ["--cache-dir", str(cache)]
    return subprocess.run(
        command,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=_env(),
        cwd=cache.parent,
        timeout=timeout,
    )


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def first_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The session's cache folder, and the `corpus --json` run that indexed the corpus into it."""
    folder = tmp_path_factory.mktemp("cli") / "cache"
    result = newsdesk("corpus", "--json", cache=folder)
    assert result.returncode == 0, result.stderr
    return folder, result


@pytest.fixture(scope="session")
def cache(first_run: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    """One cache for all the tests, so the corpus is indexed once."""
    return first_run[0]


# --- loading ----------------------------------------------------------------------------------


def test_only_bad_file_exits_2(tmp_path: Path) -> None:
    result = newsdesk("search", "anything", cache=tmp_path / "cache", corpus=BAD_ONLY)
    assert result.returncode == 2
    assert "newsdesk: skipped" in result.stderr and "only-binary.txt" in result.stderr
    assert "no article could be loaded" in result.stderr.splitlines()[-1]
    assert result.stdout == ""


def test_unusable_arguments_exit_2(cache: Path) -> None:
    assert newsdesk("search", "x", "-k", "0", cache=cache).returncode == 2
    assert newsdesk("meetings", "--since", "last year", cache=cache).returncode == 2
    assert newsdesk("search", "   ", cache=cache).returncode == 2


# --- search -----------------------------------------------------------------------------------


def test_search_plain_output_has_no_escape_codes_and_k_limits(cache: Path) -> None:
    result = newsdesk("search", "herring quotas", "-k", "1", cache=cache)
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # one hit: a heading line and a snippet line
    first = lines[0]
    assert re.match(
        r"^\s*1\. \d+\.\d{3}  .+ \(\d{4}-\d\d-\d\d\)  \[c01-orvik-fisheries-talks\]$", first
    )
    assert "herring" in result.stdout


def test_search_json(cache: Path) -> None:
    result = newsdesk("search", "minister", "--json", cache=cache)
    hits = json.loads(result.stdout)
    assert len(hits) >= 2
    hit = hits[0]
    for key in ("rank", "score", "article_id", "title", "date", "text", "sentence", "matched"):
        assert key in hit
    assert [h["rank"] for h in hits] == list(range(1, len(hits) + 1))
    assert {h["article_id"] for h in hits} <= ARTICLE_IDS
    assert all(isinstance(h["score"], float) and h["matched"] for h in hits)


# --- corpus -----------------------------------------------------------------------------------


def test_corpus_json_lists_articles_and_bad_files(
    first_run: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    result = first_run[1]
    assert SUMMARY.search(result.stderr) and "indexed in" in result.stderr, result.stderr
    data = json.loads(result.stdout)
    assert {a["id"] for a in data["articles"]} == ARTICLE_IDS
    assert all(a["passages"] > 0 for a in data["articles"])
    skipped = {(Path(s["path"]).name, s["line"]): s["reason"] for s in data["skipped"]}
    assert ("zz-binary.txt", None) in skipped
    assert "UTF-8" in skipped[("zz-latin1.txt", None)]
    assert ("c-bundle.jsonl", 2) in skipped


def test_corpus_plain_and_loading_messages(cache: Path) -> None:
    result = newsdesk("corpus", cache=cache)
    assert result.returncode == 0, result.stderr
    assert "Articles (4):" in result.stdout and "Skipped (3):" in result.stdout
    assert "c02-kestrel-bridge-opening" in result.stdout
    # stderr: one line per skipped input (also when loading from the cache), then a summary.
    assert SUMMARY.search(result.stderr), result.stderr
    assert "(from cache)" in result.stderr
    skipped = [line for line in result.stderr.splitlines() if line.startswith("newsdesk: skipped ")]
    assert len(skipped) == 3
    assert any(line.endswith("zz-binary.txt: binary file") for line in skipped)
    assert any("c-bundle.jsonl:2: " in line for line in skipped)


# --- meetings ---------------------------------------------------------------------------------


def test_meetings_jsonl_and_since_filter(cache: Path) -> None:
    result = newsdesk("meetings", "--format", "jsonl", "--since", "2026-03-01", cache=cache)
    meetings = jsonl(result.stdout)
    # c01 (April 2026) is kept, c03 (February 2026) is before --since.
    assert "c01-orvik-fisheries-talks" in {m["article_id"] for m in meetings}
    assert "c03-valen-hosts-oduro" not in {m["article_id"] for m in meetings}
    for m in meetings:
        assert {"id", "kind", "status", "participants", "trigger", "place", "time"} <= set(m)


def test_meetings_csv(cache: Path) -> None:
    result = newsdesk("meetings", "--format", "csv", "--explain", cache=cache)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {"who", "kind", "status", "where", "when", "why", "article_id"} <= set(rows[0])
    assert {r["article_id"] for r in rows} >= {"c01-orvik-fisheries-talks", "c03-valen-hosts-oduro"}
    valen = next(r for r in rows if r["article_id"] == "c03-valen-hosts-oduro")
    assert "Ruta Valen" in valen["who"] and "Kofi Oduro" in valen["who"]
    assert valen["trigger_text"] and valen["trigger_rule"]


def test_meetings_table_and_explain(cache: Path) -> None:
    table = newsdesk("meetings", cache=cache).stdout.splitlines()
    assert table[0].split() == ["WHO", "KIND", "STATUS", "WHERE", "WHEN", "WHY", "ARTICLE"]
    assert any("Anna Kovac; Piet Laar" in line for line in table)
    explained = newsdesk("meetings", "--explain", "--person", "Valen", cache=cache).stdout
    assert "who:" in explained and "sentence" in explained and "trigger:" in explained
    # --person keeps only the meetings Ruta Valen took part in.
    assert "c03-valen-hosts-oduro" in explained and "c01-orvik" not in explained


# --- ask --------------------------------------------------------------------------------------


def test_ask_json_is_a_batch_row(cache: Path) -> None:
    result = newsdesk("ask", "Who did Anna Kovac meet in Orvik?", "--json", cache=cache)
    assert result.returncode == 0, result.stderr
    row = json.loads(result.stdout)
    assert list(row)[: len(ROW_FIELDS)] == ROW_FIELDS
    assert row["error"] is None
    assert row["answered"] is True, row
    assert "Laar" in row["answer"]
    assert row["citations"][0]["article_id"] == "c01-orvik-fisheries-talks"
    assert set(row["citations"][0]) == {"article_id", "title", "date", "url", "sentence"}


def test_ask_plain_prints_sources(cache: Path) -> None:
    result = newsdesk("ask", "Who did Anna Kovac meet in Orvik?", "--explain", cache=cache)
    assert result.returncode == 0, result.stderr
    assert "Sources:" in result.stdout
    assert "[c01-orvik-fisheries-talks]" in result.stdout
    assert "\x1b" not in result.stdout


def test_ask_leaving_without_teardown_keeps_its_output_and_exit_code(cache: Path) -> None:
    # `ask` ends with os._exit (no interpreter teardown): what was printed to a pipe must still
    # arrive whole, and an error must still give its exit code and message.
    result = newsdesk("ask", "Who did Anna Kovac meet in Orvik?", "--explain", cache=cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip().splitlines()[-1].startswith("  "), result.stdout[-300:]
    assert "Explanation:" in result.stdout
    failed = newsdesk("ask", "   ", cache=cache)
    assert failed.returncode == 2
    assert "the question is empty" in failed.stderr


# --- batch ------------------------------------------------------------------------------------


def test_batch_txt(cache: Path) -> None:
    result = newsdesk("batch", QUESTIONS_TXT, cache=cache)
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [r["id"] for r in rows] == [2, 4, 5]  # line numbers; comment and blank skipped
    assert all(list(r)[: len(ROW_FIELDS)] == ROW_FIELDS for r in rows)
    assert all(r["error"] is None for r in rows), rows
    summary = BATCH_SUMMARY.search(result.stderr)
    assert summary and summary.group(1) == "3" and summary.group(4) == "0", result.stderr


def test_batch_jsonl_with_bad_rows(cache: Path) -> None:
    result = newsdesk("batch", QUESTIONS_JSONL, cache=cache)
    assert result.returncode == 0, result.stderr
    rows = jsonl(result.stdout)
    assert [r["id"] for r in rows] == ["q1", "q2", 3, "q4", "q5"]
    errors = {r["id"]: r["error"] for r in rows if r["error"]}
    assert set(errors) == {3, "q4"}
    assert all(r["answered"] is False for r in rows if r["error"])
    assert rows[0]["topic"] == "fisheries" and rows[3]["note"] == "no question here"
    assert rows[0]["answered"] is True
    summary = BATCH_SUMMARY.search(result.stderr)
    assert summary and summary.group(1) == "5" and summary.group(4) == "2"


def test_batch_stdin_conversation_as_markdown(cache: Path) -> None:
    questions = "Who did Anna Kovac meet in Orvik?\n\nWhere?\n"
    result = newsdesk(
        "batch", "-", "--conversation", "--format", "md", cache=cache, stdin=questions
    )
    assert result.returncode == 0, result.stderr
    md = result.stdout.splitlines()
    assert md[0].startswith("| id | question | answer |") and md[1].startswith("|---")
    assert len(md) == 2 + 2 and all(line.startswith("| ") for line in md[2:])
    assert md[2].startswith("| 1 | Who did Anna Kovac") and md[3].startswith("| 3 | Where? |")


def test_batch_workers_give_the_rows_of_one_process(cache: Path, tmp_path: Path) -> None:
    asked = [
        line
        for line in QUESTIONS_TXT.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    questions = tmp_path / "twenty.txt"
    questions.write_text("\n".join((asked * 10)[:20]) + "\n", encoding="utf-8")
    one = newsdesk("batch", questions, "--workers", "1", cache=cache)
    two = newsdesk("batch", questions, "--workers", "2", cache=cache)
    assert one.returncode == two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    assert len(jsonl(two.stdout)) == 20


def test_batch_csv(cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.csv"
    result = newsdesk("batch", QUESTIONS_JSONL, "--format", "csv", "--out", out, cache=cache)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    records = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["id"] for r in records] == ["q1", "q2", "3", "q4", "q5"]
    assert list(records[0])[: len(ROW_FIELDS)] == ROW_FIELDS and "topic" in records[0]
    assert isinstance(json.loads(records[0]["citations"]), list)
    assert isinstance(json.loads(records[0]["facts"]), dict)
    assert records[2]["answered"] == "false" and records[2]["error"]


def test_batch_resume_after_truncated_output(cache: Path, tmp_path: Path) -> None:
    out = tmp_path / "rows.jsonl"
    # An earlier run wrote q1 and q2, and was interrupted in the middle of the third row.
    done = [{"id": "q1", "answer": "kept one"}, {"id": "q2", "answer": "kept two"}]
    partial = json.dumps({"id": 3, "question": "", "answer": "", "error": "line 3"})[:20]
    out.write_text("".join(json.dumps(r) + "\n" for r in done) + partial, encoding="utf-8")
    resumed = newsdesk("batch", QUESTIONS_JSONL, "--out", out, "--resume", cache=cache)
    assert resumed.returncode == 0, resumed.stderr
    assert "truncated" in resumed.stderr
    rows = jsonl(out.read_text(encoding="utf-8"))
    assert [r["id"] for r in rows] == ["q1", "q2", 3, "q4", "q5"]
    assert rows[0] == done[0] and rows[1] == done[1]  # not answered again
    assert rows[4]["question"] == "How much did the Kestrel Bridge cost?"
    summary = BATCH_SUMMARY.search(resumed.stderr)
    assert summary and summary.group(1) == "3"
    # Nothing left to do: the file stays as it is.
    before = out.read_bytes()
    again = newsdesk("batch", QUESTIONS_JSONL, "--out", out, "--resume", cache=cache)
    assert again.returncode == 0 and out.read_bytes() == before


def test_batch_resume_needs_jsonl_out(cache: Path) -> None:
    result = newsdesk("batch", QUESTIONS_TXT, "--resume", cache=cache)
    assert result.returncode == 2 and "--resume" in result.stderr


def test_batch_missing_file_exits_2(cache: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-questions.txt"
    result = newsdesk("batch", missing, cache=cache)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no-such-questions.txt" in result.stderr
    assert result.stdout == ""


def test_batch_sigterm_leaves_only_complete_rows(cache: Path, tmp_path: Path) -> None:
    questions = tmp_path / "many.txt"
    questions.write_text("Who did Anna Kovac meet in Orvik?\n" * 3000, encoding="utf-8")
    out = tmp_path / "rows.jsonl"
    command = [sys.executable, "-m", "assistant", "batch", str(questions), "--out", str(out)]
    command += ["--corpus", str(NEWS), "--cache-dir", str(cache)]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if out.exists() and out.stat().st_size > 0:
                break
            time.sleep(0.02)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    if process.returncode == 0:
        pytest.skip("the batch finished before the signal arrived")
    assert process.returncode in (130, 143), stderr
    assert "interrupted" in stderr
    text = out.read_text(encoding="utf-8")
    assert text.endswith("\n")
    ids = [r["id"] for r in jsonl(text)]
    assert ids == list(range(1, len(ids) + 1))


# --- bare newsdesk ----------------------------------------------------------------------------


def test_bare_newsdesk_without_terminal_exits_2(cache: Path) -> None:
    result = newsdesk(cache=cache)
    assert result.returncode == 2
    assert "terminal" in result.stderr
    assert "newsdesk ask" in result.stderr and "newsdesk batch" in result.stderr
    assert len(result.stderr.splitlines()) == 1
