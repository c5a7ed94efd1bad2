"""IndexCache: misses, hits, damaged entries, unwritable directories, concurrent writers, pruning."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import assistant
from assistant.cache import MANIFEST, Bundle, CacheError, IndexCache, fingerprint
from assistant.index import BM25Index

KEY = "0123abcd" * 8
REPO = Path(assistant.__file__).resolve().parent.parent


def sample_bundle() -> Bundle:
    return Bundle(
        arrays={
            "ints": np.arange(1000, dtype=np.int32),
            "floats": np.linspace(0, 1, 5000),
            "terms": np.array([b"alpha", b"beta", b"a" * 16], dtype="S16"),
            "empty": np.zeros(0, dtype=np.int64),
            "matrix": np.arange(12, dtype=np.uint8).reshape(3, 4),
        },
        documents={
            "articles.jsonl": b'{"id": "a1", "title": "T\\u00e9"}\n{"id": "a2"}\n',
            "meetings.jsonl": b"",
        },
    )


def assert_same(loaded: Bundle, expected: Bundle) -> None:
    assert loaded.arrays.keys() == expected.arrays.keys()
    for name, array in expected.arrays.items():
        assert loaded.arrays[name].dtype == array.dtype, name
        assert loaded.arrays[name].shape == array.shape, name
        assert np.array_equal(loaded.arrays[name], array), name
    assert loaded.documents == expected.documents


def test_miss_returns_none(tmp_path: Path) -> None:
    assert IndexCache(tmp_path).load(KEY) is None
    assert IndexCache(tmp_path / "does" / "not" / "exist").load(KEY) is None


@pytest.mark.parametrize("hash_limit", [4 * 1024 * 1024, 0], ids=["hashed", "memory-mapped"])
def test_hit_returns_identical_data(tmp_path: Path, hash_limit: int) -> None:
    cache = IndexCache(tmp_path, hash_limit=hash_limit)
    bundle = sample_bundle()
    path = cache.save(KEY, bundle)
    assert path == tmp_path / KEY
    assert (path / MANIFEST).is_file()
    assert cache.warnings == []
    loaded = cache.load(KEY)
    assert loaded is not None
    assert_same(loaded, bundle)
    if hash_limit == 0:  # big arrays come back lazily, read-only
        assert isinstance(loaded.arrays["floats"], np.memmap)
        assert not loaded.arrays["floats"].flags.writeable
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp leftovers


def test_index_round_trip_through_the_cache(tmp_path: Path) -> None:
    docs = [["summit", "seoul", "talks"], ["port", "strike"], ["summit", "port"], []]
    index = BM25Index.build(docs)
    cache = IndexCache(tmp_path, hash_limit=64)
    assert cache.save(KEY, Bundle(arrays=index.to_arrays())) is not None
    loaded = cache.load(KEY)
    assert loaded is not None
    restored = BM25Index.from_arrays(loaded.arrays)
    for query in (["summit"], ["port", "summit", "port"], ["strike", "unknown"]):
        assert restored.search(query) == index.search(query)


def saved(tmp_path: Path, hash_limit: int = 4 * 1024 * 1024) -> tuple[IndexCache, Path]:
    cache = IndexCache(tmp_path, hash_limit=hash_limit)
    path = cache.save(KEY, sample_bundle())
    assert path is not None
    return cache, path


@pytest.mark.parametrize("hash_limit", [4 * 1024 * 1024, 0], ids=["hashed", "memory-mapped"])
@pytest.mark.parametrize(
    "file", ["arrays/floats.npy", "arrays/terms.npy", "documents/articles.jsonl"]
)
def test_truncated_file_raises(tmp_path: Path, hash_limit: int, file: str) -> None:
    cache, path = saved(tmp_path, hash_limit)
    target = path / file
    target.write_bytes(target.read_bytes()[:-7])
    with pytest.raises(CacheError, match="truncated"):
        cache.load(KEY)


def test_missing_file_raises(tmp_path: Path) -> None:
    cache, path = saved(tmp_path)
    (path / "arrays" / "ints.npy").unlink()
    with pytest.raises(CacheError, match="missing"):
        cache.load(KEY)


def test_same_size_corruption_is_caught_by_hashes(tmp_path: Path) -> None:
    cache, path = saved(tmp_path)
    for file in ("arrays/floats.npy", "documents/articles.jsonl"):
        target = path / file
        data = bytearray(target.read_bytes())
        data[-3] ^= 0xFF
        target.write_bytes(bytes(data))
        with pytest.raises(CacheError, match="sha256"):
            cache.load(KEY)
        data[-3] ^= 0xFF
        target.write_bytes(bytes(data))
    assert cache.load(KEY) is not None


def test_big_arrays_get_header_checks_and_optional_full_hash(tmp_path: Path) -> None:
    cache, path = saved(tmp_path, hash_limit=0)
    target = path / "arrays" / "floats.npy"
    original = target.read_bytes()
    data = bytearray(original)
    data[-3] ^= 0xFF  # a flipped byte inside the data: only a full hash sees it
    target.write_bytes(bytes(data))
    assert cache.load(KEY) is not None
    with pytest.raises(CacheError, match="sha256"):
        cache.load(KEY, verify_all=True)
    header = original.replace(b"'shape': (5000,)", b"'shape': (4000,)")
    assert header != original and len(header) == len(original)
    target.write_bytes(header)  # same size, header disagrees with the manifest
    with pytest.raises(CacheError, match="manifest says"):
        cache.load(KEY)
    target.write_bytes(b"\x00" * len(original))
    with pytest.raises(CacheError, match=r"not a readable \.npy"):
        cache.load(KEY)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[1, 2]", "not a newsdesk"),
        (None, "format version"),
        ("wrong-key", "manifest is for key"),
        ("bad-size", "size"),
    ],
)
def test_corrupted_manifest_raises(
    tmp_path: Path, content: bytes | str | None, message: str
) -> None:
    cache, path = saved(tmp_path)
    manifest_path = path / MANIFEST
    manifest = json.loads(manifest_path.read_bytes())
    if content is None:
        manifest["format"] = 999
        content = json.dumps(manifest).encode()
    elif content == "wrong-key":
        manifest["key"] = "other"
        content = json.dumps(manifest).encode()
    elif content == "bad-size":
        manifest["arrays"]["ints"]["size"] = "12"
        content = json.dumps(manifest).encode()
    assert isinstance(content, bytes)
    manifest_path.write_bytes(content)
    with pytest.raises(CacheError, match=message):
        cache.load(KEY)


def test_missing_manifest_raises(tmp_path: Path) -> None:
    cache, path = saved(tmp_path)
    (path / MANIFEST).unlink()
    with pytest.raises(CacheError, match=MANIFEST):
        cache.load(KEY)


@pytest.mark.parametrize("hash_limit", [4 * 1024 * 1024, 0], ids=["hashed", "memory-mapped"])
def test_object_arrays_are_never_loaded(tmp_path: Path, hash_limit: int) -> None:
    cache, path = saved(tmp_path, hash_limit)
    target = path / "arrays" / "ints.npy"
    np.save(target, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    manifest = json.loads((path / MANIFEST).read_bytes())
    data = target.read_bytes()
    manifest["arrays"]["ints"].update(
        size=len(data), sha256=hashlib.sha256(data).hexdigest(), dtype="|O", shape=[1]
    )
    (path / MANIFEST).write_text(json.dumps(manifest))
    with pytest.raises(CacheError, match="pickle"):
        cache.load(KEY)


def test_unwritable_directory_returns_none_with_a_warning(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("a regular file, so nothing can be created below it")
    cache = IndexCache(blocker / "sub")
    assert cache.save(KEY, sample_bundle()) is None
    assert len(cache.warnings) == 1
    assert "file.txt" in cache.warnings[0]
    assert cache.load(KEY) is None


def test_unsavable_bundles_return_none_with_a_warning(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path)
    objects = Bundle(arrays={"bad": np.array([object()], dtype=object)})
    assert cache.save(KEY, objects) is None
    assert cache.save("../escape", sample_bundle()) is None
    assert cache.save(KEY, Bundle(documents={"../x": b""})) is None
    not_bytes = Bundle(documents={"a.json": "text"})  # type: ignore[dict-item]
    assert cache.save(KEY, not_bytes) is None
    assert len(cache.warnings) == 4
    assert "objects" in cache.warnings[0]
    assert list(tmp_path.iterdir()) == []  # temp dirs cleaned up
    with pytest.raises(CacheError):
        cache.load("../escape")


def test_save_replaces_a_damaged_entry(tmp_path: Path) -> None:
    cache, path = saved(tmp_path)
    (path / MANIFEST).write_bytes(b"garbage")
    with pytest.raises(CacheError):
        cache.load(KEY)
    assert cache.save(KEY, sample_bundle()) == path
    loaded = cache.load(KEY)
    assert loaded is not None
    assert_same(loaded, sample_bundle())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_concurrent_saves_from_threads_leave_a_valid_entry(tmp_path: Path) -> None:
    barrier = threading.Barrier(6)
    results: list[Path | None] = []

    def save() -> None:
        cache = IndexCache(tmp_path)
        barrier.wait()
        results.append(cache.save(KEY, sample_bundle()))
        assert cache.warnings == []

    threads = [threading.Thread(target=save) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [tmp_path / KEY] * 6
    loaded = IndexCache(tmp_path).load(KEY, verify_all=True)
    assert loaded is not None
    assert_same(loaded, sample_bundle())
    assert [p.name for p in tmp_path.iterdir()] == [KEY]


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    import numpy as np
    from assistant.cache import Bundle, IndexCache

    directory, key, start = sys.argv[1], sys.argv[2], float(sys.argv[3])
    bundle = Bundle(
        arrays={"x": np.arange(400_000, dtype=np.int64), "y": np.ones(10)},
        documents={"articles.jsonl": b'{"id": 1}\\n' * 5000},
    )
    cache = IndexCache(Path(directory), hash_limit=1024)
    while time.time() < start:
        pass
    path = cache.save(key, bundle)
    print(path, cache.warnings)
    """
)


def test_concurrent_saves_from_processes_leave_a_valid_entry(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    start = time.time() + 1.5
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(tmp_path), KEY, str(start)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        assert out.strip() == f"{tmp_path / KEY} []"
    loaded = IndexCache(tmp_path).load(KEY, verify_all=True)
    assert loaded is not None
    assert np.array_equal(loaded.arrays["x"], np.arange(400_000))
    assert loaded.documents["articles.jsonl"] == b'{"id": 1}\n' * 5000
    assert [p.name for p in tmp_path.iterdir()] == [KEY]


def test_keeps_only_the_newest_entries_and_leaves_foreign_dirs(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path, keep=2)
    foreign = tmp_path / "models"
    foreign.mkdir()
    (foreign / "weights.bin").write_bytes(b"x")
    small = Bundle(arrays={"a": np.arange(3)})
    for i, key in enumerate(["k1", "k2", "k3"]):
        assert cache.save(key, small) is not None
        os.utime(tmp_path / key, (1000.0 + i, 1000.0 + i))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k2", "k3", "models"]
    assert cache.load("k2") is not None  # loading makes k2 the most recently used
    assert cache.save("k4", small) is not None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["k2", "k4", "models"]
    assert (foreign / "weights.bin").read_bytes() == b"x"


def test_stale_temporary_dirs_are_removed(tmp_path: Path) -> None:
    stale = tmp_path / ".tmp-old-abc"
    stale.mkdir()
    os.utime(stale, (1000.0, 1000.0))
    fresh = tmp_path / ".tmp-busy-abc"  # another writer may still be filling it
    fresh.mkdir()
    IndexCache(tmp_path).save(KEY, Bundle(arrays={"a": np.arange(3)}))
    assert not stale.exists()
    assert fresh.exists()


def test_fingerprint(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("one")
    b.write_text("two")
    base = fingerprint([a, b], "v1")
    assert len(base) == 64
    assert fingerprint([b, a], "v1") == base  # order does not matter
    assert fingerprint([tmp_path / "." / "a.txt", b], "v1") == base  # paths are resolved
    assert fingerprint([a, b], "v2") != base
    assert fingerprint([a], "v1") != base
    os.utime(a, ns=(1, 1))
    assert fingerprint([a, b], "v1") != base
    assert fingerprint([a, tmp_path / "gone.txt"], "v1")  # missing files do not raise
