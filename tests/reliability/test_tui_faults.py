"""The TUI survives exceptions in its workers: the error is shown in the conversation and the app
keeps working.

tests/tui/test_chat.py already proves the basic case (engine.ask raises inside the answering
worker: test_an_exception_while_answering_is_shown_and_the_app_goes_on) and a failed corpus load
(test_a_failed_load_is_shown_and_can_be_retried). These add what they do not cover: an error
raised outside the worker's own try (the safety net), errors whose message carries escape codes
and markup or cannot even be turned into a string, a failure in the middle of a queue, and a
source that is no longer in the corpus.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from assistant.config import Settings
from assistant.engine import Engine
from assistant.models import Answer
from assistant.tui.app import NewsdeskApp
from assistant.tui.messages import SourceChosen
from assistant.tui.screens import chat as chat_module
from assistant.tui.widgets.transcript import AnswerView, ExchangeView

from .checks import CONTROL
from .conftest import BEL, ESC, HOSTILE_QUESTION, RED

pytestmark = pytest.mark.asyncio

SIZE = (100, 30)


async def settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def ask(pilot: Any, question: str) -> None:
    pilot.app.chat.prompt.value = question
    await pilot.press("enter")
    await settle(pilot)


def errors_shown(app: NewsdeskApp) -> list[str]:
    return [rendered(w) for w in app.chat.query(".notice.-error")]


def rendered(widget: Any) -> str:
    result = widget.render()
    return str(result.plain if hasattr(result, "plain") else result)


@pytest.fixture
def app(hostile_engine: Engine, hostile_corpus: Path) -> NewsdeskApp:
    settings = Settings(corpus=[hostile_corpus], use_cache=False)
    return NewsdeskApp(settings, loader=lambda _: hostile_engine, cursor_blink=False)


def failing_ask(
    monkeypatch: pytest.MonkeyPatch, engine: Engine, errors: list[BaseException]
) -> list[str]:
    """Make `engine.ask` raise the next of `errors` on each call, then answer normally."""
    real = engine.ask
    calls: list[str] = []

    def ask(question: str, conversation: object = None, explain: bool = False) -> Answer:
        calls.append(question)
        if errors:
            raise errors.pop(0)
        return real(question, conversation, explain)

    monkeypatch.setattr(engine, "ask", ask)
    return calls


async def test_an_error_outside_the_workers_own_handler_is_caught_by_the_net(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The answer is computed, but building the message that carries it back fails."""
    real = chat_module.AnswerReady
    broken = [True]

    def answer_ready(*args: Any, **kwargs: Any) -> Any:
        if broken:
            broken.clear()
            raise MemoryError("no room for the answer")
        return real(*args, **kwargs)

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(chat_module, "AnswerReady", answer_ready)
        await ask(pilot, HOSTILE_QUESTION)
        assert any("MemoryError: no room for the answer" in e for e in errors_shown(app))
        assert app.chat.running is None and app.chat.status.state == "Ready"
        assert not app.chat.prompt.disabled
        await ask(pilot, HOSTILE_QUESTION)
        assert app.chat.query(AnswerView).last().answer.answered


async def test_error_messages_are_shown_literally(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    message = f"bad [bold]thing[/bold] {RED}red{ESC}[0m{BEL} [link=http://x]x[/link]"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.engine is not None
        failing_ask(monkeypatch, app.engine, [ValueError(message)])
        await ask(pilot, HOSTILE_QUESTION)
        shown = errors_shown(app)
        assert shown == ["Error: ValueError: bad [bold]thing[/bold] red [link=http://x]x[/link]"]
        assert not CONTROL.search(shown[0])


class Unprintable(Exception):
    def __str__(self) -> str:
        raise RuntimeError("str() of this error fails too")


async def test_an_error_that_cannot_be_printed_is_still_reported(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.engine is not None
        failing_ask(monkeypatch, app.engine, [Unprintable()])
        await ask(pilot, HOSTILE_QUESTION)
        assert app.is_running
        # Describing it fails inside the worker too; the net reports that failure instead.
        assert errors_shown(app) == ["Error: RuntimeError: str() of this error fails too"]
        assert app.chat.status.state == "Ready"
        await ask(pilot, HOSTILE_QUESTION)
        assert app.chat.query(AnswerView).last().answer.answered


async def test_a_failure_in_the_middle_of_a_queue_does_not_stop_it(
    app: NewsdeskApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        engine = app.engine
        assert engine is not None
        gate = threading.Event()
        real = engine.ask
        calls: list[str] = []

        def ask_slowly(question: str, conversation: object = None, explain: bool = False) -> Answer:
            calls.append(question)
            gate.wait(10)
            if len(calls) == 2:
                raise RuntimeError("the second one fails")
            return real(question, conversation, explain)

        monkeypatch.setattr(engine, "ask", ask_slowly)
        chat = app.chat
        for question in (HOSTILE_QUESTION, "And why?", "Who did Ivo Pell host in Skarholm?"):
            chat.prompt.value = question
            await pilot.press("enter")
        await pilot.pause()
        assert chat.status.state == "Answering… (2 queued)"
        gate.set()
        for _ in range(3):
            await settle(pilot)
        views = list(chat.query(ExchangeView))
        assert len(views) == 3 and len(calls) == 3
        assert views[0].query(AnswerView) and views[2].query(AnswerView)
        assert "RuntimeError: the second one fails" in rendered(
            views[1].query_one(".notice.-error")
        )
        assert chat.status.state == "Ready"


async def test_a_source_no_longer_in_the_corpus_is_refused_politely(app: NewsdeskApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(SourceChosen("no-such-article", 3))
        app.post_message(SourceChosen(f"{ESC}[31mevil", -5))
        await pilot.pause()
        assert app.screen is app.chat
        await ask(pilot, HOSTILE_QUESTION)
        assert app.chat.query(AnswerView).last().answer.answered
