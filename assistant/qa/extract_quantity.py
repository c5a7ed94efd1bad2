"""Extractor for quantity questions ("How long did the call last?", "What percentage ...?"):
the quantity a sentence states, of the kind the question asks (`_quantity`).

No rule here reads a number off a sentence that does not state one of the asked kind: such a
question is declined rather than answered with a whole sentence.

A mixin of `Answerer` (assistant/qa/answerer.py), which calls it from `_extract`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.lazy_re import lazy_compile
from assistant.qa.answer_rules import answer_rules
from assistant.qa.answer_text import Candidate, Scored
from assistant.qa.questions import QuestionFrame

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object

# The share of the question's words the stating sentence must hold (its "long", "much" are
# rarely among them): the quantity must be the asked one, not another number of a sentence
# that only shares the names.
QUANTITY_COVERAGE = 0.35

# "How many weekly flights were cancelled": the counted noun is the last word before the verb.
_COUNTED = lazy_compile(
    r"\b(?:how\s+many|number\s+of)\s+((?:[\w'’-]+\s+){0,4}?)([\w'’-]+)\s+"
    r"(?:did|do|does|were|was|are|is|have|has|had|will|would|can|could|in|of|at|on|from)\b",
    re.IGNORECASE,
)


# The participle right after the counted noun's auxiliary: "were injured", "have been killed".
_DONE_TO = lazy_compile(r"\s*(?:been\s+)?([a-z]+ed)\b")


def asked_kind(question: str) -> tuple[str, re.Pattern[str]] | None:
    """The kind of quantity a question asks for and the pattern of such a quantity."""
    for name, asks, states in answer_rules().quantities:
        if asks.search(question):
            return name, states
    return None


class QuantityExtractors(_Base):
    """Quantity questions: an amount, duration, age, measure, share or count."""

    def _quantity(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        kind = asked_kind(frame.text)
        if kind is None or scored.coverage < QUANTITY_COVERAGE:
            return
        name, states = kind
        pattern = states
        if name == "count":
            counted = _COUNTED.search(frame.text)
            if counted is None:
                return
            stem = self.tokenizer.stem(counted.group(2).lower())
            done = _DONE_TO.match(frame.text, counted.end())
            if done is not None:
                # "How many pilgrims were injured ...?": a count of those killed is another
                # number; the sentence must tell the asked act, in its words or a synonym's.
                verb = done.group(1).lower()
                said = self._sentence_stems(scored.article, scored.info)
                told = {self.tokenizer.stem(verb)} | set(
                    self._synonym_stems([verb]).get(self.tokenizer.stem(verb), ())
                )
                if said.isdisjoint(told):
                    return
            # The number must count the asked noun: "40 flights", "dozens of weekly flights".
            pattern = re.compile(
                states.pattern + r"(?:\s+(?:of\s+)?[\w'’-]+){0,3}?\s+" + re.escape(stem) + r"\w*\b",
                re.IGNORECASE,
            )
        found = pattern.search(scored.info.text)
        if found is None:
            return
        yield Candidate(
            short=found.group().strip(),
            score=0.6,
            sentence=scored,
            rule=f"quantity-{name}",
            highlight=(found.group().strip(),),
        )
