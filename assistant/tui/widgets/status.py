"""A one-line status bar: what the app is doing and the corpus in use."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from assistant.tui.render import one_line


class StatusBar(Widget):
    """Left: the current state ("Loading corpus…", "Ready", "Answering…"). Right: the corpus."""

    state: reactive[str] = reactive("Loading corpus…")
    corpus: reactive[str] = reactive("")

    def render(self) -> Text:
        left = one_line(self.state)
        right = one_line(self.corpus)
        gap = max(1, self.size.width - left.cell_len - right.cell_len)
        return Text.assemble(left, " " * gap, right)
