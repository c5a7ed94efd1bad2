"""The Newsdesk app: opens the corpus in a worker, then hands questions to the chat screen."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, ClassVar

try:
    import termios
except ImportError:  # pragma: no cover - not a POSIX system: no hang-up check
    termios = None  # type: ignore[assignment]

from textual import on, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from assistant.config import DEFAULT_CORPUS, Settings
from assistant.models import EntityKind, Meeting
from assistant.tui.messages import EngineFailed, EngineLoaded, SourceChosen
from assistant.tui.screens.chat import ChatScreen, describe_error
from assistant.tui.screens.help import HelpScreen
from assistant.tui.screens.meetings import MeetingsScreen
from assistant.tui.screens.reader import ReaderScreen

if TYPE_CHECKING:
    from assistant.engine import Engine

# Shown before the first question when the bundled corpus is open.
DEFAULT_EXAMPLES: tuple[str, ...] = (
    "Who did Lee meet in Nara?",
    "Why is Lee visiting Japan?",
    "Where did Lee and Takaichi first meet?",
)

EngineLoader = Callable[[Settings], "Engine"]


def open_engine(settings: Settings) -> Engine:
    # Imported here, in the loading thread: the engine's imports (nltk, numpy...) take a second or
    # two, and the window should be up before that.
    from assistant.engine import Engine

    return Engine.open(settings, progress=False)


# How often the app checks that its terminal is still there.
TERMINAL_CHECK_SECONDS = 2.0


def terminal_fd() -> int | None:
    """The app's input terminal, or None when input is not a terminal (tests, pipes)."""
    try:
        fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
    except (OSError, ValueError):
        return None
    return fd if fd >= 0 and os.isatty(fd) else None


def terminal_gone(fd: int) -> bool:
    """Whether the terminal hung up: its attributes can no longer be read (EIO)."""
    if termios is None:  # pragma: no cover - not a POSIX system
        return False
    try:
        termios.tcgetattr(fd)
    except (termios.error, OSError):
        return True
    return False


class NewsdeskApp(App[int]):
    """Ask questions about a folder of news articles and read the answers' sources."""

    CSS_PATH = "app.tcss"
    TITLE = "Newsdesk"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", priority=True, tooltip="Quit Newsdesk"),
        Binding("f1", "help", "Help", tooltip="Keys, examples and the corpus in use"),
        Binding("ctrl+t", "meetings", "Meetings", tooltip="Every meeting found in the articles"),
        Binding("ctrl+r", "reload", "Reload", show=False, tooltip="Open the corpus again"),
    ]

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        loader: EngineLoader = open_engine,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.loader = loader
        self.cursor_blink = cursor_blink
        self.engine: Engine | None = None
        self.examples: list[str] = []

    # --- start-up --------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[None]:
        return ChatScreen()

    @property
    def chat(self) -> ChatScreen:
        screen = self.screen_stack[0]
        assert isinstance(screen, ChatScreen)
        return screen

    def on_mount(self) -> None:
        self.sub_title = "loading corpus…"
        self.load_engine()
        # Started through `make run`, the app is not the terminal's controlling process: when
        # the terminal goes away (a closed window, a dropped ssh session) make waits on, the app
        # gets no hang-up signal, and its input reads end-of-file forever: it spun at half a
        # core. A terminal that no longer answers is the sign to leave.
        self._terminal = terminal_fd()
        if self._terminal is not None:
            self.set_interval(TERMINAL_CHECK_SECONDS, self._exit_if_hung_up)

    def _exit_if_hung_up(self) -> None:
        assert self._terminal is not None
        if terminal_gone(self._terminal):
            self.exit(return_code=1)

    @work(thread=True, exclusive=True, exit_on_error=False, group="load")
    def load_engine(self) -> None:
        # Runs in a thread so the window is up at once; the result comes back as a message.
        try:
            engine = self.loader(self.settings)
        except Exception as error:
            self.post_message(EngineFailed(describe_error(error)))
        else:
            self.post_message(EngineLoaded(engine))

    @on(EngineLoaded)
    def on_engine_loaded(self, message: EngineLoaded) -> None:
        engine = self.engine = message.engine
        stats = engine.stats
        corpus = corpus_summary(engine)
        self.sub_title = corpus
        self.examples = example_questions(engine, self.settings)
        notes = [f"cache: {m}" if not m.startswith("cache") else m for m in engine.messages]
        if stats.skipped:
            notes.append(
                f"Skipped {stats.skipped} input(s) that could not be read (F1 lists them)."
            )
        if not stats.articles:
            notes.append("No articles were found in the corpus. F1 says how to choose another one.")
        self.chat.engine_ready(engine, corpus, self.examples, notes)

    @on(EngineFailed)
    def on_engine_failed(self, message: EngineFailed) -> None:
        self.sub_title = "no corpus"
        self.chat.engine_failed(message.error)

    # --- navigation ------------------------------------------------------------------------

    @on(SourceChosen)
    def on_source_chosen(self, message: SourceChosen) -> None:
        if self.engine is None or message.article_id not in self.engine.articles:
            self.notify("That article is not in the corpus.", severity="error")
            return
        article = self.engine.article(message.article_id)
        self.push_screen(ReaderScreen(article, message.sentence, message.highlight))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        stats = self.engine.stats if self.engine else None
        skipped = [s.describe() for s in self.engine.skipped] if self.engine else []
        self.push_screen(
            HelpScreen(self.settings, stats, self.examples or list(DEFAULT_EXAMPLES), skipped)
        )

    def action_meetings(self) -> None:
        if isinstance(self.screen, MeetingsScreen):
            return
        if self.engine is None:
            self.notify("The corpus is still loading.", severity="warning")
            return
        self.push_screen(MeetingsScreen(self.engine, cursor_blink=self.cursor_blink))

    def action_reload(self) -> None:
        if self.engine is not None:
            self.notify("The corpus is already open.")
            return
        self.sub_title = "loading corpus…"
        self.chat.engine_loading()
        self.load_engine()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand(
            "Help", "Keys, example questions and the corpus in use (F1)", self.action_help
        )
        yield SystemCommand(
            "Meetings", "Every meeting found in the articles (ctrl+t)", self.action_meetings
        )
        chat = self.chat
        yield SystemCommand(
            "Clear conversation", "Start a new conversation (ctrl+l)", chat.action_clear
        )
        yield SystemCommand(
            "Save conversation", "Save it as Markdown with its citations (ctrl+s)", chat.action_save
        )
        yield SystemCommand(
            "Copy last answer", "Copy the last answer and its sources (ctrl+y)", chat.action_copy
        )
        yield SystemCommand(
            "Sources panel",
            "Show or hide the passages behind the answer (ctrl+o)",
            chat.action_toggle_sources,
        )


def corpus_summary(engine: Engine) -> str:
    stats = engine.stats
    index = "index from cache" if stats.from_cache else "index built"
    return f"{stats.articles} articles · {stats.passages} passages · {index}"


def example_questions(engine: Engine, settings: Settings) -> list[str]:
    """Questions to show before the first one: fixed for the bundled corpus, else from its meetings."""
    if [p.resolve() for p in settings.corpus] == [DEFAULT_CORPUS.resolve()]:
        return list(DEFAULT_EXAMPLES)
    return meeting_examples(engine.meetings)


def meeting_examples(meetings: Iterable[Meeting], limit: int = 3) -> list[str]:
    """Who / why / where questions about the first meetings between people."""
    out: list[str] = []
    for meeting in meetings:
        if meeting.background or meeting.status != "happened":
            continue
        people = [p.name for p in meeting.participants if p.kind == EntityKind.PERSON]
        if len(people) < 2:
            continue
        a, b = people[0], people[1]
        place = " ".join(meeting.place.value.split()) if meeting.place else ""
        kind = len(out) % 3
        if kind == 0:
            question = f"Who did {a} meet in {place}?" if place else f"Who did {a} meet?"
        elif kind == 1:
            question = f"Why did {a} meet {b}?"
        else:
            question = f"Where did {a} and {b} meet?"
        if question not in out:
            out.append(question)
        if len(out) >= limit:
            break
    return out


def run_app(settings: Settings) -> int:
    """Run the app on `settings`' corpus until the user quits; returns the exit code."""
    app = NewsdeskApp(settings)
    app.run()
    return app.return_code or 0
