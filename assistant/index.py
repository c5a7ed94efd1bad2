"""BM25 passage index: rank-bm25's BM25Plus scores, computed from precomputed sparse weights.

Scoring model
-------------
The scores are those of ``rank_bm25.BM25Plus`` (rank-bm25 0.2.2) with the same ``k1``, ``b`` and
``delta``, bit for bit. BM25Plus was chosen over BM25Okapi on purpose:

* BM25Okapi's idf is ``log(N - df + 0.5) - log(df + 0.5)``. A term found in exactly half the
  documents gets ``log(1) = 0``: matching it adds nothing. Terms in more than half the documents
  have negative idf, which BM25Okapi floors at ``epsilon * average_idf``; on a small corpus that
  floor can exceed the idf of a term in just under half the documents, so a common term outweighs
  a rarer one.
* BM25Plus's idf is ``log((N + 1) / df)``, positive for every term that occurs (``df <= N``), and
  every matched term adds at least ``idf * delta``. Scores are never negative and a document
  containing a query term always scores above one that lacks it, all else equal.

rank-bm25's ``BM25Plus.get_scores`` adds ``idf * delta`` for every known query term to *every*
document, including documents without the term. That is a per-query constant for the documents that
lack a term, so it does not change the ranking; it is nevertheless reproduced here, so ``search``
returns exactly the ``get_scores`` values for the documents it returns.

Fast exact path
---------------
``build`` never goes through rank-bm25's constructor (a Python dict per document). It maps tokens
to integer ids, counts (term, document) pairs with numpy, and stores a CSC-style matrix: for term
``t`` the documents ``indices[indptr[t]:indptr[t + 1]]`` (ascending) that contain it and, in
``data``, each one's contribution::

    v = idf[t] * (delta + (tf * (k1 + 1)) / (k1 * (1 - b + b * doc_len[d] / avgdl) + tf))

evaluated in float64 with the same expression and operation order as ``get_scores``, with
``avgdl = total_tokens / N`` and ``idf = math.log((N + 1) / df)`` as rank-bm25 computes them. A
document without ``t`` gets ``const[t] = idf[t] * delta`` (``get_scores`` computes
``idf * (delta + 0.0 / positive)``, the same float). A query's candidates are the documents
containing at least one known query term; their scores start at 0.0 and get one contribution per
query term, in query order with duplicates kept, exactly like ``get_scores``. Unknown terms add
0.0 in ``get_scores`` and are skipped here. Candidates are gathered from the posting lists with
per-thread scratch arrays (a stamp per document and its slot in the candidate list) that are only
read and written at candidate positions, so no query touches documents outside its candidates.
Top-k is by (-score, document index): ``np.argpartition`` on the candidate scores, then every
candidate tied with the k-th score is sorted by document index.

Building is dominated by the one Python-level pass mapping tokens to ids (~13 s CPU for 23M tokens
on the 2-core dev machine); counting and ordering postings is numpy (one in-place sort of packed
int64 (term, doc, tf) codes).

The vocabulary is kept sorted as one UTF-8 blob with offsets plus a fixed-width ``S16`` prefix
array for ``np.searchsorted``: no Python dict is built when an index is restored, arrays can stay
memory-mapped, and a long token cannot inflate a fixed-width string array to ``width * V`` bytes.
"""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING, Protocol, overload

import numpy as np

if TYPE_CHECKING:  # annotations only; importing numpy.typing costs a one-question command ~3 ms
    import numpy.typing as npt

from assistant.memory import release_freed

FORMAT_VERSION = 1
PREFIX_BYTES = 16
_BUILD_CHUNK = 1 << 16  # documents whose tokens are counted together while building
_V_BLOCK = 1 << 20  # postings whose weights are computed together while building
_PACK_BITS = 63  # (term, doc, tf) packed into a non-negative int64 for sorting
_RELEASE_BYTES = 256 << 20  # freed posting parts handed back to the OS after this many bytes
# Query terms in more than this share of documents are "common": `search` first tries to rank
# without scanning their posting lists (exact, see `_search_pruned`).
PRUNE_SHARE = 0.02
PRUNE_TRIALS = 8
PRUNE_RETRY = 50

_REQUIRED: dict[str, tuple[str, int]] = {
    # name: (dtype kind and size, ndim)
    "bm25_meta": ("i8", 1),
    "bm25_params": ("f8", 1),
    "bm25_doc_len": ("i4", 1),
    "bm25_vocab_blob": ("u1", 1),
    "bm25_vocab_offsets": ("i8", 1),
    "bm25_vocab_prefix": ("S16", 1),
    "bm25_indptr": ("i8", 1),
    "bm25_indices": ("i4", 1),
    "bm25_data": ("f8", 1),
    "bm25_idf": ("f8", 1),
    "bm25_const": ("f8", 1),
}


def _packable(values: np.ndarray) -> np.ndarray:
    """`values` as given if its integer type converts to int64 without loss, else as int64."""
    array = np.asarray(values)
    if array.dtype.kind in "iu" and np.can_cast(array.dtype, np.int64):
        return array
    return array.astype(np.int64)


# Packing and unpacking are functions of their own so that no view of the key outlives them: a
# leftover view kept the whole key (8 bytes a posting) alive while the weights were made.


def _pack(
    key: np.ndarray,
    terms_parts: list[np.ndarray],
    docs_parts: list[np.ndarray],
    tf_parts: list[np.ndarray],
    doc_bits: int,
    tf_bits: int,
) -> None:
    """Fill `key` with (term, doc, tf) codes, emptying the lists (each part is released as
    soon as it is packed)."""
    o = 0
    freed = 0
    while terms_parts:
        tp, dp, fp = terms_parts.pop(), docs_parts.pop(), tf_parts.pop()
        block = key[o : o + tp.size]
        block[...] = tp
        block <<= doc_bits
        block |= dp
        block <<= tf_bits
        block |= fp
        o += tp.size
        freed += tp.nbytes + dp.nbytes + fp.nbytes
        if freed >= _RELEASE_BYTES:
            # The key's pages are touched as it fills; the parts' freed pages must go back as
            # it does, or both are resident at once.
            del tp, dp, fp, block
            release_freed()
            freed = 0


def _unpack(
    key: np.ndarray, indices: np.ndarray, tf: np.ndarray, doc_bits: int, tf_bits: int
) -> None:
    """Documents and frequencies out of sorted codes, a block at a time (`key` is overwritten)."""
    for s in range(0, key.size, _V_BLOCK):
        block = key[s : s + _V_BLOCK]
        tf[s : s + block.size] = block & ((1 << tf_bits) - 1)
        block >>= tf_bits
        indices[s : s + block.size] = block & ((1 << doc_bits) - 1)


def _check_params(k1: float, b: float, delta: float) -> None:
    if not k1 > 0:
        raise ValueError(f"k1 must be > 0, got {k1}")
    if not 0 <= b <= 1:
        raise ValueError(f"b must be in [0, 1], got {b}")
    if not delta >= 0:
        raise ValueError(f"delta must be >= 0, got {delta}")


def count_postings(
    tokens: np.ndarray, lens: np.ndarray, width: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(term ids, document indices from 0, term frequencies) of documents given as one flat array
    of term ids (`tokens`, each below `width`) and each document's length (`lens`); document-major,
    then by term id. int32 arrays."""
    if tokens.size == 0:
        empty = np.zeros(0, dtype=np.int32)
        return empty, empty.copy(), empty.copy()
    key = np.repeat(np.arange(len(lens), dtype=np.int64) * width, lens)
    key += tokens
    key.sort()  # document-major, then term
    first = np.empty(key.size, dtype=bool)
    first[0] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    del first
    tf = np.diff(starts, append=key.size).astype(np.int32)
    unique = key[starts]
    del key, starts
    return (unique % width).astype(np.int32), (unique // width).astype(np.int32), tf


class Retriever(Protocol):
    """What the engine and the answerer need from retrieval (BM25Index here; a client of a
    distributed engine such as OpenSearch could stand in, see docs/scaling.md).

    Documents are passages, identified by their index (passage id) in the engine's corpus.
    """

    @property
    def n_docs(self) -> int:
        """Number of documents (passages) indexed."""
        ...

    def doc_freq(self, term: str, /) -> int:
        """Number of documents containing the (stemmed) term, 0 if unknown."""
        ...

    def search(self, query_tokens: Sequence[str], /, k: int = 10) -> list[tuple[int, float]]:
        """Up to `k` (document index, score) pairs, best first."""
        ...


def _encode(term: str) -> bytes:
    # surrogatepass keeps byte order equal to code point order even for lone surrogates.
    return term.encode("utf-8", "surrogatepass")


# Terms whose ids a Vocabulary remembers (a few MB at most) before it starts again.
KNOWN_TERMS_LIMIT = 100_000


class Vocabulary(Sequence[str]):
    """The index's terms in sorted (UTF-8 byte) order; position = term id. Lookups are O(log V)."""

    def __init__(self, blob: np.ndarray, offsets: np.ndarray, prefix: np.ndarray) -> None:
        self._blob = blob
        self._offsets = offsets
        self._prefix = prefix
        # Term -> id of the terms looked up so far: questions ask for the same few words over
        # and over, and each search costs several numpy calls.
        self._known: dict[str, int] = {}

    def __len__(self) -> int:
        return int(self._prefix.shape[0])

    def _bytes(self, i: int) -> bytes:
        return bytes(self._blob[int(self._offsets[i]) : int(self._offsets[i + 1])])

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("vocabulary index out of range")
        return self._bytes(i).decode("utf-8", "surrogatepass")

    def __iter__(self) -> Iterator[str]:
        for i in range(len(self)):
            yield self._bytes(i).decode("utf-8", "surrogatepass")

    def __contains__(self, term: object) -> bool:
        return isinstance(term, str) and self.id_of(term) >= 0

    def id_of(self, term: str) -> int:
        """The term's id, or -1 if it is not in the vocabulary."""
        return self.ids_of([term])[0]

    def ids_of(self, terms: Sequence[str]) -> list[int]:
        """Ids of several terms at once (one vectorised search), -1 for unknown terms."""
        if not terms or len(self) == 0:
            return [-1] * len(terms)
        known = self._known
        out = [known.get(t, -2) for t in terms]
        if -2 in out:
            missing = list(dict.fromkeys(t for t, i in zip(terms, out, strict=True) if i == -2))
            found = dict(zip(missing, self._search_ids(missing), strict=True))
            if len(known) > KNOWN_TERMS_LIMIT:
                known.clear()
            known.update(found)
            out = [found[t] if i == -2 else i for t, i in zip(terms, out, strict=True)]
        return out

    def _search_ids(self, terms: list[str]) -> list[int]:
        keys = [_encode(t) for t in terms]
        starts = np.searchsorted(self._prefix, np.array(keys, dtype=f"S{PREFIX_BYTES}")).tolist()
        out = []
        for key, i in zip(keys, starts, strict=True):
            found = -1
            n = len(self)
            # `i` is the first term whose prefix is >= the key's; terms between it and the key
            # share the key's prefix, usually none or a few, so scan forward in sorted order.
            while i < n:
                candidate = self._bytes(i)
                if candidate >= key:
                    if candidate == key:
                        found = i
                    break
                i += 1
            out.append(found)
        return out


class _Scratch:
    """Per-thread marks and slots over all documents, written only at a query's candidates."""

    __slots__ = ("mark", "slot", "stamp")

    def __init__(self, n_docs: int) -> None:
        self.mark = np.zeros(n_docs, dtype=np.int32)  # calloc: pages are touched lazily
        self.slot = np.empty(n_docs, dtype=np.int32)
        self.stamp = 0

    def next_stamp(self) -> int:
        self.stamp += 1
        if self.stamp == np.iinfo(np.int32).max:
            self.mark.fill(0)
            self.stamp = 1
        return self.stamp


class BM25Index:
    """rank-bm25 BM25Plus scores from a CSC matrix of per-(term, document) contributions."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        """Use `build` or `from_arrays`; this takes already validated arrays."""
        meta = arrays["bm25_meta"]
        params = arrays["bm25_params"]
        self._n_docs = int(meta[1])
        self._total_tokens = int(meta[2])
        self.k1 = float(params[0])
        self.b = float(params[1])
        self.delta = float(params[2])
        self.avgdl = float(params[3])
        self._doc_len = arrays["bm25_doc_len"]
        self._indptr = arrays["bm25_indptr"]
        self._indices = arrays["bm25_indices"]
        self._data = arrays["bm25_data"]
        self._idf = arrays["bm25_idf"]
        self._const = arrays["bm25_const"]
        self._vocab = Vocabulary(
            arrays["bm25_vocab_blob"], arrays["bm25_vocab_offsets"], arrays["bm25_vocab_prefix"]
        )
        self._arrays = {name: arrays[name] for name in _REQUIRED}
        self._local = threading.local()
        self._maxdata: dict[int, float] = {}
        self._pruning: dict[int, list[int]] = {}
        # Term frequencies in `indices` order, when known (see `from_csr`).
        self.tf: np.ndarray | None = arrays.get("bm25_tf")

    # ------------------------------------------------------------------ building

    @classmethod
    def build(
        cls,
        docs: Sequence[Sequence[str]],
        k1: float = 1.5,
        b: float = 0.75,
        delta: float = 1.0,
    ) -> BM25Index:
        """Index token lists; document i of `docs` is document index i in results."""
        _check_params(k1, b, delta)
        n = len(docs)
        if n >= 2**31:
            raise ValueError("too many documents for int32 document indices")
        doc_len = np.fromiter(map(len, docs), dtype=np.int64, count=n)

        # Token -> id in first-seen order; the defaultdict hands out len(ids) to each new token,
        # so mapping a chunk's tokens is one C-level pass.
        ids: defaultdict[str, int] = defaultdict()
        ids.default_factory = ids.__len__
        lookup = ids.__getitem__
        terms_parts: list[np.ndarray] = []
        docs_parts: list[np.ndarray] = []
        tf_parts: list[np.ndarray] = []
        it = iter(docs)
        for start in range(0, n, _BUILD_CHUNK):
            chunk = list(islice(it, _BUILD_CHUNK))
            lens = doc_len[start : start + len(chunk)]
            total = int(lens.sum())
            if total == 0:
                continue
            tokens = np.fromiter(
                map(lookup, chain.from_iterable(chunk)), dtype=np.int64, count=total
            )
            terms, doc, tf = count_postings(tokens, lens, len(ids))
            del tokens
            docs_parts.append(doc + start)
            terms_parts.append(terms)
            tf_parts.append(tf)
        encoded = [_encode(t) for t in ids]
        del ids, lookup
        return cls._assemble(n, doc_len, encoded, terms_parts, docs_parts, tf_parts, k1, b, delta)

    @classmethod
    def from_postings(
        cls,
        doc_len: np.ndarray,
        terms: Sequence[str],
        postings: list[tuple[np.ndarray, np.ndarray, np.ndarray]],
        k1: float = 1.5,
        b: float = 0.75,
        delta: float = 1.0,
    ) -> BM25Index:
        """The index `build` makes, from already counted postings.

        `doc_len[d]` is document d's token count; `terms[t]` is term id t's text; each element of
        `postings` is (term ids, document indices, term frequencies) as int arrays, any order,
        each (term, document) pair at most once over all of them. ``from_postings`` of the counts
        of `docs` equals ``build(docs)`` exactly (same arrays), whatever the term id order.
        The list is emptied and its arrays may be modified in place (so memory is released as
        soon as possible).
        """
        _check_params(k1, b, delta)
        doc_len = np.asarray(doc_len, dtype=np.int64)
        n = int(doc_len.shape[0])
        if n >= 2**31:
            raise ValueError("too many documents for int32 document indices")
        terms_parts = [np.asarray(p[0], dtype=np.int32) for p in postings if len(p[0])]
        docs_parts = [np.asarray(p[1], dtype=np.int32) for p in postings if len(p[0])]
        # Frequencies keep their (usually uint16) type: an int32 copy of them all cost 4 bytes a
        # posting at the build's peak. Packing only needs a type that fits in int64.
        tf_parts = [_packable(p[2]) for p in postings if len(p[0])]
        postings.clear()
        # build's vocabulary holds only terms that occur: drop terms without postings.
        used = np.zeros(len(terms), dtype=bool)
        for part in terms_parts:
            used[part] = True
        if used.all():
            encoded = [_encode(t) for t in terms]
        else:
            keep = np.flatnonzero(used)
            encoded = [_encode(terms[i]) for i in keep.tolist()]
            new_id = np.cumsum(used, dtype=np.int64).astype(np.int32) - 1
            terms_parts = [new_id[part] for part in terms_parts]
        return cls._assemble(n, doc_len, encoded, terms_parts, docs_parts, tf_parts, k1, b, delta)

    @classmethod
    def _assemble(
        cls,
        n: int,
        doc_len: np.ndarray,
        encoded: list[bytes],
        terms_parts: list[np.ndarray],
        docs_parts: list[np.ndarray],
        tf_parts: list[np.ndarray],
        k1: float,
        b: float,
        delta: float,
    ) -> BM25Index:
        """Arrays from (term id, doc, tf) postings: every term of `encoded` has a posting,
        (term, doc) pairs are unique; the parts are modified in place."""
        # Term ids in sorted byte order, so restored indexes can binary-search the vocabulary.
        n_terms = len(encoded)
        order = sorted(range(n_terms), key=encoded.__getitem__)
        rank = np.empty(n_terms, dtype=np.int32)
        rank[np.asarray(order, dtype=np.int64)] = np.arange(n_terms, dtype=np.int32)
        sorted_terms = [encoded[i] for i in order]
        del encoded, order

        # Postings are document-major; reorder them term-major, documents ascending in each term.
        # Packing (term, doc, tf) into one int64 and sorting in place is ~5x faster than an
        # argsort of the terms (numpy's SIMD sort); the argsort is the fallback for huge inputs.
        n_post = sum(part.size for part in tf_parts)
        df = np.zeros(n_terms, dtype=np.int64)
        max_tf = 0
        for tp, fp in zip(terms_parts, tf_parts, strict=True):
            tp[...] = rank[tp]
            df += np.bincount(tp, minlength=n_terms)
            max_tf = max(max_tf, int(fp.max()))
        del rank
        doc_bits = max(1, (n - 1).bit_length())
        tf_bits = max(1, max_tf.bit_length())
        term_bits = max(1, (n_terms - 1).bit_length())
        indices = np.empty(n_post, dtype=np.int32)
        # The type the index keeps them in (see from_csr), so that no second copy is made there.
        tf = np.empty(n_post, dtype=np.uint16 if max_tf < 65536 else np.int32)
        if term_bits + doc_bits + tf_bits <= _PACK_BITS:
            key = np.empty(n_post, dtype=np.int64)
            _pack(key, terms_parts, docs_parts, tf_parts, doc_bits, tf_bits)
            del terms_parts, docs_parts, tf_parts
            # The parts were many small arrays: hand their pages back before the next big ones.
            release_freed()
            key.sort()
            _unpack(key, indices, tf, doc_bits, tf_bits)
            del key
        else:  # more than 2**63 (term, doc, tf) codes: argsort instead
            perm = np.argsort(np.concatenate(terms_parts), kind="stable")
            indices[...] = np.concatenate(docs_parts)[perm]
            tf[...] = np.concatenate(tf_parts)[perm]
            del terms_parts, docs_parts, tf_parts, perm
        indptr = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(df, out=indptr[1:])
        lengths = np.fromiter(map(len, sorted_terms), dtype=np.int64, count=n_terms)
        offsets = np.zeros(n_terms + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        blob = np.frombuffer(b"".join(sorted_terms), dtype=np.uint8).copy()
        prefix = np.array(sorted_terms, dtype=f"S{PREFIX_BYTES}").reshape(n_terms)
        del sorted_terms
        return cls.from_csr(doc_len, (blob, offsets, prefix), indptr, indices, tf, k1, b, delta)

    @classmethod
    def from_csr(
        cls,
        doc_len: np.ndarray,
        vocab: tuple[np.ndarray, np.ndarray, np.ndarray],
        indptr: np.ndarray,
        indices: np.ndarray,
        tf: np.ndarray,
        k1: float = 1.5,
        b: float = 0.75,
        delta: float = 1.0,
    ) -> BM25Index:
        """The index from term-major postings: `vocab` is (blob, offsets, prefix) of the sorted
        terms, term t's documents are ``indices[indptr[t]:indptr[t + 1]]`` (ascending) with
        frequencies `tf`, every term has a posting. The weights are computed here, from the
        counts, exactly as `build` computes them; an incremental update (assistant/incremental.py)
        splices counts and comes back here, so its index equals a full build's bit for bit."""
        _check_params(k1, b, delta)
        doc_len = np.asarray(doc_len, dtype=np.int64)
        n = int(doc_len.shape[0])
        n_terms = int(indptr.shape[0]) - 1
        n_post = int(indices.shape[0])
        df = np.diff(indptr)
        total_tokens = int(doc_len.sum())
        avgdl = total_tokens / n if n else 0.0  # rank-bm25: num_doc / corpus_size
        # rank-bm25 BM25Plus._calc_idf: math.log((corpus_size + 1) / freq); one log per distinct df.
        distinct, inverse = np.unique(df, return_inverse=True)
        logs = np.array([math.log((n + 1) / int(d)) for d in distinct.tolist()], dtype=np.float64)
        idf = logs[inverse] if n_terms else np.zeros(0, dtype=np.float64)
        # get_scores for a document without the term: idf * (delta + 0.0 / positive).
        const = idf * (delta + 0.0)

        data = np.empty(n_post, dtype=np.float64)
        if n_post:
            # Per document, get_scores' `self.k1 * (1 - self.b + self.b * doc_len / self.avgdl)`.
            norm = k1 * (1 - b + b * doc_len / avgdl)
            for s in range(0, n_post, _V_BLOCK):
                e = min(s + _V_BLOCK, n_post)
                q_freq = tf[s:e].astype(np.float64)
                denom = np.take(norm, indices[s:e].astype(np.int64))  # faster than norm[int32]
                denom += q_freq  # k1 * (...) + q_freq
                q_freq *= k1 + 1  # q_freq * (k1 + 1)
                q_freq /= denom
                q_freq += delta  # delta + ... (IEEE addition is commutative)
                # Each posting's term idf: the block's terms repeated by their postings in it.
                first = int(np.searchsorted(indptr, s, side="right")) - 1
                last = int(np.searchsorted(indptr, e, side="left"))
                spans = np.clip(indptr[first : last + 1], s, e)
                q_freq *= np.repeat(idf[first:last], np.diff(spans))  # idf * (...)
                data[s:e] = q_freq

        blob, offsets, prefix = vocab
        arrays: dict[str, np.ndarray] = {
            "bm25_meta": np.array(
                [FORMAT_VERSION, n, total_tokens, n_terms, n_post], dtype=np.int64
            ),
            "bm25_params": np.array([k1, b, delta, avgdl], dtype=np.float64),
            "bm25_doc_len": doc_len.astype(np.int32),
            "bm25_vocab_blob": blob,
            "bm25_vocab_offsets": offsets,
            "bm25_vocab_prefix": prefix,
            "bm25_indptr": np.asarray(indptr, dtype=np.int64),
            "bm25_indices": np.asarray(indices, dtype=np.int32),
            "bm25_data": data,
            "bm25_idf": idf,
            "bm25_const": const,
        }
        index = cls(arrays)
        # The counts behind `data`: not needed to search, kept so that the cache entry can be
        # updated incrementally (they are saved beside the index as `bm25_tf`).
        if tf.dtype != np.uint16:
            small = int(tf.max(initial=0)) < 65536
            tf = tf.astype(np.uint16 if small else np.int32, copy=False)
        index.tf = tf
        return index

    # ------------------------------------------------------------------ restoring

    def to_arrays(self) -> dict[str, np.ndarray]:
        """Plain numeric and fixed-width bytes arrays (no object arrays) that `from_arrays` takes."""
        return dict(self._arrays)

    @classmethod
    def from_arrays(cls, arrays: Mapping[str, np.ndarray]) -> BM25Index:
        """Restore an index; arrays may be read-only memory maps. ValueError if inconsistent.

        Keys other than the index's own (all prefixed ``bm25_``) are ignored, so callers can keep
        their own arrays in the same mapping.
        """
        missing = sorted(set(_REQUIRED) - set(arrays))
        if missing:
            raise ValueError(f"index arrays missing: {', '.join(missing)}")
        for name, (dtype, ndim) in _REQUIRED.items():
            array = arrays[name]
            if array.dtype != np.dtype(dtype) or array.ndim != ndim:
                raise ValueError(
                    f"index array {name!r}: expected {ndim}-d {np.dtype(dtype)}, "
                    f"got {array.ndim}-d {array.dtype}"
                )
        meta = arrays["bm25_meta"]
        if meta.shape[0] != 5 or int(meta[0]) != FORMAT_VERSION:
            raise ValueError(f"index arrays: format {meta[:1].tolist()}, expected {FORMAT_VERSION}")
        n, _, n_terms, n_post = (int(x) for x in meta[1:])
        sizes = {
            "bm25_params": 4,
            "bm25_doc_len": n,
            "bm25_vocab_offsets": n_terms + 1,
            "bm25_vocab_prefix": n_terms,
            "bm25_indptr": n_terms + 1,
            "bm25_indices": n_post,
            "bm25_data": n_post,
            "bm25_idf": n_terms,
            "bm25_const": n_terms,
        }
        for name, size in sizes.items():
            if arrays[name].shape[0] != size:
                raise ValueError(f"index array {name!r}: length {arrays[name].shape[0]} != {size}")
        if int(arrays["bm25_indptr"][-1]) != n_post or int(arrays["bm25_vocab_offsets"][-1]) != int(
            arrays["bm25_vocab_blob"].shape[0]
        ):
            raise ValueError("index arrays: offsets do not match the data they index")
        return cls(arrays)

    # ------------------------------------------------------------------ queries

    @property
    def n_docs(self) -> int:
        return self._n_docs

    @property
    def vocabulary(self) -> Vocabulary:
        return self._vocab

    def doc_freq(self, term: str) -> int:
        """Number of documents containing `term` (0 if unknown)."""
        t = self._vocab.id_of(term)
        return int(self._indptr[t + 1] - self._indptr[t]) if t >= 0 else 0

    def docs_with(self, term: str) -> np.ndarray:
        """Ids of the documents containing `term`, ascending (empty if unknown)."""
        t = self._vocab.id_of(term)
        if t < 0:
            return np.zeros(0, dtype=np.int64)
        return np.asarray(self._indices[int(self._indptr[t]) : int(self._indptr[t + 1])])

    def idf(self, term: str) -> float:
        """The term's BM25Plus idf, 0.0 if unknown (as get_scores uses it)."""
        t = self._vocab.id_of(term)
        return float(self._idf[t]) if t >= 0 else 0.0

    def _candidates(
        self, known: list[int], spans: dict[int, tuple[int, int]]
    ) -> tuple[np.ndarray, np.ndarray]:
        """Documents containing any of the terms (unsorted) and the slot array mapping a candidate
        document to its position; only positions of this query's candidates are meaningful."""
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = _Scratch(self._n_docs)
        stamp = scratch.next_stamp()
        mark, slot, indices = scratch.mark, scratch.slot, self._indices
        parts = []
        m = 0
        # Largest posting list first: all of its documents are new, so no membership test.
        for i, t in enumerate(sorted(known, key=lambda t: spans[t][0] - spans[t][1])):
            s, e = spans[t]
            segment = indices[s:e]
            new = segment if i == 0 else segment[mark[segment] != stamp]
            if new.size:
                mark[new] = stamp
                slot[new] = np.arange(m, m + new.size, dtype=np.int32)
                m += new.size
                parts.append(new)
        return np.concatenate(parts), slot

    def _max_contribution(self, t: int) -> float:
        """The largest contribution of term t to any document (data > const always)."""
        found = self._maxdata.get(t)
        if found is None:
            s, e = int(self._indptr[t]), int(self._indptr[t + 1])
            found = self._maxdata[t] = float(np.max(self._data[s:e]))
        return found

    def _pruning_pays(self, k: int) -> bool:
        """Whether to try `_search_pruned` for a top `k`: it proves its result for most short
        lists but seldom for long ones (6 of 102 questions for the answerer's 200), and a try
        that fails costs a third of a search. Either way the result is the same; after
        PRUNE_TRIALS tries for this k, it is tried only while it succeeds at least a quarter of
        the time, and once in PRUNE_RETRY searches otherwise, so a change of queries is seen."""
        record = self._pruning.setdefault(k, [0, 0, 0])  # tries, successes, skipped
        tries, successes, _ = record
        if tries < PRUNE_TRIALS or successes * 4 >= tries:
            return True
        record[2] += 1
        return record[2] % PRUNE_RETRY == 0

    def _search_pruned(
        self,
        term_ids: list[int],
        known: list[int],
        common: set[int],
        spans: dict[int, tuple[int, int]],
        k: int,
    ) -> list[tuple[int, float]] | None:
        """`search` without scanning the posting lists of very common terms, when provably
        exact; None when it cannot prove that (the caller then scores every candidate).

        Candidates are the documents with a rarer query term; the common terms' contributions
        to them come from binary searches in the common lists. A document with only common terms
        scores at most the sum of the common terms' largest contributions plus the rarer terms'
        constants; if that bound is below the k-th best candidate score, no such document can
        enter the top k (ties included), so the top k are among the candidates, with exactly
        the scores (same values, same order of addition) the full computation gives.
        """
        rare = [t for t in known if t not in common]
        candidates, slot = self._candidates(rare, spans)
        m = candidates.size
        if m < k:
            return None
        indices, data, const = self._indices, self._data, self._const
        bound = 0.0
        for t in term_ids:
            if t >= 0:
                bound += self._max_contribution(t) if t in common else float(const[t])
        scores = np.zeros(m, dtype=np.float64)
        contributions: dict[int, npt.NDArray[np.float64]] = {}
        for t in term_ids:
            if t < 0:
                continue
            contribution = contributions.get(t)
            if contribution is None:
                s, e = spans[t]
                contribution = np.full(m, const[t], dtype=np.float64)
                if t in common:
                    postings = indices[s:e]
                    at = np.searchsorted(postings, candidates)
                    np.minimum(at, e - s - 1, out=at)
                    has = postings[at] == candidates
                    contribution[has] = data[s + at[has]]
                else:
                    contribution[slot[indices[s:e]]] = data[s:e]
                contributions[t] = contribution
            scores += contribution
        kth = float(np.partition(scores, m - k)[m - k]) if m > k else float(scores.min())
        if not bound * (1 + 1e-9) + 1e-12 < kth:
            return None
        part = np.argpartition(scores, m - k) if m > k else np.arange(m)
        threshold = scores[part[m - k]] if m > k else scores.min()
        chosen = np.flatnonzero(scores >= threshold)
        chosen_docs = candidates[chosen]
        chosen_scores = scores[chosen]
        order = np.lexsort((chosen_docs, -chosen_scores))[:k]
        return list(zip(chosen_docs[order].tolist(), chosen_scores[order].tolist(), strict=True))

    def search(self, query: Sequence[str], k: int = 10) -> list[tuple[int, float]]:
        """Top `k` (document index, score) among documents containing a query term.

        Scores equal ``rank_bm25.BM25Plus(docs, k1, b, delta).get_scores(query)`` exactly; ties
        are broken by ascending document index.
        """
        if k <= 0 or not query or self._n_docs == 0:
            return []
        term_ids = self._vocab.ids_of(list(query))
        known = sorted({t for t in term_ids if t >= 0})
        if not known:
            return []
        indptr, indices, data = self._indptr, self._indices, self._data
        spans = {t: (int(indptr[t]), int(indptr[t + 1])) for t in known}
        if len(known) > 1:
            common = [t for t in known if spans[t][1] - spans[t][0] > self._n_docs * PRUNE_SHARE]
            if common and len(common) < len(known) and self._pruning_pays(k):
                pruned = self._search_pruned(term_ids, known, set(common), spans, k)
                record = self._pruning[k]
                record[0] += 1
                if pruned is not None:
                    record[1] += 1
                    return pruned
        scores: npt.NDArray[np.float64]
        if len(known) == 1:
            # Every candidate contains the one term: its contributions are the scores' addends.
            s, e = spans[known[0]]
            candidates = np.asarray(indices[s:e])
            m = candidates.size
            scores = np.zeros(m, dtype=np.float64)
            for _ in range(sum(1 for t in term_ids if t >= 0)):
                scores += data[s:e]
        else:
            candidates, slot = self._candidates(known, spans)
            m = candidates.size
            scores = np.zeros(m, dtype=np.float64)
            contributions: dict[int, npt.NDArray[np.float64]] = {}
            for t in term_ids:
                if t < 0:
                    continue  # get_scores adds 0 * (...) = 0.0 for an unknown term
                contribution = contributions.get(t)
                if contribution is None:
                    s, e = spans[t]
                    contribution = np.full(m, self._const[t], dtype=np.float64)
                    contribution[slot[indices[s:e]]] = data[s:e]
                    contributions[t] = contribution
                scores += contribution
        if m > k:
            part = np.argpartition(scores, m - k)
            threshold = scores[part[m - k]]
            chosen = np.flatnonzero(scores >= threshold)  # keeps every tie at the boundary
        else:
            chosen = np.arange(m)
        chosen_docs = candidates[chosen]
        chosen_scores = scores[chosen]
        order = np.lexsort((chosen_docs, -chosen_scores))[:k]
        return list(zip(chosen_docs[order].tolist(), chosen_scores[order].tolist(), strict=True))
