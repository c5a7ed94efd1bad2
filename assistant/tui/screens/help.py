"""Help: the keys, example questions, the corpus in use and how to choose another one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from assistant.config import Settings
from assistant.tui.export import TRANSCRIPTS_ENV
from assistant.tui.render import display_path, one_line

if TYPE_CHECKING:
    from assistant.engine import EngineStats

KEYS: tuple[tuple[str, str], ...] = (
    ("enter", "ask the question typed in the question line"),
    ("up / down", "walk through earlier questions"),
    ("tab / shift+tab", "move between the question line, citations and passages"),
    ("enter or click", "on a citation or passage: open the article at that sentence"),
    ("ctrl+o", "show or hide the sources panel (the ranked passages behind the answer)"),
    ("ctrl+t", "the table of every meeting found in the articles"),
    ("ctrl+l", "clear: start a new conversation"),
    ("ctrl+s", f"save the conversation as Markdown (in ${TRANSCRIPTS_ENV} or the current folder)"),
    ("ctrl+y", "copy the last answer and its sources"),
    ("ctrl+p", "command palette"),
    ("F1", "this help"),
    ("escape", "close a screen, back to the question line"),
    ("ctrl+q", "quit"),
)


def _section(title: str) -> Static:
    return Static(Text(title), classes="help-heading")


class HelpScreen(Screen[None]):
    """What the keys do and which corpus is open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Back"),
        Binding("f1", "close", "Back", show=False),
        Binding("q", "close", "Back", show=False),
    ]

    def __init__(
        self,
        settings: Settings,
        stats: EngineStats | None,
        examples: Sequence[str],
        skipped: Sequence[str] = (),
    ) -> None:
        super().__init__(classes="help-screen")
        self.settings = settings
        self.stats = stats
        self.examples = examples
        self.skipped = skipped

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with VerticalScroll(id="help"):
            yield Static(
                Text("Newsdesk answers questions about a folder of news articles, offline."),
                classes="help-intro",
            )
            yield _section("Keys")
            keys = Table.grid(padding=(0, 2))
            keys.add_column(style="bold", no_wrap=True)
            keys.add_column()
            for key, description in KEYS:
                keys.add_row(key, description)
            yield Static(keys, classes="help-body")
            yield _section("Example questions")
            yield Static(
                Text("\n").join(one_line(q) for q in self.examples) or Text("(none)"),
                classes="help-body",
            )
            yield _section("Corpus")
            yield Static(self._corpus(), classes="help-body")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Help"
        self.query_one("#help").focus()

    def _corpus(self) -> Text:
        settings = self.settings
        lines = [
            Text.assemble(
                ("Paths: ", "bold"), one_line(", ".join(display_path(p) for p in settings.corpus))
            ),
            Text.assemble(
                ("Cache: ", "bold"),
                one_line(display_path(settings.cache_dir) if settings.use_cache else "off"),
            ),
        ]
        stats = self.stats
        if stats is None:
            lines.append(Text("Still loading…"))
        else:
            lines.append(
                Text(
                    f"{stats.articles} articles, {stats.passages} passages, "
                    f"{stats.meetings} meetings, {stats.skipped} inputs skipped"
                )
            )
            lines.append(
                Text(
                    "Index: loaded from the cache"
                    if stats.from_cache
                    else "Index: built for this run"
                )
            )
        lines.extend(Text.assemble(("Skipped: ", "bold"), one_line(s)) for s in self.skipped[:5])
        lines.append(Text(""))
        lines.append(Text("To use another corpus, start Newsdesk with:"))
        lines.append(Text("  newsdesk --corpus PATH --cache-dir DIR", style="bold"))
        lines.append(
            Text("PATH may be a folder (read recursively) or a file; repeat --corpus for several.")
        )
        return Text("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss()
