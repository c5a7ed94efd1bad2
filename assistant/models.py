"""Pydantic data models shared by every layer: articles, passages, entities, meetings, answers."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Sentence(Frozen):
    """One sentence of an article's cleaned text."""

    index: int = Field(description="Position of the sentence in the article, from 0.")
    paragraph: int = Field(description="Paragraph number, from 0.")
    start: int = Field(description="Character offset of the first character in Article.text.")
    end: int = Field(description="Character offset one past the last character.")
    caption: bool = Field(default=False, description="True for photo captions, not body text.")


class Article(BaseModel):
    """A cleaned article with its metadata and sentence segmentation."""

    model_config = ConfigDict(extra="forbid")

    id: str
    title: str = ""
    date: dt.date | None = None
    author: str | None = None
    dateline: str | None = Field(default=None, description="Place named in the dateline.")
    source: str | None = None
    url: str | None = None
    path: str = Field(default="", description="File the article was read from.")
    line: int | None = Field(default=None, description="Line number inside a JSONL file.")
    metadata: dict[str, str] = Field(default_factory=dict)
    text: str = Field(default="", description="Cleaned body text; offsets point into it.")
    paragraphs: list[tuple[int, int]] = Field(default_factory=list)
    sentences: list[Sentence] = Field(default_factory=list)

    def sentence_text(self, index: int) -> str:
        sentence = self.sentences[index]
        return self.text[sentence.start : sentence.end]

    @property
    def date_text(self) -> str | None:
        return self.date.isoformat() if self.date else None


class Passage(Frozen):
    """A sentence with its neighbours as context: the unit BM25 ranks."""

    id: int
    article_id: str
    paragraph: int
    sentence: int = Field(description="The central sentence of the passage.")
    first_sentence: int
    last_sentence: int
    start: int
    end: int
    text: str


class SkippedFile(Frozen):
    """An input that could not be loaded, and why."""

    path: str
    line: int | None = None
    reason: str

    def describe(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


class LoadReport(BaseModel):
    """The articles read from a corpus and the inputs skipped on the way."""

    articles: list[Article] = Field(default_factory=list)
    skipped: list[SkippedFile] = Field(default_factory=list)


class SearchHit(Frozen):
    """One ranked passage."""

    rank: int
    score: float
    passage: Passage
    title: str = ""
    date: str | None = None
    matched: tuple[str, ...] = Field(default=(), description="Surface words that matched.")


class EntityKind(StrEnum):
    PERSON = "person"
    GROUP = "group"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    PLACE = "place"


class Entity(Frozen):
    """A named thing, canonical within the corpus (same canonical name, same entity)."""

    key: str = Field(description="Canonical lower-case key.")
    kind: EntityKind
    name: str = Field(description="Canonical display name, e.g. 'Lee Jae Myung'.")
    title: str | None = Field(default=None, description="Role from a title, e.g. 'President'.")
    nationality: str | None = None
    aliases: tuple[str, ...] = ()


class Evidence(Frozen):
    """A field value with the sentence it came from and the rule that produced it."""

    value: str
    sentence: int
    rule: str
    iso: str | None = Field(default=None, description="Resolved ISO date or month (times only).")


class Participant(Frozen):
    key: str
    name: str
    kind: EntityKind
    title: str | None = None
    sentence: int
    rule: str


MeetingKind = Literal["meeting", "talks", "summit", "visit", "hosting", "phone call", "handshake"]
MeetingStatus = Literal["planned", "happened", "cancelled"]


class Meeting(Frozen):
    """One meeting event extracted from one article, every field with its evidence."""

    id: str
    article_id: str
    kind: MeetingKind
    status: MeetingStatus
    participants: tuple[Participant, ...]
    trigger: Evidence
    place: Evidence | None = None
    time: Evidence | None = None
    purpose: Evidence | None = None
    topics: tuple[Evidence, ...] = ()
    sentences: tuple[int, ...] = Field(description="Every sentence that supports the event.")
    background: bool = Field(default=False, description="A past meeting mentioned as background.")


class Citation(Frozen):
    article_id: str
    title: str
    date: str | None
    url: str | None
    sentence: str
    sentence_index: int
    highlight: tuple[str, ...] = Field(default=(), description="Answer words to highlight.")


class Answer(BaseModel):
    """The engine's reply to one question."""

    question: str
    intent: str
    answer: str = Field(description="The templated sentence.")
    short: str = Field(default="", description="The bare answer without template words.")
    answered: bool
    confidence: float = 0.0
    citations: list[Citation] = Field(default_factory=list)
    facts: dict[str, Any] = Field(default_factory=dict)
    passages: list[SearchHit] = Field(default_factory=list)
    explain: list[str] = Field(default_factory=list)
    fallback: bool = Field(default=False, description="Best matching sentence, not a rule answer.")
