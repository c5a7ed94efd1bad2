"""Conversation context, so that follow-ups ("Where?", "And why?") resolve against the last turn."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.models import Answer


@dataclass
class Turn:
    question: str
    answer: Answer
    # The analysed question of that turn (entities, intent), as the answerer saw it.
    frame: Any = None


@dataclass
class Conversation:
    """The turns so far; `Engine.ask` appends to it."""

    turns: list[Turn] = field(default_factory=list)

    def remember(self, question: str, answer: Answer, frame: Any = None) -> None:
        self.turns.append(Turn(question, answer, frame))

    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def clear(self) -> None:
        self.turns.clear()
