"""Extractors for count and list questions: the meetings a person had (`_count`,
`_list_meetings`), found through every article that names them.

A mixin of `Answerer` (assistant/qa/answerer.py), which calls these from `_extract`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

from assistant.knowledge.entities import Mention
from assistant.models import EntityKind, Meeting
from assistant.qa.answer_text import _WORDS, Candidate, Scored, _dedupe_names, _distinct, _join
from assistant.qa.questions import QuestionFrame
from assistant.text import fold

if TYPE_CHECKING:
    from assistant.qa.answer_text import AnswererParts as _Base
else:
    _Base = object


class MeetingListExtractors(_Base):
    """Count and list questions: the meetings a person had."""

    def _person_meetings(self, frame: QuestionFrame) -> list[Meeting]:
        people = [m for m in frame.strong_entities() if m.kind is EntityKind.PERSON]
        if not people:
            return []
        out = []
        for meeting in self._meetings_naming(people):
            names = [fold(p.name) for p in meeting.participants]
            if all(any(fold(m.name).split()[-1] in n.split() for n in names) for m in people):
                out.append(meeting)
        return out

    def _meetings_naming(self, people: list[Mention]) -> Iterable[Meeting]:
        """Every meeting, or (when the index can tell) only those of the articles whose words
        include each person's surname, in the same order: a participant's name is made from
        its article's words, so other articles' meetings cannot match. Parsing all ~95,000
        meetings of a 100k-article corpus took seconds."""
        usable = self._postings()
        surnames = [fold(m.name).split()[-1] if m.name.split() else "" for m in people]
        if (
            usable is None
            or not all(_WORDS.fullmatch(s) for s in surnames)
            or any(s in self.tokenizer.stopwords for s in surnames)
        ):
            yield from self.engine.meetings
            return
        corpus, docs_with = usable
        owner = corpus.arrays["psg"][:, 0] if corpus.n_passages else np.zeros(0, np.int32)
        chosen: set[int] | None = None
        for surname in surnames:
            docs = docs_with(self.tokenizer.stem(surname))
            found = set(_distinct(owner[docs], corpus.n_articles).tolist())
            chosen = found if chosen is None else chosen & found
        captioned = {corpus.position(aid) for aid in self._captioned_articles()}
        for i in sorted((chosen or set()) | captioned):
            for j in corpus.meetings_of(i):
                yield corpus.meeting(j)

    def _count(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        meetings = self._person_meetings(frame)
        if meetings:
            yield Candidate(
                short=str(len(meetings)), score=1.0, sentence=scored, rule="meeting-count"
            )

    def _list_meetings(self, frame: QuestionFrame, scored: Scored) -> Iterable[Candidate]:
        meetings = self._person_meetings(frame)
        if meetings:
            parts = []
            for m in meetings[:8]:
                who = _join(_dedupe_names([p.name for p in m.participants]))
                where = f" in {m.place.value}" if m.place else ""
                parts.append(f"{who}{where}")
            yield Candidate(short="; ".join(parts), score=1.0, sentence=scored, rule="meeting-list")
