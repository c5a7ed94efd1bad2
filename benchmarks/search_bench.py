"""Benchmark BM25Index against plain rank-bm25 on synthetic news-like passages.

    .venv/bin/python benchmarks/search_bench.py [--sizes 10000,100000] [--queries 200] [--seed 0]
        [--repeat 3] [--no-baseline]

For each size it builds a deterministic corpus (seeded): a vocabulary of the stop list plus
generated pseudo-words with Zipf-Mandelbrot frequencies (stopwords are the most frequent words,
as in English; shorter words are more frequent), passages of 25-35 words where ~15% of the words
come from three per-passage topic words (so words repeat within a passage, as in news), tokenised
with `assistant.text.Tokenizer`. Queries are 2-6 content words drawn with the same frequencies.

It prints one table per size: build time and memory, cache save/load time through IndexCache,
search latency (median and p95 over the queries of each query's best of --repeat runs,
tokenising excluded) for BM25Index.search(k=10)
and for rank_bm25.BM25Plus.get_scores + top-10, the speed-up, and whether the top-10 (ids and
float scores) are identical for every query.
"""

from __future__ import annotations

import argparse
import gc
import math
import statistics
import sys
import tempfile
import time
import tracemalloc
from importlib import metadata
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import rank_bm25

from assistant import prompts
from assistant.cache import Bundle, IndexCache
from assistant.config import Settings
from assistant.index import BM25Index
from assistant.text import Tokenizer

CONSONANTS = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z"]
ONSETS = [*CONSONANTS, "br", "ch", "cl", "dr", "gr", "pl", "pr", "sh", "st", "tr", "th"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "ou"]
SUFFIXES = ["", "", "", "s", "ed", "ing", "er", "ly", "tion", "ment"]


def make_vocabulary(rng: np.random.Generator, n_content: int) -> tuple[list[str], np.ndarray]:
    """Words in frequency rank order (stopwords among the top ranks) and a stopword mask."""
    stop = sorted(prompts.stopwords())
    rng.shuffle(stop)
    seen = set(stop)
    content: list[str] = []
    while len(content) < n_content:
        batch = 2 * (n_content - len(content)) + 100
        syllables = rng.choice([1, 2, 3, 4], size=batch, p=[0.2, 0.4, 0.3, 0.1]).tolist()
        onsets = rng.integers(len(ONSETS), size=(batch, 4)).tolist()
        vowels = rng.integers(len(VOWELS), size=(batch, 4)).tolist()
        codas = rng.integers(2 * len(CONSONANTS), size=batch).tolist()  # half: no final consonant
        suffixes = rng.integers(len(SUFFIXES), size=batch).tolist()
        for i in range(batch):
            word = "".join(ONSETS[onsets[i][j]] + VOWELS[vowels[i][j]] for j in range(syllables[i]))
            if codas[i] < len(CONSONANTS):
                word += CONSONANTS[codas[i]]
            word += SUFFIXES[suffixes[i]]
            if word not in seen:
                seen.add(word)
                content.append(word)
                if len(content) == n_content:
                    break
    content.sort(key=len)  # stable: shorter words get the higher ranks
    # As in English, the top ranks are mostly function words with some very common content
    # words ("said", "year", "people") among them: 200 ranks shared by the stop list and content.
    head = stop + content[: 200 - len(stop)]
    rng.shuffle(head)
    words = head + content[200 - len(stop) :]
    return words, np.array([w in prompts.stopwords() for w in words])


def zipf_weights(n: int, s: float = 1.0, q: float = 2.7) -> np.ndarray:
    weights = 1.0 / (np.arange(n) + q) ** s
    return weights / weights.sum()


def make_corpus(
    size: int, n_queries: int, seed: int
) -> tuple[list[str], list[list[str]], list[list[str]]]:
    """Passage texts, their tokens, and query tokens."""
    rng = np.random.default_rng(seed)
    words, is_stop = make_vocabulary(rng, n_content=60_000)
    p = zipf_weights(len(words))
    lengths = rng.integers(25, 36, size=size)
    flat = rng.choice(len(words), size=int(lengths.sum()), p=p)
    # Topic words: three mid-frequency content words per passage take ~15% of its words.
    mid = np.arange(400, 20_000)
    topics = rng.choice(mid, size=(size, 3), p=zipf_weights(len(mid), s=0.8))
    owner = np.repeat(np.arange(size), lengths)
    bursty = rng.random(flat.size) < 0.15
    flat[bursty] = topics[owner[bursty], rng.integers(0, 3, size=int(bursty.sum()))]
    texts = []
    o = 0
    for n in lengths.tolist():
        sentence = " ".join(words[w] for w in flat[o : o + n].tolist())
        texts.append(sentence[:1].upper() + sentence[1:] + ".")
        o += n
    tokenizer = Tokenizer()
    docs = [tokenizer(text) for text in texts]
    content = np.flatnonzero(~is_stop)
    content_p = p[content] / p[content].sum()
    queries = []
    for _ in range(n_queries):
        picks = rng.choice(content, size=int(rng.integers(2, 7)), p=content_p)
        queries.append(tokenizer(" ".join(words[w] for w in picks.tolist())))
    return texts, docs, queries


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q))


def baseline_top(scores: np.ndarray, k: int) -> list[int]:
    """What a plain rank-bm25 user does: argpartition the full score vector, then sort k."""
    top = np.argpartition(-scores, k)[:k] if scores.size > k else np.arange(scores.size)
    return top[np.argsort(-scores[top], kind="stable")].tolist()


def exact_top(scores: np.ndarray, k: int) -> list[int]:
    """Top-k by (-score, doc id) over all documents: the reference order."""
    return np.lexsort((np.arange(scores.size), -scores))[:k].tolist()


def run(size: int, n_queries: int, seed: int, repeat: int, baseline: bool) -> None:
    settings = Settings()
    k1, b, delta = settings.bm25_k1, settings.bm25_b, settings.bm25_delta
    started = time.perf_counter()
    _, docs, queries = make_corpus(size, n_queries, seed)
    gen_seconds = time.perf_counter() - started
    n_tokens = sum(len(d) for d in docs)

    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    index = BM25Index.build(docs, k1=k1, b=b, delta=delta)
    build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - cpu
    arrays = index.to_arrays()
    index_bytes = sum(a.nbytes for a in arrays.values())
    n_postings = int(arrays["bm25_indices"].size)

    gc.collect()
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    BM25Index.build(docs, k1=k1, b=b, delta=delta)
    build_peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    gc.collect()

    with tempfile.TemporaryDirectory() as tmp:
        cache = IndexCache(Path(tmp))
        started = time.perf_counter()
        saved = cache.save("bench", Bundle(arrays=arrays))
        save_seconds = time.perf_counter() - started
        assert saved is not None, cache.warnings
        started = time.perf_counter()
        loaded = cache.load("bench")
        assert loaded is not None
        restored = BM25Index.from_arrays(loaded.arrays)
        load_seconds = time.perf_counter() - started
        started = time.perf_counter()
        after_load = [restored.search(q) for q in queries]
        first_queries_seconds = time.perf_counter() - started
        restored_same = after_load == [index.search(q) for q in queries]
        del restored, loaded

    for q in queries[:10]:  # warm up
        index.search(q, k=10)
    ours: list[float] = []
    results = []
    for q in queries:
        best = math.inf
        for _ in range(repeat):
            t0 = time.perf_counter()
            hits = index.search(q, k=10)
            best = min(best, time.perf_counter() - t0)
        ours.append(best)
        results.append(hits)

    ms = 1e3
    our_med, our_p95 = statistics.median(ours) * ms, percentile(ours, 95) * ms
    rows = [
        ("corpus generation + tokenising", f"{gen_seconds:.2f} s (not part of the index)"),
        ("BM25Index.build", f"{build_seconds:.2f} s ({build_cpu:.2f} s CPU)"),
        (
            "peak memory during build",
            f"{build_peak / 2**20:.1f} MiB (tracemalloc peak of Python + numpy allocations "
            "made by build; the input token lists excluded)",
        ),
        ("index arrays", f"{index_bytes / 2**20:.1f} MiB"),
        ("cache save (IndexCache.save)", f"{save_seconds * ms:.0f} ms"),
        (
            "cache load + from_arrays",
            f"{load_seconds * ms:.1f} ms (big arrays memory-mapped, read lazily)",
        ),
        (
            f"first {len(queries)} searches after load",
            f"{first_queries_seconds * ms:.0f} ms, results equal to the built index: "
            f"{restored_same}",
        ),
        ("BM25Index.search k=10", f"median {our_med:.3f} ms   p95 {our_p95:.3f} ms"),
    ]
    checks = {"p95 <= 5 ms": our_p95 <= 5.0}

    if baseline:
        started = time.perf_counter()
        bm = rank_bm25.BM25Plus(docs, k1=k1, b=b, delta=delta)
        bm_build_seconds = time.perf_counter() - started
        theirs: list[float] = []
        identical = 0
        for q, hits in zip(queries, results, strict=True):
            best = math.inf
            for _ in range(repeat):
                t0 = time.perf_counter()
                scores = bm.get_scores(q)
                baseline_top(scores, 10)
                best = min(best, time.perf_counter() - t0)
            theirs.append(best)
            reference = exact_top(scores, 10)
            n = len(hits)
            same = [d for d, _ in hits] == reference[:n] and all(
                s == float(scores[d]) for d, s in hits
            )
            # Fewer than 10 hits: the reference's remaining places must hold no query term.
            wanted = set(q)
            same = same and not any(wanted & bm.doc_freqs[d].keys() for d in reference[n:])
            identical += same
        their_med, their_p95 = statistics.median(theirs) * ms, percentile(theirs, 95) * ms
        rows += [
            ("rank_bm25.BM25Plus(docs) constructor", f"{bm_build_seconds:.2f} s"),
            ("get_scores + top-10", f"median {their_med:.2f} ms   p95 {their_p95:.2f} ms"),
            ("speed-up", f"median {their_med / our_med:.0f}x   p95 {their_p95 / our_p95:.0f}x"),
            ("top-10 identical (ids + scores)", f"{identical}/{len(queries)} queries"),
        ]
        checks[">= 20x faster (median and p95)"] = (
            min(their_med / our_med, their_p95 / our_p95) >= 20
        )
        checks["identical top-10"] = identical == len(queries)

    print(
        f"\n== {size:,} passages: {n_tokens:,} tokens, vocabulary {len(index.vocabulary):,}, "
        f"{n_postings:,} postings; {len(queries)} queries of 2-6 words, "
        f"best of {repeat} runs each =="
    )
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print("targets: " + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in checks.items()))
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated passage counts")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="time each query this many times and keep the fastest (filters out other load)",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip rank-bm25 (its get_scores takes ~1 s a query at 1M passages)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, "
        f"rank-bm25 {metadata.version('rank-bm25')}, seed {args.seed}"
    )
    for size in sizes:
        run(size, args.queries, args.seed, max(1, args.repeat), baseline=not args.no_baseline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
