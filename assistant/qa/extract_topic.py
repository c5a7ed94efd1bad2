"""Extractor for topic questions: what a meeting was about (`_topic`).

A mixin of `Answerer` (assistant/qa/answerer.py), which calls it from `_extract`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from assistant.knowledge.meetings import find_topics
from assistant.qa.answer_rules import answer_rules
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

# Where the subject of an agenda verb begins, read back from the verb.
_SUBJECT_OPENING = re.compile(r"\bthat\s+|[,;:]\s+|[\"“]")
_RELATIVE = re.compile(r",\s+(?:which|who|whose|where)\b")
_PRONOUN = re.compile(r"(?:it|this|that|these|those|they|he|she|we|which|what)", re.I)
_ITEM_END = re.compile(r"[;.]|\s[-–—]\s|,\s+(?:said|according|adding|he|she|they)\b|[\"”]")


# "discussed her career with a Wikinews reporter", "talked about trade with President Orm": who
# it was discussed with ends the topic.
_PARTNER = re.compile(
    r"\s+with\s+(?:(?:an?|the|his|her|their|its)\s+)?(?=(?-i:[A-Z]))"
    r"|\s+with\s+(?:his|her|their|its)\s+(?:[\w-]+\s+)?(?:counterparts?|hosts?|guests?)\b"
)


def without_partner(item: str) -> str:
    """A topic item without the "with ..." that names whom it was discussed with."""
    match = _PARTNER.search(item)
    return item[: match.start()] if match and match.start() > 0 else item


def agenda_topics(text: str) -> list[str]:
    """What a sentence says tops an agenda or is a top priority: the subject of "will top the
    agenda" / "is high on the agenda" / "is our top priority", or the object of "made X a top
    priority" / "the focus is on X". A pronoun or a noun that only points back ("the
    incident") names nothing and is left out."""
    rules = answer_rules()
    out: list[str] = []
    for match in rules.agenda_subject.finditer(text):
        before = text[: match.start()]
        if before.rstrip().endswith(","):
            # "X, which has become a corridor for smugglers, will top the agenda": X.
            relatives = list(_RELATIVE.finditer(before))
            if relatives:
                before = before[: relatives[-1].start()]
        openings = list(_SUBJECT_OPENING.finditer(before))
        subject = before[openings[-1].end() if openings else 0 :].strip(" ,\"'“”")
        if (
            not subject
            or _PRONOUN.fullmatch(subject)
            or rules.anaphora.match("over " + subject)
            or len(subject.split()) > 20
        ):
            continue
        out.append(subject)
    for match in rules.agenda_object.finditer(text):
        item = match.group(1) or match.group(2) or ""
        stop = _ITEM_END.search(item)
        item = item[: stop.start() if stop else len(item)].strip(" ,")
        if item and not _PRONOUN.fullmatch(item):
            out.append(trim_words(item, 30))
    return out


class TopicExtractors(_Base):
    """Topic questions: what was discussed."""

    def _topic(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        info = scored.info
        for meeting in self._meetings_for(frame, scored):
            if meeting.topics and meeting.topics[0].sentence == info.index:
                items = [
                    without_partner(t.value)
                    for t in meeting.topics
                    if not self._in_question(frame, without_partner(t.value))
                ]
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
            without_partner(t.value)
            for t in topics
            if not self._in_question(frame, without_partner(t.value))
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
        agenda = [t for t in agenda_topics(info.text) if not self._in_question(frame, t)]
        if agenda:
            yield Candidate(
                short=trim_words(", ".join(agenda), 30),
                score=0.9,
                sentence=scored,
                rule="topic-agenda",
                highlight=tuple(agenda),
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
