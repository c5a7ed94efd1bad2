"""The engine without a UI: loads a corpus, builds or loads the index, searches, extracts, answers.

The TUI and every command of the CLI go through `Engine`; nothing here imports textual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant import __version__, incremental
from assistant.build import (
    STORE_DIR,
    BuildSettings,
    FileState,
    collect,
    file_states,
    merge,
    prune_store,
    source_hash,
)
from assistant.cache import Bundle, CacheError, IndexCache
from assistant.config import Settings
from assistant.corpus.files import corpus_files
from assistant.index import BM25Index, Retriever
from assistant.knowledge.lexicon import use_cache_dir
from assistant.memory import release_freed
from assistant.models import Answer, Article, Meeting, Passage, SearchHit, SkippedFile
from assistant.storage import (
    ARRAYS,
    ArticleView,
    CompactCorpus,
    MeetingView,
    PassageView,
    ids_json,
)
from assistant.text import Tokenizer, fold

# Bump when anything that changes what is cached changes shape; code changes in the indexing
# path (corpus/, knowledge/, text.py, models.py, the prompt files it reads) change the key anyway.
CACHE_FORMAT = "4"


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
    """A loaded corpus. `articles`, `passages` and `meetings` are lazy views over compact
    storage (see assistant/storage.py): Mapping/Sequence types whose objects are made on access."""

    settings: Settings
    articles: Mapping[str, Article]
    passages: Sequence[Passage]
    index: Retriever
    meetings: Sequence[Meeting]
    skipped: list[SkippedFile] = field(default_factory=list)
    from_cache: bool = False
    messages: list[str] = field(default_factory=list)
    load_seconds: float = 0.0
    tokenizer: Tokenizer = field(default_factory=Tokenizer)
    proper_words: dict[str, str] = field(default_factory=dict)
    corpus: CompactCorpus | None = field(default=None, repr=False)
    # How the last open went (files processed/reused, seconds per phase): for benchmarks.
    build_info: dict[str, Any] = field(default_factory=dict, repr=False)
    _file_keys: list[str] = field(default_factory=list, repr=False)
    # Saved beside the index so that the next open can update it (assistant/incremental.py).
    _extra: Bundle = field(default_factory=Bundle, repr=False)

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        settings: Settings | None = None,
        on_skip: Callable[[SkippedFile], None] | None = None,
        on_message: Callable[[str], None] | None = None,
        progress: bool = True,
    ) -> Engine:
        """Load the corpus (from the cache when nothing changed) and make it searchable.

        When files were added, changed or removed since the last build, only those are read
        and analysed again; the rest comes from the per-file results kept in the cache.
        """
        settings = settings or Settings()
        started = time.perf_counter()
        messages: list[str] = []
        # Derived lexicon data follows the index cache: under --cache-dir, nowhere with
        # --no-cache (set before anything below reads the lexicon).
        derived = settings.cache_dir if settings.use_cache else None
        use_cache_dir(derived)

        def say(message: str) -> None:
            messages.append(message)
            if on_message:
                on_message(message)

        files, skipped_dirs = corpus_files(settings.corpus)
        code = json.dumps(
            {
                "version": __version__,
                "format": CACHE_FORMAT,
                "source": source_hash(),
                "settings": settings.model_dump(
                    mode="json",
                    exclude={"cache_dir", "use_cache", "k", "bm25_k1", "bm25_b", "bm25_delta"},
                ),
            },
            sort_keys=True,
        )
        states = file_states(files, code)
        digest = hashlib.sha256(b"newsdesk-engine-key-1\0" + code.encode())
        digest.update(
            json.dumps(
                {
                    "bm25": [settings.bm25_k1, settings.bm25_b, settings.bm25_delta],
                    "files": [s.key for s in states],
                    "skipped": [s.model_dump(mode="json") for s in skipped_dirs],
                },
            ).encode("utf-8", "surrogatepass")
        )
        key = digest.hexdigest()
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
                except (KeyError, ValueError, UnicodeDecodeError) as error:
                    say(f"cache: unusable entry ({error}); rebuilding")
                else:
                    if on_skip:
                        for item in engine.skipped:
                            on_skip(item)
                    engine.messages = messages
                    engine.load_seconds = time.perf_counter() - started
                    return engine
        store = settings.cache_dir / STORE_DIR if cache is not None else None
        cfg = BuildSettings(
            max_bytes=settings.max_file_bytes,
            context=settings.context,
            title_weight=settings.title_weight,
            store=str(store) if store is not None else None,
            derived=str(derived) if derived is not None else None,
        )
        t0 = time.perf_counter()
        if cache is not None and store is not None and incremental.enabled():
            updated = incremental.update(
                cache,
                key,
                code,
                states,
                skipped_dirs,
                lambda subset: collect(subset, cfg, progress=progress),
                store,
                settings.bm25_k1,
                settings.bm25_b,
                settings.bm25_delta,
                say,
            )
            if updated is not None:
                if on_skip:
                    for item in updated.skipped:
                        on_skip(item)
                corpus = CompactCorpus(updated.ids, updated.arrays)
                engine = cls._make(
                    settings, corpus, updated.index, updated.skipped, updated.proper_words
                )
                engine._extra = Bundle(updated.extra_arrays, updated.extra_documents)
                info = {
                    "files": len(states),
                    "processed_files": updated.processed_files,
                    "reused_files": updated.reused_files,
                    "processed_bytes": updated.processed_bytes,
                    "workers": updated.workers,
                    "incremental": True,
                    "dirty_files": updated.dirty_files,
                }
                return cls._finish(
                    engine, states, key, cache, store, messages, say, info,
                    updated.warnings, dict(updated.seconds), started,
                )  # fmt: skip
        collected = collect(states, cfg, progress=progress)
        t1 = time.perf_counter()
        extra = (
            incremental.describe(collected.results, len(skipped_dirs), code)
            if cache is not None
            else None
        )
        merged = merge(states, collected.results, skipped_dirs, on_skip)
        del collected.results
        # The per-file results and the merge's pieces are freed now, but glibc keeps their pages
        # until asked: BM25 assembly would otherwise stack its arrays on top of them.
        release_freed()
        t2 = time.perf_counter()
        index = BM25Index.from_postings(
            merged.doc_len,
            merged.terms,
            merged.postings,
            k1=settings.bm25_k1,
            b=settings.bm25_b,
            delta=settings.bm25_delta,
        )
        t3 = time.perf_counter()
        corpus = CompactCorpus(merged.ids, merged.arrays)
        engine = cls._make(settings, corpus, index, merged.skipped, merged.proper_words)
        if extra is not None and index.tf is not None:
            engine._extra = Bundle({**extra[0], "bm25_tf": index.tf}, extra[1])
        info = {
            "files": len(states),
            "processed_files": collected.processed_files,
            "reused_files": collected.reused_files,
            "processed_bytes": collected.processed_bytes,
            "workers": collected.workers,
            "incremental": False,
        }
        seconds = {"process": t1 - t0, "merge": t2 - t1, "bm25": t3 - t2}
        return cls._finish(
            engine, states, key, cache, store, messages, say, info, collected.warnings, seconds,
            started,
        )  # fmt: skip

    @classmethod
    def _finish(
        cls,
        engine: Engine,
        states: Sequence[FileState],
        key: str,
        cache: IndexCache | None,
        store: Path | None,
        messages: list[str],
        say: Callable[[str], None],
        info: dict[str, Any],
        warnings: list[str],
        seconds: dict[str, float],
        started: float,
    ) -> Engine:
        """Save a freshly built engine's cache entry and report how the build went."""
        engine._file_keys = [s.key for s in states]
        if info["reused_files"] and info["processed_files"]:
            say(
                f"cache: {info['processed_files']} new or changed files indexed, "
                f"{info['reused_files']} unchanged files reused"
            )
        for warning in warnings:
            say(f"cache: {warning}")
        t4 = time.perf_counter()
        if cache is not None:
            saved = cache.save(key, engine._to_bundle())
            for warning in cache.warnings:
                say(f"cache: {warning}")
            if saved is None and not cache.warnings:
                say("cache: not saved")
            if saved is not None and store is not None:
                prune_store(
                    store, _referenced_keys(engine.settings.cache_dir) | set(engine._file_keys)
                )
        seconds["save"] = time.perf_counter() - t4
        engine.build_info = {**info, "seconds": seconds}
        engine.messages = messages
        engine.load_seconds = time.perf_counter() - started
        return engine

    @classmethod
    def _make(
        cls,
        settings: Settings,
        corpus: CompactCorpus,
        index: Retriever,
        skipped: list[SkippedFile],
        proper_words: dict[str, str],
        from_cache: bool = False,
    ) -> Engine:
        return cls(
            settings=settings,
            articles=ArticleView(corpus),
            passages=PassageView(corpus),
            index=index,
            meetings=MeetingView(corpus),
            skipped=skipped,
            from_cache=from_cache,
            proper_words=proper_words,
            corpus=corpus,
        )

    def _to_bundle(self) -> Bundle:
        if self.corpus is None:
            raise ValueError("only an engine over a compact corpus can be saved")
        skipped = "\n".join(s.model_dump_json() for s in self.skipped)
        arrays: dict[str, np.ndarray] = dict(self.corpus.arrays)
        if isinstance(self.index, BM25Index):
            arrays.update(self.index.to_arrays())
        arrays.update(self._extra.arrays)
        return Bundle(
            arrays=arrays,
            documents={
                **self._extra.documents,
                "ids.json": ids_json(self.corpus.ids),
                "skipped.jsonl": skipped.encode(),
                "proper_words.json": json.dumps(self.proper_words, sort_keys=True).encode(),
                "files.json": json.dumps(self._file_keys).encode(),
            },
        )

    @classmethod
    def _from_bundle(cls, settings: Settings, bundle: Bundle) -> Engine:
        ids = json.loads(bundle.documents["ids.json"].decode("utf-8", "surrogatepass"))
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise ValueError("ids.json is not a list of article ids")
        corpus = CompactCorpus(ids, {name: bundle.arrays[name] for name in ARRAYS})
        skipped = [
            SkippedFile.model_validate_json(line)
            for line in bundle.documents.get("skipped.jsonl", b"").decode().splitlines()
            if line
        ]
        index = BM25Index.from_arrays(bundle.arrays)
        if index.n_docs != corpus.n_passages:
            raise ValueError("index and passages do not match")
        proper = json.loads(bundle.documents.get("proper_words.json", b"{}").decode() or "{}")
        engine = cls._make(settings, corpus, index, skipped, proper, from_cache=True)
        engine._file_keys = json.loads(bundle.documents.get("files.json", b"[]").decode() or "[]")
        return engine

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
        # Which surface words match the query, decided once per distinct word of the hits.
        decided: set[str] = set()
        matching: set[str] = set()
        stem = self.tokenizer.stem
        # Snowball keeps a word's first letter, so only words starting like a query stem (or
        # irregular forms, which map to another word first) can match: the rest need no stemming.
        found_irregular = getattr(self.tokenizer, "_irregular", None)
        irregular: dict[str, str] = found_irregular if isinstance(found_irregular, dict) else {}
        firsts = {s[0] for s in stems if s} if isinstance(found_irregular, dict) else None

        def matches(word: str) -> bool:
            if firsts is not None and word[:1] not in firsts and word not in irregular:
                return False
            return stem(word) in stems

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
            words = self.tokenizer.words(passage.text)
            fresh = set(words)
            fresh -= decided
            matching.update(w for w in fresh if matches(w))
            decided |= fresh
            found = matching.intersection(words)
            matched = tuple(sorted(found, key=words.index)) if found else ()
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

    def passage_counts(self) -> dict[str, int]:
        """Passages per article id, without making Passage objects (cheap at any size)."""
        if self.corpus is None:
            counts: dict[str, int] = {}
            for p in self.passages:
                counts[p.article_id] = counts.get(p.article_id, 0) + 1
            return counts
        per_article = np.diff(self.corpus.arrays["art_psg"]).tolist()
        return dict(zip(self.corpus.ids, per_article, strict=True))

    def article(self, article_id: str) -> Article:
        return self.articles[article_id]

    def article_summaries(self) -> Iterator[tuple[Article, int, int]]:
        """(article without its sentences, sentence count, passage count) in corpus order.

        For listings: no Sentence or Passage objects are made, and nothing is kept, so listing
        100,000 articles costs one JSON parse each.
        """
        corpus = self.corpus
        if corpus is None:
            counts = self.passage_counts()
            for article in self.articles.values():
                yield article, len(article.sentences), counts.get(article.id, 0)
            return
        sentences = np.diff(corpus.arrays["art_sent"]).tolist()
        passages = np.diff(corpus.arrays["art_psg"]).tolist()
        for i in range(corpus.n_articles):
            article = Article.model_validate_json(corpus.article_bytes(i))
            yield article, sentences[i], passages[i]

    def meetings_for(self, article_id: str) -> list[Meeting]:
        """The meetings extracted from one article (the answerer asks this per candidate)."""
        corpus = self.corpus
        if corpus is None:
            return [m for m in self.meetings if m.article_id == article_id]
        try:
            i = corpus.position(article_id)
        except KeyError:
            return []
        return [corpus.meeting(j) for j in corpus.meetings_of(i)]

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
        if self.corpus is not None:
            try:
                return self.corpus.date(self.corpus.position(meeting.article_id))
            except KeyError:
                return None
        return self.articles[meeting.article_id].date

    def prepare(self) -> None:
        """Load what answering needs (rule tables, lexicons) ahead of the first question."""
        from assistant.qa.answerer import Answerer

        Answerer.for_engine(self).prepare()

    def ask(
        self,
        question: str,
        conversation: object | None = None,
        explain: bool = False,
        passages: bool = True,
    ) -> Answer:
        """Answer one question; `conversation` carries context between follow-up turns.
        `passages`: also rank the passages shown beside the answer (`Answer.passages`)."""
        from assistant.qa.answerer import Answerer
        from assistant.qa.conversation import Conversation

        convo = conversation if isinstance(conversation, Conversation) else None
        return Answerer.for_engine(self).answer(question, convo, explain=explain, passages=passages)


def source_label(path: str | Path) -> str:
    return Path(path).name


def _referenced_keys(cache_dir: Path) -> set[str]:
    """Per-file result keys that the index cache entries under `cache_dir` were built from."""
    keys: set[str] = set()
    try:
        entries = list(Path(cache_dir).iterdir())
    except OSError:
        return keys
    for entry in entries:
        try:
            data = json.loads((entry / "documents" / "files.json").read_bytes())
        except (OSError, ValueError):
            continue
        if isinstance(data, list):
            keys.update(k for k in data if isinstance(k, str))
    return keys
