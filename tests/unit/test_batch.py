"""assistant.batch: reading question files, building rows, writing and resuming, with a fake engine."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest

from assistant.batch import (
    ROW_FIELDS,
    CsvWriter,
    ErrorRow,
    InputRow,
    InterruptGuard,
    JsonlWriter,
    ListWriter,
    MarkdownWriter,
    QuestionRow,
    QuestionsFileError,
    answer_to_row,
    error_row,
    output_columns,
    prepare_resume,
    read_questions,
    row_key,
    run_batch,
)
from assistant.models import Answer, Citation

# --- helpers ----------------------------------------------------------------------------------


def make_answer(question: str, answered: bool = True, **changes: Any) -> Answer:
    citation = Citation(
        article_id="c01",
        title="Talks in \x1b[31mOrvik\x1b[0m",
        date="2026-04-14",
        url=None,
        sentence="Kovac met Laar in Orvik.",
        sentence_index=3,
    )
    values: dict[str, Any] = {
        "question": question,
        "intent": "who_met",
        "answer": "Kovac met Laar." if answered else "I found no meeting.",
        "short": "Laar" if answered else "",
        "answered": answered,
        "confidence": 0.8 if answered else 0.0,
        "citations": [citation] if answered else [],
        "facts": {"people": ["Laar"]} if answered else {},
        "explain": ["rule: who_met"],
    }
    values.update(changes)
    return Answer(**values)


class FakeEngine:
    """Answers every question; raises for questions containing 'boom'; declines 'nothing'."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def ask(
        self, question: str, conversation: Any = None, explain: bool = False, passages: bool = True
    ) -> Answer:
        self.calls.append((question, conversation))
        if "boom" in question:
            raise RuntimeError("engine exploded")
        if conversation is not None:
            conversation.append(question)
        return make_answer(question, answered="nothing" not in question)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- reading ----------------------------------------------------------------------------------


def test_txt_skips_blanks_and_comments_and_numbers_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "q.txt", "# header\nFirst?\n\n  Second?  \n# note\n{not json}\n")
    rows = list(read_questions(path))
    assert rows == [
        QuestionRow(id=2, question="First?", line=2),
        QuestionRow(id=4, question="Second?", line=4),
        QuestionRow(id=6, question="{not json}", line=6),
    ]


def test_jsonl_rows_extras_and_error_rows(tmp_path: Path) -> None:
    lines = [
        '{"id": "a", "question": "One?", "topic": "x", "expected": {"any": ["y"]}}',
        "",
        "not json at all",
        '{"id": 7, "note": "no question"}',
        "[1, 2]",
        '{"question": "No id?"}',
        '{"id": "e", "question": "   "}',
        '{"id": null, "question": "Null id?"}',
    ]
    rows = list(read_questions(write(tmp_path, "q.jsonl", "\n".join(lines) + "\n")))
    assert rows[0] == QuestionRow(
        id="a", question="One?", line=1, extra={"topic": "x", "expected": {"any": ["y"]}}
    )
    assert isinstance(rows[1], ErrorRow) and rows[1].id == 3 and "not JSON" in rows[1].error
    assert isinstance(rows[2], ErrorRow) and rows[2].id == 7 and "no question" in rows[2].error
    assert rows[2].extra == {"note": "no question"}
    assert isinstance(rows[3], ErrorRow) and rows[3].id == 5 and "object" in rows[3].error
    assert rows[4] == QuestionRow(id=6, question="No id?", line=6)
    assert isinstance(rows[5], ErrorRow) and rows[5].id == "e"
    assert rows[6] == QuestionRow(id=8, question="Null id?", line=8)


def test_stdin_is_txt_unless_lines_look_like_json() -> None:
    stdin = io.StringIO('Plain question?\n# comment\n{"id": "j", "question": "Json?"}\n{broken\n')
    rows = list(read_questions("-", stdin=stdin))
    assert rows[0] == QuestionRow(id=1, question="Plain question?", line=1)
    assert rows[1] == QuestionRow(id="j", question="Json?", line=3)
    assert isinstance(rows[2], ErrorRow) and rows[2].id == 4


def test_utf8_bom_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "q.txt"
    path.write_bytes("\ufeffWho met?\n".encode())
    assert [r.question for r in read_questions(path)] == ["Who met?"]


def test_missing_unreadable_and_non_utf8_files_raise_at_once(tmp_path: Path) -> None:
    with pytest.raises(QuestionsFileError, match="no such file"):
        read_questions(tmp_path / "missing.txt")
    with pytest.raises(QuestionsFileError, match="directory"):
        read_questions(tmp_path)
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Caf\xe9?\n")
    with pytest.raises(QuestionsFileError, match="UTF-8"):
        read_questions(latin)


# --- rows -------------------------------------------------------------------------------------


def test_answer_to_row_fields_order_and_citations() -> None:
    row = answer_to_row("q1", "Who?", make_answer("Who?"), {"topic": "t", "answer": "expected"})
    assert list(row)[: len(ROW_FIELDS)] == list(ROW_FIELDS)
    assert row["answered"] is True and row["error"] is None
    assert row["citations"] == [
        {
            "article_id": "c01",
            "title": "Talks in Orvik",  # escape codes stripped
            "date": "2026-04-14",
            "url": None,
            "sentence": "Kovac met Laar in Orvik.",
        }
    ]
    assert row["facts"] == {"people": ["Laar"]}
    assert row["topic"] == "t"
    # An input field named like a row field does not overwrite it.
    assert row["answer"] == "Kovac met Laar." and row["input_answer"] == "expected"
    json.dumps(row)


def test_answer_to_row_makes_odd_facts_jsonable() -> None:
    import datetime as dt

    answer = make_answer("When?", facts={"date": dt.date(2026, 1, 2), "set": {1}})
    row = answer_to_row(1, "When?", answer)
    assert row["facts"]["date"] == "2026-01-02"
    json.dumps(row)


def test_error_row_shape() -> None:
    row = error_row(3, "Q?", "RuntimeError: x")
    assert list(row) == list(ROW_FIELDS)
    assert row["answered"] is False and row["error"] == "RuntimeError: x"
    assert row["citations"] == [] and row["facts"] == {}


def test_row_key_distinguishes_types() -> None:
    assert row_key(1) != row_key("1")
    assert row_key("a") == row_key("a")


# --- running ----------------------------------------------------------------------------------


def test_run_batch_keeps_order_turns_exceptions_into_error_rows() -> None:
    rows: list[InputRow] = [
        QuestionRow(id=1, question="Who met?", line=1),
        ErrorRow(id=2, error="line 2: not JSON", line=2),
        QuestionRow(id=3, question="boom?", line=3),
        QuestionRow(id=4, question="nothing here?", line=4, extra={"k": "v"}),
        QuestionRow(id=5, question="Again?", line=5),
    ]
    engine = FakeEngine()
    writer = ListWriter()
    summary = run_batch(engine, rows, writer)
    out = writer.rows
    assert [r["id"] for r in out] == [1, 2, 3, 4, 5]
    assert out[1]["error"] == "line 2: not JSON"
    assert out[2]["answered"] is False and out[2]["error"] == "RuntimeError: engine exploded"
    assert out[3]["answered"] is False and out[3]["error"] is None and out[3]["k"] == "v"
    assert out[4]["answered"] is True
    assert (summary.total, summary.answered, summary.declined, summary.errors) == (5, 2, 1, 2)
    assert not summary.interrupted
    assert "5 questions, 2 answered, 1 declined, 2 errors" in summary.describe()
    # Without a conversation every question is asked on its own.
    assert all(conversation is None for _, conversation in engine.calls)


def test_run_batch_shares_one_conversation_and_accepts_a_callable() -> None:
    conversation: list[str] = []
    engine = FakeEngine()
    got: list[dict[str, Any]] = []
    rows = [QuestionRow(id=i, question=f"Q{i}?", line=i) for i in (1, 2)]
    run_batch(engine, rows, got.append, conversation)
    assert conversation == ["Q1?", "Q2?"]
    assert all(c is conversation for _, c in engine.calls)
    assert len(got) == 2


def test_run_batch_stops_cleanly_on_keyboard_interrupt() -> None:
    class Interrupting(FakeEngine):
        def ask(
            self,
            question: str,
            conversation: Any = None,
            explain: bool = False,
            passages: bool = True,
        ) -> Answer:
            if question == "stop":
                raise KeyboardInterrupt
            return super().ask(question, conversation, explain)

    writer = ListWriter()
    rows = [QuestionRow(id=i, question=q, line=i) for i, q in enumerate(["a", "stop", "c"], 1)]
    summary = run_batch(Interrupting(), rows, writer)
    assert summary.interrupted and summary.total == 1
    assert [r["id"] for r in writer.rows] == [1]


def test_run_batch_explain_adds_explain_lines() -> None:
    writer = ListWriter()
    run_batch(FakeEngine(), [QuestionRow(id=1, question="Q?", line=1)], writer, explain=True)
    assert writer.rows[0]["explain"] == ["rule: who_met"]


def test_interrupt_guard_holds_a_signal_until_the_write_is_done() -> None:
    written: list[str] = []
    with InterruptGuard() as guard, pytest.raises(KeyboardInterrupt):
        with guard.protect():
            os.kill(os.getpid(), signal.SIGTERM)
            written.append("row")  # still runs: the signal is held
        written.append("after")  # never reached
    assert written == ["row"]
    assert guard.received == signal.SIGTERM
    # Handlers are restored afterwards.
    assert signal.getsignal(signal.SIGTERM) is not guard._handle


# --- writers ----------------------------------------------------------------------------------


def _rows() -> list[dict[str, Any]]:
    return [
        answer_to_row(1, "Who | met?", make_answer("Who | met?"), {"topic": "a\nb"}),
        error_row(2, "Bad", "line 2: not JSON"),
    ]


def test_jsonl_writer_one_line_per_row() -> None:
    stream = io.StringIO()
    writer = JsonlWriter(stream)
    for row in _rows():
        writer.write_row(row)
    lines = stream.getvalue().splitlines()
    assert [json.loads(line)["id"] for line in lines] == [1, 2]


def test_csv_writer_header_and_json_cells() -> None:
    stream = io.StringIO()
    columns = [*ROW_FIELDS, "topic"]
    writer = CsvWriter(stream, columns)
    for row in _rows():
        writer.write_row(row)
    records = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(records[0]) == columns
    assert records[0]["answered"] == "true" and records[1]["answered"] == "false"
    assert json.loads(records[0]["citations"])[0]["article_id"] == "c01"
    assert json.loads(records[0]["facts"]) == {"people": ["Laar"]}
    assert records[0]["topic"] == "a\nb"
    assert records[1]["error"] == "line 2: not JSON"


def test_markdown_writer_escapes_pipes_and_newlines() -> None:
    stream = io.StringIO()
    writer = MarkdownWriter(stream, [*ROW_FIELDS, "topic"])
    for row in _rows():
        writer.write_row(row)
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("| id | question | answer")
    assert "facts" not in lines[0]
    assert lines[1].startswith("|---")
    assert len(lines) == 4
    assert "Who \\| met?" in lines[2] and "a b" in lines[2] and "c01" in lines[2]


def test_output_columns_collects_extras_in_order() -> None:
    rows: list[InputRow] = [
        QuestionRow(id=1, question="q", line=1, extra={"b": 1}),
        ErrorRow(id=2, error="e", line=2, extra={"a": 1, "b": 2, "answer": "x"}),
    ]
    assert output_columns(rows) == [*ROW_FIELDS, "b", "a", "input_answer"]


# --- resuming ---------------------------------------------------------------------------------


def test_prepare_resume_drops_truncated_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    complete = [json.dumps(error_row(i, "q", "x")) for i in (1, "two")]
    out.write_text("\n".join(complete) + '\n{"id": 3, "question": "tru', encoding="utf-8")
    state = prepare_resume(out)
    assert state.done == {row_key(1), row_key("two")}
    assert state.dropped_partial and state.rows == 2
    assert out.read_text(encoding="utf-8") == "\n".join(complete) + "\n"


def test_prepare_resume_keeps_complete_last_line_without_newline(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(error_row(1, "q", "x")), encoding="utf-8")
    state = prepare_resume(out)
    assert state.done == {row_key(1)} and not state.dropped_partial
    assert out.read_text(encoding="utf-8").endswith("}\n")


def test_prepare_resume_missing_file_and_corrupt_middle_line(tmp_path: Path) -> None:
    assert prepare_resume(tmp_path / "none.jsonl").done == set()
    out = tmp_path / "out.jsonl"
    good = json.dumps(error_row(1, "q", "x"))
    out.write_text(f"{good}\ngarbage\n{good.replace('1', '5', 1)}\n", encoding="utf-8")
    state = prepare_resume(out)
    assert state.bad_lines == [2] and state.rows == 2 and not state.dropped_partial


# --- answering in parallel ----------------------------------------------------------------------


def test_batch_workers_only_where_they_can_help() -> None:
    from assistant.batch import PARALLEL_MIN_ROWS, batch_workers

    engine = FakeEngine()
    assert batch_workers(engine, 1000, conversation=[], requested=4) == 1  # turns depend on turns
    assert batch_workers(engine, PARALLEL_MIN_ROWS - 1, None, requested=4) == 1
    assert batch_workers(engine, 1000, None, requested=1) == 1
    assert batch_workers(engine, 1000, None, requested=2) == 2
    # Never more workers than there is work for.
    assert batch_workers(engine, PARALLEL_MIN_ROWS, None, requested=8) == 2


def test_parallel_batch_writes_the_same_rows_in_the_same_order() -> None:
    rows: list[InputRow] = []
    for i in range(1, 41):
        question = {7: "boom?", 13: "nothing here?"}.get(i, f"Question {i}?")
        rows.append(QuestionRow(id=i, question=question, line=i, extra={"n": i}))
    rows.insert(20, ErrorRow(id="bad", error="line 21: not JSON", line=21))
    one, two = ListWriter(), ListWriter()
    first = run_batch(FakeEngine(), rows, one)
    second = run_batch(FakeEngine(), rows, two, workers=2)
    assert two.rows == one.rows
    assert [r["id"] for r in two.rows][:3] == [1, 2, 3]
    assert (second.total, second.answered, second.declined, second.errors) == (
        first.total,
        first.answered,
        first.declined,
        first.errors,
    )
