"""BM25Index: exact agreement with rank_bm25.BM25Plus, the variant choice, restoring, edge cases."""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence

import numpy as np
import pytest
import rank_bm25

from assistant import index as index_module
from assistant.config import Settings
from assistant.index import BM25Index, Retriever


def zipf_corpus(
    seed: int, n_docs: int, n_words: int = 2500
) -> tuple[list[list[str]], list[str], np.ndarray]:
    rng = np.random.default_rng(seed)
    words = [f"w{i}" for i in range(n_words)]
    p = 1.0 / (np.arange(n_words) + 2.7) ** 1.05
    p /= p.sum()
    lengths = rng.integers(3, 40, size=n_docs)
    lengths[rng.choice(n_docs, size=5, replace=False)] = 0  # a few empty passages
    docs = [[words[t] for t in rng.choice(n_words, size=int(n), p=p)] for n in lengths]
    return docs, words, p


def make_queries(seed: int, words: list[str], p: np.ndarray, n: int = 100) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    queries: list[list[str]] = []
    for i in range(n):
        q = [words[t] for t in rng.choice(len(words), size=int(rng.integers(1, 7)), p=p)]
        if i % 5 == 0:
            q.append(q[0])  # duplicate term
        if i % 7 == 0:
            q.insert(int(rng.integers(0, len(q) + 1)), f"unknown{i}")
        if i % 11 == 0:
            q = [words[int(rng.integers(len(words) // 2, len(words)))]]  # one rare term
        queries.append(q)
    queries.append(["nope", "nothing"])  # only unknown terms
    queries.append([words[0], words[0], words[0]])  # one very common term, repeated
    return queries


def reference(
    bm: rank_bm25.BM25Plus, doc_sets: list[set[str]], query: Sequence[str], k: int
) -> list[tuple[int, float]]:
    """rank-bm25's scores, top-k among documents containing a query term, ties by doc id."""
    # With b = 1 an empty document's length norm is 0/0: NaN, but it is never a candidate.
    with np.errstate(invalid="ignore"):
        scores = bm.get_scores(query)
    wanted = set(query)
    candidates = [d for d, terms in enumerate(doc_sets) if terms & wanted]
    ranked = sorted(candidates, key=lambda d: (-scores[d], d))[:k]
    return [(d, float(scores[d])) for d in ranked]


@pytest.fixture(scope="module")
def corpus() -> tuple[list[list[str]], list[list[str]]]:
    docs, words, p = zipf_corpus(seed=7, n_docs=3000)
    return docs, make_queries(seed=8, words=words, p=p)


@pytest.mark.parametrize(
    ("k1", "b", "delta"),
    [
        (Settings().bm25_k1, Settings().bm25_b, Settings().bm25_delta),
        (1.2, 0.5, 0.5),
        (2.0, 1.0, 0.0),
    ],
)
def test_top10_equals_rank_bm25_bm25plus_exactly(
    corpus: tuple[list[list[str]], list[list[str]]], k1: float, b: float, delta: float
) -> None:
    docs, queries = corpus
    bm = rank_bm25.BM25Plus(docs, k1=k1, b=b, delta=delta)
    index = BM25Index.build(docs, k1=k1, b=b, delta=delta)
    doc_sets = [set(d) for d in docs]
    non_empty = 0
    for query in queries:
        expected = reference(bm, doc_sets, query, 10)
        got = index.search(query, k=10)
        assert got == expected, query  # ids and float scores, compared with ==
        non_empty += bool(got)
    assert non_empty >= 90


def test_every_candidate_score_is_exact(corpus: tuple[list[list[str]], list[list[str]]]) -> None:
    docs, queries = corpus
    bm = rank_bm25.BM25Plus(docs, k1=1.5, b=0.75, delta=1.0)
    index = BM25Index.build(docs, k1=1.5, b=0.75, delta=1.0)
    doc_sets = [set(d) for d in docs]
    for query in queries[:25]:
        assert index.search(query, k=len(docs)) == reference(bm, doc_sets, query, len(docs))


def test_ties_are_broken_by_document_index() -> None:
    docs = [["b"], ["a", "x"], ["a", "x"], ["c"], ["a", "x"]]
    hits = BM25Index.build(docs).search(["a"], k=2)
    assert [d for d, _ in hits] == [1, 2]
    assert hits[0][1] == hits[1][1]


def test_bm25okapi_zero_idf_at_half_but_bm25plus_positive() -> None:
    # "cat" is in exactly half of the documents.
    docs = [["cat", "sat"], ["cat", "ran"], ["dog", "sat"], ["fish", "ran"]]
    okapi = rank_bm25.BM25Okapi(docs)
    assert okapi.idf["cat"] == 0.0
    assert okapi.get_scores(["cat"]).tolist() == [0.0, 0.0, 0.0, 0.0]

    index = BM25Index.build(docs)
    assert index.idf("cat") > 0
    hits = index.search(["cat"])
    assert [d for d, _ in hits] == [0, 1]
    assert all(score > 0 for _, score in hits)
    # With rank-bm25's BM25Plus too, a document containing it beats one without it.
    plus = rank_bm25.BM25Plus(docs).get_scores(["cat"])
    assert plus[0] > plus[2] and plus[0] > plus[3]
    assert (plus >= 0).all()


def test_bm25okapi_floor_lets_a_common_term_outweigh_a_rarer_one() -> None:
    # 10 documents of 3 tokens: "common" in 9 of them, "rarer" in 4, unique fillers elsewhere.
    docs = []
    for i in range(10):
        doc = (["common"] if i < 9 else []) + (["rarer"] if i >= 6 else [])
        doc += [f"filler{i}_{j}" for j in range(3 - len(doc))]
        docs.append(doc)
    query = ["common", "rarer"]
    okapi = rank_bm25.BM25Okapi(docs)
    assert okapi.idf["common"] > okapi.idf["rarer"] > 0  # the epsilon floor wins
    okapi_scores = okapi.get_scores(query)
    assert okapi_scores[0] > okapi_scores[9]  # "common" only beats "rarer" only

    index = BM25Index.build(docs)
    assert index.idf("rarer") > index.idf("common") > 0
    ranked = [d for d, _ in index.search(query, k=10)]
    assert ranked.index(9) < ranked.index(0)
    assert all(score > 0 for _, score in index.search(query, k=10))


def test_scores_never_negative(corpus: tuple[list[list[str]], list[list[str]]]) -> None:
    docs, queries = corpus
    index = BM25Index.build(docs)
    for query in queries:
        assert all(score > 0 for _, score in index.search(query, k=50))


def test_round_trip_through_arrays_and_npy_files(
    corpus: tuple[list[list[str]], list[list[str]]], tmp_path: object
) -> None:
    docs, queries = corpus
    index = BM25Index.build(docs)
    arrays = index.to_arrays()
    for name, array in arrays.items():
        assert isinstance(array, np.ndarray), name
        assert not array.dtype.hasobject, name
    same = BM25Index.from_arrays(arrays)
    # Through .npy bytes without pickle, and as read-only memory maps.
    reloaded = {}
    mapped = {}
    for name, array in arrays.items():
        buffer = io.BytesIO()
        np.save(buffer, array, allow_pickle=False)
        buffer.seek(0)
        reloaded[name] = np.load(buffer, allow_pickle=False)
        path = f"{tmp_path}/{name}.npy"
        np.save(path, array, allow_pickle=False)
        mapped[name] = np.load(path, mmap_mode="r", allow_pickle=False)
    restored = BM25Index.from_arrays(reloaded)
    memmapped = BM25Index.from_arrays(mapped)
    for query in queries:
        expected = index.search(query)
        assert same.search(query) == expected
        assert restored.search(query) == expected
        assert memmapped.search(query) == expected
    assert restored.n_docs == index.n_docs == len(docs)
    assert list(restored.vocabulary) == list(index.vocabulary)


def test_from_arrays_rejects_inconsistent_arrays() -> None:
    arrays = BM25Index.build([["a", "b"], ["b"]]).to_arrays()
    with pytest.raises(ValueError, match="missing"):
        BM25Index.from_arrays({k: v for k, v in arrays.items() if k != "bm25_data"})
    with pytest.raises(ValueError, match="bm25_data"):
        BM25Index.from_arrays({**arrays, "bm25_data": arrays["bm25_data"][:-1]})
    with pytest.raises(ValueError, match="bm25_indices"):
        BM25Index.from_arrays({**arrays, "bm25_indices": arrays["bm25_indices"].astype(np.int64)})
    with pytest.raises(ValueError, match="format"):
        BM25Index.from_arrays({**arrays, "bm25_meta": np.array([99, 2, 3, 2, 3], dtype=np.int64)})


def test_from_arrays_ignores_other_arrays_in_the_mapping() -> None:
    index = BM25Index.build([["a", "b"], ["b"]])
    arrays = index.to_arrays()
    assert all(name.startswith("bm25_") for name in arrays)
    restored = BM25Index.from_arrays({**arrays, "passage_cols": np.zeros((2, 6), dtype=np.int64)})
    assert restored.to_arrays().keys() == arrays.keys()
    assert restored.search(["b", "a"]) == index.search(["b", "a"])


def test_empty_and_unknown_queries() -> None:
    index = BM25Index.build([["a", "b"], ["c"]])
    assert index.search([]) == []
    assert index.search(["zzz", "yyy"]) == []
    assert index.search(["a"], k=0) == []
    assert index.search(["a", "zzz"]) == index.search(["a"])
    hits = index.search(["a", "c"], k=100)  # fewer candidates than k
    assert sorted(d for d, _ in hits) == [0, 1]


def test_empty_corpus_and_corpus_of_empty_documents() -> None:
    corpora: list[list[list[str]]] = [[], [[], []]]
    for docs in corpora:
        index = BM25Index.build(docs)
        assert index.n_docs == len(docs)
        assert len(index.vocabulary) == 0
        assert index.search(["a"]) == []
        assert index.doc_freq("a") == 0
        restored = BM25Index.from_arrays(index.to_arrays())
        assert restored.search(["a"]) == []
        assert restored.n_docs == len(docs)


def test_vocabulary_and_doc_freq_with_awkward_terms() -> None:
    long_a = "x" * 40 + "a"
    long_b = "x" * 40 + "b"
    docs = [[long_a, "é", "a\x00"], [long_b, "a"], [long_a, "日本", "a"], ["\ud800"]]
    index = BM25Index.build(docs)
    vocabulary = index.vocabulary
    assert list(vocabulary) == sorted(vocabulary, key=lambda t: t.encode("utf-8", "surrogatepass"))
    assert len(vocabulary) == 7
    for term, df in [(long_a, 2), (long_b, 1), ("x" * 40, 0), ("é", 1), ("a", 2), ("a\x00", 1)]:
        assert index.doc_freq(term) == df, term
        assert (term in vocabulary) == (df > 0)
    assert index.doc_freq("日本") == 1
    assert index.doc_freq("\ud800") == 1
    assert [d for d, _ in index.search([long_a])] == [0, 2]
    assert vocabulary[0] == vocabulary[-len(vocabulary)]
    with pytest.raises(IndexError):
        vocabulary[len(vocabulary)]


def test_vocabulary_ids_are_the_same_when_remembered(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [["peace", "talk"], ["talk", "summit"], ["summit", "envoy", "peace"]]
    vocabulary = BM25Index.build(docs).vocabulary
    terms = ["talk", "nowhere", "peace", "talk", "envoy", "nowhere"]
    first = vocabulary.ids_of(terms)
    assert [vocabulary[i] if i >= 0 else None for i in first] == [
        "talk", None, "peace", "talk", "envoy", None
    ]  # fmt: skip
    assert vocabulary.ids_of(terms) == first  # now every term is remembered
    # A full memory starts again without losing what is asked.
    monkeypatch.setattr(index_module, "KNOWN_TERMS_LIMIT", 1)
    assert vocabulary.ids_of(["summit", *terms]) == [vocabulary.id_of("summit"), *first]
    assert vocabulary.id_of("summit") == sorted({t for doc in docs for t in doc}).index("summit")


@pytest.mark.parametrize(
    "patch",
    [{"_PACK_BITS": 0}, {"_BUILD_CHUNK": 7, "_V_BLOCK": 100}],
    ids=["argsort-fallback", "small-chunks"],
)
def test_build_code_paths_give_the_same_arrays(
    corpus: tuple[list[list[str]], list[list[str]]],
    monkeypatch: pytest.MonkeyPatch,
    patch: dict[str, int],
) -> None:
    docs, _ = corpus
    packed = BM25Index.build(docs).to_arrays()
    for name, value in patch.items():
        monkeypatch.setattr(index_module, name, value)
    fallback = BM25Index.build(docs).to_arrays()
    assert packed.keys() == fallback.keys()
    for name in packed:
        assert np.array_equal(packed[name], fallback[name]), name


@pytest.mark.parametrize("tf_dtype", [np.uint16, np.int32, np.int64, np.uint64])
def test_from_postings_equals_build_whatever_the_frequency_type(
    corpus: tuple[list[list[str]], list[list[str]]], tf_dtype: type
) -> None:
    docs, _ = corpus
    built = BM25Index.build(docs)
    terms = sorted({t for d in docs for t in d}, reverse=True)  # any term id order will do
    term_id = {t: i for i, t in enumerate(terms)}
    postings = []
    for start in range(0, len(docs), 700):  # in parts, as the merge hands them over
        chunk = docs[start : start + 700]
        flat = np.array([term_id[t] for d in chunk for t in d], dtype=np.int64)
        lens = np.array([len(d) for d in chunk], dtype=np.int64)
        t, d, f = index_module.count_postings(flat, lens, len(terms))
        postings.append((t, d + start, f.astype(tf_dtype)))
    doc_len = np.array([len(d) for d in docs], dtype=np.int64)
    made = BM25Index.from_postings(doc_len, terms, postings)
    assert postings == []
    x, y = made.to_arrays(), built.to_arrays()
    for name in x:
        assert x[name].dtype == y[name].dtype and np.array_equal(x[name], y[name]), name
    assert made.tf is not None and built.tf is not None
    assert made.tf.dtype == built.tf.dtype == np.uint16
    assert np.array_equal(made.tf, built.tf)


def test_releasing_freed_memory_is_harmless() -> None:
    from assistant.memory import release_freed

    release_freed()
    release_freed()  # looked up once, callable again
    assert BM25Index.build([["a", "b"], ["b"]]).search(["b"], 2)


def test_bad_parameters_are_rejected() -> None:
    with pytest.raises(ValueError, match="k1"):
        BM25Index.build([["a"]], k1=0)
    with pytest.raises(ValueError, match="b must"):
        BM25Index.build([["a"]], b=1.5)
    with pytest.raises(ValueError, match="delta"):
        BM25Index.build([["a"]], delta=-1)


def test_concurrent_searches_from_threads_agree(
    corpus: tuple[list[list[str]], list[list[str]]],
) -> None:
    docs, queries = corpus
    index = BM25Index.build(docs)
    expected = [index.search(q) for q in queries]
    results: dict[int, list[list[tuple[int, float]]]] = {}

    def run(worker: int) -> None:
        results[worker] = [index.search(q) for q in queries * 3]

    threads = [threading.Thread(target=run, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for got in results.values():
        assert got == expected * 3


def test_index_satisfies_the_retriever_protocol() -> None:
    retriever: Retriever = BM25Index.build([["a"], ["b"]])
    assert retriever.search(["a"], k=1)[0][0] == 0
