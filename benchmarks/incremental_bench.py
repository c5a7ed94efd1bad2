"""Incremental opens: updating the cache entry against a full merge, on the same edit.

    .venv/bin/python benchmarks/incremental_bench.py --corpus DIR --cache DIR [--no-check]

`--cache` should hold a build of `--corpus` (say the one `scale_bench.py` leaves in
/tmp/newsdesk-bench/cache-N; without one, the first open is a full build). The corpus is edited as `scale_bench.py` does (one file added, one
changed, one deleted); a fresh process opens it (the previous entry is updated); another opens it
with NEWSDESK_INCREMENTAL=0 in a second cache folder that shares the per-file store (a full merge
of every stored result: what every open after a change used to do); unless --no-check, a third
loads both entries and checks that users see the same thing (corpus and index arrays, skipped
inputs, proper words, 100 searches, 20 answers). The edit is then undone and the undo opened
the same way. Wall and CPU time, phases and peak memory of each open are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.scale_bench import incremental_edit, restore, run_child  # noqa: E402


def compare(corpus: str, a_dir: str, b_dir: str) -> dict[str, Any]:
    """Child mode: both entries load from the cache and agree on everything users see."""
    import numpy as np

    from assistant.config import Settings
    from assistant.engine import Engine
    from benchmarks import synth

    a = Engine.open(Settings(corpus=[Path(corpus)], cache_dir=Path(a_dir)), progress=False)
    b = Engine.open(Settings(corpus=[Path(corpus)], cache_dir=Path(b_dir)), progress=False)
    assert a.from_cache and b.from_cache and a.corpus is not None and b.corpus is not None
    assert a.corpus.ids == b.corpus.ids
    for name, array in a.corpus.arrays.items():
        assert np.array_equal(np.asarray(array), np.asarray(b.corpus.arrays[name])), name
    x, y = a.index.to_arrays(), b.index.to_arrays()  # type: ignore[attr-defined]
    for name in x:
        assert x[name].dtype == y[name].dtype, name
        assert np.array_equal(np.asarray(x[name]), np.asarray(y[name])), name
    assert a.skipped == b.skipped and a.proper_words == b.proper_words
    world = synth.make_world(0)
    n = len(a.corpus.ids)
    for query in synth.queries(world, 0, n, 100):
        assert a.search(query) == b.search(query), query
    for question in synth.questions(world, 0, n, 20):
        assert a.ask(question).model_dump() == b.ask(question).model_dump(), question
    return {"articles": n, "passages": a.index.n_docs, "proper_words": len(a.proper_words)}


def measure(corpus: Path, cache: Path, env: dict[str, str] | None = None) -> str:
    result, wall, peak = run_child(["open", str(corpus), str(cache)], env)
    info = result["build_info"]
    cpu = result["cpu_self"] + result["cpu_children"]
    phases = " / ".join(
        f"{info['seconds'].get(k, float('nan')):.1f}" for k in ("process", "merge", "bm25", "save")
    )
    how = "entry updated" if info.get("incremental") else "full merge"
    return (
        f"{how}: wall {wall:.1f} s, CPU {cpu:.1f} s, peak {peak / 2**30:.2f} GiB, "
        f"process / merge (splice) / bm25 / save {phases} s (wall), "
        f"files read {info['processed_files']}"
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child-compare":
        print(json.dumps(compare(*argv[1:4])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--cache", required=True)
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args(argv)
    corpus, cache = Path(args.corpus), Path(args.cache)
    full = cache.with_name(cache.name + "-full-merge")
    shutil.rmtree(full, ignore_errors=True)
    # Hard links: the full merge reuses the stored results, and what it prunes is its own links.
    shutil.copytree(cache / "files", full / "files", copy_function=os.link)
    print(f"{corpus}, load {os.getloadavg()}", flush=True)
    undo: list[tuple[Path, bytes | None]] = []
    try:
        for step in ("edit", "undo"):
            if step == "edit":
                incremental_edit(corpus, undo)
            else:
                restore(undo)
                undo = []
            print(f"{step}: {measure(corpus, cache)}", flush=True)
            print(f"{step}: {measure(corpus, full, {'NEWSDESK_INCREMENTAL': '0'})}", flush=True)
            if not args.no_check:
                result, wall, _ = run_child_compare(corpus, cache, full)
                print(f"{step}: identical ({result}), checked in {wall:.0f} s", flush=True)
    finally:
        restore(undo)
        shutil.rmtree(full, ignore_errors=True)
    return 0


def run_child_compare(corpus: Path, a: Path, b: Path) -> tuple[dict[str, Any], float, int]:
    import subprocess
    import time

    started = time.perf_counter()
    out = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child-compare",
            str(corpus),
            str(a),
            str(b),
        ],
        check=True,
        stdout=subprocess.PIPE,
        cwd=ROOT,
    ).stdout
    return json.loads(out.decode().strip().splitlines()[-1]), time.perf_counter() - started, 0


if __name__ == "__main__":
    raise SystemExit(main())
