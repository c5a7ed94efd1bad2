"""Per-article sentence analysis shared by meeting extraction and question answering."""

from __future__ import annotations

import json
import re
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant.knowledge.entities import EntityRecognizer, Mention, link_references, note_genders
from assistant.knowledge.timex import TimeMention, find_times
from assistant.models import Article, EntityKind, Sentence

# Very long sentences (hostile input) are analysed only in their first part.
MAX_ANALYSED_CHARS = 2_000


@dataclass
class SentenceInfo:
    index: int
    text: str
    mentions: list[Mention]
    references: list[Mention]
    times: list[TimeMention]
    caption: bool = False

    def entity_keys(self) -> frozenset[str]:
        """Keys of every entity mentioned or referred to (kept once made: asked per question)."""
        found: frozenset[str] | None = self.__dict__.get("_keys")
        if found is None:
            found = frozenset(m.key for m in self.mentions) | {r.key for r in self.references}
            self.__dict__["_keys"] = found
        return found

    def people(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind is EntityKind.PERSON and not m.role_only]

    def all_people(self) -> list[Mention]:
        """Named people plus resolved references, in text order."""
        named = self.people()
        refs = [r for r in self.references if not any(n.start <= r.start < n.end for n in named)]
        return sorted(named + refs, key=lambda m: m.start)


@dataclass
class ArticleAnalysis:
    article: Article
    sentences: list[SentenceInfo]
    people: dict[str, tuple[str, str | None, str | None]]  # key -> (name, title, nationality)
    title: SentenceInfo | None = None
    # key -> "f" or "m", where the story tells it (titles, "X ..., where she ...").
    genders: dict[str, str] = field(default_factory=dict)

    def aliases(self) -> dict[str, str]:
        """Every name token of every person -> person key (for linking question words)."""
        out: dict[str, str] = {}
        for key, (name, _, _) in self.people.items():
            out[key] = key
            for token in name.split():
                out.setdefault(token.lower(), key)
        return out


def analyse(article: Article) -> ArticleAnalysis:
    recognizer = EntityRecognizer()
    infos: list[SentenceInfo] = []
    # The title names the main actors; reading it first lets surnames in the body link.
    title_info = None
    if article.title:
        title_text = article.title[:MAX_ANALYSED_CHARS]
        title_info = SentenceInfo(
            -1,
            title_text,
            recognizer.mentions(title_text, -1, body=article.text),
            [],
            find_times(title_text, article.date),
        )
    for sentence in article.sentences:
        text = _sentence_text(article, sentence)
        refs = link_references(text, recognizer, sentence.index)
        mentions = recognizer.mentions(text, sentence.index)
        note_genders(text, mentions, recognizer)
        times = find_times(text, article.date)
        infos.append(SentenceInfo(sentence.index, text, mentions, refs, times, sentence.caption))
    people = {
        key: (record.name, record.title, record.nationality)
        for key, record in recognizer.people.items()
    }
    genders = {
        key: gender for key, record in recognizer.people.items() if (gender := record.gender())
    }
    return ArticleAnalysis(article, infos, people, title_info, genders)


# --- stored form ----------------------------------------------------------------------------
# The index build analyses every article anyway (for meetings); storing the result saves
# answering ~6 ms per article it reads. JSON lists, not pickle: the cache never runs code.
# Sentence texts are not stored (they are cut from the article again on loading), and the JSON
# is deflated: ~2.4x the article's text as JSON, under 1x deflated, which matters at 100k articles.


def _mention_row(m: Mention) -> list[Any]:
    return [
        m.text,
        m.start,
        m.end,
        m.kind.value,
        m.key,
        m.name,
        m.title,
        m.nationality,
        m.rule,
        m.role_only,
    ]


def _mention(row: list[Any]) -> Mention:
    text, start, end, kind, key, name, title, nationality, rule, role_only = row
    return Mention(text, start, end, _KINDS[kind], key, name, title, nationality, rule, role_only)


# EntityKind(value) goes through Enum's metaclass call: ten times slower than this look-up.
_KINDS = {kind.value: kind for kind in EntityKind}


def _info_row(info: SentenceInfo) -> list[Any]:
    return [
        [_mention_row(m) for m in info.mentions],
        [_mention_row(m) for m in info.references],
        [[t.text, t.start, t.end, t.kind, t.iso] for t in info.times],
    ]


def _info(index: int, text: str, row: list[Any], caption: bool) -> SentenceInfo:
    mentions, references, times = row
    return SentenceInfo(
        index,
        text,
        [_mention(m) for m in mentions],
        [_mention(m) for m in references],
        [TimeMention(*t) for t in times],
        caption,
    )


def encode_analysis(analysis: ArticleAnalysis) -> bytes:
    data = {
        "title": _info_row(analysis.title) if analysis.title is not None else None,
        "sentences": [_info_row(info) for info in analysis.sentences],
        "people": analysis.people,
        "genders": analysis.genders,
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def decode_analysis(article: Article, blob: bytes) -> ArticleAnalysis:
    """The analysis `encode_analysis` stored for this article; ValueError if it does not fit."""
    try:
        data = json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass"))
    except zlib.error as error:
        raise ValueError(f"stored analysis is damaged: {error}") from None
    rows = data["sentences"]
    if len(rows) != len(article.sentences):
        raise ValueError("stored analysis does not match the article's sentences")
    infos = [
        _info(s.index, _sentence_text(article, s), row, s.caption)
        for s, row in zip(article.sentences, rows, strict=True)
    ]
    title = None
    if data["title"] is not None:
        title = _info(-1, article.title[:MAX_ANALYSED_CHARS], data["title"], False)
    people = {key: tuple(value) for key, value in data["people"].items()}
    return ArticleAnalysis(article, infos, people, title, data.get("genders", {}))


def _sentence_text(article: Article, sentence: Sentence) -> str:
    return article.text[sentence.start : sentence.end][:MAX_ANALYSED_CHARS]


class AnalysisCache:
    """A small LRU of analysed articles: question answering touches few articles per question.

    `stored(article)` gives the analysis saved at index time (bytes), or None to analyse now.
    """

    def __init__(
        self, size: int = 256, stored: Callable[[Article], bytes | None] | None = None
    ) -> None:
        self.size = size
        self._stored = stored
        self._items: OrderedDict[str, ArticleAnalysis] = OrderedDict()

    def _load(self, article: Article) -> ArticleAnalysis:
        blob = self._stored(article) if self._stored is not None else None
        if blob:
            try:
                return decode_analysis(article, blob)
            except (ValueError, KeyError, TypeError):
                pass  # a stored form that does not fit is ignored, never trusted
        return analyse(article)

    def get(self, article: Article) -> ArticleAnalysis:
        item = self._items.get(article.id)
        if item is None:
            item = self._load(article)
            self._items[article.id] = item
            if len(self._items) > self.size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(article.id)
        return item


def words_before(text: str, position: int, count: int = 6) -> list[str]:
    return re.findall(r"[\w'-]+", text[:position])[-count:]
