"""Messages that carry results from workers and choices from widgets back to the screens."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from assistant.models import Answer

if TYPE_CHECKING:
    from assistant.engine import Engine


@dataclass(eq=False)
class EngineLoaded(Message):
    """The corpus is open and searchable."""

    engine: Engine


@dataclass(eq=False)
class EngineFailed(Message):
    """Opening the corpus raised; `error` says what happened."""

    error: str


@dataclass(eq=False)
class AnswerReady(Message):
    """The engine answered a question."""

    exchange_id: int
    answer: Answer
    generation: int


@dataclass(eq=False)
class AnswerFailed(Message):
    """Answering a question raised; `error` says what happened."""

    exchange_id: int
    error: str
    generation: int


@dataclass(eq=False)
class SourceChosen(Message):
    """A citation, passage or meeting was chosen: open the article at a sentence."""

    article_id: str
    sentence: int
    highlight: tuple[str, ...] = ()


@dataclass(eq=False)
class ExampleChosen(Message):
    """An example question was chosen: ask it."""

    question: str
