"""Extractor for topic questions: what a meeting was about (`_topic`).

A mixin of `Answerer` (assistant/qa/answerer.py), which calls it from `_extract`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.knowledge.meetings import find_topics
from assistant.qa.answer_text import Candidate, Scored
from assistant.qa.questions import QuestionFrame
from assistant.text import trim_words

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


_NEGATED_TOPIC = re.compile(
    r"\b(?:not|n't|never)\s+(?:been\s+|be\s+)?(?:discussed|raised|on\s+the\s+agenda|talked\s+about)\b",
    re.I,
)

_SETTING_ITEM = re.compile(
    r"(?:in|at|during|by|after|before|with|when|while|since|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.I,
)


class TopicExtractors(_Base):
    """Topic questions: what was discussed."""

    def _topic(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        for meeting in self._meetings_for(frame, scored):
            if meeting.topics and meeting.topics[0].sentence == info.index:
                items = [t.value for t in meeting.topics if not self._in_question(frame, t.value)]
                if items:
                    yield Candidate(
                        short=trim_words(", ".join(items), 30),
                        score=0.9,
                        sentence=scored,
                        rule="meeting-topics",
                        highlight=tuple(items),
                        meeting=meeting,
                    )
        topics = find_topics(info)
        if _NEGATED_TOPIC.search(info.text):
            # "... was not discussed in the phone call": no topic of this meeting.
            topics = []
        items = [
            t.value
            for t in topics
            if not self._in_question(frame, t.value)
            # "discussed in the two leaders' call": a setting after the verb, not a topic.
            and not _SETTING_ITEM.match(t.value)
        ]
        if items:
            score = 0.7 + 0.1 * min(len(items), 6)
            yield Candidate(
                short=trim_words(", ".join(items), 30),
                score=score,
                sentence=scored,
                rule=topics[0].rule,
                highlight=tuple(items),
            )
        about = re.search(r"\b(?:about|concerning|regarding)\s+(.{6,})", info.text)
        if about:
            yield Candidate(
                short=trim_words(about.group(1), 30).rstrip(".,"),
                score=0.2,
                sentence=scored,
                rule="topic-about",
                highlight=(about.group(1),),
            )
