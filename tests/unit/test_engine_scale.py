"""The engine's build path (parallel per-file processing, per-file result store, merge, compact
storage) gives exactly what a plain sequential build gives, and incremental opens equal full ones."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

import assistant.build as build
from assistant.cache import IndexCache
from assistant.config import Settings
from assistant.corpus import load_corpus, make_passages
from assistant.engine import Engine
from assistant.index import BM25Index
from assistant.knowledge.entities import collect_proper_words
from assistant.knowledge.meetings import extract_meetings
from assistant.models import Article, Meeting, Passage, SkippedFile
from assistant.text import Tokenizer
from benchmarks import synth

ROOT = Path(__file__).resolve().parents[2]
CORPORA = [
    ROOT / "corpus",
    ROOT / "tests" / "fixtures" / "cli" / "news",
    ROOT / "tests" / "fixtures" / "ingest",
]


class Reference:
    """The straightforward sequential build the engine used to do."""

    def __init__(self, settings: Settings) -> None:
        report = load_corpus(settings.corpus, max_bytes=settings.max_file_bytes)
        tokenizer = Tokenizer()
        self.articles: list[Article] = report.articles
        self.skipped: list[SkippedFile] = report.skipped
        self.passages: list[Passage] = []
        docs: list[list[str]] = []
        self.meetings: list[Meeting] = []
        for article in report.articles:
            title = tokenizer(article.title) * settings.title_weight
            for passage in make_passages(article, settings.context, start_id=len(self.passages)):
                self.passages.append(passage)
                docs.append(tokenizer(passage.text) + title)
            self.meetings.extend(extract_meetings(article))
        self.index = BM25Index.build(
            docs, k1=settings.bm25_k1, b=settings.bm25_b, delta=settings.bm25_delta
        )
        self.proper_words = collect_proper_words([a.text for a in report.articles])


def assert_same_index(a: BM25Index, b: BM25Index) -> None:
    x, y = a.to_arrays(), b.to_arrays()
    assert x.keys() == y.keys()
    for name in x:
        assert x[name].dtype == y[name].dtype, name
        assert np.array_equal(np.asarray(x[name]), np.asarray(y[name])), name


def assert_same_engine(engine: Engine, ref: Reference | Engine) -> None:
    ref_articles = list(ref.articles.values()) if isinstance(ref, Engine) else ref.articles
    assert list(engine.articles) == [a.id for a in ref_articles]
    assert len(engine.articles) == len(ref_articles)
    for article in ref_articles:
        assert engine.articles[article.id] == article
    assert len(engine.passages) == len(ref.passages)
    assert list(engine.passages) == list(ref.passages)
    assert list(engine.meetings) == list(ref.meetings)
    assert engine.skipped == list(ref.skipped)
    assert engine.proper_words == ref.proper_words
    assert isinstance(engine.index, BM25Index) and isinstance(ref.index, BM25Index)
    assert_same_index(engine.index, ref.index)


def settings_for(paths: Sequence[Path], cache: Path, **kw: object) -> Settings:
    return Settings(corpus=list(paths), cache_dir=cache, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda p: p.name)
def test_build_equals_sequential_reference(corpus: Path, tmp_path: Path) -> None:
    settings = settings_for([corpus], tmp_path / "cache")
    engine = Engine.open(settings, progress=False)
    assert not engine.from_cache
    assert_same_engine(engine, Reference(settings))
    again = Engine.open(settings, progress=False)
    assert again.from_cache
    assert_same_engine(again, Reference(settings))


def test_settings_shape_the_build(tmp_path: Path) -> None:
    settings = settings_for([ROOT / "corpus"], tmp_path / "cache", context=0, title_weight=0)
    assert_same_engine(Engine.open(settings, progress=False), Reference(settings))


def test_meetings_for_and_dates_match_the_articles(tmp_path: Path) -> None:
    engine = Engine.open(settings_for([ROOT / "corpus"], tmp_path / "c"), progress=False)
    for article_id, article in engine.articles.items():
        assert engine.meetings_for(article_id) == [
            m for m in engine.meetings if m.article_id == article_id
        ]
        for meeting in engine.meetings_for(article_id):
            if meeting.time is None:
                assert engine.meeting_date(meeting) == article.date
    assert engine.meetings_for("no-such-article") == []
    assert "no-such-article" not in engine.articles
    assert engine.articles.get("no-such-article") is None


def synthetic(root: Path, n: int = 60) -> Path:
    synth.write_corpus(root, n, seed=3)
    return root


def _jsonl_with_duplicates(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {"id": "d1", "title": "First", "text": "Alpha Bravo met Charlie Delta in Paris on Monday."},
        {"id": "d2", "title": "Second", "text": "Nothing happened here at all today."},
        {"id": "d1", "title": "Again", "text": "A duplicate of the first article, in this file."},
    ]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    (folder / "b.jsonl").write_text(
        json.dumps({"id": "d2", "title": "Later", "text": "The same id again, in another file."})
        + "\n"
        + json.dumps({"id": "d3", "title": "Empty", "text": ""})
        + "\n"
        + json.dumps({"id": "d1", "title": "Empty", "text": ""})
        + "\n"
    )
    (folder / "c.txt").write_text("d2\n\nA plain text article that says little.\n")


def test_duplicate_ids_across_files_are_reported_as_a_sequential_load_does(tmp_path: Path) -> None:
    _jsonl_with_duplicates(tmp_path / "dups")
    settings = settings_for([tmp_path / "dups"], tmp_path / "cache")
    engine = Engine.open(settings, progress=False)
    assert_same_engine(engine, Reference(settings))
    assert any("duplicate article id d2" in s.reason for s in engine.skipped)


def test_big_jsonl_files_are_read_in_parts_in_parallel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = synthetic(tmp_path / "syn", 120)
    _jsonl_with_duplicates(corpus / "zz")
    monkeypatch.setattr(build, "PART_BYTES", 50_000)
    monkeypatch.setattr(build, "UNIT_BYTES", 120_000)
    monkeypatch.setattr(build, "SERIAL_BYTES", 0)
    monkeypatch.setenv("NEWSDESK_WORKERS", "2")
    settings = settings_for([corpus], tmp_path / "cache")
    engine = Engine.open(settings, progress=False)
    assert engine.build_info["workers"] == 2
    assert_same_engine(engine, Reference(settings))
    stored = list((tmp_path / "cache" / build.STORE_DIR).glob("*.ndpf"))
    assert len(stored) == engine.build_info["files"]


def _change_corpus(corpus: Path) -> None:
    files = sorted(p for p in corpus.rglob("*") if p.is_file())
    jsonl = next(p for p in files if p.suffix == ".jsonl")
    lines = jsonl.read_text().splitlines(keepends=True)
    row = json.loads(lines[1])
    row["text"] = row["text"].replace(".", " and a new clause about fisheries quotas.", 1)
    lines[1] = json.dumps(row) + "\n"
    jsonl.write_text("".join(lines))
    txt = next(p for p in files if p.suffix == ".txt")
    txt.unlink()
    (corpus / "new").mkdir()
    (corpus / "new" / "added.txt").write_text(
        "Orvik and Castel sign a fisheries pact\n\n"
        "By Ana Lind\n\n"
        "Fisheries Minister Jon Orvik met Trade Minister Lea Castel in Lisbon on Monday "
        "to discuss fisheries quotas. The two ministers agreed to meet again in May.\n"
    )


def test_incremental_open_equals_a_full_rebuild(tmp_path: Path) -> None:
    corpus = synthetic(tmp_path / "syn", 80)
    settings = settings_for([corpus], tmp_path / "cache")
    first = Engine.open(settings, progress=False)
    n_files = first.build_info["files"]
    _change_corpus(corpus)
    messages: list[str] = []
    incremental = Engine.open(settings, progress=False, on_message=messages.append)
    assert not incremental.from_cache
    info = incremental.build_info
    assert info["processed_files"] == 2  # the changed JSONL file and the added one
    assert info["reused_files"] == n_files - 2  # one file deleted
    assert info["incremental"]  # the previous entry was updated, not everything merged again
    assert any("unchanged files reused" in m for m in messages)
    full = Engine.open(settings_for([corpus], tmp_path / "other-cache"), progress=False)
    assert full.build_info["reused_files"] == 0
    assert_same_engine(incremental, full)
    assert_same_engine(incremental, Reference(settings))
    for query in ["fisheries quotas", "trade minister talks", "Lisbon", "percent growth"]:
        assert incremental.search(query) == full.search(query)
    for question in [
        "Who did Orvik meet?",
        "Where did Orvik meet Castel?",
        "What did Orvik and Castel discuss?",
    ]:
        a, b = incremental.ask(question), full.ask(question)
        assert a.model_dump() == b.model_dump()
    # Per-file results stay while an index entry refers to them; once the first build's entry
    # is gone, those of the deleted and of the old changed file go when stale.
    store = tmp_path / "cache" / build.STORE_DIR
    assert len(list(store.glob("*.ndpf"))) == n_files + 2
    for entry in (tmp_path / "cache").iterdir():
        files = entry / "documents" / "files.json"
        if files.exists() and json.loads(files.read_bytes()) == first._file_keys:
            shutil.rmtree(entry)
    for path in store.glob("*.ndpf"):
        os.utime(path, (1, 1))
    again = Engine.open(settings_for([corpus], tmp_path / "cache", bm25_k1=1.2), progress=False)
    assert again.build_info["processed_files"] == 0  # BM25 parameters need no re-reading
    assert len(list(store.glob("*.ndpf"))) == n_files


def test_damaged_per_file_results_are_rebuilt(tmp_path: Path) -> None:
    corpus = synthetic(tmp_path / "syn", 30)
    settings = settings_for([corpus], tmp_path / "cache")
    first = Engine.open(settings, progress=False)
    store = tmp_path / "cache" / build.STORE_DIR
    stored = sorted(store.glob("*.ndpf"))
    data = bytearray(stored[0].read_bytes())
    data[len(data) // 2] ^= 0xFF
    stored[0].write_bytes(bytes(data))
    stored[1].write_bytes(b"")
    for entry in (tmp_path / "cache").iterdir():  # drop the index entry: force a merge
        if entry.name != build.STORE_DIR:
            shutil.rmtree(entry)
    again = Engine.open(settings, progress=False)
    assert again.build_info["processed_files"] == 2
    assert_same_engine(again, first)


def test_unwritable_store_warns_once_and_builds(tmp_path: Path) -> None:
    corpus = synthetic(tmp_path / "syn", 20)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / build.STORE_DIR).write_text("not a folder")
    messages: list[str] = []
    engine = Engine.open(settings_for([corpus], cache), progress=False, on_message=messages.append)
    assert len(engine.articles) == 20
    assert len([m for m in messages if "per-file results not saved" in m]) == 1


def test_lazy_views_behave_like_the_old_containers(tmp_path: Path) -> None:
    settings = settings_for([ROOT / "corpus"], tmp_path / "cache")
    Engine.open(settings, progress=False)
    engine = Engine.open(settings, progress=False)
    assert engine.from_cache
    ref = Reference(settings)
    assert engine.passages[-1] == ref.passages[-1]
    assert engine.passages[1:3] == ref.passages[1:3]
    with pytest.raises(IndexError):
        engine.passages[len(ref.passages)]
    assert engine.meetings[-1] == ref.meetings[-1]
    assert engine.meetings[:2] == ref.meetings[:2]
    assert dict(engine.articles) == {a.id: a for a in ref.articles}
    assert engine.article(ref.articles[0].id) == ref.articles[0]
    assert engine.stats.passages == len(ref.passages)
    assert engine.stats.meetings == len(ref.meetings)
    hits = engine.search("summit talks")
    assert hits and all(h.passage == ref.passages[h.passage.id] for h in hits)


def test_cache_entry_records_the_files_it_was_built_from(tmp_path: Path) -> None:
    settings = settings_for([ROOT / "corpus"], tmp_path / "cache")
    engine = Engine.open(settings, progress=False)
    [entry] = [p for p in (tmp_path / "cache").iterdir() if p.name != build.STORE_DIR]
    bundle = IndexCache(tmp_path / "cache").load(entry.name)
    assert bundle is not None
    keys = json.loads(bundle.documents["files.json"])
    assert len(keys) == engine.build_info["files"]


def test_word_counts_give_collect_proper_words() -> None:
    texts = [a.text for a in load_corpus([ROOT / "corpus"]).articles]
    counts = build.WordCounts()
    counts.add(build.word_count_arrays(texts[:10]))
    counts.add(build.word_count_arrays([]))
    counts.add(build.word_count_arrays(texts[10:]))
    assert counts.proper_words() == collect_proper_words(texts)


def test_jsonl_parts_cover_the_file_at_line_starts(tmp_path: Path) -> None:
    from assistant.corpus.loaders import jsonl_parts

    path = tmp_path / "x.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": "x" * (i * 37 % 500)}) + "\n" for i in range(300)]
    path.write_text("".join(lines))
    data = path.read_bytes()
    parts = jsonl_parts(path, 4000)
    assert len(parts) > 5
    assert parts[0][0] == 0 and parts[-1][1] is None
    for (start, end, line), nxt in zip(parts, [*parts[1:], None], strict=True):
        assert start == 0 or data[start - 1 : start] == b"\n"
        assert line == data[:start].count(b"\n") + 1
        if nxt is not None:
            assert end == nxt[0]


def test_progress_in_bytes_shows_sizes_rate_and_eta() -> None:
    import io

    from assistant.progress import Progress

    now = [0.0]
    bar = Progress(
        4 * 2**20, "indexing", stream=io.StringIO(), clock=lambda: now[0], columns=120, unit="bytes"
    )
    bar.advance(2**20)
    now[0] = 2.0
    line = bar.render()
    assert "1.0 MB/4.0 MB" in line and "25%" in line and "512.0 KB/s" in line
    assert "ETA 0:06" in line


def test_passage_counts_without_passage_objects(tmp_path: Path) -> None:
    engine = Engine.open(settings_for([ROOT / "corpus"], tmp_path / "c"), progress=False)
    counts = engine.passage_counts()
    assert list(counts) == list(engine.articles)
    expected: dict[str, int] = {}
    for p in engine.passages:
        expected[p.article_id] = expected.get(p.article_id, 0) + 1
    assert {k: v for k, v in counts.items() if v} == expected


def test_pruned_search_equals_full_scoring(monkeypatch: pytest.MonkeyPatch) -> None:
    import random

    import assistant.index as index_module
    from benchmarks.search_bench import make_corpus

    _, docs, _ = make_corpus(6000, 0, seed=2)
    index = BM25Index.build(docs)
    freq: dict[str, int] = {}
    for doc in docs:
        for term in set(doc):
            freq[term] = freq.get(term, 0) + 1
    ranked = sorted(freq, key=lambda t: -freq[t])
    common, rare = ranked[:40], ranked[200:]
    rng = random.Random(4)
    queries = []
    for _ in range(300):
        q = rng.sample(common, rng.randint(1, 3)) + rng.sample(rare, rng.randint(0, 3))
        if rng.random() < 0.3:
            q.append(q[0])  # a repeated term counts twice
        rng.shuffle(q)
        queries.append(q)
    pruned = [index.search(q, k) for q in queries for k in (1, 10, 50)]
    monkeypatch.setattr(index_module, "PRUNE_SHARE", 2.0)  # nothing is common: full scoring
    full = [index.search(q, k) for q in queries for k in (1, 10, 50)]
    assert pruned == full
    calls = []
    original = BM25Index._search_pruned

    def spy(self: BM25Index, *args: object) -> object:
        result = original(self, *args)  # type: ignore[arg-type]
        calls.append(result is not None)
        return result

    monkeypatch.setattr(index_module, "PRUNE_SHARE", 0.02)
    monkeypatch.setattr(BM25Index, "_search_pruned", spy)
    fresh = BM25Index.build(docs)  # no record yet of how often pruning pays
    for q in queries:
        fresh.search(q, 1)
    assert any(calls)  # the fast path is taken for some queries


def test_pruning_that_seldom_succeeds_is_skipped_with_the_same_results(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import assistant.index as index_module

    # Two common terms and a rare one: for a top k as large as the candidates, pruning can
    # never prove its result, so after the trial tries it is skipped.
    docs = [["common", "other"] + (["rare"] if i % 100 == 0 else []) for i in range(400)]
    docs += [[f"filler{i}"] for i in range(400)]
    index = BM25Index.build(docs)
    queries = [["common", "rare"], ["rare", "other", "common"]] * 60
    tries: list[bool] = []
    original = BM25Index._search_pruned

    def spy(self: BM25Index, *args: object) -> object:
        result = original(self, *args)  # type: ignore[arg-type]
        tries.append(result is not None)
        return result

    monkeypatch.setattr(BM25Index, "_search_pruned", spy)
    found = [index.search(q, 200) for q in queries]
    assert not any(tries)
    assert index_module.PRUNE_TRIALS <= len(tries) < len(queries)  # skipped after the trials
    assert len(tries) > index_module.PRUNE_TRIALS  # and tried again now and then
    monkeypatch.setattr(index_module, "PRUNE_SHARE", 2.0)  # nothing is common: full scoring
    assert found == [index.search(q, 200) for q in queries]


def test_stems_keep_the_first_letter_so_matched_words_can_be_filtered() -> None:
    """engine.search only stems words whose first letter starts a query stem (or irregular
    forms): that relies on Snowball never changing a word's first letter."""
    tokenizer = Tokenizer()
    irregular = tokenizer._irregular
    words: set[str] = set()
    for article in load_corpus([ROOT / "corpus"]).articles:
        words.update(tokenizer.words(article.text))
    world = synth.make_world(0)
    words.update(world.words)
    words.update(w.lower() for p in world.people[:500] for w in p.name.split())
    for word in sorted(words):
        if word in irregular:
            continue
        assert tokenizer.stem(word)[:1] == word[:1], word


def test_search_matched_words_are_those_whose_stem_matches(tmp_path: Path) -> None:
    engine = Engine.open(settings_for([ROOT / "corpus"], tmp_path / "c"), progress=False)
    tok = engine.tokenizer
    for query in ["summit talks", "Takaichi met Lee", "went to Nara", "fisheries ministers met"]:
        stems = set(tok(query))
        for hit in engine.search(query, k=30):
            expected = tuple(
                dict.fromkeys(w for w in tok.words(hit.passage.text) if tok.stem(w) in stems)
            )
            assert hit.matched == expected


def _jsonl(path: Path, rows: list[tuple[str, str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": i, "title": title, "text": text}) + "\n" for i, title, text in rows]
    path.write_text("".join(lines))


def _txt(path: Path, title: str, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n")


@pytest.mark.parametrize("edits", ["sliced", "vectorised"])
def test_incremental_updates_equal_full_rebuilds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edits: str
) -> None:
    """Edit after edit, the updated entry equals a full merge of the same files: changed JSONL
    files read in parts whose boundaries move, duplicate ids across files (a deleted file that
    shadowed another's articles, a changed file that starts shadowing a later one, a file made
    to shadow an article of a big JSONL file), ties between spellings of a proper word and two
    words that fold alike, whose first occurrence was in a deleted file."""
    import assistant.incremental as incremental

    if edits == "vectorised":  # the paths taken when many files change
        monkeypatch.setattr(incremental, "_MAX_STEPS", 0)
        monkeypatch.setattr(incremental, "_MAX_EVENTS", 0)
    monkeypatch.setattr(build, "PART_BYTES", 50_000)
    corpus = synthetic(tmp_path / "syn", 120)
    wire = next(corpus.rglob("*.jsonl"))
    first_wire_id = json.loads(wire.read_text().splitlines()[0])["id"]
    _jsonl(corpus / "0000" / "early.jsonl", [(first_wire_id, "Early", "An early copy of a story.")])
    _jsonl(
        corpus / "zz" / "a.jsonl",
        [
            ("d1", "First", "Alpha Bravo met Charlie Delta in Paris on Monday."),
            ("d2", "Second", "Nothing happened here at all today."),
            ("d1", "Again", "A duplicate of the first article, in this file."),
        ],
    )
    _jsonl(
        corpus / "zz" / "b.jsonl",
        [("d2", "Later", "The same id again, in another file."), ("d5", "Five", "Five is here.")],
    )
    _jsonl(corpus / "zz" / "c.jsonl", [("d6", "Six", "Six talks about Lisbon fisheries.")])
    _txt(corpus / "zz" / "w1.txt", "Words one", "Yesterday we saw Zorblat and then Cafe again.")
    _txt(corpus / "zz" / "w2.txt", "Words two", "Yesterday we saw ZorBlat and then Café again.")
    _txt(corpus / "zz" / "w3.txt", "Words three", "Yesterday we saw Zorblat and then Cafe again.")
    inc_settings = settings_for([corpus], tmp_path / "cache")
    full_settings = settings_for([corpus], tmp_path / "full-cache")
    Engine.open(inc_settings, progress=False)
    scans: list[int] = []
    scan = incremental._scan_first

    def counting_scan(*args: object) -> dict[int, int]:
        scans.append(1)
        return scan(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(incremental, "_scan_first", counting_scan)

    def grow_a_wire_line() -> None:
        lines = wire.read_text().splitlines(keepends=True)
        row = json.loads(lines[len(lines) // 2])
        row["text"] = row["text"] + " A long added paragraph about fisheries quotas." * 40
        lines[len(lines) // 2] = json.dumps(row) + "\n"
        wire.write_text("".join(lines))

    def change_b_to_shadow_c() -> None:
        _jsonl(corpus / "zz" / "b.jsonl", [("d6", "Six early", "Six appears first in b now.")])

    def add_and_delete() -> None:
        _txt(corpus / "new" / "added.txt", "Orvik meets Castel", "Jon Orvik met Lea Castel.")
        next(p for p in sorted(corpus.rglob("*.txt")) if p.parent.name == "01").unlink()

    steps = [
        ("a JSONL line grows", grow_a_wire_line),
        ("a file that shadowed others goes", lambda: (corpus / "zz" / "a.jsonl").unlink()),
        (
            "it comes back changed",
            lambda: _jsonl(corpus / "zz" / "a.jsonl", [("d5", "Five first", "Now a has five.")]),
        ),
        ("b starts shadowing c", change_b_to_shadow_c),
        ("the early duplicate goes", lambda: (corpus / "0000" / "early.jsonl").unlink()),
        ("the first spelling goes", lambda: (corpus / "zz" / "w1.txt").unlink()),
        ("one added, one deleted", add_and_delete),
        ("nothing changes but BM25", lambda: None),
    ]
    for name, step in steps:
        step()
        if name == "nothing changes but BM25":
            inc_settings = settings_for([corpus], tmp_path / "cache", bm25_k1=1.2)
            full_settings = settings_for([corpus], tmp_path / "full-cache", bm25_k1=1.2)
        updated = Engine.open(inc_settings, progress=False)
        assert updated.build_info["incremental"], name
        monkeypatch.setenv("NEWSDESK_INCREMENTAL", "0")
        full = Engine.open(full_settings, progress=False)
        monkeypatch.delenv("NEWSDESK_INCREMENTAL")
        assert not full.build_info.get("incremental"), name
        assert_same_engine(updated, full)
        again = Engine.open(inc_settings, progress=False)
        assert again.from_cache
        assert_same_engine(again, full)
        for query in ["fisheries quotas", "Lisbon", "Alpha Bravo", "five", "trade minister"]:
            assert updated.search(query) == full.search(query), (name, query)
        if name == "the first spelling goes":
            # ZorBlat (w2) now ties with Zorblat (w3) and comes first; cafe and café fold alike
            # and café now comes first, so cafe's spelling wins: both need the lost order.
            assert updated.proper_words["zorblat"] == "ZorBlat"
            assert updated.proper_words["cafe"] == "Cafe"
            assert scans
    assert_same_engine(updated, Reference(inc_settings))
    for question in ["Who did Orvik meet?", "Who did Alpha Bravo meet?"]:
        assert updated.ask(question).model_dump() == full.ask(question).model_dump()


def test_word_totals_give_the_merge_proper_words(tmp_path: Path) -> None:
    import assistant.incremental as incremental

    _jsonl_with_duplicates(tmp_path / "syn" / "dups")
    synth.write_corpus(tmp_path / "syn", 40, seed=5)
    settings = settings_for([tmp_path / "syn"], tmp_path / "cache")
    engine = Engine.open(settings, progress=False)
    [entry] = [p for p in (tmp_path / "cache").iterdir() if p.name != build.STORE_DIR]
    bundle = IndexCache(tmp_path / "cache").load(entry.name)
    assert bundle is not None
    totals = incremental.Totals.from_arrays(bundle.arrays)
    assert totals.proper_words() == engine.proper_words


def test_incremental_falls_back_to_a_full_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import assistant.incremental as incremental

    corpus = synthetic(tmp_path / "syn", 40)
    settings = settings_for([corpus], tmp_path / "cache")
    first = Engine.open(settings, progress=False)
    # The stored result of a deleted file is gone: its counts cannot be subtracted.
    doomed = sorted(corpus.rglob("*.txt"))[0]
    keys_before = set(first._file_keys)
    doomed.unlink()
    store = tmp_path / "cache" / build.STORE_DIR
    probe = Engine.open(settings_for([corpus], tmp_path / "probe"), progress=False)
    gone = keys_before - set(probe._file_keys)
    assert len(gone) == 1
    (store / f"{gone.pop()}.ndpf").unlink()
    engine = Engine.open(settings, progress=False)
    assert not engine.build_info["incremental"]
    assert_same_engine(engine, Reference(settings))
    # Too many files changed: a full merge is cheaper.
    monkeypatch.setattr(incremental, "MIN_FILES", 0)
    monkeypatch.setattr(incremental, "MAX_SHARE", 0.01)
    _txt(corpus / "new" / "one.txt", "One", "Jon Orvik met Lea Castel in Lisbon.")
    engine = Engine.open(settings, progress=False)
    assert not engine.build_info["incremental"]
    assert_same_engine(engine, Reference(settings))


def test_incremental_down_to_no_files_and_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = synthetic(tmp_path / "syn", 12)
    settings = settings_for([corpus], tmp_path / "cache")
    Engine.open(settings, progress=False)
    for path in [p for p in corpus.rglob("*") if p.is_file()]:
        path.unlink()
    empty = Engine.open(settings, progress=False)
    assert empty.build_info["incremental"] and len(empty.articles) == 0
    assert empty.search("minister") == []
    _txt(corpus / "x.txt", "Orvik meets Castel", "Jon Orvik met Lea Castel in Lisbon.")
    back = Engine.open(settings, progress=False)
    assert back.build_info["incremental"]
    monkeypatch.setenv("NEWSDESK_INCREMENTAL", "0")
    assert_same_engine(back, Engine.open(settings_for([corpus], tmp_path / "full"), progress=False))
