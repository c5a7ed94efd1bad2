"""Question-answering speed as a user meets it: `newsdesk batch` throughput and `newsdesk ask`
latency, each in a fresh process over a warm index cache.

    .venv/bin/python benchmarks/qa_bench.py [--corpus DIR] [--questions FILE ...]
        [--workers 1,2] [--runs 3] [--asks 10] [--cache-dir DIR]

Defaults: the evaluation articles and question sets in ../shared/eval when they are there (the
issue's measure: 666 articles, seed + dev questions), else the bundled corpus/ and tests/qa/.
Every run is a subprocess (`python -m assistant ...`), so imports, cache opening and the rule
tables are paid as a user pays them.

Printed: the index build (the first run, cache empty unless --cache-dir is given); for each
--workers value the batch rate from its own summary line (questions / time from the first
question to the last row written, start-up excluded), the whole command's wall time (start-up
included) and its CPU time with its workers' (what other load on the machine changes least),
median of --runs; `ask` wall time over --asks questions (median, p95, max), each a
whole command; and the load average before and after, since the machine may be shared.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
SUMMARY = re.compile(r"newsdesk: (\d+) questions, .* in (\d+\.\d)s \((\d+\.\d)/s\)")


def default_inputs() -> tuple[Path, list[Path]]:
    if (EVAL / "corpus").is_dir() and (EVAL / "dev.jsonl").is_file():
        return EVAL / "corpus", [EVAL / "seed.jsonl", EVAL / "dev.jsonl"]
    return ROOT / "corpus", sorted((ROOT / "tests" / "qa").glob("part-*.jsonl"))


def newsdesk(*args: str | Path) -> tuple[float, subprocess.CompletedProcess[str]]:
    seconds, _, result = timed_newsdesk(*args)
    return seconds, result


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed_newsdesk(*args: str | Path) -> tuple[float, float, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds of the command and every process it started (its batch
    workers; less sensitive than wall time to other load on the machine), and the result."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "assistant", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    seconds = time.perf_counter() - started
    cpu = _children_cpu() - cpu
    if result.returncode != 0:
        raise SystemExit(f"newsdesk {' '.join(map(str, args))} failed:\n{result.stderr}")
    return seconds, cpu, result


def questions_of(files: list[Path]) -> list[str]:
    out = []
    for path in files:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["question"])
    return out


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    corpus, files = default_inputs()
    parser.add_argument("--corpus", type=Path, default=corpus)
    parser.add_argument("--questions", type=Path, nargs="+", default=files)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--asks", type=int, default=10)
    parser.add_argument("--cache-dir", type=Path)
    args = parser.parse_args(argv)

    questions = questions_of(args.questions)
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as tmp:
        cache = args.cache_dir or Path(tmp) / "cache"
        batch_file = Path(tmp) / "questions.jsonl"
        batch_file.write_text(
            "".join(json.dumps({"id": i, "question": q}) + "\n" for i, q in enumerate(questions)),
            encoding="utf-8",
        )
        common = ["--corpus", str(args.corpus), "--cache-dir", str(cache)]
        load_before = os.getloadavg()
        build, result = newsdesk("corpus", *common)
        print(f"corpus: {args.corpus} ({result.stdout.count(chr(10))} lines of listing)")
        print(f"questions: {len(questions)} from {', '.join(p.name for p in args.questions)}")
        print(f"cores: {os.cpu_count()}; load average before: {load_before[0]:.2f}")
        print(f"first open (index build unless the cache was warm): {build:.1f} s wall")
        print()
        print("| batch workers | rate (summary line) | whole command, wall | CPU, all processes |")
        print("|---|---|---|---|")
        for workers in [int(w) for w in args.workers.split(",") if w.strip()]:
            rates, walls, cpus = [], [], []
            for _ in range(args.runs):
                wall, cpu, result = timed_newsdesk(
                    "batch", batch_file, "--out", os.devnull, "--workers", str(workers), *common
                )
                cpus.append(cpu)
                found = SUMMARY.search(result.stderr)
                if found is None:
                    raise SystemExit(f"no summary line in: {result.stderr}")
                rates.append(float(found.group(3)))
                walls.append(wall)
            rate = statistics.median(rates)
            print(
                f"| {workers} | {rate:.1f} questions/s (runs: {', '.join(f'{r:.0f}' for r in rates)}) "
                f"| {statistics.median(walls):.2f} s | {statistics.median(cpus):.2f} s |"
            )
        print()
        step = max(1, len(questions) // max(1, args.asks))
        asked = questions[::step][: args.asks]
        times = [newsdesk("ask", q, *common)[0] for q in asked]
        if times:  # --asks 0 measures the batch alone
            print(
                f"`newsdesk ask`, whole command, {len(times)} questions: median "
                f"{statistics.median(times):.2f} s, p95 {p95(times):.2f} s, max {max(times):.2f} s"
            )
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
