"""Scale benchmark: build, start-up, search, ask and batch at 1k / 10k / 100k synthetic articles.

    .venv/bin/python benchmarks/scale_bench.py [--sizes 1000,10000] [--data DIR] [--seed 0]
        [--queries 200] [--questions 100] [--batch 300] [--baseline-max-passages 400000]

For each size it writes (once; reused while present) a deterministic synthetic archive with
`benchmarks/synth.py`, then measures, each step in a fresh Python process so that memory and
start-up are what a user gets:

* full build (`Engine.open` with an empty cache): wall and CPU time, peak memory of the process
  tree (resident set sizes of the process and its indexing workers, sampled every 0.1 s), cache
  size (index entry and per-file results);
* incremental open after adding one file, changing one and deleting one (the previous cache
  entry is updated, see assistant/incremental.py): wall and CPU time, phases, peak memory;
* cold start: the cache files are evicted from the OS page cache (posix_fadvise DONTNEED on the
  cache files only), then a new process opens the engine and answers one question; warm start:
  the same again right away. Both are wall time from process start to the first answer;
* search latency (`Engine.search`, k=10, tokenising and hit building included) and `ask`
  latency, median and p95 over distinct queries/questions, each timed once after a warm-up;
* batch throughput: `assistant.batch.run_batch` over distinct questions, questions per second;
* the same searches with plain rank-bm25 (`BM25Plus.get_scores` + top-10, our scoring model) on
  the same passages, when there are at most --baseline-max-passages passages.

It prints one table (one column per size) plus time per article and memory per passage, so
linear growth can be checked. Other people's jobs share this machine: the load average is
printed with the results.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import synth  # noqa: E402

PYTHON = sys.executable


# --------------------------------------------------------------------------- measuring


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                fields = handle.read().rsplit(b")", 1)[1].split()
            ppid = int(fields[1])
            children.setdefault(ppid, []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            continue
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def run_child(
    args: list[str], env: dict[str, str] | None = None
) -> tuple[dict[str, Any], float, int]:
    """Run this script in child mode; (its JSON result, wall seconds, peak tree RSS bytes)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [PYTHON, str(Path(__file__).resolve()), "--child", *args],
        stdout=subprocess.PIPE,
        env={**os.environ, **(env or {})},
        cwd=ROOT,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(process.pid))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = process.communicate()
    wall = time.perf_counter() - started
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"child {args[0]} failed with exit code {process.returncode}")
    return json.loads(out.decode().strip().splitlines()[-1]), wall, peak


def evict(folder: Path) -> None:
    """Drop `folder`'s files from the OS page cache (only those files)."""
    for path in folder.rglob("*"):
        if path.is_file():
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                os.fsync(fd)
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            finally:
                os.close(fd)


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.exists() else 0


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# --------------------------------------------------------------------------- child modes


def _settings(corpus: str, cache: str) -> Any:
    from assistant.config import Settings

    return Settings(corpus=[Path(corpus)], cache_dir=Path(cache))


def child_open(corpus: str, cache: str) -> dict[str, Any]:
    started = time.perf_counter()
    cpu = time.process_time()
    from assistant.engine import Engine

    engine = Engine.open(_settings(corpus, cache), progress=sys.stderr.isatty())
    children = os.times()
    return {
        "seconds": time.perf_counter() - started,
        "cpu_self": time.process_time() - cpu,
        "cpu_children": children.children_user + children.children_system,
        "from_cache": engine.from_cache,
        "articles": len(engine.articles),
        "passages": len(engine.passages),
        "meetings": len(engine.meetings),
        "skipped": len(engine.skipped),
        "build_info": engine.build_info,
    }


def child_start(corpus: str, cache: str, question: str) -> dict[str, Any]:
    t0 = time.perf_counter()
    from assistant.engine import Engine

    t1 = time.perf_counter()
    engine = Engine.open(_settings(corpus, cache), progress=False)
    t2 = time.perf_counter()
    answer = engine.ask(question)
    t3 = time.perf_counter()
    return {
        "cpu": time.process_time(),  # since the interpreter started
        "import": t1 - t0,
        "open": t2 - t1,
        "first_ask": t3 - t2,
        "from_cache": engine.from_cache,
        "answered": answer.answered,
    }


def child_lexicon() -> dict[str, Any]:
    t0 = time.perf_counter()
    from assistant.knowledge.lexicon import lexicon

    t1 = time.perf_counter()
    lexicon()
    return {"import": t1 - t0, "lexicon": time.perf_counter() - t1}


def child_query(
    corpus: str, cache: str, n: int, seed: int, counts: str, baseline_max: int
) -> dict[str, Any]:
    from assistant.batch import QuestionRow, batch_workers, run_batch
    from assistant.engine import Engine

    n_queries, n_questions, n_batch = (int(x) for x in counts.split(","))
    engine = Engine.open(_settings(corpus, cache), progress=False)
    world = synth.make_world(seed)
    queries = synth.queries(world, seed, n, n_queries + 20)
    questions = synth.questions(world, seed, n, n_questions + n_batch + 10)
    for q in queries[:20]:
        engine.search(q)
    search_ms, search_cpu = [], []
    for q in queries[20:]:
        t, c = time.perf_counter(), time.process_time()
        engine.search(q)
        search_ms.append((time.perf_counter() - t) * 1e3)
        search_cpu.append((time.process_time() - c) * 1e3)
    for q in questions[:10]:
        engine.ask(q)
    ask_ms, ask_cpu = [], []
    answered = 0
    for q in questions[10 : 10 + n_questions]:
        t, c = time.perf_counter(), time.process_time()
        answer = engine.ask(q)
        ask_ms.append((time.perf_counter() - t) * 1e3)
        ask_cpu.append((time.process_time() - c) * 1e3)
        answered += answer.answered
    rows = [
        QuestionRow(id=i, question=q, line=i + 1)
        for i, q in enumerate(questions[10 + n_questions :])
    ]
    c = time.process_time()
    summary = run_batch(engine, rows, lambda row: None)
    batch_cpu = time.process_time() - c
    # As `newsdesk batch` runs it: forked workers, one per core (a fresh engine, so that the
    # first run's caches do not flatter the second).
    fresh = Engine.open(_settings(corpus, cache), progress=False)
    workers = batch_workers(fresh, len(rows), None, None)
    parallel = run_batch(fresh, rows, lambda row: None, workers=workers)
    result: dict[str, Any] = {
        "search_cpu_median_ms": statistics.median(search_cpu),
        "search_cpu_p95_ms": pct(search_cpu, 95),
        "ask_cpu_median_ms": statistics.median(ask_cpu),
        "ask_cpu_p95_ms": pct(ask_cpu, 95),
        "batch_per_cpu_second": summary.total / batch_cpu if batch_cpu else float("nan"),
        "search_median_ms": statistics.median(search_ms),
        "search_p95_ms": pct(search_ms, 95),
        "ask_median_ms": statistics.median(ask_ms),
        "ask_p95_ms": pct(ask_ms, 95),
        "answered": answered / max(len(ask_ms), 1),
        "batch_per_second": summary.total / summary.seconds if summary.seconds else float("nan"),
        "batch_workers": workers,
        "batch_parallel_per_second": (
            parallel.total / parallel.seconds if parallel.seconds else float("nan")
        ),
        "batch_errors": summary.errors,
    }
    if len(engine.passages) <= baseline_max:
        result.update(_baseline(engine, queries[20:]))
    return result


def _baseline(engine: Any, queries: list[str]) -> dict[str, Any]:
    import numpy as np
    import rank_bm25

    s = engine.settings
    tok = engine.tokenizer
    docs = []
    for article_id in engine.articles:
        article = engine.articles[article_id]
        title = tok(article.title) * s.title_weight
        i = engine.corpus.position(article_id)
        for pid in engine.corpus.passages_of(i):
            p = engine.passages[pid]
            docs.append(tok(p.text) + title)
    bm = rank_bm25.BM25Plus(docs, k1=s.bm25_k1, b=s.bm25_b, delta=s.bm25_delta)
    plain_ms, ours_ms, same = [], [], 0
    for q in queries:
        tokens = tok(q)
        t = time.perf_counter()
        scores = bm.get_scores(tokens)
        top = np.argpartition(-scores, 10)[:10] if scores.size > 10 else np.arange(scores.size)
        top = top[np.argsort(-scores[top], kind="stable")]
        plain_ms.append((time.perf_counter() - t) * 1e3)
        t = time.perf_counter()
        hits = engine.index.search(tokens, 10)
        ours_ms.append((time.perf_counter() - t) * 1e3)
        reference = np.lexsort((np.arange(scores.size), -scores))[: len(hits)]
        same += [d for d, _ in hits] == reference.tolist() and all(
            sc == float(scores[d]) for d, sc in hits
        )
    return {
        "plain_median_ms": statistics.median(plain_ms),
        "plain_p95_ms": pct(plain_ms, 95),
        "index_median_ms": statistics.median(ours_ms),
        "index_p95_ms": pct(ours_ms, 95),
        "identical": f"{same}/{len(queries)}",
    }


# --------------------------------------------------------------------------- the run


def prepare(data: Path, n: int, seed: int) -> Path:
    corpus = data / f"synth-{n}-seed{seed}"
    marker = corpus / ".complete"
    if not marker.exists():
        if corpus.exists():
            shutil.rmtree(corpus)
        started = time.perf_counter()
        counts = synth.write_corpus(corpus, n, seed)
        marker.write_text(json.dumps(counts))
        print(
            f"  wrote {n:,} articles in {time.perf_counter() - started:.0f} s: {counts}", flush=True
        )
    return corpus


def incremental_edit(corpus: Path, undo: list[tuple[Path, bytes | None]]) -> None:
    """Add one file, change one, delete one (recording how to undo it)."""
    txts = sorted(corpus.rglob("*.txt"))
    added = corpus / "9999" / "added.txt"
    added.parent.mkdir(exist_ok=True)
    added.write_text(
        "Orvik and Castel sign a fisheries pact\n\nBy Ana Lind\n\n"
        "Fisheries Minister Jon Orvik met Trade Minister Lea Castel in Lisbon on Monday to discuss "
        "fisheries quotas. The two ministers agreed to meet again in May.\n"
    )
    undo.append((added, None))
    changed, deleted = txts[0], txts[-1]
    undo.append((changed, changed.read_bytes()))
    changed.write_text(changed.read_text() + "\nA late paragraph adds one more sentence here.\n")
    undo.append((deleted, deleted.read_bytes()))
    deleted.unlink()


def restore(undo: list[tuple[Path, bytes | None]]) -> None:
    for path, content in reversed(undo):
        if content is None:
            path.unlink(missing_ok=True)
            with_parent = path.parent
            if with_parent.exists() and not any(with_parent.iterdir()):
                with_parent.rmdir()
        else:
            path.write_bytes(content)


def bench(n: int, args: argparse.Namespace) -> dict[str, Any]:
    data = Path(args.data)
    corpus = prepare(data, n, args.seed)
    cache = data / f"cache-{n}"
    if cache.exists():
        shutil.rmtree(cache)
    row: dict[str, Any] = {"articles": n}
    env = {"NEWSDESK_WORKERS": str(args.workers)} if args.workers else None
    built, wall, peak = run_child(["open", str(corpus), str(cache)], env)
    row.update(
        build_s=wall,
        build_cpu_s=built["cpu_self"] + built["cpu_children"],
        build_peak=peak,
        passages=built["passages"],
        meetings=built["meetings"],
        build_info=built["build_info"],
    )
    store = cache / "files"
    row["cache_index"] = du(cache) - du(store)
    row["cache_files"] = du(store)
    print(f"  build {wall:.1f} s, peak {peak / 2**30:.2f} GiB", flush=True)
    question = synth.questions(synth.make_world(args.seed), args.seed, n, 1)[0]
    evict(cache)
    cold, cold_wall, cold_peak = run_child(["start", str(corpus), str(cache), question])
    warm, warm_wall, _ = run_child(["start", str(corpus), str(cache), question])
    row.update(cold_s=cold_wall, cold=cold, warm_s=warm_wall, warm=warm, start_peak=cold_peak)
    print(f"  cold start {cold_wall:.2f} s, warm {warm_wall:.2f} s", flush=True)
    counts = f"{args.queries},{args.questions},{args.batch}"
    q, _, q_peak = run_child(
        [
            "query",
            str(corpus),
            str(cache),
            str(n),
            str(args.seed),
            counts,
            str(args.baseline_max_passages),
        ]
    )
    row.update(q)
    row["query_peak"] = q_peak
    undo: list[tuple[Path, bytes | None]] = []
    try:
        incremental_edit(corpus, undo)
        inc, inc_wall, inc_peak = run_child(["open", str(corpus), str(cache)], env)
        row.update(
            inc_s=inc_wall,
            inc_cpu_s=inc["cpu_self"] + inc["cpu_children"],
            inc_info=inc["build_info"],
            inc_peak=inc_peak,
        )
    finally:
        restore(undo)
    print(f"  incremental {inc_wall:.1f} s", flush=True)
    return row


def fmt_table(rows: list[dict[str, Any]]) -> str:
    gib, mib = 2**30, 2**20
    nan = float("nan")

    def both(a: float, b: float, unit: str = "ms") -> str:
        return f"{a:.1f} / {b:.1f} {unit}"

    lines: list[tuple[str, list[str]]] = [
        ("articles", [f"{r['articles']:,}" for r in rows]),
        ("passages (sentences)", [f"{r['passages']:,}" for r in rows]),
        ("meetings extracted", [f"{r['meetings']:,}" for r in rows]),
        ("full build, wall", [f"{r['build_s']:.1f} s" for r in rows]),
        ("  CPU (all processes)", [f"{r['build_cpu_s']:.0f} s" for r in rows]),
        ("  per 1k articles, wall", [f"{r['build_s'] / r['articles'] * 1000:.1f} s" for r in rows]),
        ("  workers", [str(r["build_info"].get("workers")) for r in rows]),
        (
            "  process / merge / bm25 / save",
            [
                " / ".join(
                    f"{r['build_info']['seconds'][k]:.1f}"
                    for k in ("process", "merge", "bm25", "save")
                )
                + " s"
                for r in rows
            ],
        ),
        ("peak memory (process tree)", [f"{r['build_peak'] / gib:.2f} GiB" for r in rows]),
        ("  per passage", [f"{r['build_peak'] / r['passages'] / 1024:.2f} KiB" for r in rows]),
        ("cache: index entry", [f"{r['cache_index'] / mib:.0f} MiB" for r in rows]),
        ("cache: per-file results", [f"{r['cache_files'] / mib:.0f} MiB" for r in rows]),
        ("incremental open (+1, ~1, -1 file)", [f"{r['inc_s']:.1f} s" for r in rows]),
        (
            "  files processed / reused",
            [f"{r['inc_info']['processed_files']} / {r['inc_info']['reused_files']}" for r in rows],
        ),
        ("  CPU of that process", [f"{r.get('inc_cpu_s', nan):.1f} s" for r in rows]),
        (
            "  process / splice / bm25 / save",
            [
                " / ".join(
                    f"{r['inc_info']['seconds'].get(k, nan):.1f}"
                    for k in ("process", "merge", "bm25", "save")
                )
                + (" s" if r["inc_info"].get("incremental") else " s (full merge)")
                for r in rows
            ],
        ),
        ("  peak memory", [f"{r.get('inc_peak', 0) / gib:.2f} GiB" for r in rows]),
        ("cold start to first answer", [f"{r['cold_s']:.2f} s" for r in rows]),
        (
            "  import / open / first ask",
            [
                f"{r['cold']['import']:.2f} / {r['cold']['open']:.2f} / {r['cold']['first_ask']:.2f} s"
                for r in rows
            ],
        ),
        ("  CPU of that process", [f"{r['cold'].get('cpu', float('nan')):.2f} s" for r in rows]),
        ("warm start to first answer", [f"{r['warm_s']:.2f} s" for r in rows]),
        ("  CPU of that process", [f"{r['warm'].get('cpu', float('nan')):.2f} s" for r in rows]),
        ("memory after start + queries", [f"{r['query_peak'] / mib:.0f} MiB" for r in rows]),
        ("search median / p95", [both(r["search_median_ms"], r["search_p95_ms"]) for r in rows]),
        (
            "  CPU time median / p95",
            [
                both(r.get("search_cpu_median_ms", nan), r.get("search_cpu_p95_ms", nan))
                for r in rows
            ],
        ),
        ("ask median / p95", [both(r["ask_median_ms"], r["ask_p95_ms"]) for r in rows]),
        (
            "  CPU time median / p95",
            [both(r.get("ask_cpu_median_ms", nan), r.get("ask_cpu_p95_ms", nan)) for r in rows],
        ),
        ("  questions answered", [f"{r['answered']:.0%}" for r in rows]),
        ("batch throughput, one process", [f"{r['batch_per_second']:.0f} q/s" for r in rows]),
        (
            "  with worker processes",
            [
                f"{r.get('batch_parallel_per_second', nan):.0f} q/s ({r.get('batch_workers', '-')})"
                for r in rows
            ],
        ),
        ("  per CPU second", [f"{r.get('batch_per_cpu_second', nan):.0f} q/s" for r in rows]),
        (
            "BM25Index.search median / p95",
            [
                both(r["index_median_ms"], r["index_p95_ms"]) if "index_median_ms" in r else "-"
                for r in rows
            ],
        ),
        (
            "rank-bm25 get_scores median / p95",
            [
                both(r["plain_median_ms"], r["plain_p95_ms"])
                if "plain_median_ms" in r
                else "(skipped)"
                for r in rows
            ],
        ),
        (
            "  ratio (median)",
            [
                f"{r['plain_median_ms'] / r['index_median_ms']:.0f}x"
                if "plain_median_ms" in r
                else "-"
                for r in rows
            ],
        ),
        ("  identical top-10", [r.get("identical", "-") for r in rows]),
    ]
    width = max(len(name) for name, _ in lines)
    col = max(max(len(v) for v in values) for _, values in lines)
    out = [f"| {'':<{width}} | " + " | ".join(f"{'':>{col}}" for _ in rows) + " |"]
    out[0] = (
        f"| {'metric':<{width}} | " + " | ".join(f"{r['articles']:>{col},}" for r in rows) + " |"
    )
    out.append(f"|{'-' * (width + 2)}|" + "|".join("-" * (col + 2) for _ in rows) + "|")
    for name, values in lines:
        out.append(f"| {name:<{width}} | " + " | ".join(f"{v:>{col}}" for v in values) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        mode, rest = argv[1], argv[2:]
        if mode == "open":
            result = child_open(*rest)
        elif mode == "start":
            result = child_start(*rest)
        elif mode == "lexicon":
            result = child_lexicon()
        else:
            result = child_query(
                rest[0], rest[1], int(rest[2]), int(rest[3]), rest[4], int(rest[5])
            )
        print(json.dumps(result))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--data", default="/tmp/newsdesk-bench")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--batch", type=int, default=300)
    parser.add_argument("--workers", type=int, default=0, help="indexing workers (default: cores)")
    parser.add_argument("--baseline-max-passages", type=int, default=400_000)
    parser.add_argument("--json", help="also write the raw results here")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    Path(args.data).mkdir(parents=True, exist_ok=True)
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()}",
        flush=True,
    )
    lex, _, _ = run_child(["lexicon"])
    rows = []
    for n in sizes:
        print(f"== {n:,} articles", flush=True)
        rows.append(bench(n, args))
    print()
    print(fmt_table(rows))
    print(
        f"\nlexicon/gazetteer load {lex['lexicon']:.2f} s (after {lex['import']:.2f} s of imports); "
        f"load average at the end {os.getloadavg()}"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
