"""What the answerer and its extractors share: scored sentences and answer candidates, whole-word
matching, name lists, and the type-checking view of `Answerer` that the extractor mixins use.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from assistant.knowledge.analysis import AnalysisCache, SentenceInfo
from assistant.knowledge.entities import Mention
from assistant.lazy_re import lazy_compile
from assistant.models import Article, EntityKind, Meeting
from assistant.qa.questions import QuestionFrame
from assistant.text import Tokenizer, fold

_QUESTION_WORDS = frozenset(
    "who whom whose what which where when why how did does do is was were are will would the a an of to in on at for with and or by from about into".split()
)

_MEET_VERB = lazy_compile(
    r"\b(?:met|meet|meets|meeting|summit|gathered|convened|assembled|conferred|spoke|spoken|speak|speaks|talked|talk|talks|phoned|telephoned|hosted|hosts|host|received|receives|welcomed|welcomes|greeted|greets|alongside|joined|joins|visited|visits|between|sat\s+down|shook\s+hands|conversation|(?:phone|telephone)\s+call|called\s+(?=[A-Z]))\b",
    re.I,
)


@dataclass
class Scored:
    article: Article
    info: SentenceInfo
    score: float
    coverage: float
    entity_hits: int


@dataclass
class Candidate:
    short: str
    score: float
    sentence: Scored
    rule: str
    facts: dict[str, str] = field(default_factory=dict)
    extra_sentences: list[tuple[Article, int]] = field(default_factory=list)
    highlight: tuple[str, ...] = ()
    meeting: Meeting | None = None
    own: float = 0.0
    kind: EntityKind | None = None


_WORDS = lazy_compile(r"[^\W_]+")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def _word_starts(text: str, phrase: str) -> Iterator[int]:
    r"""Where `phrase` stands in `text` not inside a longer word: the starts of
    re.finditer(r"(?<!\w)phrase(?!\w)") without compiling a pattern per phrase (they pushed
    the rules' own patterns out of re's cache, which then compiled them again and again)."""
    if not phrase:
        return
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        before = start == 0 or not _is_word_char(text[start - 1])
        after = end == len(text) or not _is_word_char(text[end])
        if before and after:
            yield start
        start = text.find(phrase, start + 1)


def inside_quote(text: str, at: int) -> bool:
    """Whether `at` falls inside a quotation the sentence opens before it."""
    before = text[:at]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _has_word(text: str, phrase: str) -> bool:
    """`phrase` occurs in `text` not inside a longer word."""
    return next(_word_starts(text, phrase), None) is not None


def _distinct(values: np.ndarray, size: int) -> np.ndarray:
    """The distinct values (all in range(size)), ascending. np.unique would do, but its first
    call imports numpy.ma, ~40 ms of a one-question command."""
    seen = np.zeros(size, dtype=bool)
    seen[values] = True
    return np.flatnonzero(seen)


def _dedupe_names(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        folded = fold(name)
        if any(folded in fold(o) or fold(o) in folded for o in out):
            longer = [o for o in out if fold(o) in folded]
            for o in longer:
                out[out.index(o)] = name
            continue
        out.append(name)
    return list(dict.fromkeys(out))


# A capitalised name the entity rules may have missed ("Katryn", "Yusuf/Cat Stevens").
_LIST_NAME = lazy_compile(r"[A-Z][\w'’.-]*(?:(?:\s+|/)(?:[A-Z][\w'’.-]*|(?:de|van|von|bin|al)\b))*")


# What may follow the last word of a list's name: punctuation, a joiner, the sentence's end.
_LIST_ITEM_END = lazy_compile(r"\s*(?:[,.;:)\]]|[-–—]\s|(?:and|or)\b|$)")
# What comes before the last name of a list.
_LIST_LAST_BEFORE = lazy_compile(r"\b(?:and|or)\s+$")
# Entity rules that guess a kind from a name's shape alone ("Bridgeport Hospital" a person).
_GUESSED_KIND = frozenset({"lone-name", "name-shape"})


def coordinated_run(info: SentenceInfo, anchor: str, kinds: frozenset[EntityKind]) -> list[Mention]:
    """The names of `kinds` the sentence lists together with the one written `anchor` ("Orvik,
    Tessa and Brask"; "Holt, Mirel and drummer Ana Brask"), in order; empty when it stands in
    no list. Only names of one kind make a list: a place after a person ends it."""
    from assistant.qa.answer_rules import answer_rules

    gap = answer_rules().list_gap
    # The entity rules miss many a name in a list ("three lions: Rambo, Katryn and Nakita"), or
    # guess its kind from the word alone: a capitalised name they did not take, and a lone word
    # they took by its shape alone, stands in a list of whatever kind its neighbours are.
    kind = next(iter(sorted(kinds)))
    items = [
        (m, m.kind in kinds or m.rule in _GUESSED_KIND) for m in info.mentions if not m.role_only
    ]
    taken = [(m.start, m.end) for m in info.mentions] + [(t.start, t.end) for t in info.times]
    for found in _LIST_NAME.finditer(info.text):
        start, end = found.start(), found.end()
        # ("German firms": a capitalised word before a lower-case noun modifies it.)
        # The name after the list's "and" is its last, whatever follows ("Osby, Lerr and
        # Tarn on Monday").
        ends_item = (
            _LIST_ITEM_END.match(info.text, end) is not None
            or _LIST_LAST_BEFORE.search(info.text, max(0, start - 5), start) is not None
        )
        if ends_item and not any(a < end and start < b for a, b in taken):
            name = found.group().rstrip(".")
            member = Mention(
                name, start, start + len(name), kind, fold(name), name, rule="list-name"
            )
            items.append((member, True))
    runs: list[list[Mention]] = []
    end = -1
    for m, fits in sorted(items, key=lambda item: (item[0].start, -item[0].end)):
        if m.start < end:
            continue  # a mention inside the last one
        end = m.end
        if fits:
            if runs and runs[-1] and gap.fullmatch(info.text, runs[-1][-1].end, m.start):
                runs[-1].append(m)
            else:
                runs.append([m])
        elif info.text[m.end : m.end + 2] not in {"'s", "’s"}:
            # A name of another kind between two names ends their list; an owner's
            # possessive ("Norvessa's Tarn Group") is part of the next name.
            runs.append([])
    for run in runs:
        # ("Senator Ana Holt" for "Ana Holt": a title taken into the name)
        if len(run) > 1 and any(
            anchor in (m.text, m.name) or m.text.endswith(" " + anchor) for m in run
        ):
            return run
    return []


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


if TYPE_CHECKING:
    from assistant.engine import Engine
    from assistant.knowledge.analysis import ArticleAnalysis
    from assistant.qa.answerer import Words
    from assistant.storage import CompactCorpus

    class AnswererParts(Protocol):
        """What the extractor mixins use of `Answerer` (assistant/qa/answerer.py): for type
        checking only; at run time the mixins derive from `object`."""

        engine: Engine
        tokenizer: Tokenizer
        analyses: AnalysisCache

        def _postings(self) -> tuple[CompactCorpus, Callable[[str], np.ndarray]] | None: ...

        def _captioned_articles(self) -> frozenset[str]: ...

        def _meeting_stems(self) -> frozenset[str]: ...

        def _same_entity(self, name: str, mention: Mention) -> bool: ...

        def _proximity(
            self, frame: QuestionFrame, text: str, position: int, end: int | None = None
        ) -> float: ...

        def _sentence_has(
            self, info: SentenceInfo, mention: Mention, words: Words | None = None
        ) -> bool: ...

        def _in_question(
            self, frame: QuestionFrame, text: str, person_words: bool = True
        ) -> bool: ...

        def _misfit_reason(self, frame: QuestionFrame, candidate: Candidate) -> str | None: ...

        def _describes_name(self, analysis: ArticleAnalysis, name: str, word: str) -> bool: ...

        def _meetings_for(self, frame: QuestionFrame, scored: Scored) -> list[Meeting]: ...

        def _predicate_stems(self, frame: QuestionFrame) -> frozenset[str]: ...

        def _synonym_stems(self, words: list[str]) -> dict[str, frozenset[str]]: ...

        def _sentence_stems(self, article: Article, info: SentenceInfo) -> frozenset[str]: ...

        @staticmethod
        def _quoted_phrases(frame: QuestionFrame) -> list[str]: ...

        def quote_speaker(
            self, frame: QuestionFrame, scored: Scored
        ) -> tuple[Scored, float, str] | None: ...
