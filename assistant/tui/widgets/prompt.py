"""The question line, with a history of earlier questions on up and down."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class PromptInput(Input):
    """An Input that remembers what was asked; up and down walk through it like a shell."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history_previous", "Previous question", show=False),
        Binding("down", "history_next", "Next question", show=False),
    ]

    def __init__(
        self, *, placeholder: str = "", id: str | None = None, cursor_blink: bool = True
    ) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.cursor_blink = cursor_blink
        self.history: list[str] = []
        # Where up/down is in the history (None: at the draft being typed) and that draft.
        self._position: int | None = None
        self._draft = ""

    def remember(self, question: str) -> None:
        """Add `question` to the history (once, most recent last) and go back to the draft."""
        if not self.history or self.history[-1] != question:
            self.history.append(question)
        self._position = None
        self._draft = ""

    def action_history_previous(self) -> None:
        if not self.history:
            return
        if self._position is None:
            self._draft = self.value
            self._position = len(self.history) - 1
        elif self._position > 0:
            self._position -= 1
        self._show(self.history[self._position])

    def action_history_next(self) -> None:
        if self._position is None:
            return
        if self._position < len(self.history) - 1:
            self._position += 1
            self._show(self.history[self._position])
        else:
            self._position = None
            self._show(self._draft)

    def _show(self, value: str) -> None:
        self.value = value
        self.cursor_position = len(value)
