"""Incremental opens: update the previous index cache entry instead of merging every file again.

A full build merges every file's stored result (`assistant.build.merge`) and sorts every posting
(`BM25Index.from_postings`): a minute of CPU at 100,000 articles, even when one file changed.
When a cache entry built from almost the same files exists, this module splices it instead:

* **Which files**: the previous entry's file keys are aligned with the current ones (unchanged
  files keep their key and their order). Changed, added and deleted files are *dirty*; so is every
  unchanged file that shares an article id with a dirty one (duplicate ids are resolved in corpus
  order, so those files' kept articles and skip messages may change), repeated until no dirty file
  shares an id with a clean one. The entry records what that needs: per file its kept articles
  and skipped inputs (`inc_file_art`, `inc_file_skip`) and the ids of its articles that were not
  kept (`incremental.json`, "shadow"); kept ids come from `ids.json`.
* **Merge of the dirty files only**: `build.merge` over the dirty files' results (processed, or
  from the per-file store) in corpus order. Since no clean file shares an id with them, that is
  exactly their share of a full merge.
* **Splice**: every corpus array is the old entry's slices for runs of clean files and the dirty
  merge's arrays in between, in corpus order (article indices in passages and document ids shift
  by a constant per run). The vocabulary stays sorted: new terms are inserted, terms left without
  postings are dropped, term ids are remapped with one cumulative sum. Postings are term-major
  with ascending documents; the old ones keep their order under the (monotonic) term and document
  maps, so the new postings are inserted at positions found per term by binary search, no sort
  of all postings. The weights are then recomputed from the term frequencies (`bm25_tf`, saved
  beside the index) with `BM25Index.from_csr`, the code a full build uses: N, avgdl and idf change
  with any change, so every weight changes, but that is one vectorised pass.
* **Proper words** come from word totals kept in the entry (`inc_cap_*`: every capitalised form
  with its count and first occurrence; `inc_low_*`: lower-case counts): the dirty files' old
  counts are subtracted, their new counts added, and the words chosen as `collect_proper_words`
  would. Its result depends on corpus order only where two forms of a word tie or two words fold
  alike; a first occurrence that was in a dirty file is found again by reading stored results in
  order, only when such a tie needs it.

The result equals a full rebuild: same ids, arrays, index arrays (bit for bit), skipped inputs
and proper words (tests/unit/test_engine_scale.py). Anything unexpected (no entry, a missing
stored result, more than `MAX_SHARE` of the files dirty) returns None and the caller merges all.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.build import (
    FileState,
    Merged,
    _text_blob,
    _text_items,
    load_result,
    merge,
    part_meta,
    proper_words_from_counts,
    word_count_arrays,
)
from assistant.cache import CacheError, IndexCache
from assistant.index import PREFIX_BYTES, BM25Index, Vocabulary
from assistant.models import SkippedFile

DOCUMENT = "incremental.json"
VERSION = 1
# More dirty files than this share (and more than MIN_FILES) and a full merge is done instead.
MAX_SHARE = 0.1
MIN_FILES = 64
UNKNOWN = np.int64(-1)  # a first occurrence not known (it was in a file that changed)
_RANK_BITS = 32

Parts = list[dict[str, np.ndarray]]


def code_digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8", "surrogatepass")).hexdigest()


def enabled() -> bool:
    return os.environ.get("NEWSDESK_INCREMENTAL", "1").strip() != "0"


# --------------------------------------------------------------------------- replaying events


@dataclass
class Outcome:
    """What the merge does with one file: kept articles, skipped inputs, ids not kept."""

    articles: int = 0
    skipped: int = 0
    shadow: list[str] = field(default_factory=list)
    keeps: list[np.ndarray] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)


def replay(files: Sequence[Parts]) -> list[Outcome]:
    """The merge's decisions (as `build.merge` makes them) for files merged in this order."""
    first_seen: set[str] = set()
    out = []
    for parts in files:
        o = Outcome()
        found = []
        for arrays in parts:
            meta = part_meta(arrays)
            found.append(meta["found"])
            keep = np.zeros(len(meta["ids"]), dtype=bool)
            for event in meta["events"]:
                kind = event[0]
                if kind == "skip":
                    o.skipped += 1
                    continue
                aid = event[1]
                o.ids.add(aid)
                if kind == "art" and aid not in first_seen:
                    first_seen.add(aid)
                    keep[event[4]] = True
                    o.articles += 1
                elif kind in ("art", "fail", "dup"):
                    o.skipped += 1
                    o.shadow.append(aid)
            o.keeps.append(keep)
        if len(parts) > 1 and all(f is False for f in found):
            o.skipped += 1
        out.append(o)
    return out


def _keeps_for(parts: Parts, kept: set[str]) -> list[np.ndarray]:
    """Keep masks of a file whose kept ids are known (the first article event of each)."""
    taken: set[str] = set()
    keeps = []
    for arrays in parts:
        meta = part_meta(arrays)
        keep = np.zeros(len(meta["ids"]), dtype=bool)
        for event in meta["events"]:
            if event[0] == "art" and event[1] in kept and event[1] not in taken:
                taken.add(event[1])
                keep[event[4]] = True
        keeps.append(keep)
    return keeps


WordPart = tuple[list[str], np.ndarray, list[str], np.ndarray]


def word_parts(parts: Parts, keeps: list[np.ndarray]) -> list[WordPart]:
    """Each part's (capitalised forms, counts, lower-case words, counts) over its kept articles,
    as the merge counts them."""
    out = []
    for arrays, keep in zip(parts, keeps, strict=True):
        if not keep.all():
            off = arrays["art_off"]
            texts = [
                json.loads(arrays["art_blob"][off[k] : off[k + 1]].tobytes())["text"]
                for k in np.flatnonzero(keep).tolist()
            ]
            arrays = word_count_arrays(texts)
        cap_counts = np.asarray(arrays["cap_counts"], dtype=np.int64)
        low_counts = np.asarray(arrays["low_counts"], dtype=np.int64)
        out.append(
            (
                _text_items(arrays["cap_words"], int(cap_counts.shape[0])),
                cap_counts,
                _text_items(arrays["low_words"], int(low_counts.shape[0])),
                low_counts,
            )
        )
    return out


# --------------------------------------------------------------------------- word totals


@dataclass
class Totals:
    """Word counts over the whole corpus: capitalised forms (with the position of their first
    occurrence: file << 32 | rank, ranks comparable within one file; UNKNOWN when not known)
    and lower-case words."""

    forms: list[str]
    counts: np.ndarray  # int64
    first: np.ndarray  # int64
    lows: dict[str, int]

    @classmethod
    def build(cls, files: Iterable[list[WordPart]]) -> Totals:
        # Words map to ids in first-occurrence order at C speed (a defaultdict handing out
        # len()); counts are summed with numpy. A form's id is then its global rank.
        forms: defaultdict[str, int] = defaultdict()
        forms.default_factory = forms.__len__
        lows: defaultdict[str, int] = defaultdict()
        lows.default_factory = lows.__len__
        cap_ids: list[np.ndarray] = []
        cap_ns: list[np.ndarray] = []
        low_ids: list[np.ndarray] = []
        low_ns: list[np.ndarray] = []
        first_file: list[np.ndarray] = []
        for f, parts in enumerate(files):
            for cap, cap_n, low, low_n in parts:
                before = len(forms)
                cap_ids.append(np.fromiter(map(forms.__getitem__, cap), np.int64, len(cap)))
                cap_ns.append(cap_n)
                first_file.append(np.full(len(forms) - before, f, dtype=np.int64))
                low_ids.append(np.fromiter(map(lows.__getitem__, low), np.int64, len(low)))
                low_ns.append(low_n)

        def summed(ids: list[np.ndarray], ns: list[np.ndarray], size: int) -> np.ndarray:
            if not ids:
                return np.zeros(size, dtype=np.int64)
            # float64 weights sum counts exactly (far below 2**53)
            weights = np.concatenate(ns).astype(np.float64)
            return np.bincount(np.concatenate(ids), weights, size).astype(np.int64)

        n_forms = len(forms)
        first = np.concatenate([*first_file, np.zeros(0, np.int64)]) << _RANK_BITS
        first |= np.arange(n_forms, dtype=np.int64)
        low_counts = summed(low_ids, low_ns, len(lows))
        return cls(
            list(forms),
            summed(cap_ids, cap_ns, n_forms),
            first,
            dict(zip(lows, low_counts.tolist(), strict=True)),
        )

    def arrays(self) -> dict[str, np.ndarray]:
        low_words = list(self.lows)
        return {
            "inc_cap_words": _text_blob(self.forms),
            "inc_cap_counts": self.counts,
            "inc_cap_first": self.first,
            "inc_low_words": _text_blob(low_words),
            "inc_low_counts": np.asarray([self.lows[w] for w in low_words], dtype=np.int64),
        }

    @classmethod
    def from_arrays(cls, arrays: dict[str, np.ndarray]) -> Totals:
        counts = np.asarray(arrays["inc_cap_counts"], dtype=np.int64)
        low_counts = np.asarray(arrays["inc_low_counts"], dtype=np.int64)
        low_words = _text_items(arrays["inc_low_words"], int(low_counts.shape[0]))
        return cls(
            _text_items(arrays["inc_cap_words"], int(counts.shape[0])),
            counts.copy(),
            np.asarray(arrays["inc_cap_first"], dtype=np.int64).copy(),
            dict(zip(low_words, low_counts.tolist(), strict=True)),
        )

    def proper_words(
        self, resolve: Callable[[set[int]], dict[int, int]] | None = None
    ) -> dict[str, str]:
        """`collect_proper_words` over the corpus. Forms whose first occurrence is unknown but
        matters (a tie between forms of a word, two words folding alike) are placed by
        `resolve` (form index -> exact position, comparable among the forms asked for)."""
        first = self.first
        unknown = first < 0
        order_key = np.where(unknown, np.iinfo(np.int64).max, first)
        pw, involved = self._proper(order_key, unknown)
        if involved:
            if resolve is None:
                raise LookupError("first occurrences needed but not known")
            exact = resolve(involved)
            order_key = order_key.copy()
            unknown = unknown.copy()
            for i, pos in exact.items():
                order_key[i] = pos
                unknown[i] = False
            pw, involved = self._proper(order_key, unknown)
            if involved:
                raise LookupError("first occurrences still not known")
        return pw

    def _proper(
        self, order_key: np.ndarray, unknown: np.ndarray
    ) -> tuple[dict[str, str], set[int]]:
        from assistant.knowledge.entities import _NOT_NAMES
        from assistant.text import fold

        forms, counts = self.forms, self.counts.tolist()
        capital: dict[str, dict[str, int]] = {}
        members: dict[str, list[int]] = {}
        for i in np.argsort(order_key, kind="stable").tolist():
            if counts[i] <= 0:
                continue
            word = forms[i]
            key = word.lower()
            capital.setdefault(key, {})[word] = counts[i]
            members.setdefault(key, []).append(i)
        unknown_list = unknown.tolist()
        involved: set[int] = set()
        if any(unknown_list):
            lows = self.lows
            by_fold: dict[str, list[str]] = {}
            for key, found in capital.items():
                count = sum(found.values())
                if not (count / (count + lows.get(key, 0)) >= 0.8 and key not in _NOT_NAMES):
                    continue
                top = max(found.values())
                tied = [i for i in members[key] if counts[i] == top]
                if len(tied) > 1 and any(unknown_list[i] for i in tied):
                    involved.update(tied)
                keys = by_fold.setdefault(fold(key), [])
                keys.append(key)
                if len(keys) > 1:
                    group = [i for k in keys for i in members[k]]
                    if any(unknown_list[i] for i in group):
                        involved.update(group)
        lower = {k: n for k, n in self.lows.items() if n > 0 and k in capital}
        return proper_words_from_counts((capital, lower)), involved


# --------------------------------------------------------------------------- describing an entry


def describe(
    results: Sequence[Parts], n_dirs_skipped: int, code: str
) -> tuple[dict[str, np.ndarray], dict[str, bytes]]:
    """The arrays and documents an entry needs to be updated incrementally later, from every
    file's result (before `merge` consumes them)."""
    outcomes = replay(results)
    # A generator, not a list: every file's words as Python strings at once took ~1.3 GB at
    # 100,000 articles, on top of the results, just before the build's memory peak.
    totals = Totals.build(
        word_parts(parts, o.keeps) for parts, o in zip(results, outcomes, strict=True)
    )
    return _layout(outcomes, totals, n_dirs_skipped, code)


def _layout(
    outcomes: Sequence[Outcome], totals: Totals, n_dirs_skipped: int, code: str
) -> tuple[dict[str, np.ndarray], dict[str, bytes]]:
    arrays = {
        "inc_file_art": np.asarray([o.articles for o in outcomes], dtype=np.int64),
        "inc_file_skip": np.asarray([o.skipped for o in outcomes], dtype=np.int64),
        **totals.arrays(),
    }
    document = {
        "version": VERSION,
        "code": code_digest(code),
        "dirs_skipped": n_dirs_skipped,
        "shadow": [[j, o.shadow] for j, o in enumerate(outcomes) if o.shadow],
    }
    return arrays, {DOCUMENT: json.dumps(document, ensure_ascii=False).encode()}


# --------------------------------------------------------------------------- the update


@dataclass
class Updated:
    ids: list[str]
    arrays: dict[str, np.ndarray]
    index: BM25Index
    skipped: list[SkippedFile]
    proper_words: dict[str, str]
    extra_arrays: dict[str, np.ndarray]
    extra_documents: dict[str, bytes]
    processed_files: int
    reused_files: int
    processed_bytes: int
    warnings: list[str]
    workers: int
    dirty_files: int
    seconds: dict[str, float]


@dataclass
class _Base:
    name: str
    keys: list[str]
    clean: dict[int, int]  # new file index -> old file index


def _bases(cache_dir: Path, digest: str, states: Sequence[FileState]) -> list[_Base]:
    """Entries built by this code whose files align with `states`, most recently used first."""
    found: list[tuple[float, _Base]] = []
    new_keys = [s.key for s in states]
    try:
        entries = list(Path(cache_dir).iterdir())
    except OSError:
        return []
    for entry in entries:
        try:
            doc = json.loads((entry / "documents" / DOCUMENT).read_bytes())
            if doc.get("version") != VERSION or doc.get("code") != digest:
                continue
            keys = json.loads((entry / "documents" / "files.json").read_bytes())
            mtime = entry.stat().st_mtime
        except (OSError, ValueError, AttributeError):
            continue
        if not isinstance(keys, list) or len(set(keys)) != len(keys):
            continue
        where = {k: j for j, k in enumerate(keys)}
        clean = {i: where[k] for i, k in enumerate(new_keys) if k in where}
        olds = list(clean.values())
        if any(b <= a for a, b in itertools.pairwise(olds)):
            continue  # unchanged files in another order: not a splice
        found.append((mtime, _Base(entry.name, keys, clean)))
    found.sort(key=lambda item: -item[0])
    return [base for _, base in found]


def update(
    cache: IndexCache,
    key: str,
    code: str,
    states: Sequence[FileState],
    skipped_dirs: Sequence[SkippedFile],
    collect_files: Callable[[list[FileState]], Any],
    store: Path,
    k1: float,
    b: float,
    delta: float,
    say: Callable[[str], None] | None = None,
) -> Updated | None:
    """The engine's data for `states` by updating a previous entry, or None when no entry fits
    (the caller then merges everything). `collect_files` is `build.collect` for some states."""
    import time

    t0 = time.perf_counter()
    digest = code_digest(code)
    n_new = len(states)
    limit = max(int(n_new * MAX_SHARE), MIN_FILES)
    for base in _bases(cache.directory, digest, states):
        if base.name == key:
            continue  # the entry for these very files could not be used: do not build on it
        if n_new - len(base.clean) > limit or len(base.keys) - len(base.clean) > limit:
            continue
        try:
            bundle = cache.load(base.name)
        except CacheError:
            continue
        if bundle is None or "bm25_tf" not in bundle.arrays:
            continue
        try:
            return _update(
                bundle, base, code, states, skipped_dirs, collect_files, store, limit,
                (k1, b, delta), t0,
            )  # fmt: skip
        except _NoFit:
            continue
        except (ValueError, LookupError, TypeError) as error:
            # An entry this code cannot make sense of (or a bug here): the full merge is right.
            if say is not None:
                say(f"cache: could not update the index ({type(error).__name__}: {error}); merging")
            return None
    return None


class _NoFit(Exception):
    """This entry cannot be updated (a stored result is missing, too much changed...)."""


def _update(
    bundle: Any,
    base: _Base,
    code: str,
    states: Sequence[FileState],
    skipped_dirs: Sequence[SkippedFile],
    collect_files: Callable[[list[FileState]], Any],
    store: Path,
    limit: int,
    bm25: tuple[float, float, float],
    t0: float,
) -> Updated:
    import time

    A = bundle.arrays
    doc = json.loads(bundle.documents[DOCUMENT])
    old_ids: list[str] = json.loads(bundle.documents["ids.json"].decode("utf-8", "surrogatepass"))
    old_skipped = [
        SkippedFile.model_validate_json(line)
        for line in bundle.documents.get("skipped.jsonl", b"").decode().splitlines()
        if line
    ]
    file_art = np.asarray(A["inc_file_art"], dtype=np.int64)
    file_skip = np.asarray(A["inc_file_skip"], dtype=np.int64)
    n_old = len(base.keys)
    if file_art.shape[0] != n_old or int(file_art.sum()) != len(old_ids):
        raise _NoFit
    cum_art = np.concatenate([[0], np.cumsum(file_art)])
    cum_skip = np.concatenate([[0], np.cumsum(file_skip)]) + int(doc["dirs_skipped"])
    shadow: dict[int, list[str]] = {int(j): ids for j, ids in doc["shadow"]}
    shadow_files: dict[str, list[int]] = {}
    for j, ids in shadow.items():
        for aid in ids:
            shadow_files.setdefault(aid, []).append(j)

    # Dirty files: changed, added, deleted, and every file sharing an id with one of them.
    old_of = dict(base.clean)  # new index -> old index, for clean files
    new_of = {j: i for i, j in old_of.items()}
    dirty_new = {i for i in range(len(states)) if i not in old_of}
    dirty_old = {j for j in range(n_old) if j not in new_of}

    def old_file_ids(j: int) -> list[str]:
        return old_ids[int(cum_art[j]) : int(cum_art[j + 1])] + shadow.get(j, [])

    # The new dirty files must be read (or loaded) before their ids are known.
    new_results: dict[int, Parts] = {}
    collected_info: list[Any] = []

    def get_new(indices: Sequence[int]) -> None:
        todo = [i for i in indices if i not in new_results]
        if todo:
            got = collect_files([states[i] for i in todo])
            collected_info.append(got)
            for i, parts in zip(todo, got.results, strict=True):
                new_results[i] = parts

    get_new(sorted(dirty_new))
    position: dict[str, int] | None = None
    affected: set[str] = set()
    for j in dirty_old:
        affected.update(old_file_ids(j))
    for o in replay([new_results[i] for i in sorted(dirty_new)]):
        affected.update(o.ids)
    checked: set[str] = set()
    while True:
        fresh = affected - checked
        if not fresh:
            break
        checked |= fresh
        if position is None:
            position = {aid: k for k, aid in enumerate(old_ids)}
        more: set[int] = set()
        for aid in fresh:
            k = position.get(aid)
            if k is not None:
                more.add(int(np.searchsorted(cum_art, k, side="right")) - 1)
            more.update(shadow_files.get(aid, ()))
        more -= dirty_old
        for j in more:
            dirty_old.add(j)
            affected.update(old_file_ids(j))
            if j in new_of:
                dirty_new.add(new_of[j])
        if len(dirty_new) > limit or len(dirty_old) > limit:
            raise _NoFit
    get_new(sorted(dirty_new))
    old_results: dict[int, Parts] = {}
    for j in sorted(dirty_old):
        if j in new_of and new_of[j] in new_results:
            old_results[j] = new_results[new_of[j]]
            continue
        parts = load_result(store, base.keys[j])
        if parts is None:
            raise _NoFit
        old_results[j] = parts
    t1 = time.perf_counter()

    # The dirty files merged on their own, in corpus order: their share of a full merge.
    dirty_list = sorted(dirty_new)
    dirty_old_list = sorted(dirty_old)
    new_outcomes = replay([new_results[i] for i in dirty_list])
    old_outcomes = replay([old_results[j] for j in dirty_old_list])
    for j, o in zip(dirty_old_list, old_outcomes, strict=True):
        if o.articles != int(file_art[j]) or o.skipped != int(file_skip[j]):
            raise _NoFit  # the entry does not describe these results
    new_words = [
        word_parts(new_results[i], o.keeps) for i, o in zip(dirty_list, new_outcomes, strict=True)
    ]
    old_words = [
        word_parts(old_results[j], o.keeps)
        for j, o in zip(dirty_old_list, old_outcomes, strict=True)
    ]
    merged = merge([states[i] for i in dirty_list], [new_results[i] for i in dirty_list], [])
    if len(merged.ids) != sum(o.articles for o in new_outcomes) or len(merged.skipped) != sum(
        o.skipped for o in new_outcomes
    ):
        raise _NoFit

    # Segments of the new corpus: runs of clean files (old entry) and dirty files (merge).
    m_art = np.concatenate([[0], np.cumsum([o.articles for o in new_outcomes])]).astype(np.int64)
    m_skip = np.concatenate([[0], np.cumsum([o.skipped for o in new_outcomes])]).astype(np.int64)
    dirty_rank = {i: r for r, i in enumerate(dirty_list)}
    art_segs: list[tuple[int, int, int]] = []
    skip_segs: list[tuple[int, int, int]] = []
    for i in range(len(states)):
        if i in dirty_rank:
            r = dirty_rank[i]
            _add_seg(art_segs, 1, int(m_art[r]), int(m_art[r + 1]))
            _add_seg(skip_segs, 1, int(m_skip[r]), int(m_skip[r + 1]))
        else:
            j = old_of[i]
            _add_seg(art_segs, 0, int(cum_art[j]), int(cum_art[j + 1]))
            _add_seg(skip_segs, 0, int(cum_skip[j]), int(cum_skip[j + 1]))
    ids = _take_list(art_segs, old_ids, merged.ids)
    skipped = list(skipped_dirs) + _take_list(skip_segs, old_skipped, merged.skipped)
    arrays, psg_segs = _splice_corpus(A, merged.arrays, art_segs)
    t2 = time.perf_counter()
    index = _splice_index(A, merged, psg_segs, bm25)
    t3 = time.perf_counter()

    # Word totals and proper words.
    totals = Totals.from_arrays(A)
    outcomes_new_all: list[Outcome] = []
    for i in range(len(states)):
        if i in dirty_rank:
            outcomes_new_all.append(new_outcomes[dirty_rank[i]])
        else:
            j = old_of[i]
            outcomes_new_all.append(
                Outcome(
                    articles=int(file_art[j]), skipped=int(file_skip[j]), shadow=shadow.get(j, [])
                )
            )
    _update_totals(totals, old_words, new_words, dirty_old_list, dirty_list, old_of, n_old)

    def resolve(involved: set[int]) -> dict[int, int]:
        return _scan_first(
            totals, involved, states, dirty_rank, new_words, old_of, base, store, old_ids,
            cum_art, shadow,
        )  # fmt: skip

    proper = totals.proper_words(resolve)
    extra_arrays, extra_documents = _layout(outcomes_new_all, totals, len(skipped_dirs), code)
    extra_arrays["bm25_tf"] = index.tf if index.tf is not None else np.zeros(0, np.int32)
    t4 = time.perf_counter()
    processed = sum(c.processed_files for c in collected_info)
    return Updated(
        ids=ids,
        arrays=arrays,
        index=index,
        skipped=skipped,
        proper_words=proper,
        extra_arrays=extra_arrays,
        extra_documents=extra_documents,
        processed_files=processed,
        reused_files=len(states) - processed,
        processed_bytes=sum(c.processed_bytes for c in collected_info),
        warnings=[w for c in collected_info for w in c.warnings],
        workers=max([c.workers for c in collected_info], default=0),
        dirty_files=len(dirty_list),
        seconds={"process": t1 - t0, "merge": t2 - t1, "bm25": t3 - t2, "words": t4 - t3},
    )


def _add_seg(segs: list[tuple[int, int, int]], src: int, s: int, e: int) -> None:
    if e <= s:
        return
    if segs and segs[-1][0] == src and segs[-1][2] == s:
        segs[-1] = (src, segs[-1][1], e)
    else:
        segs.append((src, s, e))


def _take_list(segs: list[tuple[int, int, int]], old: list[Any], new: list[Any]) -> list[Any]:
    out: list[Any] = []
    for src, s, e in segs:
        out.extend((old, new)[src][s:e])
    return out


def _take(segs: list[tuple[int, int, int]], old: np.ndarray, new: np.ndarray) -> np.ndarray:
    pieces = [(old, new)[src][s:e] for src, s, e in segs]
    if not pieces:
        return np.zeros((0, *old.shape[1:]), dtype=old.dtype)
    return np.concatenate(pieces).astype(old.dtype, copy=False)


def _take_ptr(
    segs: list[tuple[int, int, int]], old_ptr: np.ndarray, new_ptr: np.ndarray
) -> tuple[np.ndarray, list[tuple[int, int, int]]]:
    """The pointer array of the spliced groups, and the item segments they cover."""
    out = [np.zeros(1, dtype=np.int64)]
    items: list[tuple[int, int, int]] = []
    at = 0
    for src, s, e in segs:
        ptr = (old_ptr, new_ptr)[src]
        first, last = int(ptr[s]), int(ptr[e])
        out.append(np.asarray(ptr[s + 1 : e + 1], dtype=np.int64) - first + at)
        _add_seg(items, src, first, last)
        at += last - first
    return np.concatenate(out), items


def _splice_corpus(
    old: dict[str, np.ndarray], new: dict[str, np.ndarray], art_segs: list[tuple[int, int, int]]
) -> tuple[dict[str, np.ndarray], list[tuple[int, int, int]]]:
    out: dict[str, np.ndarray] = {"art_date": _take(art_segs, old["art_date"], new["art_date"])}
    for blob, ptr in (("art_blob", "art_off"), ("ana_blob", "ana_off")):
        out[ptr], items = _take_ptr(art_segs, old[ptr], new[ptr])
        out[blob] = _take(items, old[blob], new[blob])
    for table, ptr in (("sent", "art_sent"), ("par", "art_par")):
        out[ptr], items = _take_ptr(art_segs, old[ptr], new[ptr])
        out[table] = _take(items, old[table], new[table])
    out["art_meet"], meet_segs = _take_ptr(art_segs, old["art_meet"], new["art_meet"])
    out["meet_off"], items = _take_ptr(meet_segs, old["meet_off"], new["meet_off"])
    out["meet_blob"] = _take(items, old["meet_blob"], new["meet_blob"])
    out["art_psg"], psg_segs = _take_ptr(art_segs, old["art_psg"], new["art_psg"])
    # Passages name their article by index: shift each run's by where the run now starts.
    pieces = []
    at = 0
    for src, s, e in art_segs:
        art_psg = (old["art_psg"], new["art_psg"])[src]
        rows = (old["psg"], new["psg"])[src][int(art_psg[s]) : int(art_psg[e])]
        piece = np.array(rows, dtype=np.int32)
        piece[:, 0] += at - s
        pieces.append(piece)
        at += e - s
    out["psg"] = np.concatenate(pieces) if pieces else np.zeros((0, 4), dtype=np.int32)
    return out, psg_segs


def _doc_map(segs: list[tuple[int, int, int]], src: int, n: int) -> np.ndarray:
    """Old document index -> new one (-1: gone) for the documents of source `src`."""
    out = np.full(n, -1, dtype=np.int32)
    at = 0
    for s_src, s, e in segs:
        if s_src == src:
            out[s:e] = np.arange(at, at + e - s, dtype=np.int32)
        at += e - s
    return out


_CHUNK = 1 << 18  # postings handled together (a cache-sized block)
_MAX_STEPS = 32  # up to this many document runs, new ids by additions, not a gather
_MAX_EVENTS = 1 << 19  # more deleted/inserted runs than this: numpy's delete and insert


def _shift_docs(
    old_indices: np.ndarray, psg_segs: list[tuple[int, int, int]], n_old_docs: int
) -> tuple[np.ndarray, np.ndarray]:
    """Each old posting's new document id (negative for documents that are gone) and the
    positions of the gone ones. A document's new id is its old id plus a constant per run of
    clean files, so with few runs it is a few additions per block (a gather from a map over all
    documents is several times slower)."""
    gone_shift = -n_old_docs - 1  # any old id plus this is negative
    starts: list[int] = []
    shifts: list[int] = []
    at = 0
    covered = 0
    for src, s, e in psg_segs:
        if src == 0:
            if s > covered:
                starts.append(covered)
                shifts.append(gone_shift)
            starts.append(s)
            shifts.append(at - s)
            covered = e
        at += e - s
    if covered < n_old_docs:
        starts.append(covered)
        shifts.append(gone_shift)
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
        shifts.insert(0, gone_shift)
    n = int(old_indices.shape[0])
    out = np.empty(n, dtype=np.int32)
    gone: list[np.ndarray] = []
    doc_map = _doc_map(psg_segs, 0, n_old_docs) if len(starts) > _MAX_STEPS else None
    steps = list(zip(starts[1:], np.diff(shifts).tolist(), strict=True))
    for s in range(0, n, _CHUNK):
        x = np.asarray(old_indices[s : s + _CHUNK])
        y = out[s : s + x.shape[0]]
        if doc_map is not None:
            np.take(doc_map, x.astype(np.int64), out=y)
        else:
            np.add(x, np.int32(shifts[0]), out=y)
            for start, step in steps:
                np.add(y, np.int32(step), out=y, where=x >= start)
        lost = np.flatnonzero(y < 0)
        if lost.size:
            gone.append(lost + s)
    return out, (np.concatenate(gone) if gone else np.zeros(0, dtype=np.int64))


def _edit_postings(
    shifted: np.ndarray,
    old_tf: np.ndarray,
    gone: np.ndarray,
    pos: np.ndarray,
    new_docs: np.ndarray,
    new_tf: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """The postings without those at `gone`, with new ones inserted before the old positions
    `pos` (non-decreasing; values for one position in the order given): slices of the old
    arrays copied between the edits, one concatenation per array."""
    if new_tf.size and int(new_tf.max()) > np.iinfo(old_tf.dtype).max:
        old_tf = old_tf.astype(np.int32)  # a frequency no longer fits 16 bits
    new_tf = new_tf.astype(old_tf.dtype)
    events: list[tuple[int, int, int, int]] = []  # (old position, kind, from, to)
    if gone.size:
        breaks = np.flatnonzero(np.diff(gone) != 1)
        firsts = gone[np.concatenate([[0], breaks + 1])]
        lasts = gone[np.concatenate([breaks, [gone.size - 1]])] + 1
        events.extend((a, 1, a, b) for a, b in zip(firsts.tolist(), lasts.tolist(), strict=True))
    if pos.size:
        at, first = np.unique(pos, return_index=True)
        until = np.append(first[1:], pos.size)
        events.extend(
            (p, 0, a, b)
            for p, a, b in zip(at.tolist(), first.tolist(), until.tolist(), strict=True)
        )
    if len(events) > _MAX_EVENTS:  # many edits: vectorised instead
        keep = np.ones(shifted.shape[0], dtype=bool)
        keep[gone] = False
        at_kept = pos - np.searchsorted(gone, pos, side="left")
        return (
            np.insert(shifted[keep], at_kept, new_docs),
            np.insert(old_tf[keep], at_kept, new_tf),
        )
    events.sort()
    docs: list[np.ndarray] = []
    tfs: list[np.ndarray] = []
    src = 0
    for p, kind, a, b in events:
        if p > src:
            docs.append(shifted[src:p])
            tfs.append(old_tf[src:p])
            src = p
        if kind == 0:
            docs.append(new_docs[a:b])
            tfs.append(new_tf[a:b])
        else:
            src = max(src, b)
    docs.append(shifted[src:])
    tfs.append(old_tf[src:])
    return np.concatenate(docs), np.concatenate(tfs)


def _insertion_points(vocab: Vocabulary, keys: list[bytes]) -> np.ndarray:
    """For sorted `keys` not in `vocab`: the index of the first vocabulary term above each."""
    if not keys:
        return np.zeros(0, dtype=np.int64)
    prefix = vocab._prefix
    starts = np.searchsorted(prefix, np.array(keys, dtype=f"S{PREFIX_BYTES}")).tolist()
    n = len(vocab)
    out = []
    for key, i in zip(keys, starts, strict=True):
        while i < n and vocab._bytes(i) < key:
            i += 1
        out.append(i)
    return np.asarray(out, dtype=np.int64)


def _splice_index(
    old: dict[str, np.ndarray],
    merged: Merged,
    psg_segs: list[tuple[int, int, int]],
    bm25: tuple[float, float, float],
) -> BM25Index:
    old_indptr = np.asarray(old["bm25_indptr"], dtype=np.int64)
    old_indices = old["bm25_indices"]
    old_tf = old["bm25_tf"]
    vocab = Vocabulary(old["bm25_vocab_blob"], old["bm25_vocab_offsets"], old["bm25_vocab_prefix"])
    n_old_terms = len(vocab)
    n_old_docs = int(old["bm25_doc_len"].shape[0])
    doc_len = _take(psg_segs, old["bm25_doc_len"], merged.doc_len.astype(np.int32))

    # Old postings with their new document ids (negative: gone), and where the gone ones are.
    shifted, gone = _shift_docs(old_indices, psg_segs, n_old_docs)
    old_df = np.diff(old_indptr)
    gone_terms = np.searchsorted(old_indptr, gone, side="right") - 1
    df_kept = old_df - np.bincount(gone_terms, minlength=n_old_terms)
    del gone_terms
    # The dirty files' postings, in their own term ids and documents.
    parts = [p for p in merged.postings if len(p[0])]
    if parts:
        m_terms = np.concatenate([np.asarray(p[0], dtype=np.int64) for p in parts])
        m_docs = np.concatenate([np.asarray(p[1], dtype=np.int64) for p in parts])
        m_tf = np.concatenate([np.asarray(p[2], dtype=np.int64) for p in parts])
    else:
        m_terms = m_docs = m_tf = np.zeros(0, dtype=np.int64)
    m_docs_merged = m_docs
    m_docs = _doc_map(psg_segs, 1, int(merged.doc_len.shape[0]))[m_docs].astype(np.int64)
    used = np.unique(m_terms)
    used_bytes = [merged.terms[t].encode("utf-8", "surrogatepass") for t in used.tolist()]
    found = np.asarray(
        vocab.ids_of([merged.terms[t] for t in used.tolist()]), dtype=np.int64
    ).reshape(-1)

    # The new vocabulary: old terms that keep a posting, plus new terms, in byte order.
    keep_old = df_kept > 0
    if found.size:
        keep_old[found[found >= 0]] = True
    new_sel = np.flatnonzero(found < 0)
    new_keys = sorted(used_bytes[k] for k in new_sel.tolist())
    by_key = {used_bytes[k]: int(used[k]) for k in new_sel.tolist()}
    points = _insertion_points(vocab, new_keys)
    keep_before = np.concatenate([[0], np.cumsum(keep_old)]).astype(np.int64)
    new_id_old = keep_before[:-1] + np.searchsorted(points, np.arange(n_old_terms), side="right")
    new_id_new = keep_before[points] + np.arange(len(new_keys), dtype=np.int64)
    n_terms = int(keep_before[-1]) + len(new_keys)
    term_map = np.full(len(merged.terms) or 1, -1, dtype=np.int64)
    if found.size:
        term_map[used[found >= 0]] = new_id_old[found[found >= 0]]
    for key, nid in zip(new_keys, new_id_new.tolist(), strict=True):
        term_map[by_key[key]] = nid
    old_lengths: np.ndarray = np.diff(np.asarray(old["bm25_vocab_offsets"], dtype=np.int64))
    lengths = np.empty(n_terms, dtype=np.int64)
    lengths[new_id_old[keep_old]] = old_lengths[keep_old]
    lengths[new_id_new] = [len(k) for k in new_keys]
    offsets = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    is_new = np.zeros(n_terms, dtype=bool)
    is_new[new_id_new] = True
    new_bytes = np.repeat(is_new, lengths)
    blob = np.empty(int(offsets[-1]), dtype=np.uint8)
    old_blob = np.asarray(old["bm25_vocab_blob"])
    blob[~new_bytes] = old_blob if keep_old.all() else old_blob[np.repeat(keep_old, old_lengths)]
    blob[new_bytes] = np.frombuffer(b"".join(new_keys), dtype=np.uint8)
    prefix = np.empty(n_terms, dtype=f"S{PREFIX_BYTES}")
    prefix[new_id_old[keep_old]] = np.asarray(old["bm25_vocab_prefix"])[keep_old]
    prefix[new_id_new] = np.array(new_keys, dtype=f"S{PREFIX_BYTES}").reshape(-1)

    # Where the new postings go, in old positions: inside the list of their term (or where a
    # new term's list starts), before the old documents that now come after theirs. Old
    # documents before a dirty document are those below the start of the next clean run.
    thr_m = np.full(int(merged.doc_len.shape[0]), n_old_docs, dtype=np.int64)
    next_clean = n_old_docs
    for src, s0, e0 in reversed(psg_segs):
        if src == 0:
            next_clean = s0
        else:
            thr_m[s0:e0] = next_clean
    thr = thr_m[m_docs_merged] if m_docs_merged.size else m_docs_merged
    nt = term_map[m_terms] if m_terms.size else m_terms
    order = np.lexsort((m_docs, nt))
    nt, nd_new, ntf, thr = nt[order], m_docs[order], m_tf[order], thr[order]
    old_of_new = np.full(n_terms, -1, dtype=np.int64)
    old_of_new[new_id_old[keep_old]] = np.flatnonzero(keep_old)
    at_old = np.full(n_terms, -1, dtype=np.int64)
    at_old[new_id_new] = points
    pos = np.empty(nt.size, dtype=np.int64)
    if nt.size:
        terms_u, starts = np.unique(nt, return_index=True)
        ends = np.append(starts[1:], nt.size)
        for t, s1, e1 in zip(terms_u.tolist(), starts.tolist(), ends.tolist(), strict=True):
            o = int(old_of_new[t])
            if o >= 0:
                lo, hi = int(old_indptr[o]), int(old_indptr[o + 1])
                pos[s1:e1] = lo + np.searchsorted(old_indices[lo:hi], thr[s1:e1])
            else:
                pos[s1:e1] = old_indptr[int(at_old[t])]
    indices, tf = _edit_postings(
        shifted, np.asarray(old_tf), gone, pos, nd_new.astype(np.int32), ntf
    )
    del shifted
    df = np.zeros(n_terms, dtype=np.int64)
    df[new_id_old[keep_old]] = df_kept[keep_old]
    df += np.bincount(nt, minlength=n_terms)
    if not bool((df > 0).all()):
        raise _NoFit
    indptr = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(df, out=indptr[1:])
    k1, b, delta = bm25
    return BM25Index.from_csr(doc_len, (blob, offsets, prefix), indptr, indices, tf, k1, b, delta)


def _update_totals(
    totals: Totals,
    old_words: list[list[WordPart]],
    new_words: list[list[WordPart]],
    dirty_old: list[int],
    dirty_new: list[int],
    old_of: dict[int, int],
    n_old: int,
) -> None:
    """Subtract the dirty files' old counts, add their new ones, and place first occurrences
    in the new file order (UNKNOWN where the first one was in a dirty file and the next is not
    known)."""
    index = {w: i for i, w in enumerate(totals.forms)}
    counts = totals.counts
    for parts in old_words:
        for cap, cap_n, low, low_n in parts:
            for word, n in zip(cap, cap_n.tolist(), strict=True):
                i = index.get(word)
                if i is None:
                    raise _NoFit
                counts[i] -= n
            lows = totals.lows
            for word, n in zip(low, low_n.tolist(), strict=True):
                lows[word] = lows.get(word, 0) - n
    clean_counts = counts.copy()
    # Where each old file now is (-1: dirty), and the first clean file after each old file.
    new_pos = np.full(n_old + 1, -1, dtype=np.int64)
    for i, j in old_of.items():
        new_pos[j] = i
    dirty_set = set(dirty_old)
    for j in dirty_set:
        new_pos[j] = -1
    after = np.full(n_old + 1, np.iinfo(np.int64).max >> _RANK_BITS, dtype=np.int64)
    for j in range(n_old - 1, -1, -1):
        after[j] = new_pos[j + 1] if new_pos[j + 1] >= 0 else after[j + 1]
    # First occurrences among the dirty files (in corpus order), and their counts.
    added = [w for parts in new_words for cap, _, _, _ in parts for w in cap if w not in index]
    added = list(dict.fromkeys(added))
    if added:
        index.update((w, len(totals.forms) + k) for k, w in enumerate(added))
        totals.forms.extend(added)
        zeros = np.zeros(len(added), dtype=np.int64)
        counts = np.concatenate([counts, zeros])
        clean_counts = np.concatenate([clean_counts, zeros])
        totals.first = np.concatenate([totals.first, zeros + UNKNOWN])
    dirty_first: dict[str, int] = {}
    rank = 0
    for i, parts in zip(dirty_new, new_words, strict=True):
        for cap, cap_n, low, low_n in parts:
            for word, n in zip(cap, cap_n.tolist(), strict=True):
                if word not in dirty_first:
                    dirty_first[word] = (i << _RANK_BITS) | rank
                    rank += 1
                counts[index[word]] += n
            lows = totals.lows
            for word, n in zip(low, low_n.tolist(), strict=True):
                lows[word] = lows.get(word, 0) + n
    first = totals.first
    known = first >= 0
    first_file = np.where(known, first >> _RANK_BITS, n_old)
    r = first & ((1 << _RANK_BITS) - 1)
    j_pos = new_pos[np.minimum(first_file, n_old)]
    clean_known = known & (j_pos >= 0) & (clean_counts > 0)
    big = np.iinfo(np.int64).max
    cpos = np.where(clean_known, (j_pos << _RANK_BITS) | r, big)
    dpos = np.full(first.shape[0], big, dtype=np.int64)
    for word, pos in dirty_first.items():
        dpos[index[word]] = pos
    result = np.minimum(cpos, dpos)
    unsure = (clean_counts > 0) & ~clean_known
    bound = np.where(known, after[np.minimum(first_file, n_old)], -1)
    dirty_before = (dpos != big) & ((dpos >> _RANK_BITS) < bound)
    result = np.where(unsure & ~dirty_before, UNKNOWN, result)
    alive = counts > 0
    totals.forms = [w for w, a in zip(totals.forms, alive.tolist(), strict=True) if a]
    totals.counts = counts[alive]
    totals.first = result[alive]
    totals.lows = {w: n for w, n in totals.lows.items() if n > 0}


def _scan_first(
    totals: Totals,
    involved: set[int],
    states: Sequence[FileState],
    dirty_rank: dict[int, int],
    new_words: list[list[WordPart]],
    old_of: dict[int, int],
    base: _Base,
    store: Path,
    old_ids: list[str],
    cum_art: np.ndarray,
    shadow: dict[int, list[str]],
) -> dict[int, int]:
    """Exact first occurrences (file << 32 | rank in that file) of some forms, by reading the
    files' word counts in corpus order until every one is found."""
    wanted = {totals.forms[i]: i for i in involved}
    out: dict[int, int] = {}
    for f in range(len(states)):
        if f in dirty_rank:
            parts = new_words[dirty_rank[f]]
        else:
            j = old_of[f]
            stored = load_result(store, base.keys[j])
            if stored is None:
                raise _NoFit
            if j in shadow:
                kept = set(old_ids[int(cum_art[j]) : int(cum_art[j + 1])])
                keeps = _keeps_for(stored, kept)
            else:
                keeps = [np.ones(len(part_meta(p)["ids"]), dtype=bool) for p in stored]
            parts = word_parts(stored, keeps)
        rank = 0
        for cap, _, _, _ in parts:
            for word in cap:
                i = wanted.pop(word, None)
                if i is not None:
                    out[i] = (f << _RANK_BITS) | rank
                rank += 1
        if not wanted:
            break
    return out
