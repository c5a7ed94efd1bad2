"""On-disk cache of built indexes, keyed by a fingerprint of the corpus files and the code version.

Layout: ``<directory>/<key>/`` holds ``manifest.json``, ``arrays/<name>.npy`` (``np.save`` with
``allow_pickle=False``) and ``documents/<name>`` (JSON/JSONL blobs, stored as given). Nothing is
pickled and nothing is loaded with pickle enabled.

Writing is atomic: an entry is written into ``<directory>/.tmp-<key>-*``, every file and directory
is fsynced, and the directory is renamed to ``<key>`` in one step, so readers see a whole entry or
none. When two writers race for a key the first rename wins; the loser finds a valid entry and
discards its own copy (an invalid entry in the way is moved aside and replaced, and so is an entry
this `IndexCache` loaded itself: saving that key again means the caller could not use it). An
entry counts as valid only if ``load`` would accept it (documents hashed too). ``save`` never
raises: an unwritable or full cache directory, or an unsavable bundle, makes it return None and
append a message to ``warnings``. Only the ``keep`` most recently saved or loaded entries are kept.

Verification on load: the manifest records each file's size and sha256. Every file's size is
checked. Documents (read into memory anyway) and arrays up to ``hash_limit`` bytes (default 4 MiB)
are hashed. Bigger arrays are memory-mapped (``np.load(mmap_mode="r")``) after checking the npy
header (dtype and shape as recorded, header + data length = file size) but are not hashed: at
~1.4 GB/s hashing a 1M-passage index (~250 MB) would add ~0.2 s to every start-up, defeating the
lazy load. That catches truncation and replaced files, not a flipped byte inside a large array;
``load(key, verify_all=True)`` hashes everything.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import math
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from assistant.lazy_re import lazy_compile

FORMAT_VERSION = 1
KIND = "newsdesk-index-cache"
MANIFEST = "manifest.json"
HASH_LIMIT = 4 * 1024 * 1024
KEEP = 3
STALE_SECONDS = 3600.0  # leftovers of crashed writers older than this are removed
_NAME = lazy_compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}\Z")
_CHUNK = 1 << 20


class CacheError(Exception):
    """A cache entry exists but cannot be used; the message says which file and what is wrong."""


@dataclass
class Bundle:
    """What a cache entry holds: named arrays and named document blobs."""

    arrays: dict[str, np.ndarray] = field(default_factory=dict)
    documents: dict[str, bytes] = field(default_factory=dict)


def fingerprint(files: Sequence[Path], extra: str) -> str:
    """sha256 over the sorted (resolved path, size, mtime_ns) of `files`, then `extra`.

    `extra` should carry the code version and the settings that shape the index (e.g. settings
    JSON). A file that cannot be stat'ed counts as size and mtime -1 rather than raising.
    """
    rows = []
    for file in files:
        path = Path(file).resolve()
        try:
            stat = path.stat()
            rows.append((str(path), stat.st_size, stat.st_mtime_ns))
        except OSError:
            rows.append((str(path), -1, -1))
    rows.sort()
    digest = hashlib.sha256(b"newsdesk-fingerprint-1\0")
    digest.update(json.dumps(rows).encode("ascii"))  # ensure_ascii: any path encodes
    digest.update(b"\0")
    digest.update(extra.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _check_name(name: str, what: str) -> None:
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(
            f"{what} {name!r} is not a plain file name (letters, digits, '.', '_', '-', "
            "at most 128, not starting with a dot)"
        )


class _HashingWriter:
    """A write-only file wrapper that hashes and counts what goes through it (np.save uses it)."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self.digest.update(data)
        self.size += memoryview(data).nbytes
        return self._file.write(data)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # e.g. Windows cannot open directories
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_file(path: Path, writer: Any) -> tuple[int, str]:
    """Create `path`, let `writer(file_like)` fill it, fsync; return (size, sha256)."""
    with open(path, "xb") as file:
        hashing = _HashingWriter(file)
        writer(hashing)
        file.flush()
        os.fsync(file.fileno())
    return hashing.size, hashing.digest.hexdigest()


class IndexCache:
    """Entries under `directory`, one per key. See the module docstring for the guarantees."""

    def __init__(self, directory: Path, keep: int = KEEP, hash_limit: int = HASH_LIMIT) -> None:
        self.directory = Path(directory)
        self.keep = max(1, keep)
        self.hash_limit = hash_limit
        self.warnings: list[str] = []
        # Keys this object loaded: saving one of them again means the caller could not use the
        # entry it got (say, written by a buggy build of the same format), so it is replaced.
        self._loaded: set[str] = set()

    # ------------------------------------------------------------------ loading

    def load(self, key: str, *, verify_all: bool = False) -> Bundle | None:
        """The entry for `key`; None if there is none; CacheError if it is damaged or foreign."""
        try:
            _check_name(key, "cache key")
        except ValueError as error:
            raise CacheError(str(error)) from None
        entry = self.directory / key
        if not entry.is_dir():
            return None
        bundle = self._read(entry, key, verify_all=verify_all, check_only=False)
        self._loaded.add(key)
        with contextlib.suppress(OSError):
            os.utime(entry)  # most recently used entries survive pruning
        return bundle

    def _manifest(self, entry: Path, key: str) -> dict[str, Any]:
        path = entry / MANIFEST
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise CacheError(f"{entry}: cache entry has no {MANIFEST}") from None
        except OSError as error:
            raise CacheError(f"{path}: cannot read: {error}") from None
        try:
            manifest = json.loads(raw)
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise CacheError(f"{path}: not valid JSON ({error})") from None
        if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
            raise CacheError(f"{path}: not a newsdesk index cache manifest")
        if manifest.get("format") != FORMAT_VERSION:
            raise CacheError(
                f"{path}: cache format version {manifest.get('format')!r}, "
                f"this version reads {FORMAT_VERSION}"
            )
        if manifest.get("key") != key:
            raise CacheError(f"{path}: manifest is for key {manifest.get('key')!r}, not {key!r}")
        for section in ("arrays", "documents"):
            records = manifest.get(section)
            if not isinstance(records, dict):
                raise CacheError(f"{path}: '{section}' is missing or not an object")
            for name, record in records.items():
                where = f"{path}: {section}.{name}"
                try:
                    _check_name(name, "name")
                except ValueError:
                    raise CacheError(f"{where}: invalid name") from None
                if not isinstance(record, dict):
                    raise CacheError(f"{where}: not an object")
                size, digest = record.get("size"), record.get("sha256")
                if not isinstance(size, int) or size < 0 or isinstance(size, bool):
                    raise CacheError(f"{where}: 'size' is not a byte count")
                if not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
                    raise CacheError(f"{where}: 'sha256' is not a sha256 hex digest")
                if section == "arrays" and (
                    not isinstance(record.get("dtype"), str)
                    or not isinstance(record.get("shape"), list)
                    or not all(isinstance(n, int) and n >= 0 for n in record["shape"])
                ):
                    raise CacheError(f"{where}: 'dtype' or 'shape' missing or invalid")
        return manifest

    def _read(self, entry: Path, key: str, *, verify_all: bool, check_only: bool) -> Bundle:
        manifest = self._manifest(entry, key)
        bundle = Bundle()
        for name, record in manifest["arrays"].items():
            path = entry / "arrays" / f"{name}.npy"
            array = self._read_array(path, record, verify_all=verify_all, check_only=check_only)
            if array is not None:
                bundle.arrays[name] = array
        for name, record in manifest["documents"].items():
            path = entry / "documents" / name
            size = self._check_size(path, record)
            if check_only:
                # Hashed here too: an entry kept by `_install` because it "looks valid" must be
                # one that `load` accepts, or a damaged entry would never be replaced.
                try:
                    digest = _sha256_file(path)
                except OSError as error:
                    raise CacheError(f"{path}: cannot read: {error}") from None
                if digest != record["sha256"]:
                    raise CacheError(f"{path}: content does not match its sha256 in the manifest")
                continue
            try:
                data = path.read_bytes()
            except OSError as error:
                raise CacheError(f"{path}: cannot read: {error}") from None
            if len(data) != size or hashlib.sha256(data).hexdigest() != record["sha256"]:
                raise CacheError(f"{path}: content does not match its sha256 in the manifest")
            bundle.documents[name] = data
        return bundle

    @staticmethod
    def _check_size(path: Path, record: dict[str, Any]) -> int:
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise CacheError(f"{path}: missing from the cache entry") from None
        except OSError as error:
            raise CacheError(f"{path}: cannot read: {error}") from None
        if size != record["size"]:
            raise CacheError(
                f"{path}: {size} bytes but the manifest says {record['size']} "
                "(truncated or modified)"
            )
        return size

    def _read_array(
        self, path: Path, record: dict[str, Any], *, verify_all: bool, check_only: bool
    ) -> np.ndarray | None:
        size = self._check_size(path, record)
        try:
            if size <= self.hash_limit or verify_all:
                if size <= self.hash_limit:
                    data = path.read_bytes()
                    if hashlib.sha256(data).hexdigest() != record["sha256"]:
                        raise CacheError(f"{path}: content does not match its sha256")
                    array = np.load(io.BytesIO(data), allow_pickle=False)
                    self._check_array(path, record, array.dtype, array.shape)
                    return None if check_only else array
                if _sha256_file(path) != record["sha256"]:
                    raise CacheError(f"{path}: content does not match its sha256")
            with open(path, "rb") as file:
                version = np.lib.format.read_magic(file)
                if version == (1, 0):
                    shape, _, dtype = np.lib.format.read_array_header_1_0(file)
                elif version == (2, 0):
                    shape, _, dtype = np.lib.format.read_array_header_2_0(file)
                else:
                    raise CacheError(f"{path}: unsupported npy format version {version}")
                data_start = file.tell()
            self._check_array(path, record, dtype, shape)
            expected = data_start + math.prod(shape) * dtype.itemsize
            if expected != size:
                raise CacheError(f"{path}: {size} bytes but its header implies {expected}")
            if check_only:
                return None
            return np.load(path, mmap_mode="r", allow_pickle=False)
        except CacheError:
            raise
        except (OSError, ValueError, EOFError) as error:
            raise CacheError(f"{path}: not a readable .npy file: {error}") from None

    @staticmethod
    def _check_array(
        path: Path, record: dict[str, Any], dtype: np.dtype, shape: tuple[int, ...]
    ) -> None:
        if dtype.hasobject:
            raise CacheError(f"{path}: holds Python objects; the cache never loads pickles")
        if dtype.str != record["dtype"] or list(shape) != record["shape"]:
            raise CacheError(
                f"{path}: {dtype.str} {list(shape)} but the manifest says "
                f"{record['dtype']} {record['shape']}"
            )

    # ------------------------------------------------------------------ saving

    def save(self, key: str, bundle: Bundle) -> Path | None:
        """Write the entry atomically; its path, or None with a message in `warnings`."""
        try:
            _check_name(key, "cache key")
            for name in bundle.arrays:
                _check_name(name, "array name")
            for name in bundle.documents:
                _check_name(name, "document name")
        except ValueError as error:
            self.warnings.append(f"index cache not saved: {error}")
            return None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{key}-", dir=self.directory))
        except OSError as error:
            self.warnings.append(
                f"index cache not saved: cannot write in {self.directory}: {error}"
            )
            return None
        try:
            self._write_entry(tmp, key, bundle)
            final = self._install(tmp, self.directory / key, key)
        except (OSError, ValueError, TypeError) as error:
            shutil.rmtree(tmp, ignore_errors=True)
            self.warnings.append(f"index cache not saved in {self.directory}: {error}")
            return None
        self._prune(final)
        return final

    def _write_entry(self, tmp: Path, key: str, bundle: Bundle) -> None:
        arrays_dir, documents_dir = tmp / "arrays", tmp / "documents"
        arrays_dir.mkdir()
        documents_dir.mkdir()
        manifest: dict[str, Any] = {
            "kind": KIND,
            "format": FORMAT_VERSION,
            "key": key,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "arrays": {},
            "documents": {},
        }
        for name, value in bundle.arrays.items():
            array = np.asarray(value)
            if array.dtype.hasobject:
                raise ValueError(
                    f"array {name!r} holds Python objects; the cache stores no pickles"
                )

            def write_npy(file: Any, array: np.ndarray = array) -> None:
                np.save(file, array, allow_pickle=False)

            size, digest = _write_file(arrays_dir / f"{name}.npy", write_npy)
            manifest["arrays"][name] = {
                "size": size,
                "sha256": digest,
                "dtype": array.dtype.str,
                "shape": list(array.shape),
            }
        for name, blob in bundle.documents.items():
            if not isinstance(blob, bytes | bytearray | memoryview):
                raise TypeError(f"document {name!r} is {type(blob).__name__}, not bytes")

            def write_blob(file: Any, blob: bytes | bytearray | memoryview = blob) -> None:
                file.write(blob)

            size, digest = _write_file(documents_dir / name, write_blob)
            manifest["documents"][name] = {"size": size, "sha256": digest}
        text = json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8")
        _write_file(tmp / MANIFEST, lambda file: file.write(text))
        for directory in (arrays_dir, documents_dir, tmp):
            _fsync_dir(directory)

    def _install(self, tmp: Path, final: Path, key: str) -> Path:
        """Rename `tmp` to `final`. If another entry is there, keep it when valid, else replace."""
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.exists():
                raise
        else:
            _fsync_dir(self.directory)
            return final
        try:
            self._read(final, key, verify_all=False, check_only=True)
            valid = key not in self._loaded  # one we loaded and are now replacing is not
        except CacheError:
            valid = False
        if valid:  # someone else saved the same key first: theirs is as good as ours
            shutil.rmtree(tmp, ignore_errors=True)
            return final
        trash = self.directory / f".trash-{key}-{uuid.uuid4().hex}"
        with contextlib.suppress(FileNotFoundError):
            os.rename(final, trash)
        try:
            os.rename(tmp, final)
        except OSError:
            if not final.exists():
                raise
            shutil.rmtree(tmp, ignore_errors=True)  # another writer installed a fresh entry
        finally:
            shutil.rmtree(trash, ignore_errors=True)
        _fsync_dir(self.directory)
        return final

    def _prune(self, current: Path) -> None:
        """Remove all but the `keep` most recently used entries, and stale temporary dirs."""
        now = time.time()
        entries: list[tuple[float, Path]] = []
        try:
            children = list(self.directory.iterdir())
        except OSError:
            return
        for child in children:
            try:
                if child.name.startswith((".tmp-", ".trash-")):
                    if now - child.stat().st_mtime > STALE_SECONDS:
                        shutil.rmtree(child, ignore_errors=True)
                    continue
                if child == current or not _NAME.match(child.name) or not child.is_dir():
                    continue
                manifest = json.loads((child / MANIFEST).read_bytes())
                if not isinstance(manifest, dict) or manifest.get("kind") != KIND:
                    continue  # not ours: leave it alone
                entries.append((child.stat().st_mtime, child))
            except (OSError, ValueError):
                continue
        entries.sort(reverse=True)
        for _, child in entries[self.keep - 1 :]:
            shutil.rmtree(child, ignore_errors=True)
