"""Per-article sentence analysis shared by meeting extraction and question answering."""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from assistant.knowledge.entities import EntityRecognizer, Mention, link_references
from assistant.knowledge.timex import TimeMention, find_times
from assistant.models import Article, EntityKind

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
            recognizer.mentions(title_text, -1),
            [],
            find_times(title_text, article.date),
        )
    for sentence in article.sentences:
        text = article.text[sentence.start : sentence.end][:MAX_ANALYSED_CHARS]
        refs = link_references(text, recognizer, sentence.index)
        mentions = recognizer.mentions(text, sentence.index)
        times = find_times(text, article.date)
        infos.append(SentenceInfo(sentence.index, text, mentions, refs, times, sentence.caption))
    people = {
        key: (record.name, record.title, record.nationality)
        for key, record in recognizer.people.items()
    }
    return ArticleAnalysis(article, infos, people, title_info)


class AnalysisCache:
    """A small LRU of analysed articles: question answering touches few articles per question."""

    def __init__(self, size: int = 256) -> None:
        self.size = size
        self._items: OrderedDict[str, ArticleAnalysis] = OrderedDict()

    def get(self, article: Article) -> ArticleAnalysis:
        item = self._items.get(article.id)
        if item is None:
            item = analyse(article)
            self._items[article.id] = item
            if len(self._items) > self.size:
                self._items.popitem(last=False)
        else:
            self._items.move_to_end(article.id)
        return item


def words_before(text: str, position: int, count: int = 6) -> list[str]:
    return re.findall(r"[\w'-]+", text[:position])[-count:]
