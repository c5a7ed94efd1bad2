"""The main screen: the conversation, the sources panel and the question line."""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input
from textual.worker import Worker, WorkerState

from assistant.models import Answer
from assistant.qa.conversation import Conversation
from assistant.tui.export import Exchange, answer_text, save_transcript
from assistant.tui.messages import AnswerFailed, AnswerReady, ExampleChosen
from assistant.tui.widgets.prompt import PromptInput
from assistant.tui.widgets.sources import SourceItem, SourcesPanel
from assistant.tui.widgets.status import StatusBar
from assistant.tui.widgets.transcript import Transcript

if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.tui.app import NewsdeskApp


class ChatScreen(Screen[None]):
    """Questions in, answers with citations out; one Conversation for the session."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+l", "clear", "Clear", tooltip="Start a new conversation"),
        Binding("ctrl+s", "save", "Save", tooltip="Save the conversation as Markdown"),
        Binding("ctrl+y", "copy", "Copy answer", tooltip="Copy the last answer"),
        Binding("ctrl+o", "toggle_sources", "Sources", tooltip="Show or hide the ranked passages"),
        Binding("escape", "focus_prompt", "Question line", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(id="chat")
        self.engine: Engine | None = None
        self.conversation = Conversation()
        self.exchanges: list[Exchange] = []
        self.waiting: deque[Exchange] = deque()
        self.running: Exchange | None = None
        self.last_answer: Answer | None = None
        # Bumped by "clear": answers to questions asked before it are dropped when they arrive.
        self.generation = 0
        self._next_id = 1

    @property
    def newsdesk(self) -> NewsdeskApp:
        return cast("NewsdeskApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with Horizontal(id="main"):
            yield Transcript(id="transcript")
            yield SourcesPanel(id="sources")
        yield StatusBar(id="status")
        prompt = PromptInput(
            placeholder="Ask about the articles, e.g. Who met whom, where, when and why?",
            id="prompt",
            cursor_blink=self.newsdesk.cursor_blink,
        )
        prompt.disabled = True
        yield prompt
        yield Footer()

    # --- widgets ---------------------------------------------------------------------------

    @property
    def transcript(self) -> Transcript:
        return self.query_one("#transcript", Transcript)

    @property
    def prompt(self) -> PromptInput:
        return self.query_one("#prompt", PromptInput)

    @property
    def sources(self) -> SourcesPanel:
        return self.query_one("#sources", SourcesPanel)

    @property
    def status(self) -> StatusBar:
        return self.query_one("#status", StatusBar)

    # --- the engine ------------------------------------------------------------------------

    def engine_ready(
        self, engine: Engine, corpus: str, examples: list[str], notes: list[str]
    ) -> None:
        """The corpus is open: show examples and notes, enable and focus the question line."""
        self.engine = engine
        self.status.corpus = corpus
        self.transcript.stop_loading()
        if not self.exchanges:
            self.transcript.show_examples(examples)
        for note in notes:
            self.transcript.add_notice(note)
        self.prompt.disabled = False
        self._update_state()
        self.prompt.focus()

    def engine_failed(self, error: str) -> None:
        """Opening the corpus failed: say so; the rest of the app keeps working."""
        self.transcript.stop_loading()
        self.transcript.add_notice(
            f"Could not open the corpus: {error}\n"
            "Press ctrl+r to try again, or F1 for how to choose another corpus.",
            error=True,
        )
        self.status.state = "No corpus loaded"

    def engine_loading(self) -> None:
        self.status.state = "Loading corpus…"

    # --- asking ----------------------------------------------------------------------------

    @on(Input.Submitted, "#prompt")
    async def on_prompt_submitted(self, event: Input.Submitted) -> None:
        question = event.value.strip()
        if not question:
            return
        self.prompt.remember(question)
        self.prompt.clear()
        await self.submit(question)

    @on(ExampleChosen)
    async def on_example_chosen(self, event: ExampleChosen) -> None:
        event.stop()
        await self.submit(event.question)
        self.prompt.focus()

    async def submit(self, question: str) -> None:
        """Show `question` and answer it now, or after the question being answered."""
        if self.engine is None:
            self.notify("The corpus is still loading.", severity="warning")
            return
        exchange = Exchange(self._next_id, question)
        self._next_id += 1
        self.exchanges.append(exchange)
        self.transcript.hide_examples()
        busy = self.running is not None
        await self.transcript.add_exchange(exchange.id, question, queued=busy)
        if busy:
            self.waiting.append(exchange)
        else:
            self._start(exchange)
        self._update_state()

    def _start(self, exchange: Exchange) -> None:
        assert self.engine is not None
        self.running = exchange
        view = self.transcript.exchange(exchange.id)
        if view is not None and view.queued:
            view.set_pending()
        self.answer_question(
            self.engine, exchange.id, exchange.question, self.conversation, self.generation
        )

    # Not exclusive: the queue already runs one question at a time, and an exclusive worker would
    # cancel the previous one while it is still returning after posting its answer.
    @work(thread=True, exit_on_error=False, group="ask")
    def answer_question(
        self,
        engine: Engine,
        exchange_id: int,
        question: str,
        conversation: Conversation,
        generation: int,
    ) -> None:
        # Runs in a thread: the UI keeps drawing; the result comes back as a message.
        try:
            answer = engine.ask(question, conversation)
        except Exception as error:
            self.post_message(AnswerFailed(exchange_id, describe_error(error), generation))
        else:
            self.post_message(AnswerReady(exchange_id, answer, generation))

    @on(AnswerReady)
    def on_answer_ready(self, message: AnswerReady) -> None:
        exchange = self._finish(message.exchange_id, message.generation)
        if exchange is None:
            return
        exchange.answer = message.answer
        self.last_answer = message.answer
        view = self.transcript.exchange(exchange.id)
        if view is not None:
            view.set_answer(message.answer)
        self.sources.show_answer(message.answer)
        self.transcript.scroll_to_end()
        self._continue()

    @on(AnswerFailed)
    def on_answer_failed(self, message: AnswerFailed) -> None:
        exchange = self._finish(message.exchange_id, message.generation)
        if exchange is None:
            return
        exchange.error = message.error
        view = self.transcript.exchange(exchange.id)
        if view is not None:
            view.set_error(message.error)
        self.transcript.scroll_to_end()
        self._continue()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The worker catches its own exceptions; this is the net under it.
        if event.worker.group == "ask" and event.state == WorkerState.ERROR and self.running:
            error = describe_error(event.worker.error) if event.worker.error else "unknown error"
            self.post_message(AnswerFailed(self.running.id, error, self.generation))

    def _finish(self, exchange_id: int, generation: int) -> Exchange | None:
        """The exchange a result belongs to, or None when it was cleared away meanwhile."""
        if self.running is not None and self.running.id == exchange_id:
            self.running = None
        if generation != self.generation:
            self._continue()
            return None
        return next((e for e in self.exchanges if e.id == exchange_id), None)

    def _continue(self) -> None:
        if self.running is None and self.waiting:
            self._start(self.waiting.popleft())
        self._update_state()
        if self.running is None and not isinstance(self.focused, SourceItem):
            self.prompt.focus()

    def _update_state(self) -> None:
        if self.engine is None:
            return
        if self.running is None:
            self.status.state = "Ready"
        elif self.waiting:
            self.status.state = f"Answering… ({len(self.waiting)} queued)"
        else:
            self.status.state = "Answering…"

    # --- actions ---------------------------------------------------------------------------

    def action_focus_prompt(self) -> None:
        if not self.prompt.disabled:
            self.prompt.focus()

    async def action_clear(self) -> None:
        """Forget the conversation and start a new one."""
        self.generation += 1
        self.conversation = Conversation()
        self.exchanges = []
        self.waiting.clear()
        self.last_answer = None
        await self.transcript.clear_all()
        self.sources.show_answer(None)
        if self.engine is not None:
            self.transcript.show_examples(self.newsdesk.examples)
        self.transcript.add_notice("New conversation: earlier questions are forgotten.")
        self._update_state()
        self.action_focus_prompt()

    def action_save(self) -> None:
        """Save the conversation with its citations as Markdown."""
        done = [e for e in self.exchanges if e.answer is not None or e.error is not None]
        if not done:
            self.notify("Nothing to save yet: ask a question first.", severity="warning")
            return
        try:
            path = save_transcript(done, self.status.corpus)
        except OSError as error:
            self.transcript.add_notice(f"Could not save the conversation: {error}", error=True)
            return
        self.transcript.add_notice(f"Saved the conversation to {path}")

    def action_copy(self) -> None:
        """Copy the last answer and its sources to the clipboard."""
        if self.last_answer is None:
            self.notify("No answer to copy yet.", severity="warning")
            return
        self.app.copy_to_clipboard(answer_text(self.last_answer))
        self.notify("Copied the last answer.")

    def action_toggle_sources(self) -> None:
        self.toggle_class("-show-sources")


def describe_error(error: BaseException) -> str:
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
