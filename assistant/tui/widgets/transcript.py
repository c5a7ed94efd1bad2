"""The scrolling conversation: questions, answers with their citations, notices and examples."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import LoadingIndicator, Static

from assistant.models import Answer
from assistant.tui.messages import ExampleChosen
from assistant.tui.render import literal, one_line
from assistant.tui.widgets.sources import CitationItem, PassageItem

# How many of the closest passages a declined answer lists in the transcript (all are in the panel).
DECLINED_PASSAGES = 3


class QuestionView(Static):
    """The question as asked."""

    def __init__(self, question: str) -> None:
        super().__init__(Text.assemble(("› ", "bold"), literal(question)), classes="question")


class AnswerView(Vertical):
    """An answer: the templated sentence, then its citations (or, declined, the closest passages)."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(classes="answer")
        self.answer = answer

    def compose(self) -> ComposeResult:
        answer = self.answer
        declined = not answer.answered
        yield Static(
            literal(answer.answer), classes="answer-text -declined" if declined else "answer-text"
        )
        if answer.fallback and answer.answered:
            yield Static(
                literal("The closest sentence, not a rule-based answer."), classes="answer-note"
            )
        if answer.answered and answer.citations:
            yield Static(literal("Sources"), classes="answer-label")
            for number, citation in enumerate(answer.citations, start=1):
                yield CitationItem(citation, number)
        elif answer.passages:
            yield Static(literal("Closest passages"), classes="answer-label")
            for hit in answer.passages[:DECLINED_PASSAGES]:
                yield PassageItem(hit)

    @property
    def items(self) -> list[CitationItem | PassageItem]:
        return [w for w in self.children if isinstance(w, CitationItem | PassageItem)]


class ExchangeView(Vertical):
    """One question and, in turn, its place in the queue, a spinner, then the answer or an error."""

    def __init__(self, exchange_id: int, question: str, queued: bool = False) -> None:
        super().__init__(classes="exchange")
        self.exchange_id = exchange_id
        self.question = question
        self.queued = queued

    def compose(self) -> ComposeResult:
        yield QuestionView(self.question)
        if self.queued:
            yield Static(
                literal("Queued: waiting for the previous question."), classes="status-line"
            )
        else:
            yield from self._pending()

    @staticmethod
    def _pending() -> list[Widget]:
        return [
            Static(literal("Searching the articles…"), classes="status-line"),
            LoadingIndicator(classes="thinking"),
        ]

    def _replace_body(self, *widgets: Widget) -> None:
        for child in list(self.children)[1:]:
            child.remove()
        self.mount_all(widgets)

    def set_pending(self) -> None:
        self.queued = False
        self._replace_body(*self._pending())

    def set_answer(self, answer: Answer) -> AnswerView:
        view = AnswerView(answer)
        self._replace_body(view)
        return view

    def set_error(self, error: str) -> None:
        self._replace_body(
            Static(Text.assemble(("Error: ", "bold"), literal(error)), classes="notice -error")
        )


class ExampleItem(Static, can_focus=True):
    """An example question; enter or a click asks it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "ask", "Ask"),
        Binding("up", "app.focus_previous", "Previous", show=False),
        Binding("down", "app.focus_next", "Next", show=False),
    ]

    def __init__(self, question: str) -> None:
        super().__init__(one_line(question), classes="example")
        self.question = question

    def action_ask(self) -> None:
        self.post_message(ExampleChosen(self.question))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_ask()


class Transcript(VerticalScroll):
    """The conversation, newest at the bottom."""

    def compose(self) -> ComposeResult:
        with Vertical(id="loading"):
            yield Static(literal("Loading corpus…"), id="loading-text")
            yield LoadingIndicator()

    def show_examples(self, examples: Sequence[str]) -> None:
        """Drop the loading state and show example questions (until the first question)."""
        self.query("#loading").remove()
        self.query(".examples").remove()
        if not examples:
            return
        box = Vertical(
            Static(literal("Try asking:"), classes="answer-label"),
            *(ExampleItem(q) for q in examples),
            classes="examples",
        )
        self.mount(box, before=0 if self.children else None)

    def hide_examples(self) -> None:
        self.query(".examples").remove()

    def stop_loading(self) -> None:
        self.query("#loading").remove()

    async def add_exchange(self, exchange_id: int, question: str, queued: bool) -> ExchangeView:
        view = ExchangeView(exchange_id, question, queued)
        await self.mount(view)
        self.scroll_to_end()
        return view

    def exchange(self, exchange_id: int) -> ExchangeView | None:
        for view in self.query(ExchangeView):
            if view.exchange_id == exchange_id:
                return view
        return None

    def add_notice(self, message: str, error: bool = False) -> Static:
        notice = Static(literal(message), classes="notice -error" if error else "notice")
        self.mount(notice)
        self.scroll_to_end()
        return notice

    async def clear_all(self) -> None:
        await self.remove_children()

    def scroll_to_end(self) -> None:
        self.call_after_refresh(self.scroll_end, animate=False)
