"""Pilot tests of the chat screen: loading, answers, declines, follow-ups, errors, the queue."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.engine import Engine
from assistant.models import Answer
from assistant.tui.app import NewsdeskApp, meeting_examples, open_engine
from assistant.tui.screens.help import HelpScreen
from assistant.tui.widgets.sources import CitationItem, PassageItem
from assistant.tui.widgets.transcript import AnswerView, ExampleItem, ExchangeView

from .conftest import (
    DECLINED_QUESTION,
    MEETING_ARTICLE,
    MEETING_QUESTION,
    SIZE,
    ask,
    ready,
    type_text,
)

pytestmark = pytest.mark.asyncio


def rendered(widget: Any) -> str:
    """The plain text a widget draws."""
    return str(widget.render().plain if hasattr(widget.render(), "plain") else widget.render())


def transcript_text(app: NewsdeskApp) -> str:
    parts = []
    for widget in app.chat.transcript.query("Static, CitationItem, PassageItem, ExampleItem"):
        parts.append(rendered(widget))
    return "\n".join(parts)


async def test_loading_state_then_ready(settings: Settings) -> None:
    gate = threading.Event()

    def slow_loader(s: Settings) -> Engine:
        gate.wait(10)
        return open_engine(s)

    app = NewsdeskApp(settings, loader=slow_loader, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        chat = app.chat
        assert chat.prompt.disabled
        assert chat.query("#loading LoadingIndicator")
        assert "Loading corpus" in transcript_text(app)
        assert chat.status.state.startswith("Loading corpus")
        gate.set()
        await ready(pilot)
        assert not chat.prompt.disabled
        assert app.focused is chat.prompt
        assert not chat.query("#loading")
        assert chat.status.state == "Ready"
        engine = app.engine
        assert engine is not None
        stats = engine.stats
        assert app.sub_title == f"4 articles · {stats.passages} passages · index built"
        assert chat.status.corpus == app.sub_title
        # Examples come from the corpus' meetings (this is not the bundled corpus).
        examples = [item.question for item in chat.query(ExampleItem)]
        assert examples == meeting_examples(engine.meetings)
        assert examples[0].startswith("Who did Tomas Ardelean meet")


async def test_typed_question_gets_a_cited_answer(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await type_text(pilot, MEETING_QUESTION)
        await pilot.press("enter")
        await ready(pilot)
        chat = app.chat
        view = chat.query_one(AnswerView)
        assert view.answer.answered
        assert "Cassian" in view.answer.answer
        citations = list(chat.query(CitationItem))
        assert citations and citations[0].citation.article_id == MEETING_ARTICLE
        text = transcript_text(app)
        assert MEETING_QUESTION in text
        assert view.answer.answer in text
        assert "Ferry link dominates as Ardelean and Cassian meet in Port Serin" in text
        assert "2025-06-10" in text
        # The cited sentence, with the answer's words highlighted.
        sentence = citations[0].render()
        assert "met Lumerian President Ayodele Cassian" in sentence.plain
        marked = {sentence.plain[s.start : s.end] for s in sentence.spans}
        assert set(citations[0].citation.highlight) & marked
        # The examples are gone, the question line is empty and focused again.
        assert not chat.query(ExampleItem)
        assert chat.prompt.value == ""
        assert app.focused is chat.prompt
        assert chat.status.state == "Ready"


async def test_declined_question_shows_reply_and_closest_passages(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await ask(pilot, DECLINED_QUESTION)
        view = app.chat.query_one(AnswerView)
        assert not view.answer.answered
        assert view.query_one(".answer-text.-declined")
        assert view.answer.answer in transcript_text(app)
        passages = list(view.query(PassageItem))
        assert 0 < len(passages) <= 3
        assert passages[0].hit.rank == 1
        assert not view.query(CitationItem)


async def test_follow_up_uses_the_conversation(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await ask(pilot, MEETING_QUESTION)
        await ask(pilot, "And why?")
        answers = [view.answer for view in app.chat.query(AnswerView)]
        assert len(answers) == 2
        assert answers[1].answered
        assert "ferry link" in answers[1].answer
        assert len(app.chat.conversation.turns) == 2


async def test_sources_panel_lists_ranked_passages(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await ask(pilot, MEETING_QUESTION)
        panel = app.chat.sources
        assert not panel.display
        await pilot.press("ctrl+o")
        assert panel.display
        hits = [item.hit for item in panel.query(PassageItem)]
        assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
        first = panel.query(PassageItem).first().render()
        assert f"{hits[0].score:.2f}" in first.plain
        assert any(first.plain[s.start : s.end].lower() in hits[0].matched for s in first.spans)
        await pilot.press("ctrl+o")
        assert not panel.display


async def test_an_exception_while_answering_is_shown_and_the_app_goes_on(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        engine = app.engine
        assert engine is not None
        real_ask = engine.ask
        calls: list[str] = []

        def ask_once_broken(
            question: str, conversation: object = None, explain: bool = False
        ) -> Answer:
            calls.append(question)
            if len(calls) == 1:
                raise RuntimeError("index exploded")
            return real_ask(question, conversation, explain)

        monkeypatch.setattr(engine, "ask", ask_once_broken)
        await ask(pilot, MEETING_QUESTION)
        error = app.chat.query_one(".notice.-error")
        assert "RuntimeError: index exploded" in rendered(error)
        assert not app.chat.prompt.disabled
        assert app.focused is app.chat.prompt
        await ask(pilot, MEETING_QUESTION)
        assert app.chat.query_one(AnswerView).answer.answered
        assert len(calls) == 2


async def test_a_failed_load_is_shown_and_can_be_retried(settings: Settings) -> None:
    attempts: list[int] = []

    def flaky_loader(s: Settings) -> Engine:
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("corpus folder vanished")
        return open_engine(s)

    app = NewsdeskApp(settings, loader=flaky_loader, cursor_blink=False)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        assert "OSError: corpus folder vanished" in rendered(app.chat.query_one(".notice.-error"))
        assert app.chat.prompt.disabled
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.press("ctrl+r")
        await ready(pilot)
        assert not app.chat.prompt.disabled
        await ask(pilot, MEETING_QUESTION)
        assert app.chat.query_one(AnswerView).answer.answered


async def test_a_question_asked_while_answering_is_queued(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        engine = app.engine
        assert engine is not None
        real_ask = engine.ask
        gate = threading.Event()

        def slow_ask(question: str, conversation: object = None, explain: bool = False) -> Answer:
            gate.wait(10)
            return real_ask(question, conversation, explain)

        monkeypatch.setattr(engine, "ask", slow_ask)
        chat = app.chat
        chat.prompt.value = MEETING_QUESTION
        await pilot.press("enter")
        chat.prompt.value = "And why?"
        await pilot.press("enter")
        await pilot.pause()
        views = list(chat.query(ExchangeView))
        assert [v.question for v in views] == [MEETING_QUESTION, "And why?"]
        assert views[1].queued
        assert chat.status.state == "Answering… (1 queued)"
        assert views[0].query("LoadingIndicator")
        # The answers arrive while another screen is open; nothing is lost.
        await pilot.press("f1")
        gate.set()
        await ready(pilot)
        await ready(pilot)
        await pilot.press("escape")
        assert app.screen is chat
        views = list(chat.query(ExchangeView))
        assert [v.question for v in views] == [MEETING_QUESTION, "And why?"]
        answers = [v.query_one(AnswerView).answer for v in views]
        assert all(a.answered for a in answers)
        assert "ferry link" in answers[1].answer
        assert chat.status.state == "Ready"


async def test_history_clear_and_copy(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await ask(pilot, MEETING_QUESTION)
        await ask(pilot, "And why?")
        prompt = app.chat.prompt
        await type_text(pilot, "draft")
        await pilot.press("up")
        assert prompt.value == "And why?"
        await pilot.press("up", "up")
        assert prompt.value == MEETING_QUESTION
        await pilot.press("down")
        assert prompt.value == "And why?"
        await pilot.press("down")
        assert prompt.value == "draft"

        await pilot.press("ctrl+y")
        assert app.clipboard.startswith(
            app.chat.last_answer.answer if app.chat.last_answer else "?"
        )

        await pilot.press("ctrl+l")
        await pilot.pause()
        assert not app.chat.query(ExchangeView)
        assert app.chat.conversation.turns == []
        assert app.chat.query(ExampleItem)
        # A follow-up now has nothing to follow.
        await ask(pilot, "And why?")
        assert len(app.chat.conversation.turns) == 1


async def test_example_question_can_be_chosen(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        example = app.chat.query(ExampleItem).first()
        await pilot.click(example)
        await ready(pilot)
        view = app.chat.query_one(ExchangeView)
        assert view.question == example.question
        assert view.query(AnswerView)


async def test_save_transcript(app: NewsdeskApp, workspace: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await ask(pilot, MEETING_QUESTION)
        await pilot.press("ctrl+s")
        await pilot.pause()
        files = list((workspace / "transcripts").glob("newsdesk-*.md"))
        assert len(files) == 1
        content = files[0].read_text(encoding="utf-8")
        answer = app.chat.query_one(AnswerView).answer
        assert MEETING_QUESTION in content
        assert answer.answer in content
        assert "Ferry link dominates as Ardelean and Cassian meet in Port Serin" in content
        assert answer.citations[0].sentence in content
        assert "https://example.org/news/port-serin-ferry-link" in content
        notice = app.chat.query(".notice").last()
        assert str(files[0]) in rendered(notice)


async def test_commands_are_in_the_palette(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {
            "Clear conversation",
            "Save conversation",
            "Copy last answer",
            "Meetings",
            "Help",
            "Sources panel",
        } <= titles


async def test_app_exits_when_its_terminal_hangs_up(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`make run` in a window that is closed: make waits on, the app gets no hang-up signal and
    used to spin on end-of-file. A terminal whose attributes cannot be read any more ends it."""
    import assistant.tui.app as app_module

    gone = {"now": False}
    monkeypatch.setattr(app_module, "TERMINAL_CHECK_SECONDS", 0.05)
    monkeypatch.setattr(app_module, "terminal_fd", lambda: 0)
    monkeypatch.setattr(app_module, "terminal_gone", lambda fd: gone["now"])
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await pilot.pause(0.2)
        assert app.is_running  # the terminal answers: it stays
        gone["now"] = True
        await pilot.pause(0.3)
    assert app.return_code == 1


async def test_a_terminal_that_hung_up_is_gone() -> None:
    from assistant.tui.app import terminal_gone

    read, write = os.pipe()  # not a terminal at all: its attributes cannot be read either
    try:
        assert terminal_gone(read)
    finally:
        os.close(read)
        os.close(write)
