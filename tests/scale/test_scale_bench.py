"""The scale benchmark runs end to end on a tiny archive (numbers are printed, not asserted)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import scale_bench, synth


def test_synthetic_archive_is_deterministic(tmp_path: Path) -> None:
    a = synth.write_corpus(tmp_path / "a", 40, seed=5)
    b = synth.write_corpus(tmp_path / "b", 40, seed=5)
    assert a == b
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*"))
    assert files_a == files_b
    for rel in files_a:
        if (tmp_path / "a" / rel).is_file():
            assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    world = synth.make_world(5)
    assert synth.questions(world, 5, 40, 8) == synth.questions(world, 5, 40, 8)
    assert len(synth.queries(world, 5, 40, 8)) == 8


@pytest.mark.slow
def test_scale_bench_prints_a_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = scale_bench.main(
        [
            "--sizes",
            "60",
            "--data",
            str(tmp_path),
            "--queries",
            "10",
            "--questions",
            "4",
            "--batch",
            "6",
        ]
    )
    assert code == 0
    out = capsys.readouterr().out
    for row in (
        "full build, wall",
        "incremental open (+1, ~1, -1 file)",
        "cold start to first answer",
        "search median / p95",
        "batch throughput",
    ):
        assert row in out
    assert "10/10" in out  # plain rank-bm25 agrees with the index on every query
