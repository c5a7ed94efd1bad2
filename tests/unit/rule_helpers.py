"""What the answer-rule tests share: asking the rules engine for an answer it must give."""

from __future__ import annotations

from assistant.engine import Engine
from assistant.models import Answer


def answered(engine: Engine, question: str) -> Answer:
    """The engine's answer to `question`, which must be answered."""
    answer = engine.ask(question)
    assert answer.answered, answer.answer
    return answer
