"""The engine without a UI: loads a corpus, builds or loads the index, searches, extracts, answers.

The TUI and every command of the CLI go through `Engine`; nothing here imports textual.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from assistant import __version__
from assistant.cache import Bundle, CacheError, IndexCache, fingerprint
from assistant.config import Settings
from assistant.corpus import corpus_files, load_corpus, make_passages
from assistant.index import BM25Index
from assistant.models import Answer, Article, Meeting, Passage, SearchHit, SkippedFile
from assistant.progress import Progress
from assistant.text import Tokenizer, fold

# Bump when anything that changes what is cached changes (tokenizer, passages, extraction).
CACHE_FORMAT = "3"


@dataclass
class EngineStats:
    articles: int
    passages: int
    skipped: int
    meetings: int
    from_cache: bool
    load_seconds: float


@dataclass
class Engine:
    settings: Settings
    articles: dict[str, Article]
    passages: list[Passage]
    index: BM25Index
    meetings: list[Meeting]
    skipped: list[SkippedFile] = field(default_factory=list)
    from_cache: bool = False
    messages: list[str] = field(default_factory=list)
    load_seconds: float = 0.0
    tokenizer: Tokenizer = field(default_factory=Tokenizer)
    proper_words: dict[str, str] = field(default_factory=dict)
    _meetings_by_article: dict[str, list[Meeting]] | None = field(default=None, repr=False)

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        settings: Settings | None = None,
        on_skip: Callable[[SkippedFile], None] | None = None,
        on_message: Callable[[str], None] | None = None,
        progress: bool = True,
    ) -> Engine:
        """Load the corpus (from the cache when nothing changed) and make it searchable."""
        settings = settings or Settings()
        started = time.perf_counter()
        messages: list[str] = []

        def say(message: str) -> None:
            messages.append(message)
            if on_message:
                on_message(message)

        files, skipped_dirs = corpus_files(settings.corpus)
        extra = json.dumps(
            {
                "version": __version__,
                "format": CACHE_FORMAT,
                "settings": settings.model_dump(mode="json", exclude={"cache_dir", "use_cache", "k"}),
            },
            sort_keys=True,
        )
        key = fingerprint(files, extra)
        cache = IndexCache(settings.cache_dir) if settings.use_cache else None
        if cache is not None:
            try:
                bundle = cache.load(key)
            except CacheError as error:
                say(f"cache: {error}; rebuilding")
                bundle = None
            if bundle is not None:
                try:
                    engine = cls._from_bundle(settings, bundle)
                except (KeyError, ValueError) as error:
                    say(f"cache: unusable entry ({error}); rebuilding")
                else:
                    if on_skip:
                        for item in engine.skipped:
                            on_skip(item)
                    engine.messages = messages
                    engine.load_seconds = time.perf_counter() - started
                    return engine
        report = load_corpus(settings.corpus, max_bytes=settings.max_file_bytes, on_skip=on_skip)
        # load_corpus walks the same paths again and reports skipped_dirs itself.
        skipped = report.skipped
        engine = cls._build(settings, report.articles, skipped, progress=progress)
        if cache is not None:
            saved = cache.save(key, engine._to_bundle())
            for warning in cache.warnings:
                say(f"cache: {warning}")
            if saved is None and not cache.warnings:
                say("cache: not saved")
        engine.messages = messages
        engine.load_seconds = time.perf_counter() - started
        return engine

    @classmethod
    def _build(
        cls,
        settings: Settings,
        articles: list[Article],
        skipped: list[SkippedFile],
        progress: bool = True,
    ) -> Engine:
        from assistant.knowledge.entities import collect_proper_words
        from assistant.knowledge.meetings import extract_meetings

        tokenizer = Tokenizer()
        passages: list[Passage] = []
        docs: list[list[str]] = []
        meetings: list[Meeting] = []
        stream = sys.stderr if progress else None  # None turns the bar off
        with Progress(len(articles), "indexing", stream=stream) as bar:
            for article in articles:
                title_tokens = tokenizer(article.title) * settings.title_weight
                for passage in make_passages(article, settings.context, start_id=len(passages)):
                    passages.append(passage)
                    docs.append(tokenizer(passage.text) + title_tokens)
                meetings.extend(extract_meetings(article))
                bar.advance()
        index = BM25Index.build(docs, k1=settings.bm25_k1, b=settings.bm25_b, delta=settings.bm25_delta)
        proper = collect_proper_words([a.text for a in articles])
        return cls(
            proper_words=proper,
            settings=settings,
            articles={a.id: a for a in articles},
            passages=passages,
            index=index,
            meetings=meetings,
            skipped=skipped,
            tokenizer=tokenizer,
        )

    def _to_bundle(self) -> Bundle:
        articles = "\n".join(a.model_dump_json() for a in self.articles.values())
        meetings = "\n".join(m.model_dump_json() for m in self.meetings)
        skipped = "\n".join(s.model_dump_json() for s in self.skipped)
        passage_arrays: dict[str, np.ndarray] = {
            "passage_article": np.array(
                [self._article_order()[p.article_id] for p in self.passages], dtype=np.int32
            ),
            "passage_cols": np.array(
                [
                    (p.paragraph, p.sentence, p.first_sentence, p.last_sentence, p.start, p.end)
                    for p in self.passages
                ],
                dtype=np.int64,
            ).reshape(-1, 6),
        }
        return Bundle(
            arrays={**self.index.to_arrays(), **passage_arrays},
            documents={
                "articles.jsonl": articles.encode(),
                "meetings.jsonl": meetings.encode(),
                "skipped.jsonl": skipped.encode(),
                "proper_words.json": json.dumps(self.proper_words, sort_keys=True).encode(),
            },
        )

    def _article_order(self) -> dict[str, int]:
        return {article_id: i for i, article_id in enumerate(self.articles)}

    @classmethod
    def _from_bundle(cls, settings: Settings, bundle: Bundle) -> Engine:
        articles = [
            Article.model_validate_json(line)
            for line in bundle.documents["articles.jsonl"].decode().splitlines()
            if line
        ]
        meetings = [
            Meeting.model_validate_json(line)
            for line in bundle.documents["meetings.jsonl"].decode().splitlines()
            if line
        ]
        skipped = [
            SkippedFile.model_validate_json(line)
            for line in bundle.documents.get("skipped.jsonl", b"").decode().splitlines()
            if line
        ]
        article_ids = [a.id for a in articles]
        by_id = {a.id: a for a in articles}
        passages = []
        cols = np.asarray(bundle.arrays["passage_cols"])
        owners = np.asarray(bundle.arrays["passage_article"])
        for i, (owner, row) in enumerate(zip(owners.tolist(), cols.tolist(), strict=True)):
            article = by_id[article_ids[owner]]
            paragraph, sentence, first, last, start, end = row
            passages.append(
                Passage(
                    id=i,
                    article_id=article.id,
                    paragraph=paragraph,
                    sentence=sentence,
                    first_sentence=first,
                    last_sentence=last,
                    start=start,
                    end=end,
                    text=article.text[start:end],
                )
            )
        index = BM25Index.from_arrays(bundle.arrays)
        proper = json.loads(bundle.documents.get("proper_words.json", b"{}").decode() or "{}")
        return cls(
            proper_words=proper,
            settings=settings,
            articles=by_id,
            passages=passages,
            index=index,
            meetings=meetings,
            skipped=skipped,
            from_cache=True,
        )

    # --- queries ---------------------------------------------------------------------------

    @property
    def stats(self) -> EngineStats:
        return EngineStats(
            articles=len(self.articles),
            passages=len(self.passages),
            skipped=len(self.skipped),
            meetings=len(self.meetings),
            from_cache=self.from_cache,
            load_seconds=self.load_seconds,
        )

    def search(self, query: str, k: int | None = None) -> list[SearchHit]:
        """Ranked passages for a free-text query."""
        k = k or self.settings.k
        tokens = self.tokenizer(query)
        stems = set(tokens)
        hits: list[SearchHit] = []
        seen: set[tuple[str, int, int]] = set()
        # Neighbouring sentences of a short paragraph share one span: ask for extra, keep one.
        for doc, score in self.index.search(tokens, k * 2):
            if len(hits) == k:
                break
            passage = self.passages[doc]
            span = (passage.article_id, passage.start, passage.end)
            if span in seen:
                continue
            seen.add(span)
            rank = len(hits) + 1
            article = self.articles[passage.article_id]
            matched = tuple(
                dict.fromkeys(
                    w for w in self.tokenizer.words(passage.text) if self.tokenizer.stem(w) in stems
                )
            )
            hits.append(
                SearchHit(
                    rank=rank,
                    score=score,
                    passage=passage,
                    title=article.title,
                    date=article.date_text,
                    matched=matched,
                )
            )
        return hits

    def article(self, article_id: str) -> Article:
        return self.articles[article_id]

    def meetings_for(self, article_id: str) -> list[Meeting]:
        """The meetings extracted from one article (the answerer asks this per candidate)."""
        if self._meetings_by_article is None:
            grouped: dict[str, list[Meeting]] = {}
            for meeting in self.meetings:
                grouped.setdefault(meeting.article_id, []).append(meeting)
            self._meetings_by_article = grouped
        return self._meetings_by_article.get(article_id, [])

    def find_meetings(
        self,
        person: str | None = None,
        place: str | None = None,
        since: dt.date | None = None,
    ) -> list[Meeting]:
        """Meetings filtered by a participant's name, a place and an earliest date."""
        out = []
        for meeting in self.meetings:
            if person and not any(
                fold(person) in fold(p.name) or fold(p.name) in fold(person)
                for p in meeting.participants
            ):
                continue
            if place and not (meeting.place and fold(place) in fold(meeting.place.value)):
                continue
            if since is not None:
                when = self.meeting_date(meeting)
                if when is None or when < since:
                    continue
            out.append(meeting)
        return out

    def meeting_date(self, meeting: Meeting) -> dt.date | None:
        """The meeting's resolved date, else its article's date."""
        if meeting.time and meeting.time.iso:
            iso = meeting.time.iso
            try:
                if len(iso) == 10:
                    return dt.date.fromisoformat(iso)
                if len(iso) == 7:
                    return dt.date.fromisoformat(iso + "-01")
                if len(iso) == 4:
                    return dt.date(int(iso), 1, 1)
            except ValueError:
                pass
        return self.articles[meeting.article_id].date

    def ask(self, question: str, conversation: object | None = None, explain: bool = False) -> Answer:
        """Answer one question; `conversation` carries context between follow-up turns."""
        from assistant.qa.answerer import Answerer
        from assistant.qa.conversation import Conversation

        convo = conversation if isinstance(conversation, Conversation) else None
        return Answerer.for_engine(self).answer(question, convo, explain=explain)


def source_label(path: str | Path) -> str:
    return Path(path).name
